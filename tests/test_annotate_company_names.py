"""Companies by the grammar of their names and the short forms a full name licenses; a host country before a body
of another country, an association's committee, Latin names either side of a hyphen (corpus/annotate/
company_names.py, org_spans.py, org_evidence.py).  The sentences are written for these tests, apart from the dev
captures."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.annotate import annotate, find_mentions, load_registry
from corpus.annotate.company_names import company_names, company_short_forms
from corpus.annotate.mentions import words
from corpus.annotate.org_evidence import hyphenated
from corpus.annotate.org_spans import typed_by_head, with_industry_words
from corpus.annotate.short_forms import with_short_forms
from corpus.model import Document, Mention, Paragraph, Sentence

REGISTRY = load_registry()


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("org", "place", "person")]


def companies(text: str) -> list[str]:
    return [m.text for m in company_names(words(text, REGISTRY), text)]


def document(*lines: str) -> Document:
    sentences = [Sentence(f"t.p{index:03d}.s01", "t", index, 1, line) for index, line in enumerate(lines, 1)]
    return Document(doc_id="t", source_file="t.txt", cleaned="\n".join(lines),
                    paragraphs=[Paragraph(s.paragraph, "paragraph", s.zh, sentences=[s]) for s in sentences])


def test_a_brand_and_its_industry_words_are_one_company():
    assert ("岚屿精工", "org") in found("位于工业区的岚屿精工昨天宣布扩建厂房。")
    assert "岚屿精工" in companies("位于工业区的岚屿精工昨天宣布扩建厂房。")
    assert not [name for name in companies("苏州的精密机械产业发展迅速。") if "精密机械" in name]  # no brand: a trade


def test_a_registered_name_runs_back_from_its_legal_form_to_a_boundary():
    text = "来自贵州的黔屿澜江水电开发有限责任公司日前宣布，新电站已并网。"
    assert ("黔屿澜江水电开发有限责任公司", "org") in found(text)
    assert not [name for name in companies(text) if name.startswith(("来自", "的"))]


def test_a_registered_name_is_never_a_description():
    assert ("翠海新電信股份有限公司", "org") in found("翠海新電信股份有限公司與漁會簽約。")


def test_a_full_name_licenses_its_short_forms_over_the_document():
    doc = document("湖南澧州鸿远航运有限公司昨天开通了新航线。", "鸿远航运董事长说，鸿远公司明年还将增加货船。")
    annotate(doc, REGISTRY)
    assert {"鸿远航运", "鸿远公司"} <= company_short_forms(doc.sentences)
    later = {(m.text, m.type) for m in doc.sentences[1].entities}
    assert ("鸿远航运", "org") in later and ("鸿远公司", "org") in later
    first = {(m.text, m.type) for m in doc.sentences[0].entities}
    assert ("湖南澧州鸿远航运有限公司", "org") in first  # its short forms do not cut the full name


def test_a_brand_jieba_cut_into_characters_and_a_group_marker_in_brackets_are_part_of_the_name():
    assert "粤冠商贸" in companies("经销商粤冠商贸今年扩建仓库。")
    assert ("江城数控（集团）有限公司", "org") in found("江城数控（集团）有限公司今天上市。")
    assert "江城数控（集团）有限公司" in companies("上游的江城数控（集团）有限公司今天上市。")


def test_a_model_name_before_industry_words_is_one_company():
    text = "松针书局"
    words_found = words(text, REGISTRY)
    brand = Mention(0, 2, "松针", "place", source="ner")
    assert with_industry_words(brand, words_found, text).text == "松针书局"
    assert with_industry_words(brand, words_found, text).type == "org"
    # a county CC-CEDICT knows (甘泉) names the place of a bookshop, no brand
    assert with_industry_words(Mention(0, 2, "甘泉", "place", source="ner"), words("甘泉书屋", REGISTRY),
                               "甘泉书屋").text == "甘泉"
    known = Mention(0, 2, "苏州", "place", source="ner")  # a place the gazetteer knows names the company's seat
    assert with_industry_words(known, words("苏州物流", REGISTRY), "苏州物流") == known


def test_a_japanese_legal_form_licenses_the_brand_and_its_industry_word():
    doc = document("日本的松风精机株式会社在苏州设厂。", "松风精机的工程师说，松风的新厂明年投产。")
    annotate(doc, REGISTRY)
    later = {(m.text, m.type) for m in doc.sentences[1].entities}
    assert ("松风精机", "org") in later


def test_a_latin_person_after_a_role_is_a_person():
    assert ("Lars Eriksen", "person") in found("理赔主管Lars Eriksen也证实了。")
    assert ("Amina Yusuf", "person") in found("秘书长Amina Yusuf指出，出口增加。")


def test_a_host_country_before_a_body_of_another_country_is_part_of_its_name():
    assert ("泰国中国商会", "org") in found("泰国中国商会昨天在曼谷开会。")
    assert ("老挝中华总商会", "org") in found("老挝中华总商会发表声明。")


def test_a_countrys_body_of_one_word_keeps_its_country():
    assert ("肯尼亚税务局", "org") in found("肯尼亚税务局代表团抵达。")


def test_an_association_and_its_committee_are_one_name():
    text = "中国港口与航道协会疏浚专业委员会发布了年度报告。"
    assert ("中国港口与航道协会疏浚专业委员会", "org") in found(text)


def test_a_place_with_a_head_no_place_ends_with_is_an_organisation():
    text = "老挝中华总商会"
    typed = typed_by_head([Mention(0, len(text), text, "place", source="ner")], text)
    assert typed[0].type == "org"
    assert typed_by_head([Mention(0, 3, "市中心", "place", source="ner")], "市中心")[0].type == "place"


def test_latin_names_either_side_of_a_hyphen_are_one_organisation():
    text = "荷兰企业Mar-Tec提供了设备。"
    parts = [Mention(4, 7, "Mar", "org", source="ner"), Mention(8, 11, "Tec", "org", source="ner")]
    assert [(m.text, m.type) for m in hyphenated(parts, text)] == [("Mar-Tec", "org")]
    assert ("Mar-Tec", "org") in found(text)


def test_a_seat_in_brackets_between_the_brand_and_the_industry_words_is_inside_the_name():
    assert "岚屿(苏州)精工有限公司" in companies("据悉，岚屿(苏州)精工有限公司已经投产。")
    assert "岚屿（苏州）精工有限公司" in companies("设备来自岚屿（苏州）精工有限公司。")
    assert not companies("设备来自（苏州）精工有限公司。")  # no brand before the seat: no name
    doc = document("据悉，岚屿（苏州）精工有限公司已经投产。", "岚屿精工去年扩建了厂房。")
    annotate(doc, REGISTRY)
    assert "岚屿精工" in company_short_forms(doc.sentences)  # the seat is in none of its short forms
    assert ("岚屿精工", "org") in {(m.text, m.type) for m in doc.sentences[1].entities}


def test_a_private_limited_company_is_a_legal_form_and_a_preposition_glued_to_its_brand_is_cut():
    assert ("鸿翎船舶工程私人有限公司", "org") in found("这艘船由鸿翎船舶工程私人有限公司改装。")


PIECES = st.sampled_from(["鸿远", "航运", "有限公司", "公司", "集团", "精工", "的", "与", "，", "。", "湖南", "苏州",
                          "岚屿", "冷运", "股份", "宣布", "Mar", "-", "Tec", "中国商会", "泰国", "协会", "专业委员会",
                          "（集团）", "株式会社", "粤", "冠", "商贸", "(苏州)", "（厦门）", "私人有限公司", "由"])


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_company_names_are_spans_of_the_text_and_stable(text):
    found_words = words(text, REGISTRY)
    names = company_names(found_words, text)
    assert all(text[m.start:m.end] == m.text and m.type == "org" and m.end > m.start for m in names)
    assert company_names(found_words, text) == names
    mentions = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
@example("公司鸿远航运株式会社的鸿远")  # 鸿远 + 公司 only across two sentences: no form
@example("鸿远株式会社冷运株式会社冷运")  # found in round 10 (11p's suite run): a form whose short form recurs
def test_short_forms_and_hyphens_are_idempotent(text):
    doc = document(text, text + "鸿远航运")
    for sentence in doc.sentences:
        sentence.entities = find_mentions(sentence.zh, REGISTRY)
    forms = company_short_forms(doc.sentences)
    assert all(any(form in s.zh for s in doc.sentences) for form in forms)
    for sentence in doc.sentences:
        once = with_short_forms(sentence.entities, sentence.zh, forms)
        assert with_short_forms(once, sentence.zh, forms) == once
        assert all(sentence.zh[m.start:m.end] == m.text for m in once)
        joined = hyphenated(sentence.entities, sentence.zh)
        assert hyphenated(joined, sentence.zh) == joined
