"""Script variants and readings: zh-Hans and zh-Hant (OpenCC, phrase level) and pinyin (pypinyin).

zh_hant is always Taiwan standard with Taiwanese phrasing (OpenCC ``s2twp``),
so the column is uniform whatever the original script; the original text
stays in ``Sentence.zh``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import opencc
from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

from corpus.model import Document

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
PASS_THROUGH_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-+%'_/]*|\S")
# Punctuation that attaches to the preceding token in running pinyin.
_CLOSING = frozenset("，。！？；：、,.!?;:)）」』”’》】…")
_OPENING = frozenset("(（「『“‘《【")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_hans(text: str) -> str:
    return _converter("t2s").convert(text)


def to_hant(text: str) -> str:
    """Traditional, Taiwan standard with phrases; from either script."""
    return _hans_to_hant(to_hans(text))


def _hans_to_hant(hans: str) -> str:
    return _converter("s2twp").convert(hans)


def detect_script(text: str) -> str:
    """``hant`` if the text has more traditional-only than simplified-only characters, else ``hans``."""
    han = "".join(HAN.findall(text))
    traditional_only = sum(a != b for a, b in zip(han, to_hans(han)))
    simplified_only = sum(a != b for a, b in zip(han, _converter("s2t").convert(han)))
    return "hant" if traditional_only > simplified_only else "hans"


def to_pinyin(text: str) -> str:
    """Tone-marked pinyin, phrase-aware; Latin, digits and punctuation pass through.

    Syllables are separated by spaces; punctuation hugs the word it belongs
    to; runs of non-Han text are kept as written (Latin words and numbers whole).
    """
    return _hans_to_pinyin(to_hans(text), text)


def _hans_to_pinyin(hans: str, original: str) -> str:
    out: list[str] = []
    # pypinyin hands each run without readings to ``errors``: Latin words and numbers stay whole
    for (piece,) in pinyin(_readable(hans, original), style=Style.TONE, errors=PASS_THROUGH_TOKEN.findall):
        if out and (piece[0] in _CLOSING or out[-1][-1] in _OPENING):
            out[-1] += piece
        else:
            out.append(piece)
    return " ".join(out)


def _readable(hans: str, original: str) -> str:
    """``hans``, with the original character back wherever only the original has a reading.

    OpenCC simplifies some rare characters to Unicode-extension forms that pypinyin
    does not know (彃 → 𪪼); reading the original keeps their pinyin.
    """
    if hans == original or len(hans) != len(original):
        return hans
    if all(ord(new) in pinyin_dict for new in set(hans).difference(original)):
        return hans  # the common case, decided on the few distinct characters simplification introduced
    return "".join(
        new if new == old or ord(new) in pinyin_dict or ord(old) not in pinyin_dict else old
        for new, old in zip(hans, original)
    )


def annotate(doc: Document) -> Document:
    doc.script = detect_script(doc.cleaned)
    for sentence in doc.sentences:
        sentence.zh_hans = to_hans(sentence.zh)  # converted once; both variants start from it
        sentence.zh_hant = _hans_to_hant(sentence.zh_hans)
        sentence.pinyin = _hans_to_pinyin(sentence.zh_hans, sentence.zh)
    return doc
