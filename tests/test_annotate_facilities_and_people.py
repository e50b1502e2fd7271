"""Round 9 of part p: piers and terminals, facilities and areas after a town, Latin persons with titles or initials,
given names alone, role words and food names (corpus/annotate/place_spans.py, name_spans.py, person_forms.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import annotate, find_mentions, load_registry
from corpus.annotate.name_spans import latin_names
from corpus.annotate.person_forms import given_names
from corpus.model import Document, Mention, Paragraph, Sentence

REGISTRY = load_registry()


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def document(*texts: str) -> Document:
    return Document(doc_id="t", source_file="t.txt", paragraphs=[
        Paragraph(index, "paragraph", text, sentences=[Sentence(f"t.p{index:03d}.s00", "t", index, 0, text)])
        for index, text in enumerate(texts)])


def test_a_pier_or_terminal_after_its_name_is_one_place():
    found = names("旅客在石浦客运码头排队上船。")
    assert ("石浦客运码头", "place") in found and ("石浦", "place") not in found
    assert ("蛇口码头", "place") in names("货轮停靠在蛇口码头。")


def test_a_run_of_common_words_or_of_a_function_before_a_pier_is_no_place():
    for text in ("他们每天早上都去码头卖鱼。", "台中的自動化碼頭下月啟用。", "工人在新码头装货。"):
        assert not any(kind == "place" and name.endswith(("码头", "碼頭")) for name, kind in names(text)), text


def test_a_port_keeps_its_name_before_a_pier_word():
    assert ("洋山港", "place") in names("洋山港码头的吞吐量创下新高。")


def test_an_airport_a_station_or_an_area_after_a_town_gives_the_town():
    assert ("昆明", "place") in names("航班在昆明机场降落。")
    assert not any("機場" in name or "市區" in name for name, _ in names("旅客從台南機場進入台南市區。"))


def test_a_latin_name_after_a_title_or_with_initials_is_a_person_without_the_title():
    text = "会上，Prof. Ingrid Halvorsen 和 Dr Samuel Owusu 都发了言，T. S. Raman也在场。"
    found = {(m.text, m.type) for m in latin_names(text)}
    assert {("Ingrid Halvorsen", "person"), ("Samuel Owusu", "person"), ("T. S. Raman", "person")} <= found
    assert not any(name in ("Prof", "Dr") for name, _ in found)


def test_a_latin_name_in_quotes_before_an_appositive_is_a_person():
    found = {(m.text, m.type) for m in latin_names("他最敬佩“Rachel Carson”，这位美国生物学家改变了一代人。")}
    assert ("Rachel Carson", "person") in found


def test_a_given_name_alone_is_the_person_the_document_names_in_full_but_not_as_a_label():
    doc = document("店主邱雅琳今年四十岁。", "每天五点，雅琳就起床了。", "雅琳：我们不加防腐剂。")
    doc.sentences[0].entities = [Mention(2, 5, "邱雅琳", "person", source="ner")]
    given_names(doc.sentences)
    assert [(m.text, m.start, m.type) for m in doc.sentences[1].entities] == [("雅琳", 5, "person")]
    assert doc.sentences[2].entities == []
    doc = document("店主邱雅琳今年四十岁。", "每天五点，雅琳就起床了。")
    annotate(doc, REGISTRY)
    assert ("雅琳", "person") in {(m.text, m.type) for m in doc.sentences[1].entities}


def test_a_given_name_that_is_a_common_word_is_no_person_alone():
    doc = document("村支书刘建国说，路修好了。", "建国以来，这里第一次通了公交。")
    annotate(doc, REGISTRY)
    assert not any(m.text == "建国" for m in doc.sentences[1].entities)


def test_a_roles_last_character_is_no_part_of_the_name_after_it():
    found = names("资深调酒师龚伟达说，夏天的订单最多。")
    assert ("龚伟达", "person") in found and ("师龚伟达", "person") not in found


def test_a_dessert_named_with_a_surnames_character_is_no_person():
    assert not any(kind == "person" for _, kind in names("店里最受欢迎的是杨枝甘露，其次是双皮奶。"))


PIECES = st.sampled_from(["邱雅琳", "雅琳", "说", "，", "。", "：", "店主", "在", "码头", "石浦", "客运", "机场",
                          "Dr. ", "Prof ", "Ingrid Halvorsen", "T. S. ", "Raman", "“", "”", "这位", "师", "和"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(PIECES, min_size=1, max_size=10).map("".join), min_size=1, max_size=3))
def test_given_names_are_spans_of_the_text_and_stable(texts):
    doc = document(*texts)
    for sentence in doc.sentences:
        sentence.entities = find_mentions(sentence.zh, REGISTRY)
    given_names(doc.sentences)
    once = [list(sentence.entities) for sentence in doc.sentences]
    for sentence in doc.sentences:
        assert all(sentence.zh[m.start:m.end] == m.text for m in sentence.entities)
    given_names(doc.sentences)
    assert [sentence.entities for sentence in doc.sentences] == once


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_latin_and_facility_mentions_are_spans_of_the_text(text):
    for m in latin_names(text) + find_mentions(text, REGISTRY):
        assert text[m.start:m.end] == m.text and m.end > m.start
