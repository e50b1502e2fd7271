"""Numbers as language-neutral alignment evidence.

``1.75万亿`` and ``1.75 trillion``, ``5000万`` and ``50 million``, ``70%`` and
``70 percent``, ``二十`` and ``twenty``, ``7 月`` and ``July`` all reduce to the
same key ``num:<value>`` (the value written out in plain decimal notation), so
the aligner can compare them with a set intersection.

A number spelt out in English words is read whole, as a Chinese numeral is:
``forty and six thousand and five hundred`` (四万六千五百), ``nine hundred
sixty and nine``, ``an hundred and twenty``, ``twenty-one``.  Terms join while
each is smaller than the one before it, so ``two and three`` stays two numbers.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from corpus import lang
from corpus.lang.numerals import (EN_NUMBER, EN_SCALES, EN_WORDS, ZH_MAGNITUDES, ZH_NUMERAL_CHARACTERS, en_value,
                                  magnitude, zh_numeral)

# "may" is far more often a verb than a month; a false number key would be noise.
EN_MONTHS = {month.lower(): number for number, month in enumerate(lang.EN_MONTHS, start=1) if month != "May"}
ZH_ARABIC = re.compile(r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(" + "|".join(ZH_MAGNITUDES) + ")?")
ZH_NUMERAL_RUN = re.compile(f"[{ZH_NUMERAL_CHARACTERS}]{{2,}}")
_EN_SCALE = "|".join(sorted(EN_SCALES, key=len, reverse=True))
_EN_TERM = "|".join(sorted([*EN_WORDS, *EN_SCALES], key=len, reverse=True))
# a number word (or "a"/"an" and a scale word), then number and scale words joined by spaces, hyphens or "and"
EN_WORD_RUN = re.compile(rf"(?<![\w.])(?:an?\s+(?:{_EN_SCALE})|{'|'.join(sorted(EN_WORDS, key=len, reverse=True))})"
                         rf"(?:(?:\s+and\s+|[\s-]+)(?:{_EN_TERM}))*\b", re.IGNORECASE)
EN_WORD = re.compile(r"[A-Za-z]+")


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
    spans = [(start, end, number_key(value)) for run in EN_WORD_RUN.finditer(text)
             for start, end, value in en_word_numbers(run.group(), run.start())]
    taken = [False] * len(text)
    for start, end, _ in spans:
        taken[start:end] = [True] * (end - start)
    for match in EN_NUMBER.finditer(text):
        if not any(taken[match.start():match.end()]):
            spans.append((match.start(), match.end(), number_key(en_value(match))))
    for match in re.finditer(r"[A-Za-z]+", text):
        month = EN_MONTHS.get(match.group().lower())
        if month and match.group()[0].isupper():
            spans.append((match.start(), match.end(), number_key(Decimal(month))))
    return sorted(spans)


def en_word_numbers(run: str, offset: int = 0) -> list[tuple[int, int, Decimal]]:
    """``(start, end, value)`` of the numbers in a run of number words (an :data:`EN_WORD_RUN` match starting at
    ``offset``): additive terms join while each is smaller than the last (``sixty and nine``, ``five hundred and
    fourscore``); a scale word multiplies what precedes it (``hundred`` the current group, a larger one the group
    added to the total); a term as large as the last starts a new number (``two and three``)."""
    numbers: list[tuple[int, int, Decimal]] = []
    start, end, total, group = -1, 0, Decimal(0), Decimal(0)
    last: Decimal | None = None  # the last term added or scale applied: the next term must be smaller
    for word in EN_WORD.finditer(run):
        name = word.group().lower()
        if name == "and":
            continue
        scale = EN_SCALES.get(name)
        value = scale if scale is not None else Decimal(EN_WORDS.get(name, 1))  # "a"/"an" before a scale: one
        if last is not None and value >= last and (scale is None or group == 0):
            numbers.append((offset + start, offset + end, total + group))
            total, group, last = Decimal(0), Decimal(0), None
        if last is None:
            start = word.start()
        if scale is None:
            group += value
        elif scale < 1000:
            group = max(group, Decimal(1)) * scale
        else:
            total, group = total + max(group, Decimal(1)) * scale, Decimal(0)
        end, last = word.end(), value
    numbers.append((offset + start, offset + end, total + group))
    return numbers
