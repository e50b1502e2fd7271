"""Where an organisation's name starts and ends (corpus/annotate/org_edges.py): a university's school, an affiliated
hospital, a country before a foreign institution, descriptions, an acronym before a Latin name.  The sentences are
written for these tests, apart from the dev captures."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.org_edges import (affiliated_hospitals, described_place, is_city_university, is_generic_phrase,
                                       org_edges, school_tails, with_acronym, without_country)
from corpus.model import Mention

REGISTRY = load_registry()


def model(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def edges(text: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
    mentions = [model(text, name, kind) for name, kind in names]
    return [(m.text, m.type) for m in org_edges(mentions, words(text, REGISTRY), text, dictionary(REGISTRY))]


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("org", "place", "person")]


def test_a_school_after_a_university_is_the_university():
    assert edges("兰州大学草地农业科技学院的学生说。", ("兰州大学草地农业科技学院", "org")) == [("兰州大学", "org")]
    assert edges("吉林大学通信与信息工程学院", ("吉林大学通信与信息工程学院", "org")) == [("吉林大学", "org")]
    # a school named after a person: neither the school nor the person is a mention of its own
    assert edges("南昌大学钱永健医学院今年招生。", ("南昌大学", "org"), ("钱永健", "person")) == [("南昌大学", "org")]
    # a department after a university jieba knows: the university is a mention even where the model missed it
    assert ("國立中興大學", "org") in found("國立中興大學土壤及環境科學系的研究生表示。")


def test_a_department_alone_is_no_organisation_and_a_college_alone_is_one():
    assert edges("她在植物病理系工作。", ("植物病理系", "org")) == []
    assert edges("他毕业于皇家音乐学院。", ("皇家音乐学院", "org")) == [("皇家音乐学院", "org")]
    assert school_tails(words("两国关系和体系", REGISTRY), dictionary(REGISTRY)) == []


def test_a_hospital_affiliated_to_a_university_is_one_name():
    text = "病人转到吉林大学附属第二医院治疗。"
    assert edges(text, ("吉林大学", "org"), ("第二医院", "org")) == [("吉林大学附属第二医院", "org")]
    text = "他在中山大学医学院附属东华医院工作。"
    assert affiliated_hospitals(words(text, REGISTRY)) == [(text.index("附属"), text.index("工作"))]
    found_words = words(text, REGISTRY)  # the school names the hospital
    assert school_tails(found_words, dictionary(REGISTRY), affiliated_hospitals(found_words)) == []


def test_a_country_before_a_foreign_institution_is_a_place_unless_the_name_holds_it():
    text = "法国格勒诺布尔大学的团队"
    assert edges(text, ("法国格勒诺布尔大学", "org")) == [("法国", "place"), ("格勒诺布尔大学", "org")]
    text = "印度电力公司"
    assert edges(text, ("印度电力公司", "org")) == [("印度电力公司", "org")]  # a common word after the country
    text = "印度国家银行"
    assert edges(text, ("印度国家银行", "org")) == [("印度国家银行", "org")]  # 国家: the name holds its country
    text = "在上海交通大学"
    assert without_country(model(text, "上海交通大学", "org"), words(text, REGISTRY)) == [
        model(text, "上海交通大学", "org")]


def test_a_city_a_university_carries_stays_in_its_name_and_a_country_goes():
    assert ("香港嘉樺大學", "org") in found("香港嘉樺大學的研究團隊昨日發表報告。")
    assert edges("英國愛丁堡大學的教授", ("英國愛丁堡大學", "org")) == [("英國", "place"), ("愛丁堡大學", "org")]
    assert is_city_university("香港", words("香港嘉桦大学", REGISTRY)[1:])
    assert not is_city_university("江西", words("江西嘉桦大学", REGISTRY)[1:])  # a province is where it is
    assert not is_city_university("香港", words("香港赣州大学", REGISTRY)[1:])  # named after a place: complete


def test_descriptions_are_no_organisations_and_their_place_is_a_place():
    assert edges("两家法国公司参与竞标。", ("法国公司", "org")) == [("法国", "place")]
    assert edges("另一家澳洲初创企业宇航动力", ("澳洲初创企业宇航动力", "org")) == [
        ("澳洲", "place"), ("宇航动力", "org")]
    text = "一家饲料厂"
    assert described_place(model(text, "饲料厂", "org"), words(text, REGISTRY)) == []


def test_a_foreign_country_before_a_brand_jieba_cuts_is_a_place():
    # the brand after the country is a name jieba cut into pieces (诺 + 韦达): the company starts there
    assert edges("丹麦诺韦达集团旗下的工厂", ("丹麦诺韦达集团", "org")) == [("丹麦", "place"), ("诺韦达集团", "org")]
    assert found("法国塞雷斯集团的工程师说") == [("法国", "place"), ("塞雷斯集团", "org")]
    # a common word after the country: the name holds its country
    assert edges("印度电力公司", ("印度电力公司", "org")) == [("印度电力公司", "org")]


def test_a_place_and_its_possessive_before_a_name_are_no_part_of_it():
    assert edges("日本的Ridgeline也参与了。", ("日本的Ridgeline", "org")) == [("日本", "place"), ("Ridgeline", "org")]
    assert ("葛兰达机械", "org") in found("瑞士的葛兰达机械也来了。")


def test_generic_phrases_name_no_organisation_and_brands_of_common_words_stay():
    for text, name in (("冷链物流公司的需求增加。", "冷链物流公司"), ("海运保险的费率", "海运保险"),
                       ("独立书店越来越少。", "独立书店"), ("政府提供补贴", "政府")):
        assert is_generic_phrase(model(text, name, "org"), words(text, REGISTRY), text), name
    for text, name in (("木棉出版社推出新书。", "木棉出版社"), ("海豚资本领投", "海豚资本"),
                       ("成功大学的学生", "成功大学"), ("芒果发布了新款", "芒果")):
        assert not is_generic_phrase(model(text, name, "org"), words(text, REGISTRY), text), name
    assert edges("冷链物流公司的需求增加。", ("冷链物流公司", "org")) == []


def test_an_acronym_before_a_latin_name_is_part_of_it():
    text = "获得KPM Ventures的投资"
    assert with_acronym(model(text, "Ventures", "org"), text) == model(text, "KPM Ventures", "org")
    text = "获得Big Ventures的投资"
    assert with_acronym(model(text, "Ventures", "org"), text) == model(text, "Ventures", "org")


PIECES = st.sampled_from(["大学", "南京大学", "医学院", "化学系", "学院", "附属", "第一", "医院", "德国", "亚琛",
                          "工业", "公司", "一家", "韩国", "企业", "初创", "NEO ", "Ventures", "及", "与", "，",
                          "钱永健", "的", "厂", "电力", "国家", "丹麦", "诺", "韦达", "集团", "冷链", "物流", "书店"])


@settings(max_examples=80, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join), st.data())
def test_edges_are_spans_of_the_text_and_idempotent(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    mention = Mention(start, end, text[start:end], data.draw(st.sampled_from(["org", "person", "place"])), source="ner")
    found_words = words(text, REGISTRY)
    moved = org_edges([mention], found_words, text, dictionary(REGISTRY))
    assert all(text[m.start:m.end] == m.text and m.end > m.start for m in moved)
    assert org_edges(moved, found_words, text, dictionary(REGISTRY)) == moved
    mentions = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_a_province_before_a_company_is_part_of_its_name_and_a_country_is_not():
    text = "河北丰禾种业的负责人说"
    assert edges(text, ("河北丰禾种业", "org")) == [("河北丰禾种业", "org")]
    text = "美国杜邦的工程师说"
    assert edges(text, ("美国杜邦", "org")) == [("美国", "place"), ("杜邦", "org")]


def test_an_institute_under_a_university_is_the_university_and_a_tail_stops_at_another_school():
    text = "浙江大学作物科学研究所的研究员说"
    assert edges(text, ("浙江大学作物科学研究所", "org")) == [("浙江大学", "org")]
    text = "由宁夏大学土壤系与中国科学院地理研究所共同完成"  # the institute is the academy's, not the university's
    assert school_tails(words(text, REGISTRY), dictionary(REGISTRY)) == []
