#!/usr/bin/env python
"""Makes hc06's broken-GBK capture by a forward simulation of the damage (test data, not a repair).

    python tests/heldout3/make_mojibake.py

The process simulated, step by step, on the original page below (traditional Chinese):

1. the page is stored in GBK;
2. the site's annotator scans the GBK *bytes* for the characters on its list and inserts
   ``(pinyin)`` after every match, at any byte offset: a match that falls on a real character
   gives a clean ``字(zì)``, a match across the trail byte of one character and the lead byte of
   the next splits the second character and swallows the reading into the middle of it;
3. the stream is decoded as GBK byte by byte: a lead byte followed by a byte that cannot be a trail
   byte (the ``(`` of a reading, say) gives one ``?`` and both bytes are lost, a pair that is not a
   GBK character gives ``?``, and the bytes after a split character stay shifted by one until an
   ASCII byte or an invalid pair brings the decoder back in step;
4. full-width ASCII is folded to ASCII (``，`` → ``,``, ``：`` → ``:``).

The gold (``hc06_….yaml``) is the original text; the list was chosen so that two of its
characters fall across character boundaries of this page (two damaged runs) and two sit on real
characters (clean inline readings).
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CAPTURE = HERE / "hc06_tcm_tongue_mojibake_hant.txt"

ANNOTATED = {"翀": "chōng", "醫": "yī", "煕": "xī", "囉": "luō"}

ORIGINAL = """中醫舌診走進演算法

2025年3月9日　來源：濠江科技評論

澳門大學中華醫藥研究院的團隊近日發表一套舌診辨識模型，準確率接近資深中醫師的判斷。

研究負責人馮睿翀表示，團隊收集了澳門、珠海和廣州三地近一萬張舌象照片，由十二位醫師逐張標註，再交給模型學習顏色和舌苔厚度的細微差別。

這套模型已在鏡湖醫院試用。院方表示，醫師仍會親自複核每一份報告，系統只負責初步篩查，最後的診斷還是由醫師決定。

該研究獲澳門科學技術發展基金資助。合作方香港浸會大學的學者提醒，不同燈光和手機鏡頭都會影響顏色，模型還需要更多臨床數據。
"""


def annotate(data: bytes) -> bytes:
    """Step 2: ``(reading)`` after every byte-level match of a listed character."""
    patterns = {char.encode("gbk"): f"({reading})".encode("gbk") for char, reading in ANNOTATED.items()}
    out = bytearray()
    i = 0
    while i < len(data):
        pair = data[i:i + 2]
        if pair in patterns:
            out += pair + patterns[pair]
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0xFE and byte != 0x7F


def decode_gbk(data: bytes) -> str:
    """Step 3: a byte-by-byte GBK reader that never resynchronises on its own."""
    chars: list[str] = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            chars.append(chr(byte))
            i += 1
        elif 0x81 <= byte <= 0xFE and i + 1 < len(data):
            pair = data[i:i + 2]
            try:
                chars.append(pair.decode("gbk") if is_trail(pair[1]) else "?")
            except UnicodeDecodeError:
                chars.append("?")
            i += 2
        else:
            chars.append("?")
            i += 1
    return "".join(chars)


def fold_fullwidth(text: str) -> str:
    """Step 4: full-width ASCII (U+FF01–U+FF5E) to ASCII."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


def damage(text: str) -> str:
    return fold_fullwidth(decode_gbk(annotate(text.encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
    print(CAPTURE.read_text(encoding="utf-8"))
