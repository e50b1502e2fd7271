"""The second tagger's votes (THULAC) on LAC's persons, and the one list rule that retypes a model person."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry, thulac_tags
from corpus.annotate.name_spans import has_person_shape, typed_by_coordination
from corpus.annotate.ner import denies_person, model_input, statistical_mentions
from corpus.annotate.org_evidence import CONNECTIVES
from corpus.model import Mention

REGISTRY = load_registry()


def mention(text: str, name: str, kind: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, kind, source="ner")


def test_a_person_thulac_reads_as_another_word_is_denied_and_not_listed():
    text = "海皇的船队今天出海。"  # a fleet's owner: LAC reads a person, THULAC no person
    lac = [m for m in statistical_mentions(text) if m.text == "海皇"]
    assert lac and lac[0].type == "person"
    assert denies_person(lac[0], text)
    assert ("海皇", "person") not in {(m.text, m.type) for m in find_mentions(text, REGISTRY)}


def test_a_denied_person_with_organisation_evidence_is_an_organisation():
    text = "渔业公司海鸿与冷链企业合作。"
    assert denies_person(next(m for m in statistical_mentions(text) if m.text == "海鸿"), text)
    assert ("海鸿", "org") in {(m.text, m.type) for m in find_mentions(text, REGISTRY)}


def test_a_person_both_taggers_read_as_one_stays_a_person():
    text = "公司董事长王建国表示，订单增加。"
    person = mention(text, "王建国", "person")
    assert not denies_person(person, text)
    assert ("王建国", "person") in {(m.text, m.type) for m in find_mentions(text, REGISTRY)}


def test_only_persons_are_voted_on():
    text = "渔业公司海鸿与冷链企业合作。"
    assert not denies_person(mention(text, "海鸿", "org"), text)


def test_a_chinese_persons_shape_is_a_surname_and_a_given_name_of_one_or_two_characters():
    assert has_person_shape("王建国") and has_person_shape("林薇") and has_person_shape("欧阳明")
    assert not has_person_shape("凯鹏华盈")  # four characters after a surname of one: a company's name
    assert not has_person_shape("王")


def test_a_list_types_a_name_of_no_persons_shape_with_one_organisation():
    text = "已获得海豚资本和凯鹏华盈的天使投资。"
    found = [mention(text, "海豚资本", "org"), mention(text, "凯鹏华盈", "person")]
    assert [m.type for m in typed_by_coordination(found, [], text, [])] == ["org", "org"]


def test_a_person_with_one_organisation_in_a_list_stays_a_person():
    text = "记者戴明然与河南工业大学的教授聊了聊。"
    found = [mention(text, "戴明然", "person"), mention(text, "河南工业大学", "org")]
    assert [m.type for m in typed_by_coordination(found, [], text, [])] == ["person", "org"]


def test_an_item_with_another_name_in_brackets_still_lists_the_next():
    text = "供应商柯瑞德（Coredix）和阿维斯通都提交了方案。"
    found = [mention(text, "柯瑞德", "org"), mention(text, "阿维斯通", "person")]
    assert typed_by_coordination(found, [], text, [])[1].type == "org"


def test_organisations_read_the_word_connectives_of_lists():
    assert "、" not in CONNECTIVES and {"和", "与", "及", "以及"} <= set(CONNECTIVES)
    assert list(CONNECTIVES) == sorted(CONNECTIVES, key=len, reverse=True)  # 以及 before 及


WORDS = [*"张王李陈海鸿北京公司说在和的了。,、 ABC1臺灣與", "董事长", "Solberg", "\u3000"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=25).map("".join)


@settings(max_examples=40, deadline=None)
@given(TEXT)
def test_thulac_words_are_spans_of_the_text_in_order_and_votes_are_stable(text):
    read = model_input(text)
    words = thulac_tags.tagged_words(read)
    assert all(0 <= start < end <= len(read) for start, end, _ in words)
    assert all(a[1] <= b[0] for a, b in zip(words, words[1:]))
    votes = thulac_tags.votes(text, read)
    assert all(text[v.start:v.end] == v.text and v.kind in ("person", "place", "org", "name") for v in votes)
    mentions = statistical_mentions(text)
    assert [denies_person(m, text) for m in mentions] == [denies_person(m, text) for m in mentions]
    assert all(not denies_person(m, text) for m in mentions if m.type != "person")
