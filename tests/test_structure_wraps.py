"""Hard-wrapped interviews (corpus/structure/wrap_width.py): a line as wide as the document's wrap width goes on in
the next line; a new turn carries its label; a label-less paragraph after a shorter line is a paragraph of the open
turn."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.model import Document
from corpus.structure import parse
from corpus.structure.wrap_width import display_width, reaches, wrap_width

ANSWER = ("以前一天能修二十几块现在一天三四块大多是老人的机械表还有年轻人从网上买的旧表他们喜欢老东西拿来的表有的比我"
          "年纪还大。")


def wrapped(paragraph: str, width: int) -> list[str]:
    return [paragraph[start:start + width] for start in range(0, len(paragraph), width)]


def structure(lines: list[str]) -> list[tuple[str, str | None, str]]:
    doc = parse(Document(doc_id="w", source_file="w.txt", cleaned="\n".join(lines), metadata={"title_zh": "t"}))
    return [(p.kind, p.speaker_label, p.text) for p in doc.paragraphs]


def test_lines_broken_at_the_wrap_width_are_one_turn_and_a_shorter_line_ends_a_paragraph():
    paragraphs = ["问：现在还有多少人来修表？", "答：" + ANSWER,
                  "我儿子在深圳做程序员他说以后可以帮我在网上接单修好了再寄回去。", "问：您觉得这门手艺会消失吗？",
                  "答：" + ANSWER, "问：有没有想过收徒弟？", "答：" + ANSWER]
    lines = [line for paragraph in paragraphs for line in wrapped(paragraph, 16)]
    assert structure(lines) == [("turn", "问", "现在还有多少人来修表？"), ("turn", "答", ANSWER),
                                ("turn", "答", paragraphs[2]), ("turn", "问", "您觉得这门手艺会消失吗？"),
                                ("turn", "答", ANSWER), ("turn", "问", "有没有想过收徒弟？"), ("turn", "答", ANSWER)]


def test_one_paragraph_a_line_shows_no_wrap_width():
    lines = ["问：现在还有多少人来修表？", "答：比十年前少多了。", "问：年轻人也来？", "答：来，而且越来越多。",
             "问：有没有想过收徒弟？", "答：想过。"]
    assert wrap_width(lines) is None
    assert [kind for kind, _, _ in structure(lines)] == ["turn"] * 6


def test_short_lines_that_end_on_punctuation_are_no_wrap():
    """Field lines and headings of one width end on punctuation or a name of their own: no evidence of a wrap."""
    lines = ["主持人：林予晴。", "嘉宾：方立群。", "剪辑：何柏言。", "监制：罗晓舟。", "音乐：许家明。",
             "问：好吗？", "答：好。"]
    assert wrap_width(lines) is None


def test_a_column_wrap_is_measured_in_columns():
    text = "旧手机自带电池、屏幕、GPS和4G模块，这些东西单独买要好几百块。我们只需要外接一个温湿度探头和一个雨量计就行。"
    lines: list[str] = []
    for paragraph in ["A：" + text] * 4:
        line = ""
        for char in paragraph:
            if display_width(line + char) > 30:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    wrap = wrap_width(lines)
    assert wrap is not None and wrap[0] is display_width and wrap[1] in (29, 30)
    assert reaches("一" * 15, wrap) and reaches("一" * 29 + "x", wrap) and not reaches("一" * 10, wrap)
    assert reaches("一" * 30, wrap) and not reaches("一" * 20, wrap)  # a line cleaning joined: two widths long


HAN = "我们做芯片价格为什么电池海船渡轮修表县城"


def ending_short_of(text: str, width: int) -> str:
    """``text`` at least two wrap widths long, its last wrapped line half as wide."""
    length = (2 + len(text) // width) * width + width // 2
    return (text * length)[:length]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=12, max_value=30),
       st.lists(st.tuples(st.booleans(), st.text(alphabet=HAN, min_size=1, max_size=60)), min_size=3, max_size=8))
def test_wrapping_an_interview_at_any_width_and_parsing_it_gives_back_its_paragraphs(width, exchanges):
    """Round trip: the paragraphs of an interview (labelled turns and label-less paragraphs inside answers, no blank
    lines) wrapped at one width come back whole, in order, none lost or glued together."""
    written: list[tuple[str, str]] = []
    for more, text in exchanges:
        written += [("问", f"{text[:5]}？"), ("答", ending_short_of(text, width)[3:] + "。")]
        if more:
            written.append(("答", ending_short_of(text[::-1], width)[1:] + "。"))
    paragraphs = [text if index and label == written[index - 1][0] else f"{label}：{text}"
                  for index, (label, text) in enumerate(written)]
    lines = [line for paragraph in paragraphs for line in wrapped(paragraph, width)]
    assert wrap_width(lines) == (len, width)
    assert structure(lines) == [("turn", label, text) for label, text in written]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=12, max_value=30), st.lists(st.text(alphabet=HAN, min_size=20, max_size=90),
                                                          min_size=3, max_size=8))
# CI's draw: no fixed width (too few lines reach it), and a turn's second line, no clause in it, read as a heading
@example(width=23, answers=["为" * 20, "为" * 20, "为" * 67])
def test_parsing_the_joined_paragraphs_again_changes_nothing(width, answers):
    """Idempotence: the paragraphs structure gives a wrapped document, written one a line, parse to themselves."""
    lines = [line for answer in answers for paragraph in (f"问：{answer[:5]}？", f"答：{answer}。")
             for line in wrapped(paragraph, width)]
    once = structure(lines)
    again = structure([(f"{label}：" if label else "") + text for _, label, text in once])
    assert again == once


def test_a_turn_wrapped_at_no_fixed_width_is_one_turn_and_a_heading_between_turns_stays():
    lines = ["龔紹謙：一家麵廠的第三代", "蘆洲一家開了六十年的麵廠，去年交到第三代龔", "紹謙手上。",
             "記者：為什麼願意回來接手？", "龔紹謙：父親前年中風，工廠差點要", "賣掉。我想了三個月，最後覺得這個味",
             "道不能斷在我這一代。", "老師傅沒有被裁掉，他們現在負責調麵糰的配方，機器", "學不來他們的手感。", "談接班",
             "記者：家裡支持嗎？", "龔紹謙：一開始反對，後來", "才支持。", "記者：接下來呢？", "龔紹謙：做冷凍麵。"]
    doc = parse(Document(doc_id="r", source_file="r.txt", cleaned="\n".join(lines)))
    assert [(p.kind, p.speaker_label, p.text) for p in doc.paragraphs] == [
        ("title", None, "龔紹謙：一家麵廠的第三代"),
        ("paragraph", None, "蘆洲一家開了六十年的麵廠，去年交到第三代龔紹謙手上。"),
        ("turn", "記者", "為什麼願意回來接手？"),
        ("turn", "龔紹謙", "父親前年中風，工廠差點要賣掉。我想了三個月，最後覺得這個味道不能斷在我這一代。"),
        ("turn", "龔紹謙", "老師傅沒有被裁掉，他們現在負責調麵糰的配方，機器學不來他們的手感。"),
        ("heading", None, "談接班"), ("turn", "記者", "家裡支持嗎？"), ("turn", "龔紹謙", "一開始反對，後來才支持。"),
        ("turn", "記者", "接下來呢？"), ("turn", "龔紹謙", "做冷凍麵。")]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_an_interview_cut_mid_word_anywhere_gives_back_its_paragraphs(data):
    """Round trip at no fixed width: turns (and label-less paragraphs inside answers) of prose cut into lines at
    random places between two letters, after the line has opened with its label or held a comma, come back whole."""
    written: list[tuple[str, str]] = []
    for _ in range(data.draw(st.integers(min_value=3, max_value=6))):
        written.append(("问", data.draw(st.text(alphabet=HAN, min_size=2, max_size=12)) + "？"))
        for _ in range(data.draw(st.integers(min_value=1, max_value=2))):
            clauses = data.draw(st.lists(st.text(alphabet=HAN, min_size=2, max_size=15), min_size=1, max_size=5))
            written.append(("答", "，".join(clauses) + "。"))
    lines = []
    for index, (label, text) in enumerate(written):
        paragraph = text if index and label == written[index - 1][0] else f"{label}：{text}"
        line_start = 0
        for end in range(1, len(paragraph) - 1):
            line = paragraph[line_start:end]
            cuttable = paragraph[end - 1] in HAN and paragraph[end] in HAN and ("：" in line or "，" in line)
            if cuttable and data.draw(st.booleans()):
                lines.append(line)
                line_start = end
        lines.append(paragraph[line_start:])
    assert structure(lines) == [("turn", label, text) for label, text in written]


# Round 12: a wrap right after 。 (the line reaches the width and ends a sentence) does not open a paragraph.

def test_a_wrap_right_after_a_sentence_end_continues_the_answer_when_word_breaks_show_the_width():
    answer = "我是临海人。在杭州的出版社做了五年编辑实在是太累了啊。房租和通勤把人耗得很疲惫只是没有地方去。"
    paragraphs = ["问：当初为什么选在临海开书店？", "答：" + answer, "问：书店靠什么维持？",
                  "答：卖书只占一半另一半是咖啡和读书会的门票去年我们和台州学院合作开了一门阅读课也有一点收入"
                  "网店和直播对我们冲击很大同一本书网上要便宜三分之一。", "问：接下来有什么计划？",
                  "答：想在天台县开一个小分店规模更小主要做儿童绘本也想请附近学校的老师来带孩子读书每个月办一次。",
                  "问：会劝年轻人回县城开书店吗？", "答：要看他能不能接受收入不稳定但你每天都能见到真正想读书的人"
                  "这一点在大城市反而很难得。"]
    lines = [line for paragraph in paragraphs for line in wrapped(paragraph, 29)]
    assert lines[1].endswith("。") and len(lines[1]) == 29  # the wrap falls right after 。
    assert structure(lines) == [("turn", paragraph[0], paragraph[2:]) for paragraph in paragraphs]


def test_lines_of_one_width_that_end_sentences_are_no_wrap_without_word_breaks():
    """Paragraphs that happen to be equally wide and end on 。 are one a line: no line breaks a word at that width."""
    lines = ["答：" + "一" * 24 + "。"] * 6
    assert wrap_width(lines) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=14, max_value=30), st.lists(st.text(alphabet=HAN, min_size=1, max_size=40),
                                                          min_size=3, max_size=6))
def test_an_interview_wrapped_with_sentences_ending_at_the_margin_gives_back_its_paragraphs(width, texts):
    """Round trip: each answer has a sentence that ends exactly at a line's end (a wrap right after 。) and goes on
    after it; wrapped at one width and parsed, the answers come back whole, none split at the 。."""
    written: list[tuple[str, str]] = []
    for text in texts:
        first = (text * width)[:width - 3] + "。"  # with the label 答：, the first line ends on 。 at the width
        written += [("问", f"{text[:5]}？"), ("答", first + ending_short_of(text[::-1], width) + "。")]
    lines = [line for label, text in written for line in wrapped(f"{label}：{text}", width)]
    assert structure(lines) == [("turn", label, text) for label, text in written]
