"""Sentences as lists of lexical tokens, the unit of the aligner's lexical evidence.

* Chinese: numbers (``二十``, ``1.75万亿``) become ``num:<value>`` tokens
  (:mod:`corpus.align.numbers`); the rest is segmented by jieba in its search
  mode (each word and the dictionary words inside it: 工作室 gives 工作 and
  工作室, so a compound CC-CEDICT or the English renders by its parts still
  meets them; dictionary only, no HMM guessing: fast, and deterministic for a
  pinned jieba);
  punctuation and function words are dropped; a Latin-script token (``GPT-4``)
  becomes its English key, so it meets the English token directly.
* English: numbers become ``num:<value>`` tokens; every other word its key
  (lower-cased Snowball stem, :func:`corpus.align.lexicon.english_key`);
  function words are dropped.

Chinese tokens stay words (``创造``) and are mapped into the English key space
by the lexicons of :mod:`corpus.align.lexical`; English tokens are already keys.
"""
from __future__ import annotations

import re

from corpus.align.lexicon import ENGLISH_WORD, ZH_FUNCTION_WORDS, english_key
from corpus.align.numbers import en_number_spans, zh_number_spans
from corpus.lang.segmenter import quiet_jieba

WORDLIKE = re.compile(r"\w")
LATIN = re.compile(r"[A-Za-z]")


def _outside(spans: list[tuple[int, int, str]], text: str) -> list[str]:
    """The pieces of ``text`` between the spans."""
    pieces, start = [], 0
    for span_start, span_end, _ in spans:
        pieces.append(text[start:span_start])
        start = span_end
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def chinese_tokens(sentence: str) -> list[str]:
    spans = sorted(zh_number_spans(sentence))
    tokens = [key for _, _, key in spans]
    jieba = quiet_jieba()
    for piece in _outside(spans, sentence):
        for word in jieba.lcut_for_search(piece, HMM=False):
            word = word.strip()
            if not word or not WORDLIKE.search(word) or word in ZH_FUNCTION_WORDS:
                continue
            if LATIN.match(word):
                key = english_key(word)
                if key is not None:
                    tokens.append(key)
            else:
                tokens.append(word)
    return tokens


def english_tokens(sentence: str) -> list[str]:
    spans = sorted(en_number_spans(sentence))
    tokens = [key for _, _, key in spans]
    for piece in _outside(spans, sentence):
        for word in ENGLISH_WORD.findall(piece):
            key = english_key(word)
            if key is not None:
                tokens.append(key)
    return tokens
