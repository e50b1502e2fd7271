"""Joining hard-wrapped lines (settings in ``curated/cleaning/wraps.yaml``).

Works on the non-blank lines of the text; the gap between two of them (line
breaks, blank lines, stray spaces) is replaced by ``""`` (CJK) or ``" "``
(Latin on both sides) where the two lines belong to one paragraph.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.clean.rules import lines_with_offsets, load_yaml
from corpus.lang import BRACKETS, LIST_ITEM, MAX_HEADING_CHARS, MAX_HEADING_LINES
from corpus.model import Edit

_DATA = load_yaml("wraps.yaml")
CONTINUES_AFTER = frozenset(_DATA["continues_after"])
CONTINUES_BEFORE = frozenset(_DATA["continues_before"])
NO_SOFT_WRAP_AFTER = frozenset(_DATA["no_soft_wrap_after"])
OPENERS = BRACKETS
HEADING_MAX_LENGTH = MAX_HEADING_CHARS
HEADING_MAX_LINES = MAX_HEADING_LINES
SECTION_NUMBER = re.compile(_DATA["split_heading"]["section_number"])
ENDS_SENTENCE = frozenset(_DATA["split_heading"]["ends_sentence"])
TURN_LABEL = re.compile(_DATA["turn_label"])
REASONS = {rule: reason.strip() for rule, reason in _DATA["reasons"].items()}
_LATIN = re.compile(r"[A-Za-z0-9]")
_SPACED_AFTER = re.compile(r"[A-Za-z0-9,.;:!?)\]]")
_SPACED_BEFORE = re.compile(r"[A-Za-z0-9(\[]")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str
    breaks: int  # line breaks between this line and the previous non-blank one


def content_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    breaks = 0
    for offset, raw in lines_with_offsets(text):
        stripped = raw.strip(" \u3000")
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Line(start, start + len(stripped), stripped, breaks))
            breaks = 1
        else:
            breaks += 1
    return lines


def has_blank_line_layout(text: str) -> bool:
    """Whether ``text`` separates its paragraphs by blank lines."""
    return separates_by_blank_lines(content_lines(text), trailing_breaks(text))


def trailing_breaks(text: str) -> int:
    """The line breaks after the text's last non-blank line."""
    return text[len(text.rstrip()):].count("\n")


