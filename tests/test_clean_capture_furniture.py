"""What web and WeChat captures add around an article, removed by evidence without losing article text:
a notice spliced at a paragraph's end, bylines opening a paragraph, an account's header, calls to action,
END marks, related-reading blocks and contact lines after the last turn."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean
from corpus.clean.notices import NOTICES, find_notices
from corpus.editlog import revert_all
from corpus.ingest.metadata import extract_metadata

ARTICLE = "回收的价格跟着碳酸锂走。闫立伟算了一笔账,如今只剩一半。"


def cleaned(raw: str) -> str:
    text, passes = clean(raw)
    assert revert_all(text, passes) == raw
    assert clean(text)[0] == text  # idempotent
    return text


@pytest.mark.parametrize("notice", ["本文由绿链观察原创,转载请联系授权,电话 0791-8623 5510。",
                                    "未經本站同意不得轉載,授權請洽 04-2255 8899。",
                                    "如需轉載請註明出處。版權聯繫:rights@example.tw"])
def test_a_notice_spliced_at_a_paragraphs_end_loses_only_its_sentences(notice):
    assert cleaned(f"标题\n{ARTICLE}{notice}\n下一段。") == f"标题\n{ARTICLE}\n下一段。"
    (edit,) = find_notices(f"{ARTICLE}{notice}")
    assert edit.old == notice and "score" in edit.reason


def test_a_notice_at_the_end_of_a_long_paragraph_is_cut_too():
    article = "厂里的工人大多来自附近的乡镇,很多人以前在鞋厂上班。" * 10
    assert cleaned(f"标题\n{article}本文由绿链观察原创,转载请联系授权,电话 0791-8623 5510。") == f"标题\n{article}"


def test_article_sentences_before_a_notice_that_mention_its_words_stay():
    sentence = "他们和三家车企有合作。"
    text = cleaned(f"标题\n{ARTICLE}{sentence}本文由绿链观察原创,转载请联系授权,电话 0791-8623 5510。")
    assert text == f"标题\n{ARTICLE}{sentence}"


def test_a_paragraph_whose_last_sentence_only_talks_about_rights_is_kept():
    line = f"{ARTICLE}他认为版权和授权的问题还要再谈。"
    assert find_notices(line) == []


SENTENCE = st.lists(st.sampled_from(list("我们今年推出新的产品在市场里增长很快工程师认为")), min_size=4,
                    max_size=30).map(lambda words: "".join(words) + "。")
EVIDENCE = ["版权", "转载", "授权", "联系", "注明", "出处", "书面", "许可", "本文"]
CONTACTS = ["x@example.cn", "https://example.cn/about", "010-8888 6666", "+65 6123 4567", "400-820-6655"]


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=4), st.lists(st.sampled_from(EVIDENCE), min_size=2, max_size=4,
                                                           unique=True), st.sampled_from(CONTACTS))
def test_no_article_sentence_is_lost_to_a_notice_spliced_after_it(sentences, words, contact):
    article = "".join(sentences)
    raw = f"标题\n{article}{'，'.join(words)}，电话：{contact}。"
    assert cleaned(raw) == f"标题\n{article}"


@pytest.mark.parametrize("byline, authors", [
    ("本报讯（记者 邬静怡 汤博）", ["邬静怡", "汤博"]),
    ("〔記者邱品蓁／台南報導〕", ["邱品蓁"]),
    ("【記者賀詠恩／台中報導】", ["賀詠恩"]),
    ("（中央社記者簡士傑台南5日電）", ["簡士傑"]),
])
def test_a_byline_opening_a_paragraph_goes_and_names_the_authors(byline, authors):
    paragraph = "玉井區的芒果今年比往年早了兩週成熟。"
    raw = f"台南芒果提早採收\n{byline}{paragraph}"
    assert cleaned(raw) == f"台南芒果提早採收\n{paragraph}"
    assert extract_metadata(raw)["authors"] == authors


def test_a_bracket_inside_a_paragraph_naming_a_reporter_is_article_text():
    line = "他说（记者 邬静怡 汤博）都来过。"
    assert cleaned(f"标题\n{line}") == f"标题\n{line}"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["本报讯（记者 邬静怡）", "〔記者邱品蓁／台南報導〕", "（中央社記者簡士傑台南5日電）"]),
       st.lists(SENTENCE, min_size=1, max_size=3))
def test_a_lead_byline_never_takes_article_text(byline, sentences):
    article = "".join(sentences)
    assert cleaned(f"标题\n{byline}{article}") == f"标题\n{article}"


def test_an_accounts_header_is_metadata():
    raw = "旧电池去哪儿了\n原创 绿链观察 发表于2025-03-12\n在南昌郊外,锦程再生的厂房里堆满了电池包。"
    assert cleaned(raw) == "旧电池去哪儿了\n在南昌郊外,锦程再生的厂房里堆满了电池包。"
    metadata = extract_metadata(raw)
    assert (metadata["outlet"], metadata["date"]) == ("绿链观察", "2025-03-12")


@pytest.mark.parametrize("line", ["点击上方蓝字关注我们", "點擊上方藍字,關注我們", "点个在看,分享给朋友",
                                  "点击阅读原文", "——END——", "- END -", "—— 完 ——"])
def test_calls_to_action_and_end_marks_go(line):
    assert cleaned(f"标题\n{ARTICLE}\n{line}\n厂里的工人大多来自附近的乡镇。") == (
        f"标题\n{ARTICLE}\n厂里的工人大多来自附近的乡镇。")


@pytest.mark.parametrize("line", ["我们在看市场的变化,分享一些想法。", "他把这份名单设为重点,没有关注别的。",
                                  "工程师认为更多的合作还在后面。"])
def test_sentences_with_some_call_to_action_words_stay(line):
    assert NOTICES.accept(line, NOTICES.score(line, True)), line


@pytest.mark.parametrize("heading", ["往期回顾", "推荐阅读", "延伸閱讀", "更多新聞", "相关阅读"])
def test_a_related_reading_block_after_the_last_turn_goes_and_does_not_join_it(heading):
    turns = "记者:现在的客户主要去哪里?\n林启航:东南亚多了,新加坡的单子最近涨得快。"
    raw = f"对话林启航:小货代\n{turns}\n{heading}\n▶ 集装箱涨价潮又来了?\n・跨境电商的物流账"
    assert cleaned(raw) == f"对话林启航:小货代\n{turns}"


def test_a_contact_line_after_the_last_turn_goes_and_a_turn_with_a_phone_stays():
    turns = "记者:怎么联系你们?\n林启航:电话是 0574-8888 6666,白天都有人。"
    assert cleaned(f"标题\n{turns}\n或拨打 +65 6123 4567") == f"标题\n{turns}"
    assert cleaned("标题\n他说电话 010-8888 6666 已经停用了。") == "标题\n他说电话 010-8888 6666 已经停用了。"


def test_a_disclaimer_spliced_at_a_paragraphs_end_goes_without_its_article_sentence():
    disclaimer = "本文观点仅代表作者,不代表本站立场。"
    assert cleaned(f"标题\n{ARTICLE}{disclaimer}") == f"标题\n{ARTICLE}"


def test_last_sentences_with_sparse_words_of_rights_and_no_contact_stay():
    line = f"{ARTICLE * 8}公司表示,已获得该技术的授权。双方的合作仍在继续,更多的产品明年会在上海提供。"
    assert NOTICES.spliced_tail(line) is None and find_notices(line) == []


@pytest.mark.parametrize("credit", ["（文／姚子晴）", "(文/姚子晴)", "（撰文：姚子晴）"])
def test_a_bracketed_byline_on_its_own_line_is_metadata(credit):
    raw = f"一家麵包店的第二十年\n姚子晴:為什麼要換成全麥?\n尹家豪:客人在意血糖。\n{credit}"
    assert cleaned(raw) == "一家麵包店的第二十年\n姚子晴:為什麼要換成全麥?\n尹家豪:客人在意血糖。"
    assert extract_metadata(raw)["authors"] == ["姚子晴"]


def test_a_bracketed_aside_naming_a_role_is_not_a_byline():
    line = "（文／图均由受访者提供，未经许可请勿转载）"
    assert extract_metadata(f"标题\n{line}").get("authors") is None
