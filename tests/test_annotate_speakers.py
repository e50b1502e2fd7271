"""Speakers: interview turns from curated labels, quotations attributed in narrative."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.annotate import annotate
from corpus.annotate.evaluation import (Score, exact_match, overlap_match, parse_gold_line, read_gold, gold_files,
                                        score)
from corpus.ingest.metadata import extract_metadata
from corpus.registry import load_registry
from corpus.annotate.speakers import assign_speakers, find_quotations
from corpus.model import Document, Edit, Mention, Paragraph, Sentence
from corpus.segment import split_sentences


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def paragraph(index, kind, text, label=None, pieces=None):
    """A paragraph cut into sentences by the segmenter, or at the given ``pieces``."""
    sentences, start = [], 0
    for number, piece in enumerate(pieces or split_sentences(text)):
        sentences.append(Sentence(id=f"t.p{index:03d}.s{number:02d}", doc_id="t", paragraph=index, index=number,
                                  zh=piece, start=start))
        start += len(piece)
    return Paragraph(index=index, kind=kind, text=text, speaker_label=label, sentences=sentences)


def roles(doc):
    return [[(s.speaker, s.speaker_role) for s in p.sentences] for p in doc.paragraphs]


def test_turns_quotes_and_narrative(registry):
    doc = Document(
        doc_id="t",
        source_file="t.txt",
        paragraphs=[
            paragraph(0, "title", "瘋狂的幻方"),
            paragraph(
                1,
                "paragraph",
                "各種艱難之下，創始人梁文鋒告訴我們：“關鍵是我們想做這件事。能做這件事。”幻方很樂觀。",
                pieces=["各種艱難之下，創始人梁文鋒告訴我們：“關鍵是我們想做這件事。", "能做這件事。”", "幻方很樂觀。"],
            ),
            paragraph(2, "turn", "前不久，幻方發公告。為什麼？", label="「暗涌」"),
            paragraph(3, "turn", "我們做大模型。", label="梁文鋒"),
            paragraph(4, "paragraph", "「慌什么。」张宏江淡淡地答。"),
            paragraph(5, "paragraph", "李沐，江湖人称“沐神”。张宏江被业界称为领域的“开山鼻祖”。"),
        ],
    )
    assign_speakers(doc, registry)
    quoted = ("liang-wenfeng", "quoted")
    assert roles(doc) == [
        [(None, None)],
        [quoted, quoted, (None, None)],  # the quotation spans two sentences; the last is narrative
        [("anyong", "interviewer"), ("anyong", "interviewer")],
        [("liang-wenfeng", "interviewee")],
        [("zhang-hongjiang", "quoted"), (None, None)],  # 「慌什么。」 | 张宏江淡淡地答。
        [(None, None), (None, None)],  # a nickname and a passive description are not speech
    ]
    assert quoted_words(doc) == [
        [[]],
        [["“關鍵是我們想做這件事。"], ["能做這件事。”"], []],  # each sentence holds its part of the quotation
        [[], []],
        [[]],
        [["「慌什么。」"], []],
        [[], []],
    ]


def quoted_words(doc):
    return [[[s.zh[start:end] for start, end in s.quote_spans] for s in p.sentences] for p in doc.paragraphs]


def test_a_sentence_holding_two_quotations_marks_each_and_not_the_words_between(registry):
    doc = Document(
        doc_id="t",
        source_file="t.txt",
        paragraphs=[
            paragraph(
                0,
                "paragraph",
                "“想法不重要。”“創業更復雜。”，李沐曾談到。",
                pieces=["“想法不重要。”“創業更復雜。”，李沐曾談到。"],
            )
        ],
    )
    assign_speakers(doc, registry)
    assert roles(doc) == [[("li-mu", "quoted")]]
    assert quoted_words(doc) == [[["“想法不重要。”", "“創業更復雜。”"]]]


def test_a_sentence_quoting_two_people_keeps_the_spans_of_its_speaker(registry):
    doc = Document(doc_id="t", source_file="t.txt", paragraphs=[
        paragraph(0, "paragraph", "李沐說：“開源。”梁文鋒說：“閉源。”", pieces=["李沐說：“開源。”梁文鋒說：“閉源。”"])])
    assign_speakers(doc, registry)
    assert roles(doc) == [[("liang-wenfeng", "quoted")]]
    assert quoted_words(doc) == [[["“閉源。”"]]]


def test_assigning_again_clears_stale_speakers(registry):
    doc = Document(doc_id="t", source_file="t.txt", paragraphs=[paragraph(0, "paragraph", "北京很大。")])
    doc.paragraphs[0].sentences[0].speaker, doc.paragraphs[0].sentences[0].speaker_role = "x", "quoted"
    doc.paragraphs[0].sentences[0].quote_spans = [(0, 2)]
    assign_speakers(doc, registry)
    assert roles(doc) == [[(None, None)]] and quoted_words(doc) == [[[]]]


def test_an_unknown_label_known_to_the_aliases_gets_a_speaker_but_no_role(registry):
    doc = Document(doc_id="t", source_file="t.txt", paragraphs=[paragraph(0, "turn", "是的。", label="李开复")])
    assign_speakers(doc, registry)
    assert roles(doc) == [[("kai-fu-lee", None)]]


def interview(*turns):
    return Document(doc_id="t", source_file="t.txt", paragraphs=[
        paragraph(index, "turn", text, label=label) for index, (label, text) in enumerate(turns)])


@pytest.mark.parametrize("asking, speaker", [
    # a generic label names no one (and this document has no dateline naming its outlet)
    ("记者", None), ("記者", None), ("主持人", None), ("采访者", None), ("問", None),
    # an unregistered outlet in brackets gets a document-scoped id
    ("《智能周刊》", "t.name.zhi-neng-zhou-kan"), ("「科創週刊」", "t.name.ke-chuang-zhou-kan"),
    ("**《智能周刊》**", "t.name.zhi-neng-zhou-kan"),
])
def test_a_label_naming_the_interviewer_side_asks_without_a_registry_id(registry, asking, speaker):
    doc = interview((asking, "你为什么再次创业？"), ("李飞扬", "因为时机到了。"), (asking, "下一步呢？"),
                    ("王小川", "做医疗。"))
    assign_speakers(doc, registry)
    # the unregistered person answering gets a document-scoped id from the name's pinyin
    assert roles(doc) == [[(speaker, "interviewer")], [("t.name.li-feiyang", "interviewee")],
                          [(speaker, "interviewer")], [("wang-xiaochuan", "interviewee")]]


def test_question_and_answer_labels(registry):
    doc = interview(("问", "公司什么时候盈利？"), ("答", "我们预计2025年。"))
    assign_speakers(doc, registry)
    assert roles(doc) == [[(None, "interviewer")], [(None, "interviewee")]]


def test_curated_voices_keep_their_ids_and_roles(registry):
    doc = interview(("「暗涌」", "需要多少钱？"), ("梁文鋒", "很多。"), ("記者", "為什么？"), ("张宏江", "是的。"))
    assign_speakers(doc, registry)
    assert roles(doc) == [[("anyong", "interviewer")], [("liang-wenfeng", "interviewee")],
                          [(None, "interviewer")], [("zhang-hongjiang", "interviewee")]]


@pytest.mark.parametrize("turns, expected", [
    # no interviewer in the document: a person's label is a speaker without a role
    ([("王小川", "是的。"), ("李飞扬", "不是。")], [[("wang-xiaochuan", None)], [(None, None)]]),
    # an organisation, or a label that is not a name, answering the interviewer is not an interviewee
    ([("记者", "为什么？"), ("百度", "因为时机到了。")], [[(None, "interviewer")], [("baidu", None)]]),
    ([("记者", "为什么？"), ("原因很简单", "因为时机到了。")], [[(None, "interviewer")], [(None, None)]]),
])
def test_only_a_person_answering_an_interviewer_is_an_interviewee(registry, turns, expected):
    doc = interview(*turns)
    assign_speakers(doc, registry)
    assert roles(doc) == expected


def test_role_labels_are_validated():
    from corpus.registry import validate

    problems = validate(
        {"entities": [], "role_labels": {"asker": ["记者"], "interviewer": ["问"], "interviewee": ["「问」"]}}
    )
    # a label added by a registry file is checked against the language's own (记者 asks there)
    assert problems == ["role_labels: role 'asker' is not one of ['interviewee', 'interviewer']",
                        "role_labels: '记者' is listed under ['asker', 'interviewer']",
                        "role_labels: '问' is listed under ['interviewee', 'interviewer']"]
    assert load_registry().label_role("「記者」") == "interviewer"


def test_a_short_interview_gets_its_roles_end_to_end(registry, tmp_path):
    from corpus import pipeline
    (tmp_path / "900_short.txt").write_text(
        "专访王小川:搜索之后是大模型\n\n记者:你为什么再次创业?王小川:因为大模型是一个新的时代。\n\n"
        "记者:你怎么看OpenAI?\n\n王小川:它定义了这个行业。\n", encoding="utf-8")
    (doc,) = pipeline.prepare(tmp_path)
    annotate(doc, registry)
    turns = [p for p in doc.paragraphs if p.kind == "turn"]
    assert [(p.speaker_label, p.sentences[0].speaker, p.sentences[0].speaker_role) for p in turns] == [
        ("记者", None, "interviewer"), ("王小川", "wang-xiaochuan", "interviewee")] * 2


def test_adjacent_quotations_share_the_speaker_named_after_them(registry):
    quotes = find_quotations("“在學術界，想法不重要。”“而創業更復雜。”，李沐曾談到。", registry)
    assert [q.speaker for q in quotes] == ["li-mu", "li-mu"]


def test_a_second_quotation_in_the_same_sentence_keeps_its_speaker(registry):
    quotes = find_quotations("清華教授唐杰高呼“打破壟斷”，堅決選擇GLM路徑，并公開表態：“如果成功了。”", registry)
    assert [q.speaker for q in quotes] == ["tang-jie", "tang-jie"]


def test_the_real_interviews_get_their_voices(registry, prepared_docs):
    for doc_id, outlet, person in [("geekpark-zhang-hongjiang", "geekpark", "zhang-hongjiang"),
                                   ("high-flyer-deepseek", "anyong", "liang-wenfeng")]:
        doc = prepared_docs[doc_id]
        annotate(doc, registry)
        turns = [s for p in doc.paragraphs if p.kind == "turn" for s in p.sentences]
        assert {(s.speaker, s.speaker_role) for s in turns} == {(outlet, "interviewer"), (person, "interviewee")}
        narrative = [s for p in doc.paragraphs if p.kind != "turn" for s in p.sentences]
        assert {s.speaker_role for s in narrative} <= {None, "quoted"}
        assert any(m.ref == person for s in doc.sentences for m in s.entities)


@pytest.mark.parametrize("doc_id, words, frame, speaker, quote", [
    ("shenwang-zhang-hongjiang", "不能是为了出几篇文章", "在接受《深网》专访时，张宏江称", "zhang-hongjiang",
     "“不能是为了出几篇文章”"),
    ("high-flyer-deepseek", "梁文鋒告訴我們", "各種艱難之下,幻方卻很樂觀,創始人梁文鋒告訴我們:", "liang-wenfeng",
     "“關鍵是我們想做這件事,能做這件事,那我們就是最合適的人選之一。”"),
])
def test_a_quotation_in_a_real_seed_is_marked_apart_from_its_narrative_frame(
        registry, prepared_docs, doc_id, words, frame, speaker, quote):
    doc = prepared_docs[doc_id]
    annotate(doc, registry)
    (framed,) = [s for s in doc.sentences if words in s.zh]
    assert framed.zh.startswith(frame)
    assert (framed.speaker, framed.speaker_role) == (speaker, "quoted")
    assert [framed.zh[start:end] for start, end in framed.quote_spans] == [quote]


# Gold files and scoring (corpus.annotate.evaluation).

def test_gold_files_parse_to_offsets_that_slice_their_text():
    for path in gold_files():
        for sentence in read_gold(path):
            assert sentence.mentions or "⟦" not in sentence.text
            for mention in sentence.mentions:
                assert sentence.text[mention.start:mention.end] == mention.text


@given(st.lists(st.tuples(st.text(alphabet="北京的人年月", max_size=4),
                          st.text(alphabet="张宏江2023", min_size=1, max_size=4),
                          st.sampled_from(["person", "date"])), max_size=5))
def test_gold_markup_round_trips(pieces):
    line = "".join(f"{before}⟦{name}|{kind}⟧" for before, name, kind in pieces)
    sentence = parse_gold_line(line)
    assert sentence.text == "".join(before + name for before, name, _ in pieces)
    assert [(m.text, m.type) for m in sentence.mentions] == [(name, kind) for _, name, kind in pieces]


def test_scores_count_each_mention_once():
    gold = [Mention(0, 2, "北京", "place"), Mention(3, 5, "上海", "place")]
    predicted = [Mention(0, 2, "北京", "place"), Mention(0, 2, "北京", "place"), Mention(3, 4, "上", "place")]
    assert score([(gold, predicted)], exact_match) == Score(1, 3, 2)
    assert score([(gold, predicted)], overlap_match) == Score(2, 3, 2)
    assert score([(gold, predicted)]).f1 == pytest.approx(0.4)


def unregistered_interview(doc_id, title, turns, outlet=None):
    paragraphs = [paragraph(0, "title", title)]
    for index, (label, text) in enumerate(turns, 1):
        paragraphs.append(paragraph(index, "turn", text, label=label))
    for p in paragraphs:
        for s in p.sentences:
            s.id, s.doc_id = s.id.replace("t.", f"{doc_id}.", 1), doc_id
    return Document(doc_id=doc_id, source_file=f"{doc_id}.txt", paragraphs=paragraphs,
                    metadata={"outlet": outlet} if outlet else {})


def test_unregistered_outlet_in_the_dateline_asks_and_the_titles_person_answers(registry):
    turns = [("未来科技周刊", "你为什么创业?"), ("孔令辉", "因为我想做自己的工具。"),
             ("未来科技周刊", "下一步呢?"), ("孔令辉", "出海。")]
    doc = unregistered_interview("iv", "对话孔令辉:芯片设计的下一步", turns, outlet="未来科技周刊")
    annotate(doc, registry)
    asks, answers = ("iv.name.wei-lai-ke-ji-zhou-kan", "interviewer"), ("iv.name.kong-linghui", "interviewee")
    assert roles(doc)[1:] == [[asks], [answers], [asks], [answers]]
    assert doc.names["iv.name.wei-lai-ke-ji-zhou-kan"] == ("未来科技周刊", "org")
    assert doc.names["iv.name.kong-linghui"] == ("孔令辉", "person")


def test_generic_labels_speak_for_the_sides_the_document_names(registry):
    turns = [("Q", "為什麼離開?"), ("A", "我想創業。"), ("記者", "然後呢?"), ("答", "繼續做。")]
    doc = unregistered_interview("qa", "專訪林雅婷:晶片人才", turns, outlet="科創日報")
    annotate(doc, registry)
    asks, answers = ("qa.name.ke-chuang-ri-bao", "interviewer"), ("qa.name.lin-yating", "interviewee")
    assert roles(doc)[1:] == [[asks], [answers], [asks], [answers]]


def test_a_registered_outlet_in_the_dateline_keeps_its_registry_id(registry):
    turns = [("记者", "你好?"), ("孔令辉", "你好。")]
    doc = unregistered_interview("geek", "对话孔令辉:下一步", turns, outlet="极客公园")
    annotate(doc, registry)
    assert roles(doc)[1:] == [[("geekpark", "interviewer")], [("geek.name.kong-linghui", "interviewee")]]
    assert "geekpark" not in doc.names


def test_without_a_dateline_or_title_a_generic_label_has_a_role_but_no_invented_speaker(registry):
    doc = unregistered_interview("bare", "芯片的下一步", [("记者", "你好?"), ("受访者", "你好。")])
    annotate(doc, registry)
    assert roles(doc)[1:] == [[(None, "interviewer")], [(None, "interviewee")]]


def interview_with_lead(doc_id, title, lead, turns, metadata=None):
    """An interview whose text above the turns is a title and one lead paragraph."""
    doc = unregistered_interview(doc_id, title, turns)
    doc.paragraphs.insert(1, paragraph(1, "paragraph", lead))
    for index, p in enumerate(doc.paragraphs):
        p.index = index
        for s in p.sentences:
            s.paragraph, s.doc_id = index, doc_id
            s.id = f"{doc_id}.p{index:03d}.s{s.index:02d}"
    doc.metadata = metadata or {}
    return doc


def test_a_surname_label_speaks_for_the_one_person_of_the_document_with_that_surname(registry):
    turns = [("记者", "您第一次上船是哪一年?"), ("汤", "一九九三年。"), ("记者", "退休以后呢?"), ("汤", "回老家。")]
    doc = interview_with_lead("sn", "一位老船长眼里的长江", "汤敬之在长江上开了三十一年货船。", turns,
                              {"outlet": "江城晚报"})
    annotate(doc, registry)
    asks, answers = ("sn.name.jiang-cheng-wan-bao", "interviewer"), ("sn.name.tang-jingzhi", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]
    assert doc.names["sn.name.tang-jingzhi"] == ("汤敬之", "person")


def test_a_surname_two_people_of_the_document_share_resolves_to_no_one(registry):
    turns = [("记者", "您第一次上船是哪一年?"), ("汤", "一九九三年。"), ("记者", "退休以后呢?"), ("汤", "回老家。")]
    doc = interview_with_lead("sn", "一位老船长眼里的长江", "汤敬之和他的弟弟汤敬民在长江上开了三十一年货船。", turns,
                              {"outlet": "江城晚报"})
    annotate(doc, registry)
    assert {s.speaker for p in doc.paragraphs if p.speaker_label == "汤" for s in p.sentences} == {None}


def test_the_reporter_the_byline_names_asks_and_the_person_answering_is_the_interviewee(registry):
    turns = [("苏曼", "关店的时候难受吗?"), ("冯家栋", "难受。"), ("苏曼", "还会再开吗?"), ("冯家栋", "会。")]
    doc = interview_with_lead("rp", "县城奶茶店的十年", "冯家栋在赣州开了十年奶茶店。", turns,
                              {"outlet": "小城观察", "authors": ["苏曼"]})
    annotate(doc, registry)
    asks, answers = ("rp.name.su-man", "interviewer"), ("rp.name.feng-jiadong", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]
    assert doc.names["rp.name.su-man"] == ("苏曼", "person")


@pytest.mark.parametrize("host, guest", [("主持人", "嘉宾"), ("主持人", "嘉賓")])
def test_podcast_labels_speak_for_the_outlet_and_the_guest_the_lead_names(registry, host, guest):
    turns = [(host, "你们一天能下线多少电芯?"), (guest, "大概八万颗。"), (host, "为什么不开满?"), (guest, "订单不够。")]
    doc = interview_with_lead("pc", "播客|听见制造 第27期", "本期嘉宾是深蓝储能的联合创始人郑思远,他在合肥管一座工厂。",
                              turns, {"outlet": "听见制造"})
    annotate(doc, registry)
    asks, answers = ("pc.name.ting-jian-zhi-zao", "interviewer"), ("pc.name.zheng-siyuan", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


def test_a_guest_label_without_a_lead_cue_has_its_role_and_no_invented_speaker(registry):
    turns = [("主持人", "你们一天能下线多少电芯?"), ("嘉宾", "大概八万颗。")]
    doc = interview_with_lead("pc", "储能工厂里的人", "合肥有很多电芯工厂。", turns)
    annotate(doc, registry)
    assert roles(doc)[2:] == [[(None, "interviewer")], [(None, "interviewee")]]


@pytest.mark.parametrize("label", ["黄总", "黄"])
def test_a_surname_with_an_honorific_speaks_for_the_person(registry, label):
    turns = [("记者", "为什么做芯片?"), (label, "因为便宜。"), ("记者", "然后呢?"), (label, "再看看。")]
    doc = interview_with_lead("hn", "芯片公司的下一步", "黄明远在深圳创办了一家芯片公司。", turns,
                              {"outlet": "芯片周刊"})
    annotate(doc, registry)
    assert [s.speaker for p in doc.paragraphs if p.speaker_label == label for s in p.sentences] == [
        "hn.name.huang-mingyuan"] * 2


def test_a_host_the_lead_names_after_the_role_asks(registry):
    turns = [("李然", "你们一天能下线多少电芯?"), ("郑思远", "大概八万颗。"),
             ("李然", "为什么?"), ("郑思远", "订单不够。")]
    doc = interview_with_lead("ho", "储能工厂里的人", "我是主持人李然,今天和郑思远聊聊电芯工厂。", turns)
    annotate(doc, registry)
    asks, answers = ("ho.name.li-ran", "interviewer"), ("ho.name.zheng-siyuan", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


def test_host_and_guest_named_on_short_lines_above_the_turns(registry):
    turns = [("李然", "你们一天能下线多少电芯?"), ("郑思远", "大概八万颗。"),
             ("李然", "为什么?"), ("郑思远", "订单不够。")]
    doc = interview_with_lead("sl", "储能工厂里的人", "主持人:李然", turns)
    doc.paragraphs.insert(2, paragraph(2, "heading", "嘉宾:郑思远"))
    doc.paragraphs[1].kind = "heading"
    annotate(doc, registry)
    asks, answers = ("sl.name.li-ran", "interviewer"), ("sl.name.zheng-siyuan", "interviewee")
    assert roles(doc)[3:] == [[asks], [answers], [asks], [answers]]


def test_a_latin_letter_label_is_no_ones_surname(registry):
    turns = [("Q", "Why chips?"), ("A", "因为便宜。")]
    # (two people in the lead: neither is the interviewee the lead introduces)
    doc = interview_with_lead("qa", "芯片的下一步", "Alan Turing、林嘉树和黄明远都谈过芯片。", turns)
    annotate(doc, registry)
    assert roles(doc)[2:] == [[(None, "interviewer")], [(None, "interviewee")]]


@pytest.mark.parametrize("title, lead", [
    ("修船廠守到最後一代", "第三代負責人、船廠董事總經理陳柏霖今年四十二歲，喺船廠長大。"),
    ("果园里的传感器", "在江西信丰经营三百亩果园的钟立群，也是当地一家合作社的理事长。"),
    ("東石蚵農的轉型", "漁會總幹事黃振源今年推動蚵殼回收。"),
])
def test_the_one_person_a_lead_names_answers_generic_labels(registry, title, lead):
    turns = [("問", "點解？"), ("答", "因為便宜。")]
    doc = interview_with_lead("sole", title, lead, turns)
    annotate(doc, registry)
    [[asks], [answers]] = roles(doc)[2:]
    assert asks[1] == "interviewer" and answers[1] == "interviewee"
    assert answers[0] is not None and answers[0].startswith("sole.name.")


def test_the_one_person_a_title_names_answers_before_the_lead(registry):
    turns = [("问", "为什么？"), ("答", "因为便宜。")]
    doc = interview_with_lead("sole", "船厂董事总经理陈柏霖谈修船", "他和林嘉树、黄明远一起长大。", turns)
    annotate(doc, registry)
    assert roles(doc)[2:][1] == [("sole.name.chen-bailin", "interviewee")]


@pytest.mark.parametrize("lead", ["今集請來在屏東種咖啡十五年的莊雅筑,聊聊一座農場。",
                                  "這一期我們邀請到了在屏東種咖啡的莊雅筑,聊聊一座農場。",
                                  "我們的嘉賓是在屏東種咖啡的莊雅筑。"])
def test_the_guest_a_lead_introduces_in_other_words_answers(registry, lead):
    turns = [("主持人", "今年收成怎麼樣?"), ("嘉賓", "少了三成。"), ("主持人", "換品種嗎?"), ("嘉賓", "在試。")]
    doc = interview_with_lead("gw", "科技茶水間 EP58", lead, turns, {"outlet": "科技茶水間"})
    annotate(doc, registry)
    assert [s.speaker for p in doc.paragraphs if p.speaker_label == "嘉賓" for s in p.sentences] == [
        "gw.name.zhuang-yazhu"] * 2


def test_a_generic_interviewer_label_speaks_for_the_one_reporter_of_the_byline_only(registry):
    turns = [("记者", "运价跌得最狠的时候怎么办?"), ("林启航", "先砍工资。"),
             ("记者", "现在呢?"), ("林启航", "好多了。")]
    lead = "林启航的货代公司在宁波只有十一个人。"
    one = interview_with_lead("rb", "小货代的一年", lead, turns, {"authors": ["邬静怡"]})
    two = interview_with_lead("rb", "小货代的一年", lead, turns, {"authors": ["邬静怡", "汤博"]})
    annotate(one, registry)
    annotate(two, registry)
    assert roles(one)[2][0] == ("rb.name.wu-jingyi", "interviewer")
    assert roles(two)[2][0] == (None, "interviewer")


def test_given_name_labels_speak_for_the_host_and_the_guest_the_lead_introduces(registry):
    turns = [("嘉树", "第一个市场为什么选德国?"), ("予宁", "德国人愿意为安静多花钱。"),
             ("嘉树", "明年呢?"), ("予宁", "波兰。")]
    doc = interview_with_lead("gn", "硬件夜谈 第41期", "本期嘉宾是洁途智能的蔡予宁,主持人林嘉树和她聊聊出海。", turns,
                              {"outlet": "硬件夜谈"})
    annotate(doc, registry)
    asks, answers = ("gn.name.lin-jiashu", "interviewer"), ("gn.name.cai-yuning", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


def test_a_given_name_two_people_of_the_document_share_resolves_to_no_one(registry):
    turns = [("记者", "第一个市场为什么选德国?"), ("子翔", "德国人愿意为安静多花钱。"),
             ("记者", "明年呢?"), ("子翔", "波兰。")]
    doc = interview_with_lead("gt", "出海的一年", "周子翔和他的合伙人吴子翔一起创业。", turns, {"outlet": "硬件夜谈"})
    annotate(doc, registry)
    answering = {s.speaker for p in doc.paragraphs if p.speaker_label == "子翔" for s in p.sentences}
    assert answering != {"gt.name.zhou-zixiang"} and answering != {"gt.name.wu-zixiang"}


@pytest.mark.parametrize("label", ["Kevin", "Kevin Lin"])
def test_an_english_name_in_brackets_after_the_persons_name_labels_their_turns(registry, label):
    turns = [("新創誌", "為什麼做農用無人機?"), (label, "我爸種了三十年花生。"),
             ("新創誌", "農民願意付錢嗎?"), (label, "一開始不願意。")]
    doc = interview_with_lead("en", "專訪智耕農研創辦人林柏豪:讓無人機噴藥", "創辦人林柏豪（Kevin Lin）在雲林長大。",
                              turns, {"outlet": "島嶼新創誌"})
    annotate(doc, registry)
    asks, answers = ("en.name.dao-yu-xin-chuang-zhi", "interviewer"), ("en.name.lin-baihao", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


def test_a_part_of_another_word_is_no_outlet_short_name(registry):
    turns = [("主持人", "為什麼做無人機?"), ("新", "我爸種花生。"), ("主持人", "然後呢?"), ("新", "繼續做。")]
    doc = interview_with_lead("sh", "無人機噴藥", "林柏豪在雲林長大。", turns, {"outlet": "島嶼新創誌"})
    annotate(doc, registry)
    assert {s.speaker_role for p in doc.paragraphs if p.speaker_label == "新" for s in p.sentences} != {"interviewer"}


@pytest.mark.parametrize("host, lead", [("主持人林嘉树", "本期嘉宾是洁途智能的蔡予宁。"),
                                        ("记者 林嘉树", "洁途智能的蔡予宁在合肥。")])
def test_a_role_label_before_a_name_gives_the_role_and_the_name_the_speaker(registry, host, lead):
    turns = [(host, "第一个市场为什么选德国?"), ("蔡予宁", "德国人愿意为安静多花钱。"),
             (host, "明年呢?"), ("蔡予宁", "波兰。")]
    doc = interview_with_lead("rn", "出海的一年", lead, turns, {"outlet": "硬件夜谈"})
    annotate(doc, registry)
    asks, answers = ("rn.name.lin-jiashu", "interviewer"), ("rn.name.cai-yuning", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


def test_a_latin_given_name_labels_the_person_named_in_latin_letters(registry):
    turns = [("硬件夜谈", "为什么做农用无人机?"), ("Kevin", "我爸种了三十年花生。"),
             ("硬件夜谈", "然后呢?"), ("Kevin", "继续做。")]
    doc = interview_with_lead("ln", "出海的一年", "Kevin Lin是智耕农研的创办人。", turns, {"outlet": "硬件夜谈"})
    annotate(doc, registry)
    assert {s.speaker for p in doc.paragraphs if p.speaker_label == "Kevin" for s in p.sentences} == {
        "ln.name.kevin-lin"}


def test_a_label_holding_a_persons_full_name_after_a_title_speaks_for_them(registry):
    turns = [("记者 何欣然", "为什么要装传感器?"), ("厂长 李明远", "以前断纱要靠人巡查。"),
             ("记者 何欣然", "投入多少钱?"), ("厂长 李明远", "一百多万元。")]
    doc = interview_with_lead("tl", "对话纺织厂厂长李明远:县城工厂的数字化", "李明远的纺织厂有三百台织机。", turns,
                              {"authors": ["何欣然"]})
    annotate(doc, registry)
    asks, answers = ("tl.name.he-xinran", "interviewer"), ("tl.name.li-mingyuan", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]


@pytest.mark.parametrize("doc_id, title, turns, metadata, asking, answering", [
    # a programme's show notes (主持人：Mia　嘉宾：贺知远): the host's label asks, the guest's given name answers
    ("yh", "夜航电台 第58期｜三个人做出一款游戏",
     [("Mia", "钱从哪里来?"), ("知远", "接外包。"), ("Mia", "下一款呢?"), ("知远", "做航运模拟。")],
     {"interviewers": ["Mia"], "guests": ["贺知远"]}, ("yh.name.mia", "Mia"), ("yh.name.he-zhiyuan", "贺知远")),
    # 问 speaks for the outlet an account header without 发表于 names
    ("qh", "对话许砚秋:储能电站的钱从哪里赚",
     [("问", "工厂为什么装储能?"), ("答", "电价差大。"), ("问", "风险呢?"), ("答", "政策。")],
     extract_metadata("原创 青禾研究所 2026年4月2日"), ("qh.name.qing-he-yan-jiu-suo", "青禾研究所"),
     ("qh.name.xu-yanqiu", "许砚秋")),
    # no dateline: the outlet the title names in brackets before its cue asks
    ("sw", "《青禾观察》对话许砚秋:储能电站的钱从哪里赚",
     [("问", "工厂为什么装储能?"), ("答", "电价差大。"), ("问", "风险呢?"), ("答", "政策。")],
     {}, ("sw.name.qing-he-guan-cha", "青禾观察"), ("sw.name.xu-yanqiu", "许砚秋")),
])
def test_metadata_lines_name_the_sides_of_an_interview(registry, doc_id, title, turns, metadata, asking, answering):
    doc = unregistered_interview(doc_id, title, turns)
    doc.metadata = metadata
    annotate(doc, registry)
    asks, answers = (asking[0], "interviewer"), (answering[0], "interviewee")
    assert roles(doc)[1:] == [[asks], [answers], [asks], [answers]]
    assert doc.names[asking[0]][0] == asking[1] and doc.names[answering[0]][0] == answering[1]


def test_the_one_person_a_title_with_a_cue_names_answers_however_long_the_description_before_the_name(registry):
    turns = [("Q", "為什麼離開?"), ("A", "我想創業。"), ("Q", "然後呢?"), ("A", "繼續做。")]
    doc = unregistered_interview("qd", "專訪車聯網保險新創公司創辦人兼執行長林雅婷:按里程計費", turns,
                                 outlet="科創日報")
    annotate(doc, registry)
    asks, answers = ("qd.name.ke-chuang-ri-bao", "interviewer"), ("qd.name.lin-yating", "interviewee")
    assert roles(doc)[1:] == [[asks], [answers]] * 2


def test_a_person_the_lead_says_the_outlet_interviewed_answers(registry):
    turns = [("记者", "你为什么创业?"), ("答", "因为我想做自己的工具。")]
    doc = interview_with_lead("ld", "芯片设计的下一步", "本报日前专访了芯片设计公司的创始人孔令辉。", turns,
                              {"outlet": "江城晚报"})
    annotate(doc, registry)
    asks, answers = ("ld.name.jiang-cheng-wan-bao", "interviewer"), ("ld.name.kong-linghui", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers]]


def test_the_voices_of_a_removed_credit_line_are_persons_over_the_document(registry):
    """主持：Mandy ｜ 嘉賓：Siti Rahmah（…） went as a credit line: its names, read by ingest, stay persons in the
    text and the turns (a Latin name in a turn has no other evidence)."""
    turns = [("Mandy", "你哋一日焗幾多爐？"), ("Siti Rahmah", "平日十二爐。")]
    doc = interview_with_lead("cr", "街坊麵包檔 第9集", "今集 Mandy 約咗 Siti Rahmah 傾下租金。", turns,
                              {"interviewers": ["Mandy"], "guests": ["Siti Rahmah"]})
    annotate(doc, registry)
    lead = {(m.text, m.type) for m in doc.paragraphs[1].sentences[0].entities}
    assert {("Mandy", "person"), ("Siti Rahmah", "person")} <= lead
    assert [role for [(_, role)] in roles(doc)[2:]] == ["interviewer", "interviewee"]


def test_two_hosts_and_a_guest_take_their_sides_from_the_exchange(registry):
    """Three voices: the one label that only answers, after two others' questions, is the guest; whoever it answers
    asks, even a host the lead names first (the lead's first person is not the guest here)."""
    turns = [("Rafe", "先说说这片茶园?"), ("龙映秋", "种了三十年。"), ("阿棠", "今年收成怎样?"),
             ("龙映秋", "少了两成。"), ("Rafe", "价格呢?"), ("龙映秋", "涨了一点。")]
    doc = interview_with_lead("hx", "茶山夜谈 第9期", "主播Rafe和阿棠请来了茶农龙映秋。", turns)
    annotate(doc, registry)
    sides = {p.speaker_label: p.sentences[0].speaker_role for p in doc.paragraphs if p.kind == "turn"}
    assert sides == {"Rafe": "interviewer", "阿棠": "interviewer", "龙映秋": "interviewee"}
    assert all(s.speaker for p in doc.paragraphs if p.kind == "turn" for s in p.sentences)


def test_an_exchange_where_the_answering_label_also_asks_gets_no_roles_from_the_exchange(registry):
    turns = [("Rafe", "先说说这片茶园?"), ("龙映秋", "你去过吗?"), ("阿棠", "去过。"), ("龙映秋", "好玩吗?"),
             ("Rafe", "好玩。"), ("龙映秋", "那就好。")]
    doc = interview_with_lead("hy", "茶山夜谈 第9期", "今天聊茶。", turns)
    annotate(doc, registry)
    assert {p.sentences[0].speaker_role for p in doc.paragraphs if p.kind == "turn"} == {None}


def test_a_reporter_the_dateline_names_after_a_role_label_asks_and_the_first_person_of_the_lead_answers(registry):
    turns = [("問", "為什麼學石雕?"), ("答", "家在海邊。"), ("問", "生意好嗎?"), ("答", "普通。")]
    doc = interview_with_lead("wd", "石雕工作室", "五十一歲的鍾志堯跟著師父潘阿土學刻大理石。", turns)
    doc.paragraphs.insert(1, paragraph(1, "heading", "2026年5月9日　記者：龔以寧"))
    for index, p in enumerate(doc.paragraphs):
        p.index = index
    annotate(doc, registry)
    asks, answers = ("wd.name.gong-yining", "interviewer"), ("wd.name.zhong-zhiyao", "interviewee")
    assert [r for r in roles(doc) if r and r[0][1]] == [[asks], [answers], [asks], [answers]]


@pytest.mark.parametrize("header", [
    "EP12｜2026/05/02　主持人：溫以澄　特別來賓：甘霽衡（感測器公司執行長）　節目長度：41分鐘",
    "第12期　主持人：溫以澄｜對談嘉賓：甘霽衡"])
def test_host_and_guest_named_only_in_a_header_cleaning_removed_still_speak(registry, header):
    """The header line that named the host and the guest was cleaned away (it is in the edit log): turns labelled by
    their given names still speak for them, the host asking and the guest answering."""
    turns = [("以澄", "感測器到底在聽什麼?"), ("霽衡", "聽鋼軌的細微裂縫。"),
             ("以澄", "為什麼不用攝影機?"), ("霽衡", "隧道太暗。")]
    doc = interview_with_lead("hd", "軌道上的耳朵", "2026年5月1日，一家感測器公司宣布在鐵路沿線裝設聲學感測器。", turns)
    doc.edits = [[Edit(0, len(header), header, "", "line_model.head", "a header line")]]
    annotate(doc, registry)
    asks, answers = ("hd.name.wen-yicheng", "interviewer"), ("hd.name.gan-jiheng", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers], [asks], [answers]]



