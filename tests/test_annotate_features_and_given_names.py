"""Round 10 (11p): Latin given names as person evidence, geographic features, parts of ranges, products and
demonyms after places (corpus/annotate/name_spans.py, corpus/annotate/place_spans.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.name_spans import Word, latin_names, unglued
from corpus.annotate.place_spans import is_demonym, without_part_or_product
from corpus.model import Mention

REGISTRY = load_registry()


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def latin(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in latin_names(text)]


def test_a_run_of_latin_words_led_by_a_given_name_is_a_person():
    assert latin("评委Graham Ellwood来自苏格兰") == [("Graham Ellwood", "person")]
    assert latin("由Kevin Okafor负责设计") == [("Kevin Okafor", "person")]
    assert latin("Keystone Ridge宣布扩产") == [("Keystone Ridge", "org")]  # no given name: no evidence
    assert latin("Oliver Foods公司扩产") == [("Oliver Foods", "org")]  # an organisation's cue after it


def test_malay_particles_and_titles_of_address_make_a_person():
    assert latin("顾问Nor Azlina binti Hashim说") == [("Nor Azlina binti Hashim", "person")]
    assert latin("村长Jalang anak Medan带路") == [("Jalang anak Medan", "person")]
    assert latin("由Encik Zulkifli Hamzah主持") == [("Zulkifli Hamzah", "person")]
    assert latin("律师Maître Lefèvre表示") == [("Lefèvre", "person")]


def test_a_given_name_alone_is_a_person_unless_an_organisations_cue_follows():
    assert latin("她的弟弟Stuart负责烘焙") == [("Stuart", "person")]
    assert latin("Stuart公司宣布裁员") == [("Stuart", "org")]
    assert latin("品牌Stuart推出新款") == [("Stuart", "org")]


def test_a_latin_name_glued_to_a_chinese_name_is_two_names():
    found = names("店主Wendy龐嘉欣說，生意比去年好。")
    assert ("Wendy", "person") in found and ("龐嘉欣", "person") in found
    assert not any(name.startswith("Wendy") and len(name) > len("Wendy") for name, _ in found)


def test_geographic_features_end_a_places_name():
    assert ("東礁嶼", "place") in names("漁船在東礁嶼附近作業。")
    assert ("鵝頸嶼燈塔", "place") in names("他在鵝頸嶼燈塔工作了三十年。")
    assert ("罗托尔湖", "place") in names("他们在罗托尔湖边露营。")


def test_a_feature_after_a_river_is_no_town_and_a_province_before_a_feature_is_a_place_of_its_own():
    assert ("松花江大桥", "place") in names("车队经过松花江大桥。")
    found = names("游客前往黑龙江镜泊湖滑冰。")
    assert ("镜泊湖", "place") in found


def test_a_part_of_a_range_and_a_product_are_no_part_of_the_place():
    text = "秦岭南麓的茶园今年丰收。"
    assert ("秦岭", "place") in names(text) and not any("南麓" in name for name, _ in names(text))
    text = "四川花椒今年涨价。"
    assert ("四川", "place") in names(text) and ("四川花椒", "place") not in names(text)


def test_a_place_before_a_demonyms_word_is_no_place():
    assert not any(kind == "place" for _, kind in names("两名乌兹别克斯坦人参加了比赛。"))
    assert ("乌兹别克斯坦", "place") in names("他们来自乌兹别克斯坦。")
    found = words("两名乌兹别克斯坦人参加", REGISTRY)
    place = next(w for w in found if w.text == "乌兹别克斯坦")
    assert is_demonym(place.end, found)


def test_a_connective_starting_a_clause_is_a_surname():
    assert ("和春梅", "person") in names("和春梅表示，明年还会再来。")
    glued = Word(2, 5, "和峰瑞", "nr", None)
    assert [w.text for w in unglued([Word(0, 2, "红杉", "nz", 5), glued])] == ["红杉", "和", "峰瑞"]
    assert [w.text for w in unglued([glued])] == ["和峰瑞"]


PIECES = st.sampled_from(["无量山", "南段", "秦岭", "北麓", "云南", "咖啡", "人", "和", "东礁", "嶼", "燈塔", "湖",
                          "大桥", "，", "的", "在", "Stuart", "说", "山", "四川", "花椒", "黑河", "岛", "北"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_cutting_a_part_or_a_product_keeps_a_span_of_the_text_and_is_idempotent(text):
    found = words(text, REGISTRY)
    for place in [m for m in find_mentions(text, REGISTRY) if m.type == "place"] + [
            Mention(w.start, w.end, text[w.start:w.end], "place", source="ner") for w in found if len(w.text) > 1]:
        cut = without_part_or_product(place, found, text)
        assert text[cut.start:cut.end] == cut.text and cut.end <= place.end
        assert cut == place or not cut.text.endswith(("南段", "北麓"))  # a part is cut off whole or not at all
        assert without_part_or_product(cut, found, text) == cut


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_unglued_words_lose_no_text_and_are_idempotent(text):
    found = words(text, REGISTRY)
    apart = unglued(found)
    assert "".join(w.text for w in apart) == "".join(w.text for w in found)
    assert (apart[0].start, apart[-1].end) == (found[0].start, found[-1].end)
    assert all(a.end == b.start for a, b in zip(apart, apart[1:]))  # the words still tile the text, in order
    assert unglued(apart) == apart


def test_a_transliterated_town_after_a_verb_of_place_is_no_person():
    assert ("奥斯特松德", "place") in names("她后来搬到奥斯特松德。")
    assert ("约翰逊", "person") in names("周末到约翰逊家做客。")  # a surname and a given name: a person may be so named
