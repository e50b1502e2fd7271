"""Cleaning the real seeds: what goes, what stays, and that every change is logged."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from corpus.clean import clean, count_rules
from corpus.editlog import apply_all, dumps, loads, revert_all

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RAW = {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
SEED_PREFIXES = sorted(RAW)


def raw(prefix: str) -> str:
    return RAW[prefix]


@lru_cache(maxsize=None)
def cleaned(prefix: str) -> tuple[str, list]:
    return clean(raw(prefix), prefix)


def lines(prefix: str) -> list[str]:
    return cleaned(prefix)[0].split("\n")


def rules(prefix: str) -> dict[str, int]:
    return count_rules(cleaned(prefix)[1])


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_is_recovered_from_cleaned_text_and_log(prefix):
    text, passes = cleaned(prefix)
    assert revert_all(text, passes) == raw(prefix)
    assert apply_all(raw(prefix), passes) == text
    assert revert_all(text, loads(dumps(passes))) == raw(prefix)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_output_format_and_idempotence(prefix):
    text, _ = cleaned(prefix)
    assert text and not text.endswith("\n")
    for line in text.split("\n"):
        assert line and line == line.strip(" \u3000\t"), repr(line)
    assert clean(text) == (text, [])


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_every_edit_says_which_rule_and_why(prefix):
    for edits in cleaned(prefix)[1]:
        for edit in edits:
            assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", edit.rule) and len(edit.reason) > 20


# -- seed 000: page furniture, metadata, the related-news tail, Kangxi radicals


def test_000_keeps_title_first_and_drops_metadata_lines():
    assert lines("000")[0] == "对话智源张宏江:功成不必在我,能成为黄埔军校很好"
    text = cleaned("000")[0]
    for gone in ["加入收藏", "2023-08-01 23:23:40", "对话、文 | 卫诗婕", "编辑 | 卫诗婕", "(资料图片仅供参考)"]:
        assert gone not in text
    reasons = {e.rule: e.reason for es in cleaned("000")[1] for e in es}
    for rule in ["metadata.dateline", "metadata.byline", "metadata.editor"]:
        assert "metadata" in reasons[rule]


def test_000_drops_picture_credits_and_captions_but_not_the_text_around_them():
    text = cleaned("000")[0]
    for gone in ["图片来源", "视觉中国", "嘉宾海报", "头图来源", "geekparkGO"]:
        assert gone not in text
    assert rules("000")["boilerplate.image_credit"] == raw("000").count("图片来源:") + 1  # + the head-image line
    assert "极客公园:你从什么时候开始关注到OpenAI的?\n张宏江:2016 年底我决定退休后" in text


def test_000_related_news_tail_is_gone_and_the_last_paragraph_stays():
    raw_lines = raw("000").split("\n")
    tail = [line for line in raw_lines[raw_lines.index("相关新闻"):] if line.strip()]
    assert len(tail) > 30
    kept = set(lines("000"))
    title = lines("000")[0]
    assert kept & set(tail) == {title}  # the tail repeats the article's own headline
    assert lines("000").count(title) == 1
    assert "关键词:" not in kept and not any("更多>" in line for line in kept)
    assert lines("000")[-1].startswith("在美国,当一个领域里,大家看到有很强的领军者在往前走时")


def test_000_kangxi_radicals_fold_and_fullwidth_punctuation_stays():
    text = cleaned("000")[0]
    assert "极客公园:成立智源之前,你已经退休了,而且刚从金山那样劳心劳力的地方离开,为什么选择再次出山?" in text
    assert not re.search("[\u2f00-\u2fdf]", text)
    assert "北京智源研究院给出了通用人工智能（AGI）的释义：一定是比人类强大的智能，" in cleaned("001")[0]
    folds = [e for es in cleaned("000")[1] for e in es if e.rule == "unicode.fold_ideograph"]
    assert folds and all(re.fullmatch("[\u2f00-\u2fdf]+", e.old) for e in folds)


def test_000_headings_broken_over_lines_are_joined():
    assert "「我们受到的所有挑战是自信心的挑战」" in lines("000")
    assert "「如果把智源变成营利,我们跟满大街的创业公司就没有区别」" in lines("000")
    assert "我赶上了每一个中国转折的最佳时间点" in lines("000")
    assert "06" in lines("000")  # the section number itself stays a line


# -- seed 001: markdown, bylines, hard wraps, speaker labels


def test_001_markdown_is_gone_and_title_is_first():
    text = cleaned("001")[0]
    assert lines("001")[0] == "对话张宏江博士：中国技术创新为什么难？基础研究必须当成慈善一样做"
    for gone in [
        "**",
        "![",
        "inews.gtimg.com",
        "_来源",
        "来源：视觉中国",
        "作者 ｜ 程潇熠",
        "编辑 ｜ 康晓",
        "出品丨深网",
    ]:
        assert gone not in text
    assert "张宏江是这场“豪赌”中被寄予厚望的灵魂人物。" in text


def test_001_hard_wrapped_names_are_joined_with_a_space():
    text = cleaned("001")[0]
    for name in [
        "Geoffrey Hinton；",
        "OpenAI CEO Sam Altman；",
        "Yann LeCun、",
        "(Geoffrey Hinton)",
        "（Yann LeCun）",
        "(Yuval Noah Harari)",
    ]:
        assert name in text
    assert "“暂停AI研究倡议的发起人”、现任麻省理工学院" in text  # CJK: joined without a space
    assert "\nHinton" not in text and "\nLeCun" not in text


def test_a_long_line_broken_inside_a_quotation_is_joined_but_a_quoted_passage_of_two_paragraphs_is_not():
    broken = ("科技公司的创始人在发布会上对台下的几百名开发者说：“我们的目标是在\n"
              "三年内把大模型的推理成本降低70%。”\n第二段。\n")
    text, passes = clean(broken)
    assert "我们的目标是在三年内把大模型的推理成本降低70%。”" in text
    assert "wraps.open_quotation" in {edit.rule for edits in passes for edit in edits}
    assert revert_all(text, passes) == broken
    passage = "他回忆说：“第一段话讲的是公司的起点和最初的几位创始人。\n“第二段话讲的是现在。”\n"
    assert len(clean(passage)[0].splitlines()) == 2  # each paragraph of the quoted passage stays a line


def test_001_separate_quotations_stay_separate_paragraphs():
    quoted = [line for line in lines("001") if line.startswith("“") and line.endswith("；")]
    assert len(quoted) == 3


def test_001_speaker_label_lines_stay_lines():
    assert lines("001").count("张宏江：") == sum(1 for line in raw("001").split("\n") if line.strip() == "**张宏江：**")
    index = lines("001").index("张宏江：")
    assert lines("001")[index + 1].startswith("产品和公司一定是这样追求")


# -- seed 002: spam, pinyin annotations, footer


def test_002_spam_line_is_removed_with_rule_spam():
    assert "夜夜爽" not in cleaned("002")[0]
    assert rules("002")["spam"] == 1
    assert lines("002")[0].endswith("瘋狂的幻方:一家隱形AI巨頭的大模型之路")


def test_002_pinyin_annotations_go_and_real_parentheses_stay():
    text = cleaned("002")[0]
    assert "時(shí)" not in text and "團(tuán)" not in text and "場(chǎng)" not in text
    assert "大模型團戰中" in text
    assert "通用人工智能(AGI)" in text and "finetune(微調)" in text


def test_002_footer_disclaimer_and_source_line_are_gone():
    text = cleaned("002")[0]
    for gone in [
        "風險提示及免責條款",
        "關鍵詞",
        "關于我們",
        "版權所有",
        "Copyright",
        "ICP",
        "@qq.com",
        "(資料圖)",
        "本文作者",
    ]:
        assert gone not in text
    assert lines("002")[-1].startswith("梁文鋒:不是所有人都能瘋狂一輩子")


# -- seed 003 / 004: traditional script with annotations, a spliced notice


def test_003_annotation_inside_real_parentheses():
    text = cleaned("003")[0]
    assert "AIInfra(AI架構)" in text and "(gòu)" not in text
    assert len(lines("003")) == len(raw("003").split("\n"))  # one paragraph per raw line: nothing glued


def test_004_spliced_notice_goes_and_both_halves_survive():
    text = cleaned("004")[0]
    assert "本文為專欄作者" not in text and "editor@cyzone.cn" not in text
    before = next(line for line in lines("004") if line.startswith("會議上各種方案爭論很久"))
    assert before.endswith("這種形式很新穎”。")
    after = next(line for line in lines("004") if "而張宏江接下來提出的想法更加新穎" in line)
    assert after.startswith("而張宏江接下來提出的想法更加新穎") and after.endswith("都是一種挑戰。")
    (notice,) = [e for es in cleaned("004")[1] for e in es if e.rule == "boilerplate.copyright_notice"]
    assert notice.old.endswith("editor@cyzone.cn。") and "paragraph" in notice.reason


def test_004_editor_note_is_metadata_and_real_parentheses_stay():
    assert lines("004")[0] == "DeepSeek之后,中國AI加速。"
    assert "“只要人不走(出北京),事兒就不走(出北京)了”" in cleaned("004")[0]
    assert rules("004")["metadata.editor_note"] == 1


# --- audit of new documents (/tmp/audit-new): content is never lost, bylines are whole lines ---


def _removed(text: str) -> dict[str, str]:
    return {edit.old.strip(): edit.rule for edits in clean(text)[1] for edit in edits if edit.old.strip()}


def test_headline_mentioning_copyright_ownership_is_article_text():
    text = "生成式AI的版权之争\nAI生成内容的版权所有权归谁?法院给出了答案\n正文。"
    assert "AI生成内容的版权所有权归谁?法院给出了答案" in clean(text)[0]


@pytest.mark.parametrize(
    "line",
    [
        "鋼企網 版權所有,未經書面授權禁止使用",
        "版权所有 © 2024 某某科技网 沪ICP备12345678号",
        "版权归原作者所有",
        "未经授权不得转载",
        "本文为专栏作者授权本站发表",
    ],
)
def test_real_copyright_notices_are_removed(line):
    assert _removed(f"标题\n正文。\n{line}").get(line) == "boilerplate.copyright"


@pytest.mark.parametrize("line", ["记者|李明在现场看到,展台前排起了长队。", "文 | 本文对比了三种方案。"])
def test_sentence_starting_like_a_byline_is_article_text(line):
    assert line in clean(f"标题\n{line}\n正文。")[0]


@pytest.mark.parametrize(
    "line", ["记者 | 李明", "采访 | 赵晓 编辑 | 钱程", "文 | 赵晓", "作者:李明 编辑:王芳", "記者 林志豪/臺北報導"]
)
def test_whole_line_bylines_are_removed(line):
    assert _removed(f"标题\n{line}\n正文。").get(line) == "metadata.byline"


def test_gambling_and_lottery_spam_line_is_removed():
    line = "澳门新葡京娱乐场,最新av在线观看,免费成人视频,六合彩开奖结果"
    text, _ = clean(f"{line}\n大模型公司加速商业化\n多家公司在本月发布了新的产品。")
    assert text.splitlines()[0] == "大模型公司加速商业化"
    assert _removed(f"{line}\n标题")[line] == "spam"


@pytest.mark.parametrize("line, rule", [
    ("(本文图片来源:智源研究院)", "boilerplate.image_credit_parenthesised"),
    ("*本文为未来科技评论原创,转载请联系 editor@futuretech.example.com", "boilerplate.repost_notice"),
    ("声明:本文内容仅供参考,不构成投资建议。", "boilerplate.risk_disclaimer"),
    ("文章来源:新浪科技 责任编辑:赵六", "metadata.source_line"),
])
def test_footer_notices_are_removed(line, rule):
    assert _removed(f"标题\n正文。\n{line}").get(line) == rule


def test_removed_lines_do_not_make_a_text_look_laid_out_by_blank_lines():
    # each removed notice leaves a blank line; three of them once made the text look like paragraphs separated by
    # blank lines, and its single breaks (the title's among them) were joined as soft wraps
    notice = "本期节目由「木木」赞助播出，下单时输入优惠码 AAA 立减二十元。"
    paragraphs = ["第一段说明情况。", "第二段给出数据。", "第三段引用专家。", "第四段总结。"]
    raw = "县城咖啡馆还能开多久\n" + f"\n{notice}\n".join(paragraphs)
    text, passes = clean(raw)
    assert text == "\n".join(["县城咖啡馆还能开多久", *paragraphs])
    assert "wraps.soft_wrap" not in {edit.rule for edits in passes for edit in edits}
    blank_laid_out = "县城咖啡馆\n\n第一段说明\n情况。\n\n" + "\n\n".join(paragraphs[1:])
    assert clean(blank_laid_out)[0] == "\n".join(["县城咖啡馆", *paragraphs])


def test_a_label_that_opens_one_line_only_is_still_soft_wrapped():
    # the turn exception needs a label that recurs: a paragraph's second line `结论：…` is a wrap as before
    paragraphs = ["第一段说明情况。", "第二段给出数据。\n结论：数据可靠。", "第三段引用专家。", "第四段总结。"]
    text, _ = clean("标题\n\n" + "\n\n".join(paragraphs))
    assert "第二段给出数据。结论：数据可靠。" in text.split("\n")
