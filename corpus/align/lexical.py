"""Sentences as vectors over the document's English keys, so that a zh and an en span compare by cosine.

An English sentence is the idf-weighted count vector of its keys.  A Chinese
sentence is the sum, over its tokens, of each token's *translation
distribution* over English keys, with the same idf weights:

* the prior, for every document: a number or Latin token is its own key; a word
  CC-CEDICT knows spreads its weight evenly over its gloss keys that occur in
  the English text (a word it lacks, over its characters' gloss keys);
* the lexicon learned from the bitext itself (:mod:`corpus.align.model1`),
  mixed with the prior as ``learned_share · t(e | f) + (1 − learned_share) · prior``
  where a word has both.

Only keys that occur in the English text are dimensions: nothing else can match.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from corpus.align.lexicon import headword_keys, is_headword
from corpus.lang import has_han

Lexicon = dict[str, list[tuple[str, float]]]


def _prior(token: str, vocabulary: dict[str, int]) -> dict[int, float]:
    if not has_han(token):
        return {vocabulary[token]: 1.0} if token in vocabulary else {}  # number or Latin key
    keys = headword_keys(token) if is_headword(token) else frozenset().union(*(headword_keys(c) for c in token))
    present = sorted(vocabulary[key] for key in keys if key in vocabulary)
    return {column: 1.0 / len(present) for column in present}


class Space:
    """The English keys of one document and the weights of its zh tokens over them."""

    def __init__(self, en_tokens: Sequence[Sequence[str]]):
        self.vocabulary: dict[str, int] = {}
        for tokens in en_tokens:
            for key in tokens:
                self.vocabulary.setdefault(key, len(self.vocabulary))
        frequency = np.zeros(len(self.vocabulary))
        for tokens in en_tokens:
            for column in {self.vocabulary[key] for key in tokens}:
                frequency[column] += 1
        self.idf = np.log1p(max(len(en_tokens), 1) / np.maximum(frequency, 1))
        self._priors: dict[str, dict[int, float]] = {}

    def english(self, en_tokens: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        return self._matrix([_counts(tokens, self.vocabulary) for tokens in en_tokens])

    def chinese(self, zh_tokens: Sequence[Sequence[str]], lexicon: Lexicon | None = None,
                learned_share: float = 0.0) -> sparse.csr_matrix:
        learned: dict[str, dict[int, float]] = {}
        rows = []
        for tokens in zh_tokens:
            row: dict[int, float] = {}
            for token in tokens:
                prior = self._priors.get(token)
                if prior is None:
                    prior = self._priors[token] = _prior(token, self.vocabulary)
                weights = prior
                if lexicon and token in lexicon:
                    if token not in learned:
                        learned[token] = self._mixed(prior, lexicon[token], learned_share)
                    weights = learned[token]
                for column, weight in weights.items():
                    row[column] = row.get(column, 0.0) + weight
            rows.append(row)
        return self._matrix(rows)

    def _mixed(self, prior: dict[int, float], translations: list[tuple[str, float]], share: float) -> dict[int, float]:
        table = {self.vocabulary[key]: p for key, p in translations if key in self.vocabulary}
        if not prior:
            return table
        if not table:
            return prior
        mixed = {column: (1 - share) * weight for column, weight in prior.items()}
        for column, p in table.items():
            mixed[column] = mixed.get(column, 0.0) + share * p
        return mixed

    def _matrix(self, rows: list[dict[int, float]]) -> sparse.csr_matrix:
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(row) for row in rows])
        columns = np.fromiter((c for row in rows for c in sorted(row)), dtype=np.int64, count=int(indptr[-1]))
        values = np.fromiter((row[c] for row in rows for c in sorted(row)), dtype=np.float64, count=int(indptr[-1]))
        values *= self.idf[columns]
        return sparse.csr_matrix((values, columns, indptr), shape=(len(rows), len(self.vocabulary)))


def _counts(tokens: Sequence[str], vocabulary: dict[str, int]) -> dict[int, float]:
    counts: dict[int, float] = {}
    for key in tokens:
        counts[vocabulary[key]] = counts.get(vocabulary[key], 0.0) + 1.0
    return counts


def blocks(vectors: sparse.csr_matrix, bounds: np.ndarray) -> sparse.csr_matrix:
    """Sums of the runs of rows ``bounds[k] .. bounds[k+1] - 1``."""
    rows = vectors.shape[0]
    owner = np.searchsorted(bounds, np.arange(rows), side="right") - 1
    membership = sparse.csr_matrix((np.ones(rows), owner, np.arange(rows + 1)), shape=(rows, len(bounds) - 1))
    return (membership.T @ vectors).tocsr()
