"""Places on new documents (corpus/annotate/place_spans.py) and the Latin given names of people (name_spans)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import annotate, find_mentions, gazetteer, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.name_spans import document_types, latin_names, typed_over_document
from corpus.annotate.place_spans import (featured_places, has_place_form, is_compass_sea, is_no_place, listed_places,
                                         located_places, place_parts, with_unit)
from corpus.model import Document, Mention, Paragraph, Sentence

REGISTRY = load_registry()


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions]


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def mention(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def document(*texts: str) -> Document:
    return Document(doc_id="t", source_file="t.txt", paragraphs=[
        Paragraph(index, "paragraph", text, sentences=[Sentence(f"t.p{index:03d}.s00", "t", index, 0, text)])
        for index, text in enumerate(texts)])


def test_two_places_run_together_are_two_places_and_a_count_is_no_part_of_a_place():
    known = dictionary(REGISTRY)
    for text, name, kind, parts in (
            ("回到花蓮玉里老家", "花蓮玉里", "place", [("花蓮", "place"), ("玉里", "place")]),
            ("从霹雳州怡保出发", "霹雳州怡保", "place", [("霹雳州", "place"), ("怡保", "place")]),
            ("在嘉義民雄興建", "嘉義民雄", "org", [("嘉義", "place"), ("民雄", "place")]),
            ("曲阳三县今年", "曲阳三县", "place", [("曲阳", "place")])):
        assert spans(place_parts(mention(text, name, kind), words(text, REGISTRY), text, known)) == parts, text
    for text, name, kind in (("贵州茅台捐赠", "贵州茅台", "org"),  # 茅台 is also a liquor: a company's name
                             ("在台南大学", "台南大学", "org"), ("位于屏东县", "屏东县", "place")):
        assert spans(place_parts(mention(text, name, kind), words(text, REGISTRY), text, known)) == [(name, kind)], text


def test_a_name_with_a_places_form_is_a_place():
    assert has_place_form("彭亨州") and has_place_form("占碑省") and has_place_form("梅窩")
    assert not has_place_form("杭州") and not has_place_form("温瑾瑜")  # a one-character stem is a name


def test_the_items_of_a_list_closed_by_a_count_or_by_places_are_places():
    for text, expected in (("河北省保定市涞源、阜平、曲阳三县今年", {"涞源", "阜平", "曲阳"}),
                           ("定州、安国两市也将", {"定州", "安国"}),
                           ("元朗、天水圍等地的小巴", {"元朗", "天水圍"}),
                           ("澳門、珠海和廣州等地", {"澳門", "珠海", "廣州"})):
        assert {m.text for m in listed_places(words(text, REGISTRY), text)} == expected, text
    for text in ("沪深两市今天", "青岛啤酒、贵州茅台等企业", "张三、李四等人"):
        assert listed_places(words(text, REGISTRY), text) == [], text


def test_a_name_jieba_does_not_know_joined_to_a_place_is_a_place():
    for text, known, place in (("宁愿去樟宜或兀兰的大医院", "樟宜", "兀兰"),
                               ("在淡滨尼和榜鹅都有诊所", "淡滨尼", "榜鹅")):
        found = located_places(words(text, REGISTRY), text, [mention(text, known, "place")])
        assert place in {m.text for m in found}, text
    assert ("李明", "person") in names("他在台北和李明见面。")


def test_places_by_position_after_a_verb_of_place_or_a_place():
    text = "果盛通计划明年在关丹设立第二座冷冻厂。他的果园位于瓜拉庇劳，离吉隆坡不远。"
    assert {m.text for m in located_places(words(text, REGISTRY), text, [])} >= {"关丹", "瓜拉庇劳"}
    text = "来自印尼占碑省和西爪哇省的考察团"
    found = located_places(words(text, REGISTRY), text, [mention(text, "印尼", "place")])
    assert "占碑省" in {m.text for m in found}
    text = "在盛港、实龙岗这些新镇"  # a pronoun and a common word are no place's stem
    assert "这些新镇" not in {m.text for m in located_places(words(text, REGISTRY), text,
                                                            [mention(text, "实龙岗", "place")])}


def test_a_place_takes_the_unit_jieba_cut_off_and_a_label_word_is_no_place():
    text = "森美兰州芙蓉的果农"
    assert with_unit(mention(text, "森美兰", "place"), words(text, REGISTRY), text).text == "森美兰州"
    for text, name, no_place in (("主持：Grace　來賓：Leo", "來賓", True), ("屏東的海", "屏東", False),
                                 ("榴莲园今年丰收", "榴莲园", True), ("台南科学园区", "台南", False)):
        assert is_no_place(mention(text, name, "place"), words(text, REGISTRY), text) == no_place, text


def test_new_documents_get_their_places():
    assert {("彭亨州", "place"), ("文冬", "place"), ("劳勿", "place"), ("立卑", "place")} <= names(
        "彭亨州文冬、劳勿、立卑三县的榴莲园今年丰收。")
    assert ("來賓", "place") not in names("主持：Grace　來賓：Leo")
    assert not any(kind == "person" for _, kind in names("Felix 毕业于新加坡国立大学杨潞龄医学院。"))


def test_a_nickname_of_a_place_is_no_place():
    assert gazetteer.is_nickname("狮城") and gazetteer.is_nickname("申城")
    assert not gazetteer.is_place("狮城") and gazetteer.is_place("屏東") and not gazetteer.is_nickname("屏東")
    assert gazetteer.has_common_sense("來賓") and not gazetteer.has_common_sense("屏東")


def test_a_latin_given_name_after_a_persons_role_or_as_a_label_is_a_person():
    for text, name in (("主持：Grace　來賓：Leo", "Grace"), ("主持：Grace　來賓：Leo", "Leo"),
                       ("本集主持人 Nora 和", "Nora"), ("Felix：会的。", "Felix")):
        assert (name, "person") in spans(latin_names(text)), text
    assert ("Zaptec", "org") in spans(latin_names("挪威的Zaptec推出新品"))  # no evidence: an organisation


def test_a_latin_person_is_that_person_in_every_sentence_of_the_document():
    doc = document("主持人：Nora　嘉宾：Felix（社区医生）", "Felix 毕业于新加坡国立大学。")
    annotate(doc, REGISTRY)
    assert {(m.text, m.type) for s in doc.sentences for m in s.entities if m.text == "Felix"} == {("Felix", "person")}
    assert document_types(doc.sentences) == {"Nora": "person", "Felix": "person"}
    before = [list(s.entities) for s in doc.sentences]
    typed_over_document(doc.sentences, document_types(doc.sentences))
    assert [s.entities for s in doc.sentences] == before  # idempotent


def test_a_place_by_evidence_is_a_place_in_every_sentence_unless_a_person_by_evidence():
    doc = document("他的果园位于关丹。", "关丹的榴莲今年丰收。")
    annotate(doc, REGISTRY)
    assert {(m.text, m.type) for s in doc.sentences for m in s.entities if m.text == "关丹"} == {("关丹", "place")}
    sentence = Sentence("t.p000.s00", "t", 0, 0, "关丹说，今年丰收。",
                        entities=[Mention(0, 2, "关丹", "person", source="ner")])
    typed_over_document([sentence], {"关丹": "place"})
    assert sentence.entities[0].type == "person"  # a speech verb after it: a person


def test_a_town_abroad_the_model_calls_an_organisation_is_a_place():
    known = dictionary(REGISTRY)
    for text, name in (("下月在米兰举行展会", "米兰"), ("合作方来自瓜达拉哈拉", "瓜达拉哈拉")):
        assert spans(place_parts(mention(text, name, "org"), words(text, REGISTRY), text, known)) == [(name, "place")]
    for text, name in (("永安旗下的公司", "永安"),  # a town of the Chinese regions lends its name to companies
                       ("米兰宣布与日本企业合作", "米兰")):  # a town abroad too: no verb of place or place before it
        assert spans(place_parts(mention(text, name, "org"), words(text, REGISTRY), text, known)) == [(name, "org")]


def test_a_state_and_a_town_with_its_unit_are_two_places():
    text, known = "巴西圣卡塔琳娜州布卢梅瑙市的工厂", dictionary(REGISTRY)
    found = place_parts(mention(text, "圣卡塔琳娜州布卢梅瑙市", "place"), words(text, REGISTRY), text, known)
    assert spans(found) == [("圣卡塔琳娜州", "place"), ("布卢梅瑙市", "place")]


def test_a_sea_keeps_its_compass_word_and_loses_a_common_noun_after_it():
    assert is_compass_sea("西南大西洋") and is_compass_sea("中西太平洋") and not is_compass_sea("太平洋")
    assert not is_compass_sea("南京") and not is_compass_sea("东方")
    assert ("北太平洋", "place") in names("船队转往北太平洋公海作业。")
    assert ("西北太平洋", "place") in names("今年西北太平洋的台风偏多。")
    assert ("东太平洋", "place") in names("东太平洋的海温正在上升。")


def test_feature_words_finish_a_places_name_and_an_island_part_does_not():
    assert {("龙潭水库", "place"), ("白沙渔港", "place")} <= names("游客前往龙潭水库和白沙渔港参观。")
    assert ("厦门", "place") in names("厦门本岛的交通更方便了。")
    assert not any(kind == "place" and "本岛" in name for name, kind in names("厦门本岛的交通更方便了。"))
    text = "大雨过后，青山水塘的水位上涨。"
    assert [m.text for m in featured_places(words(text, REGISTRY), text, [])] == ["青山水塘"]


def test_a_word_of_a_position_is_no_place():
    for text in ("乘客在船上休息。", "他把包放在车上。"):
        assert not any(kind == "place" for _, kind in names(text)), text


PIECES = st.sampled_from(["彭亨州", "文冬", "、", "劳勿", "三县", "在", "关丹", "位于", "瓜拉庇劳", "，", "花蓮玉里",
                          "等地", "來賓", "：", "Grace", "的", "两市", "这些", "新镇", "和", "广州", "北", "西南",
                          "太平洋", "公海", "水库", "渔港", "本岛", "米兰", "车上", "市"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_place_mentions_are_spans_of_the_text_and_stable(text):
    found = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert find_mentions(text, REGISTRY) == found
    for place in listed_places(words(text, REGISTRY), text) + located_places(words(text, REGISTRY), text, []):
        assert text[place.start:place.end] == place.text and place.type == "place"


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_a_places_completion_is_a_span_of_the_text_and_idempotent(text):
    found = words(text, REGISTRY)
    for place in [m for m in find_mentions(text, REGISTRY) if m.type == "place"] + featured_places(found, text, []):
        completed = with_unit(place, found, text)
        assert text[completed.start:completed.end] == completed.text
        assert completed.start <= place.start and place.end <= completed.end
        assert with_unit(completed, found, text) == completed
        for part in place_parts(place, found, text, dictionary(REGISTRY)):
            assert text[part.start:part.end] == part.text and place.start <= part.start
