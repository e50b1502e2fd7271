"""Normalised values of date, amount and percent mentions: exact statements only, nothing guessed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.annotate.values import Measure, date_value, measure_value


@pytest.mark.parametrize("text, when", [
    ("2023年8月1日", "2023-08-01"), ("2023年", "2023"), ("2015 年", "2015"), ("3月20日", "--03-20"),
    ("2018年11月", "2018-11"), ("2022 年 6 月份", "2022-06"), ("2023-8-1", "2023-08-01"), ("2月29日", "--02-29"),
    ("2015", "2015"), ("August 2023", "2023-08"), ("March 20", "--03-20"), ("March 20, 2023", "2023-03-20"),
    ("1 August 2023", "2023-08-01"),
])
def test_dates_stated_fully_enough_get_an_iso_value(text, when):
    assert date_value(text) == when


@pytest.mark.parametrize("text", [
    "近日", "去年", "2023年初", "上世纪90年代", "80年代", "21世紀", "6月", "7 月份", "June", "'80s",
    "21st century", "2018-2020年", "2023年2月30日", "13月1日", "0000年",
])
def test_relative_vague_or_impossible_dates_get_none(text):
    assert date_value(text) is None


@pytest.mark.parametrize("kind, text, measure", [
    ("amount", "1.75万亿", Measure("1750000000000")),
    ("amount", "5000万美金", Measure("50000000", "USD")),
    ("amount", "5000萬美金", Measure("50000000", "USD")),
    ("amount", "100億元", Measure("10000000000", "CNY")),
    ("amount", "25万美金", Measure("250000", "USD")),
    ("amount", "50公里", Measure("50", "km")),
    ("amount", "1000張", Measure("1000")),  # a classifier counts cards: no unit
    ("amount", "一萬張", Measure("10000")),
    ("amount", "10 台", Measure("10")),
    ("amount", "$10 billion", Measure("10000000000", "USD")),
    ("amount", "$250,000", Measure("250000", "USD")),
    ("amount", "1 billion yuan", Measure("1000000000", "CNY")),
    ("amount", "50 million US dollars", Measure("50000000", "USD")),
    ("amount", "five", Measure("5")),
    ("amount", "新臺幣3億元", Measure("300000000", "TWD")),  # the leading currency wins over 元
    ("amount", "2亿港币", Measure("200000000", "HKD")),
    ("amount", "NT$300 million", Measure("300000000", "TWD")),
    ("amount", "300 million New Taiwan dollars", Measure("300000000", "TWD")),
    ("percent", "70%", Measure("70", "percent")),
    ("percent", "百分之七十", Measure("70", "percent")),
    ("percent", "百分之百", Measure("100", "percent")),
    ("percent", "2.5 percent", Measure("2.5", "percent")),
])
def test_exact_amounts_and_percentages_get_quantity_and_unit(kind, text, measure):
    assert measure_value(kind, text) == measure


@pytest.mark.parametrize("kind, text", [
    ("amount", "上千万人民币"), ("amount", "兩三億美元"), ("amount", "数亿美金"), ("amount", "千億"),
    ("amount", "百億美金"), ("amount", "1000多家"), ("amount", "1.7-2倍"), ("amount", "1.7 to 2"),
    ("amount", "several hundred million"), ("percent", "10-20%"), ("date", "70%"),
])
def test_vague_amounts_ranges_and_magnitudes_get_none(kind, text):
    assert measure_value(kind, text) is None


@given(st.decimals(min_value=0, max_value=10**6, places=3), st.sampled_from(["", "万", "亿", "万亿"]))
def test_quantities_are_plain_decimals_equal_to_the_stated_value(number, scale):
    text = f"{number}{scale}"
    quantity = measure_value("amount", text).quantity
    assert "E" not in quantity and "e" not in quantity
    assert not ("." in quantity and quantity.endswith("0"))
    assert Decimal(quantity) == number * {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[scale]


def test_a_leading_currency_belongs_to_the_amount_mention_and_projects_to_its_english():
    import re

    from corpus.annotate.mentions import rule_mentions
    from corpus.annotate.quantities import english_patterns

    sentence = "該公司去年營收達新臺幣3億元。"
    [amount] = [m for m in rule_mentions(sentence) if m.type == "amount"]
    assert sentence[amount.start:amount.end] == "新臺幣3億元"
    english = "Last year its revenue reached NT$300 million."
    assert any(re.search(pattern, english) for pattern in english_patterns("amount", "新臺幣3億元"))
    assert not re.search(english_patterns("amount", "新臺幣3億元")[0], "Last year its revenue reached $300 million.")
