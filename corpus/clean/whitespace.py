"""Whitespace, invisible characters and the one-paragraph-per-line layout.

The patterns and reasons live in ``curated/cleaning/whitespace.yaml``.  Line
and text edges are found with ``str.strip`` rather than ``$``-anchored
patterns, which would be retried at every position of a long line.
"""
from __future__ import annotations

from corpus.clean.rules import RuleSet, lines_with_offsets, load_yaml, regex_rules, resolve
from corpus.model import Edit

_DATA = load_yaml("whitespace.yaml")
CHARACTERS = RuleSet(regex_rules(_DATA["characters"]))
SPACING = RuleSet(regex_rules(_DATA["spacing"]))
LAYOUT = RuleSet(regex_rules(_DATA["layout"]))
LINE_EDGE = _DATA["line_edge"]
EDGES = _DATA["edges"]


def find_characters(text: str) -> list[Edit]:
    """Line breaks to LF, invisible and control characters dropped, odd spaces to ' '."""
    return CHARACTERS.find(text)


def _edge_edits(text: str, start: int, end: int, spec: dict) -> list[Edit]:
    """Edits removing ``spec['characters']`` from both ends of ``text[start:end]``."""
    edits = []
    segment = text[start:end]
    head = len(segment) - len(segment.lstrip(spec["characters"]))
    if head:
        edits.append(Edit(start, start + head, segment[:head], "", spec["rule"], spec["reason"].strip()))
    if head < len(segment):
        tail = len(segment) - len(segment.rstrip(spec["characters"]))
        if tail:
            edits.append(Edit(end - tail, end, segment[len(segment) - tail:], "", spec["rule"], spec["reason"].strip()))
    return edits


def find_spacing(text: str) -> list[Edit]:
    """Spaces at line edges dropped, runs of spaces collapsed (line breaks untouched)."""
    edges = []
    for offset, line in lines_with_offsets(text):
        if line[:1] in (" ", "\u3000") or line[-1:] in (" ", "\u3000"):
            edges.extend(_edge_edits(text, offset, offset + len(line), LINE_EDGE))
    return resolve(edges + SPACING.find(text))


def find_layout(text: str) -> list[Edit]:
    """One paragraph per line: no blank lines, no spaces after breaks, no outer whitespace."""
    return resolve(_edge_edits(text, 0, len(text), EDGES) + LAYOUT.find(text))
