"""Metadata lines read by their fields: one reader for cleaning and for ingest.

A dateline, a source or reporter line, an account's header or a programme's show notes is a line of fields
(``发布时间：2026-02-03 15:20　来源：滨江晚报　本报记者 方子衿``, ``原创 山岚手记 2026年1月5日 21:47 四川``), in
whatever order a site writes them.  :func:`read_line` splits a line at its separators and types each field by its
key or its value (the vocabulary is data: ``metadata_lines`` in ``curated/metadata_rules.yaml``); the line's
:attr:`LineReading.score` sums the fields' weights, and :func:`is_metadata` accepts a line whose every field is
metadata and whose score reaches the threshold (OpusFilter's score/accept split).  Cleaning removes such a line
(:mod:`corpus.clean.metadata`); ingest reads its typed fields into the document's metadata
(:func:`line_metadata`) under the field names the later stages read (``outlet``, ``date``, ``time``, ``authors``,
``editors``, ``interviewers``, ``guests`` …).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import yaml

from corpus.lang import alternation
from corpus.patterns import expand

CURATED = Path(__file__).resolve().parent.parent / "curated"
# Field kinds that may stand for the line's own evidence of being metadata: a key, a date, an account's mark, a
# site's section (which weighs too little to make a line of fields without an outlet or a date beside it).
ANCHORS = ("key", "date", "account", "section")
# The field kinds a province may follow (WeChat prints it after the time).
PROVINCE_AFTER = ("date", "time")
REPORTED = "(?:报导|報導|报道|報道)"  # what ends a reporter's name run into where the report was filed


@dataclass(frozen=True)
class Grammar:
    """The curated vocabulary and thresholds (see ``metadata_lines`` in ``metadata_rules.yaml``)."""

    rule: str
    reason: str
    threshold: float
    read_threshold: float  # fields read (the line kept) from a line of two fields or more scoring this much
    max_untyped: int
    spaced_key: float  # what a byline key with no colon before its name (作者 阿禾, 文｜X) weighs more
    spaced_fields: frozenset[str]
    outlet_byline: re.Pattern[str]  # an outlet's name run into a reporter's title (海岸日報記者X)
    account_names: int  # bare names allowed after an account's mark
    outlet_section: re.Pattern[str]
    max_line_chars: int
    separators: re.Pattern[str]
    sentence_marks: re.Pattern[str]
    weights: dict[str, float]  # field kind → weight
    key_weights: dict[str, float]  # metadata field → weight of its keyed field, where not ``weights["key"]``
    voice_list: float  # what a host or guest field listing two names or more weighs more
    key: re.Pattern[str]  # a key word at the start of a field (the first of keys run together), and what follows it
    glued_key: re.Pattern[str]  # a key and its colon right after a closing bracket: a field with no separator
    key_fields: dict[str, str]  # key word → metadata field
    also_fields: dict[str, tuple[str, ...]]  # key word → the other fields its value may fill (发表于云南: ip_location)
    reporter_title: re.Pattern[str]  # 本刊记者, 特約記者 between a byline's key and the name
    count: re.Pattern[str]  # a view count's value
    voice_line: re.Pattern[str]  # one host or guest and a description: a line of show notes one voice a line
    voice_description_chars: int
    description_weight: float
    run_in: frozenset[str]
    values: dict[str, str]  # metadata field → kind of value
    types: tuple[tuple[str, re.Pattern[str]], ...]  # typed values, in the order they are tried
    provinces: frozenset[str]
    person: re.Pattern[str]  # one or more names (or a nickname), with a description in brackets
    described_person: re.Pattern[str]  # a voice's name and a description after a comma (魏思远，景德镇柴窑窑主)
    voice_fields: frozenset[str]
    filed_name: re.Pattern[str]  # a reporter's name run into 报道, or into where the report was filed and 报道


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = yaml.safe_load((CURATED / "metadata_rules.yaml").read_text(encoding="utf-8"))["metadata_lines"]
    keys = _keys(data)
    key_fields = {word: field for field, words in keys.items() for word in words}
    also_fields: dict[str, tuple[str, ...]] = {}
    for field, listed in data["also_keys"].items():
        for word in listed:
            also_fields[word] = (*also_fields.get(word, ()), field)
    words = alternation(key_fields)
    sections = alternation(data["sections"])
    types = tuple((kind, re.compile(expand(pattern.replace("<<SECTIONS>>", sections))))
                  for kind, pattern in data["types"].items())
    voices = data["voice_lines"]
    voice_keys = alternation(word for field in voices["voices"] for word in keys[field])
    description = f"[^（()）。！？!?；;\\n]{{2,{voices['description_chars']}}}"
    reporter_title = expand(data["reporter_title"])
    names = f"(?:<<NAMES>>|{data['nickname']})"
    voice_line = (f"(?P<key>{voice_keys})[^\\S\\n]*[:：|｜丨/／][^\\S\\n]*(?P<name><<NAME>>)[^\\S\\n]*"
                  f"(?:[（(]{description}[）)]|[，,|｜丨][^\\S\\n]*{description})")
    return Grammar(
        rule=data["rule"], reason=data["reason"].strip(), threshold=data["threshold"],
        read_threshold=data["read_threshold"],
        max_untyped=data["max_untyped"], spaced_key=data["spaced_key"], spaced_fields=frozenset(data["spaced_fields"]),
        outlet_byline=re.compile(f"(?P<outlet>{dict(types)['outlet'].pattern})(?P<byline>{reporter_title}.+)"),
        account_names=data["account_names"],
        outlet_section=re.compile(expand(data["outlet_section"])), max_line_chars=data["max_line_chars"],
        separators=re.compile(data["separators"]), sentence_marks=re.compile(data["sentence_marks"]),
        weights=data["weights"], key_weights=data["key_weights"], voice_list=data["voice_list"],
        key=re.compile(f"(?P<key>{words})(?:{data['key_joiners']}?{words})*(?P<colon>[^\\S\\n]*[:：])?(?P<rest>.*)"),
        glued_key=re.compile(f"(?<=[》）)」』])(?={words}[^\\S\\n]*[:：])"),
        key_fields=key_fields, also_fields=also_fields,
        reporter_title=re.compile(reporter_title), count=re.compile(data["count"]),
        voice_line=re.compile(expand(voice_line)), voice_description_chars=voices["description_chars"],
        description_weight=voices["description"],
        run_in=frozenset(data["run_in"]), values=data["values"], types=types,
        provinces=frozenset(data["provinces"]),
        person=re.compile(expand(f"{names}(?:[（(][^（()）\\n]{{1,30}}[）)])?")),
        described_person=re.compile(expand(f"(?P<name><<NAME>>)[^\\S\\n]*[，,][^\\S\\n]*{description}")),
        voice_fields=frozenset(voices["voices"]),
        filed_name=re.compile(expand(f"<<HAN>>{{2,10}}{REPORTED}")),
    )


def _keys(data: dict[str, Any]) -> dict[str, list[str]]:
    """The key words of each field: a view count's with each suffix (点阅数, 瀏覽人次), a voice's with each word naming
    the episode before it (本集來賓, 今集嘉賓)."""
    keys = {field: list(words) for field, words in data["keys"].items()}
    keys["views"] += [word + suffix for word in data["keys"]["views"] for suffix in data["view_suffixes"]]
    episode = tuple(data["voice_lines"]["episode_words"])
    for field in data["voice_lines"]["voices"]:
        keys[field] += [prefix + word for word in data["keys"][field] if not word.startswith(episode)
                        for prefix in episode if prefix + word not in keys[field]]
    return keys


@dataclass(frozen=True)
class Field:
    """One field of a line: its kind (``key`` or a type of :data:`Grammar.types`), the metadata field it fills
    (``None``: none), and its value as the document's metadata holds it."""

    kind: str
    text: str
    field: Optional[str] = None
    value: Any = None
    spaced: bool = False  # a key with no colon before its value (作者 阿禾, 文｜X)


