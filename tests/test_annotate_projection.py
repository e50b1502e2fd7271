"""Projection of Chinese mentions onto English, and the quantity normalisation behind it."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.mentions import find_mentions
from corpus.annotate.projection import project, projection_rate, transliterations
from corpus.annotate.quantities import chinese_number, english_numbers, english_patterns
from corpus.annotate.registry import load_registry
from corpus.model import Mention


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def projected(zh, en, registry):
    english, rest = project(find_mentions(zh, registry), zh, en, registry)
    return [(m.text, m.type, m.ref) for m in english], [m.text for m in rest]


def test_names_and_quantities_find_their_english(registry):
    english, rest = projected(
        "2021年，智源推出“悟道2.0”，参数量达1.75万亿，起步需要5000万美金，70%的预算。",
        "In 2021 BAAI launched Wudao 2.0 with 1.75 trillion parameters; it takes $50 million to start, "
        "70 percent of the budget.", registry)
    assert english == [("2021", "date", None), ("BAAI", "org", "baai"), ("Wudao 2.0", "work", "wudao-2"),
                       ("1.75 trillion", "amount", None), ("$50 million", "amount", None),
                       ("70 percent", "percent", None)]
    assert rest == []


def test_dates_and_traditional_script(registry):
    english, _ = projected("3月20日，創新工場董事長李開復宣布。", "On 20 March, Sinovation Ventures chairman Kai-Fu Lee "
                           "announced it.", registry)
    assert [e[0] for e in english] == ["20 March", "Sinovation Ventures", "Kai-Fu Lee"]


def test_a_shortened_name_is_found_after_the_full_ones(registry):
    english, _ = projected("张宏江和梁文锋", "Liang Wenfeng met Zhang.", registry)
    assert english == [("Liang Wenfeng", "person", "liang-wenfeng"), ("Zhang", "person", "zhang-hongjiang")]


def test_a_mention_absent_from_the_english_stays_unprojected(registry):
    english, rest = projected("北京和杭州", "Beijing.", registry)
    assert english == [("Beijing", "place", "beijing")] and rest == ["杭州"]


def test_two_mentions_never_share_one_english_span(registry):
    english, rest = projected("北京，北京", "Beijing", registry)
    assert len(english) == 1 and rest == ["北京"]


def test_unknown_names_by_pinyin(registry):
    zh, en = "王大锤来了", "Dachui Wang came."
    english, rest = project([Mention(0, 3, "王大锤", "person", source="jieba")], zh, en, registry)
    assert [(m.text, m.source) for m in english] == [("Dachui Wang", "projection")] and not rest
    assert transliterations("海淀", "place") == ["Hai Dian", "Haidian"]


def test_projection_rate():
    one = Mention(0, 1, "x", "person")
    assert projection_rate([([one, one], [one]), ([], [one])]) == 0.5


@pytest.mark.parametrize("kind, zh, en", [
    ("amount", "10亿元", "1 billion yuan"), ("amount", "10亿元", "RMB 1 billion"),
    ("amount", "1万枚", "10,000"), ("amount", "5000万美金", "50 million US dollars"),
    ("amount", "数亿美金", "several hundred million"), ("amount", "4位", "four"),
    ("percent", "百分之七十", "70 per cent"), ("date", "2023年8月", "August 2023"),
    ("date", "2023-08-01", "August 1, 2023"), ("date", "80年代", "1980s"), ("date", "21世纪", "21st century"),
])
def test_english_patterns(kind, zh, en):
    assert any(re.fullmatch(pattern, en) for pattern in english_patterns(kind, zh))


@given(st.integers(min_value=1, max_value=10**9))
def test_wan_and_yi_scale_arabic_numbers(n):
    assert chinese_number(f"{n}万") == n * 10**4
    assert chinese_number(f"{n}亿") == n * 10**8
    assert any(re.fullmatch(form, f"{n:,}") for form in english_numbers(chinese_number(str(n))))


@pytest.mark.parametrize("numeral, value", [("七十", 70), ("十", 10), ("一万", 10**4), ("三亿五千万", 350_000_000),
                                            ("一万亿", 10**12), ("几亿", None)])
def test_chinese_numerals(numeral, value):
    assert chinese_number(numeral) == value


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="北京杭州张宏江2023年70%万亿 ", max_size=20),
       st.text(alphabet="Beijing Hangzhou Zhang 2023 70% Hongjiang,.", max_size=60))
def test_projection_is_a_partition_with_valid_english_spans(zh, en):
    registry = load_registry()
    mentions = find_mentions(zh, registry)
    english, rest = project(mentions, zh, en, registry)
    assert len(english) + len(rest) == len(mentions)
    for mention in english:
        assert en[mention.start:mention.end] == mention.text
    spans = sorted((m.start, m.end) for m in english)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
