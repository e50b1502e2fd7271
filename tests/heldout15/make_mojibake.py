"""Forward simulation of hp07's damage (written for this set, round 13 part 15w).

The page (ORIGINAL, below) went through a small regional CMS and a transfer:

1. the CMS folds full-width ASCII to ASCII (``，`` -> ``,``, ``：`` -> ``:``) and stores the page in GBK,
   except one sentence an editor pasted from a press release as raw UTF-8 bytes (PASTED);
2. the site's reading annotator scans the stored BYTES for the GBK code of each listed rare character
   (READINGS) at any byte offset, not only at character boundaries, and inserts ``(pinyin)``, itself in
   GBK, right after every match; a match across the boundary of two characters puts the reading after
   the lead byte of the second one;
3. the transfer loses one byte: the lead byte of the character right after LOST_AFTER;
4. the scraper reads the bytes as GBK, two bytes at a time from any byte >= 0x80 (an invalid pair gives
   ``?`` and both bytes are consumed), one byte at a time below 0x80; what it read is the capture, UTF-8.

``python tests/heldout15/make_mojibake.py`` rewrites the capture; ``damage(ORIGINAL)`` is its text.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).with_name("hp07_cn_dunhuang_film_location_office_mojibake.txt")

ORIGINAL = """首页 > 新闻中心 > 文旅动态

敦煌影视拍摄服务中心一年接待剧组六十余个

2026-09-28 10:15　来源：河西晨报　记者 晁启明　通讯员 眭文娟

本报敦煌9月27日电　记者从敦煌市影视拍摄服务中心获悉，今年以来，该中心已接待电影、电视剧和广告剧组六十余个，鸣沙山、月牙泉和雅丹地貌是最受欢迎的取景地。

中心主任厍海川介绍，中心为剧组提供勘景、报批和群众演员招募“一站式”服务，今年还在阳关镇建了一座可容纳三百人的外景基地。《沙海驼铃》剧组由北京星河远景影业有限公司出品，新西兰长白云工作室承担了部分特效制作。该剧组在敦煌拍摄了四个月，雇用当地群众演员两千多人次。

兰州文理学院旅游学院教授郗景澄表示，影视拍摄带动了民宿和餐饮消费，但也要防止越野车碾压雅丹地表。为此，中心与敦煌研究院、甘肃省林业和草原局签订了生态保护协议，划定了玉门关、阳关和锁阳城周边的禁行区。

厍海川说，明年中心计划开通从敦煌莫高国际机场到党河沿岸取景地的专线，并邀请日本和哈萨克斯坦的剧组前来考察。

（编辑：郗小禾）

相关阅读：
· 鸣沙山月牙泉景区推出夜间沙漠音乐会
· 敦煌至格尔木铁路旅游专列开行

版权所有 河西晨报社　未经授权禁止转载、镜像　违法和不良信息举报电话：0937-8826110
"""

PASTED = "《沙海驼铃》剧组由北京星河远景影业有限公司出品,新西兰长白云工作室承担了部分特效制作。"
READINGS = {"晁": "cháo", "眭": "suī", "厍": "shè", "郗": "xī", "谯": "qiáo"}
LOST_AFTER = "划定了"


def fold_fullwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def store(original: str) -> bytes:
    page = fold_fullwidth(original)
    head, tail = page.split(PASTED)
    return head.encode("gbk") + PASTED.encode("utf-8") + tail.encode("gbk")


def annotate(data: bytes) -> bytes:
    inserts = []
    for char, reading in READINGS.items():
        code = char.encode("gbk")
        at = data.find(code)
        while at >= 0:
            inserts.append((at + len(code), ("(" + reading + ")").encode("gbk")))
            at = data.find(code, at + 1)
    for at, reading in sorted(inserts, reverse=True):
        data = data[:at] + reading + data[at:]
    return data


def lose_a_byte(data: bytes) -> bytes:
    at = data.find(LOST_AFTER.encode("gbk")) + len(LOST_AFTER.encode("gbk"))
    return data[:at] + data[at + 1:]


def read_gbk(data: bytes) -> str:
    out, at = [], 0
    while at < len(data):
        if data[at] < 0x80:
            out.append(chr(data[at]))
            at += 1
            continue
        try:
            out.append(data[at:at + 2].decode("gbk"))
        except UnicodeDecodeError:
            out.append("?")
        at += 2
    return "".join(out)


def damage(original: str) -> str:
    return read_gbk(lose_a_byte(annotate(store(original))))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
