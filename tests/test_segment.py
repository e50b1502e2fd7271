from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.segment import CLOSERS, split_sentences

CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        list("我们在做一件事张宏江说好的。！？!?；;…“”「」『』（）()《》‘’\"'.,，:：3.5GPT- \u3000")
    ),
    max_size=200,
)


def only_closers(sentence: str) -> bool:
    return all(char in CLOSERS or char.isspace() for char in sentence)


def test_ends_at_terminators_and_keeps_closing_quotes():
    assert split_sentences("他说：“我们要做。我们会做。”然后走了。好吗?好!") == [
        "他说：“我们要做。我们会做。”",
        "然后走了。",
        "好吗?",
        "好!",
    ]


def test_ellipsis_and_semicolon_end_sentences():
    assert split_sentences("还有很多……但是；我们走") == ["还有很多……", "但是；", "我们走"]


def test_no_break_inside_numbers_names_and_numbered_headings():
    for text in ["GPT-3.5和Boson.ai估值1.75万亿", "01.为什么中国没有OpenAI"]:
        assert split_sentences(text) == [text]


def test_terminator_inside_quotation_does_not_break_unless_quotation_ends():
    text = "他提出“做研究。做探索”这样的口号。然后离开。"
    assert split_sentences(text) == ["他提出“做研究。做探索”这样的口号。", "然后离开。"]


def test_terminator_inside_brackets_does_not_break():
    assert split_sentences("方向是(AI架构。)这样的。好") == ["方向是(AI架构。)这样的。", "好"]


def test_real_interview_sentence_from_seed_002():
    text = ("梁文鋒:其實從最早的1張卡,到2015年的100張卡、2019年的1000張卡,再到一萬張,這個過程是逐步發生的。"
            "幾百張卡之前,我們托管在IDC。")
    assert len(split_sentences(text)) == 2


@settings(max_examples=300)
@given(CJK_TEXT)
def test_every_character_belongs_to_exactly_one_sentence(text):
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert all(pieces)


@settings(max_examples=500)
@given(CJK_TEXT)
def test_no_sentence_is_only_closing_quotes_brackets_or_spaces(text):
    pieces = split_sentences(text)
    if len(pieces) > 1:  # a paragraph of nothing but closers is one such sentence, unavoidably
        assert not [piece for piece in pieces if only_closers(piece)]


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes_and_covers_input(text):
    assert "".join(split_sentences(text)) == text


def test_terminator_after_closing_quote_stays_with_the_sentence():
    assert split_sentences("他说：“好。”。然后") == ["他说：“好。”。", "然后"]


def test_straight_quote_after_a_sentence_end_closes_the_open_quotation():
    assert split_sentences('他说:"好。"她说:"不。"') == ['他说:"好。"', '她说:"不。"']
    assert split_sentences('他说:"好。"') == ['他说:"好。"']
    assert split_sentences("他说:'好。'她说:'不。'") == ["他说:'好。'", "她说:'不。'"]


def test_straight_quote_with_nothing_open_opens_the_next_sentence():
    assert split_sentences('好。"走吧。"他说。') == ["好。", '"走吧。"', "他说。"]


def test_terminators_inside_straight_quotes_do_not_end_the_sentence():
    assert split_sentences("他说:'好。你好。'然后走了。") == ["他说:'好。你好。'", "然后走了。"]


def test_apostrophes_are_not_quotes():
    assert split_sentences("GPT's 好。再见。") == ["GPT's 好。", "再见。"]
    assert split_sentences("身高5'10。再见。") == ["身高5'10。", "再见。"]


def test_a_stray_quote_at_the_end_stays_with_the_last_sentence():
    assert split_sentences('好。再见。"') == ["好。", '再见。"']


def test_nested_quotations_close_together():
    assert split_sentences("他说：“她说‘好。’”然后走了。") == ["他说：“她说‘好。’”", "然后走了。"]
    assert split_sentences("他说：“她说‘好。’我们走。”然后") == ["他说：“她说‘好。’我们走。”", "然后"]
    assert split_sentences("（他说“好。”然后走了）。再见") == ["（他说“好。”然后走了）。", "再见"]
    assert split_sentences("他说:\"她说'好。'\"然后") == ["他说:\"她说'好。'\"", "然后"]


def test_a_closer_after_spaces_stays_with_the_sentence():
    assert split_sentences("好。 」再见") == ["好。 」", "再见"]


def test_a_question_mark_inside_unrecovered_mojibake_ends_no_sentence():
    from corpus.clean import mojibake
    from corpus.model import Paragraph
    from corpus.segment import flag_corrupted, segment_paragraph

    line = "許多工程師認為,這家公司真正的優勢在於數據和耐心,而不是資金。"
    damaged = mojibake.damage(line, 12, mojibake.phantom_reading(line, 12))  # 這家公司?jú)嬲…托?而不是資金。
    assert damaged.count("?") == 2
    sentences = segment_paragraph("d", Paragraph(1, "paragraph", damaged))
    assert [s.zh for s in sentences] == [damaged]
    assert flag_corrupted(damaged, sentences) == sentences
