"""What a Chinese date, time, amount or percentage looks like in English.

:func:`english_patterns` turns the text of a rule mention (``2023年``, ``3月20日``,
``1.75万亿``, ``5000万美金``, ``70%``, ``21世纪``) into regular expressions for the
forms an English translation may use (``2023``; ``March 20`` / ``20 March``;
``1.75 trillion``; ``$50 million`` / ``50 million US dollars``; ``70 percent``;
``21st century``).  Values are computed, not looked up, except for the vague
amounts (``上千万``, ``数亿``) whose English idioms are curated in the language layer (``vague_amounts``).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from corpus import lang
from corpus.annotate.mentions import CLASSIFIER
from corpus.lang import EN_MONTHS
from corpus.lang.numerals import EN_SCALES, EN_WORDS, chinese_number

EN_CURRENCIES = lang.data("en")["currencies"]

# (value, word), trillion down to thousand: the scales English writes amounts with (50 million)
ENGLISH_SCALES = tuple(sorted(((int(value), word) for word, value in EN_SCALES.items() if value >= 1000), reverse=True))
# Chinese currency word → (symbol prefixes, English currency words), as regular expressions
CURRENCIES = {word: (EN_CURRENCIES[code]["symbols"], EN_CURRENCIES[code]["words"])
              for word, code in lang.data("zh")["currencies"].items()}
CURRENCIES_LONGEST_FIRST = sorted(CURRENCIES, key=len, reverse=True)  # 人民币 before 元
# Amounts Chinese states vaguely; their English idioms (prefix of the mention → patterns).
VAGUE_AMOUNTS = {word: lang.data("en")["vague_amounts"][concept]
                 for word, concept in lang.data("zh")["vague_amounts"].items()}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
NUMBER_WORDS = tuple(word for word, value in EN_WORDS.items() if value <= 20)  # their index is their value


def english_numbers(value: Decimal) -> list[str]:
    """Regex alternatives for a value in English: ``10,000`` / ``10000`` / ``10 thousand``."""
    forms = []
    plain = _plain(value)
    if value == value.to_integral_value():
        forms.append(f"{int(value):,}")
    forms.append(plain)
    if value == value.to_integral_value() and int(value) < len(NUMBER_WORDS):
        forms.append(NUMBER_WORDS[int(value)])
    for scale, word in ENGLISH_SCALES:
        if value >= scale:
            scaled = value / scale
            if scaled == scaled.quantize(Decimal("0.001")):
                forms.append(f"{_plain(scaled)} {word}")
                if scaled == 1:
                    forms += [f"a {word}", f"one {word}"]
    unique = list(dict.fromkeys(forms))
    return [re.escape(form).replace(r"\ ", r"[ -]") for form in unique]


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def english_patterns(kind: str, text: str) -> list[str]:
    """Regex patterns (most specific first) for the English forms of a rule mention."""
    text = re.sub(r"\s+", "", text)
    handler = {"date": _date_patterns, "time": _time_patterns, "amount": _amount_patterns,
               "percent": _percent_patterns}.get(kind)
    try:
        return handler(text) if handler else []
    except InvalidOperation:  # a number beyond Decimal's 28 digits has no English form worth matching
        return []


def _time_patterns(text: str) -> list[str]:
    return [re.escape(text)]


def _percent_patterns(text: str) -> list[str]:
    number = _number_alternation(text[3:] if text.startswith("百分之") else text.rstrip("%％"))
    return [number + r" ?(?:%|percent|per cent)"] if number else []


def _amount_patterns(text: str) -> list[str]:
    for vague, idioms in VAGUE_AMOUNTS.items():
        if text.startswith(vague):
            return idioms
    prefix = next((c for c in CURRENCIES_LONGEST_FIRST if text.startswith(c)), None)
    if prefix:  # 新臺幣3億元: the leading currency names the unit, the trailing 元 only counts
        text = text[len(prefix):].lstrip()
    currency = next((c for c in CURRENCIES_LONGEST_FIRST if text.endswith(c)), None)
    body = text[: -len(currency)] if currency else text
    currency = prefix or currency
    number = _number_alternation(re.sub(f"多?{CLASSIFIER}$", "", body).rstrip("多"))
    if not number or not currency:
        return [number] if number else []
    symbols, words = CURRENCIES[currency]
    return [rf"(?:{symbols}){number}(?: (?:{words}))?", rf"{number} (?:{words})", number]


def _number_alternation(body: str) -> str | None:
    """One regex group for a number or a range (``1.7-2``, ``10-20万``) in its English forms."""
    range_match = re.fullmatch(r"([\d.,]+) ?[-–~] ?([\d.,]+)(.*)", body)
    if range_match:
        low, high, unit = range_match.groups()
        low_value, high_value = chinese_number(low + unit), chinese_number(high + unit)
        if low_value is None or high_value is None:
            return None
        numbers = [rf"{english_numbers(low_value)[-1]} ?(?:-|–|to) ?{english_numbers(high_value)[-1]}",
                   rf"{re.escape(low)} ?(?:-|–|to) ?{re.escape(high)}"]
    else:
        value = chinese_number(body)
        if value is None:
            return None
        numbers = english_numbers(value)
    return "(?:" + "|".join(numbers) + ")"


def _date_patterns(text: str) -> list[str]:
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = match.groups()
        return [re.escape(text)] + _day_patterns(int(month), int(day), year)
    if match := re.fullmatch(r"(\d{4})[-–~至到](\d{4})年", text):
        low, high = match.groups()
        return [rf"{low} ?(?:-|–|to|through) ?{high}"]
    if match := re.fullmatch(r"(\d{4})年(?:(\d{1,2})月份?(?:(\d{1,2})[日号號])?)?", text):
        year, month, day = match.groups()
        if day:
            return _day_patterns(int(month), int(day), year)
        if month:
            name = _month_name(int(month))
            return [rf"{name},? {year}", rf"{name[:3]}\.? {year}", year] if name else []
        return [year]
    if match := re.fullmatch(r"(\d{1,2})月份?(?:(\d{1,2})[日号號])?", text):
        month, day = match.groups()
        if day:
            return _day_patterns(int(month), int(day), None)
        name = _month_name(int(month))
        return [name] if name else []
    if match := re.fullmatch(r"(\d{2,4})年代", text):
        decade = match.group(1)
        full = decade if len(decade) == 4 else f"19{decade}"
        return [rf"{full}s", rf"'?{full[2:]}s"]
    if match := re.fullmatch(r"(\d{1,2})世[纪紀]", text):
        number = int(match.group(1))
        return [rf"{number}{ORDINAL_SUFFIX.get(number % 10 if number // 10 != 1 else 0, 'th')}[ -]century"]
    if text in ("二十一世纪", "二十一世紀"):
        return [r"21st[ -]century", r"twenty-first[ -]century"]
    return []


def _month_name(month: int) -> str | None:
    """January for 1 … December for 12; None for a number that is no month (0月, 13月)."""
    return EN_MONTHS[month - 1] if 1 <= month <= len(EN_MONTHS) else None


def _day_patterns(month: int, day: int, year: str | None) -> list[str]:
    name = _month_name(month)
    if name is None:
        return []
    names = rf"(?:{name}|{name[:3]}\.?)"
    suffix = rf",? {year}" if year else ""
    return [rf"{names} {day}(?:st|nd|rd|th)?{suffix}", rf"{day}(?:st|nd|rd|th)? {names}{suffix}"]
