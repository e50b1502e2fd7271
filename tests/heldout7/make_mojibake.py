"""Forward simulation of the broken GBK round-trip that damaged hh08 (tests/heldout7/).

Written for this set without reading corpus/clean/ or the earlier sets' scripts.  The steps, as the page went
through them:

1. the site stores the article in GBK;
2. its reading annotator searches the GBK BYTES (not the characters) for the code of each character on its
   list and inserts ``(pinyin)`` right after every match, wherever it falls: on a real character it gives a
   clean reading (``程燊(shēn)禮``), but a match made of one character's trail byte and the next character's
   lead byte puts the reading between the two bytes of that next character;
3. a one-way GBK reader decodes the bytes: ASCII as itself, a lead byte and a well-formed trail byte as the
   character they code (``?`` where GBK codes nothing), and a lead byte followed by a byte that cannot be a
   trail byte (``(``, a digit, a newline ...) as one ``?``, losing both bytes; so after a split character it
   reads one byte off, pairing each trail byte with the next lead byte, until an ASCII byte or a bad pair puts
   it back in step;
4. full-width ASCII is folded to ASCII (the ideographic space stays).

``python tests/heldout7/make_mojibake.py`` rewrites the capture byte for byte; the gold (the .yaml) is the
original page's article lines, folded.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).with_name("hh08_hk_ecommerce_air_cargo_mojibake_hant.txt")

# The annotator's list: two characters of the article's names, and two rare characters whose GBK codes occur
# in the article only across a character boundary (found after the article was written, by their bytes).
READINGS = {"燊": "shēn", "鄺": "kuàng", "蕖": "qú", "酆": "fēng"}

ORIGINAL = """跨境電商包裹量急增　亞洲空運中心擴建貨站

2025年11月27日 星期四 18:42　明灣日報　撰文：江梓朗

亞洲空運中心今日宣布，將斥資約四十億元擴建位於赤鱲角的電商貨運中心，新設施預計2028年啟用，屆時每年可額外處理約二十萬公噸跨境電商貨物。公司表示，去年經香港轉運的電商包裹按年增長逾三成，主要來自深圳、東莞等珠三角城市，再經空運轉往北美及歐洲。

新貨運中心將與國泰航空旗下的國泰貨運站共用部分停機坪，並引入自動化分揀系統。物流業界人士指出，現時不少電商貨物在東涌及青衣的倉庫處理，繁忙時段要等候十多小時才能上機。

香港物流發展局主席程燊禮表示，擴建有助鞏固香港作為國際航空貨運樞紐的地位，但業界也要留意美國收緊小額包裹免稅的影響。香港都會大學商學院副教授鄺芷晴則指出，東南亞電商增長迅速，泰國和越南的機場正在爭取同類貨源，香港需要在清關效率上保持優勢。

運輸及物流局發言人回覆本報查詢時表示，政府正與香港海關研究以電子方式預先申報電商貨物，以縮短清關時間。立法會議員邵卓恒則關注擴建工程對北大嶼山交通的影響，要求當局交代配套。

（圖片來源：資料圖片）

相關新聞：
◇ 美國取消小額包裹免稅　港商急找新路線
◇ 珠三角電商物流園去年吞吐量創新高

立即下載明灣日報App，隨時睇新聞 → mingwan.hk/app
Copyright 明灣日報有限公司 版權所有
"""


def annotate(data: bytes) -> bytes:
    """Insert ``(pinyin)`` after every byte-level match of a listed character's GBK code, scanning left to right."""
    codes = {ch.encode("gbk"): ("(" + reading + ")").encode("gbk") for ch, reading in READINGS.items()}
    out = bytearray()
    i = 0
    while i < len(data):
        pair = data[i:i + 2]
        if pair in codes:
            out += pair + codes[pair]
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0x7E or 0x80 <= byte <= 0xFE


def read_gbk(data: bytes) -> str:
    """The one-way reader of step 3."""
    out = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif 0x81 <= byte <= 0xFE and i + 1 < len(data) and is_trail(data[i + 1]):
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        elif 0x81 <= byte <= 0xFE and i + 1 < len(data):
            out.append("?")
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


def fold_fullwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def damage(original: str) -> str:
    return fold_fullwidth(read_gbk(annotate(original.encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
