#!/usr/bin/env python
"""Makes hd06's broken-GBK capture by a forward simulation of the damage (test data, not a repair).

    python tests/heldout4/make_mojibake.py

Written for this set apart from ``corpus/clean/`` and from ``tests/heldout3/make_mojibake.py``.  The
process simulated on the original page below (traditional Chinese, a Taiwan news page):

1. the page is saved in GBK (every character below has a GBK code);
2. a reading annotator that works on raw bytes looks for the two-byte GBK codes of the rare
   characters on its list and writes ``(pinyin)`` (GBK, tone letters included) straight after each match, wherever the
   match starts: on a real character it gives a clean ``字(zì)``; across the trail byte of one
   character and the lead byte of the next it cuts the second character in two and puts the reading
   inside it;
3. a GBK reader decodes the stream one code unit at a time and never looks back: a byte under 0x80
   is ASCII; a lead byte (0x81-0xFE) takes the next byte as its trail, and if that byte cannot be a
   trail (under 0x40, 0x7F, 0xFF) or the pair is no GBK character, it writes one ``?`` and drops
   both bytes; a lone lead byte at the end is one ``?``.  After a cut character the reader pairs the
   bytes off by one, writing wrong characters, until an ASCII byte or a bad pair puts it back in step;
4. the site folds full-width ASCII (U+FF01-U+FF5E) to ASCII and the ideographic space is kept.

The gold (``hd06_....yaml``) is ORIGINAL with step 4 applied.  The list holds two characters that
sit on real characters of the page (澔, 瀞: clean inline readings) and two whose codes fall only
across character boundaries (倬 in 國家高速, 姸 in 強度，預: two damaged runs).
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CAPTURE = HERE / "hd06_typhoon_ai_mojibake_hant.txt"

READINGS = {"澔": "hào", "瀞": "jìng", "倬": "zhuō", "姸": "yán"}

ORIGINAL = """AI氣象模型上陣　颱風路徑預報提前一天

2025年8月14日　來源：北台灣新聞網

中央氣象署今年起在颱風季試用自行訓練的AI預報模型，與傳統數值模式並行運作。氣象署預報中心主任鄒昀澔說，模型對颱風路徑的三天預報誤差比去年縮小了約兩成。

這套模型以歐洲中期天氣預報中心近四十年的再分析資料訓練，運算則借用國家高速網路與計算中心的超級電腦。國立臺灣大學大氣科學系教授符瀞儀提醒，AI模型擅長路徑，卻常低估颱風強度，預報員仍須綜合判斷。

氣象署也與日本氣象廳交換觀測資料，並計畫明年在蘭嶼和東沙島增設自動氣象站。
"""


def insert_readings(data: bytes) -> bytes:
    """Step 2: the annotator scans bytes, not characters."""
    codes = {char.encode("gbk"): f"({reading})".encode("gbk") for char, reading in READINGS.items()}
    out = bytearray()
    position = 0
    while position < len(data):
        code = data[position:position + 2]
        if code in codes:
            out += code + codes[code]
            position += 2
        else:
            out.append(data[position])
            position += 1
    return bytes(out)


def read_gbk(data: bytes) -> str:
    """Step 3: one code unit at a time, a bad pair becomes one ``?`` and both bytes are lost."""
    out: list[str] = []
    position = 0
    while position < len(data):
        lead = data[position]
        if lead < 0x80:
            out.append(chr(lead))
            position += 1
            continue
        if position + 1 == len(data):
            out.append("?")
            break
        pair = data[position:position + 2]
        if 0x40 <= pair[1] <= 0xFE and pair[1] != 0x7F:
            out.append(pair.decode("gbk", errors="replace").replace("\ufffd", "?"))
        else:
            out.append("?")
        position += 2
    return "".join(out)


def fold_fullwidth(text: str) -> str:
    """Step 4."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def damage(text: str) -> str:
    return fold_fullwidth(read_gbk(insert_readings(text.encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
    print(CAPTURE.read_text(encoding="utf-8"))