@dataclass(frozen=True)
class LineReading:
    fields: tuple[Field, ...]
    rest: tuple[str, ...]  # tokens no field explains: the line is article text
    score: float
    prose: bool  # a sentence mark, or longer than a line of fields is
    anchored: bool = False  # a key, a date or an account's mark: the line's own evidence
    def describe(self) -> str:
        return " + ".join(f.kind if f.kind != "key" else f"{f.field}" for f in self.fields)


def tokens(line: str) -> list[str]:
    """The line's tokens between separators (and before a key glued to a closing bracket: 《X》主持人：Ivy), the words
    of a Latin name joined again (Ada Ho, Li Yuan, Siti Rahmah（港务工会代表）), and an outlet's name run into a
    reporter's byline cut from it (海岸日報 | 記者X)."""
    rules = grammar()
    found: list[str] = []
    parts = (part for token in rules.separators.split(line.strip()) for part in rules.glued_key.split(token))
    for token in parts:
        if not token:
            continue
        run_in = None if rules.key.fullmatch(token) else rules.outlet_byline.fullmatch(token)
        if run_in:
            found += [run_in.group("outlet"), run_in.group("byline")]
            continue
        if found and re.fullmatch(r"[A-Z][A-Za-z.'-]*(?:[（(][^（()）]*[）)])?", token) \
                and re.search(r"[A-Za-z]$", found[-1]) \
                and not found[-1].endswith((":", "：")):
            found[-1] += " " + token
        else:
            found.append(token)
    return found


