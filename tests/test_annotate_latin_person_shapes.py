"""Round 12 (12p): Latin-script persons by the shape of their names (name_spans.latin_names)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.name_spans import latin_names


def typed(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in latin_names(text)}


def test_an_arabic_article_joined_by_a_hyphen_is_part_of_a_persons_name():
    assert typed("农场主Omar Al-Kuwari把椰枣树改成滴灌。") == {("Omar Al-Kuwari", "person")}
    assert typed("顾问Noor El-Sayed认为，小农场应共享冷库。") == {("Noor El-Sayed", "person")}
    assert typed("他们请来了Tariq Abu-Khalil和两名工人。") == {("Tariq Abu-Khalil", "person")}


def test_a_hyphenated_word_without_such_a_prefix_is_no_person_for_a_speech_verb():
    assert typed("荷兰企业Mar-Tec表示将扩大生产。") == {("Mar-Tec", "org")}


def test_a_balinese_marker_opens_the_name_and_makes_it_a_person():
    assert typed("合作社理事I Nyoman Darma则负责财务。") == {("I Nyoman Darma", "person")}
    assert typed("他们把布卖给Kadek Suryani的店。") == {("Kadek Suryani", "person")}
    assert typed("I Love Bali") == {("Love Bali", "org")}  # no person after it: I is no marker of a name


def test_a_persons_noun_whose_last_character_says_nothing_alone_is_person_evidence():
    assert typed("嘛嘛档老板Arun Pillai每天凌晨开档。") == {("Arun Pillai", "person")}
    assert typed("部落青年Kolas Futing在鎮上開了工作室。") == {("Kolas Futing", "person")}
    assert typed("今年Keystone Ridge在新加坡开了工厂。") == {("Keystone Ridge", "org")}


PIECES = st.sampled_from(["I", "Ni", " ", "-", "Al", "Abu", "Made", "Ketut", "Hydro", "Tek", "Wirawan", "老板", "表示",
                          "，", "青年", "El", "Hadidi", "和", "bin"])


@settings(max_examples=80, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_latin_names_are_disjoint_spans_of_the_text_and_stable(text):
    found = latin_names(text)
    assert all(text[m.start:m.end] == m.text and m.end > m.start for m in found)
    edges = [edge for m in found for edge in (m.start, m.end)]
    assert edges == sorted(edges)
    assert latin_names(text) == found


def test_a_dai_name_after_a_noun_of_a_person_is_a_person():
    from corpus.annotate import find_mentions, load_registry

    registry = load_registry()
    texts = ("护林队队长岩温每天巡山。", "村民玉叶负责记录。", "队员玉米吃光了。", "工人岩石般坚硬。")
    people = {m.text for text in texts for m in find_mentions(text, registry) if m.type == "person"}
    assert people == {"岩温", "玉叶"}


# Round 13 (13p): a name of two or three capitalised words none of which is an English word or a place is a person's


def test_a_latin_name_made_of_names_not_words_is_a_person():
    assert typed("來自荷蘭的Wietske Dijkstra以回收釉料創作。") == {("Wietske Dijkstra", "person")}
    assert typed("日本京都的Tomoya Yanagida结伴前来。") == {("Tomoya Yanagida", "person")}


def test_an_english_word_or_a_place_in_the_name_leaves_it_an_organisation():
    assert typed("電窯由Grey Willow贊助。") == {("Grey Willow", "org")}  # grey, willow: English words
    assert typed("他们投资了Oxford Ionics。") == {("Oxford Ionics", "org")}  # Oxford: a place


def test_organisation_evidence_around_a_name_of_names_keeps_it_an_organisation():
    assert typed("品牌Kivela Runo在台北開店。") == {("Kivela Runo", "org")}  # a class noun before it
    assert typed("Kivela Runo公司在台北開店。") == {("Kivela Runo", "org")}  # an organisation's cue after it
    assert typed("ORCA Kivela Runo在台北開店。") == {("Kivela Runo", "org")}  # an acronym beside it
    assert typed("設備由Kivela Runo GmbH提供。") == {("Kivela Runo GmbH", "org")}  # a legal form ends it


def test_a_latin_persons_surname_alone_is_that_person_over_the_document():
    from corpus.annotate import annotate, load_registry
    from corpus.model import Document, Paragraph, Sentence

    texts = ("法國里昂的Corentin Baudry在老街旁租了工作室。", "Baudry每天騎腳踏車往返。")
    doc = Document(doc_id="t", source_file="t.txt", paragraphs=[
        Paragraph(index, "paragraph", text, sentences=[Sentence(f"t.p{index:03d}.s00", "t", index, 0, text)])
        for index, text in enumerate(texts)])
    annotate(doc, load_registry())
    assert {(m.text, m.type) for s in doc.sentences for m in s.entities if m.text.isascii()} == {
        ("Corentin Baudry", "person"), ("Baudry", "person")}
