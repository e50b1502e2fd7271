#!/usr/bin/env python
"""Forward simulation of the broken GBK round-trip that made hi09's capture (written for this set).

    python tests/heldout8/make_mojibake.py

1. The site folds full-width ASCII to ASCII and stores the page in GBK.
2. An annotation step works on the stored bytes: after every place where the two-byte GBK code of a character
   on its list of rare characters occurs, at ANY byte offset (so also across the boundary of two characters),
   it inserts that character's reading, ``(pinyin)``, itself in GBK (the toned vowels are two-byte codes).
3. A one-way GBK reader decodes the bytes: an ASCII byte is itself; a lead byte followed by a byte that can be
   a trail byte is read as the character that pair codes (``?`` where GBK assigns none), even when the reader is
   out of step with the writer; a lead byte followed by a byte that cannot be a trail byte gives one ``?`` and
   both bytes are lost.

The capture is what the reader produced, written as UTF-8; the gold (hi09's yaml) is the original page's
article lines, folded.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).resolve().parent / "hi09_cn_dairy_cold_chain_mojibake.txt"

# The site's list of characters it annotates with their reading (rare in names).
READINGS = {"淼": "miǎo", "喆": "zhé", "谌": "chén", "昶": "chǎng"}

ORIGINAL = """\
低温奶“最后一公里”难题待解　内蒙古乳企试水县域冷链共配

2025-12-01 09:15　来源：北方农牧报　记者 高昱

在内蒙古呼和浩特市土默特左旗的一处冷链分拨中心，凌晨三点，装满巴氏鲜奶的冷藏车陆续驶出，上午十点前要送达周边六个旗县的两百多家便利店。这是蒙禾乳业与顺丰冷运合作试点的县域冷链共配项目，今年6月启动以来，低温奶在县城的损耗率从8%降到了3%以下。

蒙禾乳业物流总监王淼告诉记者，过去每家乳企各自配送，一辆车只装一家的货，县城网点分散，车辆常常半载跑长途。现在由第三方统一拼单配送，蒙禾、塞北牧场和两家本地酸奶作坊的货可以装在同一辆车上，单箱配送成本降低了约四成。

内蒙古农业大学食品科学与工程学院教授韩喆认为，低温奶对温度波动非常敏感，从出厂到上架必须全程保持在2至6摄氏度。他提醒，共配模式下多家企业的产品混装，一旦温控出问题，责任划分需要事先约定。内蒙古自治区市场监督管理局今年已将冷链温度记录纳入乳制品抽检范围。

业内人士指出，县域冷链的瓶颈在于末端网点缺少冷柜。据中国物流与采购联合会冷链物流专业委员会统计，我国县级以下地区的冷藏柜覆盖率不足三成。伊利、光明乳业等大型乳企正通过补贴冷柜的方式扩大终端，而中小乳企更依赖共配网络。

包头市和鄂尔多斯市也在筹划类似项目。鄂尔多斯市商务局有关负责人表示，将对购置新能源冷藏车的企业给予每辆最高五万元的补贴。

（本文来源：北方农牧报　责任编辑：庞晓燕）

延伸阅读：
· 巴氏奶与常温奶，营养差别有多大？
· 一文看懂冷链物流国家标准

本网站所载内容，凡注明来源的均为转载，版权归原作者所有。如有异议请拨打010-82617735。
"""


def fold_fullwidth(text: str) -> str:
    """Full-width ASCII (U+FF01..U+FF5E) to ASCII, as the site does before storing the page."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def annotate(stored: bytes) -> bytes:
    """Insert ``(pinyin)`` after every byte-level match of a listed character's GBK code."""
    codes = {char.encode("gbk"): reading for char, reading in READINGS.items()}
    out = bytearray()
    i = 0
    while i < len(stored):
        out.append(stored[i])
        pair = stored[i - 1:i + 1] if i else b""
        if pair in codes:
            out += f"({codes[pair]})".encode("gbk")
        i += 1
    return bytes(out)


def is_lead(byte: int) -> bool:
    return 0x81 <= byte <= 0xFE


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0xFE and byte != 0x7F


def read_gbk(data: bytes) -> str:
    """The one-way reader: pairs are read as they come, never re-synchronised except by an ASCII byte."""
    out = []
    i = 0
    while i < len(data):
        byte = data[i]
        if not is_lead(byte):
            out.append(chr(byte) if byte < 0x80 else "?")
            i += 1
        elif i + 1 < len(data) and is_trail(data[i + 1]):
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        else:
            out.append("?")
            i += 2
    return "".join(out)


def damage(original: str) -> str:
    return read_gbk(annotate(fold_fullwidth(original).encode("gbk")))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