def read_line(line: str) -> LineReading:
    """Split ``line`` into fields and score it; never raises."""
    rules = grammar()
    text = line.strip()
    prose = len(text) > rules.max_line_chars or bool(rules.sentence_marks.search(text))
    if prose or not text:
        return LineReading((), (text,) if text else (), 0.0, prose)
    fields: list[Field] = []
    rest: list[str] = []
    pending: Optional[str] = None  # a key standing alone, whose value is the next token
    spaced = False  # the pending key has no colon (作者 阿禾, 文｜X)
    for token in tokens(text):
        if pending is not None and rules.reporter_title.fullmatch(token):
            fields.append(Field("title", token))  # 文 | 本刊记者 NAME: the name comes next
            continue
        if pending is not None:
            field = _value_field(pending, token, spaced=spaced)
            pending = None
            if field is not None:
                fields.append(field)
                continue
            rest.append(token)
            continue
        keyed = rules.key.fullmatch(token)
        if keyed and not keyed.group("rest"):
            pending, spaced = keyed.group("key"), not keyed.group("colon")
            continue
        if keyed and keyed.group("colon") and rules.reporter_title.fullmatch(keyed.group("rest").strip()):
            fields.append(Field("title", keyed.group("rest").strip()))  # 作者：本报见习记者 NAME
            pending = keyed.group("key")
            continue
        field = _keyed(keyed) if keyed else None
        field = (field or _typed(token, fields) or _continued(fields, token) or _described(fields, token)
                 or _typed(token, fields, bare=True))
        if field is None:
            rest.append(token)
        else:
            fields.append(field)
    if pending is not None:
        rest.append(pending)
    untyped = [f for f in fields if f.kind == "name"]
    allowed = rules.account_names if any(f.kind == "account" for f in fields) else rules.max_untyped
    if len(untyped) > allowed:
        rest.extend(f.text for f in untyped)
    elif untyped:
        # the last bare name is the outlet (原创 AUTHOR ACCOUNT), unless the line names it otherwise (a section:
        # 2026年1月9日 星期五 財經 來源：X商報)
        named = any(f.field == "outlet" and f.kind != "name" for f in fields)
        fields = [Field(f.kind, f.text) if f.kind == "name" and (named or f is not untyped[-1]) else f
                  for f in fields]
    score = sum(_weight(f) for f in fields)
    return LineReading(tuple(fields), tuple(rest), score, prose, any(f.kind in ANCHORS for f in fields))


def _weight(field: Field) -> float:
    rules = grammar()
    spaced = rules.spaced_key if field.spaced and field.field in rules.spaced_fields else 0
    if field.kind == "key" and field.field in rules.key_weights:
        listed = field.field in rules.voice_fields and isinstance(field.value, list) and len(field.value) >= 2 \
            and "、" in field.text  # names listed (Kevin、阿毛), not a reply's clauses (好的，谢谢)
        return rules.key_weights[field.field] + spaced + (rules.voice_list if listed else 0)
    return rules.weights.get(field.kind, 0) + spaced


