"""Inline pinyin after Han characters: ``時(shí)`` is 時 with a reading aid.

A parenthesised syllable right after a Han character is an annotation only when
pypinyin lists it as a reading of that character (tone-marked, or with the
tone as a digit, ``shi2``; a toneless syllable counts where pypinyin itself
lists the neutral tone), so real parentheses such as (AGI), (微調) or (出北京)
are never taken for one.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin
from pypinyin.contrib.tone_convert import to_tone

from corpus.lang import HAN, data

# The scan starts at the parenthesis so that it skips ahead in C over the text.
_ANNOTATIONS = re.compile(data("zh")["inline_pinyin"])
_SYLLABLE = re.compile(r"[(（]([^()（）]+)[)）]")


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Tone-marked readings of one Han character (all heteronyms)."""
    found = pinyin(char, heteronym=True, style=Style.TONE, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


def toned(syllable: str) -> str:
    """A syllable as pypinyin lists readings: NFC, tone-marked (``shi2`` → ``shí``; 5 is the neutral tone)."""
    syllable = unicodedata.normalize("NFC", syllable)
    if syllable and syllable[-1] in "12345":
        syllable = to_tone(syllable[:-1] if syllable.endswith("5") else syllable)
    return syllable


def is_reading(char: str, syllable: str) -> bool:
    return toned(syllable.lower().replace("v", "ü")) in readings(char)


def annotation_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every parenthesised syllable that reads the Han character before it."""
    spans = []
    for match in _ANNOTATIONS.finditer(text):
        char = text[match.start() - 1] if match.start() else ""
        if not HAN.fullmatch(char):
            continue
        for part in _SYLLABLE.finditer(match.group(0)):
            if is_reading(char, part.group(1)):
                spans.append((match.start() + part.start(), match.start() + part.end()))
    return spans


def without_annotations(text: str) -> str:
    """``text`` with its inline pinyin removed."""
    kept, position = [], 0
    for start, end in annotation_spans(text):
        kept.append(text[position:start])
        position = end
    return "".join(kept) + text[position:]
