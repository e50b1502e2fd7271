#!/usr/bin/env python
"""Makes hf06's broken-GBK capture by a forward simulation of the damage (test data, not a repair).

    python tests/heldout5/make_mojibake.py

Written for this set apart from ``corpus/clean/``.  The page below (simplified Chinese, a Hebei energy
news page) goes through what the seed pages went through:

1. the site stores the page in GBK (every character of it has a GBK code);
2. a reading annotator working on raw bytes, not characters, looks up every two-byte window in its list of
   rare characters and writes ``(pinyin)`` (ASCII letters, tone letters in GBK) right after each window
   that matches, at any byte offset, then moves past the window: on a real character it gives a clean
   ``字(zì)``; on the trail byte of one character and the lead byte of the next it splits the next
   character;
3. a GBK reader that never looks back decodes the stream: a byte under 0x80 is ASCII; any other byte is a
   lead that takes the byte after it as its trail, and where that byte cannot be a trail (under 0x40,
   0x7F, 0xFF) or the pair is no GBK character, it writes one ``?`` and both bytes are gone; a lead with
   nothing after it is one ``?``.  After a split character the reader is off by one byte and writes wrong
   characters until an ASCII byte or a bad pair brings it back in step;
4. the site folds full-width ASCII (U+FF01-U+FF5E) to ASCII; the ideographic space stays.

The gold (``hf06_....yaml``) is ORIGINAL after step 4, less the date-and-source line.  Of the four
characters on the list, two sit on real characters of the page (堃 and 昶, in two people's names: clean
readings) and two match only across character boundaries.  榫 (trail of 查, lead of 局) splits 局
inside the name 中国地质调查局水文地质环境地质调查中心: the reader stays off by one across a comma, writing
wrong characters, until the ASCII digits of ``10年间`` (the 1 is lost).  鳌 (trail of 作, lead of 。)
splits the full stop at the end of a sentence: the full stop and the 2 of the ``2026年`` after it are lost.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CAPTURE = HERE / "hf06_xiongan_geothermal_mojibake.txt"

RARE_READINGS = {"堃": "kūn", "昶": "chǎng", "榫": "sǔn", "鳌": "áo"}

ORIGINAL = """雄安地热供暖面积突破千万平方米　每个采暖季可替代燃煤三十万吨

2025年11月20日 16:05　来源：燕赵能源网

记者从中国石化新星石油有限责任公司获悉，截至11月中旬，雄安新区的地热供暖面积已超过一千万平方米，覆盖容城、雄县和安新三县的两百多个小区。新星石油华北分公司总工程师韩堃介绍，地热井的平均出水温度约为七十摄氏度，换热后的尾水全部回灌地下，不会造成地下水位下降。

中国地质调查局水文地质环境地质调查中心的监测数据显示，回灌井周边的地层温度10年间下降不到1摄氏度。河北工业大学能源与环境工程学院教授邝昶认为，地热与热泵结合，可以把供暖季的碳排放降低六成以上，但钻井成本仍是推广的主要障碍。

据悉，冰岛国家能源局的专家团去年曾到雄安考察，双方将在地热资源评估方面开展合作。2026年，河北省发展和改革委员会还将在保定、沧州等地推广这一模式。
"""


def annotate_bytes(stored: bytes) -> bytes:
    """Step 2: a two-byte window on the list is copied, followed by its reading."""
    readings = {char.encode("gbk"): f"({pinyin})".encode("gbk") for char, pinyin in RARE_READINGS.items()}
    annotated = bytearray()
    index = 0
    while index < len(stored):
        window = stored[index:index + 2]
        if window in readings:
            annotated += window + readings[window]
            index += 2
        else:
            annotated.append(stored[index])
            index += 1
    return bytes(annotated)


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0xFE and byte != 0x7F


def decode_forward(stream: bytes) -> str:
    """Step 3: the reader pairs bytes as they come; a bad pair is one ``?`` and both bytes are lost."""
    decoded: list[str] = []
    index = 0
    while index < len(stream):
        byte = stream[index]
        if byte < 0x80:
            decoded.append(chr(byte))
            index += 1
        elif index + 1 >= len(stream):
            decoded.append("?")
            index += 1
        else:
            pair = stream[index:index + 2]
            try:
                decoded.append(pair.decode("gbk") if is_trail(pair[1]) else "?")
            except UnicodeDecodeError:
                decoded.append("?")
            index += 2
    return "".join(decoded)


def fold_fullwidth(text: str) -> str:
    """Step 4 (applied to the gold too)."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def damage(text: str) -> str:
    return fold_fullwidth(decode_forward(annotate_bytes(text.encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
    print(CAPTURE.read_text(encoding="utf-8"))
