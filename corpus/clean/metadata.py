"""Metadata lines removed by what their fields are, not by one grammar per shape.

The reader is ingest's (:mod:`corpus.ingest.metadata_lines`), so a line removed here is a line whose fields ingest
reads into the document's metadata; the score and the threshold stand in the edit's reason.
"""
from __future__ import annotations

from corpus.clean.rules import lines_with_offsets
from corpus.ingest.metadata_lines import LineReading, grammar, is_metadata, read_line, voice_lines
from corpus.model import Edit


def score(line: str) -> LineReading:
    """What the line's fields are, and their score (:func:`corpus.ingest.metadata_lines.read_line`)."""
    return read_line(line)


def accept(reading: LineReading) -> bool:
    """True when the line is article text, False when it is a line of metadata fields."""
    return not is_metadata(reading)


def find_metadata_lines(text: str) -> list[Edit]:
    rules = grammar()
    edits = []
    for offset, line in lines_with_offsets(text):
        reading = score(line)
        if line.strip() and not accept(reading):
            edits.append(Edit(offset, offset + len(line), line, "", rules.rule,
                              f"{rules.reason} ({reading.describe()}: score {reading.score:g} ≥ {rules.threshold:g})"))
    return edits


def find_voice_lines(text: str) -> list[Edit]:
    """Show notes one voice a line (:func:`corpus.ingest.metadata_lines.voice_lines`).  A boilerplate rule, not
    this pass's: a description in brackets (（前杂志编辑）) would otherwise go first as a bracketed credit, and the
    line with it."""
    rules = grammar()
    lines = list(lines_with_offsets(text))
    voices = voice_lines([line for _, line in lines])
    return [Edit(offset, offset + len(line), line, "", rules.rule,
                 f"{rules.reason} (show notes one voice a line: {voices[index].field} + description, "
                 f"a run scoring ≥ {rules.threshold:g})")
            for index, (offset, line) in enumerate(lines) if index in voices]
