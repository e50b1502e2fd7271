import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unicodedata

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.pinyin_dict import pinyin_dict

from corpus.registry import load_registry
from corpus.errors import CorpusError
from corpus.script import HAN, detect_script, load_overrides, to_hans, to_hant, to_pinyin
from corpus.script.orthography import join_syllables


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
    assert reading.startswith("Zhāng Hóngjiāng shuō:")
    assert "GPT-3.5" in reading.split()
    assert "zhǎngdà" in reading  # 长大: phrase reading, not cháng
    assert to_pinyin("銀行") == to_pinyin("银行") == "Yínháng"


def test_pinyin_keeps_latin_words_with_accented_letters_whole():
    # a kept inline reading and loanwords, composed or with a combining accent
    assert to_pinyin("还(hái)有Café和naïve") == "Hái (hái) yǒu Café hé naïve"
    assert to_pinyin("Cafe\u0301") == "Cafe\u0301"
    assert to_pinyin("3×4") == "3 × 4"  # × is a sign in the Latin-1 block, not a letter


def test_pinyin_reads_the_original_where_opencc_simplifies_to_an_unknown_character():
    # OpenCC simplifies 彃 to the extension-B character 𪪼, which pypinyin has no reading for
    assert to_hans("彃") == "𪪼" and not pinyin("𪪼", errors="ignore")
    assert to_pinyin("彃") == "Bì"
    assert to_pinyin("射彃").lower() == "shè bì"


def test_ideographic_zero_is_read():
    assert to_pinyin("二〇二三年").replace(" ", "").lower() == "èrlíngèrsānnián"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_arbitrary_unicode_never_crashes(text):
    reading = to_pinyin(text)
    # every Han character got a reading, except those pypinyin has none for (kept as written)
    for leftover in HAN.findall(reading):
        assert (leftover in text or leftover in to_hans(text)) and not pinyin(leftover, errors="ignore")
    to_hant(text)
    to_hans(text)


def test_pinyin_orthography_joins_words_capitalises_names_and_maps_punctuation():
    # GB/T 16159: a word's syllables together, a four-character term by its words, names capitalised
    assert to_pinyin("梁文锋说，幻方的人工智能一样不对。") == (
        "Liáng Wénfēng shuō, Huànfāng de réngōng zhìnéng yīyàng bù duì."
    )
    assert to_pinyin("“我们不是！”他说。") == '"Wǒmen bùshì!" tā shuō.'


def test_pinyin_reads_particles_by_their_part_of_speech_and_keeps_original_tones():
    assert "mànmàn de zǒu" in to_pinyin("他慢慢地走")  # 地 the particle
    assert "dìshàng" in to_pinyin("他看地上")  # 地 the noun
    assert "yī gè" in to_pinyin("他一个人") and "bù qù" in to_pinyin("他不去")  # no sandhi marked


def test_a_numeral_is_written_apart_from_its_measure_word_whatever_digit_it_has():
    # the numeral characters are the language layer's, vague digits included (几个, 数个: jieba tags them m)
    assert "jǐ gè rén" in to_pinyin("他们几个人") and "shù gè yuè" in to_pinyin("过去数个月")
    assert to_pinyin("上个月").startswith("Shànggèyuè")  # 上个 "last" is no numeral (jieba: t)


def test_pinyin_writes_an_apostrophe_before_a_vowel_initial_syllable_inside_a_word():
    assert join_syllables(["xī", "ān"]) == "xī'ān"
    assert join_syllables(["tiān", "ān", "mén"]) == "tiān'ānmén"
    assert join_syllables(["rén", "gōng"]) == "réngōng"


_SINGLE_READING = [
    chr(code) for code, readings in sorted(pinyin_dict.items())
    if 0x4E00 <= code <= 0x5600 and "," not in readings and to_hans(chr(code)) == chr(code)  # read as written
]


def _toneless(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if char.isalnum() and not unicodedata.combining(char))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SINGLE_READING + list("，。AZ09 ")), max_size=40))
def test_word_joining_loses_and_invents_no_syllable(text):
    # characters of one reading: the written words hold exactly their syllables, in order
    expected = "".join(lazy_pinyin(text, style=Style.TONE, errors=lambda run: [c for c in run if c.isalnum()]))
    assert _toneless(to_pinyin(text)) == _toneless(expected)
