"""Organisation names on new documents: official names, departments, role typing, names known over a document
(corpus/annotate/org_spans.py).  The sentences are written for these tests, apart from the dev captures."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import annotate, find_mentions, load_registry
from corpus.annotate.mentions import dictionary, words
from corpus.annotate.org_spans import (known_names, names_a_people, official_names, typed_by_role, with_investor_head,
                                       with_place_before, with_split_heads, without_funding_verb,
                                       without_glued_preposition, without_run_on)
from corpus.model import Document, Mention, Paragraph, Sentence

REGISTRY = load_registry()


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions]


def names(text: str) -> list[str]:
    return [m.text for m in official_names(words(text, REGISTRY), text, [], dictionary(REGISTRY))]


def model(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, source="ner")


def test_a_body_joining_two_fields_is_one_name():
    assert "江西省工业和信息化厅" in names("记者从江西省工业和信息化厅获悉，新政策下月实施。")
    assert "文化及旅游发展局" in names("文化及旅游发展局昨日公布了新计划。")


def test_a_connective_between_two_bodies_or_places_joins_nothing():
    found = names("环境部与卫生福利部昨日召开联合会议。")
    assert "环境部" in found and "卫生福利部" in found and not [n for n in found if "与" in n]
    assert not [n for n in names("深圳和广州市交通局签署协议。") if "深圳" in n]


def test_a_body_without_a_place_is_a_name():
    assert "投资推广署" in names("该计划由投资推广署负责推行。")
    assert names("署长说，局里同意。") == [] and names("该局表示同意。") == []  # a head alone names no body


def test_modifiers_inside_a_name_and_a_body_the_model_cut_are_found():
    assert "国家先进光源研究中心" in names("数据来自国家先进光源研究中心。")  # an attribute before a noun of the name
    assert names("国家将建设数据中心。") == [] and names("国家近日投资基金。") == []  # not before a verb
    text = "记者从金融管理局获悉。"  # the model reads 金融 alone as an organisation
    assert ("金融管理局", "org") in spans(find_mentions(text, REGISTRY))


def test_an_institution_needs_a_place_a_national_word_or_an_organisation_before_it():
    assert "国家超级计算济南中心" in names("数据将交给国家超级计算济南中心处理。")
    assert names("公司计划在成都设立研发中心。") == []
    assert names("欧洲对冲基金纷纷撤出。") == []  # a bare place takes two words before an institution's head


def test_descriptions_units_and_categories_are_no_names():
    assert names("公司市场部负责人表示销量上升。") == []  # a company's unit
    assert names("他毕业后进入财务部，后来担任技术委员会主任。") == []  # named by a company's functions alone
    assert names("环境部与文化部联合发文。") == ["环境部", "文化部"]  # ministries
    assert "经济部中小及新创企业署" in names("经济部中小及新创企业署今天表示。")  # 企业 is a body's field
    assert names("全市共有67个国家重点实验室。") == []  # a count names a category
    assert names("他在总部工作，形成了新格局。") == []  # 总部, 新格局: no field before the head


def test_glued_prepositions_and_funding_verbs_are_cut_off_an_organisation():
    text = "本轮融资由岚禾资本领投，老股东跟投。"
    glued = Mention(4, 9, "由岚禾资本", "org", source="ner")
    assert without_glued_preposition(glued, words(text, REGISTRY)).text == "岚禾资本"
    led = "由鹭岛高新投领投"
    assert without_funding_verb(model(led, "鹭岛高新投领投", "org"), led).text == "鹭岛高新投"
    assert without_funding_verb(model("获岚禾创投投资", "岚禾创投投资", "org"), "获岚禾创投投资").text == "岚禾创投"
    kept = model("华润医药投资入股", "华润医药投资", "org")  # 投资 after no investor's head: part of the name
    assert without_funding_verb(kept, "华润医药投资入股") == kept


def test_an_organisation_with_field_words_and_an_investors_head_is_one_name():
    text = "由华夏开发资本领投。"
    assert with_investor_head(model(text, "华夏", "org"), words(text, REGISTRY), text).text == "华夏开发资本"
    plain = "华夏银行表示。"
    assert with_investor_head(model(plain, "华夏", "org"), words(plain, REGISTRY), plain).text == "华夏"


def test_a_name_before_an_organisations_role_and_a_person_is_an_organisation():
    text = "澜启微创始人符昊天说，产品已出货。"
    mentions = [model(text, "澜启微", "person"), model(text, "符昊天", "person")]
    assert spans(typed_by_role(mentions, text)) == [("澜启微", "org"), ("符昊天", "person")]
    alone = [model("澜启微说，产品已出货。", "澜启微", "person")]
    assert typed_by_role(alone, "澜启微说，产品已出货。") == alone  # no role, no person after it: unchanged


def test_a_brand_and_names_read_two_ways_are_known_over_the_document():
    first, second = "嵘川航太获得新一轮投资。", "业内人士认为，嵘川的对手不多。"
    sentences = [Sentence("d.p001.s01", "d", 1, 1, first, entities=[model(first, "嵘川航太", "org")]),
                 Sentence("d.p002.s01", "d", 2, 1, second, entities=[model(second, "嵘川", "person")])]
    assert known_names(sentences, dictionary(REGISTRY)) == {"嵘川航太", "嵘川"}
    common = "上海生物获得投资。"  # 上海 is a dictionary word: no brand
    assert known_names([Sentence("e.p001.s01", "e", 1, 1, common, entities=[model(common, "上海生物", "org")])],
                       dictionary(REGISTRY)) == set()


def test_a_known_name_inside_a_longer_organisation_is_left_out():
    text = "嵘川航太科技（南京）有限公司与嵘川航太合作。"
    sentence = Sentence("f.p001.s01", "f", 1, 1, text,
                        entities=[model(text, "嵘川航太科技（南京）有限公司", "org"),
                                  Mention(15, 19, "嵘川航太", "org", source="ner")])
    assert known_names([sentence], dictionary(REGISTRY)) == set()


def test_a_new_document_gets_official_names_through_annotate():
    text = "記者從貴州省工業和信息化廳獲悉，投資推廣署也派員出席。"
    doc = Document(doc_id="org-test", source_file="org-test.txt", cleaned=text,
                   paragraphs=[Paragraph(1, "paragraph", text,
                                         sentences=[Sentence("org-test.p001.s01", "org-test", 1, 1, text)])])
    annotate(doc, REGISTRY)
    found = spans(doc.sentences[0].entities)
    assert ("貴州省工業和信息化廳", "org") in found and ("投資推廣署", "org") in found
    assert all(m.ref and m.ref.startswith("org-test.name.") for m in doc.sentences[0].entities if m.source == "ner")


def test_a_fields_prefix_and_a_verb_of_station_are_inside_an_official_name():
    assert "江西省非物质文化遗产研究院" in names("资料由江西省非物质文化遗产研究院提供。")
    assert "杭州市反电信诈骗中心" in names("杭州市反电信诈骗中心发布了提示。")
    assert "中国驻智利大使馆商务处" in names("中国驻智利大使馆商务处举办了推介会。")
    assert not [n for n in names("他驻守大使馆多年。") if "驻" in n]  # 驻 between no two places


def test_heads_jieba_cuts_in_two_end_a_name():
    assert "宜兰县水产试验所" in names("宜兰县水产试验所公布了新数据。")
    assert any(name.endswith("港口摊商自治会") for name in names("基隆港口摊商自治会成立。"))
    assert names("他所试验的所有方法。") == []  # 所 after a word ends no name of its own


def test_an_association_after_a_bare_place_is_named_by_one_word():
    assert "印华书画协会" in names("印华书画协会举办了年展。")
    assert names("欧洲对冲基金纷纷撤出。") == []  # an institution still takes two


def test_a_description_is_no_name_and_its_place_stays():
    found = spans(find_mentions("项目由杭州一家企业承建。", REGISTRY))
    assert ("杭州", "place") in found and not [name for name, kind in found if "一家" in name]


def test_an_enumeration_of_fields_closed_by_a_connective_is_inside_a_body():
    assert "霹雳交通、能源及水务委员会" in names("霹雳交通、能源及水务委员会昨日开会。")
    assert "卫生部" in names("教育部、卫生部及环境部联合发布指引。")  # a comma after a head joins no bodies
    assert not [n for n in names("教育部、卫生部及环境部联合发布指引。") if "、" in n]


def test_a_body_named_by_common_words_carries_the_place_right_before_it():
    text = "农户把稻米卖给台东稻米产销合作社。"
    place, org = model(text, "台东", "place"), model(text, "稻米产销合作社", "org")
    assert spans(with_place_before([place, org], words(text, REGISTRY), text, dictionary(REGISTRY))) == [
        ("台东稻米产销合作社", "org")]
    text = "她在英国爱丁堡大学读书。"  # an institution named after a place is complete without its country
    place, org = model(text, "英国", "place"), model(text, "爱丁堡大学", "org")
    assert with_place_before([place, org], words(text, REGISTRY), text, dictionary(REGISTRY)) == [place, org]


def test_an_organisation_run_on_into_the_clause_after_its_head_ends_with_the_head():
    text = "鹿港花生合作社获县府补助"
    cut = without_run_on(model(text, text[:-2], "org"), words(text, REGISTRY), text)
    assert cut.text == "鹿港花生合作社"
    assert without_run_on(cut, words(text, REGISTRY), text) == cut


def test_a_people_is_no_organisation():
    text = "村里住着达雅族和客家人。"
    assert names_a_people(model(text, "达雅族", "org"), text)
    assert not names_a_people(model(text, "达雅族", "place"), text)


PIECES = st.sampled_from(["江苏省", "国家", "工业", "和", "信息化", "厅", "局", "署", "部", "环境部", "中心", "基金",
                          "投资", "推广", "与", "公司", "市场", "67个", "大学", "化学系", "，", "。", "\n", "的",
                          "创始人", "张明", "嵘川", "航太", "委员会", "科学", "及", "技术", "由", "领投", "资本",
                          "开发", "创投", "华夏", "、", "合作社", "宜兰", "获", "苗栗", "族"])


@settings(max_examples=80, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=16).map("".join))
def test_official_names_are_spans_of_the_text_and_mentions_stay_stable(text):
    for mention in official_names(words(text, REGISTRY), text, [], dictionary(REGISTRY)):
        assert text[mention.start:mention.end] == mention.text and mention.type == "org"
    mentions = find_mentions(text, REGISTRY)
    assert all(text[m.start:m.end] == m.text and m.end > m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert find_mentions(text, REGISTRY) == mentions


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join), st.data())
def test_role_typing_is_idempotent(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    mention = Mention(start, end, text[start:end], data.draw(st.sampled_from(["org", "person"])), source="ner")
    typed = typed_by_role([mention], text)
    assert typed_by_role(typed, text) == typed


SPLIT = st.sampled_from(["水产", "试验", "所", "自治", "会", "摊商", "农业", "改良场", "场", "站", "的", "。"])


@settings(max_examples=80, deadline=None)
@given(st.lists(SPLIT, min_size=1, max_size=12).map("".join))
def test_joining_split_heads_keeps_the_text_and_is_idempotent(text):
    tokens = words(text, REGISTRY)
    joined = with_split_heads(tokens)
    assert "".join(w.text for w in joined) == "".join(w.text for w in tokens)  # jieba reads simplified: no change
    assert all(a.end == b.start for a, b in zip(joined, joined[1:])) and joined[0].start == 0
    assert with_split_heads(joined) == joined


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join), st.data())
def test_joining_a_place_and_cutting_a_run_on_keep_spans_of_the_text_and_are_idempotent(text, data):
    tokens, known = words(text, REGISTRY), dictionary(REGISTRY)
    cut = data.draw(st.integers(1, len(text))) if len(text) > 1 else 1
    mentions = [Mention(0, cut, text[:cut], "place", source="ner")]
    if cut < len(text):
        mentions.append(Mention(cut, len(text), text[cut:], "org", source="ner"))
    joined = with_place_before(mentions, tokens, text, known)
    assert all(text[m.start:m.end] == m.text for m in joined)
    assert "".join(m.text for m in joined) == text  # no text lost: adjacent spans join, nothing is dropped
    assert with_place_before(joined, tokens, text, known) == joined
    for mention in mentions:
        trimmed = without_run_on(mention, tokens, text)
        assert text[trimmed.start:trimmed.end] == trimmed.text and trimmed.start == mention.start
        assert without_run_on(trimmed, tokens, text) == trimmed
