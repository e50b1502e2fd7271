"""Numbers as language-neutral alignment evidence.

``1.75万亿`` and ``1.75 trillion``, ``5000万`` and ``50 million``, ``70%`` and
``70 percent``, ``二十`` and ``twenty``, ``7 月`` and ``July`` all reduce to the
same key ``num:<value>`` (the value written out in plain decimal notation), so
the aligner can compare them with a set intersection.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from corpus import lang
from corpus.lang.numerals import (EN_NUMBER, ZH_MAGNITUDES, ZH_NUMERAL_CHARACTERS, en_value, magnitude,
                                  zh_numeral)

# "may" is far more often a verb than a month; a false number key would be noise.
EN_MONTHS = {month.lower(): number for number, month in enumerate(lang.EN_MONTHS, start=1) if month != "May"}
ZH_ARABIC = re.compile(r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(" + "|".join(ZH_MAGNITUDES) + ")?")
ZH_NUMERAL_RUN = re.compile(f"[{ZH_NUMERAL_CHARACTERS}]{{2,}}")


def number_key(value: Decimal) -> str:
    """``num:`` plus the value in plain notation without trailing zeros (``1.750`` → ``num:1.75``)."""
    text = format(value.normalize(), "f")
    return "num:" + text


def zh_number_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for every number in a Chinese sentence, Arabic or written in characters."""
    spans: list[tuple[int, int, str]] = []
    for match in ZH_ARABIC.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if match.group(2):
            value *= magnitude(match.group(2))
        spans.append((match.start(), match.end(), number_key(value)))
    taken = [False] * len(text)
    for start, end, _ in spans:
        taken[start:end] = [True] * (end - start)
    for match in ZH_NUMERAL_RUN.finditer(text):
        if any(taken[match.start():match.end()]):
            continue
        numeral = zh_numeral(match.group())
        if numeral is not None:
            spans.append((match.start(), match.end(), number_key(numeral)))
    return sorted(spans)


def en_number_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for every number in an English sentence (digits, number words, months)."""
    spans: list[tuple[int, int, str]] = []
    for match in EN_NUMBER.finditer(text):
        spans.append((match.start(), match.end(), number_key(en_value(match))))
    for match in re.finditer(r"[A-Za-z]+", text):
        month = EN_MONTHS.get(match.group().lower())
        if month and match.group()[0].isupper():
            spans.append((match.start(), match.end(), number_key(Decimal(month))))
    return sorted(spans)
