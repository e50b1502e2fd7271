"""How well each candidate link translates, by IBM Model 1 in both directions (Moore 2002's second pass).

Moore scores a link by the probability of one side given the other under
Model 1 trained on the first pass's confident links:

    log P(e | f) = Σ_k log( (t(e_k | NULL) + Σ_i t(e_k | f_i)) / (l + 1) )

over the English tokens ``e_k`` of the link and its ``l`` Chinese tokens
``f_i``, and the same with the sides swapped.  Unlike the cosine of
:mod:`corpus.align.spans`, this asks whether *every* word of one side is
explained by some word of the other, and a span padded with a sentence that
translates nothing pays for the longer sentence it makes (``l + 1``).

The inner sum runs over the whole given span, so it cannot be summed from
sentence pairs; it can be summed from given *sentences*: for every link ending
in a band cell, the given span grows one sentence at a time (a = 1 … longest),
each generated token's running sum ``Σ_i t(e_k | f_i)`` is kept for the tokens
of the band's generated sentences, and prefix sums of the logs along those
tokens give every generated span at once.  Time and memory are those of the
band times the tokens of one row's generated sentences, so linear in the
document.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from corpus.align.dp import Band, LinkType
from corpus.align.model1 import Model1
from corpus.align.spans import span_matrix

FLOOR = 1e-4  # probability of a generated token that no given word (nor NULL) was seen with
PRUNED = 0.01  # translation probabilities below this are dropped: they keep a sentence's row dense, not informative


@dataclass(frozen=True)
class Direction:
    """One direction of Model 1 over the sentences of a bitext: the given side's sentences as sums of their
    words' translation distributions, the generated side as token ids into the same columns."""

    given: sparse.csr_matrix  # (given sentences, generated words + 1): Σ_i t(word | f_i) over the sentence
    given_counts: np.ndarray  # (given sentences,) tokens per given sentence (l)
    null: np.ndarray  # (generated words + 1,) t(word | NULL); the last column is every unseen word
    tokens: np.ndarray  # flat generated token ids
    offsets: np.ndarray  # (generated sentences + 1,) where each generated sentence's tokens start

    def window(self, given_start: int, given_end: int, generated_start: int, generated_end: int) -> "Direction":
        first, last = int(self.offsets[generated_start]), int(self.offsets[generated_end])
        return Direction(self.given[given_start:given_end], self.given_counts[given_start:given_end], self.null,
                         self.tokens[first:last], self.offsets[generated_start:generated_end + 1] - first)


def direction(model: Model1, given: Sequence[Sequence[str]], generated: Sequence[Sequence[str]]) -> Direction:
    """The sentences of one bitext under one direction of Model 1 (a word it never saw translates nothing)."""
    unseen_given, unseen_generated = model.table.shape
    table = model.table.multiply(model.table >= PRUNED).tocsr()
    table.resize((unseen_given + 1, unseen_generated + 1))  # a zero row and column for the words Model 1 lacks
    words = [np.array([model.given.get(word, unseen_given) for word in sentence], dtype=np.int64)
             for sentence in given]
    lengths = np.array([len(sentence) for sentence in words], dtype=np.int64)
    counts = sparse.csr_matrix((np.ones(int(lengths.sum())), np.concatenate([np.zeros(0, np.int64), *words]),
                                np.concatenate(([0], np.cumsum(lengths)))), shape=(len(words), table.shape[0]))
    tokens = np.array([model.generated.get(word, unseen_generated) for sentence in generated for word in sentence],
                      dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum([len(sentence) for sentence in generated]))).astype(np.int64)
    return Direction((counts @ table).tocsr(), lengths.astype(np.float64), table[0].toarray().ravel(), tokens,
                     offsets)


