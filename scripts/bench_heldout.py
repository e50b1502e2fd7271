#!/usr/bin/env python
"""Per-layer figures on new documents: the held-out captures (or the dev captures).

    python scripts/bench_heldout.py [--dir tests/heldout] [--errors] [--rules-only] [--line-model off]

Each capture ``NAME.txt`` goes through the text stages and annotation (no English: the
translation layer is not measured here) and is compared with ``NAME.yaml`` (format in
``tests/heldout/README.md``).  Printed, summed over the captures:

* text: expected letters and digits recovered in order (punctuation and spaces are not
  counted), expected lines recovered whole, and characters in the output that the expected
  text lacks (boilerplate, spam or mojibake that leaked), with how many sentences are flagged
  ``corrupted``;
* turns: turns found, with the expected label and role, and with a speaker (id) at all, and turn
  paragraphs beyond the expected ones (a headline or a caption read as a turn);
* entities: precision and recall of distinct (name, type) pairs per document, for person,
  org and place (``--rules-only``: the rules' names, without the learned mention classifier).

``--line-model off`` cleans without the learned line model (``CORPUS_LINE_MODEL=off``).

The captures in ``tests/heldout/``, ``tests/heldout2/`` and ``tests/heldout3/`` (one set per round of
issue 11) are test data: never tune on them; tune on ``tests/devcaptures/``.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from corpus import pipeline
from corpus.annotate import annotate, load_registry, mention_classifier
from corpus.model import Document

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout"
NAME_TYPES = ("person", "org", "place")


@dataclass
class Figures:
    expected_chars: int = 0
    recovered_chars: int = 0
    leaked_chars: int = 0
    leaked_in_flagged_chars: int = 0  # of leaked_chars, inside sentences flagged corrupted (marked, not silent)
    expected_lines: int = 0
    recovered_lines: int = 0
    corrupted_sentences: int = 0
    expected_turns: int = 0
    found_turns: int = 0
    unexpected_turns: int = 0  # turn paragraphs beyond the expected ones (a headline or a caption read as a turn)
    right_roles: int = 0
    with_speaker: int = 0
    true_positives: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def letters(text: str) -> str:
    """Letters and digits only: what 'text recovered' counts."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def score_text(doc: Document, expected: list[str], figures: Figures) -> None:
    wanted, got = letters("".join(expected)), letters(doc.cleaned)
    blocks = SequenceMatcher(None, wanted, got, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks)
    figures.expected_chars += len(wanted)
    figures.recovered_chars += matched
    figures.leaked_chars += len(got) - matched
    for line in expected:
        figures.expected_lines += 1
        if letters(line) in got:
            figures.recovered_lines += 1
        else:
            figures.errors.append(f"{doc.doc_id}: line lost or changed: {line}")
    flagged = [letters(s.zh) for s in doc.sentences if "corrupted" in s.flags]
    figures.corrupted_sentences += len(flagged)
    if len(got) > matched:
        figures.errors.append(f"{doc.doc_id}: output has {len(got) - matched} characters the expected text lacks")
        start = 0
        for block in blocks:
            if block.b > start:
                leak = got[start:block.b]
                marked = any(leak in sentence for sentence in flagged)
                figures.leaked_in_flagged_chars += len(leak) if marked else 0
                where = " (in a sentence flagged corrupted)" if marked else ""
                figures.errors.append(f"{doc.doc_id}:   leaked (letters only){where}: {leak}")
            start = block.b + block.size


def score_turns(doc: Document, expected: list[list[str]], figures: Figures) -> None:
    turns = [p for p in doc.paragraphs if p.kind == "turn"]
    figures.expected_turns += len(expected)
    figures.found_turns += min(len(turns), len(expected))
    figures.unexpected_turns += max(0, len(turns) - len(expected))
    for turn in turns[len(expected):]:
        figures.errors.append(f"{doc.doc_id}: unexpected turn {turn.speaker_label!r}: {turn.text[:30]}")
    for (label, role), turn in zip(expected, turns):
        first = turn.sentences[0] if turn.sentences else None
        got_role = first.speaker_role if first else None
        if turn.speaker_label == label and got_role == role:
            figures.right_roles += 1
        else:
            figures.errors.append(f"{doc.doc_id}: turn {turn.speaker_label!r} role {got_role!r}, "
                                  f"expected {label!r} {role}")
        if first is not None and first.speaker:
            figures.with_speaker += 1
        else:
            figures.errors.append(f"{doc.doc_id}: turn {turn.speaker_label!r} has no speaker")


def score_entities(doc: Document, expected: list[str], figures: Figures) -> None:
    gold = {tuple(item.rsplit(" ", 1)) for item in expected}
    found = {(m.text, m.type) for s in doc.sentences for m in s.entities if m.type in NAME_TYPES}
    for name, kind in gold:
        figures.gold[kind] += 1
    for name, kind in found:
        figures.predicted[kind] += 1
        if (name, kind) in gold:
            figures.true_positives[kind] += 1
        else:
            figures.errors.append(f"{doc.doc_id}: spurious {kind} {name}")
    for name, kind in sorted(gold - found):
        figures.errors.append(f"{doc.doc_id}: missed {kind} {name}")


def evaluate(directory: Path) -> Figures:
    figures = Figures()
    registry = load_registry()
    with tempfile.TemporaryDirectory() as temporary:
        seeds = Path(temporary)
        for capture in sorted(directory.glob("*.txt")):
            shutil.copy(capture, seeds / capture.name)
        docs = pipeline.prepare(seeds)
    for doc in docs:
        annotate(doc, registry)
        expected = yaml.safe_load((directory / Path(doc.source_file).with_suffix(".yaml").name).read_text("utf-8"))
        score_text(doc, expected["text"], figures)
        score_turns(doc, expected["turns"], figures)
        score_entities(doc, expected["entities"], figures)
    return figures


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def report(figures: Figures, show_errors: bool) -> None:
    print(f"text: {figures.recovered_chars}/{figures.expected_chars} expected characters recovered "
          f"({ratio(figures.recovered_chars, figures.expected_chars)}), "
          f"{figures.recovered_lines}/{figures.expected_lines} lines whole; "
          f"leaked {figures.leaked_chars} characters ({figures.leaked_in_flagged_chars} inside sentences flagged "
          f"corrupted); {figures.corrupted_sentences} sentences flagged corrupted")
    print(f"turns: {figures.found_turns}/{figures.expected_turns} found, {figures.right_roles} with the expected "
          f"label and role, {figures.with_speaker} with a speaker, {figures.unexpected_turns} unexpected")
    for kind in NAME_TYPES:
        tp = figures.true_positives[kind]
        print(f"entities {kind:6}: precision {ratio(tp, figures.predicted[kind])} recall "
              f"{ratio(tp, figures.gold[kind])} "
              f"({tp} right, {figures.predicted[kind]} found, {figures.gold[kind]} gold)")
    if show_errors:
        for error in figures.errors:
            print("  " + error)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=HELDOUT, help="folder of NAME.txt + NAME.yaml captures")
    parser.add_argument("--errors", action="store_true", help="list every difference")
    parser.add_argument("--rules-only", action="store_true", help="without the learned mention classifier")
    parser.add_argument("--line-model", choices=("on", "off"), default="on",
                        help="clean with the learned line model (the default) or without it")
    args = parser.parse_args(argv)
    os.environ["CORPUS_LINE_MODEL"] = args.line_model
    with mention_classifier.rules_only() if args.rules_only else contextlib.nullcontext():
        report(evaluate(args.dir), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
