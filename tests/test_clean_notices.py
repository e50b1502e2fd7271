"""Notices recognised by evidence (score/accept), never article text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean
from corpus.clean.notices import NOTICES, find_notices
from corpus.clean.rules import load_yaml
from corpus.editlog import revert_all

ARTICLE = "理想汽车和蔚来都在今年推出了语音助手。"


def test_a_notice_in_new_words_is_removed_with_its_score_in_the_reason():
    notice = "如需引用本号内容,请事先取得书面许可并注明出处,洽谈合作请来信 hello@example.org"
    text, passes = clean(f"标题\n{ARTICLE}\n{notice}")
    assert text == f"标题\n{ARTICLE}"
    (edit,) = [e for p in passes for e in p if e.rule == "boilerplate.notice"]
    assert "score" in edit.reason and "hello@example.org" in edit.reason


def test_a_notice_spliced_before_a_paragraph_loses_only_itself():
    raw = f"标题\n【声明】本稿件独家授权,转发须经书面许可,联系:a@b.cn{ARTICLE}"
    text, passes = clean(raw)
    assert text == f"标题\n{ARTICLE}"
    assert revert_all(text, passes) == raw


def test_a_disclaimer_split_over_two_sentences_goes_as_one_line():
    line = "本文内容仅供参考,不代表本网站立场。如涉及版权问题,请联系我们删除。"
    assert [e.old for e in find_notices(f"{ARTICLE}\n{line}")] == [line]


def test_article_sentences_about_rights_or_contacts_stay():
    for line in ("他认为这些观点仅代表少数人,但合作仍在继续。",
                 "公司表示,已获得该技术的授权,并将在上海提供服务。",
                 "我们在2023-2025年会继续投资。"):
        assert NOTICES.accept(line, NOTICES.score(line)), line
        assert find_notices(line) == []


def test_a_long_paragraph_is_never_a_notice():
    line = "本文作者认为,版权与转载的问题需要联系各方:" + "这一段讨论的是行业的发展。" * 20
    assert NOTICES.score(line).score >= NOTICES.threshold and find_notices(line) == []


def test_the_seeds_lose_no_line_to_notices(prepared_docs):
    assert not [e for doc in prepared_docs.values() for p in doc.edits for e in p if e.rule == "boilerplate.notice"]


EVIDENCE = sorted({w for w in NOTICES.words.pattern.replace("\\", "").split("|") if w.isalpha() and not w.isascii()})
HAN_WITHOUT_EVIDENCE = st.lists(st.sampled_from(list("我们今年推出新的产品在市场里增长很快工程师认为")),
                                min_size=4, max_size=40).map("".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(EVIDENCE), min_size=2, max_size=6, unique=True), HAN_WITHOUT_EVIDENCE)
def test_article_text_after_any_spliced_notice_is_kept(words, article):
    notice = ",".join(words) + ",联系:x@example.com"
    raw = f"标题\n{notice}{article}。"
    text, passes = clean(raw)
    assert f"{article}。" in text.split("\n")
    assert "example.com" not in text
    assert revert_all(text, passes) == raw
    assert NOTICES.spliced_head(notice + article) == notice


def test_credits_in_new_words_are_removed_by_their_shape():
    for credit in ("（责任编辑：宋佳琪）", "題圖：島嶼日報 攝", "（本文經受訪者確認）", "图／远山周刊 摄",
                   "（实习生马一鸣对本文亦有贡献）", "圖片來源：竹科觀察站"):
        text, _ = clean(f"标题\n{ARTICLE}\n{credit}")
        assert text == f"标题\n{ARTICLE}", credit


def test_turns_and_sentences_that_name_a_role_are_not_credits():
    for line in ("记者：你们的工厂现在开工率怎么样？", "编辑：这一段怎么改？", "（笑）", "他拍摄了这张图片。",
                 "图：我们的产品在市场里增长很快，工程师认为还会更快。"):
        assert NOTICES.accept(line, NOTICES.score(line)), line


def test_a_credit_ending_a_paragraph_loses_only_its_brackets():
    raw = f"标题\n{ARTICLE}（图／皖江日报记者 陈露 摄）"
    text, passes = clean(raw)
    assert text == f"标题\n{ARTICLE}"
    assert revert_all(text, passes) == raw
    assert find_notices(f"{ARTICLE}（笑）") == []


def test_a_spliced_notice_is_cut_after_all_its_consecutive_contacts():
    for contacts in ("x@example.cn 或致電 02-2771-5566", "https://example.cn/contact 电话 0551-6234 5678",
                     "x@example.cn，联系电话 0512-6688-1234"):
        raw = f"标题\n版权所有，未经授权不得转载。联系：{contacts}{ARTICLE}"
        text, passes = clean(raw)
        assert text == f"标题\n{ARTICLE}", contacts
        assert revert_all(text, passes) == raw


def test_a_contact_far_from_the_notice_is_not_joined_to_it():
    line = "版权所有，转载须联系 a@b.cn我们今年推出新的产品，工程师认为客服电话 010-8888 6666很快会开通。"
    assert NOTICES.spliced_head(line) == "版权所有，转载须联系 a@b.cn"


CREDIT_ROLES = ["责任编辑", "受访者", "实习生", "题图", "圖片來源", "校对"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CREDIT_ROLES), HAN_WITHOUT_EVIDENCE, HAN_WITHOUT_EVIDENCE)
def test_a_trailing_credit_never_takes_article_text(role, article, name):
    raw = f"标题\n{article}。（{role}：{name[:12]}）"
    text, passes = clean(raw)
    assert f"{article}。" in text.split("\n")
    assert role not in text
    assert revert_all(text, passes) == raw


CONTACTS = st.sampled_from(["x@example.cn", "https://example.cn/about", "010-8888 6666", "02-2771-5566",
                            "13912345678", "400-820-6655"])


@settings(max_examples=60, deadline=None)
@given(st.lists(CONTACTS, min_size=1, max_size=3), st.sampled_from(["或致电", "，电话：", " ", "；微信："]),
       HAN_WITHOUT_EVIDENCE)
def test_a_spliced_notice_loses_every_consecutive_contact_and_no_article_text(contacts, joiner, article):
    raw = f"标题\n版权所有，未经书面许可不得转载。联系：{joiner.join(contacts)}{article}。"
    text, passes = clean(raw)
    assert text == f"标题\n{article}。"
    assert revert_all(text, passes) == raw


def test_a_notice_opening_a_paragraph_without_a_contact_to_end_it_takes_only_its_own_sentences():
    # the phone number is in a shape the contact pattern does not read, so only the sentences tell where it ends
    notice = "【本站声明】凡注明“远东财经”的稿件，转载须经书面授权，联系电话+44 20 7946 0958。"
    article = "英国华人商会会长周文涛认为，伦敦的华人餐馆需要新的品牌。他表示，明年商会将在曼彻斯特举办一场设计周。"
    text, passes = clean("伦敦华商谋转型\n" + notice + article)
    assert text == "伦敦华商谋转型\n" + article
    assert [edit.old for edits in passes for edit in edits] == [notice]


def test_a_notice_closing_a_paragraph_takes_only_its_own_sentences():
    # The article sentences before a notice stay, whether the notice ends in a contact (the head rule reads up to
    # it) or in a handle the contact pattern does not read (the whole-line rule scores the line).
    article = "温哥华港务局表示，今年集装箱吞吐量增长了百分之六。多伦多的华商吴嘉树说，更多货主开始改走铁路。"
    for notice in ("本文系加华财经独家稿件，转载请联系 rights@example.ca 并注明出处",
                   "本文为加华财经原创，转载请后台留言，商务合作请加微信 jiahua_biz。"):
        raw = "加拿大港口观察\n" + article + notice
        text, passes = clean(raw)
        assert text == "加拿大港口观察\n" + article, notice
        assert [edit.old for edits in passes for edit in edits] == [notice]
        assert revert_all(text, passes) == raw


def test_a_notice_line_ending_in_a_contact_sentence_goes_whole():
    line = "版权所有，未经许可不得转载。广告合作：（852）2345 6789 / ads@example.hk"
    assert clean("标题\n第一段正文，说明事情的经过。\n" + line)[0] == "标题\n第一段正文，说明事情的经过。"


def test_the_full_stop_closing_a_spliced_notice_goes_with_it():
    # A notice's last contact often closes its sentence (…請聯系 x@example.cn。): the mark is the notice's, and
    # left behind it opened the paragraph (found by tests/test_clean_mojibake.py's process property, where damage
    # in the notice's first words kept the curated rule from matching it).
    for end in ("。", " 。", "!"):
        raw = f"标题\n如有任何疑问，请联系 x@example.cn{end}{ARTICLE}"
        text, passes = clean(raw)
        assert text == f"标题\n{ARTICLE}", end
        assert revert_all(text, passes) == raw


def test_a_bracketed_notice_opening_a_paragraph_loses_only_its_brackets():
    # dv231's kind, and heldout13's blind run: without the rule the whole paragraph went, notice and article both
    article = "渔民合作社已经和仓库签了三年的协议，冬季的梭子蟹可以直接在港口冻存。"
    line = f"〔本文版权归某晨报所有，未经授权不得转载〕{article}"
    text, passes = clean(f"标题\n\n{line}")
    assert text.split("\n")[-1] == article
    assert revert_all(text, passes) == f"标题\n\n{line}"
    (edit,) = find_notices(line)
    assert "bracketed head" in edit.reason and edit.old.startswith("〔") and edit.old.endswith("〕")


def test_a_paragraph_between_a_bracketed_notice_and_a_spliced_one_is_cleaned_once():
    raw = ("标题\n\n【某晨报原创稿件，转载请注明来源】仓库本月完成扩建，库容增加到两万吨。"
           "本文由某晨报原创，转载请联系授权，电话 0791-8623 5510。")
    text, passes = clean(raw)
    assert text.split("\n")[-1] == "仓库本月完成扩建，库容增加到两万吨。"
    assert clean(text) == (text, []) and revert_all(text, passes) == raw


def test_a_bracketed_label_without_a_notices_evidence_stays():
    for line in ["【编者按】本文作者是一位老渔民，他写下了三十年的见闻。", "【独家】沈家门渔港的冷链仓库本月完成扩建。",
                 "（记者 乐雁汀）仓库负责人说，今年的到港量比去年多了两成。"]:
        assert NOTICES.leading_notes(line) is None


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(EVIDENCE), min_size=3, max_size=6, unique=True),
       st.sampled_from(list(load_yaml("notices.yaml")["leading_brackets"].items())), HAN_WITHOUT_EVIDENCE)
def test_article_text_after_any_bracketed_notice_is_kept(words, brackets, article):
    opening, closing = brackets
    notice = opening + "，".join(words) + closing
    raw = f"标题\n\n{notice}{article}。"
    text, passes = clean(raw)
    assert f"{article}。" in text.split("\n")
    assert notice not in text
    assert revert_all(text, passes) == raw
