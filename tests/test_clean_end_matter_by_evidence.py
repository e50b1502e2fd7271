"""End matter, metadata lines and turns on new documents (issue 11 part z, round 7).

Lines of fields in new shapes (an outlet and a date with no key, a view count, WeChat's 发表于PROVINCE, a reporter's
title between a byline's key and the name), show notes written one voice a line, breadcrumb trails, chapter lists,
an outlet's dateline opening the first paragraph, calls to the reader, sign-offs and publication notes are removed by
their evidence; article text that merely looks like them stays, and none of it becomes the last speaker's turn.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate.interview import Sides, Voice
from corpus.clean import clean
from corpus.clean.boilerplate import BREADCRUMBS, CHAPTER_LISTS
from corpus.clean.notices import NOTICES
from corpus.ingest.metadata import extract_metadata
from corpus.ingest.metadata_lines import voice_lines
from corpus.lang import QUESTION_END
from endmatter import assert_end_matter_goes, assert_shuffled_notices_go

TITLE = "河口小镇的渡船还能开多久"
ARTICLE = "镇上的三条渡船线今年亏损了两成。"
TURNS = "问：明年还开夜班船吗？\n答：会，先试一班。\n问：票价会涨吗？\n答：暂时不会。"


def cleaned(raw: str) -> str:
    return clean(raw)[0]


@pytest.mark.parametrize("line, fields", [
    ("河口商讯 2025年10月3日", {"outlet": "河口商讯", "date": "2025-10-03"}),
    ("潮汐观察 2025-09-14 07:05 阅读 1,862", {"outlet": "潮汐观察", "date": "2025-09-14", "time": "07:05"}),
    ("灣區週刊 2025/08/21　瀏覽 3.2萬", {"outlet": "灣區週刊", "date": "2025-08-21"}),
    ("北岸日报 2025-07-02 18:40　点击量：906", {"outlet": "北岸日报", "date": "2025-07-02"}),
    ("渡口手记 2025-10-18 21:47 发表于福建", {"outlet": "渡口手记", "ip_location": "福建"}),
    ("文 | 本刊记者 程露", {"authors": ["程露"]}),
    ("作者：本报实习记者 韩笑", {"authors": ["韩笑"]}),
    ("撰文／駐港記者 羅寶儀", {"authors": ["羅寶儀"]}),
])
def test_a_line_of_fields_in_a_new_shape_is_metadata(line, fields):
    assert cleaned(f"{TITLE}\n{line}\n{ARTICLE}") == f"{TITLE}\n{ARTICLE}"
    found = extract_metadata(line)
    assert {key: found.get(key) for key in fields} == fields


@pytest.mark.parametrize("line", ["阅读 是一种习惯", "记者：谢谢", "他在2025年10月3日发表于报纸"])
def test_one_field_or_prose_stays(line):
    assert cleaned(f"{TITLE}\n{line}\n{ARTICLE}") == f"{TITLE}\n{line}\n{ARTICLE}"


@pytest.mark.parametrize("host, guest, names", [
    ("主播：Nina（前电台编辑）", "嘉宾：邓远航，海屿航运创始人", (["Nina"], ["邓远航"])),
    ("主持：Oscar Lam（前財經記者）", "嘉賓：馮嘉欣｜港灣渡輪營運經理", (["Oscar Lam"], ["馮嘉欣"])),
    ("嘉宾：邓远航（海屿航运创始人）", "主持人：Nina，前电台编辑", (["Nina"], ["邓远航"])),
])
def test_show_notes_one_voice_a_line_go_and_are_read(host, guest, names):
    raw = f"{TITLE}\n{host}\n{guest}\n{ARTICLE}\n{TURNS}"
    assert cleaned(raw) == f"{TITLE}\n{ARTICLE}\n{TURNS}"
    found = extract_metadata(raw)
    assert (found["interviewers"], found["guests"]) == names


@pytest.mark.parametrize("lines", [["主持人：大家好", "嘉宾：你好"], ["嘉宾：邓远航（海屿航运创始人）"],
                                   ["主持人：欢迎你，今天聊渡船", "嘉宾：谢谢邀请"]])
def test_turns_or_one_described_voice_are_no_show_notes(lines):
    assert voice_lines(lines) == {}


@pytest.mark.parametrize("line", ["首页 > 地方 > 河口", "當前位置：首頁 › 財經 › 航運", "您的位置：新闻 / 本地",
                                  "Home » 渡船 » 夜班"])
def test_a_breadcrumb_trail_goes(line):
    assert cleaned(f"{line}\n{TITLE}\n{ARTICLE}") == f"{TITLE}\n{ARTICLE}"
    assert BREADCRUMBS.find(line)


@pytest.mark.parametrize("line", ["收入 > 支出 > 储蓄", "北京/上海/广州/深圳", "设置 > 隐私 > 首页"])
def test_arrows_in_article_text_stay(line):
    assert BREADCRUMBS.find(line) == []


@pytest.mark.parametrize("chapters", [
    "本期章节\n00:00 开场\n04:12 夜班船的账本\n21:40 票价怎么定",
    "[01:05] 來賓介紹\n[12:30] 渡輪的油價\n[30:02] 電動船",
    "(02:00) 为什么亏损\n(15:45) 补贴从哪里来\n(40:10) 听众提问",
    "视频章节：01:10 码头｜06:30 船舱｜12:00 夜航",
])
def test_a_chapter_list_goes_with_its_heading(chapters):
    raw = f"{TITLE}\n{ARTICLE}\n{chapters}\n{TURNS}"
    assert cleaned(raw) == f"{TITLE}\n{ARTICLE}\n{TURNS}"


@pytest.mark.parametrize("schedule", ["08:00 开船\n09:30 靠岸", "21:00 末班船\n07:30 首班船\n12:00 午班船"])
def test_a_schedule_of_few_or_unordered_times_stays(schedule):
    assert CHAPTER_LISTS.find(f"{ARTICLE}\n{schedule}") == []


@pytest.mark.parametrize("prefix", ["河口商报网讯　", "河口新聞網訊 ", "北岸日报讯："])
def test_an_outlets_dateline_opening_the_first_paragraph_goes(prefix):
    assert cleaned(f"{TITLE}\n{prefix}{ARTICLE}") == f"{TITLE}\n{ARTICLE}"


@pytest.mark.parametrize("end_matter", [
    "关注渡口手记，和我们一起看懂每一条航线。",
    "關注灣區週刊，港九大小事一個都不錯過。",
    "- THE END -", "·END·", "—— The End ——",
    "长按识别下方二维码，把我们设为常读",
    "扫描下方二维码，订阅全年刊物，享九折优惠",
    "加入北岸日报WhatsApp频道，每天获取第一手新闻",
    "掃描QR Code加入灣區讀者LINE群組，搶先收到活動消息",
    "記得訂閱同留言，我哋下集再見！",
    "喜欢本期节目就转给朋友吧，我们下期再见！",
    "本文刊发于《潮汐观察》2025年第9期，原标题《夜班船》。",
    "原載《灣區週刊》第201期，標題為〈最後一班船〉",
    "后期剪辑：小林　封面设计：阿周　节目统筹：陈一",
    "剪接｜Ray　插畫｜阿寶　錄音｜小麥",
    "本期节目由海湾保险支持播出，新用户首单立减三十元，详见节目简介。",
])
def test_end_matter_in_new_words_goes_and_never_becomes_the_last_speakers_turn(end_matter):
    assert_end_matter_goes(f"{TITLE}\n{TURNS}\n{end_matter}", f"{TITLE}\n{TURNS}", ["问", "答"] * 2)


@pytest.mark.parametrize("line", [
    "关注这一问题的学者认为，渡船补贴应由省里承担。",
    "加入航运公会后，他把船队扩大到了六艘。",
    "这篇报告原载于一份行业期刊，引起了不少讨论。",
    "她说，下期再见面时会带来新的数据。",
])
def test_article_sentences_that_start_like_a_call_stay(line):
    assert NOTICES.accept(line, NOTICES.score(line, True)), NOTICES.score(line, True)
    assert cleaned(f"{TITLE}\n{line}") == f"{TITLE}\n{line}"


def test_a_hosts_latin_name_labels_turns_by_its_first_word():
    host, guest = Voice("Oscar Lam", "t.name.oscar-lam", "person"), Voice("馮嘉欣", "t.name.feng-jia-xin", "person")
    sides = Sides(None, guest, (host,), (host, guest))
    assert sides.voice_named("Oscar") == (host, "interviewer")
    assert sides.voice_named("Lam") is None


@pytest.mark.parametrize("text, asks", [("票价会涨吗？", True), ("她问：“票价会涨吗？”", True), ("（会涨吗?）", True),
                                        ("暂时不会。", False), ("？后面还有话", False)])
def test_one_question_end_for_turns_and_notices(text, asks):
    assert (QUESTION_END.search(text) is not None) == asks


OUTLETS = st.lists(st.sampled_from(list("河口潮汐北岸湾区渡山")), min_size=2, max_size=4).map("".join)
END_MATTER = st.one_of(
    st.builds(lambda outlet, tail: f"关注{outlet}，{tail}", OUTLETS,
              st.sampled_from(["和我们一起看懂每一条航线。", "港口大小事一个都不错过。"])),
    st.builds(lambda outlet, year, issue: f"本文刊发于《{outlet}》{year}年第{issue}期，原标题《夜航》。", OUTLETS,
              st.integers(2000, 2030), st.integers(1, 52)),
    st.builds(lambda stamps: "章节\n" + "\n".join(f"{m:02d}:{s:02d} 第{i}段" for i, (m, s) in enumerate(stamps)),
              st.lists(st.tuples(st.integers(0, 59), st.integers(0, 59)), min_size=3, max_size=6).map(sorted)),
    st.builds(lambda outlet, crumb: f"首页 > {crumb} > {outlet}", OUTLETS, st.sampled_from(["地方", "财经", "航运"])),
    st.builds(lambda outlet, count: f"{outlet}报 2025-09-14 07:05 阅读 {count}", OUTLETS, st.integers(1, 99999)),
    st.sampled_from(["- THE END -", "记得订阅和留言，我们下期再见！", "长按识别下方二维码，关注我们"]),
)
PROSE = st.lists(st.sampled_from(list("我们今年推出新的渡船在航线里增长很快船长认为")), min_size=6,
                 max_size=40).map(lambda words: "".join(words) + "。")


@settings(max_examples=60, deadline=None)
@given(st.lists(PROSE, min_size=1, max_size=4), st.lists(END_MATTER, min_size=1, max_size=3), st.randoms())
def test_end_matter_goes_wherever_it_stands_and_no_article_text_is_lost(article, end_matter, random):
    assert_shuffled_notices_go(TITLE, article, end_matter, random)


def test_end_matter_removed_from_a_hard_wrapped_text_leaves_its_wrapped_paragraphs_joined():
    paragraphs = [("问：渡船公司今年为什么", "还要加开夜班船？"),
                  ("答：夜里回岛上的工人越来越多，", "末班船经常坐满。"),
                  ("问：票价会跟着油价", "一起涨吗？"), ("答：今年不会，政府的补贴", "还能撑到明年年底。")]
    end_matter = ["关注渡口手记，和我们一起看懂每一条航线。", "- THE END -", "长按识别下方二维码，把我们设为常读"]
    raw = "\n\n".join(["\n".join(lines) for lines in paragraphs] + end_matter) + "\n"
    assert cleaned(raw) == "\n".join("".join(lines) for lines in paragraphs)
