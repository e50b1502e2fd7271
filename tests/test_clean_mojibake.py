"""Recovering mojibake from the broken GBK round-trip (corpus/clean/mojibake.py)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from corpus.clean import clean, mojibake
from corpus.editlog import apply, revert, revert_all
from corpus.lang.pinyin import readings
from scriptload import load_script

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
READING = re.compile(r"\([a-zü\u00e0-\u01dc]+\)")
TAG = re.compile(r"</?[a-z]+>")
DAMAGED = ("002", "003", "004")


@lru_cache(maxsize=None)
def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def repaired(prefix: str) -> str:
    return apply(seed(prefix), mojibake.find_repairs(seed(prefix), source=f"{prefix}_"))


def reader_text(text: str) -> str:
    """What a reader sees once readings are dropped (the pinyin pass does that later)."""
    return READING.sub("", text)


def clean_lines() -> tuple[str, ...]:
    """Traditional sentences from the repaired seeds (scripts/eval_mojibake.py)."""
    return evaluation().clean_seed_lines()


@lru_cache(maxsize=1)
def evaluation():
    return load_script("eval_mojibake")


# ---------------------------------------------------------------- real cases

@pytest.mark.parametrize("prefix, expected", [
    ("002", "「暗涌」:因為大廠的入局,很多創業型公司"),
    ("002", "那我們就是最合適的人選之一。”</p>"),
    ("002", "切入到這個行業中來。”</p>"),
    ("002", "都各有機會。現有垂類場景"),
    ("002", "我們去復刻的同時"),
    ("002", "我們如何支撐它的持續投入?"),
    ("002", "因為劃不來。"),
    ("002", "或許不能單純用錢衡量。”</strong>"),
    ("002", "你們在2021年就可以有先見之明"),  # erratum
    ("002", "幾百張卡之前,我們托管在IDC"),
    ("002", "大廠很難單純去做研究,做訓練,"),  # erratum + whole lost character 訓
    ("002", "因為它更需要看到結果"),
    ("002", "這件事。幻方招人有條原則是"),
    ("002", "成本和效率非常關鍵。看OpenAI"),
    ("002", "會覺得你們在做一件很瘋狂的事嗎?</strong>"),
    ("003", "主要是因為以下幾個原因:"),
    ("003", "規范和管理條例。"),
    ("003", "沒資格談論高科技和未來企業的走向"),
    ("003", "你 90% 的精力。”“而創業,"),
    ("003", "目熟能詳的深度學習框架Caffe"),
    ("004", "成為了AI屆的“黃埔軍校”。</strong>"),
    ("004", "這些響當當的大模型明星創業企業"),
    ("004", "“慌什么。”</p>"),
])
def test_seed_spans_read_as_they_must(prefix, expected):
    assert expected in reader_text(repaired(prefix))


@pytest.mark.parametrize("prefix", DAMAGED)
def test_no_trace_of_the_roundtrip_is_left(prefix):
    text = repaired(prefix)
    assert not re.search(r"[\ue000-\uf8ff]", text)  # GBK user-defined area
    assert not re.search(r"\?[a-zü\u00e0-\u01dc]+\)", text)  # reading that lost its "("
    assert not re.search(r"\?/[a-z]+>", text)  # tag that lost its "<"
    assert mojibake.corrupted_spans(text) == []
    assert mojibake.corrupted_spans(seed(prefix))  # ... while the raw seed has some


@pytest.mark.parametrize("prefix", DAMAGED)
def test_seed_edits_are_consistent_and_reversible(prefix):
    text = seed(prefix)
    edits = mojibake.find_repairs(text)
    assert edits
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start
    for edit in edits:
        assert text[edit.start:edit.end] == edit.old
        assert edit.rule in (mojibake.RULE_AUTO, mojibake.RULE_ERRATA) and edit.reason
    assert revert(apply(text, edits), edits) == text


def test_genuine_question_marks_in_seed_000_untouched():
    text = seed("000")
    assert text.count("?") > 40
    assert mojibake.find_repairs(text) == []
    assert mojibake.corrupted_spans(text) == []
    assert mojibake.find_repairs(seed("001")) == []


def test_report_counts_per_seed():
    counts = {p: mojibake.report(seed(p), source=f"{p}_") for p in DAMAGED}
    assert all(c["left_corrupted"] == 0 for c in counts.values())
    assert counts["002"]["fixed_by_errata"] == 5  # 。看 (??碠): a "?" inside a run may be an unmapped pair
    assert all(c["recovered_automatically"] > 0 for c in counts.values())
    assert mojibake.report(seed("000")) == {
        "recovered_automatically": 0, "fixed_by_errata": 0, "left_corrupted": 0}


def test_errata_entries_match_their_seed_exactly_once():
    data = yaml.safe_load(mojibake.ERRATA_PATH.read_text(encoding="utf-8"))
    for entry in data["errata"]:
        text = (SEEDS / entry["source"]).read_text(encoding="utf-8")
        assert text.count(entry["span"]) == 1, entry["span"]
        assert entry["replacement"] != entry["span"] and entry["justification"].strip()
        edits = [e for e in mojibake.find_repairs(text) if e.old == entry["span"]]
        assert [e.rule for e in edits] == [mojibake.RULE_ERRATA]


def test_reason_names_the_bytes():
    edit = next(e for e in mojibake.find_repairs(seed("002")) if e.new.startswith("為大廠"))
    assert edit.old == "?yàn)榇髲S"
    assert "9e" in edit.reason and "驗" in edit.reason and "yàn" in edit.reason


# ---------------------------------------------------------------- the mechanism

def test_model_reproduces_the_seed_damage():
    # The forward model, applied to the recovered sentence, gives the raw seed back.
    sentence = "「暗涌」:因為大廠的入局,很多"
    index = sentence.index("為")
    damaged = mojibake.damage(sentence, index, mojibake.phantom_reading(sentence, index))
    assert damaged in seed("002")
    assert mojibake.damage("人選之一。”</p>", 4) == "人選之一?!?/p>"


@lru_cache(maxsize=1)
def roundtrip_cases() -> tuple[tuple[str, int, str], ...]:
    """Every ``(line, index, reading)`` of the clean seed lines where the damage is
    settled by the bytes: the character at ``index`` loses its lead byte to a
    misplaced reading, that reading leaves one lead byte possible, and the run
    comes back in step by itself (a single ``?``).  Built directly rather than
    filtered out of random draws, which hypothesis rejects (``filter_too_much``):
    most positions do not qualify."""
    cases = []
    for line in clean_lines():
        for index in range(1, len(line) - 1):
            char = line[index].encode("gbk")
            if len(char) != 2:
                continue
            reading = mojibake.phantom_reading(line, index)
            if reading is None:
                continue
            prev = line[index - 1].encode("gbk")
            if len(mojibake._leads(char[1], reading, prev[-1])) != 1:
                continue
            if mojibake.damage(line, index, reading).count("?") != 1:
                continue
            cases.append((line, index, reading))
    return tuple(cases)


def test_roundtrip_cases_are_plentiful():
    cases = roundtrip_cases()
    assert len(cases) > 500
    assert len({line for line, _, _ in cases}) > 100


# A few cases (8 of the 2,325 built from the seeds) are left as captured: the repair finds no reading it can prove
# and cleaning flags their sentence instead (README, Known limitations).  So a draw is undone or flagged, never
# silently wrong, and all but a few are undone.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.deferred(lambda: st.sampled_from(roundtrip_cases())))
def test_roundtrip_with_a_reading_is_undone_or_flagged(case):
    line, index, reading = case
    damaged = mojibake.damage(line, index, reading)
    assert damaged.count("?") == 1 and damaged != line
    if apply(damaged, mojibake.find_repairs(damaged)) != line:
        assert evaluation().process_outcome(line, damaged) == "flagged", case


def test_nearly_every_roundtrip_case_is_undone():
    cases = roundtrip_cases()
    undone = sum(apply(damaged, mojibake.find_repairs(damaged)) == line
                 for line, index, reading in cases
                 for damaged in [mojibake.damage(line, index, reading)])
    assert undone >= 0.99 * len(cases)


# ---------------------------------------------------------------- no false alarms

HAN = st.sampled_from(sorted(set("".join(clean_lines())) - set("?")))
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.deferred(lambda: st.sampled_from(clean_lines())), min_size=1, max_size=3), st.randoms(),
       st.integers(0, 5), st.integers(0, 3))
def test_clean_text_with_genuine_question_marks_and_rare_characters_is_left_alone(lines, chooser, marks, rare):
    """Question marks where writers put them (a clause mark or a line end made ``?``, ``???``, or
    ``??`` at the end of a line or after a question particle) and rare characters between two Han
    characters.  A ``?`` dropped between two characters of a word is not drawn: that is what a
    lost lead byte leaves, and reading it as damage is right (``?用?一種?嶄?新``); nor is a rare
    character right after a ``?``, where genuine text and damage look alike."""
    text = evaluation().with_rare_characters(evaluation().with_question_marks("\n".join(lines), chooser, marks),
                                             chooser, rare)
    assert mojibake.find_repairs(text) == []
    assert mojibake.corrupted_spans(text) == []


@pytest.mark.parametrize("text, flagged", [
    ("他們是否真的能做到??我不確定。", False),  # emphasis at the end of a question
    ("你真的要去嗎??我不信。", False),  # after a question particle, the next sentence follows
    ("第一,??原因很簡單。", True),  # after a clause mark
    ("成本??,效率也低。", True),  # before one
    ("這家公??很有名。", True),  # inside a word: a lost character and the byte it swallowed
    ("真的嗎???他問。", False),  # three are emphasis
])
def test_a_pair_of_question_marks_is_read_by_its_place(text, flagged):
    assert bool(mojibake.corrupted_spans(text)) is flagged


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.one_of(HAN, ASCII, st.just("?"), st.just("\n")), max_size=80))
def test_arbitrary_text_does_not_crash_and_edits_match(text):
    edits = mojibake.find_repairs(text)
    for before, after in zip(edits, edits[1:]):
        assert before.end <= after.start
    for edit in edits:
        assert text[edit.start:edit.end] == edit.old
    assert revert(apply(text, edits), edits) == text
    for start, end in mojibake.corrupted_spans(text):
        assert 0 <= start < end <= len(text)


# The scan's speed (characters per second, and linear growth) is measured by scripts/bench_linear.py.


# Random text through the same broken round-trip (scripts/eval_mojibake.py: a lost lead byte, with or
# without the site's pinyin reading swallowed into the stream, commas ASCII or full-width in the
# stream).  Every damaged run is given back as it was or its sentence is flagged corrupted: a repair
# into other text, or a run left as it is, would be silently wrong.

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([",", "，"]).flatmap(lambda comma: st.lists(
    st.one_of(st.deferred(lambda: st.sampled_from(evaluation().COMMON)), st.just(comma)), min_size=2, max_size=30)),
    st.data(), st.booleans())
def test_every_damaged_run_is_repaired_or_flagged(characters, data, with_reading):
    line = "".join(characters) + "。"
    damaged = evaluation().damaged_line(line, data.draw(st.integers(1, len(line) - 2)), with_reading)
    assume(damaged is not None)
    assert evaluation().outcome(line.replace("，", ","), damaged) in ("recovered", "flagged"), damaged


def test_a_lead_byte_the_reading_does_not_settle_is_flagged_not_guessed():
    # 出 (b3 f6) lost its lead byte on its own; 鰴 (f6 99) and C (43) are its trail byte and 機 re-paired.
    # Many characters end in f6 (出, 个 b8 f6, ...): the language model's choice was 个, so it is flagged.
    damaged = "命我面,?鰴C原质,點明应時合明變要進家变。"
    assert mojibake.find_repairs(damaged) == []
    assert mojibake.corrupted_spans(damaged) == [(4, 7)]


def test_generated_runs_all_end_repaired_or_flagged():
    """Pinned on a fixed draw: none missed, none repaired wrongly, some recovered."""
    figures = evaluation().damaged_figures(40, 7)
    for counts in figures.values():
        assert counts["missed"] == counts["wrong"] == 0, counts
    assert sum(counts["recovered"] for counts in figures.values()) > 0, figures


# The site's annotator at any byte offset (scripts/eval_mojibake.py, ``annotated_text``): ``(reading)``
# after every byte-level match of a listed character's GBK code, so also across two characters, in
# random lines of GB2312 and GBK-extension characters, letters, digits and punctuation (sentence ends
# inside a damaged run included), read back by the one-way GBK reader and cleaned as a document is.
# Every character that differs from the cleaned original, or is lost, lies in a sentence flagged
# ``corrupted``: a flag is always allowed, a silent wrong character never.

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_readings_at_any_byte_offset_are_repaired_or_flagged(data):
    drawn = evaluation().annotated_text(lambda lo, hi: data.draw(st.integers(lo, hi)))
    assume(drawn is not None)
    original, damaged = drawn
    assert evaluation().annotated_outcome(original, damaged) in ("recovered", "flagged"), damaged


# Every damage process seen (scripts/eval_mojibake.py, ``PROCESSES``: our generator and the forward simulations of
# tests/heldout4-7): dev pages, simplified and traditional, stored in GBK or in UTF-8 and read back as GBK, the
# annotator at any byte offset in each of its manners, each reader's way with a pair GBK does not map, the
# ideographic space folded or kept.  Cleaning gives the page back or flags every sentence that differs — never
# other text, never damage left unflagged — and stays lossless and idempotent.  A random draw each run (no fixed
# one): it held for 6,000 draws over several hypothesis seeds (README, Evaluation).

@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.deferred(lambda: st.sampled_from(evaluation().PROCESSES)), st.data())
def test_every_process_family_is_repaired_or_flagged(process, data):
    drawn = evaluation().process_text(process, lambda lo, hi: data.draw(st.integers(lo, hi)))
    assume(drawn is not None)
    original, damaged = drawn
    assert evaluation().process_outcome(original, damaged) in ("recovered", "flagged"), (process, damaged)
    cleaned, passes = clean(damaged)
    assert revert_all(cleaned, passes) == damaged
    assert clean(cleaned)[0] == cleaned


@pytest.mark.parametrize("page, reader", [
    ("储能电池的价格战还会持续两年吗？", "pair"),  # an even number of bytes, every pair mapped: back whole
    ("记者：你们的工厂现在开工率怎么样？", "cp936"),  # a user-defined pair shown as a private-use character
])
def test_a_utf8_page_read_as_gbk_is_given_back_when_the_bytes_settle_it(page, reader):
    damaged = evaluation().fold(evaluation().read_one_way(page.encode("utf-8"), reader), True)
    assert damaged != page
    repaired = apply(damaged, mojibake.find_repairs(damaged))
    assert repaired == evaluation().fold(page, True) and mojibake.corrupted_spans(repaired) == []


def test_a_utf8_line_with_lost_bytes_is_flagged_whole():
    page = "因為大廠的入局，很多創業型公司。"  # 48 bytes; the reader loses the pair holding 0x80 and the line end
    damaged = evaluation().fold(evaluation().read_one_way((page + "\n下一行。").encode("utf-8"), "cp936"), True)
    assert "?" in damaged and mojibake.find_repairs(damaged) == []
    assert mojibake.corrupted_spans(damaged) == [(0, len(damaged))]


# A short line of a UTF-8 page that a reader losing unmapped pairs cut up: fewer than two characters are left whole,
# so their share proves nothing, but every byte left fits a UTF-8 character around the lost pairs (round 12's closing
# CI draw: the page's second line, 问：您第一次开船是哪一年？, was left partly unflagged).  Lines written for this test
# but the first.
@pytest.mark.parametrize("line", [
    "问：您第一次开船是哪一年？", "答：一九九四年，那年我刚满二十岁。", "記者：您當時為什麼選擇留下來？",
    "主持人：请您先介绍一下自己。",
])
@pytest.mark.parametrize("reader", ["pair", "lone", "replace"])
def test_a_short_utf8_line_the_reader_cut_up_is_flagged_whole(line, reader):
    damaged = evaluation().fold(evaluation().read_one_way(line.encode("utf-8"), reader), False)
    repaired = apply(damaged, mojibake.find_repairs(damaged))
    assert repaired == evaluation().fold(line, False) or mojibake.corrupted_spans(repaired) == [(0, len(repaired))]


# Whole UTF-8 pages read back by the pair reader that cleaning left partly unflagged (the process property's draws,
# family simplified / utf-8 / every / pair / () / marks; it draws with st.data(), which @example cannot replay, so
# the draws are pinned here as text).  Round 12's closing CI: the page's second line, cut up (above).  Round 13's:
# the site's readings lost their "(" again and again (?bēn)), cutting the page into stretches read with the
# readings' letters as bytes, some not mostly UTF-8; the line ends lost too, so the page is one line.
UTF8_PAGE_DRAWS = [
    ("汉口至武昌的轮渡明年将减为每天十班。在这条航线上开了三十年船的船长、江城轮渡公司二号船船长邵建平,"
     "下个月就要退休。我们在码头的候船室里和他聊了一个下午。\n问:您第一次开船是哪一年?",
     "姹?mì)鍙h嚦姝︽槍鐨勮疆娓℃槑骞村皢鍑忎负姣忓ぉ鍗佺彮銆傚湪杩欐潯鑸?嚎涓婂紑浜嗕笁鍗佸勾鑸圭殑"
     "鑸归暱銆佹睙鍩庤疆娓″叕鍙镐簩鍙疯埞鑸归暱閭靛缓骞筹紝涓嬩釜鏈?guǐ)灏辫?閫?紤銆傛垜浠?湪鐮佸ご鐨勫?"
     "鑸瑰?閲屽拰浠栬亰浜嗕竴涓?笅鍗堛?\n闂?細鎮ㄧ?涓??寮?埞鏄?摢涓?勾锛?"),
    ("Jasper: 先讲讲,中华蜜蜂和常见的西方蜜蜂有什么不一样?\n符晓岚: 中蜂个头小,耐寒,山里零散的花它都能采,"
     "但是产量只有西方蜜蜂的三分之一左右。我们这里山多林密,外来的蜂反而养不好。\n豆角: 一箱蜂一年能收多少蜜?",
     "Jasper锛(bēn)?鍏堣?璁诧?bēn)屼腑鍗庤湝铚傚拰甯歌?鐨勮タ鏂硅湝铚傛湁浠?箞涓嶄竴鏍凤?bēn)?绗︽檽宀氾?bēn)?涓?"
     "渹涓?ご灏忥?bēn)岃?瀵掞?bēn)屽北閲岄浂鏁g殑鑺卞畠閮借兘閲囷?bēn)屼絾鏄?骇閲忓彧鏈夎タ鏂硅湝铚傜殑涓夊垎涔嬩竴宸﹀彸"
     "銆傛垜浠?繖閲屽北澶氭灄瀵嗭?bēn)屽?鏉ョ殑铚傚弽鑰屽吇涓嶅ソ銆?璞嗚?锛(bēn)?涓??铚備竴骞磋兘鏀跺?灏戣湝锛(bēn)?"),
]


@pytest.mark.parametrize("original, damaged", UTF8_PAGE_DRAWS)
def test_a_whole_utf8_page_read_by_the_pair_reader_is_flagged_line_by_line(original, damaged):
    assert evaluation().process_outcome(original, damaged) == "flagged"
    cleaned, at = clean(damaged)[0], 0
    for line in cleaned.split("\n"):
        assert [(at, at + len(line))] == [span for span in mojibake.corrupted_spans(cleaned)
                                          if at <= span[0] <= at + len(line)]
        at += len(line) + 1


# A UTF-8 sentence pasted into a GBK page (a sponsor's press release, a quote copied from another site) and the
# page read as GBK: the damaged stretch runs on into the genuine sentences around it, so the stretch as a whole is
# not mostly UTF-8 (heldout12's hm07 left one such sentence unflagged, round 10).  Sentences written for this test.
GBK_PAGE_SENTENCES = (
    "渔港东侧的冷库今年扩建了一倍。", "合作社的十二条船都装了卫星定位。", "台风季前，码头要先加固缆桩。",
    "這家麵包店已經傳到第三代。", "志工每週六清理沙灘上的漁網。", "县里的农机站去年换了新站长，",
)
PASTED_SENTENCES = (
    "本次活动由北方冷链物流有限公司赞助，场地由市政府提供。", "報名請洽協會秘書處，名額有限。",
    "赞助商表示将继续支持青年工匠计划。", "本屆展覽共吸引兩萬名觀眾入場參觀。",
)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(GBK_PAGE_SENTENCES), st.sampled_from(PASTED_SENTENCES), st.sampled_from(GBK_PAGE_SENTENCES),
       st.sampled_from(("pair", "cp936")))
def test_a_utf8_sentence_pasted_into_a_gbk_line_is_repaired_or_flagged(before, pasted, after, reader):
    fold = evaluation().fold
    original = fold(before + pasted + after, True)
    damaged = fold(before + evaluation().read_one_way(pasted.encode("utf-8"), reader) + after, True)
    assert evaluation().annotated_outcome(original, damaged) in ("recovered", "flagged"), damaged


# The same with the line read whole (round 11): the pasted bytes and the page's run on in one stream, so an odd
# number of pasted bytes leaves the genuine text after the paste out of step up to an ASCII byte; sentences of the
# dev captures drawn at random (scripts/eval_mojibake.py, pasted_text).  Never silently wrong, lossless, idempotent.
# Round 12: a paste of any length from two characters (a word, a clause: `length`, None for the whole sentence) where
# the reader writes what GBK maps (cp936); the remaining limit (README, Known limitations): a paste shorter than
# eight characters in which a reader that loses unmapped pairs (`pair`) lost one, and a paste of one character.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.integers(0, 2 ** 32), st.sampled_from(("simplified", "traditional")), st.sampled_from(("cp936", "pair")),
       st.one_of(st.none(), st.integers(2, 8)))
@example(858, "traditional", "pair", None)  # silently wrong before round 12's short-paste reading (a CI-time draw)
def test_a_utf8_sentence_pasted_into_a_line_read_whole_is_repaired_or_flagged(seed, script, reader, length):
    import random

    original, damaged, _, pasted, _ = evaluation().pasted_text(random.Random(seed), script, reader, length)
    assume(re.search(r"[^\x00-\x7f]{2}", pasted) if reader == "cp936" else re.search(r"[^\x00-\x7f]{8}", pasted))
    assert evaluation().annotated_outcome(original, damaged) in ("recovered", "flagged"), damaged
    cleaned, passes = clean(damaged)
    assert revert_all(cleaned, passes) == damaged
    assert clean(cleaned)[0] == cleaned


def test_a_paste_whose_run_lost_pairs_is_flagged_up_to_where_the_reader_is_back_in_step():
    # the property's draw (44158695, "simplified", "pair", None) in round 13: the pair reader lost one pair in four of
    # the pasted sentence (45 bytes, odd), so no five UTF-8 characters stood in a row (监督管理, then 派员参) and the
    # sentence's piece after the `?` it ends in (`篃娲惧憳鍙傝?`) was left unflagged, silently wrong
    original = ("他的祖父是剑川最后一批赶马人之一。国家药品监督管理局也派员参观。在阿联酋东部的富查伊拉,农场主Hamdan "
                "Al-Mazrouei把祖父留下的三千棵椰枣树改成滴灌。")
    damaged = ("他的祖父是剑川最后一批赶马人之一。鍥藉?鑽?搧鐩戠潱绠$悊灞?篃娲惧憳鍙傝?銆傇诎⒘?醵?康母徊橐晾??┏≈"
               "鱄amdan Al-Mazrouei把祖父留下的三千棵椰枣树改成滴灌。")
    assert evaluation().annotated_outcome(original, damaged) in ("recovered", "flagged")
    assert mojibake.corrupted_spans(damaged)[0] == (len("他的祖父是剑川最后一批赶马人之一。"), damaged.index("amdan"))


def test_a_short_paste_cut_up_by_lost_pairs_is_flagged():
    # the next draw the property found with more examples (1489526284, "simplified", "pair", 8; round 13, local run of
    # 1,000 draws): eight characters, 24 bytes, of which the reader lost three pairs, leaving three characters whole
    # and none of the line flagged; its chain of three-byte characters holds 18 known bytes, all fitting UTF-8
    before = "新苗由马来西亚农业研究与发展机构培育,第一批果实预计2029年上市。"
    after = "中国日本商会常务理事周立衡表示,双方在跨境电商物流上合作空间很大。"
    original, damaged = before + "启航还与中国科学" + after, before + "鍚?埅杩樹笌涓?浗绉戝?" + after
    assert evaluation().annotated_outcome(original, damaged) in ("recovered", "flagged")
    assert mojibake.corrupted_spans(damaged) == [(len(before), len(damaged) - len(after))]


PASTE_BEFORE = "黑龙江省文旅厅的负责人介绍,冰雕团队近年先后赴日本和加拿大参赛。"  # sentences written for these tests
PASTE = "本次出征由北方冰城文旅有限公司赞助,市政府负责场地与食宿。"  # 29 characters: 87 bytes, odd
PASTE_AFTER = "队员将在月底回国。"


def test_only_the_pasted_sentence_is_flagged_not_the_genuine_one_before_it():
    # heldout12 lost the names of the genuine sentence before such a paste (its whole line was flagged, round 10)
    page = PASTE_BEFORE.replace(",", "，").encode("gbk") + PASTE.replace(",", "，").encode("utf-8")
    damaged = mojibake.roundtrip_decode(page + "\n".encode("gbk"))[:-1] + "?"  # the last byte lost at the line end
    assert damaged.startswith(PASTE_BEFORE) and mojibake.find_repairs(damaged) == []
    assert mojibake.corrupted_spans(damaged) == [(len(PASTE_BEFORE), len(damaged))]


def test_a_paste_with_every_byte_known_is_repaired_with_the_text_after_it_re_paired():
    # an odd paste: the reader pairs its last byte with the next lead byte and reads on one byte late until a trail
    # byte below 0x80 (學 is 8c 57, "W") brings it back in step; every byte is known, so all of it comes back
    before, pasted = "工坊負責人說,一頂草帽要編上三天。", "活動由基金會主辦,縣政府協辦。"
    after = "學徒結業後可以寄賣作品。"
    page = before.replace(",", "，").encode("gbk") + pasted.replace(",", "，").encode("utf-8") + after.encode("gbk")
    damaged = mojibake.roundtrip_decode(page)
    assert damaged != before + pasted + after
    repaired = apply(damaged, mojibake.find_repairs(damaged))
    assert repaired == before + pasted + after and mojibake.corrupted_spans(repaired) == []


def test_a_letter_folded_from_a_full_width_one_does_not_end_an_out_of_step_run():
    # 常振 out of step shows (xx b3)(a3 d5): "Ｕ" folded to "U"; pairing b3 with "U" (砋) would be silently wrong
    before, pasted = "分拣中心占地四十亩。", "据介绍,中心建成后每天可处理生鲜订单十二万单。"
    after = "总经理常振鹏说,周边的蔬菜都在这里集散。"
    page = (before.encode("gbk") + pasted.replace(",", "，").encode("utf-8")
            + after.replace(",", "，").encode("gbk"))
    damaged = mojibake.roundtrip_decode(page)
    assert evaluation().annotated_outcome(before + pasted + after, damaged) in ("recovered", "flagged")
    assert "砋" not in apply(damaged, mojibake.find_repairs(damaged))


SHORT_PASTE_BEFORE = "村里的晒谷场改成了停车场，"  # sentences written for these tests
SHORT_PASTE_AFTER = "周末来采摘的游客多了一倍。"


@pytest.mark.parametrize("pasted", ["据统计", "据统计，", "今年", "到了周末"])  # odd and even byte counts
def test_a_short_utf8_paste_is_given_back_or_flagged_never_left(pasted):
    # round 11 needed five UTF-8 characters in a row; a shorter paste is told by how much better it reads as UTF-8
    page = SHORT_PASTE_BEFORE.encode("gbk") + pasted.encode("utf-8") + SHORT_PASTE_AFTER.encode("gbk")
    damaged = mojibake.roundtrip_decode(page)
    original = mojibake.roundtrip_decode(SHORT_PASTE_BEFORE.encode("gbk")) + "".join(map(mojibake._fold, pasted))
    original += mojibake.roundtrip_decode(SHORT_PASTE_AFTER.encode("gbk"))
    assert damaged != original
    repaired = apply(damaged, mojibake.find_repairs(damaged))
    assert repaired == original or mojibake.corrupted_spans(repaired)
    if len(pasted.encode("utf-8")) % 2 == 0:  # the reader stays in step after it: every byte is known
        assert repaired == original and mojibake.corrupted_spans(repaired) == []


def test_genuine_chinese_holds_no_short_paste():
    # the short-paste rule's false alarms: none in the repaired seeds' lines without a `?` (the two flagged headings of
    # 002 hold one) and the dev captures' expected text (read here), nor in the
    # text of the seen held-out captures and the Chinese Union Version (1.2 million characters, measured in round 12)
    lines = [line for prefix in ("000", "001", *DAMAGED) for line in (
        repaired(prefix) if prefix in DAMAGED else seed(prefix)).split("\n") if "?" not in line]
    for path in sorted((SEEDS.parent / "tests" / "devcaptures").glob("*.yaml")):
        lines += yaml.safe_load(path.read_text(encoding="utf-8")).get("text") or []
    assert not [line for line in lines if list(mojibake._short_paste_runs(line, mojibake._stretches_by_line(line)))]


def test_a_gbk_run_the_scan_repairs_is_no_short_paste():
    # seed 002's run `…謏鄻非\ue304娜恕?` spells one UTF-8 character that reads better than the run: the scan of lost
    # lead bytes reads it first (its repair and the seed's other spans stay as they were)
    text = seed("002")
    assert any(mojibake._short_paste_runs(text, mojibake._stretches_by_line(text)))
    assert not re.search(r"[\ue000-\uf8ff]", repaired("002"))


def test_genuine_chinese_holds_no_run_of_utf8_characters():
    # the rule's false alarms: none in the seeds (read here) and every capture of tests/ (226,006 characters) nor in the
    # Chinese Union Version of ../shared/align-dev (1.1 million characters; measured in round 10)
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    assert not any(mojibake._holds_utf8_run(stretch.data) for stretch in mojibake._utf8_stretches(text))


def test_a_reading_with_a_tone_digit_that_lost_its_bracket_is_no_punctuation_guess():
    # the process property's draw in round 10's CI (traditional, GBK, tone digits): "?ge2)" is a reading whose "("
    # a lost lead byte swallowed; read as a lost lead byte before "ge2)" it was repaired into "。纾澹玻╆", wrong
    damaged = "培訓班的講師來自澳門大學,明?ge2)陮⒃鲩_英語班。"
    assert mojibake.find_repairs(damaged) == []
    assert mojibake.corrupted_spans(damaged) == [(damaged.index("?"), len(damaged))]


def test_a_question_mark_inside_a_run_that_may_be_an_unmapped_pair_is_flagged():
    # heldout6's reader: 嶄新的方式，切入 with the reading jiù misplaced into 新; the "?" after 剑 is a pair
    # GBK does not map, not a folded ？ — read as one it gave 新的方式#啃入.
    damaged = "用一種嶄?jiù)碌姆绞剑?腥氲竭@個行業中來。"
    assert mojibake.find_repairs(damaged) == []
    assert [start for start, _ in mojibake.corrupted_spans(damaged)] == [4]


def test_a_trace_stops_at_a_question_mark_after_which_the_text_reads_in_step():
    # 这家储能公司的工程师王振东指出 damaged (tests/test_annotate_ner.py); the "?" after 赋 lost a trail byte and
    # the byte after it, and the reader is back in step: the clean clause after it is not flagged.
    damaged = "这?táng)掖⒛芄镜墓こ淌ν跽穸赋?调度系统由清华大学和芯擎半导体开发。"
    assert mojibake.corrupted_spans(damaged) == [(1, damaged.index("调"))]  # the "?" itself is in the run
    # ... while a "??" inside a run, or a "?" before more re-paired bytes, is passed over (heldout4's reader)
    assert mojibake.corrupted_spans("電?pèi)毓??S。") == [(1, 11)]


def test_a_trace_goes_on_after_a_question_mark_where_the_text_reads_better_re_paired():
    # heldout5's process on a dev line (另一家企业犁晟通去年完成两轮融资,控制器由青岛的一家电子厂代工。...): after
    # 剩? the shown text holds no rare character (刂破饔汕嗟), but re-paired one byte later it reads 制器由青岛, so
    # the reader is still out of step, and the run goes on to the line end through the "??" and the full stop shown
    # inside it.
    damaged = "另一家企业犁晟?shǎng)ㄈツ晖瓿闪铰秩谧剩?刂破饔汕嗟旱囊患业缱映Т?ぁ@珀赏ū硎荆?衲杲?蚨?惫┯θ??紫低场?"
    assert mojibake.corrupted_spans(damaged) == [(damaged.index("?"), len(damaged))]


def test_a_reading_inside_a_long_run_does_not_cut_it_short():
    # Our process on a dev line (江苏久吾高科与浙江沁园膜业也计划参与东南亚的招标。...): a second listed code
    # (呖 = df bf) fell inside the run, so its reading shows after the re-paired 呖.  The run's reach counts its
    # characters, not that reading: with it counted the run was too long to repair, and once the inline-pinyin pass
    # had removed the reading a second cleaning repaired it (cleaning was not idempotent).
    damaged = ("江苏久吾?gǒu)呖(lì)朴胝憬\ue140咴澳ひ狄布苹\ue189斡攵\ue081涎堑恼斜辍I\ue31b\ue0d6肪巢慷酝夂献"
               "饔虢涣髦行谋硎荆\ue0d8\ue08d\ue14f\ue315笠盗私獾钡氐幕繁7ü妫\ue0e0访宋\ue209被幔‥C)此前也发布了海水淡化的能效标准。")
    cleaned = clean(damaged)[0]
    assert cleaned.startswith("江苏久吾高科与浙江沁园膜业也计划参与东南亚的招标。生态环境部")
    assert clean(cleaned)[0] == cleaned and mojibake.corrupted_spans(cleaned) == []


# ---------------------------------------------------------------- a reading that lost its bracket, in every shape

def read_back(text: str, listed: dict[str, str], brackets: str = "()") -> str:
    """``text`` (punctuation folded, as heldout8's site stores it) through the annotator at any byte offset, with
    ``listed`` (a two-character string whose bytes straddle the boundary of its characters → the reading written
    after that code), and heldout8's reader (one ``?`` for a pair GBK does not map), folded again."""
    codes = {pair.encode("gbk")[1:3]: reading for pair, reading in listed.items()}
    stream = evaluation().annotate(text.encode("gbk"), codes, "every", brackets)
    return evaluation().fold(evaluation().read_one_way(stream, "lone"), False)


def test_a_reading_across_two_characters_in_simplified_text_flags_its_whole_run():
    # heldout8's process on a sentence of ours: 第三 is b5 da c8 fd, and da c8 is 谌 (chén).  The reader loses c8
    # with the "(" (one "?"), fd b7 (一 "?": a pair GBK does not map), and reads out of step up to the ASCII comma,
    # which it loses with the last trail byte.  The flag covers the whole run, "?" marks and reading included, and
    # the sentence is not cut at them.
    original = "他说,第三方统一拼单以后,成本降低了。"
    damaged = read_back(original, {"第三": "chén"})
    assert damaged == "他说,第?chén)?酵骋黄吹ヒ院?成本降低了。"
    assert mojibake.corrupted_spans(damaged) == [(damaged.index("?"), damaged.index("成"))]
    assert evaluation().flagged_sentences(clean(damaged)[0]) == [(0, len(damaged))]
    assert evaluation().process_outcome(original, damaged) == "flagged"


@pytest.mark.parametrize("reading, trace", [
    ("jí", "福╦í)"),  # "（" is a3 a8: the lead byte e6 pairs with a3, a8 with the "j" (a box-drawing character)
    ("ài", "福è?)"),  # a reading opening with a toned vowel (a8 a4): a8 a8 is "è", a4 69 a pair GBK does not map
    ("ǒu", "福è痷)"),
])
def test_a_reading_in_full_width_brackets_that_the_reader_paired_flags_its_whole_run(reading, trace):
    original = "渔港是远洋鱿鱼的主要卸货地,今年吞吐量又创新高。"
    damaged = read_back(original, {"渔港": reading}, "（）")  # 渔港 is e6 b8 b8 db: e6 b8 is listed
    assert damaged.startswith("渔" + trace)
    assert mojibake.corrupted_spans(damaged) == [(1, damaged.index("今"))]
    assert evaluation().process_outcome(original, damaged) == "flagged"


# heldout14's reader (Python's GBK decoder with errors="replace": one "?" for a byte it cannot decode, read on from
# the next) keeps the "(" of a reading the annotator put between a character's lead and trail bytes: "?(qiào)" and the
# run one byte out of step.  Sentences written for these tests; every listed code across two characters of them (with
# a fourth sentence, 60 of 157 such pages were left partly unflagged before round 13, 0 after).
KEPT_BRACKET_SENTENCES = (
    "合作社的冷库今年扩建了一倍，可以存放三千吨冻鱼。", "这座老桥始建于明代万历年间，是县城现存最早的石拱桥。",
    "茶园主人说，今年春茶的收购价比去年高出两成左右。",
)


@pytest.mark.parametrize("sentence", KEPT_BRACKET_SENTENCES)
def test_a_reading_whose_bracket_pythons_decoder_kept_flags_its_run(sentence):
    original, data = evaluation().fold(sentence, False), evaluation().fold(sentence, False).encode("gbk")
    for at in range(1, len(data) - 1):
        char = data[at:at + 2].decode("gbk", errors="ignore")
        found = sorted(readings(char)) if len(char) == 1 else []
        if found:
            damaged = evaluation().read_one_way(evaluation().annotate(data, {data[at:at + 2]: found[0]}, "skip"),
                                                "python")
            assert evaluation().process_outcome(original, damaged) in ("recovered", "flagged"), damaged


def test_a_question_mark_before_a_reading_in_step_is_no_trace():
    # the run after the reading is the evidence: where the text reads in step a "?(…)" alone flags nothing
    assert list(mojibake._traces("真的是这样吗?(xiào)我们再看看。")) == []


def test_a_reading_with_a_tone_digit_is_read_like_a_toned_one():
    # At a character boundary it is an inline annotation (removed by cleaning); after a letter that the byte
    # before it and the letter spell as the listed character it goes (得 is b5 c3, c3 42 reads sì); after a "?" that
    # lost its "(" it is a trace, flagged with its run.
    assert clean("前期因為人(ren2)手不夠,的(de5)確。")[0] == "前期因為人手不夠,的確。"
    assert clean("上月宣布獲得B(si4)VI Medical Group的投資。")[0] == "上月宣布獲得BVI Medical Group的投資。"
    damaged = "正與追覓合作?biao1)_發避障算法。"
    assert mojibake.corrupted_spans(damaged) == [(damaged.index("?"), len(damaged))]
    assert mojibake.corrupted_spans("第(2)期和表格╦abc)都是原文。") == []  # no reading there: left alone


def test_a_seed_erratum_applies_only_with_the_bytes_that_settle_it():
    # Seed 002's erratum ?nèi)プ鲅芯? → 去做研究 holds because the ',' after it was not swallowed.  The same run from
    # a page whose punctuation was folded before storing (heldout8's order) lost the ','; the erratum must not
    # apply there (it gave 去做研究做訓練, the comma silently gone): the run is flagged.
    damaged = "大廠很難單純?nèi)プ鲅芯?做訓練,它更多會是業務需求驅動。"
    assert [edit.rule for edit in mojibake.find_repairs(damaged)] == []
    assert mojibake.corrupted_spans(damaged) == [(damaged.index("?"), damaged.index("做訓"))]
    assert "單純去做研究,做訓(xùn)練" in repaired("002")  # the seed: repaired as before


# heldout8's process and the annotation's shapes a site writes (scripts/eval_mojibake.py, ``PROCESSES[8:]``: the
# punctuation folded before the page is stored, ASCII or full-width brackets, tone marks or digits), on dev pages that
# carry readings of their own: cleaning gives the page back or flags the whole damaged run — no character left
# unflagged that the original lacks, and none lost outside a flagged sentence.  0 of 1,200 pages (seed 0) and 0 of
# 4,000 (seed 1) in the script fail (README, Evaluation), so any failing draw is a bug, not a rate.

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.deferred(lambda: st.sampled_from(evaluation().PROCESSES[8:])), st.data())
def test_a_reading_that_lost_its_bracket_is_repaired_or_flagged_whole(process, data):
    drawn = evaluation().process_text(process, lambda lo, hi: data.draw(st.integers(lo, hi)))
    assume(drawn is not None)
    original, damaged = drawn
    assert evaluation().process_outcome(original, damaged) in ("recovered", "flagged"), (process, damaged)


