"""Metadata lines read by their fields, in any order (issue 11 part q).

A source or reporter line, an account's header and a programme's show notes are lines of fields: each field a key
and its value, or a typed value.  A line whose every field is metadata and whose score reaches the threshold goes
(logged with its score), and ingest reads its fields; a paragraph that starts with a date, a turn labelled 记者 or
主持人, a sentence that mentions a reporter or a source, and a host and a guest named alone stay.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.clean import clean
from corpus.clean.metadata import accept, find_metadata_lines, score
from corpus.editlog import revert_all
from corpus.ingest.metadata import extract_metadata
from corpus.ingest.metadata_lines import grammar, is_metadata, line_metadata, read_line

TITLE = "城西区上线社区养老食堂地图"
ARTICLE = "全区四十二家社区养老食堂已全部接入小程序，老人可在地图上查看菜单。"


@pytest.mark.parametrize("line, expected", [
    ("記者范瑋婷／高雄報導　2026年1月14日 09:42　南港日報",
     {"authors": ["范瑋婷"], "filed_from": "高雄", "date": "2026-01-14", "time": "09:42", "outlet": "南港日報"}),
    ("发布时间：2026-02-03 15:20　来源：滨江晚报　本报记者 方子衿　通讯员 城西区民政局",
     {"date": "2026-02-03", "time": "15:20", "outlet": "滨江晚报", "authors": ["方子衿"],
      "correspondents": ["城西区民政局"]}),
    ("光华日报　2026年2月8日　记者 黄慧琳", {"outlet": "光华日报", "date": "2026-02-08", "authors": ["黄慧琳"]}),
    ("濠江時報 2026.03.11 記者梁詠欣", {"outlet": "濠江時報", "date": "2026-03-11", "authors": ["梁詠欣"]}),
    ("原创 山岚手记 2026年1月5日 21:47 四川",
     {"outlet": "山岚手记", "date": "2026-01-05", "time": "21:47", "ip_location": "四川"}),
    ("原创 林一帆 青禾研究所 2026年4月2日 08:30", {"outlet": "青禾研究所", "date": "2026-04-02", "time": "08:30"}),
    ("原创 林一帆 青禾研究所 2026年4月2日 08:30 新加坡",
     {"outlet": "青禾研究所", "date": "2026-04-02", "time": "08:30", "ip_location": "新加坡"}),
    ("节目：《山岚夜谈》播客　更新时间：2026-01-05　时长：52分钟　本期嘉宾：符晓川　主播：南溪",
     {"programme": "山岚夜谈", "date": "2026-01-05", "duration": "52分钟", "guests": ["符晓川"],
      "interviewers": ["南溪"]}),
    ("主持｜Ada Ho　來賓｜溫子謙（循環包裝創辦人）　時長｜48:30",
     {"interviewers": ["Ada Ho"], "guests": ["溫子謙"], "duration": "48:30"}),
    ("2026年3月4日　星期三　来源：澜湾财经网·消费版　记者魏春阳报道",
     {"date": "2026-03-04", "outlet": "澜湾财经网", "authors": ["魏春阳"]}),
    ("2025年11月3日 節目：《科技早午餐》主持人：Ivy　來賓：Marcus（晶創顧問合夥人）",
     {"date": "2025-11-03", "programme": "科技早午餐", "interviewers": ["Ivy"], "guests": ["Marcus"]}),
])
def test_a_line_of_fields_goes_and_ingest_reads_its_fields(line, expected):
    assert clean(f"{TITLE}\n{line}\n{ARTICLE}")[0] == f"{TITLE}\n{ARTICLE}"
    assert line_metadata([line]) == expected
    found = extract_metadata(f"{TITLE}\n{line}\n{ARTICLE}")
    assert {key: found[key] for key in expected} == expected


@pytest.mark.parametrize("line", [
    "2026年2月1日起，七十岁以上老人在食堂就餐可享受八折优惠。",
    "2025年10月21日 澄能科技宣布完成新一轮融资",
    "记者：食堂会不会亏本？",
    "记者：李明",
    "主持人：欢迎",
    "據本報記者現場觀察，碼頭內已看不到拖車司機",
    "消息来源称，明年还将有十家食堂开业。",
    "嘉宾：贺知远（独立游戏制作人）",
    "上海 北京 广州",
    "2019 哥打丁宜",
    "山岚夜谈第12期｜在川西做民宿的第七年",
])
def test_article_text_stays(line):
    text = f"{TITLE}\n{line}\n{ARTICLE}"
    assert find_metadata_lines(text) == []
    assert accept(score(line))


@pytest.mark.parametrize("line, expected", [
    ("主持人：欢迎", {}),
    ("记者：李明", {}),
    ("主持人：Nora", {}),
    ("本期嘉宾：魏思远，景德镇柴窑窑主", {}),
])
def test_one_voice_named_alone_stays(line, expected):
    assert find_metadata_lines(line) == []
    assert line_metadata([line]) == expected


@pytest.mark.parametrize("line, expected", [
    # round 8: two voices on one line are the programme's credit line, never two turns
    ("主持：Grace　來賓：Leo", {"interviewers": ["Grace"], "guests": ["Leo"]}),
    ("主持人：Nora　嘉宾：Felix（社区医生）", {"interviewers": ["Nora"], "guests": ["Felix"]}),
    ("主持：Daniel Teo　嘉宾：Siti Rahmah（港务工会代表）",
     {"interviewers": ["Daniel Teo"], "guests": ["Siti Rahmah"]}),
    ("本期嘉宾：魏思远，景德镇柴窑窑主 ／ 主播：半夏", {"guests": ["魏思远"], "interviewers": ["半夏"]}),
    ("主持：Mandy ｜ 嘉賓：譚家輝（餅家第二代東主、大學兼任講師）", {"interviewers": ["Mandy"], "guests": ["譚家輝"]}),
    ("本集來賓：邱韻如／阿里山茶農 ‧ 主持人：阿凱", {"guests": ["邱韻如"], "interviewers": ["阿凱"]}),
    ("今集嘉賓：區志強　主持：阿欣", {"guests": ["區志強"], "interviewers": ["阿欣"]}),
])
def test_a_credit_line_of_two_voices_goes_and_is_read(line, expected):
    [edit] = find_metadata_lines(f"{TITLE}\n{line}\n{ARTICLE}")
    assert edit.old == line and "interviewers" in edit.reason and "guests" in edit.reason
    assert line_metadata([line]) == expected


@pytest.mark.parametrize("line, expected", [
    # an outlet's name run into its reporter's byline
    ("海岸日報記者蔡宛庭／嘉義報導", {"outlet": "海岸日報", "authors": ["蔡宛庭"], "filed_from": "嘉義"}),
    ("果农视界网记者周蔓/江西信丰报道", {"outlet": "果农视界网", "authors": ["周蔓"], "filed_from": "江西信丰"}),
    # an outlet and a view count, the key with a suffix
    ("山城快報 點閱數 845", {"outlet": "山城快報", "views": "845"}),
    ("南岭晚报　浏览人次 12,408", {"outlet": "南岭晚报", "views": "12,408"}),
    # an outlet and its site's section words
    ("港島東週報 社區 人物", {"outlet": "港島東週報"}),
    ("2025-10-14 08:35 海岸日報 地方產業", {"date": "2025-10-14", "time": "08:35", "outlet": "海岸日報"}),
    # a byline key and a name apart by a space alone, a nickname
    ("作者 阿Lok", {"authors": ["阿Lok"]}),
    ("撰文 林靜宜", {"authors": ["林靜宜"]}),
])
def test_header_lines_in_new_shapes_go_and_are_read(line, expected):
    [edit] = find_metadata_lines(f"{TITLE}\n{line}\n{ARTICLE}")
    assert edit.old == line
    assert line_metadata([line]) == expected


@pytest.mark.parametrize("line", ["人物 專訪", "港島東週報 人物", "科技 生活", "作者：本文未署名。", "记者：谢谢。"])
def test_section_words_or_a_keyed_turn_alone_stay(line):
    assert find_metadata_lines(f"{TITLE}\n{line}\n{ARTICLE}") == []


def test_the_edit_log_says_why_with_the_score_and_the_threshold():
    line = "光华日报　2026年2月8日　记者 黄慧琳"
    [edit] = find_metadata_lines(f"{TITLE}\n{line}\n{ARTICLE}")
    assert (edit.old, edit.new, edit.rule) == (line, "", grammar().rule)
    # outlet 1 + date 1 + a reporter's key 1, and 1 more for the key apart from its name by a space alone
    assert f"score 4 ≥ {grammar().threshold:g}" in edit.reason and "outlet + date + authors" in edit.reason


NAME_CHARS = ("林陈黄吴郑冯何吕施孔曹严华金魏陶姜谢邹喻柏窦章云苏潘葛范彭鲁韦马凤花俞任袁柳鲍史唐薛雷贺倪汤殷罗毕郝"
              "安常乐于傅齐康伍余顾孟平穆萧尹")
OUTLET_CHARS = "江城海湾山岭星河东南西北晨光潮青禾"
DAY = st.tuples(st.integers(2000, 2030), st.integers(1, 12), st.integers(1, 28))
DATE_FORMS = ("{}年{}月{}日", "{}-{:02d}-{:02d}", "{}/{}/{}", "{}.{:02d}.{:02d}")
SEPARATORS = ("　", "  ", "｜", " | ", "\t", "丨")
# What each generated field weighs (metadata_lines.weights and key_weights); a byline key apart from its name by a
# space alone weighs `spaced_key` more.
WEIGHTS = {"date": 1, "time": 1, "outlet": 1, "authors": 1, "interviewers": 1}


@st.composite
def metadata_lines(draw: st.DrawFn) -> tuple[str, dict, bool]:
    """A line of fields in any order, with any separators, the metadata it states, and whether it weighs enough
    to be removed (two fields or more always weigh enough to be read)."""
    year, month, day = draw(DAY)
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    reporter = "".join(draw(st.lists(st.sampled_from(NAME_CHARS), min_size=2, max_size=3)))
    host = "".join(draw(st.lists(st.sampled_from(NAME_CHARS), min_size=2, max_size=3)))
    outlet = "".join(draw(st.lists(st.sampled_from(OUTLET_CHARS), min_size=2, max_size=4))) + draw(
        st.sampled_from(("日报", "晚報", "新闻网", "時報")))
    byline = draw(st.sampled_from(('记者', '本报记者', '記者 ', '作者：')))
    fields = {
        f"{draw(st.sampled_from(DATE_FORMS)).format(year, month, day)}": ("date", f"{year:04d}-{month:02d}-{day:02d}"),
        f"{hour}:{minute:02d}": ("time", f"{hour}:{minute:02d}"),
        f"{draw(st.sampled_from(('来源：', '來源：', '来源｜')))}{outlet}": ("outlet", outlet),
        f"{byline}{reporter}": ("authors", [reporter]),
        f"{draw(st.sampled_from(('主播：', '主持人：', '主持｜')))}{host}": ("interviewers", [host]),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), min_size=2, max_size=5, unique=True))
    line = chosen[0]
    for field in chosen[1:]:
        line += draw(st.sampled_from(SEPARATORS)) + field
    expected = dict(fields[field] for field in chosen)
    spaced = grammar().spaced_key if "authors" in expected and byline.endswith(" ") else 0
    return line, expected, sum(WEIGHTS[field] for field in expected) + spaced >= grammar().threshold


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(metadata_lines())
def test_a_line_of_fields_in_any_order_is_read_back(case):
    line, expected, removed = case
    assert is_metadata(read_line(line)) == removed
    assert line_metadata([line]) == expected


@SETTINGS
@given(st.lists(st.one_of(metadata_lines().map(lambda case: case[0]), st.text(max_size=40)), max_size=6))
def test_cleaning_lines_of_fields_is_lossless_and_idempotent(lines):
    raw = "\n".join([TITLE, *lines, ARTICLE])
    text, passes = clean(raw)
    assert revert_all(text, passes) == raw
    assert clean(text)[0] == text


@SETTINGS
@given(st.text(st.characters(blacklist_characters="\n")), st.sampled_from(("。", "！", "？", "；", "…")))
def test_the_reader_never_raises_and_never_takes_a_sentence(line, mark):
    read_line(line)
    assert find_metadata_lines(line + mark) == []


@SETTINGS
@given(st.sampled_from(sorted(grammar().key_fields)),
       st.text(alphabet=NAME_CHARS + OUTLET_CHARS + "0123456789年月日:", min_size=1, max_size=12))
def test_one_field_alone_is_never_a_line_of_metadata(key, value):
    assert not is_metadata(read_line(f"{key}：{value}"))


# ---------------------------------------------------------------- round 13: keys run together, widgets after a dateline

@pytest.mark.parametrize("line, expected", [
    ("2026-05-02　19:10　北嶼晚報　採訪撰文／龍霽川　攝影／Mateo Ferrandis",
     {"date": "2026-05-02", "time": "19:10", "outlet": "北嶼晚報", "interviewers": ["龍霽川"],
      "photographers": ["Mateo Ferrandis"]}),
    ("文‧攝影／祁望舒　2026年8月3日", {"authors": ["祁望舒"], "date": "2026-08-03"}),
    ("采访、撰文｜鞠青禾　编辑｜聂小满", {"interviewers": ["鞠青禾"], "editors": ["聂小满"]}),
])
def test_a_credit_of_two_keys_run_together_is_read_as_the_first_key(line, expected):
    """A credit may run two roles together (採訪撰文, 文‧攝影, 采访、撰文): the names fill the first role's field, and
    the line of fields goes; before, the compound role was an untyped name and the whole dateline stayed unread."""
    assert clean(f"{TITLE}\n{line}\n{ARTICLE}")[0] == f"{TITLE}\n{ARTICLE}"
    assert line_metadata([line]) == expected


@SETTINGS
@given(st.sampled_from(sorted(grammar().key_fields)), st.sampled_from(sorted(grammar().key_fields)),
       st.sampled_from(("", "、", "‧", "·")), st.text(alphabet=NAME_CHARS, min_size=2, max_size=3))
def test_keys_run_together_take_the_first_keys_field_or_none(first, second, joiner, name):
    """Whatever two keys a credit runs together, the field read is the first key's (or nothing), never another."""
    reading = read_line(f"{first}{joiner}{second}／{name}")
    fields = {field.field for field in reading.fields if field.kind == "key"}
    assert fields <= {grammar().key_fields[first], *grammar().also_fields.get(first, ())} | {
        grammar().key_fields[word] for word in grammar().key_fields if (first + joiner + second).startswith(word)}


@pytest.mark.parametrize("line, outlet", [
    ("來源：北嶼晚報　2026-07-02 14:20　字號：大 中 小", "北嶼晚報"),
    ("稿件来源：澄江晨刊　2026-04-27 09:18　字号：大 中 小　阅读：1,204", "澄江晨刊"),
])
def test_a_keyed_source_before_a_date_names_the_outlet_whatever_follows(line, outlet):
    """A page's widgets after a dateline (字號：大 中 小) do not hide the outlet its source key names."""
    assert extract_metadata(f"{TITLE}\n{line}\n{ARTICLE}")["outlet"] == outlet
