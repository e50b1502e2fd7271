"""A document's hard-wrap width, and the lines broken at it.

A capture saved from a terminal, a mail client or a fixed-width page breaks every paragraph at one width: most of its
lines are exactly that wide, and only a paragraph's last line is shorter.  Cleaning joins the breaks it can explain
from the characters around them (:mod:`corpus.clean.wraps`); a break between two Han characters, or after a sentence
that ends at the margin, it cannot, and in an interview each such line would read as a turn of its own.  The width
is the evidence: when at least ``MIN_WRAPPED_LINES`` lines, and a share ``MIN_WRAPPED_SHARE`` of all lines, reach one
width and end on a letter or a digit (a paragraph, a heading or a field line ends on punctuation or is shorter; a wrap
breaks between two letters) and take at least ``MIN_WRAP_COLUMNS`` columns, a line that reaches that width continues on
the next line.  A short interview has fewer lines that break a word: at least ``MIN_WORD_BREAKS`` do when no line of
prose (one holding a clause or a sentence mark; a heading holds none) is cut mid-word short of the width, and with the
lines that reach the width and end on punctuation (a wrap falls right after ``。`` as often as anywhere else) make up
the count and the share above.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

from corpus import lang

MIN_WRAPPED_LINES = 5
MIN_WORD_BREAKS = 3  # lines at the width that break a word: the evidence that the width is a wrap's
MIN_WRAPPED_SHARE = 0.3
WIDTH_SLACK = 1
MIN_WRAP_COLUMNS = 24  # narrower lines of one width are labels, fields or list items, not a wrapped page
CLAUSE_MARK = re.compile(f"[{re.escape(lang.SENTENCE_END)}，,、]")  # a line holding one is prose, not a heading


def display_width(line: str) -> int:
    """Columns a line takes in a fixed-width font: two for a wide character (Han, full-width punctuation), else one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


MEASURES: tuple[Callable[[str], int], ...] = (len, display_width)


def wrap_width(lines: list[str]) -> Optional[tuple[Callable[[str], int], int]]:
    """(measure, width) of the document's hard wraps, or None where its lines show none (one paragraph a line)."""
    found = [found for measure in MEASURES if (found := _width_in(lines, measure)) is not None]
    return max(found, key=lambda each: each[2])[:2] if found else None


def _width_in(lines: list[str], measure: Callable[[str], int]) -> Optional[tuple[Callable[[str], int], int, int]]:
    """(measure, width, lines reaching it) for the widest width enough lines reach, measured by ``measure``."""
    widths = [measure(line) for line in lines]
    if not widths:
        return None
    wide = [(line, each) for line, each in zip(lines, widths) if display_width(line) >= MIN_WRAP_COLUMNS]
    prose_cuts = [each for line, each in zip(lines, widths) if _breaks_a_word(line) and CLAUSE_MARK.search(line)]
    enough = max(MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE * len(lines))
    for width in sorted(set(widths), reverse=True):
        reaching = [line for line, each in wide if abs(each - width) <= WIDTH_SLACK]
        broken = sum(1 for line in reaching if _breaks_a_word(line))
        # few word breaks are evidence only where no line of prose is cut mid-word short of the width: cut at
        # random, a few lines of one width are chance, and others are cut shorter
        consistent = broken >= MIN_WORD_BREAKS and all(each >= width - WIDTH_SLACK for each in prose_cuts)
        if broken >= enough or (consistent and len(reaching) >= enough):
            return measure, width, broken
    return None


def _breaks_a_word(line: str) -> bool:
    """Whether a line ends on a letter or a digit: no sentence, clause or heading ends there, a wrap may."""
    return unicodedata.category(line[-1])[0] in "LN"


def reaches(line: str, wrap: tuple[Callable[[str], int], int]) -> bool:
    """Whether ``line`` ends at the document's wrap width (so the paragraph goes on after it): it is as wide as a whole
    number of wrap widths, a column short for each (cleaning joined the lines of a paragraph it could explain, and
    each may have left a column free)."""
    measure, width = wrap
    lines = -(-measure(line) // width)  # the wrapped lines it would take
    return width * lines - lines * WIDTH_SLACK <= measure(line)
