"""Establishments by their heads and platforms in use (corpus/annotate/org_heads.py).  The sentences are written for
these tests, apart from the dev captures."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.ner import model_input
from corpus.annotate.org_heads import establishment_names, without_platforms
from corpus.model import Mention

REGISTRY = load_registry()


def establishments(text: str) -> set[str]:
    return {m.text for m in establishment_names(words(text, REGISTRY), text, model_input(text))}


def test_a_name_before_a_head_is_an_establishment_in_either_script():
    assert "桐溪国小" in establishments("孩子们从桐溪国小走路到河边。")
    assert "嵐山書房" in establishments("新開的嵐山書房週末辦讀書會。")
    assert "惠明会馆" in establishments("活动借用了当地的惠明会馆。")
    assert "溪尾鄉公所" in establishments("經費由溪尾鄉公所補助。")


def test_the_name_stops_at_a_verb_before_it_and_keeps_a_place_and_an_administrative_mark():
    assert establishments("学生搭乘溪尾乡公所的接驳车。") == {"溪尾乡公所"}
    assert "宜蘭縣立桐溪國民小學" in establishments("宜蘭縣立桐溪國民小學只有三十名學生。")


def test_a_head_alone_or_after_common_words_is_a_kind_not_a_name():
    assert establishments("邻近的华小和职校也来了。") == set()
    assert establishments("明年会邀请更多独立书店参与。") == set()
    assert establishments("一家小书店能做的不多。") == set()
    assert establishments("他读小学生的作文。") == set()
    assert establishments("年轻人在網路書店下单，实体书店和社区图书馆的读者少了。") == set()


def test_a_local_body_is_a_description():
    found = find_mentions("地方工业局也在推动零部件本地化。", REGISTRY)
    assert not [m for m in found if m.type == "org"]


def test_a_platform_in_use_is_no_organisation_but_a_company_in_the_news_is():
    text = "听众可以在Spotify和小宇宙收听这一集。"
    found = [Mention(text.index("Spotify"), text.index("Spotify") + 7, "Spotify", "org", source="ner")]
    assert without_platforms(found, model_input(text)) == []
    text = "Spotify今年的订阅收入增长了。"
    found = [Mention(0, 7, "Spotify", "org", source="ner")]
    assert without_platforms(found, model_input(text)) == found


PIECES = ["桐溪", "国小", "的", "华小", "嵐山", "書房", "溪尾乡", "公所", "，", "独立", "书店", "和", "会馆", "惠明",
          "搭乘", "县立", "在", "Spotify", "收听", "。"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_establishments_are_spans_ending_with_a_head_and_mentions_stay_stable(text):
    found = establishment_names(words(text, REGISTRY), text, model_input(text))
    assert all(text[m.start:m.end] == m.text and m.end > m.start for m in found)
    mentions = find_mentions(text, REGISTRY)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert find_mentions(text, REGISTRY) == mentions
    once = without_platforms(mentions, model_input(text))
    assert without_platforms(once, model_input(text)) == once
