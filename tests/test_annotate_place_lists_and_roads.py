"""Round 12 (12p): roads by their word, items of a list between names, and plain nouns that are no places."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.place_spans import flanked_places, is_common_noun, street_places
from corpus.model import Mention

REGISTRY = load_registry()


def places(text: str) -> set[str]:
    return {m.text for m in find_mentions(text, REGISTRY) if m.type == "place"}


def test_a_road_named_by_common_nouns_is_a_place():
    assert "情侣路" in places("傍晚沿着情侣路骑车的人很多。")
    assert {"中山路", "解放路"} <= places("店在中山路和解放路交界。")


def test_a_road_word_inside_a_word_or_after_a_description_is_no_place():
    for text in ("他一路上都在想这个思路。", "马路上车也多。", "他走了很远的路。", "这是一条新修的路。",
                 "他们在网上找路。", "这套设备用的是双链路。"):
        assert places(text) == set(), text


def test_an_item_between_a_place_and_a_name_is_a_place():
    assert "占碑" in places("合作社计划到巨港、占碑和明古鲁开设门市。")
    text = "他们到怡保、太平和北海开店。"
    found = [Mention(3, 5, "怡保", "place"), Mention(9, 11, "北海", "place")]
    assert [(m.text, m.type) for m in flanked_places(text, found)] == [("太平", "place")]
    assert flanked_places("天下太平、国泰民安和风调雨顺。", []) == []  # no place before the list: no evidence


def test_a_plain_noun_jieba_counts_is_no_place():
    segmented = {w.text: w for w in words("寨子里的老人在出海口捕鱼，到崂山游玩。", REGISTRY)}
    assert is_common_noun(segmented["寨子"]) and is_common_noun(segmented["出海口"])
    assert not is_common_noun(segmented["崂山"])


ROAD_AND_LIST_TEXTS = st.lists(st.sampled_from(["在", "情侣", "路", "大道", "滨海", "、", "和", "巨港", "占碑", "太平",
                                                "寨子", "，", "沿着", "马路", "的", "中山", "街", "。"]),
                               min_size=1, max_size=12).map("".join)


@settings(max_examples=40, deadline=None)
@given(ROAD_AND_LIST_TEXTS)
def test_roads_and_flanked_items_are_spans_of_the_text_and_stable(text):
    found = find_mentions(text, REGISTRY)
    added = street_places(words(text, REGISTRY), text, []) + flanked_places(text, found)
    assert all(text[m.start:m.end] == m.text and m.type == "place" for m in added)
    assert find_mentions(text, REGISTRY) == found  # no state kept between calls
