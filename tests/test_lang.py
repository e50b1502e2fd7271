"""The language layer: one parser per kind of number, one list per vocabulary."""
from __future__ import annotations

import re
from decimal import Decimal

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from corpus import lang
from corpus.annotate.mentions import find_mentions
from corpus.annotate.quantities import english_patterns
from corpus.annotate.values import measure_value
from corpus.lang.numerals import chinese_number, english_number, magnitude, zh_numeral
from corpus.lang.pinyin import annotation_spans, without_annotations
from corpus.registry import load_registry
from corpus.segment import split_sentences

DIGIT_CHARACTERS = "零一二三四五六七八九"


def small_numeral(n: int) -> str:
    """1..9999 written in characters the standard way (一千零五, 三百二十, 十五)."""
    out, pending_zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if pending_zero and out else "") + ("" if unit == "十" and digit == 1 and not out else
                                                             DIGIT_CHARACTERS[digit]) + unit
            pending_zero = False
        elif out:
            pending_zero = True
    return out


@given(st.integers(1, 9999), st.integers(0, 9999), st.integers(0, 9999))
def test_the_numeral_parser_reads_every_numeral_up_to_a_trillion(high, middle, low):
    assume(not 0 < middle < 1000 and not 0 < low < 1000)  # those take a 零 this writer does not add
    text = small_numeral(high) + "亿" + (small_numeral(middle) + "万" if middle else "") + small_numeral(low)
    assert zh_numeral(text) == high * 10**8 + middle * 10**4 + low


@given(st.integers(1, 9999))
def test_the_numeral_parser_reads_sections(n):
    assert zh_numeral(small_numeral(n)) == n


def test_numerals_mixing_orders_of_magnitude():
    assert zh_numeral("一亿五千万") == 150_000_000  # the aligner read it as 1000000050000000
    assert zh_numeral("萬億") == 10**12  # the aligner read a bare 萬億 as 0
    assert zh_numeral("一千零五") == 1005 and zh_numeral("一亿零五十") == 100_000_050
    assert [zh_numeral(t) for t in ("一二", "一一", "两三亿", "二零二三", "", "十五x")] == [None] * 6


@given(st.decimals(min_value=0, max_value=10**6, places=2), st.sampled_from(lang.data("zh")["numerals"]["magnitudes"]))
def test_arabic_numbers_with_a_chinese_magnitude(value, word):
    assert chinese_number(f"{value}{word}") == value * magnitude(word)


def test_magnitudes_are_the_products_of_their_units():
    assert [magnitude(w) for w in ("万亿", "千万", "十亿", "百")] == [10**12, 10**7, 10**9, 100]


@given(st.integers(0, 10**9))
def test_english_numbers_with_separators(n):
    assert english_number(f"{n:,}") == n


def test_english_number_words_and_scales():
    assert english_number("1.75 trillion") == Decimal("1750000000000")
    assert english_number("twenty") == 20 and english_number("thirty-one") is None


def test_every_currency_word_has_english_forms_and_a_unit():
    zh, en = lang.data("zh"), lang.data("en")
    assert set(zh["currencies"].values()) == set(en["currencies"])
    assert set(zh["currency_prefixes"]) <= set(zh["currencies"])
    for word, code in zh["currencies"].items():
        assert measure_value("amount", f"5000万{word}").unit == code, word


# How a translator may write each vague amount (one plain-English example per concept).
VAGUE_AMOUNT_EXAMPLES = {"tens_of_millions": "tens of millions", "hundreds_of_millions": "several hundred million",
                         "over_a_hundred_million": "over a hundred million", "hundreds_of_billions": "100 billion",
                         "two_or_three_hundred_million": "two to three hundred million"}


def test_every_vague_amount_matches_how_english_writes_it():
    zh, en = lang.data("zh"), lang.data("en")
    assert set(zh["vague_amounts"].values()) == set(en["vague_amounts"]) == set(VAGUE_AMOUNT_EXAMPLES)
    for word, concept in zh["vague_amounts"].items():
        english = f"The company raised {VAGUE_AMOUNT_EXAMPLES[concept]} yuan."
        assert any(re.search(pattern, english) for pattern in english_patterns("amount", f"{word}元")), word


def test_5000_wan_meidao_is_an_amount_in_us_dollars():
    registry = load_registry()
    (mention,) = [m for m in find_mentions("公司融资5000万美刀。", registry) if m.type == "amount"]
    assert mention.text == "5000万美刀"
    assert measure_value("amount", mention.text).quantity == "50000000"


