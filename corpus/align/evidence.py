"""Lexical evidence of one sentence, and how much two spans of sentences share.

A sentence becomes a list of *items* (content words, numbers, Latin-script
tokens), each carrying a set of keys from the shared zh/en vocabulary of
:mod:`corpus.align.lexicon` and :mod:`corpus.align.numbers`:

* a Chinese word (greedy longest match against CC-CEDICT) carries its gloss
  keys; every run of 1–3 Han characters additionally carries ``py:<pinyin>``
  so that 张宏江 meets *Zhang Hongjiang* even though CC-CEDICT lacks the name;
* an English word carries its stem, and a capitalised one also ``py:<word>``;
* numbers on either side carry ``num:<value>``; Latin tokens inside Chinese
  text (GPT-3, OpenAI) carry the same key as the English token.

:class:`Evidence` stores, per key, the bitmask of items that carry it, so the
items two sentences share are found by a set intersection of their keys.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from corpus.align.lexicon import (
    ENGLISH_WORD,
    ZH_FUNCTION_WORDS,
    english_key,
    headword_keys,
    is_headword,
    longest_headword,
)
from corpus.align.numbers import en_number_spans, zh_number_spans
from corpus.lang import HAN_CLASS

HAN = re.compile(f"[{HAN_CLASS}]+")
MAX_MATCH = 8  # longest CC-CEDICT headword we try when segmenting greedily
MAX_NAME_SYLLABLES = 3  # a Chinese given name or place name rarely exceeds three characters


@dataclass(frozen=True)
class Evidence:
    """``size`` content items; ``keys`` maps each key to the bitmask of items carrying it."""

    size: int
    keys: dict[str, int]


def _evidence(items: list[set[str]]) -> Evidence:
    keys: dict[str, int] = {}
    for index, item_keys in enumerate(items):
        for key in item_keys:
            keys[key] = keys.get(key, 0) | (1 << index)
    return Evidence(len(items), keys)


def _token_spans(text: str, number_spans: list[tuple[int, int, str]]) -> list[tuple[int, int, set[str]]]:
    """Latin tokens and numbers as items; a number inside a token (GPT-4) stays part of the token,
    a token inside a number (``ten`` in ``ten million``) stays part of the number."""
    spans: list[tuple[int, int, set[str]]] = []
    words = [(m.start(), m.end(), m.group()) for m in ENGLISH_WORD.finditer(text)]
    for start, end, key in number_spans:
        if not any(ws <= start and end <= we and (ws, we) != (start, end) for ws, we, _ in words):
            spans.append((start, end, {key}))
    for start, end, word in words:
        if any(ns <= start and end <= ne for ns, ne, _ in spans):
            continue
        word_key = english_key(word)
        if word_key is None:
            continue
        keys = {word_key}
        if word[0].isupper() and word.isalpha():
            keys.add("py:" + word.lower())
        spans.append((start, end, keys))
    return sorted(spans, key=lambda span: span[0])


@lru_cache(maxsize=100_000)
def english_evidence(sentence: str) -> Evidence:
    return _evidence([keys for _, _, keys in _token_spans(sentence, en_number_spans(sentence))])


def _han_items(run: str, offset: int) -> list[tuple[int, int, set[str]]]:
    """Greedy longest-match segmentation of a Han run against CC-CEDICT; function words are dropped."""
    longest = min(MAX_MATCH, longest_headword())
    items: list[tuple[int, int, set[str]]] = []
    position = 0
    while position < len(run):
        size = next((k for k in range(min(longest, len(run) - position), 1, -1)
                     if is_headword(run[position:position + k])), 1)
        word = run[position:position + size]
        if word not in ZH_FUNCTION_WORDS:
            items.append((offset + position, offset + position + size, set(headword_keys(word))))
        position += size
    return items


def _add_pinyin_keys(run: str, offset: int, items: list[tuple[int, int, set[str]]]) -> None:
    """Give every window of 1–3 characters the key ``py:<toneless pinyin>`` on the items it covers."""
    syllables = lazy_pinyin(run, style=Style.NORMAL)
    if len(syllables) != len(run):
        return  # pypinyin merged or split something; names in this run get no pinyin evidence
    owner: dict[int, set[str]] = {}  # character offset → keys of the item covering it
    for item_start, item_end, keys in items:
        for position in range(item_start, item_end):
            owner[position] = keys
    for first in range(len(run)):
        for count in range(1, MAX_NAME_SYLLABLES + 1):
            if first + count > len(run):
                break
            key = "py:" + "".join(syllables[first:first + count])
            for position in range(offset + first, offset + first + count):
                if position in owner:
                    owner[position].add(key)


@lru_cache(maxsize=100_000)
def chinese_evidence(sentence: str) -> Evidence:
    items = _token_spans(sentence, zh_number_spans(sentence))
    covered = [False] * len(sentence)
    for start, end, _ in items:
        covered[start:end] = [True] * (end - start)
    for match in HAN.finditer(sentence):
        run_items: list[tuple[int, int, set[str]]] = []
        # numbers written in characters (二十) are already items; segment the Han text around them
        for piece in re.finditer(r"[^\x00]+", "".join("\x00" if covered[i] else sentence[i]
                                                       for i in range(match.start(), match.end()))):
            run_items += _han_items(piece.group(), match.start() + piece.start())
        _add_pinyin_keys(match.group(), match.start(), run_items)
        items += run_items
    items.sort(key=lambda span: span[0])
    return _evidence([keys for _, _, keys in items])


def shared_items(zh: Evidence, en: Evidence) -> tuple[int, int]:
    """Bitmasks of the zh items and of the en items that have a key in common."""
    zh_mask = en_mask = 0
    for key in zh.keys.keys() & en.keys.keys():
        zh_mask |= zh.keys[key]
        en_mask |= en.keys[key]
    return zh_mask, en_mask
