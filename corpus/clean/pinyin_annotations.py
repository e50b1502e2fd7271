"""Inline pinyin annotations after characters: ``時(shí)`` → ``時``.

Decision per annotation: the syllable (lower-cased, NFC) must be one of the
readings pypinyin gives for the preceding character, tone-marked
(``Style.TONE``); a toneless syllable counts only where pypinyin itself lists
the neutral-tone reading.  Pattern and reason: ``curated/cleaning/pinyin_annotations.yaml``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin

from corpus.clean.rules import load_yaml
from corpus.model import Edit

_DATA = load_yaml("pinyin_annotations.yaml")
RULE = _DATA["rule"]
REASON = _DATA["reason"].strip()
_ANNOTATIONS = re.compile(_DATA["pattern"])
_HAN = re.compile(_DATA["han"])
_SYLLABLE = re.compile(r"[(（]([^()（）]+)[)）]")


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Tone-marked readings of one Han character (all heteronyms)."""
    found = pinyin(char, heteronym=True, style=Style.TONE, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


def is_reading(char: str, syllable: str) -> bool:
    return unicodedata.normalize("NFC", syllable.lower()).replace("v", "ü") in readings(char)


def find_annotations(text: str) -> list[Edit]:
    edits = []
    for match in _ANNOTATIONS.finditer(text):
        char = text[match.start() - 1] if match.start() else ""
        if not _HAN.fullmatch(char):
            continue
        for part in _SYLLABLE.finditer(match.group(0)):
            if is_reading(char, part.group(1)):
                start = match.start() + part.start()
                edits.append(Edit(start, start + len(part.group(0)), part.group(0), "", RULE, REASON))
    return edits
