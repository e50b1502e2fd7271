"""Places by evidence, round 8 (corpus/annotate/place_spans.py): townships and villages, ranges, capitals, ports,
corridors, institutions named after their township, words of position, THULAC's places with a second cue."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.place_spans import (featured_places, is_no_place, located_places, place_institutions,
                                         place_parts, ranged_places, voted_places, whole_township,
                                         without_function_edges, with_unit)
from corpus.model import Mention

REGISTRY = load_registry()


def mention(text: str, name: str, kind: str = "place") -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def test_a_township_cut_to_one_stem_character_takes_its_whole_stem():
    for text, cut, whole in (("车队经过玛曲县阿万仓乡", "仓乡", "阿万仓乡"),
                             ("巡诊车经过达日县窝赛乡", "赛乡", "窝赛乡")):
        assert whole_township(mention(text, cut), words(text, REGISTRY), text).text == whole, text
    for text, name in (("在浙江桐乡", "桐乡"), ("從埔里到霧社", "埔里")):  # a boundary right before: a name as it is
        assert whole_township(mention(text, name), words(text, REGISTRY), text).text == name, text


def test_a_village_after_its_township_is_a_place_and_particles_are_no_stem():
    for text, township, village in (("雲林縣褒忠鄉潮厝村的農民", "褒忠鄉", "潮厝村"),
                                    ("嘉義縣義竹鄉新店村", "義竹鄉", "新店村")):
        found = located_places(words(text, REGISTRY), text, [mention(text, township)])
        assert village in {m.text for m in found}, text
    text = "东坝镇等地的村民"
    assert not located_places(words(text, REGISTRY), text, [mention(text, "东坝镇")])


def test_the_other_end_of_a_range_from_a_place_is_a_place():
    text = "从勐海到打洛只要半小时"
    assert [m.text for m in ranged_places(words(text, REGISTRY), text, [mention(text, "勐海")])] == ["打洛"]
    text = "从勐海到这里只要半小时"  # a common word is no place
    assert ranged_places(words(text, REGISTRY), text, [mention(text, "勐海")]) == []


def test_a_capital_after_its_word_is_a_place():
    text = "马拉维首都利隆圭的市场"
    assert "利隆圭" in {m.text for m in located_places(words(text, REGISTRY), text, [])}


def test_a_country_and_its_port_written_together_are_two_places():
    text = "肯尼亚拉穆港扩建"
    parts = place_parts(mention(text, "肯尼亚拉穆港"), words(text, REGISTRY), text, dictionary(REGISTRY))
    assert [m.text for m in parts] == ["肯尼亚", "拉穆港"]


def test_a_corridor_finishes_a_place_but_makes_no_place_of_a_common_word():
    text = "经贝拉走廊运往内陆"
    assert with_unit(mention(text, "贝拉"), words(text, REGISTRY), text).text == "贝拉走廊"
    text = "病人在医院走廊等候"
    assert featured_places(words(text, REGISTRY), text, []) == []


def test_a_place_and_the_institution_after_it_are_one_organisation():
    text = "彰化縣芳苑鄉衛生所呼籲民眾"
    found = place_institutions([mention(text, "芳苑鄉")], words(text, REGISTRY), text)
    assert [(m.text, m.type) for m in found] == [("芳苑鄉衛生所", "org")]


def test_a_word_of_position_and_a_count_are_no_place_but_a_rare_city_so_tagged_is():
    assert not any(kind == "place" for _, kind in names("羊群在山上吃草。"))
    assert ("台中", "place") in names("台中與苗栗的果農")
    text = "口湖、四湖兩鄉"
    assert is_no_place(mention(text, "兩鄉"), words(text, REGISTRY), text)


def test_a_place_loses_the_preposition_and_the_connective_the_model_ran_it_into():
    text = "從埔里到霧社的公路"
    assert without_function_edges(mention(text, "從埔里"), words(text, REGISTRY)).text == "埔里"
    text = "崙頂村與北勢村"
    assert without_function_edges(mention(text, "崙頂村與"), words(text, REGISTRY)).text == "崙頂村"
    text = "在永和與中和"  # a name ending in a connective's character, with no unit before it, keeps it
    assert without_function_edges(mention(text, "永和"), words(text, REGISTRY)).text == "永和"


def test_a_place_loses_the_side_word_the_model_ran_it_into_but_a_short_name_keeps_it():
    text = "遊客到大坡池畔看夕陽"
    assert without_function_edges(mention(text, "大坡池畔"), words(text, REGISTRY)).text == "大坡池"
    text = "他住在林邊"  # one character before the side word: the side word is part of the town's name
    assert without_function_edges(mention(text, "林邊"), words(text, REGISTRY)).text == "林邊"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="大坡池畔邊边旁西湖林從與", min_size=1, max_size=8))
def test_dropping_function_edges_keeps_a_span_of_the_text_inside_the_name(name):
    text = "他們到" + name + "看看"
    found = without_function_edges(mention(text, name), words(text, REGISTRY))
    assert text[found.start:found.end] == found.text and found.text in name
    assert len(found.text) >= min(len(name), 2)  # an edge goes, never the name: two characters are left


def test_thulac_places_count_only_with_a_second_cue():
    text = "他退休后搬到坪林种茶。"
    assert "坪林" in {m.text for m in voted_places(words(text, REGISTRY), text, [])}
    text = "坪林种茶。"  # no verb of place, no list
    assert voted_places(words(text, REGISTRY), text, []) == []


PIECES = st.sampled_from(["阿万", "仓乡", "玛曲县", "从", "到", "勐海", "打洛", "首都", "利隆圭", "肯尼亚", "拉穆港",
                          "走廊", "衛生所", "芳苑鄉", "山上", "、", "和", "等地的", "村", "里", "，", "搬到", "坪林"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_round_eight_places_are_spans_of_the_text_and_stable(text):
    found = words(text, REGISTRY)
    mentions = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert find_mentions(text, REGISTRY) == mentions
    places = [m for m in mentions if m.type == "place"]
    for place in places:
        for repaired in (whole_township(place, found, text), without_function_edges(place, found)):
            assert text[repaired.start:repaired.end] == repaired.text
        whole = whole_township(place, found, text)
        assert whole_township(whole, found, text) == whole
    for new in ranged_places(found, text, places) + voted_places(found, text, places) + place_institutions(
            places, found, text):
        assert text[new.start:new.end] == new.text
