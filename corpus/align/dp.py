"""Dynamic programming over link types inside a band, vectorised along each row.

A cell ``(i, j)`` means "the first i zh and j en sentences are aligned".  A
:class:`Band` allows, in row ``i``, the cells ``lo[i] ≤ j ≤ hi[i]``; cell
``(i, lo[i] + d)`` is stored at column ``d`` of ``(n+1) × width`` arrays, so
memory and time are O((n + m) · width · link types) — linear in the document
when the band has a fixed width.  The band comes either from the whole matrix
(small inputs, the coarsest level) or from the path found at a coarser level
(:func:`band_around_path`), as in Vecalign's recursive downsampling.

Each row is one set of array operations: every link type's predecessor cell is
gathered at once; 0-1 links (an English sentence with no source), whose
predecessor lies in the same row, are a running minimum along the row.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from corpus.model import Link

LinkType = tuple[int, int]
RowCosts = Callable[[int], np.ndarray]  # row i of the (types, n+1, width) cost array


@dataclass(frozen=True)
class Band:
    lo: np.ndarray  # (n+1,) first allowed en position of each row, non-decreasing, lo[0] = 0
    hi: np.ndarray  # (n+1,) last allowed en position of each row, non-decreasing, hi[n] = m

    @property
    def rows(self) -> int:
        return len(self.lo)

    @property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    def columns(self) -> np.ndarray:
        """(n+1, width) en position of each cell."""
        return self.lo[:, None] + np.arange(self.width)[None, :]

    def inside(self) -> np.ndarray:
        """(n+1, width) whether each cell lies in the band."""
        return self.columns() <= self.hi[:, None]


def full_band(n: int, m: int) -> Band:
    return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))


def band_around_path(x: np.ndarray, y: np.ndarray, n: int, m: int, zh_margin: int, en_margin: int) -> Band:
    """The band of every cell within ``zh_margin`` rows and ``en_margin`` columns of the polyline through the
    path vertices ``(x[k], y[k])`` (non-decreasing, from (0, 0) to (n, m), in sentences of this level)."""
    xs, ys = np.asarray(x), np.asarray(y)
    rows = np.arange(n + 1)
    first = np.searchsorted(xs, rows, side="left")  # first vertex at or after the row
    lo = np.where(xs[first] == rows, ys[first], ys[np.maximum(first - 1, 0)])
    last = np.searchsorted(xs, rows, side="right") - 1  # last vertex at or before the row
    hi = np.where(xs[last] == rows, ys[last], ys[np.minimum(last + 1, len(xs) - 1)])
    # lo and hi are non-decreasing, so the extremes over a window of rows sit at its ends
    lo = np.clip(lo[np.maximum(rows - zh_margin, 0)] - en_margin, 0, m)
    hi = np.clip(hi[np.minimum(rows + zh_margin, n)] + en_margin, 0, m)
    return Band(lo.astype(np.int64), hi.astype(np.int64))


def path_vertices(links: Sequence[Link]) -> tuple[np.ndarray, np.ndarray]:
    """The cells a path passes through, from (0, 0) to its end."""
    x = np.concatenate(([0], np.cumsum([len(link.zh) for link in links])))
    y = np.concatenate(([0], np.cumsum([len(link.en) for link in links])))
    return x.astype(np.int64), y.astype(np.int64)


def band_search(band: Band, types: Sequence[LinkType], costs: np.ndarray | RowCosts,
                insertion: np.ndarray) -> list[Link]:
    """Minimum-cost path from (0, 0) to (n, m) through the band.

    ``types`` are the link types other than 0-1, ``costs[t, i, d]`` the cost
    of a link of type ``types[t]`` ending at cell ``(i, lo[i] + d)`` (``inf``
    where not allowed; or a function giving row ``i`` of it),
    ``insertion[j]`` the cost of the 0-1 link of en sentence ``j``.  Each
    returned link's ``score`` is its cost.
    """
    row_costs = costs if callable(costs) else (lambda i: costs[:, i, :])
    n, width, m = band.rows - 1, band.width, len(insertion)
    zh_counts = np.array([a for a, _ in types])
    en_counts = np.array([b for _, b in types])
    best = np.full((n + 1, width), np.inf)
    back = np.zeros((n + 1, width), dtype=np.int8)  # index into types; len(types) for a 0-1 link
    inserted = np.concatenate(([0.0], np.cumsum(insertion)))
    column = np.arange(width)
    for i in range(n + 1):
        previous = i - zh_counts
        usable = previous >= 0
        source = np.where(usable, previous, 0)
        position = column[None, :] + (band.lo[i] - en_counts - band.lo[source])[:, None]
        valid = usable[:, None] & (position >= 0) & (position < width)
        candidates = np.where(valid, best[source[:, None], np.clip(position, 0, width - 1)], np.inf) + row_costs(i)
        choice = np.argmin(candidates, axis=0)
        row = candidates[choice, column]
        if i == 0:
            row[0] = 0.0
        # 0-1 links: best[d] = min over k ≤ d of row[k] + the cost of inserting en sentences lo+k .. lo+d-1
        ends = np.minimum(band.lo[i] + column, m)
        chain = inserted[ends] - inserted[band.lo[i]]
        running = np.minimum.accumulate(row - chain)
        start = np.maximum.accumulate(np.where(row - chain == running, column, 0))
        best[i] = np.where(column <= band.hi[i] - band.lo[i], running + chain, np.inf)
        back[i] = np.where(start == column, choice, len(types))
    if not np.isfinite(best[n, m - band.lo[n]]):
        raise ValueError("no alignment path inside the band")
    links: list[Link] = []
    i, j = n, m
    while i or j:
        d = j - band.lo[i]
        kind = int(back[i, d])
        if kind == len(types):
            links.append(Link((), (j - 1,), float(insertion[j - 1])))
            j -= 1
            continue
        a, b = types[kind]
        links.append(Link(tuple(range(i - a, i)), tuple(range(j - b, j)), float(row_costs(i)[kind, d])))
        i, j = i - a, j - b
    links.reverse()
    return links
