"""Projection of Chinese mentions onto English, and the quantity normalisation behind it."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.evaluation import projection_outcome, read_projection_sample
from corpus.annotate.mentions import find_mentions
from corpus.annotate.projection import project, project_pairs, projection_rate, transliterations
from corpus.annotate.quantities import chinese_number, english_numbers, english_patterns
from corpus.registry import load_registry
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
    english, _ = projected(
        "3月20日，創新工場董事長李開復宣布。",
        "On 20 March, Sinovation Ventures chairman Kai-Fu Lee announced it.",
        registry,
    )
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
                                            ("一万亿", 10**12), ("几亿", None), ("两三亿", None)])
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


def pairs(zh, en, registry):
    return [(m.text, e and (e.text, e.start)) for m, e in project_pairs(find_mentions(zh, registry), zh, en, registry)]


def test_a_place_inside_a_longer_name_is_left_to_that_name(registry):
    # geekpark-zhang-hongjiang.p004.s00: the first "Beijing" belongs to BAAI's English name
    zh = "2018 年,智源研究院在北京成立。"
    en = "In 2018, the Beijing Academy of Artificial Intelligence (BAAI) was founded in Beijing."
    assert dict(pairs(zh, en, registry))["北京"] == ("Beijing", en.rindex("Beijing"))


def test_repeated_mentions_take_the_occurrences_in_their_order(registry):
    # founder-wave-2023.p018.s00: the first "China" translates 國內, not 中國企業家
    zh = ("俞敏洪與劉興亮分別揭示了國內面對新技術不同層面的態度,俞敏洪指出了,中國企業家對于新興技術缺乏足夠的熱情,"
          "這也引發了中國的ChatGPT到底會在互聯網大廠誕生還是在創業企業誕生的討論。")
    en = ("Yu Minhong and Liu Xingliang each exposed a different layer of how China approaches new technology. "
          "Yu pointed out that Chinese entrepreneurs lack real enthusiasm for emerging technologies, which has also "
          "sparked debate over whether China's ChatGPT will come from a big internet company or a start-up.")
    china = [target for text, target in pairs(zh, en, registry) if text == "中國"]
    assert china == [("Chinese", en.index("Chinese")), ("China", en.index("China's"))]


def test_a_name_inside_a_longer_one_is_taken_when_it_is_the_only_one(registry):
    # shenwang-zhang-hongjiang.p075.s00: the text says 北京市 (the city, by metonymy), not 北京市政府
    zh = "当初北京市提出一个想法就是怎么能推动AI基础生态建设。"
    en = "Originally, the Beijing Municipal Government had an idea: how to drive the building of an AI ecosystem."
    assert [(m.text, m.ref) for m in find_mentions(zh, registry)] == [("北京市", "beijing")]
    assert pairs(zh, en, registry) == [("北京市", ("Beijing", en.index("Beijing")))]


def test_the_longest_form_of_a_quantity_is_taken(registry):
    zh, en = "他投入了2000万元和500万元。", "He put in 5 million yuan after 20 million yuan."
    assert pairs(zh, en, registry) == [("2000万元", ("20 million yuan", 31)), ("500万元", ("5 million yuan", 10))]


def test_a_name_inside_a_longer_name_yields_to_one_on_its_own_even_when_nearer(registry):
    zh, en = "在北京，智源研究院成立。", "The Beijing Academy of Artificial Intelligence (BAAI) was founded in Beijing."
    assert pairs(zh, en, registry) == [
        ("北京", ("Beijing", en.rindex("Beijing"))),
        ("智源研究院", ("BAAI", en.index("BAAI"))),
    ]


def test_one_entitys_mentions_take_its_spans_in_the_chinese_order(registry):
    # founder-wave-2023.p003.s00: the full name was going to the second mention, "Smola" to the first
    zh = (
        "就好像王興找上老同學王慧文開啟大模型創業一樣,這次李沐是與其導師Alex Smola一起創業的,"
        "Alex Smola曾任亞馬遜副總裁,"
        "是位杰出的AI科學家,目前任Boson.ai的CEO。"
    )
    en = (
        "Just as Wang Xing went to his old classmate Wang Huiwen to launch a large-model start-up, this time Li Mu is "
        "starting a company together with his doctoral adviser, Alex Smola. Smola, a former vice president at Amazon "
        "and a distinguished AI scientist, is currently CEO of Boson.ai."
    )
    smola = [target for text, target in pairs(zh, en, registry) if text == "Alex Smola"]
    assert smola == [("Alex Smola", en.index("Alex Smola")), ("Smola", en.index("Smola,"))]



@pytest.fixture(scope="module")
def built_sentences():
    table = pq.read_table(Path(__file__).resolve().parent.parent / "corpus/data/sentences.parquet",
                          columns=["id", "zh", "en"]).to_pylist()
    return {row["id"]: (row["zh"], row["en"]) for row in table}


def test_the_projection_sample_points_into_the_built_sentences(built_sentences):
    for case in read_projection_sample():
        zh, en = built_sentences[case.sentence_id]
        assert zh[case.zh_start:case.zh_start + len(case.zh_mention)] == case.zh_mention, case
        if case.en_start is not None:
            assert en[case.en_start:case.en_start + len(case.en_text)] == case.en_text, case


def test_projection_precision_on_the_hand_checked_sample(built_sentences, registry):
    outcomes = Counter()
    for case in read_projection_sample():
        zh, en = built_sentences[case.sentence_id]
        outcomes[projection_outcome(case, project_pairs(find_mentions(zh, registry), zh, en, registry))[0]] += 1
    assert outcomes["mention not detected"] == 0
    assert (
        outcomes["expected span"] / (outcomes["expected span"] + outcomes["other span"]) >= 0.9
    )  # 0.79 before the ranking
