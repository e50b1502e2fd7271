"""Metadata lines above an article and end matter below it, on new documents (issue 11 part n).

Datelines with a weekday, a section or a reporter, account headers without 发表于, show notes naming a host and a
guest, dateline prefixes and agency credits opening a paragraph are metadata: removed from the text, read by ingest.
Sponsor lines, lists of listening platforms, disclaimers, copyright lines, readers'-group invitations, end marks,
related-reading lists and a picture's date-and-place stamp are boilerplate: removed wherever they stand, and never
read as the last speaker's turn.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from endmatter import assert_end_matter_goes, assert_shuffled_notices_go

from corpus.clean import clean
from corpus.clean.notices import NOTICES
from corpus.ingest.metadata import extract_metadata

TITLE = "县城咖啡馆还能开多久"
ARTICLE = "她的品牌已在江西和湖南开了四十家店。"
TURNS = "问：明年会去长沙吗？\n答：会，先试一家。\n问：为什么是长沙？\n答：离江西近。\n问：几时开？\n答：秋天。"


def cleaned(raw: str) -> str:
    return clean(raw)[0]


@pytest.mark.parametrize("line, outlet, date", [
    ("2026年3月4日　星期三　来源：澜湾财经网·消费版　记者魏春阳报道", "澜湾财经网", "2026-03-04"),
    ("2026年1月9日 星期五 財經 來源：維港商報", "維港商報", "2026-01-09"),
    ("原创 青禾研究所 2026年4月2日", "青禾研究所", "2026-04-02"),
    ("原创 林一帆 青禾研究所 2026年4月2日 08:30", "青禾研究所", "2026-04-02"),
    ("来源：澜湾财经网 2026-03-04 星期三", "澜湾财经网", "2026-03-04"),
])
def test_a_dateline_or_header_line_is_metadata(line, outlet, date):
    assert cleaned(f"{TITLE}\n{line}\n{ARTICLE}") == f"{TITLE}\n{ARTICLE}"
    found = extract_metadata(line)
    assert (found["outlet"], found["date"]) == (outlet, date)


@pytest.mark.parametrize("line, hosts, guests", [
    ("2026年2月11日　節目：《山海之間》Podcast　主持：Grace　來賓：Leo", ["Grace"], ["Leo"]),
    ("节目：《夜航电台》　主持人：Mia　嘉宾：贺知远、Tom Lee", ["Mia"], ["贺知远", "Tom Lee"]),
    ("2025年10月2日　主持人：孫予晴　來賓：康哲維", ["孫予晴"], ["康哲維"]),
    ("2025年10月2日　節目：《週末科技夜》　主持：孫予晴　來賓：康哲維（雲衡科技創辦人）", ["孫予晴"], ["康哲維"]),
    ("节目｜夜航电台　主持人｜Mia　嘉宾｜贺知远", ["Mia"], ["贺知远"]),
    ("2025年11月3日 節目：《科技早午餐》 主持人：Ivy　來賓：Marcus（晶創顧問合夥人）", ["Ivy"], ["Marcus"]),
])
def test_show_notes_name_the_host_and_the_guest(line, hosts, guests):
    assert cleaned(f"{TITLE}\n{line}\n{ARTICLE}") == f"{TITLE}\n{ARTICLE}"
    found = extract_metadata(line)
    assert (found["interviewers"], found["guests"]) == (hosts, guests)


@pytest.mark.parametrize("line, outlet", [("版权所有 © 2026 澜湾财经网。", "澜湾财经网"),
                                          ("Copyright © 2026 濠江日報", "濠江日報"),
                                          ("本文为青禾研究所原创，转载请联系授权。", "青禾研究所")])
def test_a_closing_notice_names_the_outlet(line, outlet):
    assert extract_metadata(f"{TITLE}\n{ARTICLE}\n{line}")["outlet"] == outlet
    assert "outlet" not in extract_metadata("版权所有，侵权必究")


@pytest.mark.parametrize("line", ["主持人：你们团队一开始就只有三个人吗？", "嘉宾：贺知远（独立游戏制作人）",
                                  "本集來賓：賴品妤（食光餐飲執行長）"])
def test_a_turn_or_a_guest_line_without_date_or_programme_is_no_show_notes(line):
    assert cleaned(f"{TITLE}\n{line}\n{ARTICLE}") == f"{TITLE}\n{line}\n{ARTICLE}"
    assert "guests" not in extract_metadata(line) and "interviewers" not in extract_metadata(line)


@pytest.mark.parametrize("prefix", ["新山15日讯　", "吉隆坡27日讯 ", "吉隆坡27日讯", "（吉隆坡27日讯）", "本報訊　",
                                    "本报讯", "中新网3月5日电 ", "（澳亞社記者鄧慧玲）", "（本报记者 王岚）",
                                    "（台北社記者林可欣／台北報導）"])
def test_a_dateline_or_credit_opening_a_paragraph_goes_and_the_paragraph_stays(prefix):
    assert cleaned(f"{TITLE}\n{prefix}{ARTICLE}") == f"{TITLE}\n{ARTICLE}"


@pytest.mark.parametrize("line", ["北京时间15日讯飞发布了新的翻译机。", "警方3月15日讯问了两名嫌疑人。",
                                  "央视5日电视直播了发射过程。"])
def test_article_text_that_merely_starts_like_a_dateline_stays(line):
    assert cleaned(f"{TITLE}\n{line}") == f"{TITLE}\n{line}"


@pytest.mark.parametrize("end_matter", [
    "（完）", "（全文完）", "版权所有 © 2026 澜湾财经网。", "版權所有 © 2026 濠江日報。",
    "推荐阅读：\n储能安全新规落地，谁会被淘汰\n一座换电站的账本",
    "扫码加入青禾储能交流群，和三千位从业者一起聊行业",
    "本集節目由「木鄰選物」贊助播出，結帳輸入優惠碼 SHANHAI 可享八五折。",
    "🎙 收聽管道：Spotify｜Apple Podcasts｜Firstory｜YouTube",
    "收听渠道：小宇宙 | 喜马拉雅 | 网易云音乐 | Apple Podcasts",
    "订阅我们的节目：Spotify、Apple Podcasts、小宇宙",
    "節目內容僅供參考，不構成任何農業或投資建議。", "＊本文不构成任何投资建议。",
])
def test_end_matter_goes_and_never_becomes_the_last_speakers_turn(end_matter):
    assert_end_matter_goes(f"{TITLE}\n{TURNS}\n{end_matter}", f"{TITLE}\n{TURNS}", ["问", "答"] * 3)


@pytest.mark.parametrize("line", [
    "Spotify和Apple Podcasts在亚洲的订阅用户今年增长了两成。",
    "Spotify、Apple Podcasts和小宇宙的订阅用户今年增长了两成。",
    "她说：Spotify、YouTube和小宇宙各有各的听众。",
    "这家公司赞助了今年的马拉松，报名人数比去年多三成。",
    "分析师提醒，这些数字仅供参考。",
    "他在一个读者群里认识了后来的合伙人。",
    "版权所有权的归属，是这场官司的焦点。",
])
def test_article_sentences_with_a_notice_word_or_two_stay(line):
    assert NOTICES.accept(line, NOTICES.score(line, True)), NOTICES.score(line, True)
    assert cleaned(f"{TITLE}\n{line}") == f"{TITLE}\n{line}"


def test_a_picture_stamp_goes_once_and_a_timeline_or_a_heading_stays():
    town = "园主住在哥打丁宜。"
    stamp = f"{TITLE}\n{town}\n2019 哥打丁宜\n{ARTICLE}"
    assert cleaned(stamp) == f"{TITLE}\n{town}\n{ARTICLE}"
    assert cleaned(f"{TITLE}\n{ARTICLE}\n2018 新加坡") == f"{TITLE}\n{ARTICLE}"
    timeline = f"{TITLE}\n2019 深圳\n{ARTICLE}\n2021 上海\n{ARTICLE}"
    assert cleaned(timeline) == timeline
    heading = f"{TITLE}\n2025 展望\n{ARTICLE}"
    assert cleaned(heading) == heading
    unnamed = f"{TITLE}\n2024 出海记\n{ARTICLE}"  # a word no dictionary knows and the article never uses
    assert cleaned(unnamed) == unnamed


BRANDS = st.lists(st.sampled_from(list("木邻栖禾山海青岚")), min_size=2, max_size=4).map("".join)
CODES = st.from_regex(r"[A-Z]{3,8}[0-9]{0,3}", fullmatch=True)
PLATFORMS = st.lists(st.sampled_from(["Spotify", "Apple Podcasts", "KKBOX", "SoundOn", "小宇宙", "喜马拉雅",
                                      "网易云音乐", "YouTube", "Firstory"]), min_size=2, max_size=5, unique=True)
NOTICE_LINES = st.one_of(
    st.builds(lambda brand, sponsor, code: f"本期节目由「{brand}」{sponsor}，下单时输入优惠码 {code} 立减二十元。",
              BRANDS, st.sampled_from(["赞助播出", "特约播出", "冠名播出"]), CODES),
    st.builds(lambda head, bar, names: head + bar.join(names),
              st.sampled_from(["收听渠道：", "🎧 收聽平台：", "收聽管道："]),
              st.sampled_from(["｜", " | ", "／", "丨"]), PLATFORMS),
    st.builds(lambda subject, field: f"{subject}仅供参考，不构成任何{field}建议。",
              st.sampled_from(["本文内容", "节目内容", "以上观点"]), st.sampled_from(["投资", "医疗", "法律", ""])),
    st.builds(lambda year, outlet: f"版权所有 © {year} {outlet}。", st.integers(1990, 2030), BRANDS),
    st.builds(lambda outlet, group: f"扫码加入{outlet}{group}，与三千位同行一起聊行业", BRANDS,
              st.sampled_from(["读者群", "交流群", "粉丝群"])),
)
PROSE = st.lists(st.sampled_from(list("我们今年推出新的产品在市场里增长很快工程师认为")), min_size=6,
                 max_size=40).map(lambda words: "".join(words) + "。")


@settings(max_examples=60, deadline=None)
@given(st.lists(PROSE, min_size=1, max_size=4), st.lists(NOTICE_LINES, min_size=1, max_size=3), st.randoms())
def test_notices_in_new_words_go_wherever_they_stand_and_no_article_text_is_lost(article, notices, random):
    assert_shuffled_notices_go(TITLE, article, notices, random)
