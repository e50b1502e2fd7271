"""Markdown and HTML remnants (patterns in ``curated/cleaning/markup.yaml``)."""
from __future__ import annotations

import html
import re

from corpus.clean.rules import RuleSet, lines_with_offsets, load_yaml, regex_rules, resolve
from corpus.model import Edit

_DATA = load_yaml("markup.yaml")
RULES = RuleSet(regex_rules(_DATA["rules"]))
BOLD_RULE = _DATA["bold"]["rule"]
BOLD_REASON = _DATA["bold"]["reason"].strip()
_BOLD_MARKER = re.compile(r"\*\*")
_REFERENCES = _DATA["character_references"]
# &name; &#123; &#x1F600; and the bare names without their semicolon (&nbsp followed by no letter)
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|(?:"
                        + "|".join(map(re.escape, _REFERENCES["bare_names"])) + r")(?![A-Za-z0-9;]))")


def find_character_references(text: str) -> list[Edit]:
    """HTML character references replaced by the character each stands for; a name HTML does not know (AT&T;) is
    left as written.  ``&amp;nbsp;`` (escaped twice) becomes ``&nbsp;`` and is decoded on the next round."""
    if "&" not in text:
        return []
    edits = []
    for match in _REFERENCE.finditer(text):
        decoded = html.unescape(match.group())
        if decoded != match.group():
            edits.append(Edit(match.start(), match.end(), match.group(), decoded, _REFERENCES["rule"],
                              _REFERENCES["reason"]))
    return edits


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
    return resolve(RULES.find(text) + find_bold_markers(text) + find_character_references(text))
