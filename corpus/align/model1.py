"""IBM Model 1 (Brown et al. 1993) trained by EM in numpy: word translation probabilities t(e | f).

Moore (2002) aligns in two passes: the first finds links it is sure of, Model 1
trained on them gives a lexicon of *this* bitext (its names, its archaisms,
its translator's habits), and the second pass uses it.  The E-step runs over
every (English token, Chinese token) pair of every training link at once:
``bincount`` sums the posteriors per English token occurrence and per word
pair, so an iteration is a handful of vector operations.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NULL = ""  # the empty Chinese word every English token may come from
ITERATIONS = 5
MIN_PROBABILITY = 0.05  # translations below this are noise for alignment
MAX_TRANSLATIONS = 6  # kept per Chinese word


def train_model1(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> dict[str, list[tuple[str, float]]]:
    """``t(e | f)`` for each Chinese word ``f`` of the (zh tokens, en tokens) training pairs: its most probable
    English keys (at most :data:`MAX_TRANSLATIONS`, each at least :data:`MIN_PROBABILITY`), best first."""
    zh_vocab: dict[str, int] = {NULL: 0}
    en_vocab: dict[str, int] = {}
    groups, zh_ids, en_ids = [], [], []
    group = 0
    for zh, en in pairs:
        if not zh or not en:
            continue
        f = np.array([0] + [zh_vocab.setdefault(word, len(zh_vocab)) for word in zh], dtype=np.int64)
        e = np.array([en_vocab.setdefault(key, len(en_vocab)) for key in en], dtype=np.int64)
        # one group per English token occurrence, paired with every Chinese word of the link (and NULL)
        groups.append(np.repeat(np.arange(group, group + len(e)), len(f)))
        zh_ids.append(np.tile(f, len(e)))
        en_ids.append(np.repeat(e, len(f)))
        group += len(e)
    if not groups:
        return {}
    group_of = np.concatenate(groups)
    word_pair, pair_of = np.unique(np.concatenate(zh_ids) * len(en_vocab) + np.concatenate(en_ids),
                                   return_inverse=True)
    pair_zh, pair_en = word_pair // len(en_vocab), word_pair % len(en_vocab)
    t = np.ones(len(word_pair))
    for _ in range(ITERATIONS):
        p = t[pair_of]
        posterior = p / np.bincount(group_of, p, minlength=group)[group_of]
        counts = np.bincount(pair_of, posterior, minlength=len(word_pair))
        t = counts / np.bincount(pair_zh, counts, minlength=len(zh_vocab))[pair_zh]
    zh_words = list(zh_vocab)
    en_keys = list(en_vocab)
    keep = (t >= MIN_PROBABILITY) & (pair_zh != 0)
    order = np.lexsort((-t[keep], pair_zh[keep]))  # by Chinese word, then most probable first
    table: dict[str, list[tuple[str, float]]] = {}
    for f, e, p in zip(pair_zh[keep][order], pair_en[keep][order], t[keep][order]):
        translations = table.setdefault(zh_words[f], [])
        if len(translations) < MAX_TRANSLATIONS:
            translations.append((en_keys[e], float(p)))
    return table