@dataclass(frozen=True)
class Translation:
    """Model 1 both ways over one bitext: ``en_given_zh`` generates English from Chinese, ``zh_given_en`` the
    reverse."""

    en_given_zh: Direction
    zh_given_en: Direction

    def window(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> "Translation":
        return Translation(self.en_given_zh.window(zh_start, zh_end, en_start, en_end),
                           self.zh_given_en.window(en_start, en_end, zh_start, zh_end))


def translation(zh_given_en: Model1, en_given_zh: Model1, zh_tokens: Sequence[Sequence[str]],
                en_tokens: Sequence[Sequence[str]]) -> Translation:
    return Translation(direction(en_given_zh, zh_tokens, en_tokens), direction(zh_given_en, en_tokens, zh_tokens))


def band_log_likelihoods(model: Direction, lo: np.ndarray, hi: np.ndarray,
                         longest: int) -> dict[LinkType, np.ndarray]:
    """For each (given count a, generated count b): log P(generated span | given span) of the link ending at each
    cell ``(r, lo[r] + d)`` of the band, as (rows, width) arrays (meaningless where the link would not fit: the
    caller masks those)."""
    rows = len(lo)
    m = len(model.offsets) - 1
    width = int((hi - lo).max()) + 1 if rows else 1
    row = np.arange(rows)
    first_token = model.offsets[np.clip(lo - longest, 0, m)]
    last_token = model.offsets[np.clip(hi, 0, m)]
    span = max(int((last_token - first_token).max()) if rows else 0, 1)
    position = first_token[:, None] + np.arange(span)[None, :]
    present = position < last_token[:, None]
    # the window's own words as dense columns, and one more that every position past a row's tokens reads:
    # t = 0 and a NULL probability of 1, so its log is 0; a row past the first given sentence reads a zero row
    vocabulary, local_of_token = np.unique(model.tokens, return_inverse=True)
    blank = len(vocabulary)
    local = np.where(present, local_of_token[np.minimum(position, max(len(model.tokens) - 1, 0))]
                     if len(model.tokens) else blank, blank)
    given = np.zeros((len(model.given_counts) + 1, blank + 1), dtype=np.float32)
    given[:-1, :-1] = model.given[:, vocabulary].toarray()
    null = np.append(model.null[vocabulary] + FLOOR, 1.0).astype(np.float32)[local]
    given_prefix = np.concatenate(([0.0], np.cumsum(model.given_counts)))
    columns = np.clip(lo[:, None] + np.arange(width)[None, :], 0, m)
    end = np.clip(model.offsets[columns] - first_token[:, None], 0, span)
    running = np.zeros(position.shape, dtype=np.float32)
    prefix = np.zeros((rows, span + 1))
    out: dict[LinkType, np.ndarray] = {}
    for a in range(1, longest + 1):
        added = np.where(row - a >= 0, row - a, len(given) - 1)  # the given sentence the span grows by
        running += given[added[:, None], local]
        np.cumsum(np.log(running + null), axis=1, dtype=np.float64, out=prefix[:, 1:])
        sentences = len(model.given_counts)
        given_tokens = given_prefix[np.clip(row, 0, sentences)] - given_prefix[np.clip(row - a, 0, sentences)]
        normaliser = np.log(given_tokens + 1)[:, None]
        through_end = np.take_along_axis(prefix, end, 1)
        for b in range(1, longest + 1):
            start = np.clip(model.offsets[np.clip(columns - b, 0, m)] - first_token[:, None], 0, span)
            out[a, b] = through_end - np.take_along_axis(prefix, start, 1) - (end - start) * normaliser
    return out


def transposed(band: Band, m: int) -> Band:
    """The same cells with the sides swapped: row j holds the given-side positions i with lo[i] ≤ j ≤ hi[i]."""
    en = np.arange(m + 1)
    lo = np.searchsorted(band.hi, en, side="left")
    hi = np.maximum(np.searchsorted(band.lo, en, side="right") - 1, lo)
    return Band(lo.astype(np.int64), hi.astype(np.int64))


def band_costs(model: Translation, band: Band, longest: int, types: Sequence[LinkType]) -> dict[LinkType, np.ndarray]:
    """For each link type a-b (a, b ≥ 1): ``−log P(en | zh) − log P(zh | en)`` of the link ending at each cell of
    the band, as (rows, width) arrays."""
    m = len(model.en_given_zh.offsets) - 1
    forward = band_log_likelihoods(model.en_given_zh, band.lo, band.hi, longest)
    flipped = transposed(band, m)
    backward = band_log_likelihoods(model.zh_given_en, flipped.lo, flipped.hi, longest)
    columns = band.columns()
    en = np.clip(columns, 0, m)
    rows = np.arange(band.rows)[:, None] + 0 * columns
    back_column = np.clip(rows - flipped.lo[en], 0, flipped.width - 1)
    out = {}
    for a, b in types:
        if not a or not b:
            continue
        out[a, b] = -(forward[a, b] + backward[b, a][en, back_column])
    return out


def link_nll(model: Translation, zh_start: np.ndarray, zh_end: np.ndarray, en_start: np.ndarray,
             en_end: np.ndarray) -> np.ndarray:
    """:func:`band_costs` of given links (half-open sentence ranges)."""
    return -(_explicit(model.en_given_zh, zh_start, zh_end, en_start, en_end)
             + _explicit(model.zh_given_en, en_start, en_end, zh_start, zh_end))


def _explicit(model: Direction, given_start: np.ndarray, given_end: np.ndarray, start: np.ndarray,
              end: np.ndarray) -> np.ndarray:
    """log P(generated sentences start .. end-1 | given sentences given_start .. given_end-1) of each link."""
    sums = (span_matrix(given_start, given_end, model.given.shape[0]) @ model.given).tocsr()
    first, last = model.offsets[start], model.offsets[end]
    counts = last - first
    owner = np.repeat(np.arange(len(start)), counts)
    token_index = np.concatenate([np.arange(f, t) for f, t in zip(first, last)] + [np.zeros(0, np.int64)])
    ids = model.tokens[token_index.astype(np.int64)]
    values = np.asarray(sums[owner, ids]).ravel() if len(ids) else np.zeros(0)
    logs = np.log(values + model.null[ids] + FLOOR)
    given_prefix = np.concatenate(([0.0], np.cumsum(model.given_counts)))
    normaliser = np.log(given_prefix[given_end] - given_prefix[given_start] + 1)
    return np.bincount(owner, logs, minlength=len(start)) - counts * normaliser