def is_outlet_name(word: str) -> bool:
    """Whether a word is an outlet's name by its last word (光华日报, 灣畔生活網: ``types.outlet``)."""
    return dict(grammar().types)["outlet"].fullmatch(word) is not None


def is_metadata(reading: LineReading) -> bool:
    """Whether a line read by :func:`read_line` is metadata: every field typed, one anchor (:data:`ANCHORS`) at
    least, no prose, score ≥ threshold."""
    return not reading.prose and reading.anchored and not reading.rest and reading.score >= grammar().threshold


def states_metadata(reading: LineReading) -> bool:
    """Whether ingest reads the line's fields: a line of metadata (:func:`is_metadata`), or one of two fields or
    more, all metadata, that scores at least the reading threshold (a host and a guest named alone)."""
    return is_metadata(reading) or (not reading.prose and reading.anchored and not reading.rest
                                    and len(reading.fields) >= 2 and reading.score >= grammar().read_threshold)


def _keyed(match: re.Match[str]) -> Optional[Field]:
    """``KEY：VALUE`` in one token, or a run-in key and its value (本报记者方子衿)."""
    key, rest = match.group("key"), match.group("rest").strip()
    if not match.group("colon") and key not in grammar().run_in:
        return None
    return _value_field(key, rest)


def _value_field(key: str, value: str, spaced: bool = False) -> Optional[Field]:
    """The field a key's value makes, if the value is of the key's kind (or of another field the key may fill:
    发表于云南 after a date is the IP location); ``spaced``: the value stood apart after a space alone."""
    rules = grammar()
    value = value.strip().lstrip(":：").strip()
    for field in (rules.key_fields[key], *rules.also_fields.get(key, ())):
        parsed = _parse_value(rules.values[field], value)
        if parsed is None and field in rules.voice_fields and (described := rules.described_person.fullmatch(value)):
            parsed = [described.group("name")]  # 本期嘉宾：魏思远，景德镇柴窑窑主
        if parsed is not None:
            return Field("key", f"{key}：{value}", field, parsed, spaced)
    return None


def _parse_value(kind: str, value: str) -> Any:
    rules = grammar()
    types = dict(rules.types)
    if kind == "date":
        match = types["date"].fullmatch(value)
        return iso_date(match) if match else None
    if kind == "duration":
        return value if types["duration"].fullmatch(value) else None
    if kind == "province":
        return value if value in rules.provinces else None
    if kind == "count":
        return value if rules.count.fullmatch(value) else None
    if kind in ("people", "unit"):
        people = _people(value)
        if people is not None:
            return people
        return [value] if kind == "unit" and types["name"].fullmatch(value) else None
    if types["programme"].fullmatch(value):
        return _typed_value("programme", value)
    return rules.outlet_section.sub("", value) if types["name"].fullmatch(value) else None


def _people(value: str) -> Optional[list[str]]:
    """The names a people field lists (its description in brackets dropped), or ``None``."""
    rules = grammar()
    if rules.person.fullmatch(value):
        bare = re.sub(r"[（(][^（()）]*[）)]$", "", value)
        return [name.strip() for name in re.split(r"[、,，]", bare) if name.strip()]
    filed = rules.filed_name.fullmatch(value)
    return [_filed_name(value)] if filed else None


def _filed_name(value: str) -> str:
    """A reporter's name run into 报道 (魏春阳报道) or into the place the report was filed from and 報導
    (林志豪臺北報導): the whole of two or three characters, else a name of three characters where two or more
    are left for the place, else of two."""
    before = value[:-2]  # the name and the place, without 報導
    if len(before) <= 3:
        return before
    return before[:3] if len(before) >= 5 else before[:2]


def _continued(fields: list[Field], token: str) -> Optional[Field]:
    """Another name after a people field's last (本报记者 邬静怡 汤博)."""
    if not fields or fields[-1].kind != "key" or grammar().values[fields[-1].field or ""] != "people":
        return None
    names = _people(token)
    if names is None:
        return None
    last = fields.pop()
    return Field("key", f"{last.text} {token}", last.field, [*last.value, *names])


