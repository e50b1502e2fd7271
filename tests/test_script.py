import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pypinyin import pinyin

from corpus.registry import load_registry
from corpus.errors import CorpusError
from corpus.script import HAN, detect_script, load_overrides, to_hans, to_hant, to_pinyin


def test_opencc_phrase_level_conversion_to_taiwan_standard():
    # phrase conversion, not character tables: 软件 → 軟體, 信息 → 資訊 (Taiwan usage)
    assert to_hant("软件和信息") == "軟體和資訊"
    assert to_hans("張宏江說：發展") == "张宏江说：发展"


def test_registry_names_keep_a_form_the_registry_records():
    # seeds 001, 004: 字节 is ByteDance, not 位元組 "byte"; an institute's name keeps 智能
    assert to_hant("前字节副总裁、现清华大学智能研究院院长") == "前字節副總裁、現清華大學智能研究院院長"
    assert to_hant("高校到百度、字节、小米、美团等") == "高校到百度、字節、小米、美團等"
    # surnames s2twp reads as words (seed 003: 余凯, 沈阳)
    assert to_hant("王文渊、余凯等人") == "王文淵、余凱等人"
    assert to_hant("博士生导师沈阳预测") == "博士生導師沈陽預測"
    # Taiwan names the registry records stay Taiwanese
    assert to_hant("去硅谷游学") == "去矽谷遊學"
    assert to_hant("英伟达的显卡") == "輝達的顯示卡"


def test_every_registry_name_converts_to_one_of_its_own_names():
    for entity in load_registry().entities.values():
        if entity.zh_hans:
            assert to_hant(entity.zh_hans) in entity.aliases, entity.id


def test_curated_overrides_keep_the_sense_of_domain_terms():
    assert to_hant("大模型，参数量达1.75万亿") == "大模型，參數量達1.75萬億"  # not 引數, a function argument
    assert to_hant("包括4位图灵奖得主") == "包括4位圖靈獎得主"  # not 點陣圖 "bitmap" read across 位图
    assert to_hant("都是他联合的对象。") == "都是他聯合的對象。"
    assert to_hant("文心一言发布会") == "文心一言發布會"


def test_overrides_must_name_a_reason_and_spell_the_same_word(tmp_path):
    path = tmp_path / "overrides.yaml"
    path.write_text("overrides:\n  - {hans: 参数, hant: 引數, reason: wrong word}\n  - {hans: 发布, hant: 發布}\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_overrides(path)
    assert "'引數' does not simplify to '参数'" in str(error.value)
    assert "missing reason" in str(error.value)


def test_detects_original_script():
    assert detect_script("這是一場注定是少數人的遊戲") == "hant"
    assert detect_script("这是一场注定是少数人的游戏") == "hans"


def test_pinyin_is_tone_marked_phrase_aware_and_passes_latin_through():
    reading = to_pinyin("张宏江说：GPT-3.5很好，长大了")
    assert reading.startswith("zhāng hóng jiāng shuō：")
    assert "GPT-3.5" in reading.split()
    assert "zhǎng dà" in reading  # 长大: phrase reading, not cháng
    assert to_pinyin("銀行") == to_pinyin("银行") == "yín háng"


def test_pinyin_keeps_latin_words_with_accented_letters_whole():
    # a kept inline reading and loanwords, composed or with a combining accent
    assert to_pinyin("还(hái)有Café和naïve") == "hái (hái) yǒu Café hé naïve"
    assert to_pinyin("Cafe\u0301") == "Cafe\u0301"
    assert to_pinyin("3×4") == "3 × 4"  # × is a sign in the Latin-1 block, not a letter


def test_pinyin_reads_the_original_where_opencc_simplifies_to_an_unknown_character():
    # OpenCC simplifies 彃 to the extension-B character 𪪼, which pypinyin has no reading for
    assert to_hans("彃") == "𪪼" and not pinyin("𪪼", errors="ignore")
    assert to_pinyin("彃") == "bì"
    assert to_pinyin("射彃") == "shè bì"


def test_ideographic_zero_is_read():
    assert to_pinyin("二〇二三年") == "èr líng èr sān nián"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_arbitrary_unicode_never_crashes(text):
    reading = to_pinyin(text)
    # every Han character got a reading, except those pypinyin has none for (kept as written)
    for leftover in HAN.findall(reading):
        assert (leftover in text or leftover in to_hans(text)) and not pinyin(leftover, errors="ignore")
    to_hant(text)
    to_hans(text)
