"""Issue 11 part L, round 12: leaks recognised by evidence (a date with its weekday written straight after it, a
breadcrumb trail led by the site's own name, a caption of phrases a comma joins), and no comment section above the
article.  Texts here are new: no capture's wording."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean.boilerplate import BREADCRUMBS, CAPTIONS
from corpus.clean.comments import COMMENT_SECTIONS
from corpus.ingest.metadata_lines import is_metadata, is_outlet_name, read_line
from endmatter import cleaned

TITLE = "洱海边的老油坊换了新榨机"
LEAD = "大理喜洲的一家老油坊今年换了新榨机，菜籽油的出油率比去年高了一成。"
BODY = "油坊主人说，新榨机是从昆明买来的二手设备，修好以后一天能榨两吨菜籽。"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "周三", "週五", "禮拜天")


# ---------------------------------------------------------------- a date and its weekday in one token


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31)),
       weekday=st.sampled_from(WEEKDAYS), bracket=st.sampled_from(("", "（）", "()")))
def test_a_date_with_its_weekday_run_straight_on_reads_as_date_and_weekday(day, weekday, bracket):
    """Round trip: whatever date, weekday and brackets, the line reads back as that date (ISO) and a weekday, and is
    a metadata line."""
    shown = f"{bracket[:1]}{weekday}{bracket[1:]}"
    line = f"{day.year}年{day.month}月{day.day}日{shown}"
    reading = read_line(line)
    assert [f.kind for f in reading.fields] == ["date", "weekday"]
    assert reading.fields[0].value == day.isoformat() and reading.fields[1].value == shown
    assert is_metadata(reading)


@pytest.mark.parametrize("kept", ["第3周一次", "每逢周一开市", "5日周一至周五照常营业。",
                                  "他说2026年5月9日星期六会再来。"])
def test_a_weekday_inside_words_or_prose_is_no_metadata_field(kept):
    assert not is_metadata(read_line(kept))


def test_a_weekday_date_alone_at_the_top_goes_and_the_article_stays():
    raw = f"2027年3月8日星期一\n\n{TITLE}\n\n{LEAD}\n\n{BODY}\n"
    assert cleaned(raw) == f"{TITLE}\n{LEAD}\n{BODY}"


# ---------------------------------------------------------------- a trail led by the site's name


@pytest.mark.parametrize("trail", ["洱源晨报网 › 民生 › 乡村", "蒼山週報 » 社區 » 人物", "滇池快訊 > 財經 > 農業"])
def test_a_trail_led_by_the_sites_own_name_is_a_breadcrumb(trail):
    assert is_outlet_name(trail.split()[0])
    raw = f"{trail}\n\n{TITLE}\n\n{LEAD}\n\n{BODY}\n"
    assert [edit.old for edit in BREADCRUMBS.find(raw)] == [trail]
    assert cleaned(raw) == f"{TITLE}\n{LEAD}\n{BODY}"


@pytest.mark.parametrize("kept", ["收入 > 支出 > 储蓄", "大理 › 喜洲 › 周城", "油菜花 > 菜籽 > 菜籽油"])
def test_a_trail_of_words_no_site_is_named_by_stays(kept):
    assert BREADCRUMBS.find(kept) == []


# ---------------------------------------------------------------- captions of phrases a comma joins


def test_a_labelled_caption_of_two_phrases_never_ended_as_a_sentence_goes():
    caption = "相：油坊主人喺榨機旁邊倒緊菜籽，地上擺住幾袋新收嘅油菜籽"
    raw = f"{TITLE}\n\n{LEAD}\n\n{caption}\n\n{BODY}\n"
    score, evidence = CAPTIONS.score_labelled(caption, True)
    assert not CAPTIONS.accept(score) and "unended phrases" in evidence
    assert cleaned(raw) == f"{TITLE}\n{LEAD}\n{BODY}"


def test_a_labelled_sentence_that_ends_as_one_stays():
    line = "图：新榨机一天能榨两吨菜籽，油坊主人认为明年还能更多。"
    score, evidence = CAPTIONS.score_labelled(line, True)
    assert CAPTIONS.accept(score) and "unended phrases" not in evidence


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([LEAD, BODY, "油坊主人说，菜籽今年涨价了。", "2027年3月8日星期一",
                                 "洱源晨报网 › 民生 › 乡村", "相：榨機旁邊嘅菜籽，地上嘅油桶"]),
                min_size=1, max_size=6))
def test_cleaning_with_the_round12_rules_loses_nothing_the_log_cannot_restore_and_is_idempotent(lines):
    cleaned("\n\n".join(lines) + "\n")


# ---------------------------------------------------------------- no comment section above the article


def test_a_hard_wrapped_podcast_under_a_numbered_episode_title_is_no_comment_section():
    """Short lines throughout (wrapped at 18 characters), an episode title holding a number, a lone mark on a line
    (no Han: it looked like a handle): no sentence ends above the title, so it heads no comment section."""
    raw = ("第12集｜主持：甘若溪　嘉賓：苗子期（油坊師傅）\n《洱海手記》第12集：老油坊的新榨機\n"
           "今集請來在喜洲開油坊的\n"
           "苗子期，談談新榨機\n。\n若溪：你幾時開始榨油？\n子期：十五歲跟父親學，\n一做就做了四十年。\n"
           "若溪：新機器好用嗎？\n子期：出油多了一成，\n但係要日日清洗。\n")
    assert COMMENT_SECTIONS.find(raw) == []
    assert "子期：出油多了一成，" in cleaned(raw)
