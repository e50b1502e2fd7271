"""Mention detection: registry names in both scripts, rules, titles, unknown-name candidates."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.mentions import find_mentions, rule_name, unknown_candidates
from corpus.registry import load_registry


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def found(text, registry):
    return [(m.text, m.type, m.ref) for m in find_mentions(text, registry)]


def test_the_same_person_in_both_scripts_on_real_seed_sentences(registry, seed_text):
    simplified = next(line for line in seed_text("000").splitlines() if line.startswith("「慌什么。」"))
    traditional = next(line for line in seed_text("004").splitlines() if "張宏江站了起來" in line)
    assert ("张宏江", "person", "zhang-hongjiang") in found(simplified, registry)
    assert ("張宏江", "person", "zhang-hongjiang") in found(traditional, registry)
    assert ("微軟亞洲研究院", "org", "microsoft-research-asia") in found(traditional, registry)


def test_longest_name_wins(registry):
    assert found("北京智源人工智能研究院与北京大学", registry) == [
        ("北京智源人工智能研究院", "org", "baai"), ("北京大学", "org", "peking-university")]
    assert found("悟道2.0发布", registry) == [("悟道2.0", "work", "wudao-2")]


def test_latin_names_only_match_whole_words(registry):
    assert found("ChatGPT和GPT-4", registry) == [("ChatGPT", "work", "chatgpt"), ("GPT-4", "work", "gpt-4")]
    assert [ref for _, _, ref in found("OpenAIX", registry) if ref] == []  # no registry name: OpenAI is not in it


def test_a_name_broken_over_lines_is_still_one_name(registry):
    assert found("OpenAI CEO Sam\nAltman", registry)[-1] == ("Sam\nAltman", "person", "sam-altman")


@pytest.mark.parametrize("text, expected", [
    ("参数量达1.75万亿", ("1.75万亿", "amount")),
    ("起步就需要5000万美金", ("5000万美金", "amount")),
    ("投入增加到10亿元", ("10亿元", "amount")),
    ("超過1萬枚GPU", ("1萬枚", "amount")),
    ("上千万人民币的资源", ("上千万人民币", "amount")),
    ("提升1.7-2倍", ("1.7-2倍", "amount")),
    ("70% 的预算", ("70%", "percent")),
    ("百分之百地信任", ("百分之百", "percent")),
    ("2023年初", ("2023年", "date")),
    ("2023年8月模速空间", ("2023年8月", "date")),
    ("3月20日，创新工场", ("3月20日", "date")),
    ("2023-08-01 23:23:40", ("2023-08-01", "date")),
    ("80年代末", ("80年代", "date")),
    ("21世紀最貴的人才", ("21世紀", "date")),
    ("方案(2023-2025年)", ("2023-2025年", "date")),
])
def test_rules(registry, text, expected):
    assert expected in [(m.text, m.type) for m in find_mentions(text, registry)]


@pytest.mark.parametrize("text", ["GPT-3刚刚面世", "V100显卡", "第23届论坛", "A100显卡", "他35岁以后"])
def test_rules_leave_model_names_ordinals_and_ages_alone(registry, text):
    assert not [m for m in find_mentions(text, registry) if m.source == "rule"]


def test_clock_time_and_rule_names(registry):
    (time,) = [m for m in find_mentions("2023-08-01 23:23:40 来源", registry) if m.type == "time"]
    assert time.text == "23:23:40" and rule_name(time) == "time.clock"


def test_titles_inside_brackets(registry):
    assert found("《英雄无敌3》闪退", registry) == [("英雄无敌3", "title", None)]
    assert found("《異類》那本書", registry) == [("異類", "work", "outliers")]


def test_unknown_candidates_are_names_the_registry_lacks(registry):
    candidates = unknown_candidates("证券时报记者吴家明在上海见到了张宏江", registry)
    assert ("吴家明", "person") in [(m.text, m.type) for m in candidates]
    assert not {"上海", "张宏江"} & {m.text for m in candidates}
    assert all(m.source == "jieba" and m.ref is None for m in candidates)


NAMES = ["张宏江", "張宏江", "北京", "OpenAI", "ChatGPT", "悟道", "智源", "《", "》", "「", "」", "“", "”"]
PIECES = st.one_of(st.sampled_from(NAMES), st.text(alphabet="0123456789.%-年月日万亿元美金 Aa\n", max_size=6),
                   st.text(max_size=4))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_mentions_are_valid_sorted_and_never_overlap(text):
    registry = load_registry()
    mentions = find_mentions(text, registry)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.ref is None or mention.ref in registry
    for before, after in zip(mentions, mentions[1:]):
        assert before.end <= after.start


def test_a_work_whose_title_is_an_ordinary_word_is_matched_only_in_title_brackets():
    from corpus.registry import load_registry
    from corpus.annotate.mentions import find_mentions

    registry = load_registry()
    assert [m.ref for m in find_mentions("你很喜欢《异类》那本书", registry) if m.ref] == ["outliers"]
    assert "outliers" not in [m.ref for m in find_mentions("幻方大概是最異類的一個。", registry)]
