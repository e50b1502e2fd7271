"""Shops and stalls named in quotation marks: 「根記燒臘」, “阿发卤鸭饭”, “陈姨糖水铺”.

A shop's sign is written in quotes, and no dictionary lists it.  A quoted run of Han characters is a shop's name by its
shape, not its wording: it ends with a shop's head (铺, 饼家, 冰厅: ``curated/lang/zh.yaml``, ``organisations:
shop_heads``), starts with a sign's mark (阿 + a given name, a surname + 记: ``shop_name_marks``), or a shop's role
follows the quote (“金蕊糕粿”老板娘: ``shop_roles``); and the words before its head hold a name's evidence (a word jieba
does not know, tags as a name or rarely sees: :func:`corpus.annotate.org_heads.is_name_evidence`), so a quoted common
phrase (「网红店」, 「老店地图」) names no shop.  Compared on the model's input (simplified, same offsets).
"""
from __future__ import annotations

import re

from corpus import lang
from corpus.annotate.name_spans import Word
from corpus.annotate.org_heads import is_name_evidence
from corpus.lang import QUOTES, alternation, is_han
from corpus.model import Mention

_ORGS = lang.data("zh")["organisations"]
SHOP_HEADS = tuple(sorted(_ORGS["shop_heads"], key=len, reverse=True))
SHOP_ROLES = tuple(sorted(_ORGS["shop_roles"], key=len, reverse=True))
_MARKS = _ORGS["shop_name_marks"]
MIN_SHOP_CHARS, MAX_SHOP_CHARS = 3, 8  # 根記燒臘, 阿发卤鸭饭, 泰茹麵包舖; a quoted clause is longer
_QUOTED = re.compile("|".join(f"{re.escape(opening)}([^{re.escape(opening + closing)}]{{{MIN_SHOP_CHARS},"
                              f"{MAX_SHOP_CHARS}}}){re.escape(closing)}" for opening, closing in QUOTES.items()))
_SIGN_MARK = re.compile(f"{alternation(_MARKS['first'])}.|.{alternation(_MARKS['second'])}")


def quoted_shops(words: list[Word], text: str, read: str) -> list[Mention]:
    """The shops of the module docstring in a sentence (``words``: jieba's on ``read``, the model's input)."""
    found = []
    for match in _QUOTED.finditer(read):
        group = next(index for index in range(1, len(match.groups()) + 1) if match.group(index) is not None)
        start, end = match.span(group)
        name = read[start:end]
        if not all(is_han(character) for character in name):
            continue
        head = next((h for h in SHOP_HEADS if name.endswith(h) and len(name) > len(h)), "")
        shaped = bool(head) or _SIGN_MARK.match(name) is not None or read.startswith(SHOP_ROLES, match.end())
        parts = [word for word in words if start <= word.start and word.end <= end - len(head)]
        if shaped and parts and any(is_name_evidence(word, parts) for word in parts):
            found.append(Mention(start, end, text[start:end], "org", source="ner"))
    return found
