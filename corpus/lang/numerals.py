"""Numbers as Chinese and English write them, read into exact values (``decimal.Decimal``).

One parser for Chinese numerals (:func:`zh_numeral`), one for Arabic digits with Chinese
orders of magnitude (:func:`chinese_number`); the vocabularies come from ``corpus/curated/lang``.
"""
from __future__ import annotations

import re
from decimal import Decimal

from corpus.lang import data

_ZH = data("zh")["numerals"]
_EN = data("en")["numerals"]
ZH_DIGITS: dict[str, int] = _ZH["digits"]
ZH_SMALL_UNITS: dict[str, int] = _ZH["small_units"]
ZH_LARGE_UNITS: dict[str, int] = _ZH["large_units"]
ZH_MAGNITUDES: tuple[str, ...] = tuple(_ZH["magnitudes"])  # longest first
ZH_NUMERAL_CHARACTERS = "".join([*ZH_DIGITS, *ZH_SMALL_UNITS, *ZH_LARGE_UNITS])
ZH_VAGUE_DIGITS: tuple[str, ...] = tuple(_ZH["vague_digits"])
EN_WORDS: dict[str, int] = _EN["words"]
EN_SCALES: dict[str, Decimal] = {word: Decimal(value) for word, value in _EN["scales"].items()}
_ARABIC = re.compile(r"(\d+(?:\.\d+)?)(.*)")
# A number in English: digits (thousands separators, decimals) or a number word, then a scale word.
EN_NUMBER = re.compile(
    r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?|"
    + "|".join(EN_WORDS)
    + r")(?:[\s-]+("
    + "|".join(EN_SCALES)
    + r"))?\b",
    re.IGNORECASE,
)


def magnitude(word: str) -> Decimal:
    """The value of an order of magnitude written with unit characters: ``万亿`` → 10¹², ``千万`` → 10⁷."""
    value = Decimal(1)
    for char in word:
        value *= ZH_LARGE_UNITS.get(char) or ZH_SMALL_UNITS[char]
    return value


def chinese_number(text: str) -> Decimal | None:
    """``1.75万亿`` → 1750000000000; ``一万`` → 10000; ``七十`` → 70; None if not a number."""
    text = text.replace(",", "").replace(" ", "")
    match = _ARABIC.fullmatch(text)
    if match:
        value, rest = Decimal(match.group(1)), match.group(2)
        if any(char not in ZH_LARGE_UNITS and char not in ZH_SMALL_UNITS for char in rest):
            return None
        return value * magnitude(rest)
    return zh_numeral(text)


def zh_numeral(text: str) -> Decimal | None:
    """Value of a numeral written in characters (``二十`` → 20, ``三千五百万`` → 35000000,
    ``一亿五千万`` → 150000000, ``一千零五`` → 1005), or None where the run is no well-formed numeral: a digit
    list (``一二``), a reduplication (``一一对应``) or a vague range (``两三亿``)."""
    if not text or any(char not in ZH_NUMERAL_CHARACTERS for char in text):
        return None
    for unit in sorted(ZH_LARGE_UNITS, key=ZH_LARGE_UNITS.__getitem__, reverse=True):  # 一万亿 = (一万) × 亿
        if unit in text:
            high, _, low = text.partition(unit)
            high_value = zh_numeral(high) if high else Decimal(1)
            low_value = zh_numeral(low) if low else Decimal(0)
            if high_value is None or low_value is None:
                return None
            return high_value * ZH_LARGE_UNITS[unit] + low_value
    section, digit = 0, None
    for char in text:
        if char in ZH_DIGITS:
            if digit is not None:  # two digits in a row: a list or a range, not a numeral
                return None
            if ZH_DIGITS[char] == 0:  # 一千零五: a zero after a unit only holds a place
                continue
            digit = ZH_DIGITS[char]
        else:
            section += (1 if digit is None else digit) * ZH_SMALL_UNITS[char]
            digit = None
    return Decimal(section + (digit or 0))


def english_number(text: str) -> Decimal | None:
    """``1.75 trillion`` → 1750000000000, ``10,000`` → 10000, ``five`` → 5; None if not one number."""
    match = EN_NUMBER.fullmatch(text)
    return en_value(match) if match else None


def en_value(match: re.Match[str]) -> Decimal:
    """The value of an :data:`EN_NUMBER` match."""
    head = match.group(1).lower()
    value = Decimal(EN_WORDS[head]) if head in EN_WORDS else Decimal(head.replace(",", ""))
    return value * EN_SCALES[match.group(2).lower()] if match.group(2) else value
