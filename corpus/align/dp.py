"""Banded dynamic programming over link types, shared by both aligners.

The search fills cells ``(i, j)`` ("the first i zh and j en sentences are
aligned") only within ``band`` cells of the diagonal ``j ≈ i·m/n``, so the
work is O((n + m) · band · |link types|), linear in document length.  When
the best path runs within :data:`EDGE_MARGIN` cells of the band edge, the
band may have cut off the true path, so the search is repeated with the band
doubled (as Moore 2002 and hunalign do), until the path stays clear of the
edge or the band covers the whole matrix.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from corpus.model import Link

LinkType = tuple[int, int]
# cost(zh_start, zh_end, en_start, en_end) of one link covering those half-open ranges
LinkCost = Callable[[int, int, int, int], float]

INITIAL_BAND = 8
EDGE_MARGIN = 2


def _centre(i: int, n: int, m: int) -> int:
    return round(i * m / n) if n else 0


def _search(n: int, m: int, link_types: Iterable[LinkType], cost: LinkCost, band: int) -> tuple[list[Link], bool]:
    """Best path within the band; also says whether it came near the band's edge."""
    types = list(link_types)
    best: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, LinkType]] = [dict() for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        centre = _centre(i, n, m)
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if i == 0 and j == 0:
                continue
            cell_best, cell_type = math.inf, None
            for zh_count, en_count in types:
                pi, pj = i - zh_count, j - en_count
                if pi < 0 or pj < 0:
                    continue
                previous = best[pi].get(pj)
                if previous is None:
                    continue
                total = previous + cost(pi, i, pj, j)
                if total < cell_best:
                    cell_best, cell_type = total, (zh_count, en_count)
            if cell_type is not None:
                best[i][j] = cell_best
                back[i][j] = cell_type
    if m not in best[n]:
        return [], True
    links: list[Link] = []
    near_edge = False
    i, j = n, m
    while i or j:
        zh_count, en_count = back[i][j]
        if abs(j - _centre(i, n, m)) > band - EDGE_MARGIN:
            near_edge = True
        pi, pj = i - zh_count, j - en_count
        links.append(Link(tuple(range(pi, i)), tuple(range(pj, j)), best[i][j] - best[pi][pj]))
        i, j = pi, pj
    links.reverse()
    return links, near_edge


def banded_align(n: int, m: int, link_types: Iterable[LinkType], cost: LinkCost, band: int | None = None) -> list[Link]:
    """Minimum-cost sequence of links covering ``n`` zh and ``m`` en sentences.

    ``band=None`` starts at :data:`INITIAL_BAND` and widens adaptively; an
    integer fixes the band.  Each returned link's ``score`` is its cost
    (lower is better); callers turn it into a confidence.
    """
    types = list(link_types)
    if n == 0 or m == 0:  # nothing to pair: every sentence is a deletion/insertion
        return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]
    # the band must at least reach the corner whatever the length difference
    width = max(band or INITIAL_BAND, max(zh for zh, _ in types), max(en for _, en in types))
    while True:
        links, near_edge = _search(n, m, types, cost, width)
        # a fixed band is widened only when no path fits inside it at all
        if links and (band is not None or not near_edge or width >= max(n, m)):
            return links
        if width >= max(n, m):
            raise ValueError("no alignment path: link types cannot cover the lengths")
        width *= 2
