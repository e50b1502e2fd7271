"""Forward simulation of the broken GBK round-trip that damaged hj09 (written for this set).

    python tests/heldout9/make_mojibake.py

writes hj09_cn_warehouse_robots_mojibake.txt from ORIGINAL, the page as its site published it:

1. the site folds full-width ASCII (``，`` → ``,``, ``：`` → ``:``) and stores the page in GBK;
2. an annotator's script, working on the stored bytes, inserts ``(pinyin)`` (itself in GBK) after every
   byte-level match of the GBK code of a character on its list of rare characters, at any byte offset,
   so a match that straddles two characters splits the second one;
3. a one-way GBK reader decodes the result: a byte below 0x80 is itself; a lead byte (0x81-0xFE) followed by a
   byte that cannot be a trail byte (0x40-0xFE but 0x7F) gives one ``?`` and both bytes are lost; a well-formed
   pair gives what it codes, or ``?`` where GBK assigns nothing; a stray 0x80 or 0xFF gives ``?``.
The capture is the reader's output, saved as UTF-8.
"""
from __future__ import annotations

from pathlib import Path

CAPTURE = Path(__file__).resolve().parent / "hj09_cn_warehouse_robots_mojibake.txt"
RARE_READINGS = {"翀": "chōng", "亓": "qí", "岵": "hù", "缑": "gōu", "鄄": "juàn"}

ORIGINAL = """2025-11-26 10:12　来源：智造观察　记者 晏晨曦

仓库里的“搬运工”换代：物流园区掀起机器人改造潮

在浙江省嘉兴市平湖的一座电商物流园里，一百多台橙色的潜伏式搬运机器人在货架之间来回穿梭，把整排货架直接送到拣货工位前。这座仓库属于杭州岚序智能仓储有限公司，负责华东地区多个家电品牌的线上订单，“双十一”期间日均出库量超过四十万单。

岚序智能技术副总裁滕翀然介绍，改造前一个拣货员每天要走三万多步，如今站在工位上就能完成拣选，人均效率提高了两倍多。仓库使用的机器人由深圳逐星机器人科技有限公司提供，调度系统则是岚序与浙江工业大学信息工程学院联合开发的。

中国仓储与配送协会仓储机器人分会的调查显示，截至今年9月，全国已有超过三千座仓库部署了移动机器人，长三角和珠三角占到六成以上。分会秘书长亓立峰表示，中小仓库的改造意愿正在上升，但一次性投入动辄数百万元，不少企业更倾向于按月租用机器人。

不过，自动化也带来了新的问题。平湖市人力资源和社会保障局的调研发现，园区内的叉车司机和拣货员岗位减少了约三成，新增的则是设备运维和数据分析岗位。嘉兴职业技术学院今年开设了智能仓储专业，首批招收学生六十人，其中不少是物流企业在职员工。

海外市场同样在升温。逐星机器人去年在荷兰鹿特丹和墨西哥蒙特雷设立了服务中心，客户包括当地的零售商和第三方物流企业。美国沃尔玛和德国凯傲集团也在加快仓储机器人的布局。

（本文来源：智造观察　责任编辑：卢沐阳）

延伸阅读：
· 无人叉车进厂：从试点到规模化还有多远
· 仓储机器人租赁市场调查

声明：本文版权归智造观察所有，如需转载请联系0573-8526 7713，未经许可不得转载。
"""


def fold_fullwidth(text: str) -> str:
    return text.translate({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def annotate_bytes(data: bytes) -> bytes:
    for character, reading in RARE_READINGS.items():
        code = character.encode("gbk")
        data = data.replace(code, code + f"({reading})".encode("gbk"))
    return data


def read_one_way(data: bytes) -> str:
    out, i = [], 0
    while i < len(data):
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif byte in (0x80, 0xFF) or i + 1 == len(data):
            out.append("?")
            i += 1
        elif not (0x40 <= data[i + 1] <= 0xFE and data[i + 1] != 0x7F):
            out.append("?")
            i += 2
        else:
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
    return "".join(out)


def damage(page: str) -> str:
    return read_one_way(annotate_bytes(fold_fullwidth(page).encode("gbk")))


if __name__ == "__main__":
    CAPTURE.write_text(damage(ORIGINAL), encoding="utf-8")
