"""Forward simulation of the broken GBK round-trip that damaged hk09 (written for this set, without reading
corpus/clean/ or the earlier sets' scripts).

The process, step by step:
1. the site folds full-width ASCII to ASCII (the ideographic space stays) and stores the page in GBK;
2. an annotator's script adds a reading: after every byte-level match of the GBK code of a character on its list
   (RARE), at any byte offset, it inserts ``(pinyin)`` encoded in GBK;
3. a transfer loses one byte: the lead byte of the character right after ANCHOR;
4. a one-way GBK reader decodes the bytes: an ASCII byte is itself, a lead byte followed by a valid trail byte is
   the pair's character (``?`` where GBK assigns none), a lead byte followed by anything else is ``?`` and only the
   lead byte is consumed.

Run ``python tests/heldout10/make_mojibake.py`` to rewrite the capture; the gold is ORIGINAL's article lines, folded.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).with_name("hk09_cn_dialysis_clinics_mojibake.txt")
RARE = {"喆": "zhé", "玥": "yuè", "堃": "kūn", "昉": "fǎng"}
ANCHOR = "其中县域"

ORIGINAL = """\
2025-12-01 09:48　来源：南方健康周刊　记者 程堃　通讯员 刘玥

县城也能做透析：民营连锁血透中心三年开了四十家

记者从广东省卫生健康委员会获悉，截至今年十月，全省已有血液透析机构二百六十多家，其中县域新开的独立血液透析中心占了三分之一。佛山市顺德区的康洄医疗管理有限公司是其中扩张最快的一家，三年在粤西、粤北开了四十家连锁中心。

康洄医疗创始人欧阳喆原是中山大学附属第一医院肾内科医生。他说，很多尿毒症病人每周要透析三次，以前只能从阳江、云浮的乡镇坐两个小时车去市里，“透完人是虚的，还要排队等车”。公司目前在阳春市、罗定市和连州市都有中心，每家配二十台透析机，由广东医科大学培训的护士值班。

业内人士指出，透析耗材和医保报销是民营机构的主要难题。广东省医疗保障局今年把独立血液透析中心纳入门诊统筹，病人自付比例降到一成左右。一家国产透析器厂商山东威康医疗器械股份有限公司也在湛江设了仓库，缩短了配送时间。

南方医院肾内科主任钟昉提醒，连锁中心扩张太快，要防止水处理和感染控制跟不上。清远市卫生健康局表示，今年已对辖区内的透析中心做了两轮飞行检查。

（本文来源：南方健康周刊　责任编辑：王玥）

推荐阅读：
· 基层医院的肾内科医生去哪了
· 腹膜透析能否在家完成

版权所有 南方健康周刊，转载请致电 020-8765 4321
"""


def fold_fullwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def annotate_bytes(data: bytes) -> bytes:
    for character, reading in RARE.items():
        code, note = character.encode("gbk"), f"({reading})".encode("gbk")
        data = data.replace(code, code + note)
    return data


def read_gbk(data: bytes) -> str:
    out, i = [], 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif 0x81 <= byte <= 0xFE and i + 1 < len(data) and 0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F:
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


def damage(original: str) -> str:
    annotated = annotate_bytes(fold_fullwidth(original).encode("gbk"))
    cut = annotated.index(ANCHOR.encode("gbk")) + len(ANCHOR.encode("gbk"))
    return read_gbk(annotated[:cut] + annotated[cut + 1:])


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
