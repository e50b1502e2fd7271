"""Numbers as language-neutral alignment evidence.

``1.75万亿`` and ``1.75 trillion``, ``5000万`` and ``50 million``, ``70%`` and
``70 percent``, ``二十`` and ``twenty``, ``7 月`` and ``July`` all reduce to the
same key ``num:<value>`` (the value written out in plain decimal notation), so
the aligner can compare them with a set intersection.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

ZH_SCALES = {"万亿": Decimal(10) ** 12, "萬億": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "億": Decimal(10) ** 8,
             "万": Decimal(10) ** 4, "萬": Decimal(10) ** 4, "千": Decimal(1000), "百": Decimal(100)}
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

EN_SCALES = {"hundred": Decimal(100), "thousand": Decimal(1000), "million": Decimal(10) ** 6,
             "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}
EN_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
EN_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
EN_MONTHS = {month: number for number, month in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
# "may" is far more often a verb than a month; a false number key would be noise.
del EN_MONTHS["may"]

_ZH_SCALE_ALTERNATION = "|".join(sorted(ZH_SCALES, key=len, reverse=True))
ZH_ARABIC = re.compile(r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(" + _ZH_SCALE_ALTERNATION + ")?")
ZH_NUMERAL_RUN = re.compile(r"[零〇一二两兩三四五六七八九十百千万萬亿億]{2,}")
EN_NUMBER = re.compile(
    r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?|" + "|".join(EN_WORDS) + r")(?:[\s-]+(" + "|".join(EN_SCALES) + r"))?\b",
    re.IGNORECASE)


def number_key(value: Decimal) -> str:
    """``num:`` plus the value in plain notation without trailing zeros (``1.750`` → ``num:1.75``)."""
    text = format(value.normalize(), "f")
    return "num:" + text


def parse_zh_numeral(text: str) -> int | None:
    """Value of a Chinese numeral written with characters (``二十`` → 20, ``三千五百万`` → 35000000).

    Returns None for runs that are not a well-formed numeral, such as the
    digit list ``一二`` or the reduplication in ``一一对应``.
    """
    total = section = digit = 0
    seen_digit = False
    for char in text:
        if char in ZH_DIGITS:
            if seen_digit:  # two digits in a row: a list like 一二, not a numeral
                return None
            digit, seen_digit = ZH_DIGITS[char], True
        elif char in ZH_UNITS:
            section += (digit or 1) * ZH_UNITS[char]
            digit, seen_digit = 0, False
        elif char in ZH_BIG_UNITS:
            total = (total + section + digit) * ZH_BIG_UNITS[char]
            section = digit = 0
            seen_digit = False
        else:
            return None
    return total + section + digit


def zh_number_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for every number in a Chinese sentence, Arabic or written in characters."""
    spans: list[tuple[int, int, str]] = []
    for match in ZH_ARABIC.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if match.group(2):
            value *= ZH_SCALES[match.group(2)]
        spans.append((match.start(), match.end(), number_key(value)))
    taken = [False] * len(text)
    for start, end, _ in spans:
        taken[start:end] = [True] * (end - start)
    for match in ZH_NUMERAL_RUN.finditer(text):
        if any(taken[match.start():match.end()]):
            continue
        numeral = parse_zh_numeral(match.group())
        if numeral is not None:
            spans.append((match.start(), match.end(), number_key(Decimal(numeral))))
    return sorted(spans)


def en_number_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` for every number in an English sentence (digits, number words, months)."""
    spans: list[tuple[int, int, str]] = []
    for match in EN_NUMBER.finditer(text):
        head = match.group(1).lower()
        if head in EN_WORDS:
            value = Decimal(EN_WORDS[head])
        else:
            value = Decimal(head.replace(",", ""))
        if match.group(2):
            value *= EN_SCALES[match.group(2).lower()]
        spans.append((match.start(), match.end(), number_key(value)))
    for match in re.finditer(r"[A-Za-z]+", text):
        month = EN_MONTHS.get(match.group().lower())
        if month and match.group()[0].isupper():
            spans.append((match.start(), match.end(), number_key(Decimal(month))))
    return sorted(spans)
