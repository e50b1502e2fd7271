"""Forward simulation of the broken GBK round-trip that made hg07's capture (see README.md).

The page is stored in GBK.  A reading annotator inserts ``(pinyin)`` after every byte-level match of the GBK
code of a character on its list, at any byte offset (so a match may straddle two characters).  The stream is
then read by a one-way GBK reader: a lead byte followed by a byte that cannot be a trail byte gives one ``?``
and both bytes are lost; a well-formed pair is decoded as whatever it codes (a wrong character when the reader
is out of step).  Finally the capture tool folds full-width ASCII (``，`` -> ``,``).

    python tests/heldout6/make_mojibake.py    # rewrites the capture byte for byte
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).with_name("hg07_hk_ai_tutoring_mojibake_hant.txt")

# The annotator's list: rare characters and their readings.  翀 and 晞 occur in the page; the codes of
# 钲, 龠 and 鹨 occur only across character boundaries (深|圳, 速|遞, 署|亦).
READINGS = {"翀": "chōng", "晞": "xī", "钲": "zhēng", "龠": "yuè", "鹨": "liù"}

ORIGINAL = """中小學AI學習平台試驗擴至一百間　教育局明年推評估框架

2025年12月2日 11:20　來源：港聞速遞

教育局今日公布，「人工智能輔助學習先導計劃」第二期共有一百間中小學參加，獲資助引入AI學習平台，總資助額約一億二千萬元。計劃由優質教育基金撥款，香港教育城負責平台接駁及教師培訓。

參與學校使用的平台之一由本地初創企業知行學伴研發，公司在觀塘設有辦公室，部分工程團隊則在深圳。創辦人兼行政總裁龐翀表示，平台會按學生的作答紀錄調整題目難度，並能以廣東話及普通話講解數學和中文科的題目，老師可在後台看到全班的學習進度。

香港中文大學教育學院副教授郭晞彤指出，AI平台不能取代老師，但可減輕批改功課的壓力。她的團隊去年在元朗及屯門的八間小學進行研究，發現使用平台的學生，數學科的校內測驗平均分提高了五分，教師每周批改功課的時間則減少約兩小時。

立法會教育事務委員會主席在會議上關注學生私隱，要求當局說明數據存放的地點。教育局回應時表示，會參考芬蘭及新加坡的經驗，明年推出AI教學工具的評估框架。個人資料私隱專員公署亦已為十多款平台進行資料安全審查，結果將於明年第一季公布。
"""


def annotate(data: bytes) -> bytes:
    """Insert the reading after every byte-level match of a listed character's GBK code."""
    for char, reading in READINGS.items():
        code = char.encode("gbk")
        data = data.replace(code, code + f"({reading})".encode("gbk"))
    return data


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0xFE and byte != 0x7F


def read_one_way(data: bytes) -> str:
    """Decode GBK byte by byte, never looking back: a bad pair gives one ``?`` and loses both bytes."""
    out: list[str] = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif 0x81 <= byte <= 0xFE and i + 1 < len(data):
            pair = data[i:i + 2]
            try:
                out.append(pair.decode("gbk") if is_trail(pair[1]) else "?")
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


def fold_fullwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def damage(original: str) -> str:
    return fold_fullwidth(read_one_way(annotate(original.encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
