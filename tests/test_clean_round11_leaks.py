"""Issue 11 part L, round 11: leaks recognised by evidence (HTML character references, a comment section by its
shape, link-bulleted lists without a heading, captions with their credit, share lines of platforms, disclaimers in
new words, a paper's dateline with its reporter), the line model's bounded cost, and a line naming the interview's
participants that the model keeps (dv86b).  Texts here are new: no capture's wording."""
from __future__ import annotations

import dataclasses
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean, line_model
from corpus.clean.comments import COMMENT_SECTIONS
from corpus.clean.line_model import POS_SAMPLE, naming_participants, participants
from corpus.clean.markup import find_character_references
from endmatter import cleaned

TITLE = "江心洲果农试种无花果"
LEAD = "南京江心洲的二十多户果农今年试种无花果，第一批果子已经卖到了鼓楼的早市。"
BODY = "果农甘如松说，无花果怕涝，今年梅雨季他在果园里挖了三条排水沟，损失比预想的小。"
TAIL = "明年合作社打算再扩种五十亩，并和本地一家冷链企业谈好了收购价格。"
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


# ---------------------------------------------------------------- HTML character references


def test_character_references_become_the_characters_they_stand_for_and_glue_nothing():
    raw = (f"{TITLE}\n\n&nbsp;&nbsp;{LEAD}\n\n"
           "占地约&nbsp;80&nbsp;亩，品种叫&ldquo;波姬红&rdquo;，由果&amp;蔬合作社收购。\n")
    assert cleaned(raw) == f"{TITLE}\n{LEAD}\n占地约 80 亩，品种叫“波姬红”，由果&蔬合作社收购。"


@pytest.mark.parametrize("kept", ["AT&T;的5G网络", "R&D 投入", "Q&A环节", "&unknownname;"])
def test_an_ampersand_that_is_no_known_reference_stays(kept):
    assert find_character_references(kept) == []


def test_a_reference_escaped_twice_is_decoded_in_two_rounds_and_bare_nbsp_too():
    assert cleaned(f"{TITLE}\n\n{LEAD}&amp;nbsp;{BODY}&nbsp\n") == f"{TITLE}\n{LEAD}{BODY}"  # no space after 。


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(HAN, min_size=1, max_size=12),
                          st.sampled_from(["&nbsp;", "&nbsp", "&emsp;", "&amp;", "&ldquo;", "&rdquo;", "&#x3000;",
                                           "&#12290;", "&amp;nbsp;", "&", ";"])), min_size=1, max_size=12))
def test_references_anywhere_clean_losslessly_idempotently_and_leave_no_entity_letters(parts):
    raw = f"{TITLE}\n\n{''.join(parts)}\n"
    text = cleaned(raw)
    assert "nbsp" not in text and "emsp" not in text and "ldquo" not in text


# ---------------------------------------------------------------- a comment section, by its shape

COMMENTS = ["讨论 17　最赞｜最近", "江北老王", "去年买过，很甜", "fig_lover2025", "求地址", "小雨点", "价格多少？",
            "加载更多"]


def test_a_counted_comment_section_ending_the_page_goes_whole():
    raw = "\n\n".join([TITLE, LEAD, BODY, TAIL]) + "\n\n" + "\n".join(COMMENTS) + "\n"
    text, passes = clean(raw)
    assert text == "\n".join([TITLE, LEAD, BODY, TAIL])
    assert any(edit.rule == COMMENT_SECTIONS.rule for edits in passes for edit in edits)


@pytest.mark.parametrize("ending", [
    ["活动安排", "时间：2026年5月3日", "地点：江心洲码头", "费用：免费", "报名：关注合作社公告"],  # no count heading
    ["三个数字", "80亩", "3条沟", "5成"],  # a count heading, too few short lines and no handle
])
def test_an_articles_own_short_ending_is_no_comment_section(ending):
    raw = "\n\n".join([TITLE, LEAD, BODY]) + "\n\n" + "\n".join(ending) + "\n"
    assert COMMENT_SECTIONS.find(raw) == []


def test_a_comment_sections_score_and_decision_are_apart():
    assert COMMENT_SECTIONS.score(COMMENTS[1:]) == 4 and not COMMENT_SECTIONS.accept(COMMENTS[1:], 4)
    # heading, short; one line, no handle
    assert COMMENT_SECTIONS.score(["80亩"]) == 2 and COMMENT_SECTIONS.accept(["80亩"], 2)
    # a rights line's year and a price are no counted heading and handle around an article's sentences
    sentences = ["公司去年把会员费从每月9元调到12元，用户数反而增加了两成。"] * 4 + ["HK$48"]
    assert COMMENT_SECTIONS.score(sentences) == 3 and COMMENT_SECTIONS.accept(sentences, 3)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.text(HAN, min_size=1, max_size=10),
                          st.from_regex(r"[a-z_]{3,8}[0-9]{0,3}", fullmatch=True)), min_size=0, max_size=8),
       st.integers(0, 999))
