"""Forward simulation of heldout14's broken-GBK capture (ho07), written for this set.

The page below (ORIGINAL) is what the Zigong paper's editors wrote.  The CMS folds full-width ASCII to ASCII and
stores the page in GBK, except one sentence an editor pasted from a partner's UTF-8 press release, whose UTF-8
bytes go into the GBK page as they are.  The site's annotator then inserts a reading ``(pinyin)``, itself in GBK,
after every byte-level match of a listed character, at any offset (so a match across the boundary of two
characters gets a reading too, inside the second character).  In transfer one byte is lost: the lead byte of the
character right after ``下一步会和``.  A reader decodes the bytes as GBK, writing ``?`` for what is not GBK.

    python tests/heldout14/make_mojibake.py      # rewrites ho07's capture from ORIGINAL

The gold (ho07's yaml) is the original page's article lines, full-width ASCII folded, the ideographic space read
as a space.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).resolve().parent / "ho07_cn_zigong_salt_well_museum_mojibake.txt"

PASTED = "夜游线路由自贡川盐文旅发展有限公司运营，法国萨兰莱班盐场博物馆提供了展陈顾问。"
READINGS = {"鄢": "yān", "逯": "lù", "郜": "gào", "阚": "kàn", "鞘": "qiào"}
LOST_AFTER = "下一步会和"

ORIGINAL = """\
首页 > 四川新闻 > 自贡
2026-03-21 08:40　来源：盐都晨报　记者 鄢书岑　通讯员 逯嘉禾

燊海井夜里亮起天车　自贡盐业历史博物馆开放“夜游盐井”

本报自贡3月20日电　20日晚，自流井区的燊海井重新点亮了十八米高的木制天车，自贡市盐业历史博物馆推出的“夜游盐井”项目正式开放。游客可以在汲卤筒旁看盐工用牛车绞卤，再到灶房看花盐出锅。

博物馆馆长郜文津介绍，燊海井凿成于清道光年间，是世界上第一口超过千米的深井，至今仍在产卤。夜游线路由自贡川盐文旅发展有限公司运营，法国萨兰莱班盐场博物馆提供了展陈顾问。为了保护井架，每晚限量八百人。

四川轻化工大学化学工程学院的团队为项目做了卤水成分分析，发现燊海井的黑卤含有较高的锶。郜文津说，下一步会和釜溪河沿岸的王爷庙、西秦会馆串成一条步行线，把大安区和贡井区的老盐场也纳入进来。

据自贡市文化广电旅游局统计，开放首周已接待游客一万二千人次，其中三成来自成都和重庆。

（来源：盐都晨报　编辑：阚雨棠）

相关阅读：
· 灯会倒计时：恐龙彩灯进场搭建
· 老盐工口述：一口井养活三代人

版权所有 盐都晨报社　未经书面授权不得转载或建立镜像　违法和不良信息举报电话：0813-2209117
"""


def fold_fullwidth(text: str) -> str:
    """Full-width ASCII (U+FF01 to U+FF5E) to ASCII, as the CMS stores it."""
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def store(text: str) -> bytes:
    """The page in GBK, the pasted sentence (folded) as its UTF-8 bytes."""
    pasted = fold_fullwidth(PASTED)
    head, sep, tail = text.partition(pasted)
    assert sep, "the pasted sentence is on the page"
    return head.encode("gbk") + pasted.encode("utf-8") + tail.encode("gbk")


def annotate(data: bytes) -> bytes:
    """After every byte-level match of a listed character (at any offset), its reading in brackets, in GBK."""
    listed = {char.encode("gbk"): f"({reading})".encode("gbk") for char, reading in READINGS.items()}
    out, i = bytearray(), 0
    while i < len(data):
        pair = data[i:i + 2]
        if pair in listed:
            out += pair + listed[pair]
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def lose_a_byte(data: bytes) -> bytes:
    """The transfer drops the lead byte of the character after LOST_AFTER."""
    at = data.index(LOST_AFTER.encode("gbk")) + len(LOST_AFTER.encode("gbk"))
    return data[:at] + data[at + 1:]


def damage(original: str) -> str:
    data = lose_a_byte(annotate(store(fold_fullwidth(original))))
    return data.decode("gbk", errors="replace").replace("\ufffd", "?")


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
