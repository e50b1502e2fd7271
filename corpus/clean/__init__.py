"""Lossless cleaning: every change is an :class:`~corpus.model.Edit` in a logged pass.

``clean(raw)`` returns the cleaned text (one paragraph per line, lines joined
by a single ``\\n``, no blank lines, no outer whitespace) and the passes, so
that ``editlog.revert_all(cleaned, passes) == raw`` for any input.
The passes and their order: :mod:`corpus.clean.passes`; the patterns and
reasons: ``corpus/curated/cleaning/*.yaml``.
"""
from __future__ import annotations

from collections import Counter

from corpus import editlog
from corpus.clean.passes import FIRST, MAX_ROUNDS, SETTLED_ONLY, Pass, structural
from corpus.model import Document, Edit
from corpus.stage import Stage

__all__ = ["STAGE", "clean", "clean_document", "count_rules"]


def _run(text: str, passes: tuple[Pass, ...], log: list[list[Edit]]) -> str:
    changed = False
    for cleaning_pass in passes:
        # the line model scores whole lines once the rules before it are settled: a paragraph whose spliced notices a
        # rule cuts one a round would otherwise be scored, and removed, with a notice still in it
        if cleaning_pass.name in SETTLED_ONLY and changed:
            continue
        edits = cleaning_pass.find(text)
        changed = changed or bool(edits)
        if edits:
            text = editlog.apply(text, edits)
            log.append(edits)
    return text


def clean(raw: str, source: str = "<text>", skip: frozenset[str] = frozenset()) -> tuple[str, list[list[Edit]]]:
    """Clean ``raw``; return the text and the non-empty edit passes in order.

    ``source`` names the input in error messages only; ``skip`` names passes not to run (the line model's training
    script reads the text as the passes before it leave it).
    """
    passes: list[list[Edit]] = []
    try:
        text = _run(raw, FIRST, passes)
        structural_passes = tuple(p for p in structural(text) if p.name not in skip)
        shortest, stalled = len(text), 0
        while stalled < MAX_ROUNDS:  # to a fixed point; a round that makes the text shorter than ever is progress
            before = len(passes)
            text = _run(text, structural_passes, passes)
            if len(passes) == before:
                break
            shortest, stalled = (len(text), 0) if len(text) < shortest else (shortest, stalled + 1)
    except ValueError as error:  # a finder produced edits that do not fit its text
        raise ValueError(f"{source}: cleaning failed: {error}") from error
    return text, passes


def clean_document(document: Document) -> Document:
    """Fill ``document.cleaned`` and ``document.edits`` from ``document.raw``."""
    document.cleaned, document.edits = clean(document.raw, document.source_file)
    return document


STAGE = Stage("clean", clean_document, reads=("raw", "source_file"), fills=("cleaned", "edits"))


def count_rules(passes: list[list[Edit]]) -> Counter[str]:
    """Number of edits per rule, for reports and the dataset card."""
    return Counter(edit.rule for edits in passes for edit in edits)
