"""Inline pinyin annotations after characters: ``時(shí)`` → ``時``.

Which parentheses are annotations is the language layer's to say
(:func:`corpus.lang.pinyin.annotation_spans`); the rule name and the reason
the edit log gives: ``curated/cleaning/pinyin_annotations.yaml``.
"""
from __future__ import annotations

from corpus.clean.rules import load_yaml
from corpus.lang.pinyin import annotation_spans
from corpus.model import Edit

_DATA = load_yaml("pinyin_annotations.yaml")
RULE = _DATA["rule"]
REASON = _DATA["reason"].strip()


def find_annotations(text: str) -> list[Edit]:
    return [Edit(start, end, text[start:end], "", RULE, REASON) for start, end in annotation_spans(text)]
