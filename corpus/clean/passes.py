"""The ordered cleaning passes.

Each pass is a named finder ``text -> list[Edit]``; its edits index the text
the pass starts from and are applied together.  Order matters:

1. ``mojibake`` repairs first, on the raw text the repair rules were written
   against, and before pinyin annotations are removed (the annotations inside
   a garbled run constrain its repair).
2. ``unicode`` folds Kangxi radicals so that pinyin lookup sees 立, not ⽴.
3. The STRUCTURAL passes (:func:`structural`) then run to a fixed point: removing a line can
   put two lines next to each other that should be joined, joining lines can
   make a boilerplate line whole, removing markup can put a character next to
   its pinyin annotation.  Iterating until a round finds nothing makes
   ``clean`` idempotent by construction rather than by luck.
"""
from __future__ import annotations

import os
from typing import NamedTuple

from corpus.clean.boilerplate import find_boilerplate
from corpus.clean.line_model import find_model_lines
from corpus.clean.markup import find_markup
from corpus.clean.metadata import find_metadata_lines
from corpus.clean.pinyin_annotations import find_annotations
from corpus.clean.rules import Finder
from corpus.clean.unicode_fold import find_folds
from corpus.clean.whitespace import find_characters, find_layout, find_spacing
from corpus.clean.wraps import find_wraps, has_blank_line_layout
from corpus.model import Edit


class Pass(NamedTuple):
    name: str
    find: Finder


def find_mojibake(text: str) -> list[Edit]:
    """Repairs from :mod:`corpus.clean.mojibake`, imported on first use (it loads jieba's dictionary)."""
    from corpus.clean.mojibake import find_repairs

    return find_repairs(text)


FIRST: tuple[Pass, ...] = (
    Pass("mojibake", find_mojibake),
    Pass("unicode", find_folds),
)


def structural(text: str) -> tuple[Pass, ...]:
    """The STRUCTURAL passes for a text as it stands after ``FIRST``: the wraps pass also asks whether that text
    separated its paragraphs by blank lines, before any line was removed (each removal leaves a blank line)."""
    blank_line_layout = has_blank_line_layout(text)
    return (
        Pass("characters", find_characters),
        Pass("spacing", find_spacing),
        Pass("markup", find_markup),
        Pass("pinyin", find_annotations),
        Pass("boilerplate", find_boilerplate),
        Pass("metadata", find_metadata_lines),
        Pass("wraps", lambda text: find_wraps(text, blank_line_layout)),
        *((Pass("lines", find_model_lines),) if line_model_enabled() else ()),
        Pass("layout", find_layout),
    )


def line_model_enabled() -> bool:
    """The learned line model (:mod:`corpus.clean.line_model`) is a cleaning pass unless ``CORPUS_LINE_MODEL=off``
    (the switch back to the rules alone, for comparing the two)."""
    return os.environ.get("CORPUS_LINE_MODEL", "on") != "off"


# The passes that run in a round only when no pass before them in that round changed the text (the learned line
# model: it scores what the rules leave, as its training script measures it).
SETTLED_ONLY = frozenset({"lines"})

# Rounds of the STRUCTURAL passes that make the text no shorter than it has been, before giving up on reaching a
# fixed point.  Real documents settle in two (the second finds nothing); each extra round needs a construct
# nested one level deeper than the last.  Rounds that remove text always go on: a notice is read a window at a
# time, so a line of a thousand notices goes in many rounds.
MAX_ROUNDS = 8