def test_han_characters():
    assert all(lang.is_han(ch) for ch in "中國𠀀豈")  # basic, traditional, Extension B, compatibility
    assert not any(lang.is_han(ch) for ch in "a1。，")
    assert lang.has_han("GPT-4 模型") and not lang.has_han("GPT-4")


PARENTHESISED = st.text(st.sampled_from(list("時場中(shí)（chǎng）ab ")), max_size=40)


@given(PARENTHESISED)
def test_removing_inline_pinyin_loses_only_the_annotations(text):
    stripped = without_annotations(text)
    removed = "".join(text[start:end] for start, end in annotation_spans(text))
    assert len(stripped) + len(removed) == len(text)
    assert without_annotations(stripped) == stripped or annotation_spans(stripped)  # nothing else is touched


def test_inline_pinyin_is_a_reading_of_the_character_before_it():
    assert without_annotations("時(shí)間 場（chǎng）地") == "時間 場地"
    assert without_annotations("模型(AGI) 北京(出北京)") == "模型(AGI) 北京(出北京)"


def test_curated_rules_share_the_language_layers_named_patterns():
    from corpus.patterns import expand

    name = re.compile(expand("<<NAMES>>"))
    assert name.fullmatch("李明、王芳") and name.fullmatch("Li Yuan") and name.fullmatch("𠀀明")
    assert not name.fullmatch("李") and not name.fullmatch("li yuan")
    assert re.fullmatch(expand("<<ROLE>>"), "責任編輯") and re.fullmatch(expand("<<ROLE>>"), "采访")
    assert expand("<<TIME>>", {"TIME": "x"}) == "x"  # a file's own definition wins
    credit = re.compile(expand("<<REPORTER>>[^\\S\\n]+<<NAME>><<FILED_FROM>>"))
    assert credit.fullmatch("記者 林志豪/臺北報導") and credit.fullmatch("记者 王㐀/㐀城报道")  # Extension A too
    assert not credit.fullmatch("记者 林志豪/臺北")


def test_the_han_range_is_written_once_in_code_and_curated_files():
    corpus_dir = lang.LANG_DIR.parent.parent
    written = re.compile(r"\\u4e00|\\u9f[a-f]{2}|\\U00020000|一-[龥鿿]", re.IGNORECASE)
    files = [*corpus_dir.rglob("*.py"), *(corpus_dir / "curated").rglob("*.yaml")]
    restated = [path.relative_to(corpus_dir).as_posix() for path in files
                if path.parent != lang.LANG_DIR and written.search(path.read_text(encoding="utf-8"))]
    assert len(files) > 50 and restated == []  # one Han class, in curated/lang/zh.yaml


def test_a_number_that_is_no_month_has_no_english_date():
    from corpus.annotate.quantities import english_patterns

    assert english_patterns("date", "0月") == [] and english_patterns("date", "13月5日") == []  # 0月 was December
    assert english_patterns("date", "2023年0月") == [] and english_patterns("date", "12月") == ["December"]


def test_interview_labels_are_the_language_layers_and_a_user_registry_adds_to_them(tmp_path):
    from corpus.annotate.interview import title_cues
    from corpus.annotate.user_registry import with_additions
    from corpus.registry import DEFAULT_PATH

    registry = load_registry()
    assert "role_labels" not in yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))  # stated once, in zh.yaml
    for role, labels in lang.ROLE_LABELS.items():
        assert labels and all(registry.label_role(f"**{label}：**") == role for label in labels), role
    assert registry.label_role("提问者") is None
    additions = tmp_path / "entities.yaml"
    additions.write_text("role_labels:\n  interviewer: [提问者]\n", encoding="utf-8")
    user = with_additions(additions)
    assert user.label_role("提问者") == "interviewer" and user.label_role("答") == "interviewee"
    assert [m.group(0) for m in title_cues().finditer("独家对话王小川 專訪林雅婷")] == ["独家对话", "專訪"]


@given(st.sampled_from(list(lang.SENTENCE_END)), st.sampled_from(sorted(lang.BRACKETS.items())))
def test_sentences_end_at_the_language_layers_marks_and_not_inside_its_brackets(mark, brackets):
    opener, closer = brackets
    assert split_sentences(f"甲{mark}乙{mark}") == [f"甲{mark}", f"乙{mark}"]
    assert split_sentences(f"{opener}甲{mark}乙{closer}丙{mark}") == [f"{opener}甲{mark}乙{closer}丙{mark}"]
    assert split_sentences(f"甲{lang.ELLIPSIS * 2}乙。") == [f"甲{lang.ELLIPSIS * 2}", "乙。"]