def test_two_voices_nothing_names_take_their_sides_from_the_exchange(registry):
    turns = [("阿砚", "你骑车上班多久了?"), ("Wren", "快一年了。"), ("阿砚", "下雨天怎么办?"), ("Wren", "穿雨衣。"),
             ("阿砚", "会推荐吗?"), ("Wren", "会。")]
    doc = interview_with_lead("pr", "骑车上班一年", "这一期我们聊聊骑自行车通勤。", turns)
    annotate(doc, registry)
    asks, answers = ("pr.name.a-yan", "interviewer"), ("pr.name.wren", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers]] * 3


@pytest.mark.parametrize("turns", [
    [("阿砚", "你好。"), ("Wren", "你好。"), ("阿砚", "走吧。"), ("Wren", "好。")],  # no one asks
    [("阿砚", "你呢?"), ("Wren", "我呢?"), ("阿砚", "你呢?"), ("Wren", "我呢?")],  # both ask
    [("阿砚", "你呢?"), ("原因很简单", "因为。"), ("阿砚", "然后?"), ("原因很简单", "所以。")],  # no person's name
])
def test_two_voices_that_do_not_ask_and_answer_get_no_sides(registry, turns):
    doc = interview_with_lead("pn", "骑车上班一年", "这一期我们聊聊骑自行车通勤。", turns)
    annotate(doc, registry)
    assert {role for paragraph in roles(doc)[2:] for _, role in paragraph} == {None}


