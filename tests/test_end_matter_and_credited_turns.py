"""End matter after an interview's last turn, and turns whose speakers only credits and end matter name (issue 11
part r): sponsor, subscription, follow-us and copyright lines by their evidence; related lists whose items stand
apart by bars or bullets on the heading's line, or one a line; credit units with joined or turn-labelling roles;
lines after the last turn that are no one's speech; credited reporters and the outlet a removed notice names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import pipeline
from corpus.annotate import annotate, load_registry
from corpus.clean import clean
from corpus.clean.boilerplate import RELATED_LISTS
from corpus.clean.notices import NOTICES, find_notices, outlets_named
from corpus.editlog import revert_all
from corpus.model import Document
from corpus.structure import parse

END_MATTER = [
    "本期節目由「山嵐咖啡」冠名播出，山嵐咖啡，每一杯都是清晨。",  # a sponsor
    "本系列由海岸保育基金支持制作，内容不代表基金立场。",
    "感谢云栖出行对本节目的支持，新用户下单立减三十元。",
    "开通北辰会员，每月仅需9元，畅读全部深度报道。",  # a subscription with a price
    "成為訂戶，每月 NT$120 即可無限閱讀全站內容。",
    "更多东岸科技新闻，请关注东岸日报 Telegram频道：t.me/dongan_daily",  # follow us, with a handle
    "想第一時間看到我們的調查？立即追蹤我們的 Instagram：@eastbay.report",
    "© 北辰周刊 2027 保留所有权利。",  # a rights mark
    "（c）2027 東岸日報 保留一切權利",
]
ARTICLE = [
    "公司去年把会员费从每月9元调到12元，用户数反而增加了两成。",  # subscriptions and prices in the news
    "他在微博上说，赞助商的退出让比赛推迟了一个月。",
    "这家报社的版权部门有三名员工，负责处理转载申请。",
    "一碗面十五块，外卖平台要抽走三块。",
]


@pytest.mark.parametrize("line", END_MATTER)
def test_end_matter_in_new_words_is_removed_whole_by_its_evidence(line):
    (edit,) = find_notices(line)
    assert edit.old == line and edit.rule == "boilerplate.notice" and "score" in edit.reason


@pytest.mark.parametrize("line", ARTICLE)
def test_article_sentences_about_sponsors_prices_and_rights_stay(line):
    assert find_notices(line) == []
    assert clean(f"标题\n{line}")[0] == f"标题\n{line}"


@pytest.mark.parametrize("line, roles", [
    ("采写、整理｜钟予安", ["采写、整理"]),  # two roles joined
    ("（採訪、攝影／羅思齊）", ["採訪、攝影"]),
    ("記者：邱若帆　攝影：魏廷宇", ["記者", "攝影"]),  # a turn label's role beside a credit role
    ("主持｜葉映彤　剪輯｜何柏言", ["主持", "剪輯"]),
])
def test_credit_units_with_joined_or_turn_labelling_roles_are_credits(line, roles):
    (edit,) = find_notices(line)
    assert edit.old == line
    assert [role for role, _ in NOTICES.credit.named(line)] == roles


@pytest.mark.parametrize("turn", ["记者：谢谢", "主持：好的", "記者：麥先生"])
def test_a_turn_labelled_with_a_role_alone_is_no_credit(turn):
    assert NOTICES.credit.found(turn) == ()


@pytest.mark.parametrize("listing", [
    "【延伸阅读】．港口机器人为何难普及？．一位吊机司机的夜班",
    "【相關報道】舊城區的最後一間書店｜社區圖書館延長開放",
    "相关阅读｜小镇青年的第一份工作｜县城高铁站的早晨",
    "推薦閱讀：\n山城纜車的百年\n海島診所的一天",
])
def test_related_lists_with_bars_brackets_or_one_title_a_line_are_removed(listing):
    text = f"文章最后一段。\n{listing}"
    edits = RELATED_LISTS.find(text)
    assert [edit.old.rstrip("\n") for edit in edits] == [listing]


@pytest.mark.parametrize("article", [
    "主要有三点：降本｜增效｜提质",  # items apart by bars under a heading that names no list of articles
    "今年的计划：\n扩建冷库\n招聘司机",  # lines under a heading that names no list of articles
])
def test_lists_under_other_headings_stay(article):
    assert RELATED_LISTS.find(f"文章最后一段。\n{article}") == []


LINE = st.sampled_from(END_MATTER + ARTICLE + ["【延伸阅读】．A題目？．B題目", "相关阅读｜县城的夜｜小镇的早晨",
                                              "采写、整理｜钟予安", "记者：谢谢", "© 2027 ", "t.me/", "@", "HK$48"])


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=8).map("\n".join))
def test_end_matter_cleaning_is_lossless_idempotent_and_keeps_every_article_line(raw):
    text, passes = clean(raw)
    assert revert_all(text, passes) == raw
    assert clean(text) == (text, [])
    for line in ARTICLE:
        if line in raw:
            assert line in text


def test_outlets_are_read_from_rights_lines_and_accounts():
    removed = "© 北辰周刊 2027 保留所有权利。\n关注公众号「北辰周刊」，后台回复\n本文首发于微博@东岸日报，欢迎关注"
    assert outlets_named(removed) == ["北辰周刊", "北辰周刊", "东岸日报"]
    assert outlets_named("© 2027 保留所有权利。") == []
    # a mark after a word of rights is the holder's, not a holder before it
    marked = "Copyright © 北辰周刊 All Rights Reserved\n版权所有 © 2027 东岸日报。"
    assert outlets_named(marked) == ["北辰周刊", "东岸日报"]


def lines_after_the_last_turn() -> Document:
    doc = Document("t", "t.txt", cleaned="\n".join([
        "一家小店的十年", "记者：开店多久了？", "店主：十年了。", "记者：还会开下去吗？", "店主：会。",
        "我们下个月还要装修一次。",  # speech: the answer goes on
        "采访结束时，门外已经排起了队。",  # narration: no one's turn
        "本店由街坊合作社冠名。"]))
    return parse(doc)


def test_after_the_last_turn_only_speech_continues_it():
    doc = lines_after_the_last_turn()
    kinds = [(p.kind, p.speaker_label) for p in doc.paragraphs]
    assert kinds[-3:] == [("turn", "店主"), ("paragraph", None), ("paragraph", None)]


def test_a_continued_answer_between_turns_stays_a_turn():
    doc = parse(Document("t", "t.txt", cleaned="\n".join([
        "一家小店的十年", "记者：开店多久了？", "店主：十年了。", "那时候街上只有两家店。", "记者：还会开下去吗？",
        "店主：会。"])))
    assert [(p.kind, p.speaker_label) for p in doc.paragraphs][3] == ("turn", "店主")


INTERVIEWS = {
    # a reporter's full name as a label, named elsewhere only in a closing credit
    "credit_end.txt": "專訪釀酒師葛靜宜：米酒要慢\n\n在花蓮開酒坊的葛靜宜，今年推出了第三款米酒。\n\n"
                      "邱若帆：為什麼選米酒？\n\n葛靜宜：因為家裡種米。\n\n邱若帆：最難的是什麼？\n\n葛靜宜：等。\n\n"
                      "（採訪／邱若帆　攝影／魏廷宇）\n",
    # a generic label, the outlet named only in end matter cleaning removes
    "outlet_end.txt": "鍾立帆：渡輪還有未來\n\n航運學者鍾立帆談離島渡輪。\n\n問：票價會漲嗎？\n\n答：會。\n\n"
                      "問：誰來補貼？\n\n答：政府。\n\n© 2027 東岸日報 版權所有，不得轉載\n",
    # a generic label and the one host a credit names
    "host_credit.txt": "一位船长的航线\n\n本期嘉宾是船长方立群。\n\n主持人：跑了多少年？\n\n方立群：二十年。\n\n"
                       "主持人：最怕什么？\n\n方立群：大雾。\n\n主持｜林予晴　剪辑｜何柏言\n",
}


@pytest.fixture(scope="module")
def credited(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("credited")
    for name, text in INTERVIEWS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    registry = load_registry()
    docs = {doc.source_file: doc for doc in pipeline.prepare(seeds)}
    for doc in docs.values():
        annotate(doc, registry)
    return docs


def speakers(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(p.speaker_label, p.sentences[0].speaker, p.sentences[0].speaker_role)
            for p in doc.paragraphs if p.kind == "turn"]


def by_name(docs: dict[str, Document], name: str) -> Document:
    (doc,) = [doc for source, doc in docs.items() if source.endswith(name)]
    return doc


def test_a_label_a_closing_credit_names_as_interviewer_asks(credited):
    doc = by_name(credited, "credit_end.txt")
    asks = ("邱若帆", f"{doc.doc_id}.name.qiu-ruofan", "interviewer")
    answers = ("葛靜宜", f"{doc.doc_id}.name.ge-jingyi", "interviewee")
    assert speakers(doc) == [asks, answers, asks, answers]


def test_a_generic_label_speaks_for_the_outlet_a_removed_copyright_line_names(credited):
    doc = by_name(credited, "outlet_end.txt")
    outlet = f"{doc.doc_id}.name.dong-an-ri-bao"
    assert [s[1:] for s in speakers(doc)][::2] == [(outlet, "interviewer")] * 2


def test_a_generic_host_label_speaks_for_the_one_host_a_credit_names(credited):
    doc = by_name(credited, "host_credit.txt")
    assert [s[1:] for s in speakers(doc)][::2] == [(f"{doc.doc_id}.name.lin-yuqing", "interviewer")] * 2