# The property's failing draws (CI, end of round nine; found again by a search over the same family): a traditional page
# folded first, readings in () with tone marks, where the lost byte falls in the page's one full-width space.  The bytes
# give back "　" (a1 a1); whether the page kept it or folded it to " " nothing else on the page says, so the run is
# flagged, never repaired into the other space.  (The property draws with st.data(), which @example cannot replay, so
# the draws are pinned here as text.)
FULL_WIDTH_SPACE_DRAWS = [
    ("離島海纜升級\u3000電信商與航運公司合作搶修", "離島海纜升級?da)‰娦派膛c航運公司合作搶修"),
    ("高雄自動化碼頭啟用\u3000貨櫃吊運效率提升三成", "高雄自動化碼頭啟(qǐ)用?màn)∝洐櫟踹\\效率提升三成"),
    ("茶葉外銷(xiāo)創新高\u3000南投鹿谷、新北坪林業者忙出貨",
     "茶葉外銷(xiāo)創新高?lā)∧贤堵构取⑿卤逼毫謽(jiàng)I者忙出貨"),
]


@pytest.mark.parametrize("original, damaged", FULL_WIDTH_SPACE_DRAWS)
def test_a_lost_byte_in_the_pages_one_full_width_space_is_flagged_not_folded(original, damaged):
    assert evaluation().process_outcome(original, damaged) == "flagged"
    assert all(" " not in edit.new for edit in mojibake.find_repairs(damaged))


@pytest.mark.parametrize("space", ["\u3000", " "])
def test_a_full_width_space_given_back_by_the_bytes_is_written_as_the_page_writes_its_other_spaces(space):
    original, damaged = FULL_WIDTH_SPACE_DRAWS[0]
    other = f"\n馬祖{space}本島之間的海纜年底完工。"
    assert evaluation().process_outcome(original.replace("\u3000", space) + other, damaged + other) == "recovered"
