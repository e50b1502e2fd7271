"""Applying and reverting cleaning passes.

A pass is a list of non-overlapping :class:`~corpus.model.Edit` s whose
offsets index the text the pass started from.  Reverting walks the passes
backwards, so the raw seed is always recoverable from the cleaned text and
the log: ``revert_all(apply_all(raw, passes), passes) == raw``.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from corpus.model import Edit


def _checked(text: str, edits: Iterable[Edit]) -> list[Edit]:
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    position = 0
    for edit in ordered:
        if edit.start < position:
            raise ValueError(f"overlapping edits at offset {edit.start}: {edit.rule}")
        if text[edit.start:edit.end] != edit.old:
            raise ValueError(f"edit {edit.rule} at {edit.start} does not match the text")
        position = edit.end
    return ordered


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply one pass of edits to ``text``."""
    parts: list[str] = []
    position = 0
    for edit in _checked(text, edits):
        parts.append(text[position:edit.start])
        parts.append(edit.new)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def revert(text: str, edits: Iterable[Edit]) -> str:
    """Undo one pass: ``revert(apply(t, es), es) == t``."""
    parts: list[str] = []
    position = 0  # in the edited text
    shift = 0  # len(edited) - len(original) so far
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        new_start = edit.start + shift
        if text[new_start:new_start + len(edit.new)] != edit.new:
            raise ValueError(f"edit {edit.rule} at {edit.start} does not match the cleaned text")
        parts.append(text[position:new_start])
        parts.append(edit.old)
        position = new_start + len(edit.new)
        shift += len(edit.new) - (edit.end - edit.start)
    parts.append(text[position:])
    return "".join(parts)


def apply_all(text: str, passes: list[list[Edit]]) -> str:
    for edits in passes:
        text = apply(text, edits)
    return text


def revert_all(text: str, passes: list[list[Edit]]) -> str:
    for edits in reversed(passes):
        text = revert(text, edits)
    return text


def dumps(passes: list[list[Edit]]) -> str:
    """The edit log as JSON lines: one line per edit, with its pass number."""
    lines = [
        json.dumps({"pass": number, **asdict(edit)}, ensure_ascii=False, sort_keys=True)
        for number, edits in enumerate(passes)
        for edit in sorted(edits, key=lambda e: (e.start, e.end))
    ]
    return "".join(line + "\n" for line in lines)


def loads(text: str) -> list[list[Edit]]:
    passes: list[list[Edit]] = []
    for line in text.splitlines():
        record = json.loads(line)
        number = record.pop("pass")
        while len(passes) <= number:
            passes.append([])
        passes[number].append(Edit(**record))
    return passes


def load(path: Path) -> list[list[Edit]]:
    return loads(path.read_text(encoding="utf-8"))