def test_comment_sections_of_any_replies_go_without_touching_the_article(replies, count):
    raw = "\n\n".join([TITLE, LEAD, BODY]) + f"\n\n留言 {count}\n" + "\n".join(replies) + "\n"
    text = cleaned(raw)
    assert text.startswith("\n".join([TITLE, LEAD, BODY]))


# ---------------------------------------------------------------- lists, captions, share lines, notices, datelines


def test_link_bulleted_titles_mid_article_go_and_an_articles_own_points_stay():
    links = "►鼓楼早市本周起延长营业\n►长江大桥夜间检修公告\n"
    points = "▶ 挖沟排水，防止烂根\n▶ 搭棚遮阳，减少裂果\n"
    assert cleaned(f"{TITLE}\n\n{LEAD}\n\n{links}\n{BODY}\n") == f"{TITLE}\n{LEAD}\n{BODY}"
    assert "挖沟排水" in cleaned(f"{TITLE}\n\n{LEAD}\n\n{points}\n{BODY}\n")


@pytest.mark.parametrize("caption", ["相：甘如松喺果園入面摘果。記者溫子朗影", "▲果农在江边的果园里摘无花果。",
                                     "（图：甘如松在果园里检查果子。本报记者 邱一帆摄）",
                                     "图：早市上的无花果摊。受访者提供"])
def test_a_caption_with_a_mark_brackets_or_its_credit_goes(caption):
    assert cleaned(f"{TITLE}\n\n{LEAD}\n\n{caption}\n\n{BODY}\n") == f"{TITLE}\n{LEAD}\n{BODY}"


def test_a_sentence_of_clauses_after_a_picture_word_stays():
    sentence = "图：无花果的销量今年翻了一倍，合作社认为明年还会增长。"
    assert sentence in cleaned(f"{TITLE}\n\n{LEAD}\n\n{sentence}\n\n{BODY}\n")


@pytest.mark.parametrize("share", ["分享至：微信　微博　QQ空间", "转贴　Facebook　Threads　Telegram"])
def test_a_share_line_of_platforms_goes(share):
    assert cleaned(f"{TITLE}\n\n{share}\n\n{LEAD}\n\n{BODY}\n") == f"{TITLE}\n{LEAD}\n{BODY}"


def test_news_about_platforms_stays():
    news = "这家合作社在微信和微博上开了店，去年线上卖出的无花果占了三成。"
    assert news in cleaned(f"{TITLE}\n\n{LEAD}\n\n{news}\n\n{BODY}\n")


@pytest.mark.parametrize("notice", ["以上内容不保证准确，读者使用前请自行查证，本站概不负责。",
                                    "欢迎来稿，来稿文责自负，本刊有权删改。"])
def test_a_disclaimer_in_new_words_goes(notice):
    assert cleaned(f"{TITLE}\n\n{LEAD}\n\n{BODY}\n\n{notice}\n") == f"{TITLE}\n{LEAD}\n{BODY}"


def test_a_papers_dateline_with_its_reporter_goes_and_the_lead_stays():
    assert cleaned(f"{TITLE}\n\n本报南京6月9日电（记者 俞晚晴）{LEAD}\n") == f"{TITLE}\n{LEAD}"


# ---------------------------------------------------------------- the line model: cost and participants


def test_the_part_of_speech_shares_read_a_bounded_sample_of_a_long_line():
    line = (LEAD + BODY) * 200
    with mock.patch.object(line_model, "_pos_shares", wraps=line_model._pos_shares) as shares:
        line_model.line_features.cache_clear()
        line_model.line_features(line)
    [call] = shares.call_args_list
    assert len(call.args[0]) == POS_SAMPLE


TURNS = ["书言：你什么时候开始种无花果？", "如松：三年前。那时候江心洲还没有人种。", "书言：最难的是什么？",
         "如松：排水，梅雨季一来就怕。"]
HEADER = "第9期｜2026/06/01　主持人：温书言　特邀：甘如松（江心洲果农）　时长：38分钟"


def test_participants_are_labels_that_recur_and_are_no_role_word():
    assert participants([HEADER, *TURNS, "记者：还有呢？", "记者：好的。"]) == {"书言", "如松"}


def test_the_first_removed_line_naming_a_participant_no_kept_line_names_is_kept():
    lines = [TITLE, HEADER, "嘉宾：甘如松", *TURNS]
    assert naming_participants(lines, {1, 2}) == {1}
    assert naming_participants([TITLE, "书言、如松", HEADER, *TURNS], {2}) == set()  # named on a kept line


def test_a_header_naming_host_and_guest_stays_under_a_laxer_model_and_goes_without_the_turns(monkeypatch):
    lax = dataclasses.replace(line_model._model(), threshold=0.5, body_threshold=0.5)
    monkeypatch.setattr(line_model, "_model", lambda: lax)
    with_turns = "\n\n".join([TITLE, HEADER, LEAD, *TURNS]) + "\n"
    without = "\n\n".join([TITLE, HEADER, LEAD, BODY]) + "\n"
    assert HEADER not in [edit.old for edit in line_model.find_model_lines(with_turns)]
    assert HEADER in [edit.old for edit in line_model.find_model_lines(without)]