def _described(fields: list[Field], token: str) -> Optional[Field]:
    """A host's or a guest's description after a separator (本集來賓：邱韻如／阿里山茶農): a short phrase that is
    no other field."""
    rules = grammar()
    if not fields or fields[-1].field not in rules.voice_fields or rules.key.fullmatch(token):
        return None
    if len(token) > rules.voice_description_chars or rules.sentence_marks.search(token):
        return None
    return Field("description", token)


def _typed(token: str, fields: list[Field], bare: bool = False) -> Optional[Field]:
    """The typed value ``token`` is; a bare name (an account, an outlet) only when ``bare``."""
    rules = grammar()
    for kind, pattern in rules.types:
        if (kind == "name") != bare or (match := pattern.fullmatch(token)) is None:
            continue
        after_time = bool(fields) and fields[-1].kind in PROVINCE_AFTER
        if kind == "name" and after_time and (token in rules.provinces or any(f.kind == "account" for f in fields)):
            # the IP location WeChat prints after the time: a province, or any place in an account's header
            return Field("province", token, "ip_location", token)
        if kind == "date":
            return Field(kind, token, "date", iso_date(match))
        return Field(kind, token, _TYPED_FIELDS.get(kind), _typed_value(kind, token))
    return None


_TYPED_FIELDS = {"time": "time", "filed_from": "filed_from", "programme": "programme", "outlet": "outlet",
                 "duration": "duration", "name": "outlet"}


def _typed_value(kind: str, token: str) -> str:
    if kind == "programme":
        return token[1:token.index("》")]
    if kind == "filed_from":
        return re.sub(f"{REPORTED}$", "", token)
    return token


def iso_date(match: re.Match[str]) -> str:
    """The ISO date a match's ``year``, ``month`` and ``day`` groups spell."""
    return f"{int(match['year']):04d}-{int(match['month']):02d}-{int(match['day']):02d}"


def voice_lines(lines: Sequence[str]) -> dict[int, Field]:
    """The lines of show notes written one voice a line (主播：Momo（前杂志编辑）, 嘉宾：X，Y公司创始人), by index, each
    with the host or guest it names: runs of lines (blank lines between allowed) that each name one voice with a
    description, whose summed score (the key's weight + the description's) reaches the threshold.  A line of
    metadata fields naming hosts or guests (主播：Kevin、阿毛) belongs to the run beside it, with its voice fields'
    weight (嘉宾：X，Y创始人 under it is the same show notes)."""
    rules = grammar()
    found: dict[int, Field] = {}
    run: dict[int, Field] = {}
    for index, line in enumerate([*lines, "-"]):
        if not line.strip():
            continue
        match = rules.voice_line.fullmatch(line.strip())
        if match:
            field = rules.key_fields[match.group("key")]
            run[index] = Field("key", match.group(), field, [match.group("name")])
            continue
        reading = read_line(line)
        voiced = [f for f in reading.fields if f.field in rules.voice_fields] if is_metadata(reading) else []
        if voiced:
            run[index] = voiced[0]
            continue
        if sum(_weight(field) + rules.description_weight for field in run.values()) >= rules.threshold:
            found.update(run)
        run = {}
    return found


LIST_FIELDS = ("authors", "correspondents", "editors", "photographers", "interviewers", "guests")


def line_metadata(lines: Iterable[str]) -> dict[str, Any]:
    """The metadata the lines of fields among ``lines`` state (:func:`states_metadata`): a single-valued field from
    the first line that states it, a list field (:data:`LIST_FIELDS`) from every such line, in order, without
    repeats."""
    found: dict[str, Any] = {}
    lines = list(lines)
    voices = voice_lines(lines)
    for index, line in enumerate(lines):
        reading = read_line(line)
        if index in voices:
            reading = LineReading((voices[index],), (), 0.0, False, True)
        elif not states_metadata(reading):
            continue
        for field in reading.fields:
            if field.field is None:
                continue
            if field.field in LIST_FIELDS:
                known = found.setdefault(field.field, [])
                known.extend(name for name in field.value if name not in known)
            else:
                found.setdefault(field.field, field.value)
    return found