def separates_by_blank_lines(lines: list[Line], trailing: int = 0) -> bool:
    """Paragraphs separated by blank lines: most breaks between content lines are blank lines.  A run of ``k`` breaks
    counts as the ``k // 2`` blank gaps it stands for, and so do the ``trailing`` breaks after the last line: a line
    removed from between two blank lines (end matter) leaves one run of four breaks where there were two blank gaps,
    and one removed from the end leaves its breaks behind the last line."""
    runs = [line.breaks for line in lines[1:]] + ([trailing] if trailing > 1 else [])
    blank = sum(run // 2 for run in runs)
    gaps = sum(max(1, run // 2) for run in runs)
    return blank >= 3 and blank * 2 >= gaps


def local_join(before: str, after: str) -> str | None:
    """The rule that joins these two lines judging only by the characters at the break."""
    last, first = before[-1], after[0]
    if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return "wraps.latin_word"
    if last in CONTINUES_AFTER or first in CONTINUES_BEFORE:
        return "wraps.continues"
    return None


def soft_wrap(before: Line, after: Line, labels: frozenset[str] = frozenset()) -> str | None:
    if after.breaks != 1 or before.text[-1] in NO_SOFT_WRAP_AFTER or LIST_ITEM.match(after.text) \
            or opens_turn(before, after, labels):
        return None
    return "wraps.soft_wrap"


def recurring_labels(lines: list[Line]) -> frozenset[str]:
    """Labels (``X：``) that open at least two lines: a speaker's, where an interview sets a question and its answer
    on consecutive lines inside one block (``Q：…？`` / ``A：…``)."""
    counts = Counter(match.group("label") for line in lines if (match := TURN_LABEL.match(line.text)))
    return frozenset(label for label, count in counts.items() if count >= 2)


def opens_turn(before: Line, after: Line, labels: frozenset[str]) -> bool:
    """Whether ``after`` opens a new turn: a recurring label after a line that ends a sentence."""
    match = TURN_LABEL.match(after.text)
    return match is not None and match.group("label") in labels and before.text[-1] in ENDS_SENTENCE


def _open_brackets(text: str, depth: dict[str, int]) -> None:
    for char in text:
        if char in OPENERS:
            depth[char] = depth.get(char, 0) + 1
        else:
            for opener, closer in OPENERS.items():
                if char == closer and depth.get(opener, 0) > 0:
                    depth[opener] -= 1


def split_heading(lines: list[Line], index: int) -> int:
    """How many following lines close the bracket left open in ``lines[index]`` (0: none)."""
    if len(lines[index].text) > HEADING_MAX_LENGTH:
        return 0
    depth: dict[str, int] = {}
    _open_brackets(lines[index].text, depth)
    if not any(depth.values()):
        return 0
    for count, line in enumerate(lines[index + 1:index + 1 + HEADING_MAX_LINES], start=1):
        if len(line.text) > HEADING_MAX_LENGTH:
            return 0
        _open_brackets(line.text, depth)
        if not any(depth.values()):
            return count
    return 0


def quotation_broken_mid_sentence(lines: list[Line], index: int) -> int:
    """How many following lines close a quotation or bracket that ``lines[index]`` leaves open
    in mid-sentence (its last character ends no sentence), when they are within
    ``max_lines``; 0 otherwise.  A quoted passage of several paragraphs leaves its quotation
    open at a sentence end (“…。 / “…。”), so it is not joined."""
    line = lines[index].text
    if line[-1] in ENDS_SENTENCE or line[-1] in OPENERS.values():
        return 0
    depth: dict[str, int] = {}
    _open_brackets(line, depth)
    if not any(depth.values()):
        return 0
    for count, following in enumerate(lines[index + 1:index + 1 + HEADING_MAX_LINES], start=1):
        if LIST_ITEM.match(following.text):
            return 0
        _open_brackets(following.text, depth)
        if not any(depth.values()):
            return count
        if following.text[-1] in ENDS_SENTENCE:
            return 0
    return 0


def heading_after_section_number(lines: list[Line], index: int) -> int:
    """How many lines after ``lines[index]`` continue it, when it is the first line of
    a heading under a section-number line (0: none)."""
    if index == 0 or not SECTION_NUMBER.match(lines[index - 1].text):
        return 0
    count = 0
    for line in lines[index:]:
        if len(line.text) > HEADING_MAX_LENGTH or line.text[-1] in ENDS_SENTENCE:
            break
        count += 1
    return count - 1 if 1 < count <= HEADING_MAX_LINES + 1 else 0


def joiner(before: str, after: str) -> str:
    return " " if _SPACED_AFTER.match(before[-1]) and _SPACED_BEFORE.match(after[0]) else ""


def find_wraps(text: str, blank_line_layout: bool | None = None) -> list[Edit]:
    """Line breaks inside paragraphs, joined.  A single break is a soft wrap only while ``text`` separates its
    paragraphs by blank lines and, where ``blank_line_layout`` is given, the capture as it came did too
    (:func:`has_blank_line_layout`): a removed line leaves a blank line behind, and three removed notices would
    make a text of one paragraph a line look laid out by blank lines."""
    if "\n" not in text:
        return []
    lines = content_lines(text)
    soft = separates_by_blank_lines(lines, trailing_breaks(text)) and blank_line_layout is not False
    labels = recurring_labels(lines) if soft else frozenset()
    rules: list[str | None] = [None] * len(lines)  # rules[i]: joins lines[i-1] and lines[i]
    index = 0
    while index < len(lines) - 1:
        closing = split_heading(lines, index) or heading_after_section_number(lines, index)
        rule = "wraps.split_heading"
        if not closing:
            closing, rule = quotation_broken_mid_sentence(lines, index), "wraps.open_quotation"
        for joined in range(index + 1, index + 1 + closing):
            # a break the local rules explain (Geoffrey / Hinton) keeps their more telling reason
            if rule == "wraps.split_heading" or not local_join(lines[joined - 1].text, lines[joined].text):
                rules[joined] = rule
        index += max(closing, 1)
    edits = []
    for index in range(1, len(lines)):
        before, after = lines[index - 1], lines[index]
        soft_join = soft_wrap(before, after, labels) if soft else None
        join = rules[index] or local_join(before.text, after.text) or soft_join
        if join:
            new = joiner(before.text, after.text)
            edits.append(Edit(before.end, after.start, text[before.end:after.start], new, join, REASONS[join]))
    return edits
