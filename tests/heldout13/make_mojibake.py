"""Forward simulation of hn07's damage (written for tests/heldout13, without reading corpus/clean/ or the earlier
sets' scripts).

The site's CMS folds full-width ASCII to ASCII and stores the page in GBK, except one sentence an editor pasted as
UTF-8 bytes (``PASTED``), which stays UTF-8 inside the GBK page.  The site's annotator then inserts ``(pinyin)``,
itself in GBK, after every byte-level match of the GBK code of a character on its list (``READINGS``), at any byte
offset, real character or not.  The transfer loses one byte: the lead byte of the character right after
``LOST_AFTER``.  The page is then read by a one-way GBK reader: an ASCII byte is itself; a lead byte takes the next
byte with it, whatever it is, and the pair is what GBK codes for it, or ``?`` where GBK codes nothing (so a lead byte
followed by an inserted ``(`` swallows it); a lone 0x80 or 0xFF is ``?``.

Run ``python tests/heldout13/make_mojibake.py`` to write the capture; the gold is the original page's article lines,
full-width ASCII folded, the ideographic space read as a space.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).with_name("hn07_cn_qingdao_yeast_bank_mojibake.txt")

READINGS = {"亓": "qí", "禚": "zhuó", "逄": "páng", "骱": "xiè"}
PASTED = "该项目获山东省科学技术厅重点研发计划支持，比利时根特大学提供了部分对照菌株。"
LOST_AFTER = "两百多家，"

ORIGINAL = """首页 > 科技 > 海洋与生物

崂山脚下的“酵母银行”：一家青岛实验室守着三千株啤酒酵母

2026-09-18 10:42　来源：半岛科技报　记者 亓嘉楠　通讯员 逄雨禾

本报青岛9月17日电　在青岛市崂山区沙子口街道的一栋旧厂房里，青岛麦岸酵母生物技术有限公司的菌种库保存着三千一百多株啤酒酵母，最早的一株采自上世纪三十年代的一家老酒厂。实验室主任逄晓岚说，这些菌株有的发酵快，有的耐低温，“每一株都是一段风味的记忆”。

麦岸酵母与中国海洋大学食品科学与工程学院共建了联合实验室，研究员禚明川带领团队从胶州湾的海泥中筛选出两株耐盐酵母，已用于一款海盐小麦啤酒。该项目获山东省科学技术厅重点研发计划支持，比利时根特大学提供了部分对照菌株。

比利时酿酒顾问Pieter Vandenbroucke每年来青岛两次。他说，青岛的精酿酒馆从十年前的十几家增长到现在的两百多家，黄岛、李沧和即墨都开了新店，本地酵母的需求越来越大。

逄晓岚透露，公司计划明年在西海岸新区建第二座菌种库，并向日本和韩国的精酿酒厂出口冻干酵母。

（来源：半岛科技报　编辑：禚以恒）

相关阅读：
· 青岛精酿节开幕　百余家酒厂参展
· 海水稻啤酒问世？专家称仍需检测

半岛科技报版权所有，未经许可不得转载或建立镜像。举报电话：0532-8xxxxxxx
"""


def fold_fullwidth(text: str) -> str:
    """What the CMS does first: full-width ASCII (U+FF01 to U+FF5E) to ASCII."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def store(text: str) -> bytes:
    """The page in GBK, the pasted sentence (folded like the rest) left as UTF-8 bytes."""
    pasted = fold_fullwidth(PASTED)
    before, after = text.split(pasted)
    return before.encode("gbk") + pasted.encode("utf-8") + after.encode("gbk")


def annotate(data: bytes) -> bytes:
    """Insert (reading), in GBK, after every byte-level match of a listed character's GBK code."""
    codes = {char.encode("gbk"): f"({reading})".encode("gbk") for char, reading in READINGS.items()}
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


def lose_lead_byte(data: bytes, text: str) -> bytes:
    """The transfer drops the lead byte of the character right after LOST_AFTER."""
    marker = fold_fullwidth(LOST_AFTER).encode("gbk")
    at = data.index(marker) + len(marker)
    assert data[at] >= 0x81
    return data[:at] + data[at + 1:]


def read_gbk(data: bytes) -> str:
    """The one-way reader: a lead byte always takes the next byte with it."""
    out = []
    i = 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif byte in (0x80, 0xFF) or i + 1 == len(data):
            out.append("?")
            i += 1
        else:
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
    return "".join(out)


def damage(original: str) -> str:
    folded = fold_fullwidth(original)
    return read_gbk(lose_lead_byte(annotate(store(folded)), folded))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
