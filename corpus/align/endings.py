"""Sentence endings as evidence for where links end.

A line of a bitext that does not end with a sentence-final mark (``，`` or
``:`` or a bare word, before any closing quotes or brackets) was cut there by
the text's structure: a verse, a subtitle, a line of verse, a table cell.  Its
translation is cut at the same place, so such a line seldom sits *inside* a
link.  How seldom is learned from each document's previous pass (for each
side: how often an open and a closed line ends its link), and a line inside a
link pays the log-likelihood ratio of its ending, ``log P(ending | link end) −
log P(ending | inside a link)``, so that the same evidence that a structure
exists is worth nothing in a text without one.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from corpus import lang
from corpus.model import Link

SENTENCE_FINAL = lang.SENTENCE_END + lang.ELLIPSIS + "."  # the English full stop ends a line, not a decimal
CLOSERS = "".join(lang.BRACKETS.values()) + "\"'"
PSEUDO_LINES = 1.0  # each row's counts are smoothed by one line distributed as the side's endings are overall


def open_lines(sentences: Sequence[str]) -> np.ndarray:
    """(n,) whether each line ends without a sentence-final mark (closing quotes and brackets skipped)."""
    return np.array([not sentence.rstrip().rstrip(CLOSERS).endswith(tuple(SENTENCE_FINAL))
                     for sentence in sentences], dtype=bool)


def inside_counts(prefix: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of lines ``starts .. ends - 2`` (a link's lines but its last) are counted in ``prefix``,
    the prefix sums of a per-line count."""
    return prefix[np.maximum(ends - 1, starts)] - prefix[starts]


def inside_costs(links: Sequence[Link], zh_open: np.ndarray, en_open: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(zh, en) per-line costs ``[closed, open]`` of a line inside a link, from the lines of these links: how
    often each ending is inside a link and at its end, smoothed towards the side's endings overall (so a side
    with no line inside any link, or no open line, learns a cost of about 0)."""
    costs = []
    for side, flags in (("zh", zh_open), ("en", en_open)):
        counts = np.zeros((2, 2))  # [inside, at the end] x [closed, open]
        for link in links:
            lines = link.zh if side == "zh" else link.en
            for k, line in enumerate(lines):
                counts[int(k == len(lines) - 1), int(flags[line])] += 1
        overall = (counts.sum(axis=0) + 1) / (counts.sum() + 2)
        given = (counts + PSEUDO_LINES * overall) / (counts.sum(axis=1, keepdims=True) + PSEUDO_LINES)
        costs.append(np.array([math.log(given[1, e]) - math.log(given[0, e]) for e in (0, 1)]))
    return costs[0], costs[1]
