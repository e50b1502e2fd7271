"""Rules that correct the NER model's spans with jieba's words (corpus/annotate/name_spans.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.ner import model_input
from corpus.annotate.name_spans import (Word, brands, dictionary_places, headed_organisations, institutions,
                                        is_generic, latin_names, legal_form_start, refine, snap, split_lists,
                                        typed_by_evidence, unglued, with_heads, with_legal_form, with_prefix,
                                        with_region, with_site, without_credits)
from corpus.model import Mention

REGISTRY = load_registry()
DICTIONARY = {"英业达": 4, "投资方": 33, "红杉": 72, "大学": 20025, "毕业": 9000, "大学毕业": 50, "成功": 10638}


def segmented(*pieces: tuple[str, str, int | None]) -> tuple[str, list[Word]]:
    text, words = "", []
    for piece, tag, frequency in pieces:
        words.append(Word(len(text), len(text) + len(piece), piece, tag, frequency))
        text += piece
    return text, words


def model(text: str, name: str, kind: str, start: int = 0) -> Mention:
    start = text.index(name, start)
    return Mention(start, start + len(name), name, kind, source="ner")


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions]


def test_a_span_ending_inside_a_word_is_extended_when_most_of_the_word_is_inside():
    text, words = segmented(("我们", "r", 9), ("从", "p", 9), ("英业达", "nt", 4), ("挖人", "v", 9))
    assert spans([snap(model(text, "英业", "person"), words, text, DICTIONARY)]) == [("英业达", "org")]


def test_a_span_starting_inside_a_word_is_trimmed_when_little_of_the_word_is_inside():
    text, words = segmented(("投资方", "n", 33), ("红杉", "nz", 72), ("领投", "v", 9))
    assert spans([snap(model(text, "方红杉", "org"), words, text, DICTIONARY)]) == [("红杉", "org")]


def test_words_jieba_made_up_and_compound_seams_do_not_move_an_edge():
    text, words = segmented(("卖给", "v", 9), ("和蔚来", "nr", None), ("汽车", "n", 9))
    assert snap(model(text, "蔚来", "org"), words, text, DICTIONARY).text == "蔚来"
    text, words = segmented(("成功", "a", 10638), ("大学毕业", "n", 50), ("后", "f", 9))
    assert snap(model(text, "成功大学", "org"), words, text, DICTIONARY).text == "成功大学"


def test_a_span_listing_two_names_is_cut_at_the_connective():
    text, words = segmented(("清华大学", "nt", 923), ("与", "p", 9), ("工研院", "j", 3), ("合作", "v", 9))
    assert spans(split_lists(model(text, "清华大学与工研院", "org"), words, text)) == [("清华大学", "org"),
                                                                                     ("工研院", "org")]


def test_a_connective_at_a_span_edge_is_cut_off():
    text, words = segmented(("深圳市", "ns", 553), ("科创委", "n", None), ("与", "p", 9), ("前海", "f", 10))
    assert spans(split_lists(model(text, "深圳市科创委与", "org"), words, text)) == [("深圳市科创委", "org")]


def test_a_connective_glued_to_an_unknown_word_is_taken_off():
    text, words = segmented(("经纬", "n", 60), ("和峰瑞", "nr", None), ("资本", "n", 14732), ("和平", "n", 900))
    assert [w.text for w in unglued(words)] == ["经纬", "和", "峰瑞", "资本", "和平"]
    assert spans(headed_organisations(unglued(words), text)) == [("峰瑞资本", "org")]


def test_a_name_before_organisation_heads_is_an_organisation():
    text, words = segmented(("和", "c", 9), ("元璟", "nr", None), ("资本", "n", 14732), ("都是", "v", 9))
    assert spans([with_heads(model(text, "元璟", "person"), words, text)]) == [("元璟资本", "org")]


def test_the_region_of_an_organisations_arm_joins_it_unless_a_noun_follows():
    text, words = segmented(("由", "p", 9), ("软银", "n", 19), ("中国", "ns", 9), ("领投", "v", 9))
    assert with_region(model(text, "软银", "org"), words, text).text == "软银中国"
    text, words = segmented(("小米", "nz", 9), ("中国", "ns", 9), ("销量", "n", 9))
    assert with_region(model(text, "小米", "org"), words, text).text == "小米"
    assert ("软银中国", "org") in spans(find_mentions("本轮由软银中国领投。", REGISTRY))


def test_descriptions_are_not_organisations():
    text = "某生物科技公司和一家芯片公司"
    assert is_generic(model(text, "生物科技公司", "org"), text)
    assert is_generic(model(text, "芯片公司", "org"), text)
    assert not is_generic(model("由蚂蚁集团领投", "蚂蚁集团", "org"), "由蚂蚁集团领投")


def test_a_description_keeps_the_place_it_starts_with():
    text, words = segmented(("跟", "p", 9), ("一家", "m", 9), ("日本", "ns", 9000), ("游戏", "n", 900),
                            ("公司", "n", 45604), ("谈", "v", 9))
    assert spans(refine([model(text, "日本游戏公司", "org")], words, text, [], DICTIONARY)) == [("日本", "place")]


def test_a_name_like_word_before_organisation_heads_is_an_organisation():
    text, words = segmented(("由", "p", 9), ("君联", "nz", None), ("资本", "n", 14732), ("领投", "v", 9),
                            ("，", "x", None), ("芯片", "n", 1031), ("公司", "n", 45604), ("苏州", "ns", 2000),
                            ("半导体", "n", 866))
    assert spans(headed_organisations(words, text)) == [("君联资本", "org")]


def test_a_name_prefix_joins_the_organisation_and_makes_a_registered_name_another_one():
    text = "國立清華大學的團隊"
    assert with_prefix(model(text, "清華大學", "org"), text).text == "國立清華大學"
    assert ("國立清華大學", "org") in spans(find_mentions(text, REGISTRY))
    assert ("清華大學", "org") in spans(find_mentions("清華大學的團隊", REGISTRY))


def test_latin_names_are_typed_by_evidence():
    text = "Ali Ghodsi说，前Oracle高管Kenji Watanabe看好Supermicro和Dell，Altman说Zaptec很好。"
    assert spans(latin_names(text)) == [("Ali Ghodsi", "person"), ("Oracle", "org"),
                                        ("Kenji Watanabe", "person"), ("Supermicro", "org"), ("Dell", "org"),
                                        ("Altman", "person"), ("Zaptec", "org")]
    assert spans(latin_names("我们和Scale Labs合作")) == [("Scale Labs", "org")]


def test_a_latin_name_with_a_legal_form_is_one_organisation():
    text = "合同由Castellane Vini S.r.l.和Norrland Fisk AB签署，Brightwater Farms LLC, Heidegger Mühle GmbH也在场"
    assert spans(latin_names(text)) == [("Castellane Vini S.r.l.", "org"), ("Norrland Fisk AB", "org"),
                                        ("Brightwater Farms LLC", "org"), ("Heidegger Mühle GmbH", "org")]
    assert spans(latin_names("Lucas Fontaine说，AB两组都通过了")) == [("Lucas Fontaine", "person")]  # AB alone: no form


def test_a_latin_name_of_several_words_is_a_person_only_with_person_evidence():
    text = "由Keystone Ridge领投，科学家Ines Carvalho加入，Marta de Vries看好Rigetti、Pasqal和Oxford Ionics。"
    assert spans(latin_names(text)) == [("Keystone Ridge", "org"), ("Ines Carvalho", "person"),
                                            ("Marta de Vries", "person"), ("Rigetti", "org"), ("Pasqal", "org"),
                                            ("Oxford Ionics", "org")]
    assert spans(latin_names("Jensen Huang去年來台北")) == [("Jensen Huang", "person")]  # a Mandarin surname
    assert spans(latin_names("她在Delft University of Technology任教")) == [
        ("Delft University of Technology", "org")]


def test_an_institution_after_its_place_or_ministry_is_one_organisation():
    text, words = segmented(("江苏省", "ns", 900), ("战略性", "n", 9), ("新兴产业", "nt", 9), ("母", "n", 9),
                            ("基金", "n", 9), ("近日", "t", 9))
    assert spans(institutions(words, text)) == [("江苏省战略性新兴产业母基金", "org")]
    text, words = segmented(("将", "d", 9), ("与", "p", 9), ("经济部", "n", 9), ("能源", "n", 9), ("署", "ng", 9))
    assert spans(institutions(words, text)) == [("经济部能源署", "org")]
    text, words = segmented(("澳门", "ns", 900), ("基金", "n", 9), ("资助", "v", 9))
    assert institutions(words, text) == []  # no noun between the place and the head
    text, words = segmented(("欧洲", "ns", 900), ("对冲", "vn", 9), ("基金", "n", 9))
    assert institutions(words, text) == []  # one noun after a bare place: a description
    text, words = segmented(("浙江省", "ns", 900), ("科学技术", "n", 9), ("厅", "n", 9))
    assert spans(institutions(words, text)) == [("浙江省科学技术厅", "org")]
    text, words = segmented(("一家", "m", 9), ("上海", "ns", 900), ("医疗", "n", 9), ("基金", "n", 9))
    assert institutions(words, text) == []  # a description


def test_a_determiner_word_inside_an_organisation_span_makes_it_a_description():
    text, words = segmented(("从", "p", 9), ("一家", "m", 9), ("发布", "v", 9))
    assert refine([model(text, "从一家", "org")], words, text, [], DICTIONARY) == []


def test_a_place_with_a_sites_nouns_is_that_site_a_place():
    text, words = segmented(("设在", "v", 9), ("台南", "ns", 900), ("科学园区", "n", 9), ("旁", "f", 9))
    assert spans([with_site(model(text, "台南", "place"), words, text)]) == [("台南科学园区", "place")]
    assert spans([with_site(model(text, "台南科学园区", "org"), words, text)]) == [("台南科学园区", "place")]
    text, words = segmented(("香港", "ns", 900), ("科技园", "n", 9), ("公司", "n", 9))
    assert spans([with_site(model(text, "香港科技园公司", "org"), words, text)]) == [("香港科技园公司", "org")]


def test_fields_joined_inside_one_name_are_not_a_list():
    text, words = segmented(("澳门", "ns", 9), ("科技", "n", 9), ("大学", "n", 9), ("材料科学", "n", 9),
                            ("与", "p", 9), ("工程学院", "n", 9))
    assert spans(split_lists(model(text, text, "org"), words, text)) == [(text, "org")]
    text, words = segmented(("清华大学", "nt", 9), ("与", "p", 9), ("工研院", "j", 9))
    assert spans(split_lists(model(text, text, "org"), words, text)) == [("清华大学", "org"), ("工研院", "org")]


def test_a_company_keeps_its_legal_form_and_seat():
    text = "名为启衡生物科技（南京）有限公司的企业"
    assert with_legal_form(model(text, "启衡生物科技", "org"), text).text == "启衡生物科技（南京）有限公司"
    assert legal_form_start("启衡生物科技（南京）有限公司") == len("启衡生物科技")
    found = spans(find_mentions("这家名为启衡生物科技（南京）有限公司的企业", REGISTRY))
    assert ("启衡生物科技（南京）有限公司", "org") in found  # the registry's 南京 is the seat, inside the name


def test_a_verb_phrase_is_no_place():
    text, words = segmented(("看到", "v", 9), ("堆", "v", 9), ("成山", "ns", 48), ("的", "uj", 9))
    assert refine([model(text, "堆成山", "place")], words, text, [], DICTIONARY) == []


def test_new_documents_get_the_corrected_names():
    found = spans(find_mentions("总部位于苏州的芯擎半导体完成融资，由君联资本领投，某生物科技公司跟投。", REGISTRY))
    assert ("芯擎半导体", "org") in found and ("君联资本", "org") in found
    assert not [name for name, kind in found if "生物科技" in name]


def test_people_named_only_in_a_credit_are_not_mentions():
    for credit in ("作者：邝永康　责任编辑：祁雨桐", "（责任编辑：祁雨桐　校对：司马晴）",
                   "撰文：俞品妍　｜　攝影：柯建廷", "编辑｜冉俊杰　责编｜甘露　图源｜网络", "文／俞品妍　攝影／柯建廷",
                   "（记者 阚文博　通讯员 井雨萱）"):
        assert [name for name, kind in spans(find_mentions(credit, REGISTRY)) if kind == "person"] == [], credit
    listed = "文／俞品妍、柯建廷"
    assert without_credits([model(listed, "俞品妍", "person"), model(listed, "柯建廷", "person")], listed) == []
    assert without_credits([model("柯建廷 摄", "柯建廷", "person")], "柯建廷 摄") == []


def test_a_role_without_a_separator_is_no_credit():
    assert ("李明远", "person") in spans(find_mentions("记者李明远说，工厂下月投产。", REGISTRY))
    guest = spans(find_mentions("本期嘉宾：卜诗涵（衣循环创始人）｜文字整理：冉俊杰", REGISTRY))
    assert ("卜诗涵", "person") in guest and ("冉俊杰", "person") not in guest


def test_a_model_person_is_typed_by_the_evidence_around_it():
    text, words = segmented(("宜兰", "ns", 90), ("和", "c", 9), ("花莲", "nr", 9), ("的", "uj", 9), ("风雨", "n", 9))
    assert spans(typed_by_evidence(model(text, "花莲", "person"), words, text)) == [("花莲", "place")]  # CC-CEDICT
    text, words = segmented(("杭州", "ns", 900), ("翼", "ng", 9), ("飞", "v", 9), ("和", "c", 9))
    assert spans(typed_by_evidence(model(text, "翼飞", "person"), words, text)) == [("杭州翼飞", "org")]
    text, words = segmented(("耘", "vg", 9), ("拓", "nr", 9), ("发布", "v", 9), ("的", "uj", 9))
    assert spans(typed_by_evidence(model(text, "耘拓", "person"), words, text)) == [("耘拓", "org")]
    text, words = segmented(("耘", "vg", 9), ("拓", "nr", 9), ("也", "d", 9))
    assert typed_by_evidence(model(text, "耘拓", "person"), words, text) == []  # no surname, no evidence
    text, words = segmented(("奥特曼", "nr", 9), ("的", "uj", 9), ("公司", "n", 9))
    assert spans(typed_by_evidence(model(text, "奥特曼", "person"), words, text)) == [("奥特曼", "person")]
    text, words = segmented(("台风", "ns", 9), ("海葵", "n", 9), ("逼近", "v", 9))
    assert typed_by_evidence(model(text, "海葵", "person"), words, text) == []  # a common word (sea anemone)
    text, words = segmented(("鲍", "nr", 9), ("志远", "nrfg", 9), ("说", "v", 9))
    assert spans(typed_by_evidence(model(text, "鲍志远", "person"), words, text)) == [("鲍志远", "person")]
    text, words = segmented(("以南", "f", 9), ("山区", "ns", 9), ("雨量", "n", 9))
    assert typed_by_evidence(model(text, "山区", "place"), words, text) == []
    assert ("小夏", "person") in spans(find_mentions("我是编辑小夏，为大家解答。", REGISTRY))  # a familiar form


def test_a_companys_region_before_a_role_is_no_name():
    found = spans(find_mentions("供应商的亚洲区负责人说，华东区总经理也来了，海淀区的学校开学了。", REGISTRY))
    assert not [name for name, _ in found if name in ("亚洲区", "华东区")]
    assert ("海淀区", "place") in found


def test_a_surname_the_model_cut_off_joins_the_name():
    text, words = segmented(("创办人", "n", 9), ("区颂", "nrfg", None), ("琛", "g", 9), ("曾", "d", 9))
    assert spans(typed_by_evidence(model(text, "颂琛", "person"), words, text)) == [("区颂琛", "person")]
    text, words = segmented(("他们", "r", 9), ("和颂", "nz", None), ("琛", "g", 9), ("说", "v", 9))
    assert spans(typed_by_evidence(model(text, "颂琛", "person"), words, text)) == [("颂琛", "person")]


def test_a_name_after_a_class_noun_is_a_brand():
    for text, brand in (("深圳品牌雲鯨上月在吉隆坡開店", "雲鯨"), ("另一家中国品牌浅焙今年开了三家店", "浅焙"),
                        ("农业机器人企业禾匠完成融资", "禾匠")):
        assert (brand, "org") in spans(find_mentions(text, REGISTRY)), text
    text = "品牌方会让公司计划在新品牌可以推出"
    assert brands(words(text, REGISTRY), text, {"会": 92091, "让": 50310, "方": 40000}) == []


def test_places_the_model_missed_come_from_the_dictionary():
    assert ("屏東", "place") in spans(find_mentions("颱風今晚將從屏東南方海面通過", REGISTRY))
    text = "嘉宾和台风"
    assert dictionary_places(words(text, REGISTRY), text, []) == []  # common words jieba tags as places


def test_latin_names_take_any_latin_letter_and_places_come_from_the_dictionary():
    text = "波兰顾问Łukasz Wiśniewski表示，他曾在Gdańsk和Rotterdam工作，Maison Lefèvre也来了。"
    assert spans(latin_names(text)) == [("Łukasz Wiśniewski", "person"), ("Gdańsk", "place"),
                                        ("Rotterdam", "place"), ("Maison Lefèvre", "org")]


def test_a_latin_name_after_a_description_is_apart_from_it():
    found = spans(find_mentions("挪威渡轮公司Fjordlink向广州的一家船厂订购了渡轮", REGISTRY))
    assert ("Fjordlink", "org") in found and ("挪威", "place") in found
    assert not [name for name, _ in found if "公司" in name]


SYLLABLES = st.sampled_from(["张", "明", "和", "资本", "大学", "科技", "公司", "国立", "苏州", "的", "说",
                             "表示", "某", "一家", "与", "Ali ", "Ghodsi", "Dell", "高管", "，", "。",
                             "江苏省", "能源", "基金", "（南京）", "有限公司", "科学园区", "Keystone Ridge",
                             " van der ", "Huang", "作者：", "　编辑｜", "文／", " 摄", "品牌", "企业", "宜蘭",
                             "屏東", "翼飞", "发布", "Łukasz Wiśniewski", "Gdańsk", "渡轮公司", "小夏", "海葵"])


@settings(max_examples=60, deadline=None)
@given(st.lists(SYLLABLES, min_size=1, max_size=20).map("".join))
def test_corrected_mentions_are_spans_of_the_text_and_stable(text):
    mentions = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text and m.end > m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert find_mentions(text, REGISTRY) == mentions


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["英业达", "投资方", "红杉", "大学", "毕业", "和蔚来", "某", "的"]),
                          st.sampled_from(["n", "nt", "nr", "v"])), min_size=1, max_size=8),
       st.data())
def test_snapping_is_idempotent_and_stays_in_the_text(pieces, data):
    text, words = segmented(*[(piece, tag, DICTIONARY.get(piece)) for piece, tag in pieces])
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    snapped = snap(Mention(start, end, text[start:end], "org", source="ner"), words, text, DICTIONARY)
    if snapped is not None:
        assert text[snapped.start:snapped.end] == snapped.text
        assert snap(snapped, words, text, DICTIONARY) == snapped


@settings(max_examples=40, deadline=None)
@given(st.lists(SYLLABLES, min_size=1, max_size=12).map("".join))
def test_only_dictionary_words_have_a_frequency(text):
    # jieba's dictionary holds every word's prefixes with frequency 0: those must read as unknown words
    found = words(text, REGISTRY)
    assert "".join(w.text for w in found) == model_input(text)  # jieba reads a traditional text's simplified form
    assert all(w.frequency is None or w.frequency > 0 for w in found)


CREDIT_PIECES = st.sampled_from(["作者", "编辑", "文", "记者", "：", "｜", "／", " ", "　", "、", "摄", "说", "俞品妍",
                                 "柯建廷", "（", "）", "耘拓", "发布"])


@settings(max_examples=80, deadline=None)
@given(st.lists(CREDIT_PIECES, min_size=1, max_size=12).map("".join))
def test_credits_and_evidence_keep_spans_of_the_text_and_are_idempotent(text):
    people = [Mention(m.start(), m.end(), m.group(), "person", source="ner")
              for m in re.finditer("俞品妍|柯建廷|耘拓", text)]
    kept = without_credits(people, text)
    assert without_credits(kept, text) == kept and all(m in people for m in kept)
    found = words(text, REGISTRY)
    for person in people:
        for typed in typed_by_evidence(person, found, text):
            assert text[typed.start:typed.end] == typed.text and typed.start <= person.start
            assert typed_by_evidence(typed, found, text) == [typed]
