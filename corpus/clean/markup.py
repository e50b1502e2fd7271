"""Markdown and HTML remnants (patterns in ``curated/cleaning/markup.yaml``)."""
from __future__ import annotations

import re

from corpus.clean.rules import RuleSet, lines_with_offsets, load_yaml, regex_rules, resolve
from corpus.model import Edit

_DATA = load_yaml("markup.yaml")
RULES = RuleSet(regex_rules(_DATA["rules"]))
BOLD_RULE = _DATA["bold"]["rule"]
BOLD_REASON = _DATA["bold"]["reason"].strip()
_BOLD_MARKER = re.compile(r"\*\*")


def find_bold_markers(text: str) -> list[Edit]:
    """``**`` markers removed in pairs, per line.

    Markers are read left to right as markdown does (``****`` is two markers);
    a line with an odd number keeps its last one, which has no partner.
    Removing whole markers never joins two leftover asterisks into a new
    marker, so a second run finds nothing more to remove.
    """
    edits: list[Edit] = []
    if "**" not in text:
        return edits
    for offset, line in lines_with_offsets(text):
        if "**" not in line:
            continue
        markers = [match.start() + offset for match in _BOLD_MARKER.finditer(line)]
        for start in markers[: len(markers) - len(markers) % 2]:
            edits.append(Edit(start, start + 2, "**", "", BOLD_RULE, BOLD_REASON))
    return edits


def find_markup(text: str) -> list[Edit]:
    return resolve(RULES.find(text) + find_bold_markers(text))