# Round 12 (turns and speakers): sides from the exchange where a label names no one the document introduces.

def test_a_host_who_remarks_as_often_as_asks_is_the_interviewer_of_the_titles_guest(registry):
    """Two voices, the guest named in the title: the other voice, taking turns with the guest and asking at least
    once, asks, even when half its turns only remark (a podcast host known only by a nickname)."""
    turns = [("Otis", "先说说你是怎么入行的?"), ("靳望舒", "我父亲就是养海带的。"),
             ("Otis", "这个转折挺大的。"), ("靳望舒", "一开始确实不习惯。"),
             ("Otis", "那一年损失应该不小。"), ("靳望舒", "差不多亏了四十万。")]
    doc = interview_with_lead("ot", "对话靳望舒:在海上的六年", "这一期我们和靳望舒聊海带。", turns)
    annotate(doc, registry)
    asks, answers = ("ot.name.otis", "interviewer"), ("ot.name.jin-wangshu", "interviewee")
    assert roles(doc)[2:] == [[asks], [answers]] * 3


def test_a_voice_that_never_asks_is_no_interviewer_however_it_alternates(registry):
    turns = [("Otis", "我也去过那里。"), ("靳望舒", "我父亲就是养海带的。"),
             ("Otis", "这个转折挺大的。"), ("靳望舒", "一开始确实不习惯。")]
    doc = interview_with_lead("on", "对话靳望舒:在海上的六年", "这一期我们和靳望舒聊海带。", turns)
    annotate(doc, registry)
    assert {role for label, paragraph in zip(["Otis", "靳望舒"] * 2, roles(doc)[2:]) if label == "Otis"
            for _, role in paragraph} == {None}


