"""Forward simulation of hl09's broken-GBK capture (written for this set, without reading corpus/clean/
or the earlier sets' scripts).

The site folds full-width ASCII and stores the page in GBK.  An annotator's script then scans the BYTES
for the GBK code of each character on its list of rare characters and inserts that character's reading
``(pinyin)``, itself GBK-coded, right after every match, at any byte offset, so a match that straddles two
characters gets a reading too.  On the way to the archive one byte is lost: the lead byte of the character
right after ``MARK``.  The archive's reader decodes GBK one way: a well-formed pair as what it codes (``?``
where GBK assigns nothing), an ASCII byte as itself, and a lead byte whose next byte cannot trail it as one
``?``, consuming that lead byte only, so after a slip it stays out of step until the next ASCII byte.

    python tests/heldout11/make_mojibake.py   # rewrites hl09's capture byte for byte
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).resolve().parent / "hl09_cn_forest_fire_lookout_mojibake.txt"
READINGS = {"邴": "bǐng", "昝": "zǎn", "翊": "yì", "璩": "qú"}
MARK = "俄罗斯外"  # the lead byte of the character after this phrase is lost in transfer

ORIGINAL = """首页 > 地方 > 林区

守望林海的“千里眼”：大兴安岭的防火瞭望员与新来的摄像头

2026-05-09 08:30:12　来源：北疆林业报　记者 昝一鸣　通讯员 璩晓东

每年春季防火期，内蒙古大兴安岭林区的一百多座瞭望塔都会住进瞭望员。在根河市阿龙山林业局的一座瞭望塔上，邴志远已经守了十四个春秋。塔高三十五米，视野可达四十公里，他每隔十五分钟用望远镜环视一周，发现烟点后立即用电台报告坐标。

今年，中国林业集团有限公司与内蒙古大兴安岭重点国有林管理局合作，在阿龙山、满归和金河三个林区新装了42套热成像监控设备，由杭州灵视物联技术有限公司提供，数据直接传到根河市的防火指挥中心。据管理局防火处负责人敖登格日乐介绍，摄像头夜间也能识别数公里外的火点，比人工瞭望提前了约二十分钟。

瞭望员会不会因此被取代？在满归镇的护林员们看来，答案是否定的。雷击火多发生在雷雨天，云雾大时热成像也会“看走眼”，还需要人来判断。北京林业大学林学院副教授冯翊辰的研究显示，在地形复杂的原始林区，人机结合的发现率比单靠设备高出一成以上。

应急管理部森林消防局和黑龙江省林业和草原局今年也在漠河、塔河推广类似的监测网络。俄罗斯外贝加尔边疆区与呼伦贝尔市的跨境防火联络机制则在额尔古纳河沿线运行了十年，双方每年交换两次火情数据。

（本文来源：北疆林业报　责任编辑：邴佳慧）

推荐阅读：
· 大兴安岭今年首场雷击火被及时扑灭
· 驯鹿、樟子松与护林人：敖鲁古雅的春天

本报所有稿件版权归北疆林业报所有，转载请致电 0470-8213 567。
"""


def fold_fullwidth(text: str) -> str:
    """The site's folding: full-width ASCII to ASCII (the ideographic space is kept)."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def annotate(data: bytes) -> bytes:
    """Insert the GBK-coded ``(reading)`` after every byte-level match of a listed character's GBK code."""
    inserts: list[tuple[int, bytes]] = []
    for char, reading in READINGS.items():
        code, note = char.encode("gbk"), f"({reading})".encode("gbk")
        start = data.find(code)
        while start != -1:
            inserts.append((start + len(code), note))
            start = data.find(code, start + 1)
    for offset, note in sorted(inserts, reverse=True):
        data = data[:offset] + note + data[offset:]
    return data


def lose_a_byte(data: bytes) -> bytes:
    """The transfer drops the lead byte of the character right after MARK."""
    at = data.index(MARK.encode("gbk")) + len(MARK.encode("gbk"))
    return data[:at] + data[at + 1:]


def read_gbk(data: bytes) -> str:
    """The archive's one-way GBK reader."""
    out, i = [], 0
    while i < len(data):
        lead = data[i]
        if lead < 0x80:
            out.append(chr(lead))
            i += 1
            continue
        trail = data[i + 1] if i + 1 < len(data) else None
        if 0x81 <= lead <= 0xFE and trail is not None and 0x40 <= trail <= 0xFE and trail != 0x7F:
            try:
                out.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


def damage(original: str) -> str:
    return read_gbk(lose_a_byte(annotate(fold_fullwidth(original).encode("gbk"))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
