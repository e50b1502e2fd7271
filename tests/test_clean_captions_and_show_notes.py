"""Issue 11 part t, round 8: a photo's caption alone between paragraphs, a chapter list under a heading with a colon
or with bulleted stamps, a notice whose sentence goes on after its contact, an editor's note that the text was cut,
where-to-listen lines in Cantonese, and the one helper every scored removal's edit is built with."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean.boilerplate import CAPTIONS, CHAPTER_LISTS
from corpus.clean.notices import NOTICES, find_notices
from corpus.clean.rules import removal
from endmatter import cleaned

TITLE = "沿海小鎮的新生意"
BEFORE = "這家船廠開業五十年，第三代負責人今年四十二歲，從小在船廠長大。"
AFTER = "他說，今年收了兩個學徒，其中一個是職業訓練局畢業的，漁船和列車的維修都學。"


@pytest.mark.parametrize("caption", ["船廠滑道上等待維修的木漁船", "勝興車站月台上的觀光列車",
                                     "合作社分拣车间里的脐橙分级流水线", "北埔鄉衛生所的遠距門診室"])
def test_a_caption_alone_between_paragraphs_goes(caption):
    raw = f"{TITLE}\n\n{BEFORE}\n\n{caption}\n\n{AFTER}門診室和流水線也在其中。\n"
    assert caption not in cleaned(raw)
    [edit] = CAPTIONS.find(raw)
    assert edit.old == caption and edit.rule == "boilerplate.caption" and "score" in edit.reason


@pytest.mark.parametrize("line", [
    "萬卡儲備與它的代價",  # a pronoun: prose refers back, a caption describes
    "老店的第三代接班人",  # no place before 的
    "船廠滑道上的木漁船，等待維修",  # punctuated
    "滑道的船",  # too short
])
def test_subheadings_and_sentences_stay(line):
    raw = f"{TITLE}\n\n{BEFORE}\n\n{line}\n\n{AFTER}木漁船和接班人。\n"
    assert line in cleaned(raw)


def test_two_such_lines_weigh_less_than_one_alone():
    """An article's subheadings come several: each weighs one less than a lone line."""
    first, second = "船廠滑道上的木漁船", "碼頭邊上的舊吊機"
    raw = f"{TITLE}\n{BEFORE}\n{first}\n{AFTER}\n{second}\n{AFTER}\n"
    assert all(CAPTIONS.score(line, False, raw)[0] < CAPTIONS.score(line, True, raw)[0] for line in (first, second))


def test_a_line_after_no_sentence_end_is_no_caption():
    """A quotation wrapped over lines: the line before ends no sentence."""
    raw = f"{TITLE}\n他說我們趕上了\n船廠滑道上等待維修的木漁船\n{AFTER}\n"
    assert CAPTIONS.find(raw) == []


@pytest.mark.parametrize("heading, bullet", [("本期你会听到：", ""), ("這集你會聽到", "▸ "), ("今集重點：", "• ")])
def test_a_chapter_list_under_a_heading_with_a_colon_or_bullets_goes_whole(heading, bullet):
    items = [f"{bullet}03:15 一窑要烧几天几夜", f"{bullet}14:40 松柴从哪里来", f"{bullet}29:05 年轻人还愿意学吗"]
    raw = "\n".join([TITLE, BEFORE, heading, *items, AFTER]) + "\n"
    [edit] = CHAPTER_LISTS.find(raw)
    # three items + 1 for ascending stamps + 1 for the heading
    assert edit.old == "\n".join([heading, *items]) and "score 5 ≥ 4" in edit.reason
    assert heading not in cleaned(raw)


@pytest.mark.parametrize("notice, tail", [
    ("本報所有內容均受著作權保護，如需轉載請來信 editor@haian.tw 洽詢，未經同意不得重製，違者依法追究。", ""),
    ("转载请发邮件至 rights@example.cn 申请授权，违者追究法律责任。", ""),
    ("如需轉載請電郵 desk@example.hk 取得授權，違者必究。", "今年的展會吸引了三萬人。"),
])
def test_a_notices_sentence_goes_on_after_its_contact(notice, tail):
    text = cleaned(f"{TITLE}\n{BEFORE}\n{notice}{tail}\n")
    assert "違者" not in text and "违者" not in text and "@" not in text
    assert text.rstrip("\n").endswith(tail or BEFORE)


def test_an_article_glued_to_a_contact_keeps_its_sentence():
    line = "版权所有，转载须联系 a@b.cn我们今年推出新的产品，工程师认为客服电话 010-8888 6666很快会开通。"
    assert NOTICES.spliced_head(line) == "版权所有，转载须联系 a@b.cn"


@pytest.mark.parametrize("note", ["（訪談內容經整理刪節）", "（采访内容有删减）", "（本文節錄自講座）"])
def test_an_editors_note_that_the_text_was_cut_goes(note):
    [edit] = find_notices(note)
    assert edit.old == note and "credit shape" in edit.reason


@pytest.mark.parametrize("line", [
    "收聽方法：Spotify、Apple Podcasts、YouTube 搜尋「街坊麵包檔」就搵到我哋。",
    "在 Spotify、KKBOX、Apple Podcasts 都能收聽本節目，記得按下訂閱。",
    "本期节目可以在小宇宙、喜马拉雅收听，搜索“窑火夜谈”就能找到我们。",
])
def test_where_to_listen_goes_in_any_script(line):
    [edit] = find_notices(line)
    assert edit.old == line


def test_news_about_the_platforms_stays():
    line = "Spotify和Apple Podcasts在亚洲的订阅用户去年增长了三成，YouTube的播客频道也多了。"
    assert find_notices(line) == []


def test_removal_reason_names_score_threshold_and_evidence():
    edit = removal(3, "abc", "boilerplate.x", "why", 5, 4, ("转载", "授权"))
    assert (edit.start, edit.end, edit.old, edit.new, edit.rule) == (3, 6, "abc", "", "boilerplate.x")
    assert edit.reason == "why (score 5 ≥ 4: 转载, 授权)"
    assert removal(0, "a", "r", "why", 4, 4).reason == "why (score 4 ≥ 4)"


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
LINE = st.one_of(st.text(HAN, min_size=1, max_size=20), st.sampled_from(
    ["船廠滑道上等待維修的木漁船", "碼頭邊的舊吊機", "萬卡儲備與它的代價", BEFORE, AFTER, "本期你会听到：",
     "▸ 04:50 一斤茶", "12:30 開場", "作者 阿Lok", "港島東週報 社區 人物", "主持：Mandy ｜ 嘉賓：譚家輝",
     "如需轉載請來信 a@b.tw 洽詢，違者必究。"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=10), st.sampled_from(["\n", "\n\n"]))
def test_captions_show_notes_and_headers_clean_losslessly_and_idempotently(lines, separator):
    cleaned(separator.join([TITLE, *lines]) + "\n")


@settings(max_examples=60, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=10))
def test_a_caption_edit_is_always_a_whole_line_unpunctuated_or_led_by_a_picture_word(lines):
    raw = "\n".join([TITLE, *lines]) + "\n"
    for edit in CAPTIONS.find(raw):
        assert raw[edit.start:edit.end] == edit.old and raw[edit.start - 1] == "\n" and raw[edit.end] == "\n"
        assert not CAPTIONS.punctuation.search(edit.old) or CAPTIONS.labelled.fullmatch(edit.old.strip())
