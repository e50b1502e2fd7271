"""Bilingual lexical keys: CC-CEDICT glosses and English word normalisation.

Both languages are reduced to the same vocabulary of *keys*: an English word
becomes its lower-cased Snowball stem; a Chinese word becomes the stems of
the content words in its CC-CEDICT glosses (``创业`` → ``begin``,
``undertak``, ``ventur``, ``entrepreneurship`` …).  A zh–en sentence pair
then shares evidence exactly where their key sets intersect.

CC-CEDICT is read through :mod:`corpus.lang.cedict` (once per process, shared with the annotator; a
headword's keys are computed on first use by :func:`headword_keys`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import snowballstemmer

from corpus.lang import cedict

ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’.+-][A-Za-z0-9]+)*")
GLOSS_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Senses that describe grammar or point to other entries rather than translate.
SKIPPED_SENSE_PREFIXES = ("cl:", "variant of", "old variant", "see ", "used in", "abbr. for", "classifier",
                          "particle", "(grammar", "japanese variant", "erhua variant", "also pr.")
MAX_KEYS_PER_WORD = 24  # very polysemous characters (打: 30+ senses) would otherwise match anything


def _word_list(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


ENGLISH_FUNCTION_WORDS = _word_list("english_function_words.txt")
ZH_FUNCTION_WORDS = _word_list("zh_function_words.txt")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def english_key(word: str) -> str | None:
    """The key of one English word: lower-cased, hyphens/dots dropped, stemmed; None for function words."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if lower in ENGLISH_FUNCTION_WORDS or not lower:
        return None
    compact = re.sub(r"[^a-z0-9]", "", lower)  # GPT-3 and GPT3 are one key
    if not compact:
        return None
    if not compact.isalpha():
        return compact
    return _STEMMER.stemWord(compact)


def gloss_keys(definitions: list[str]) -> list[str]:
    """Keys of the content words of CC-CEDICT senses, in sense order, without duplicates."""
    keys: list[str] = []
    for sense in definitions:
        sense = sense.strip()
        lower = sense.lower()
        if lower.startswith("surname "):
            sense = sense[len("surname "):]  # keep the romanised surname: 张 → zhang
        elif lower.startswith(SKIPPED_SENSE_PREFIXES):
            continue
        for word in ENGLISH_WORD.findall(GLOSS_PARENTHETICAL.sub(" ", sense)):
            key = english_key(word)
            if key and key not in keys:
                keys.append(key)
    return keys[:MAX_KEYS_PER_WORD]


def _senses(word: str) -> tuple[str, ...]:
    """The senses of every entry of ``word``, in the dictionary's order; empty for words it lacks."""
    return tuple(sense for entry in cedict.entries().get(word, ()) for sense in entry.senses)


def is_headword(word: str) -> bool:
    return word in cedict.entries()


# Stemming all ~190k glosses up front costs ~20 s; a corpus touches a few thousand headwords.
@lru_cache(maxsize=None)
def headword_keys(word: str) -> frozenset[str]:
    """Gloss keys of a CC-CEDICT headword; empty for words the dictionary lacks."""
    senses = _senses(word)
    return frozenset(gloss_keys(list(senses))) if senses else frozenset()


@lru_cache(maxsize=1)
def longest_headword() -> int:
    return max(len(headword) for headword in cedict.entries())
