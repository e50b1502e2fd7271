"""Forward simulation of hm07's broken capture (written for this set, without reading the earlier sets'
scripts or ``corpus/clean/``).

    python tests/heldout12/make_mojibake.py      # rewrites hm07_cn_harbin_ice_sculpture_mojibake.txt

What happened to the page, in order:

1. The site's CMS folds full-width ASCII (``，`` -> ``,``, ``：`` -> ``:``, ``（`` -> ``(``) and stores the page in
   GBK, except one sentence (the sponsor's line, pasted from the sponsor's press release) whose UTF-8 bytes
   were pasted as they were into the GBK page.
2. The site's pinyin annotator runs on the stored bytes: after every byte-level match of the GBK code of a
   character on its list (``READINGS``), at any byte offset, it inserts ``(reading)``, itself in GBK (the
   tone-marked vowels are GBK's pinyin letters).  A match can
   straddle two real characters (the last byte of one and the first byte of the next).
3. The transfer to the archive loses one byte: the lead byte of the character right after ``LOST_AFTER``.
4. The archive reads the bytes as GBK with a one-way reader: an ASCII byte is itself; a lead byte
   (0x81-0xFE) and a following trail byte (0x40-0x7E, 0x80-0xFE) are the character GBK assigns to the pair, or
   ``?`` where it assigns none; a lead byte before a byte that cannot trail it is one ``?`` that swallows that
   byte too (an annotation's ``(`` after a stray lead byte is lost so), unless that byte is a line break; the
   bytes 0x80 and 0xFF alone are ``?``.  The result was saved as UTF-8.

The gold (``hm07_….yaml``) is the original page's article lines, folded; nothing in it comes from this script.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).resolve().parent / "hm07_cn_harbin_ice_sculpture_mojibake.txt"

ORIGINAL = """\
首页 > 黑龙江 > 文旅 > 正文

哈尔滨冰雕队出征芬兰罗瓦涅米　三代雕冰人带去“太阳岛”技艺

2026-01-08 08:30　来源：松江晨报　记者 仝雪瑶　通讯员 郗文博

本报哈尔滨1月7日电　由十二名冰雕师组成的哈尔滨冰雕代表队今天从哈尔滨太平国际机场出发，前往芬兰拉普兰地区的罗瓦涅米，参加下月举行的国际冰雕邀请赛。这是该队第五次赴北欧参赛。

领队郗振岳今年五十九岁，十八岁进入哈尔滨冰雪艺术团学雕冰，参与过三十多届太阳岛雪博会的主塑。他说，这次的参赛作品《江上渡》取材于松花江冬季的冰上渡口，冰块全部在当地湖面现场采取，“芬兰的冰比松花江的冰更透，下刀要更轻”。

队中最年轻的成员仝子涵是哈尔滨理工大学建筑工程学院的研究生，负责用三维扫描把设计稿拆成冰块编号。她说，学校与芬兰拉普兰大学艺术与设计学院有交换项目，这次也会顺道交流冰建筑的结构计算。

黑龙江省文化和旅游厅相关负责人介绍，近年来哈尔滨冰雕团队先后赴日本札幌、加拿大魁北克、俄罗斯哈巴罗夫斯克等地参赛，冰雪技艺输出已成为黑龙江对外文化交流的名片。本次出征由哈尔滨冰城文旅集团有限公司赞助，罗瓦涅米市政府负责场地与食宿。

（来源：松江晨报　编辑：郗晓楠）

相关阅读：
· 松花江采冰节开幕　首块冰重达一吨
· 冰雪大赛选手名单公布

松江晨报社版权所有，未经授权禁止转载或建立镜像。违法和不良信息举报：0451-8273 6610
"""

# The sponsor's sentence, pasted as UTF-8 bytes into the GBK page.
UTF8_RUN = "本次出征由哈尔滨冰城文旅集团有限公司赞助,罗瓦涅米市政府负责场地与食宿。"
# The annotator's list: character -> reading.
READINGS = {"郗": "xī", "仝": "tóng", "厍": "shè"}
LOST_AFTER = "取材于"


def fold_fullwidth(text: str) -> str:
    """Full-width ASCII (U+FF01-U+FF5E) folded to ASCII; the ideographic space is left as it is."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def store(text: str) -> bytes:
    """The page's bytes as stored: GBK, but UTF-8 for the pasted sentence."""
    head, run, tail = text.partition(UTF8_RUN)
    assert run, "the pasted sentence is not in the page"
    return head.encode("gbk") + run.encode("utf-8") + tail.encode("gbk")


def annotate(data: bytes) -> bytes:
    """``(reading)`` after every byte-level match of a listed character's GBK code, at any offset."""
    codes = {char.encode("gbk"): reading for char, reading in READINGS.items()}
    out = bytearray()
    i = 0
    while i < len(data):
        pair = data[i:i + 2]
        if pair in codes:
            out += pair + f"({codes[pair]})".encode("gbk")
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def lose_byte(data: bytes) -> bytes:
    anchor = LOST_AFTER.encode("gbk")
    assert data.count(anchor) == 1, "the anchor must be unique"
    at = data.index(anchor) + len(anchor)
    assert data[at] >= 0x81, "the lost byte must be a lead byte"
    return data[:at] + data[at + 1:]


def read_one_way(data: bytes) -> str:
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
            trail = data[i + 1]
            if 0x40 <= trail <= 0xFE and trail != 0x7F:
                try:
                    out.append(data[i:i + 2].decode("gbk"))
                except UnicodeDecodeError:
                    out.append("?")
                i += 2
            elif trail == 0x0A:
                out.append("?")
                i += 1
            else:
                out.append("?")
                i += 2
    return "".join(out)


def damage(original: str) -> str:
    return read_one_way(lose_byte(annotate(store(fold_fullwidth(original)))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
    print(f"wrote {CAPTURE}")
