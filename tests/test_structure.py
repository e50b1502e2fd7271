"""Document structure on the real seeds (corpus/structure): titles, headings,
speaker turns, and the ``corrupted`` flag on sentences that keep mojibake."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import pipeline
from corpus.clean import mojibake
from corpus.model import Document, Paragraph, Sentence
from corpus.structure import DECORATED, parse
from corpus.segment import CORRUPTED, flag_corrupted

GEEKPARK = "geekpark-zhang-hongjiang"  # seed 000
SHENWANG = "shenwang-zhang-hongjiang"  # seed 001
HIGH_FLYER = "high-flyer-deepseek"  # seed 002
FOUNDERS = "founder-wave-2023"  # seed 003
BEIJING = "beijing-ai-talent"  # seed 004


def turns(doc) -> list[Paragraph]:
    return [p for p in doc.paragraphs if p.kind == "turn"]


def paragraph_with(doc, text: str) -> Paragraph:
    (found,) = [p for p in doc.paragraphs if p.text == text]
    return found


def texts(paragraph: Paragraph) -> list[str]:
    return [s.zh for s in paragraph.sentences]


# ---------------------------------------------------------------- speaker turns

@pytest.mark.parametrize("doc_id, interviewer, interviewee, question, answer", [
    (GEEKPARK, "极客公园", "张宏江",
     "成立智源之前,你已经退休了,而且刚从金山那样劳心劳力的地方离开,为什么选择再次出山?",
     "从金山退休到做智源,中间隔了差不多一年半,"),
    (SHENWANG, "《深网》", "张宏江", "为什么是微软抓住了人工智能的机会？", "核心的核心是，"),
    (HIGH_FLYER, "「暗涌」", "梁文鋒",
     "前不久,幻方發公告決定下場做大模型,一家量化基金為什么要做這樣一件事?",
     "我們做大模型,其實跟量化和金融都沒有直接關系。"),
])
def test_turns_carry_the_labels_as_written(prepared_docs, doc_id, interviewer, interviewee, question, answer):
    doc = prepared_docs[doc_id]
    found = turns(doc)
    assert {p.speaker_label for p in found} == {interviewer, interviewee}
    assert sum(p.speaker_label == interviewer for p in found) >= 20
    assert sum(p.speaker_label == interviewee for p in found) >= 20
    first, second = found[:2]
    assert (first.speaker_label, first.text) == (interviewer, question)
    assert second.speaker_label == interviewee and second.text.startswith(answer)
    assert doc.paragraphs[first.index + 1] is second
    for paragraph in found:  # the label and its colon are not part of the turn's text
        assert not paragraph.text.startswith((interviewer + ":", interviewer + "：",
                                              interviewee + ":", interviewee + "："))
        assert "**" not in paragraph.text


def test_turns_start_only_where_the_interview_does(prepared_docs):
    # seed 001's introduction names 张宏江 and 《深网》 in running text: not turns
    doc = prepared_docs[SHENWANG]
    first_turn = turns(doc)[0].index
    intro = doc.paragraphs[:first_turn]
    assert [p.kind for p in intro] == ["title"] + ["paragraph"] * 17 + ["heading"]
    assert any(p.text.startswith("张宏江在《深网》采访中") for p in intro)


def test_second_turn_starting_mid_line_is_its_own_turn(prepared_docs):
    # raw line: 极客公园:对于…你当时有什么想法?张宏江:我当时想的第一件事,…
    doc = prepared_docs[GEEKPARK]
    question = paragraph_with(doc, "对于打造一个理想的研究机构,你当时有什么想法?")
    answer = doc.paragraphs[question.index + 1]
    assert (question.kind, question.speaker_label) == ("turn", "极客公园")
    assert (answer.kind, answer.speaker_label) == ("turn", "张宏江")
    assert answer.text.startswith("我当时想的第一件事,就是能不能做一个社区,")
    assert texts(question) == ["对于打造一个理想的研究机构,你当时有什么想法?"]
    assert answer.sentences[0].zh.startswith("我当时想的第一件事")
    assert not any("张宏江:我当时想的" in p.text for p in doc.paragraphs)


def test_paragraphs_after_a_turn_continue_it_until_a_heading(prepared_docs):
    doc = prepared_docs[GEEKPARK]
    continued = paragraph_with(doc, "是,还会是智源的榜样。")
    assert continued.speaker_label == "张宏江"
    after = doc.paragraphs[continued.index + 1]
    assert after.kind == "heading" and after.speaker_label is None


# ---------------------------------------------------------------- headings

def test_seed_000_numbered_and_quoted_headings_are_joined(prepared_docs):
    doc = prepared_docs[GEEKPARK]
    numbered = [p for p in doc.paragraphs if p.kind == "heading" and p.text[:1].isdigit()]
    assert [p.text for p in numbered] == [
        "01 「我们受到的所有挑战是自信心的挑战」",
        "02 「当他们三个人判断一致时,我就信了」",
        "03 「成为黄埔军校对我来说是成功的标志」",
        "04 「好的资源要留给青年科学家」",
        "05 「如果把智源变成营利,我们跟满大街的创业公司就没有区别」",
        "06 我赶上了每一个中国转折的最佳时间点",
    ]
    for heading in numbered:
        assert texts(heading) == [heading.text]  # one sentence, not cut at the comma or the number
        following = doc.paragraphs[heading.index + 1]
        assert (following.kind, following.speaker_label) == ("turn", "极客公园")
    assert not any(p.text in ("01", "「我们受到的", "所有挑战是自信心的挑战」") for p in doc.paragraphs)


def test_seed_003_numbered_heading_is_one_unsplit_heading(prepared_docs):
    doc = prepared_docs[FOUNDERS]
    heading = paragraph_with(doc, "01.為什么ChatGPT沒有誕生在中國")
    assert heading.kind == "heading"
    assert texts(heading) == ["01.為什么ChatGPT沒有誕生在中國"]
    assert doc.paragraphs[heading.index + 1].text.startswith("ChatGPT的誕生讓世界為之震驚")
    for text in ("02.中國不缺技術人才", "03.ChatGPT會誕生在哪里"):
        assert paragraph_with(doc, text).kind == "heading"
        assert texts(paragraph_with(doc, text)) == [text]


@pytest.mark.parametrize("doc_id, heading, after", [
    (HIGH_FLYER, "如何讓創新真正發生??????", "“創新往往都是自己產生的,不是刻意安排的,更不是教出來的”"),
    (HIGH_FLYER, "真正的瘋狂??????", "做這樣一件事,最讓你們興奮的是什么?"),
])
def test_heading_whose_end_was_lost_is_still_a_heading(prepared_docs, doc_id, heading, after):
    # the trailing run of lost characters is not a question mark: these were
    # taken for the end of a question and glued to 梁文鋒's turn
    doc = prepared_docs[doc_id]
    paragraph = paragraph_with(doc, heading)
    assert (paragraph.kind, paragraph.speaker_label) == ("heading", None)
    assert doc.paragraphs[paragraph.index + 1].text == after


# ---------------------------------------------------------------- titles

@pytest.mark.parametrize("doc_id, title", [
    (GEEKPARK, "对话智源张宏江:功成不必在我,能成为黄埔军校很好"),
    (SHENWANG, "对话张宏江博士：中国技术创新为什么难？基础研究必须当成慈善一样做"),
    (HIGH_FLYER, "【時快訊】瘋狂的幻方:一家隱形AI巨頭的大模型之路"),
])
def test_title_paragraph_opens_the_document(prepared_docs, doc_id, title):
    doc = prepared_docs[doc_id]
    first = doc.paragraphs[0]
    assert (first.kind, first.text, first.speaker_label) == ("title", title, None)
    assert "".join(texts(first)) == title  # seed 001's title is two sentences (…为什么难？ | 基础研究…)
    assert doc.metadata["title_zh"] == title
    assert [p.kind for p in doc.paragraphs].count("title") == 1


@pytest.mark.parametrize("doc_id, title, first_paragraph", [
    (FOUNDERS, "李沐、賈揚清與2023年的大模型創業潮", "要問2023年的創投圈什么最熱鬧,那非ChatGPT莫屬。"),
    (BEIJING, "AI,離不開北京", "DeepSeek之后,中國AI加速。"),
])
def test_documents_without_a_title_line_take_the_curated_title(prepared_docs, doc_id, title, first_paragraph):
    doc = prepared_docs[doc_id]
    assert "title" not in [p.kind for p in doc.paragraphs]
    assert doc.metadata["title_zh"] == title
    assert doc.paragraphs[0].kind == "paragraph" and doc.paragraphs[0].text == first_paragraph


def test_seed_004_first_section_heading_is_kept_as_a_heading(prepared_docs):
    assert paragraph_with(prepared_docs[BEIJING], "AI,離不開北京").kind == "heading"



@pytest.mark.parametrize("doc_id, line, kind", [
    (BEIJING, "北京,反哺全國", "heading"),
    (BEIJING, "“怎么辦,他們一定會挖我們的人。”", "paragraph"),  # short lines of dialogue, not headings
    (BEIJING, "“慌什么。”", "paragraph"),
    (BEIJING, "“小心陷入‘無源之水’的困境!”", "paragraph"),
    (HIGH_FLYER, "“做最重要、最困難的事”", "heading"),  # a quoted heading has no sentence end
])
def test_a_short_quotation_ending_a_sentence_is_not_a_heading(prepared_docs, doc_id, line, kind):
    assert paragraph_with(prepared_docs[doc_id], line).kind == kind

# ---------------------------------------------------------------- seed 004's pasted notice

def test_copyright_notice_is_gone_and_the_article_text_around_it_stays(prepared_docs):
    # raw: "…這種形式很新穎”。\n本文為專欄作者授權創業邦發表,…editor@cyzone.cn。而張宏江接下來提出的…"
    doc = prepared_docs[BEIJING]
    for trace in ("本文為專欄作者授權", "創業邦發表", "版權歸原作者所有", "editor@cyzone.cn"):
        assert trace not in doc.cleaned
        assert not any(trace in s.zh for s in doc.sentences)
    assert any(e.rule == "boilerplate.copyright_notice" and "editor@cyzone.cn" in e.old
               for edits in doc.edits for e in edits)
    before = next(p for p in doc.paragraphs if p.text.endswith("這種形式很新穎”。"))
    after = next(p for p in doc.paragraphs if "而張宏江接下來提出的想法更加新穎" in p.text)
    assert before.text.startswith("會議上各種方案爭論很久,期間前微軟亞洲研究院創始人CEO張宏江站了起來:")
    # corpus/curated/cleaning/boilerplate.yaml (boilerplate.copyright_notice) keeps
    # the line break before the notice as the article's paragraph break, so the
    # sentence after the notice opens the next paragraph, whole
    assert after.index == before.index + 1
    assert texts(after)[0] == "而張宏江接下來提出的想法更加新穎,甚至過于理想化,以至于對國內的科研體系都是一種挑戰。"
    assert before.kind == after.kind == "paragraph"


# ---------------------------------------------------------------- corrupted sentences

def test_only_sentences_holding_lost_characters_are_flagged_in_the_seeds(prepared_docs):
    flagged = {s.id: s.zh for doc in prepared_docs.values() for s in doc.sentences if CORRUPTED in s.flags}
    assert flagged == {
        "high-flyer-deepseek.p079.s00": "如何讓創新真正發生??????",
        "high-flyer-deepseek.p110.s00": "真正的瘋狂??????",
    }


def test_genuine_question_marks_are_not_corrupted(prepared_docs):
    doc = prepared_docs[GEEKPARK]
    questions = [s for s in doc.sentences if "?" in s.zh]
    assert len(questions) > 40
    assert not any(s.flags for s in questions)


def test_unrecoverable_span_is_flagged_corrupted(tmp_path):
    # 公 loses its lead byte and the run reaches the end of the sentence: the
    # byte the last "?" swallowed is unknown, so cleaning cannot repair it
    damaged = mojibake.damage("因為大廠的入局2023年很多創業公司放棄了。", 17)
    assert mojibake.find_repairs(damaged) == [] and mojibake.corrupted_spans(damaged)
    raw = ("一家公司的故事\n\n"
           "這是沒有問題的第一段。你知道為什么嗎?\n\n"
           f"{damaged}\n\n"
           "如何讓創新真正發生??????\n\n"
           "最後一段也沒有問題,真的嗎???\n\n"
           "裡面有\ue088這個字。\n")
    (tmp_path / "900_synthetic.txt").write_text(raw, encoding="utf-8")
    (doc,) = pipeline.prepare(tmp_path)
    flags = {s.zh: s.flags for s in doc.sentences}
    assert flags == {
        "一家公司的故事": [],
        "這是沒有問題的第一段。": [],
        "你知道為什么嗎?": [],
        damaged: [CORRUPTED],  # one sentence: the "?" of the lost lead byte ends none
        "如何讓創新真正發生??????": [CORRUPTED],
        "最後一段也沒有問題,真的嗎???": [],
        "裡面有\ue088這個字。": [CORRUPTED],
    }
    assert paragraph_with(doc, "如何讓創新真正發生??????").kind == "heading"


def test_flag_corrupted_on_sentences_joined_from_several_lines():
    text = "01\n「如何讓創新\n真正發生??????」\n正文沒有問題。\n另一句?"
    heading = Sentence(id="d.p000.s00", doc_id="d", paragraph=0, index=0, zh="01 「如何讓創新真正發生??????」")
    body = Sentence(id="d.p001.s00", doc_id="d", paragraph=1, index=0, zh="正文沒有問題。")
    last = Sentence(id="d.p002.s00", doc_id="d", paragraph=2, index=0, zh="另一句?")
    assert flag_corrupted(text, [heading, body, last]) == [heading]
    assert (heading.flags, body.flags, last.flags) == ([CORRUPTED], [], [])
    assert flag_corrupted(text, [heading]) == [heading] and heading.flags == [CORRUPTED]  # flagged once


# ---------------------------------------------------------------- short interviews (two labels taking turns)

def prepare_text(tmp_path, text: str):
    (tmp_path / "900_synthetic.txt").write_text(text, encoding="utf-8")
    (doc,) = pipeline.prepare(tmp_path)
    return doc


def labelled(doc) -> list[tuple[str, str, str | None]]:
    return [(p.kind, p.text, p.speaker_label) for p in doc.paragraphs]


TWO_EXCHANGES = ("专访王小川{c}搜索之后是大模型\n\n"
                 "记者{c}你为什么再次创业{q}\n\n"
                 "王小川{c}因为大模型是一个新的时代。\n\n"
                 "记者{c}你怎么看OpenAI{q}\n\n"
                 "王小川{c}它定义了这个行业。\n")


@pytest.mark.parametrize("colon, question", [(":", "?"), ("：", "？")])
def test_two_labels_alternating_twice_are_speakers(tmp_path, colon, question):
    doc = prepare_text(tmp_path, TWO_EXCHANGES.format(c=colon, q=question))
    assert labelled(doc)[1:] == [
        ("turn", f"你为什么再次创业{question}", "记者"),
        ("turn", "因为大模型是一个新的时代。", "王小川"),
        ("turn", f"你怎么看OpenAI{question}", "记者"),
        ("turn", "它定义了这个行业。", "王小川"),
    ]


def test_an_accepted_label_also_starts_a_turn_mid_line(tmp_path):
    # 记者 opens three lines (a speaker by count); 王小川 opens two and once follows a question mid-line
    doc = prepare_text(tmp_path, "专访王小川:搜索之后是大模型\n\n"
                                 "记者:你为什么再次创业?王小川:因为大模型是一个新的时代。\n\n"
                                 "记者:你怎么看OpenAI?\n\n王小川:它定义了这个行业。\n\n"
                                 "记者:下一步呢?\n\n王小川:做医疗。\n")
    assert labelled(doc)[1:] == [
        ("turn", "你为什么再次创业?", "记者"),
        ("turn", "因为大模型是一个新的时代。", "王小川"),
        ("turn", "你怎么看OpenAI?", "记者"),
        ("turn", "它定义了这个行业。", "王小川"),
        ("turn", "下一步呢?", "记者"),
        ("turn", "做医疗。", "王小川"),
    ]
    assert not any("王小川:" in s.zh for p in turns(doc) for s in p.sentences)


def test_a_registered_interviewee_answering_mid_line_in_a_two_exchange_interview(tmp_path):
    doc = prepare_text(tmp_path, "专访张宏江:搜索之后是大模型\n\n记者:你为什么再次创业?\n\n"
                                 "张宏江:因为大模型是一个新的时代。\n\n记者:你怎么看OpenAI?张宏江:它定义了这个行业。\n")
    assert [(p.speaker_label, p.text) for p in turns(doc)] == [
        ("记者", "你为什么再次创业?"), ("张宏江", "因为大模型是一个新的时代。"),
        ("记者", "你怎么看OpenAI?"), ("张宏江", "它定义了这个行业。"),
    ]


@pytest.mark.parametrize("text", [
    # a quotation after the colon is reported speech, and 记者 has no one to take turns with
    "发布会现场\n他说：“我们会继续投入。”\n记者：你们还会融资吗？\n他说：“暂时不会。”\n记者：那什么时候盈利？\n",
    "发布会现场\n消息人士：“我们会继续投入。”\n记者：你们还会融资吗？\n消息人士：“暂时不会。”\n记者：那什么时候盈利？\n",
    # narrative dialogue: a pronoun subject, or a name and a speech verb, is not a label
    "一段对话\n他问：你为什么要来？\n她答：因为我想来。\n他问：然后呢？\n她答：没有然后了。\n",
    "一段对话\n张三表示：你们为什么要做？\n李四认为：因为值得做。\n张三表示：会成功吗？\n李四认为：会的。\n",
    # fields of a notice: no prose after the colon
    "活动通知\n时间：2023年6月15日\n地点：北京\n时间：2023年7月1日\n地点：上海\n报名了吗？\n",
    # list lead-ins: a label alone on its line before a list item
    "原因分析\n为什么大模型这么贵？\n原因很简单：\n1. 算力太贵了吗？\n主要有两点：\n1. 人才也贵。\n"
    "原因很简单：\n（一）数据不够。\n主要有两点：\n（二）资金不够。\n",
])
def test_narrative_lines_with_a_colon_are_not_speakers(tmp_path, text):
    doc = prepare_text(tmp_path, text)
    assert turns(doc) == []
    assert not any(p.speaker_label for p in doc.paragraphs)


def test_narrative_labels_inside_a_short_interview_are_not_speakers(tmp_path):
    doc = prepare_text(tmp_path, "专访王小川:搜索之后是大模型\n\n时间：2023年6月15日\n\n地点：北京\n\n"
                                 "记者:你为什么再次创业?\n\n王小川:因为大模型是一个新的时代。\n\n"
                                 "原因很简单:搜索已经到头了。\n\n他说:“我们会继续投入。”\n\n"
                                 "记者:你怎么看OpenAI?\n\n王小川:它定义了这个行业。\n")
    assert {p.speaker_label for p in turns(doc)} == {"记者", "王小川"}
    assert [p.speaker_label for p in turns(doc)] == ["记者", "王小川", "王小川", "王小川", "记者", "王小川"]
    continued = [p.text for p in turns(doc)][2:4]  # the answer goes on in lines that merely hold a colon
    assert continued == ["原因很简单:搜索已经到头了。", "他说:“我们会继续投入。”"]
    assert [(p.text, p.speaker_label) for p in doc.paragraphs[1:3]] == [
        ("时间：2023年6月15日", None),
        ("地点：北京", None),
    ]


# ---------------------------------------------------------------- headlines, captions and lead-ins are not turns

@pytest.mark.parametrize("colon", [":", "："])
def test_a_headline_naming_the_interviewee_before_a_colon_is_the_title_not_a_turn(tmp_path, colon):
    # 柯明哲 labels two answers; with the headline it would open three lines (a speaker by count)
    doc = prepare_text(tmp_path, f"柯明哲{colon}边缘芯片的下一步\n\n芯片公司澄光的创始人柯明哲认为机会不在数据中心。"
                                 "\n\n"
                                 f"记者{colon}为什么是边缘?\n\n柯明哲{colon}因为数据中心被包办了。\n\n"
                                 f"记者{colon}客户是谁?\n\n柯明哲{colon}车厂和家电厂。\n")
    assert labelled(doc) == [
        ("title", f"柯明哲{colon}边缘芯片的下一步", None),
        ("paragraph", "芯片公司澄光的创始人柯明哲认为机会不在数据中心。", None),
        ("turn", "为什么是边缘?", "记者"),
        ("turn", "因为数据中心被包办了。", "柯明哲"),
        ("turn", "客户是谁?", "记者"),
        ("turn", "车厂和家电厂。", "柯明哲"),
    ]


def test_a_news_headline_a_lead_in_and_captions_with_a_colon_are_not_turns(tmp_path):
    doc = prepare_text(tmp_path, "罗文澜:明年物流价格还会下降\n\n罗文澜表示,成本今年下降了一成。\n\n原因很简单:\n\n"
                                 "罗文澜说,车更大了。\n\n图:罗文澜在论坛上发言\n\n他认为明年还会降。\n\n"
                                 "图:论坛现场\n\n论坛在成都举行。\n\n图:参会的企业代表\n")
    assert turns(doc) == [] and doc.paragraphs[0].kind == "title"
    assert not any(p.speaker_label for p in doc.paragraphs)


def test_a_title_that_ends_a_sentence_is_not_taken_for_a_headline(tmp_path):
    doc = prepare_text(tmp_path, "记者:你为什么再次创业?\n\n王小川:因为大模型是一个新的时代。\n\n"
                                 "记者:你怎么看OpenAI?\n\n王小川:它定义了这个行业。\n")
    assert [p.kind for p in doc.paragraphs] == ["turn"] * 4


LINE_PARTS = st.sampled_from(["记者:", "柯明哲:", "韓:", "图:", "原因很简单:", "主持人：", "嘉宾：", "记者 何欣然：",
                              "厂长 李明远：", "——————柯明哲：", "▍韓：", "■ 记者：", "", "", ""])
LINE_TEXT = st.text(alphabet="我们做芯片价格吗为什么？?。,", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(LINE_PARTS, LINE_TEXT), min_size=1, max_size=12), st.booleans())
def test_structure_never_loses_or_reorders_text(lines, midline):
    """Paragraphs are the cleaned lines in order (lines a hard wrap broke joined): only a turn label (its own
    paragraph's, or the next's when it stood alone on its line) and whitespace between them are dropped."""
    written = [label + text for label, text in lines]
    if midline and len(written) > 1:
        written[0:2] = [written[0] + written[1]]  # a turn may begin mid-line after a sentence end
    doc = parse(Document(doc_id="900", source_file="900.txt", cleaned="\n\n".join(written)))
    lines_run_on = doc.cleaned.replace("\n", "")
    position = 0
    for paragraph in doc.paragraphs:
        found = lines_run_on.find(paragraph.text, position)
        assert found >= 0, paragraph.text
        dropped = lines_run_on[position:found].strip()
        assert dropped in ("", f"{paragraph.speaker_label}:", f"{paragraph.speaker_label}：") or (
            paragraph.kind == "turn" and re.fullmatch(
                rf"{DECORATED}{re.escape(paragraph.speaker_label)}{DECORATED}[:：]\s*", dropped))
        position = found + len(paragraph.text)
    assert not lines_run_on[position:].strip()


@pytest.mark.parametrize("headline", ["黄明远:AI会取代程序员吗?", "黄明远：我们不会降价！"])
def test_a_headline_asking_or_exclaiming_above_the_lead_is_the_title(tmp_path, headline):
    doc = prepare_text(tmp_path, f"{headline}\n\n软件公司创始人黄明远谈大模型。\n\n记者:为什么?\n\n"
                                 "黄明远:因为便宜。\n\n"
                                 "记者:然后呢?\n\n黄明远:再看看。\n\n记者:好的?\n\n黄明远:好。\n")
    assert [(p.kind, p.speaker_label) for p in doc.paragraphs[:3]] == [
        ("title", None), ("paragraph", None), ("turn", "记者")]
    assert len(turns(doc)) == 6


def test_a_question_headline_above_an_interview_is_the_title(tmp_path):
    doc = prepare_text(tmp_path, "何時才能買得起電動機車?\n\n我是主持人溫若晴。\n\n溫若晴:差在哪裡?\n\n"
                                 "潘冠霖:電池。\n\n"
                                 "溫若晴:何時降價?\n\n潘冠霖:兩年內。\n\n溫若晴:夠用嗎?\n\n潘冠霖:夠了。\n")
    assert [p.kind for p in doc.paragraphs] == ["title", "paragraph"] + ["turn"] * 6


@pytest.mark.parametrize("first", ["记者:你为什么再次创业", "记者:\n\n你为什么再次创业?"])
def test_an_interview_opening_with_a_role_label_has_no_headline(tmp_path, first):
    doc = prepare_text(tmp_path, f"{first}\n\n王小川:因为大模型是一个新的时代。\n\n"
                                 "记者:你怎么看OpenAI?\n\n王小川:它定义了这个行业。\n\n记者:下一步呢?\n\n王小川:做医疗。\n")
    assert [p.kind for p in doc.paragraphs] == ["turn"] * 6
    assert doc.paragraphs[0].speaker_label == "记者"


def test_a_role_and_a_name_apart_by_a_space_are_one_label():
    lines = ["一家县城工厂的数字化", "记者 何欣然：为什么要装传感器？", "厂长 李明远：以前断纱要靠人巡查。",
             "记者 何欣然：投入多少钱？", "厂长 李明远：一百多万元。"]
    doc = parse(Document(doc_id="901", source_file="901.txt", cleaned="\n".join(lines)))
    assert [(p.kind, p.speaker_label) for p in doc.paragraphs] == [("title", None)] + [
        ("turn", "记者 何欣然"), ("turn", "厂长 李明远")] * 2


def test_a_latin_name_of_long_words_is_one_label():
    lines = ["一座牧场的冬天", "记者：牧场有多大？", "Marguerite Okonkwo-Hale：两千公顷。", "记者：冬天难吗？",
             "Marguerite Okonkwo-Hale：很难。", "记者：还会扩大吗？", "Marguerite Okonkwo-Hale：不会。"]
    doc = parse(Document(doc_id="902", source_file="902.txt", cleaned="\n".join(lines)))
    assert [(p.kind, p.speaker_label) for p in doc.paragraphs] == [("title", None)] + [
        ("turn", "记者"), ("turn", "Marguerite Okonkwo-Hale")] * 3


@pytest.mark.parametrize("closing", ["嘉賓言論純屬個人分享。", "主持人的提问均经过编辑。"])
def test_a_line_naming_a_participant_by_role_after_the_last_turn_is_no_turn(closing):
    turns = ["主持人：你好吗？", "林若岚：很好。", "主持人：还做陶吗？", "林若岚：还在做。",
             "主持人：为什么？", "林若岚：因为喜欢。"]
    text = "\n".join([*turns, closing])
    paragraphs = parse(Document(doc_id="t", source_file="t.txt", cleaned=text, metadata={"title_zh": "t"})).paragraphs
    assert [p.kind for p in paragraphs] == ["turn"] * 6 + ["paragraph"]


# ---------------------------------------------------------------- round 13: decoration around a label

DECORATIONS = st.text(alphabet="—-─━▍▌■□●◆▶►•·・*_#~🎙", min_size=1, max_size=8)
LABELS = st.sampled_from(["阿槐", "记者", "問", "Q", "虞晓棠", "Mia Chen", "「暗涌」"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(DECORATIONS, st.text(alphabet="—▍ *", max_size=3)), min_size=4, max_size=4),
       LABELS, LABELS)
def test_a_label_is_read_without_the_decoration_around_it(decorations, asker, answerer):
    """Whatever a page draws around a label (a dash rule glued above it, a bar, a square, Markdown's **), on either
    side, the label is the same and the turn's text keeps every character after the colon."""
    if asker == answerer:
        return
    lines = []
    for number, (before, after) in enumerate(decorations):
        label, text = (asker, "为什么？") if number % 2 == 0 else (answerer, "因为这样。")
        lines.append(f"{before}{label}{after.strip()}：{text}")
    doc = parse(Document(doc_id="901", source_file="901.txt", cleaned="标题\n\n" + "\n\n".join(lines)))
    assert [(p.speaker_label, p.text) for p in doc.paragraphs if p.kind == "turn"] == [
        (asker, "为什么？"), (answerer, "因为这样。"), (asker, "为什么？"), (answerer, "因为这样。")]


def test_a_dash_rule_glued_above_the_first_label_is_no_part_of_it():
    """heldout14's kind, from dev dv289/dv290: the cleaner joined a dash rule line to the first turn
    (``————阿沁：…``); the label was ``————阿沁`` and its turn lost its speaker's role."""
    doc = parse(Document(doc_id="902", source_file="902.txt", cleaned=(
        "马奶能不能走出草原\n\n————阿沁：先科普一下？\n\n包斯琴：好的。\n\n阿沁：原料呢？\n\n包斯琴：牧区。")))
    assert [p.speaker_label for p in doc.paragraphs if p.kind == "turn"] == ["阿沁", "包斯琴", "阿沁", "包斯琴"]