def test_two_hosts_one_of_whom_mostly_remarks_both_ask_the_guest_who_answers_most_questions(registry):
    turns = [("Tavi", "您第一次接触古琴是什么时候?"), ("蔺秋白", "大学二年级。"), ("小鲸", "那是一见钟情了。"),
             ("蔺秋白", "可以这么说。"), ("Tavi", "修一张老琴要多久?"), ("蔺秋白", "快的三个月。"),
             ("小鲸", "现在找您修琴的都是什么人?"), ("蔺秋白", "大部分是收藏家。"), ("小鲸", "谢谢蔺老师。"),
             ("蔺秋白", "谢谢你们。")]
    doc = interview_with_lead("th", "在番禺修古琴", "这一期我们见到了斫琴师蔺秋白。", turns)
    annotate(doc, registry)
    got = {label: paragraph[0][1] for (label, _), paragraph in zip(turns, roles(doc)[2:])}
    assert got == {"Tavi": "interviewer", "小鲸": "interviewer", "蔺秋白": "interviewee"}


def test_question_and_answer_labels_keep_their_sides_whatever_the_exchange_reads(registry):
    """問/答 say their side themselves: a third voice whose questions 答 answers does not make 問 a guest's."""
    turns = [("問", "談談你的第一份工作。"), ("答", "在工廠。你呢?"), ("李明遠", "我在報社。"),
             ("問", "後來呢?"), ("答", "出來創業。你後悔嗎?"), ("李明遠", "不後悔。"), ("答", "那就好。")]
    doc = interview_with_lead("qk", "三個人的下午", "這天下午我們在工廠裡聊天。", turns)
    annotate(doc, registry)
    got = {label: paragraph[0][1] for (label, _), paragraph in zip(turns, roles(doc)[2:]) if label in "問答"}
    assert got == {"問": "interviewer", "答": "interviewee"}


