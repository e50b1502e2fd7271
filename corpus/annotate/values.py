"""Normalised values of date, amount and percent mentions (Chinese or English text).

:func:`date_value` gives the ISO 8601 / XSD form of a date the text states
exactly: ``2023年8月1日`` → ``2023-08-01``, ``2018年11月`` → ``2018-11``,
``2023年`` → ``2023``, ``3月20日`` → ``--03-20`` (month and day, no year).
:func:`measure_value` gives the quantity of an amount or percentage as a plain
decimal string and its unit when the text states one: ``1.75万亿`` →
``1750000000000``; ``5000万美金`` → ``50000000`` USD; ``70%`` → ``70`` percent.
Units come from the language layer (``corpus/curated/lang/{zh,en}.yaml``).

Nothing is guessed: relative or vague expressions (``近日``, ``去年``,
``2023年初``, ``80年代``, ``6月`` without a year or day, ``上千万``, ``两三亿``,
``1000多家``, ranges such as ``1.7-2倍``) and bare orders of magnitude written
without a digit (``千亿``, ``百亿美金``) get no value.  The TEI export writes
the values as ``date/@when`` and ``measure/@quantity``/``@unit``; its reader
recomputes them from the mention text with these functions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Optional


from corpus import lang
from corpus.annotate.mentions import CLASSIFIER
from corpus.lang import EN_MONTHS as MONTHS
from corpus.lang.numerals import ZH_DIGITS as DIGITS
from corpus.lang.numerals import chinese_number, english_number

PERCENT_UNIT = "percent"
# A year any day of which exists: checks a month-day stated without its year (2月29日 is a date).
LEAP_YEAR = 2000

ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
ZH_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月份?(?:(\d{1,2})[日号號])?)?")
EN_YEAR = r"(?P<year>\d{4})"
EN_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
EN_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
EN_DATES = tuple(re.compile(pattern) for pattern in (
    EN_YEAR,  # 2023
    f"{EN_MONTH} {EN_YEAR}",  # August 2023
    f"{EN_MONTH} {EN_DAY}(?:,? {EN_YEAR})?",  # March 20, March 20, 2023
    f"{EN_DAY} {EN_MONTH}(?: {EN_YEAR})?",  # 20 March, 20 March 2023
))
ZH_PERCENT = re.compile(r"百分之(.+)|(.+)[%％]")
EN_PERCENT = re.compile(r"(.+?) ?(?:%|percent|per cent)")


@dataclass(frozen=True)
class Measure:
    quantity: str  # plain decimal notation, no exponent, no trailing zeros
    unit: Optional[str] = None


@dataclass(frozen=True)
class Units:
    """The curated unit words (``curated/lang``): form as written → unit."""

    chinese_prefixes: dict[str, str]  # at the start of a Chinese amount; they win over `chinese`
    chinese: dict[str, str]  # at the end of a Chinese amount
    english_prefixes: dict[str, str]
    english_suffixes: dict[str, str]


@lru_cache(maxsize=1)
def curated_units() -> Units:
    zh, en = lang.data("zh"), lang.data("en")
    return Units(chinese_prefixes=zh["currency_prefixes"], chinese={**zh["currencies"], **zh["units"]},
                 english_prefixes=en["unit_prefixes"], english_suffixes=en["unit_suffixes"])


def date_value(text: str) -> Optional[str]:
    """The ``@when`` of a date mention (``2023-08-01``, ``2023-08``, ``2023``, ``--03-20``), or None."""
    compact = re.sub(r"\s+", "", text)
    match = ISO_DATE.fullmatch(compact) or ZH_DATE.fullmatch(compact)
    if match:
        return iso_date(*(_number(part) for part in match.groups()))
    spaced = " ".join(text.split())
    for pattern in EN_DATES:
        match = pattern.fullmatch(spaced)
        if match:
            parts = match.groupdict()
            month = MONTHS.index(parts["month"]) + 1 if parts.get("month") else None
            return iso_date(_number(parts.get("year")), month, _number(parts.get("day")))
    return None


def _number(digits: Optional[str]) -> Optional[int]:
    return int(digits) if digits else None


def iso_date(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[str]:
    """XSD date, gYearMonth, gYear or gMonthDay; None for a month alone or a day that does not exist."""
    try:
        if year is not None and month is not None and day is not None:
            return date(year, month, day).isoformat()
        if year is not None and month is not None:
            return date(year, month, 1).isoformat()[:7]
        if year is not None and day is None:
            return date(year, 1, 1).isoformat()[:4]  # checks the year: XSD has no year 0000
        if year is None and month is not None and day is not None:
            return "--" + date(LEAP_YEAR, month, day).isoformat()[5:]
    except ValueError:
        return None
    return None


def measure_value(kind: str, text: str) -> Optional[Measure]:
    """Quantity and unit of an ``amount`` or ``percent`` mention, or None when the text is not exact."""
    text = " ".join(text.split())
    if kind == "percent":
        quantity = percent_number(text)
        return Measure(plain(quantity), PERCENT_UNIT) if quantity is not None else None
    if kind == "amount":
        return chinese_amount(text) or english_amount(text)
    return None


def percent_number(text: str) -> Optional[Decimal]:
    match = ZH_PERCENT.fullmatch(text.replace(" ", ""))
    if match:
        return chinese_number(match.group(1) or match.group(2))
    match = EN_PERCENT.fullmatch(text)
    return english_number(match.group(1)) if match else None


def chinese_amount(text: str) -> Optional[Measure]:
    units = curated_units()
    body, prefix_unit = split_unit(text.replace(" ", ""), units.chinese_prefixes, at_end=False)
    body, unit = split_unit(body, units.chinese, at_end=True)
    unit = prefix_unit or unit
    if unit is None:
        body = re.sub(CLASSIFIER + "$", "", body)
    # 千亿, 百亿美金: a power of ten without a digit names an order of magnitude, not a count.
    if not any(char.isdigit() or char in DIGITS for char in body):
        return None
    quantity = chinese_number(body)
    return Measure(plain(quantity), unit) if quantity is not None else None


def english_amount(text: str) -> Optional[Measure]:
    units = curated_units()
    body, unit = split_unit(text, units.english_prefixes, at_end=False)
    body, suffix_unit = split_unit(body, units.english_suffixes, at_end=True)
    quantity = english_number(body)
    return Measure(plain(quantity), unit or suffix_unit) if quantity is not None else None


def split_unit(text: str, forms: dict[str, str], at_end: bool) -> tuple[str, Optional[str]]:
    """``text`` without the longest unit form it ends (or starts) with, and that form's unit."""
    for form in sorted(forms, key=len, reverse=True):
        if at_end and text.endswith(form):
            return text[: -len(form)].rstrip(), forms[form]
        if not at_end and text.startswith(form):
            return text[len(form):].lstrip(), forms[form]
    return text, None


def plain(value: Decimal) -> str:
    """Decimal notation without exponent or trailing zeros: ``1.75E+12`` → ``1750000000000``."""
    return format(value.normalize(), "f")
