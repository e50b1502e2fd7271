"""IBM Model 1 (Brown et al. 1993) trained by EM in numpy: word translation probabilities t(e | f).

Moore (2002) aligns in two passes: the first finds links it is sure of, Model 1
trained on them gives a lexicon of *this* bitext (its names, its archaisms,
its translator's habits), and the second pass uses it.  The E-step runs over
every (English token, Chinese token) pair of every training link at once:
``bincount`` sums the posteriors per English token occurrence and per word
pair, so an iteration is a handful of vector operations.

With ``tension`` > 0 it is fast_align's reparameterisation of Model 2 (Dyer et
al. 2013): an English token at relative position j/J comes from the Chinese
word at i/I with a prior ∝ exp(−tension · |i/I − j/J|) (from NULL with
probability ``null``), so where a word occurs twice in a link the occurrence
near the diagonal takes the credit; Chinese and English share their clause order
often enough for that to sharpen the lexicon.

:func:`train_intersected` keeps only the word pairs that Model 1 learns in both
directions (t(e | f) and t(f | e) each above :data:`MIN_PROBABILITY`), as
alignments are symmetrised by intersection (Och & Ney 2003): a frequent English
word that Model 1 gives a little of many Chinese words in the direction zh → en
("his", "shall", "upon", "land") rarely has them among its translations the
other way (on bible/001's links 21,530 pairs become 5,320; 亚伯拉罕/abraham, 说/said
and 国/nation stay, 国/land goes).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

NULL = ""  # the empty Chinese word every English token may come from
ITERATIONS = 5
MIN_PROBABILITY = 0.05  # translations below this are noise for alignment
MAX_TRANSLATIONS = 6  # kept per Chinese word


@dataclass(frozen=True)
class Model1:
    """``t(generated | given)`` for every word pair seen together in a training link, row 0 the NULL word."""

    given: dict[str, int]  # given word → row (NULL is row 0)
    generated: dict[str, int]  # generated word → column
    table: sparse.csr_matrix  # (given words, generated words)


def fit_model1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = ITERATIONS,
               tension: float = 0.0, null: float = 0.0) -> Model1:
    """IBM Model 1 of the second sentence of each (given, generated) training pair given the first, by EM;
    with a diagonal prior of this ``tension`` and ``null`` probability if ``tension`` > 0 (see above)."""
    given_vocab: dict[str, int] = {NULL: 0}
    generated_vocab: dict[str, int] = {}
    groups, given_ids, generated_ids, priors = [], [], [], []
    group = 0
    for given, generated in pairs:
        if not given or not generated:
            continue
        f = np.array([0] + [given_vocab.setdefault(word, len(given_vocab)) for word in given], dtype=np.int64)
        e = np.array([generated_vocab.setdefault(key, len(generated_vocab)) for key in generated], dtype=np.int64)
        # one group per generated token occurrence, paired with every given word of the link (and NULL)
        groups.append(np.repeat(np.arange(group, group + len(e)), len(f)))
        given_ids.append(np.tile(f, len(e)))
        generated_ids.append(np.repeat(e, len(f)))
        if tension:
            priors.append(diagonal_prior(len(f) - 1, len(e), tension, null))
        group += len(e)
    if not groups:
        return Model1(given_vocab, generated_vocab, sparse.csr_matrix((1, 0)))
    group_of = np.concatenate(groups)
    columns = len(generated_vocab)
    word_pair, pair_of = np.unique(np.concatenate(given_ids) * columns + np.concatenate(generated_ids),
                                   return_inverse=True)
    pair_given, pair_generated = word_pair // columns, word_pair % columns
    t = np.ones(len(word_pair))
    prior = np.concatenate(priors) if priors else np.ones(1)
    for _ in range(iterations):
        p = t[pair_of] * prior
        posterior = p / np.bincount(group_of, p, minlength=group)[group_of]
        counts = np.bincount(pair_of, posterior, minlength=len(word_pair))
        t = counts / np.bincount(pair_given, counts, minlength=len(given_vocab))[pair_given]
    table = sparse.csr_matrix((t, (pair_given, pair_generated)), shape=(len(given_vocab), columns))
    return Model1(given_vocab, generated_vocab, table)


def diagonal_prior(given: int, generated: int, tension: float, null: float) -> np.ndarray:
    """P(a_j = i) for each generated position j and given position i (0 = NULL), flattened j-major as the
    E-step's pairs are: ``null`` for NULL, the rest ∝ exp(−tension · |i/I − j/J|) (positions at word centres)."""
    i = (np.arange(given) + 0.5) / given
    j = (np.arange(generated) + 0.5) / generated
    closeness = np.exp(-tension * np.abs(i[None, :] - j[:, None]))
    closeness *= (1 - null) / closeness.sum(axis=1, keepdims=True)
    return np.concatenate([np.full((generated, 1), null), closeness], axis=1).ravel()


def train_model1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], tension: float = 0.0,
                 null: float = 0.0) -> dict[str, list[tuple[str, float]]]:
    """``t(e | f)`` for each Chinese word ``f`` of the (zh tokens, en tokens) training pairs: its most probable
    English keys (at most :data:`MAX_TRANSLATIONS`, each at least :data:`MIN_PROBABILITY`), best first;
    ``tension`` and ``null`` as for :func:`fit_model1`."""
    model = fit_model1(pairs, tension=tension, null=null)
    coo = model.table.tocoo()
    t, pair_zh, pair_en = coo.data, coo.row, coo.col
    zh_words = list(model.given)
    en_keys = list(model.generated)
    keep = (t >= MIN_PROBABILITY) & (pair_zh != 0)
    order = np.lexsort((-t[keep], pair_zh[keep]))  # by Chinese word, then most probable first
    table: dict[str, list[tuple[str, float]]] = {}
    for f, e, p in zip(pair_zh[keep][order], pair_en[keep][order], t[keep][order]):
        translations = table.setdefault(zh_words[f], [])
        if len(translations) < MAX_TRANSLATIONS:
            translations.append((en_keys[e], float(p)))
    return table


def train_intersected(pairs: Sequence[tuple[Sequence[str], Sequence[str]]], tension: float = 0.0,
                      null: float = 0.0) -> dict[str, list[tuple[str, float]]]:
    """:func:`train_model1`'s ``t(e | f)``, keeping only the pairs that the reverse model (Chinese given
    English, same prior) keeps too; a Chinese word left with none is dropped."""
    forward = train_model1(pairs, tension, null)
    backward = train_model1([(en, zh) for zh, en in pairs], tension, null)
    both = {(zh, en) for en, translations in backward.items() for zh, _ in translations}
    kept = {zh: [(en, p) for en, p in translations if (zh, en) in both] for zh, translations in forward.items()}
    return {zh: translations for zh, translations in kept.items() if translations}