def test_a_lone_surname_label_answering_the_reporter_is_the_interviewee_under_its_own_id(registry):
    """No person of that surname is recognised in the document (the lead's full name went unrecognised): the surname
    label that answers the reporter's questions is the interviewee, with an id from the label itself."""
    turns = [("記者", "你幾時開始學紮作?"), ("冼", "十四歲。"), ("記者", "而家仲有冇人買?"), ("冼", "少咗好多。")]
    doc = interview_with_lead("xs", "深水埗最後的紮作舖", "這間舖頭開咗五十年。", turns, {"outlet": "埗頭新聞"})
    annotate(doc, registry)
    answers = ("xs.name.xian", "interviewee")
    assert [paragraph[0] for paragraph in roles(doc)[2:]][1::2] == [answers, answers]


def test_a_title_name_the_model_missed_is_the_interviewee_when_the_lead_writes_it_again():
    from corpus.annotate.interview import _unrecognised_title_name
    title = "專訪蘭陽染坊主人翁綺雯：把靛藍種回頭城"
    assert _unrecognised_title_name(title, [2], "頭城老街上的蘭陽染坊，主人翁綺雯自己種大菁。") == "翁綺雯"
    assert _unrecognised_title_name(title, [2], "頭城老街上的蘭陽染坊開業第九年。") is None  # not written again
    assert _unrecognised_title_name("專訪：把靛藍種回頭城", [2], "翁綺雯自己種大菁。") is None  # no name at the colon


@pytest.mark.parametrize("line, names", [
    ("主持人 Remy｜本期嘉宾：靳望舒（合作社负责人）", ["Remy"]),
    ("主持人：蕭以恩　特別來賓：甘立衡（晶軌科技執行長）", ["蕭以恩"]),
    ("记者 王岚表示", []),  # a Han name after a space may run on into the sentence
    ("主持人Otis", []),
])
def test_a_host_named_in_the_show_notes_by_a_latin_nickname_is_cued(line, names):
    from corpus.annotate.interview import cued_name
    assert [match.group("name") or match.group("latin") for match in cued_name().finditer(line)] == names
