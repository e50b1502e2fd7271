"""Sentence endings as evidence for where links end.

A line of a bitext that does not end with a sentence-final mark (``，`` or
``:`` or a bare word, before any closing quotes or brackets) was cut there by
the text's structure: a verse, a subtitle, a line of verse, a table cell.  Its
translation is cut at the same place, so such a line seldom sits *inside* a
link.  Sentence-final marks differ too: a question is often answered within
the same unit (a verse, a turn of dialogue), so a line ending in ``？`` sits
inside a link more often than one ending in ``。``.  Each line's ending class is
its last mark (closing quotes and brackets skipped), or none for a bare word;
how often each class ends its link is learned from each document's previous
pass, for each side, and a line inside a link pays the log-likelihood ratio of
its class, ``log P(class | link end) − log P(class | inside a link)``, shrunk
towards 0 for a class of few lines, so that the same evidence that a structure
exists is worth nothing in a text without one.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from corpus import lang
from corpus.model import Link

CLOSERS = "".join(lang.BRACKETS.values()) + "\"'"
PSEUDO_LINES = 1.0  # each row's counts are smoothed by one line distributed as the side's endings are overall
SHRINK_LINES = 10.0  # a class's log-likelihood ratio × lines / (lines + SHRINK_LINES): few lines, little evidence


def ending_class(sentence: str) -> str:
    """The line's last mark, closing quotes and brackets skipped; "" where it ends with a word or a number."""
    stripped = sentence.rstrip().rstrip(CLOSERS)
    if not stripped or unicodedata.category(stripped[-1])[0] not in "PS":
        return ""
    return stripped[-1]


def ending_classes(sentences: Sequence[str]) -> np.ndarray:
    """(n,) each line's ending class as an index 0 .. classes − 1 among the classes this text's lines have."""
    labels = [ending_class(sentence) for sentence in sentences]
    return np.unique(np.array(labels, dtype=object), return_inverse=True)[1].astype(np.int64).reshape(-1)


def class_prefix(classes: np.ndarray) -> np.ndarray:
    """(n+1, classes) prefix sums of the lines of each class (what :func:`inside_counts` counts in)."""
    count = int(classes.max()) + 1 if len(classes) else 1
    return np.concatenate((np.zeros((1, count)), np.cumsum(np.eye(count)[classes], axis=0)))


def inside_counts(prefix: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many of lines ``starts .. ends - 2`` (a link's lines but its last) are counted in ``prefix``,
    the prefix sums of a per-line count."""
    return prefix[np.maximum(ends - 1, starts)] - prefix[starts]


def inside_costs(links: Sequence[Link], zh_classes: np.ndarray, en_classes: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(zh, en) per-class costs of a line inside a link (indexed by the line's ending class: :func:`ending_classes`,
    or open/closed flags), from the lines of these links: how often each class is inside a link and at its end,
    smoothed towards the side's classes overall and shrunk towards 0 for a class of few lines (so a side with no
    line inside any link, or a class seldom seen, learns a cost of about 0)."""
    costs = []
    for side, classes in (("zh", zh_classes), ("en", en_classes)):
        count = int(np.max(classes)) + 1 if len(classes) else 1
        counts = np.zeros((2, count))  # [inside, at the end] x class
        for link in links:
            lines = link.zh if side == "zh" else link.en
            for k, line in enumerate(lines):
                counts[int(k == len(lines) - 1), int(classes[line])] += 1
        overall = (counts.sum(axis=0) + 1) / (counts.sum() + count)
        given = (counts + PSEUDO_LINES * overall) / (counts.sum(axis=1, keepdims=True) + PSEUDO_LINES)
        lines_seen = counts.sum(axis=0)
        costs.append((np.log(given[1]) - np.log(given[0])) * lines_seen / (lines_seen + SHRINK_LINES))
    return costs[0], costs[1]
