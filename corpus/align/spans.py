"""Cosine similarity of every candidate link in a band, from sentence-level dot products.

A span of sentences is represented by the sum of its sentences' vectors, so
``⟨zh[i-a:i], en[j-b:j]⟩`` is the sum of the a × b sentence-pair dot products
in that rectangle, and a span's squared norm the sum of the dot products of its
sentences with each other.  Only the sentence pairs near the band are
computed (sparse rows multiplied pairwise, in chunks); prefix sums along each
row then give every rectangle with a few gathers per link type.  No span
vector is ever built, which is what keeps n-m links up to 6 sentences a side
cheap.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

from corpus.align.dp import Band

CHUNK = 20_000  # sentence pairs multiplied at once (bounds the temporary sparse matrices)


def pair_dots(left: sparse.csr_matrix, right: sparse.csr_matrix, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """``⟨left[rows[k]], right[columns[k]]⟩`` for every k."""
    out = np.zeros(len(rows))
    for start in range(0, len(rows), CHUNK):
        part = slice(start, start + CHUNK)
        out[part] = np.asarray(left[rows[part]].multiply(right[columns[part]]).sum(axis=1)).ravel()
    return out


def row_norms(vectors: sparse.csr_matrix) -> np.ndarray:
    """The Euclidean norm of each row."""
    return np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())


def span_norms(vectors: sparse.csr_matrix, longest: int) -> np.ndarray:
    """(longest + 1, n + 1): ``[a, i]`` the norm of the sum of sentences ``i-a .. i-1`` (0 where a > i)."""
    n = vectors.shape[0]
    neighbour = np.zeros((longest, n))  # [d, x] = ⟨v[x], v[x+d]⟩
    for d in range(min(longest, n)):
        neighbour[d, : n - d] = pair_dots(vectors, vectors, np.arange(n - d), np.arange(d, n))
    squared = np.zeros((longest + 1, n + 1))
    for a in range(1, min(longest, n) + 1):
        # span i-a .. i-1 = span i-a+1 .. i-1 plus sentence i-a and its dot products with the rest
        added = neighbour[0].copy()
        for d in range(1, a):
            added += 2 * neighbour[d]
        squared[a, a:] = squared[a - 1, a:] + added[: n - a + 1]
    return np.sqrt(np.maximum(squared, 0.0))


class SpanCosines:
    """Cosines of all links up to ``longest`` sentences a side ending in the cells of a band."""

    def __init__(self, zh: sparse.csr_matrix, en: sparse.csr_matrix, band: Band, longest: int):
        n, m = zh.shape[0], en.shape[0]
        self.band, self.longest = band, longest
        # en sentences that row x's zh sentence can be linked with: rows x+1 .. x+longest, back `longest` columns
        sentence_rows = np.arange(n)
        self.start = np.maximum(band.lo[sentence_rows + 1] - longest, 0)
        stop = np.minimum(band.hi[np.minimum(sentence_rows + longest, n)], m)  # exclusive
        width = int((stop - self.start).max()) if n else 0
        offsets = np.arange(width)
        inside = offsets[None, :] < (stop - self.start)[:, None]
        x, k = np.nonzero(inside)
        dots = np.zeros((n, width))
        dots[x, k] = pair_dots(zh, en, x, self.start[x] + k)
        self.prefix = np.zeros((n, width + 1))
        np.cumsum(dots, axis=1, out=self.prefix[:, 1:])
        self.width = width
        self.zh_norms = span_norms(zh, longest)
        self.en_norms = span_norms(en, longest)

    def by_en_count(self) -> Iterator[tuple[int, list[np.ndarray]]]:
        """For each en count b: the (n+1, band width) cosine arrays of links a-b, a = 1 .. longest."""
        rows = np.arange(self.band.rows)[:, None]
        columns = self.band.columns()
        for b in range(1, self.longest + 1):
            total = np.zeros(columns.shape)
            cosines = []
            for a in range(1, self.longest + 1):
                x = np.maximum(rows - a, 0)  # the zh sentence added to the span
                base = self.start[np.minimum(x, len(self.start) - 1)] if len(self.start) else x
                high = np.clip(columns - base, 0, self.width)
                low = np.clip(columns - b - base, 0, self.width)
                total = total + np.where(rows >= a, self.prefix[x, high] - self.prefix[x, low], 0.0)
                norms = self.zh_norms[a][rows] * self.en_norms[b][np.minimum(columns, len(self.en_norms[b]) - 1)]
                cosines.append(np.divide(total, norms, out=np.zeros(total.shape, dtype=np.float32), where=norms > 0))
            yield b, cosines

    def neighbour_gains(self) -> dict[tuple[int, int], np.ndarray]:
        """For each link a-1 (a ≥ 2) ending in a cell of the band: how much closer its first zh sentence is to the
        en sentence before the link, or its last zh sentence to the en sentence after it, than to the link's own
        en sentence (the larger of the two, 0 when neither is): a short sentence attached to the wrong neighbour.
        (n+1, band width) arrays of plain cosines."""
        rows = np.arange(self.band.rows)[:, None]
        columns = self.band.columns()
        last = np.maximum(rows - 1, 0) + 0 * columns
        own = columns - 1  # the link's en sentence
        last_gain = np.maximum(self._sentence_cosines(last, own + 1) - self._sentence_cosines(last, own), 0)
        gains: dict[tuple[int, int], np.ndarray] = {}
        for a in range(2, self.longest + 1):
            first = np.maximum(rows - a, 0) + 0 * columns
            first_gain = np.maximum(self._sentence_cosines(first, own - 1) - self._sentence_cosines(first, own), 0)
            gains[a, 1] = np.maximum(first_gain, last_gain)
        return gains

    def _sentence_cosines(self, zh: np.ndarray, en: np.ndarray) -> np.ndarray:
        """Cosine of zh sentence ``zh[k]`` with en sentence ``en[k]`` (0 for a pair outside the computed dots)."""
        base = self.start[np.minimum(zh, len(self.start) - 1)] if len(self.start) else zh
        high = np.clip(en + 1 - base, 0, self.width)
        low = np.clip(en - base, 0, self.width)
        dots = self.prefix[zh, high] - self.prefix[zh, low]
        norms = (self.zh_norms[1][np.minimum(zh + 1, self.zh_norms.shape[1] - 1)]
                 * self.en_norms[1][np.clip(en + 1, 0, self.en_norms.shape[1] - 1)])
        return np.divide(dots, norms, out=np.zeros(dots.shape, dtype=np.float32), where=norms > 0)


def span_baselines(towards: np.ndarray, norms: np.ndarray) -> np.ndarray:
    """(longest + 1, n + 1): ``[a, i]`` the mean cosine of span ``i-a .. i-1`` with the other side's sentences,
    from each sentence's dot product with their mean unit vector (``towards``) and the span norms of
    :func:`span_norms`."""
    prefix = np.concatenate(([0.0], np.cumsum(towards)))
    out = np.zeros(norms.shape)
    for a in range(1, norms.shape[0]):
        dots = prefix[a:] - prefix[:-a] if a < len(prefix) else np.zeros(0)
        out[a, a:] = np.divide(dots, norms[a, a:], out=np.zeros(len(dots)), where=norms[a, a:] > 0)
    return out


def normalised(cosines: np.ndarray, zh_baseline: np.ndarray, en_baseline: np.ndarray) -> np.ndarray:
    """Vecalign's normalisation, as a cosine: ``1 − (1 − cos) / mean(1 − baseline)``, where a span's baseline is
    its mean cosine with the other side's sentences (its similarity to a sentence drawn at random): a span close
    to everything must be closer still to its counterpart."""
    scale = 1.0 - (zh_baseline + en_baseline) / 2
    return (1.0 - (1.0 - cosines) / np.maximum(scale, 1e-3)).astype(cosines.dtype)


def span_matrix(starts: np.ndarray, ends: np.ndarray, size: int) -> sparse.csr_matrix:
    """(spans, size): row k sums rows ``starts[k] .. ends[k] - 1`` of whatever it multiplies."""
    lengths = ends - starts
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    columns = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]) if len(starts) else np.zeros(0)
    return sparse.csr_matrix((np.ones(int(indptr[-1])), columns.astype(np.int64), indptr), shape=(len(starts), size))
