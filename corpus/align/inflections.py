"""English verb endings that Snowball's stemmer leaves on, folded onto a base the bitext itself shows.

Snowball stems modern inflections (``blessed`` → ``bless``) but not Early
Modern English ones (``blesseth``, ``knowest``: the King James Bible, older
translations, verse), so one verb becomes several keys and the lexicons see
each rarely.  A key ending in one of ``endings`` (``eth``, ``est``) is folded
onto the stem of what is left (as is, with a silent ``e`` back, or with a
doubled consonant undone: ``bless``, ``give``, ``set``) only where that stem is
a key the document already has, on its English side or among the CC-CEDICT
gloss keys of its Chinese words: ``forest`` stays (``for`` is no key),
``creepeth`` → ``creep`` where ``creep`` occurs.  A text without such forms
folds nothing.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from corpus.align.lexicon import english_key

SHORTEST_BASE = 3  # letters left once the ending is off: ``seth`` and ``teeth`` stay


def _bases(word: str) -> list[str]:
    """What the word may be without its ending: as is, with a silent e back, a doubled consonant undone."""
    bases = [word, word + "e"]
    if len(word) > SHORTEST_BASE and word[-1] == word[-2]:
        bases.append(word[:-1])
    return bases


def fold_map(keys: Iterable[str], known: Collection[str], endings: Sequence[str]) -> dict[str, str]:
    """key → the known key it folds onto, for every key that ends in one of ``endings`` and has such a base."""
    folded: dict[str, str] = {}
    for key in keys:
        if key in folded or not key.isalpha():
            continue
        for ending in endings:
            base = key[:-len(ending)]
            if not key.endswith(ending) or len(base) < SHORTEST_BASE:
                continue
            stems = [english_key(candidate) for candidate in _bases(base)]
            target = next((stem for stem in stems if stem and stem != key and stem in known), None)
            if target is not None:
                folded[key] = target
                break
    for key, target in folded.items():  # a base may itself fold (``greatestest``); each fold is shorter: no cycle
        while target in folded:
            target = folded[target]
        folded[key] = target
    return folded


def folded(sentences: Sequence[Sequence[str]], mapping: dict[str, str]) -> list[list[str]]:
    """The sentences' keys with each folded key replaced by its base (one key for one: nothing is dropped)."""
    return [[mapping.get(key, key) for key in tokens] for tokens in sentences]
