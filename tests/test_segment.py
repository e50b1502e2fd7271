from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.segment import split_sentences

CJK_TEXT = st.text(
    alphabet=st.sampled_from(list("我们在做一件事张宏江说好的。！？!?；;…“”「」『』（）()《》.,，:：3.5GPT- \u3000")),
    max_size=200,
)


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
    text = "梁文鋒:其實從最早的1張卡,到2015年的100張卡、2019年的1000張卡,再到一萬張,這個過程是逐步發生的。幾百張卡之前,我們托管在IDC。"
    assert len(split_sentences(text)) == 2


@settings(max_examples=300)
@given(CJK_TEXT)
def test_every_character_belongs_to_exactly_one_sentence(text):
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert all(pieces)


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes_and_covers_input(text):
    assert "".join(split_sentences(text)) == text


def test_terminator_after_closing_quote_stays_with_the_sentence():
    assert split_sentences("他说：“好。”。然后") == ["他说：“好。”。", "然后"]
