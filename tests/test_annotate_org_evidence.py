"""Organisations by their neighbours (corpus/annotate/org_evidence.py): lists, Latin names in brackets, acronyms,
products, branches, federal bodies.  The sentences are written for these tests, apart from the dev captures."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.ner import model_input
from corpus.annotate.org_evidence import (ACRONYM, federal_bodies, organisation_evidence, split_at_connective,
                                          with_branch, without_class_suffix, without_products)
from corpus.model import Mention

REGISTRY = load_registry()


def model(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("org", "place", "person")}


def evidence(text: str, *found: tuple[str, str]) -> set[tuple[str, str]]:
    mentions = [model(text, name, kind) for name, kind in found]
    result = organisation_evidence(mentions, words(text, REGISTRY), text, model_input(text), [], dictionary(REGISTRY))
    return {(m.text, m.type) for m in result}


def test_the_items_of_a_list_of_companies_are_organisations():
    text = "今年，岚拓、芯邑与澄泓等封装厂扩大了产能。"
    assert {("岚拓", "org"), ("芯邑", "org"), ("澄泓", "org")} <= evidence(text, ("澄泓等封装厂", "org"))
    text = "公司的客户包括禾岫和朔玺，订单稳定。"
    assert {("禾岫", "org"), ("朔玺", "org")} <= evidence(text)


def test_a_list_of_industries_or_places_names_no_organisation():
    assert evidence("电池、光伏等企业今年扩产。") == set()
    assert evidence("浙江、福建等地的企业", ("浙江", "place"), ("福建", "place")) == {("浙江", "place"),
                                                                                     ("福建", "place")}


def test_a_latin_name_in_brackets_makes_the_han_name_before_it_an_organisation():
    text = "韩国的澜崧（Lansong）也在扩产。"
    assert ("澜崧", "org") in evidence(text, ("韩国", "place"), ("Lansong", "org"))
    text = "由钛岳精工（TYP）供应。"
    assert {("钛岳精工", "org"), ("TYP", "org")} <= evidence(text, ("钛岳精工", "org"))
    # a person's English name in brackets makes no organisation
    text = "主持人吴雅婷（Tina）说"
    assert evidence(text, ("吴雅婷", "person")) == {("吴雅婷", "person")}


def test_an_acronym_with_an_organisations_cue_is_one_and_an_acronym_alone_is_not():
    assert ("KPTA", "org") in names("KPTA的发言人表示，项目将延期。")
    assert not any(name == "GPU" for name, _ in names("GPU 的价格下降了。"))
    assert ACRONYM.fullmatch("ÖBB") and not ACRONYM.fullmatch("Öbb")


def test_latin_products_and_technologies_are_no_organisations():
    text = "采用Valoris与Quenta技术的订单增加"
    found = [model(text, "Valoris", "org"), model(text, "Quenta", "org")]
    assert without_products(found, model_input(text)) == []
    text = "该公司的Tremona列车已经运营。"
    assert without_products([model(text, "Tremona", "org")], text) == []
    text = "Tremona今年营收增长。"
    assert without_products([model(text, "Tremona", "org")], text) == [model(text, "Tremona", "org")]


def test_a_branch_and_a_federal_body_are_one_name():
    text = "海岸守望联盟新加坡分会的成员"
    found = with_branch(model(text, "海岸守望联盟", "org"), words(text, REGISTRY), text, text)
    assert found.text == "海岸守望联盟新加坡分会"
    text = "比利时联邦铁路与港口合作"
    assert [m.text for m in federal_bodies(words(text, REGISTRY), text, text)] == ["比利时联邦铁路"]


def test_a_glued_class_suffix_and_a_connective_between_two_bodies_are_cut():
    text = "设备商澜崧精密今年扩产"
    read = model_input(text)
    assert without_class_suffix(model(text, "商澜崧精密", "org"), read, dictionary(REGISTRY)).text == "澜崧精密"
    text = "海事处与消防处今日公布"
    assert [m.text for m in split_at_connective(model(text, "海事处与消防处", "org"), text)] == ["海事处", "消防处"]


FRAGMENTS = ["岚拓", "、", "芯邑", "与", "澄泓", "等", "封装厂", "（Lansong）", "（TYP）", "KPTA", "的发言人",
             "采用", "Valoris", "技术", "联邦", "铁路", "比利时", "新加坡", "分会", "设备商", "，", "客户包括", "和",
             "公司"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join))
def test_evidence_mentions_are_spans_of_the_text_and_stable(text):
    found = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert find_mentions(text, REGISTRY) == found
    read, found_words, known = model_input(text), words(text, REGISTRY), dictionary(REGISTRY)
    once = organisation_evidence([m for m in found if m.source == "ner"], found_words, text, read, [], known)
    assert all(text[m.start:m.end] == m.text for m in once)
    twice = organisation_evidence(once, found_words, text, read, [], known)
    assert {(m.start, m.end, m.type) for m in twice} == {(m.start, m.end, m.type) for m in once}
