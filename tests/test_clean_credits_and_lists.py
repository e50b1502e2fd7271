"""Credit lines of units, calls to action naming platforms, local phones and related lists by shape (part i)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import clean
from corpus.clean.boilerplate import RELATED_LISTS
from corpus.clean.notices import NOTICES, find_notices
from corpus.editlog import revert_all
from corpus.ingest.metadata import extract_metadata

ARTICLE = "理想汽车和蔚来都在今年推出了语音助手。"
HAN_PROSE = st.lists(st.sampled_from(list("我们今年推出新的产品在市场里增长很快工程师认为")), min_size=4,
                     max_size=40).map("".join)
NAMES = st.lists(st.sampled_from(list("宋婉清钟立言韩雨萱柯立新孟庆华")), min_size=2, max_size=4).map("".join)
ROLES = st.sampled_from(["编辑", "责编", "校对", "审核", "攝影", "图源", "文字整理", "统筹", "监制", "製作", "後製"])
BARS = st.sampled_from(["｜", "|", "：", ":", "／"])
JOINERS = st.sampled_from(["　", " ", "　｜　", " | "])


CREDIT_LINES = ["编辑｜宋婉清　责编｜钟立言　图源｜网络", "撰文：許芷綾　｜　攝影：傅明哲",
                "采写：韩雨萱　统筹：柯立新　监制：孟庆华", "审核｜戴明远",
                "（责任编辑：邓家豪　校对：方诗琪）", "製作｜簡以恆　後製｜潘怡君",
                "文字整理：吴佩珊 | 审核：陈国栋", "攝影：港灣數位評論 黃子軒"]


@pytest.mark.parametrize("credit", CREDIT_LINES)
def test_a_credit_line_of_units_goes_whole(credit):
    text, passes = clean(f"标题\n{ARTICLE}\n{credit}")
    assert text == f"标题\n{ARTICLE}"
    assert any("credit shape" in e.reason for p in passes for e in p if e.rule == "boilerplate.notice")


def test_the_writer_of_a_credit_line_of_units_is_an_author():
    assert extract_metadata("采写：韩雨萱　统筹：柯立新　监制：孟庆华")["authors"] == ["韩雨萱"]
    assert extract_metadata("撰文：許芷綾　｜　攝影：傅明哲")["authors"] == ["許芷綾"]


def test_credit_units_after_a_bar_go_and_the_guest_line_before_them_stays():
    line = "本期嘉宾：蔡予宁（洁途智能联合创始人）｜文字整理：宋婉清"
    assert [e.old for e in find_notices(line)] == ["｜文字整理：宋婉清"]
    assert find_notices("硬件夜谈 第41期｜一家扫地机器人公司的出海账") == []


@pytest.mark.parametrize("line", ["图:冯家栋在店里调试新买的封口机", "编辑：这一段怎么改？",
                                  "他是我们的编辑：很严格，也很耐心。"])
def test_captions_turns_and_sentences_naming_a_role_are_no_credit_units(line):
    assert NOTICES.accept(line, NOTICES.score(line, True)), line


@settings(max_examples=60, deadline=None)
@given(HAN_PROSE, st.lists(st.tuples(ROLES, BARS, NAMES), min_size=1, max_size=3), JOINERS)
def test_credit_units_after_a_line_never_take_its_text(head, units, joiner):
    credits = joiner.join(f"{role}{bar}{name}" for role, bar, name in units)
    raw = f"标题\n{head}｜{credits}\n{ARTICLE}"
    text, passes = clean(raw)
    assert text == f"标题\n{head}\n{ARTICLE}"
    assert clean(text)[0] == text
    assert revert_all(text, passes) == raw


CALLS_TO_ACTION = ["如果喜欢本期节目，欢迎在小宇宙、喜马拉雅或Apple Podcasts订阅我们，也可以给我们留言。",
                   "喜歡這集的話，記得在 Spotify、Apple Podcasts、KKBOX 追蹤我們，每週三準時上架。",
                   "想重溫節目，可以在Spotify或我們的網站收聽，節目查詢或合作歡迎致電 2812 3456。",
                   "如有查詢，請致電 6123 4567。", "如果你喜歡這集節目，可以到 Spotify、Apple Podcasts 訂閱我們。"]

NEWS = ["报告说，小宇宙和喜马拉雅的订阅收入仍在增长，但Spotify和Apple Podcasts的订阅用户增速已经放缓。",
        "用户更愿意关注单个节目而不是整个平台，未来的竞争在内容。",
        "公司在2019-2024年间增长很快，员工从2812人增加到3456人。",
        "年轻用户更喜欢在Spotify和Apple Podcasts上订阅播客，这一比例去年达到三成。"]


@pytest.mark.parametrize("line", NEWS)
def test_news_about_platforms_and_numbers_is_no_call_to_action(line):
    assert find_notices(line) == []


RELATED = ["延伸閱讀｜・稻農的數位帳本・返鄉青年的第一桶金・無人機法規一次看懂",
           "你可能错过了：\n● 组屋区的快递柜为何总是满的\n● 无人巴士明年开进裕廊",
           "相关报道：\n▶ 播客广告主去年投了多少钱\n▶ 有声书的版权之争",
           "你可能也喜欢\n・储能电站的夏天\n・一块电池的三次生命"]


@pytest.mark.parametrize("block", CALLS_TO_ACTION + RELATED)
def test_a_call_to_action_a_contact_or_a_related_list_after_the_last_turn_goes(block):
    """A related list goes whatever its heading says."""
    turns = "记者：你们为什么选德国？\n郑凯文：德国人愿意为安静多花钱。\n记者：明年呢？\n郑凯文：波兰。"
    raw = f"标题\n{turns}\n{block}"
    text, passes = clean(raw)
    assert text == f"标题\n{turns}"
    assert revert_all(text, passes) == raw


@pytest.mark.parametrize("text", ["报告列出三类增长较快的节目：・知识付费・儿童故事・方言播客。",
                                  "主要有三点：・降本・增效・出海\n公司明年还会继续扩产。",
                                  "三个变化\n・成本下降\n・规模扩大\n公司明年还会继续扩产。"])
def test_a_list_inside_an_article_is_article_text(text):
    assert RELATED_LISTS.find(f"标题\n{text}") == []


TITLE = st.lists(st.sampled_from(list("稻农的数位帐本返乡青年第一桶金")), min_size=2, max_size=20).map("".join)
ITEMS = st.lists(TITLE, min_size=2, max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(HAN_PROSE, min_size=1, max_size=4), ITEMS, st.sampled_from(["・", "●", "▶"]),
       st.sampled_from(["｜", "：\n", ":"]))
def test_a_related_list_after_the_article_never_takes_its_sentences(sentences, items, bullet, after_heading):
    article = "\n".join(f"{sentence}。" for sentence in sentences)
    raw = f"标题\n{article}\n延伸閱讀{after_heading}" + "".join(f"{bullet}{item}" for item in items)
    text, passes = clean(raw)
    assert text == f"标题\n{article}"
    assert clean(text)[0] == text
    assert revert_all(text, passes) == raw
