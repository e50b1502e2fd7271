"""jieba's default segmenter and tagger, loaded once for every stage that reads Chinese words.

Imported on first use (the import and the dictionary cost a second) with its start-up chatter silenced: a build's
stderr holds what the build says (a stopped build prints one line).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def quiet_jieba() -> Any:
    """The ``jieba`` module with its default dictionary loaded, logging only errors."""
    import jieba

    jieba.setLogLevel(60)  # above CRITICAL: no "Building prefix dict" on stderr
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def quiet_tagger() -> Any:
    """``jieba.posseg`` over the same default dictionary (imported apart: its tables are only the tagger's)."""
    quiet_jieba()
    import jieba.posseg

    return jieba.posseg


def private_tokenizer() -> Any:
    """A new ``jieba.Tokenizer`` over the default dictionary, loaded, for a stage that adds words of its own.

    Words added to it stay out of the shared default that the other stages cut with.
    """
    tokenizer = quiet_jieba().Tokenizer()
    tokenizer.initialize()
    return tokenizer
