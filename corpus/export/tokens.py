"""Word tokens for the tokenised OPUS sentence files (``<w>`` inside ``<s>``, what ``opus_read -p xml`` prints).

Chinese is cut by jieba (its default dictionary, a private tokenizer so that
other stages' custom words do not leak in), English by the Moses tokenizer
(sacremoses, not escaped: lxml escapes).  Tokens only split the text:
joined without separators they give the text with its whitespace removed.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from sacremoses import MosesTokenizer

from corpus.lang.segmenter import quiet_jieba


@lru_cache(maxsize=1)
def _chinese() -> Any:
    # jieba's shared default dictionary, unchanged (no module adds words to it): the aligner's tokens and the
    # mojibake scorer use it too, so a process loads it once rather than once more for the export.
    return quiet_jieba().dt


@lru_cache(maxsize=1)
def _english() -> MosesTokenizer:
    return MosesTokenizer(lang="en")


def tokens(text: str, language: str) -> list[str]:
    """``language``: ``en`` or a Chinese variant code (``zh``, ``zh_Hans``, ``zh_Hant``)."""
    if language == "en":
        return _english().tokenize(text, escape=False, aggressive_dash_splits=False)
    return [token for token in _chinese().lcut(text) if token.strip()]
