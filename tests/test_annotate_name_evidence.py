"""Persons and places on new documents by evidence (issue 11 part t, round 6): CC-CEDICT glosses in brackets and
through references, CLDR's countries, languages and currencies, honorifics, coordination, countries before
companies, towns written after their region, Latin persons in brackets (corpus/annotate/gazetteer.py,
name_spans.py, place_spans.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, gazetteer, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.name_spans import (Word, document_types, ends_phrase, glossed_people, honoured_names, latin_names,
                                        may_be_foreign_name, typed_by_coordination, without_honorific)
from corpus.annotate.place_spans import place_parts, spelled_places
from corpus.model import Mention, Sentence

REGISTRY = load_registry()


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def mention(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def test_a_gloss_may_say_what_a_place_is_in_brackets_or_by_a_reference():
    # "Kelantan (state of Malaysia)", "Medan (city in Indonesia)", 砂拉越: "see 沙撈越|沙捞越[…]"
    assert gazetteer.is_place("吉兰丹") and gazetteer.is_region("吉兰丹")
    assert gazetteer.is_place("棉兰") and not gazetteer.is_region("棉兰")  # a city: no town is written after it
    assert gazetteer.is_place("砂拉越") and gazetteer.is_region("砂拉越")
    assert not gazetteer.is_place("丹斯里") and not gazetteer.is_place("观音")  # Guanyin, the Bodhisattva


def test_cldr_names_countries_languages_and_currencies():
    assert gazetteer.is_place("莫桑比克") and gazetteer.is_country("莫三比克") and gazetteer.is_region("烏拉圭")
    for word in ("葡萄牙語", "葡萄牙语", "粵語", "客家話", "澳門元", "澳門幣", "新台幣"):
        assert gazetteer.is_language_or_currency(word) and not gazetteer.is_place(word), word
    assert not gazetteer.is_place("世界") and not gazetteer.is_place("欧盟")  # codes that name no place
    assert not gazetteer.is_language_or_currency("澳門") and not gazetteer.is_country("高雄")


def test_an_honorific_is_no_part_of_a_name_and_a_name_follows_it():
    text = "总经理丹斯里曾国鸿说"
    assert without_honorific(mention(text, "丹斯里曾国鸿", "person")).text == "曾国鸿"
    assert without_honorific(mention("拿汀斯里黄", "拿汀斯里黄", "person")) is None
    assert without_honorific(mention(text, "曾国鸿", "person")).text == "曾国鸿"
    text = "农民协会主席拿督莫哈末再里（Mohd Zaidi Hassan）指出"
    assert [m.text for m in honoured_names(text)] == ["莫哈末再里"]
    assert {("莫哈末再里", "person"), ("Mohd Zaidi Hassan", "person")} <= names(text)
    assert not any(name.startswith(("丹斯里", "拿汀")) for name, _ in names("丹斯里曾国鸿说，拿汀斯里黄丽芬认为不然。"))


def test_a_country_before_a_company_is_a_place_and_the_company_an_organisation():
    found = names("荷兰帝斯曼则通过合资公司进入饲料市场。")
    assert ("荷兰", "place") in found and ("帝斯曼", "person") not in found
    found = names("荷蘭帝斯曼則通過合資公司進入飼料市場。")  # offsets and names of the text as given
    assert ("荷蘭", "place") in found and ("荷兰", "place") not in found


def test_a_name_listed_with_organisations_or_places_takes_their_type():
    text = "他的主要供应商包括约翰迪尔、爱科和凯斯。"
    listed = [mention(text, "约翰迪尔", "org"), mention(text, "爱科", "org"), mention(text, "凯斯", "person")]
    typed = typed_by_coordination(listed, [], text, words(text, REGISTRY))
    assert [m.type for m in typed] == ["org", "org", "org"]
    assert typed_by_coordination(typed, [], text, words(text, REGISTRY)) == typed  # idempotent
    text = "他在台北和李明见面。"  # a Chinese person's name (surname + given name) keeps its type
    kept = [mention(text, "台北", "place"), mention(text, "李明", "person")]
    assert typed_by_coordination(kept, [], text, words(text, REGISTRY)) == kept
    text = "星途和岚帆汇天已布局"  # a name before a content word may be cut short: no list types it
    pieces = [Word(0, 2, "星途", "nz", None), Word(2, 3, "和", "c", 9), Word(3, 5, "岚帆", "nr", None),
              Word(5, 6, "汇", "v", 9), Word(6, 7, "天", "q", 9), Word(7, 8, "已", "d", 9)]
    assert not ends_phrase(mention(text, "岚帆", "person"), pieces)
    assert ends_phrase(mention(text, "天", "person"), pieces) and ends_phrase(mention(text, "已布局", "org"), pieces)
    assert may_be_foreign_name("帆宣") and may_be_foreign_name("恩智浦") and not may_be_foreign_name("温瑾瑜")
    assert {("氹仔", "place"), ("黑沙環", "place"), ("筷子基", "place")} <= names("學員來自氹仔、黑沙環和筷子基。")


def test_a_town_written_after_its_place_is_a_place_of_its_own():
    known = dictionary(REGISTRY)
    for text, name, parts in (("公司會在桃園觀音新增產線", "桃園觀音", ["桃園", "觀音"]),
                              ("明年要往台中谷關發展", "台中谷關", ["台中", "谷關"]),
                              ("吉打亚罗士打的稻农", "吉打亚罗士", ["吉打", "亚罗士打"])):  # the model cut it short
        found = place_parts(mention(text, name, "place"), words(text, REGISTRY), text, known)
        assert [m.text for m in found] == parts and all(text[m.start:m.end] == m.text for m in found), text
    text = "波兰船级顾问表示"  # a compound's first half is no town
    assert [m.text for m in place_parts(mention(text, "波兰船级", "place"), words(text, REGISTRY), text, known)] \
        == ["波兰船级"]
    assert {("砂拉越", "place"), ("美里", "place"), ("沙巴", "place"), ("斗湖", "place")} <= names(
        "许多胶农转往砂拉越美里和沙巴斗湖一带打工。")


def test_a_place_jieba_cut_into_pieces_is_found():
    text = "转往砂拉越打工"
    assert [m.text for m in spelled_places(words(text, REGISTRY), text, [])] == ["砂拉越"]
    assert spelled_places(words(text, REGISTRY), text, [mention(text, "砂拉越", "place")]) == []


def test_languages_currencies_and_brands_named_after_places_are_no_places():
    found = names("課程以粵語和葡萄牙語授課，每人補貼澳門幣三千元。")
    assert not {name for name, kind in found if kind == "place"} & {"葡萄牙語", "澳門幣", "粵語"}
    assert ("永兴", "org") in names("宜春的锂云母企业永兴负责人说，今年产量将增加三成。")


def test_a_latin_person_in_brackets_after_a_name_or_a_role_or_before_a_speech_verb():
    text = "外資分析師韋思遠（Simon Whitfield）認為"
    person = [mention(text, "韋思遠", "person")]
    assert [(m.text, m.type) for m in glossed_people(person, latin_names(text), text)] == [("Simon Whitfield",
                                                                                            "person")]
    assert ("Jeremy Lim", "person") in names("新加坡港务集团执行长（Jeremy Lim）也承诺不会裁员。")
    assert ("Raymond So", "person") in names("港商蘇滿堂（Raymond So）表示，新界的租金比九龍低。")
    assert ("Keystone Ridge", "org") in names("投资方包括 Keystone Ridge 和两家本地基金。")  # no person evidence


def test_a_latin_persons_first_or_last_word_alone_is_that_person():
    sentence = Sentence("t.p000.s00", "t", 0, 0, "嘉宾 Siti Rahmah 和 Siti",
                        entities=[Mention(3, 14, "Siti Rahmah", "person", source="ner"),
                                  Mention(17, 21, "Siti", "org", source="ner")])
    assert document_types([sentence]) == {"Siti Rahmah": "person", "Siti": "person", "Rahmah": "person"}


PIECES = st.sampled_from(["丹斯里", "拿督", "曾国鸿", "说", "、", "和", "吉打", "亚罗士打", "砂拉越", "美里", "荷兰",
                          "帝斯曼", "凯斯", "爱科", "（", "Simon Whitfield", "）", "表示", "葡萄牙語", "的", "企业",
                          "永兴", "桃園", "觀音", "一带", "，"])


@settings(max_examples=30, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_mentions_of_the_new_evidence_are_spans_of_the_text_and_stable(text):
    found, segmented = find_mentions(text, REGISTRY), words(text, REGISTRY)
    edges = [edge for m in found for edge in (m.start, m.end)]
    assert edges == sorted(edges) and [text[m.start:m.end] for m in found] == [m.text for m in found]
    assert not any(m.type == "person" and m.text.startswith(("丹斯里", "拿督")) for m in found)
    typed = typed_by_coordination(found, [], text, segmented)
    assert typed_by_coordination(typed, [], text, segmented) == typed and find_mentions(text, REGISTRY) == found
