"""Issue 11 part L, round 13: the line model's features of a line made of items (whatever joins them), of a line
inside one bracket pair, of a bracketed count, and of a line's distance to the article's prose; an HTML comment
remnant; one shape of a turn's label in cleaning; and article sentences holding notice, contact and platform words
that the model must keep."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.clean import line_model, wraps
from corpus.clean.line_model import document_features, find_model_lines, line_features
from corpus.clean.markup import find_markup
from corpus.editlog import apply
from endmatter import cleaned

TITLE = "沅江渔民转型养蟹"
LEAD = "湖南沅江的三十多户退捕渔民去年合伙承包了两千亩藕塘，开始在塘里套养河蟹。"
BODY = "合作社理事长卜永旺说，第一年每亩多收了八百元，今年打算把育苗也放在自己塘里。"
# article sentences that hold the words of notices, contacts, downloads, comments and platforms
ARTICLE_WITH_NOTICE_WORDS = [
    "卜永旺说，外地客户大多打电话或者发电子邮件订蟹，他们每天下午统一回复。",
    "合作社在短视频平台上开了账号，很多人看了直播以后留言问价，也有人转载了他们的视频。",
    "县农业农村局提醒，购买活蟹时应查看检疫证明，不要轻信来源不明的低价广告。",
    "今年合作社还下载了一款记账软件，把每户的投放量和收成都记下来，年底按股分红。",
]


def test_a_line_of_short_items_is_one_whatever_joins_them():
    for line in ("湘北日报 ⋙ 地方 ⋙ 益阳", "打印本页 ▹ 关闭 ▹ 字号 大 中 小", "渠道 · 酷狗 · 蜻蜓FM · Castbox"):
        assert line_features(line)["short_items"] == 1.0, line
    for line in (LEAD, BODY, "卜永旺：第一年最难的是什么？"):
        assert line_features(line)["short_items"] == 0.0, line


def test_a_line_inside_one_bracket_pair_and_a_bracketed_count():
    assert line_features("［相：卜永旺喺塘邊撈蟹。］")["bracketed_whole"] == 1.0
    assert line_features("〖责编推荐〗")["bracketed_whole"] == 1.0
    assert line_features("（本文根據現場錄音整理）")["bracketed_whole"] == 1.0
    assert line_features("（沅江讯）" + LEAD)["bracketed_whole"] == 0.0
    assert line_features("网友评论（14）")["bracketed_number"] == 1.0
    assert line_features(LEAD)["bracketed_number"] == 0.0


def test_the_distance_to_prose_grows_away_from_the_article():
    lines = ["湘北日报 ⋙ 地方", "打印 关闭", TITLE, LEAD, BODY, "网友评论（14）", "查看全部评论"]
    rows = document_features(lines)
    assert [row["from_prose"] for row in rows] == [1.0, 2 / 3, 1 / 3, 0.0, 0.0, 1 / 3, 2 / 3]
    assert rows[5]["prose_neighbours"] == 0.5 and rows[4]["prose_neighbours"] == 0.5


def test_article_sentences_with_notice_words_stay_wherever_they_stand():
    for index in range(len(ARTICLE_WITH_NOTICE_WORDS)):
        sentences = ARTICLE_WITH_NOTICE_WORDS[index:]
        for body in ([LEAD, *sentences, BODY], [LEAD, BODY, *sentences]):
            raw = "\n\n".join([TITLE, *body]) + "\n"
            assert find_model_lines(raw) == [], body


def test_one_shape_of_a_turns_label_in_cleaning():
    assert line_model.TURN_LABEL is wraps.TURN_LABEL
    lines = ["卜永旺：第一年难。", "记者：为什么？", "卜永旺：缺钱。", "图：塘边", "图：蟹苗"]
    assert line_model.participants(lines) == {"卜永旺"}


def test_an_html_comment_goes_and_the_text_around_it_stays():
    raw = f"<!-- slot: banner-970x250 -->\n\n{TITLE}\n\n{LEAD}<!--ad-->\n\n{BODY}\n"
    assert cleaned(raw) == "\n".join([TITLE, LEAD, BODY])


HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(HAN, st.text(st.sampled_from("adslot-: 0123"), max_size=12)), min_size=1, max_size=5))
def test_removing_html_comments_keeps_every_character_outside_them(pieces):
    raw = "".join(f"{text}<!--{comment}-->" for text, comment in pieces)
    assert apply(raw, find_markup(raw)) == "".join(text for text, _ in pieces)


def test_a_line_a_paragraph_is_hard_wrapped_onto_is_never_removed():
    # a notice's tail and the next sentence's head share the middle line of a paragraph wrapped at a fixed width
    wrapped = ["合作社表示，歡迎同業交流養殖經驗，查詢可致電０７３７－２２１８或發送電子",
               "郵件至 crab@yuanjiang.example.cn。理事長卜永旺則提醒，蟹苗下塘",
               "前一定要先消毒塘泥，否則第一年就可能全軍覆沒。"]
    raw = "\n".join([TITLE, LEAD, *wrapped, BODY]) + "\n"
    assert line_model.continuations([TITLE, LEAD, *wrapped, BODY]) == {3, 4}
    assert all(edit.old.strip() not in wrapped[1:] for edit in find_model_lines(raw))
    # the notice's tail opening the line after a sentence's end: the line still begins a sentence wrapped below
    assert line_model.continuations([TITLE, LEAD, *wrapped[1:], BODY]) == {2, 3}
