from hypothesis import given, settings
from hypothesis import strategies as st

from pypinyin import pinyin

from corpus.script import HAN, detect_script, to_hans, to_hant, to_pinyin


def test_opencc_phrase_level_conversion_to_taiwan_standard():
    # phrase conversion, not character tables: 软件 → 軟體, 信息 → 資訊 (Taiwan usage)
    assert to_hant("软件和信息") == "軟體和資訊"
    assert to_hans("張宏江說：發展") == "张宏江说：发展"


def test_detects_original_script():
    assert detect_script("這是一場注定是少數人的遊戲") == "hant"
    assert detect_script("这是一场注定是少数人的游戏") == "hans"


def test_pinyin_is_tone_marked_phrase_aware_and_passes_latin_through():
    reading = to_pinyin("张宏江说：GPT-3.5很好，长大了")
    assert reading.startswith("zhāng hóng jiāng shuō：")
    assert "GPT-3.5" in reading.split()
    assert "zhǎng dà" in reading  # 长大: phrase reading, not cháng
    assert to_pinyin("銀行") == to_pinyin("银行") == "yín háng"


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
