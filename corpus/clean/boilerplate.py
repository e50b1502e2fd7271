"""Page furniture, metadata lines, picture stamps and spam (data in ``curated/cleaning/boilerplate.yaml``
and ``spam.yaml``), and notices recognised by evidence (:mod:`corpus.clean.notices`).

Whole-line rules remove the line's text and leave its line break; the
layout pass removes the blank line that is left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.clean.comments import COMMENT_SECTIONS
from corpus.clean.metadata import find_voice_lines
from corpus.ingest.metadata_lines import is_outlet_name
from corpus.clean.notices import NOTICES
from corpus import lang
from corpus.lang import alternation
from corpus.clean.rules import Rule, RuleSet, lines_with_offsets, load_yaml, regex_rules, removal, resolve
from corpus.model import Edit
from corpus.patterns import expand

_DATA = load_yaml("boilerplate.yaml")


LINE_RULES = RuleSet(regex_rules(_DATA["lines"], _DATA.get("definitions")), whole_lines=True)
INLINE_RULES = RuleSet(regex_rules(_DATA["inline"], _DATA.get("definitions")))


@dataclass(frozen=True)
class TailBlock:
    """A heading line and the list of short lines after it."""

    rule: str
    reason: str
    heading: re.Pattern[str]
    max_line_length: int

    def find(self, text: str) -> list[Edit]:
        edits = []
        searched_to = 0
        for match in self.heading.finditer(text):
            if match.start() < searched_to:
                continue
            end = match.end()
            following = lines_with_offsets(text, end + 1) if end < len(text) else ()
            for offset, line in following:
                if len(line) > self.max_line_length and not line.rstrip().endswith(">"):
                    break
                if line.strip():
                    end = offset + len(line)
            edits.append(Edit(match.start(), end, text[match.start():end], "", self.rule, self.reason))
            searched_to = end
        return edits


TAIL_RULES = tuple(
    TailBlock(
        rule=entry["rule"],
        reason=entry["reason"].strip(),
        heading=re.compile(f"^[ \u3000]*(?:{entry['heading']})[ \u3000]*[:：]?[ \u3000]*$", re.MULTILINE),
        max_line_length=entry["max_line_length"],
    )
    for entry in _DATA["tails"]
)


@dataclass(frozen=True)
class RelatedList:
    """A short heading and title-like items: a list of other articles, by its shape (see ``related_lists`` in
    ``boilerplate.yaml``); scored by its heading's words, its place and its items."""

    rule: str
    reason: str
    shapes: tuple[re.Pattern[str], ...]  # bulleted items; items apart by bullets or bars on the heading's line; lines
    # of titles
    worded: frozenset[int]  # the shapes whose heading must hold one of ``words`` (no bullets say it is a list)
    title_lines: int  # the shape of titles one a line without bullets: never the document's opening, where the
    # article's own title stands under a masthead or breadcrumb (東港新聞網　地方　屏東 / TITLE / 本報訊)
    separators: re.Pattern[str]  # what stands between items: a bullet, a bar, a line break
    words: re.Pattern[str]
    title_chars: int
    threshold: int
    headless: int  # the shape of lines opening with a link bullet (▶, ►) and no heading, anywhere in the article

    def score(self, heading: str, items: str, at_end: bool, linked: bool = False) -> int:
        """Distinct heading words, + 1 at the document's end, + 1 for items as long as titles, + 1 for link bullets."""
        titles = [item.strip() for item in self.separators.split(items) if item.strip()]
        title_like = sum(map(len, titles)) >= self.title_chars * len(titles)
        return len(set(self.words.findall(heading))) + at_end + title_like + linked

    def accept(self, score: int, heading: str, worded: bool) -> bool:
        """True when the list is article text, False when it lists other articles.  Items without bullets (主要有三点：
        降本｜增效) are a list of other articles only under a heading that holds one of ``words``."""
        return score < self.threshold or worded and self.words.search(heading) is None

    def find(self, text: str) -> list[Edit]:
        edits = []
        for number, shape in enumerate(self.shapes):
            for match in shape.finditer(text):
                if number == self.title_lines and not text[:match.start()].strip():
                    continue
                heading = match.group("heading")
                score = self.score(heading, match.group("items"), not text[match.end():].strip(),
                                   number == self.headless)
                if not self.accept(score, heading, number in self.worded):
                    edits.append(removal(match.start(), match.group(), self.rule, self.reason, score, self.threshold))
        return edits


def _related_list_rule() -> RelatedList:
    data = _DATA["related_lists"]
    bullets, bars, space = re.escape(data["bullets"]), re.escape(data["bars"]), "[ \t\u3000]"
    opening, closing = re.escape(data["heading_brackets"][0]), re.escape(data["heading_brackets"][1])
    words = f"[^\n{bullets}{bars}{opening}{closing}。！？!?，,：:]{{2,{data['heading_chars']}}}"
    bracketed = f"[{opening}]{words}[{closing}]"
    heading = f"(?:{bracketed}|{words})(?:{space}*[{bars}：:]|(?={space}*\n))"
    text = f"[^\n{bullets}{bars}。；;]{{2,{data['item_chars']}}}"
    item = f"[{bullets}]{space}*{text}"
    bulleted = f"^(?P<heading>{heading}){space}*\n?{space}*(?P<items>{item}(?:{space}*\n?{space}*{item})+){space}*$"
    # 【延伸閱讀】．A？．B, 相关阅读｜A｜B, 【相關報道】A｜B: items apart by bullets or bars on the heading's line
    inline = (f"^(?P<heading>{bracketed}|{words}{space}*[{bars}]){space}*[{bars}：:]?{space}*"
              f"(?P<items>[{bullets}]?{space}*{text}(?:{space}*[{bullets}{bars}]{space}*{text})+){space}*$")
    # 相关报道： above titles without bullets, one a line
    title_line = f"{space}*{text}{space}*(?:\n|$)"
    lines = f"^(?P<heading>{bracketed}|{words}){space}*[：:]?{space}*\n(?P<items>(?:{title_line}){{2,}})"
    # ▶A ▶B one a line and no heading, mid-article too: link bullets before titles (no clause mark: an article's own
    # points run on with commas and colons)
    links = re.escape(data["link_bullets"])
    title = f"[^\n{bullets}{bars}。；;，,：:！!]{{2,{data['item_chars']}}}"
    headless = f"^(?P<heading>)(?P<items>(?:{space}*[{links}]{space}*{title}{space}*(?:\n|$)){{2,}})"
    shapes = tuple(re.compile(shape, re.MULTILINE) for shape in (bulleted, inline, lines, headless))
    worded = frozenset({1, 2})  # inline and lines: no bullets
    return RelatedList(data["rule"], data["reason"].strip(), shapes, worded, 2, re.compile(f"[{bullets}{bars}\n]"),
                       re.compile(alternation(data["words"])), data["title_chars"], data["threshold"], 3)


RELATED_LISTS = _related_list_rule()


@dataclass(frozen=True)
class SpamLines:
    """Lines scored by the number of spam keywords in them (see ``spam.yaml``)."""

    rule: str
    reason: str
    keywords: re.Pattern[str]
    min_hits: int

    def score(self, line: str) -> int:
        return sum(1 for _ in self.keywords.finditer(line))

    def accept(self, line: str) -> bool:
        """True when the line is article text, False when it is spam."""
        return self.score(line) < self.min_hits or "。" in line

    def find(self, text: str) -> list[Edit]:
        if not self.keywords.search(text):
            return []
        return [
            Edit(offset, offset + len(line), line, "", self.rule, f"{self.reason} ({self.score(line)} keywords)")
            for offset, line in lines_with_offsets(text)
            if line and not self.accept(line)
        ]


def _spam_rule() -> SpamLines:
    data = load_yaml("spam.yaml")
    keywords = "|".join(re.escape(word) for word in sorted(data["keywords"], key=len, reverse=True))
    return SpamLines(data["rule"], data["reason"].strip(), re.compile(keywords, re.IGNORECASE), data["min_hits"])


SPAM = _spam_rule()


@dataclass(frozen=True)
class CaptionStamps:
    """A year and a name alone on a line, once in the document (see ``caption_stamps`` in ``boilerplate.yaml``)."""

    rule: str
    reason: str
    pattern: re.Pattern[str]

    def find(self, text: str) -> list[Edit]:
        stamps = list(self.pattern.finditer(text))
        if len(stamps) != 1 or not _is_name(stamps[0].group("name"), text):
            return []
        stamp = stamps[0]
        return [Edit(stamp.start(), stamp.end(), stamp.group(), "", self.rule, self.reason)]


def _is_name(word: str, text: str) -> bool:
    """Whether CC-CEDICT reads ``word`` only as a proper noun, or does not know it and ``text`` names it elsewhere
    too (a caption names what the article names).  The dictionary is read on first use."""
    from corpus.lang import cedict

    return cedict.is_only_proper_noun(word) or (word not in cedict.entries() and text.count(word) > 1)


def _caption_stamp_rule() -> CaptionStamps:
    data = _DATA["caption_stamps"]
    return CaptionStamps(data["rule"], data["reason"].strip(), re.compile(expand(data["pattern"]), re.MULTILINE))


CAPTION_STAMPS = _caption_stamp_rule()


@dataclass(frozen=True)
class Captions:
    """A photo's caption alone between paragraphs, by its shape, its place and what the article names (see
    ``captions`` in ``boilerplate.yaml``)."""

    rule: str
    reason: str
    punctuation: re.Pattern[str]
    phrase: re.Pattern[str]  # scene 的 head
    places: frozenset[str]
    pronouns: re.Pattern[str]
    min_chars: int
    max_chars: int
    threshold: int
    labelled: re.Pattern[str]  # a picture word and a colon (or a picture mark), and what the picture shows
    clauses: re.Pattern[str]
    credit_tail: re.Pattern[str]  # a photographer's credit after what is shown (。記者X影, 受訪者提供)

    def candidates(self, text: str) -> list[tuple[int, str]]:
        """The lines of a caption's shape: short, unpunctuated, between a sentence's end and more text."""
        lines = [(offset, line) for offset, line in lines_with_offsets(text) if line.strip()]
        return [(offset, line) for index, (offset, line) in enumerate(lines)
                if 0 < index < len(lines) - 1 and self.min_chars <= len(line.strip()) <= self.max_chars
                and not self.punctuation.search(line.strip())
                and lines[index - 1][1].rstrip()[-1:] in lang.SENTENCE_END]

    def score(self, line: str, lone: bool, elsewhere: str) -> tuple[int, tuple[str, ...]]:
        phrase = self.phrase.fullmatch(line.strip())
        if phrase is None or self.pronouns.search(line):
            return 0, ()
        evidence = ("noun phrase",) + (("place before 的",) if phrase.group("scene")[-1] in self.places else ()) \
            + (("alone",) if lone else ()) \
            + (("named in the article",) if phrase.group("head")[-2:] in elsewhere else ())
        return len(evidence), evidence

    def accept(self, score: int) -> bool:
        """True when the line is article text, False when it is a photo's caption."""
        return score < self.threshold

    def score_labelled(self, line: str, between: bool) -> tuple[int, tuple[str, ...]]:
        """A caption led by a picture word and a colon or a picture mark, bracketed whole or not: the label, a phrase
        without a clause once a photographer's credit after it is set apart, the credit, its place."""
        text = line.strip()
        if text[:1] in "（(" and text[-1:] in "）)":
            text = text[1:-1].strip()
        match = self.labelled.fullmatch(text)
        if match is None:
            return 0, ()
        credit = self.credit_tail.search(match.group("shown"))
        shown = match.group("shown")[:credit.start()] if credit else match.group("shown")
        # a phrase, or phrases a comma joins that never end as a sentence (相：X喺門口削緊竹篾，枱面擺住…, round 12)
        phrase = "a phrase" if not self.clauses.search(shown.rstrip(lang.SENTENCE_END)) else \
            "unended phrases" if not any(mark in shown for mark in lang.SENTENCE_END) else None
        evidence = (("picture label",) + ((phrase,) if phrase else ()) + (("a credit",) if credit else ())
                    + (("between paragraphs",) if between else ()))
        return len(evidence), evidence

    def find(self, text: str) -> list[Edit]:
        found = self.candidates(text)
        edits = []
        for offset, line in found:
            score, evidence = self.score(line, len(found) == 1, text[:offset] + text[offset + len(line):])
            if not self.accept(score):
                edits.append(removal(offset, line, self.rule, self.reason, score, self.threshold, evidence))
        lines = [(offset, line) for offset, line in lines_with_offsets(text) if line.strip()]
        for index, (offset, line) in enumerate(lines):
            score, evidence = self.score_labelled(line, 0 < index < len(lines) - 1)
            if score and not self.accept(score):
                edits.append(removal(offset, line, self.rule, self.reason, score, self.threshold, evidence))
        return edits


def _caption_rule() -> Captions:
    data = _DATA["captions"]
    phrase = f"(?P<scene>.{{{data['min_scene_chars']},}})的(?P<head>[^的]{{2,{data['max_head_chars']}}})"
    colon = "[^\\S\\n]*[:：︰][^\\S\\n]*"
    label = f"(?:{alternation(data['picture_labels'])}{colon}|[{re.escape(data['picture_marks'])}][^\\S\\n]*)"
    labelled = f"{label}(?P<shown>.{{2,{data['labelled_max_chars']}}})"
    after = f"(?:[{re.escape(lang.SENTENCE_END)}][^\\S\\n]*|[^\\S\\n]+)?"  # a sentence's end or a space
    credited = f"{after}[（(]?[^，,。（）()]{{1,{data['credit_chars']}}}(?:{alternation(data['credit_marks'])})[）)]?$"
    return Captions(data["rule"], data["reason"].strip(), re.compile(data["punctuation"]), re.compile(phrase),
                    frozenset(data["places"]), re.compile(alternation(data["pronouns"])), data["min_chars"],
                    data["max_chars"], data["threshold"], re.compile(labelled), re.compile(data["clauses"]),
                    re.compile(credited))


CAPTIONS = _caption_rule()


@dataclass(frozen=True)
class Breadcrumbs:
    """A page's breadcrumb trail (首页 > 地方 > 柔佛), by its home item, its label and its items (see ``breadcrumbs`` in
    ``boilerplate.yaml``)."""

    rule: str
    reason: str
    line: re.Pattern[str]  # a whole line of items apart by arrows, maybe after a label and a colon
    arrows: re.Pattern[str]
    home: frozenset[str]
    anchor_weight: int  # what a home item or a label weighs
    threshold: int

    def anchors(self, match: re.Match[str]) -> int:
        """How many of a home first item and a label the trail has.  The site's own name first (an outlet by its last
        word: 灣畔生活網 › 社區 › 手作人, metadata_rules.yaml's ``types.outlet``) anchors it as its home page does."""
        first = self.arrows.split(match.group("items"))[0].strip()
        return (first in self.home or is_outlet_name(first)) + bool(match.group("label"))

    def score(self, match: re.Match[str]) -> int:
        return self.anchor_weight * self.anchors(match) + len(self.arrows.split(match.group("items"))) - 1

    def accept(self, match: re.Match[str], score: int) -> bool:
        """True when the line is article text, False when it is a breadcrumb trail: one with a home item or a label
        (北京/上海/广州/深圳 alone is a list of cities) scoring at least the threshold."""
        return score < self.threshold or not self.anchors(match)

    def find(self, text: str) -> list[Edit]:
        return [removal(match.start(), match.group(), self.rule, self.reason, score, self.threshold)
                for match in self.line.finditer(text) if not self.accept(match, score := self.score(match))]


def _breadcrumb_rule() -> Breadcrumbs:
    data = _DATA["breadcrumbs"]
    arrows, space = re.escape(data["arrows"]), "[^\\S\\n]"
    item = f"[^\\s{arrows}。，,！？!?：:；;]{{1,{data['item_chars']}}}"
    line = (f"^{space}*(?:(?P<label>{alternation(data['labels'])}){space}*[:：]{space}*)?(?:{item}{space}+(?=\\S))?"
            f"(?P<items>{item}(?:{space}*[{arrows}]{space}*{item})+){space}*$")  # the site's name may stand first
    return Breadcrumbs(data["rule"], data["reason"].strip(), re.compile(line, re.MULTILINE),
                       re.compile(f"{space}*[{arrows}]{space}*"), frozenset(data["home"]), data["anchor_weight"],
                       data["threshold"])


BREADCRUMBS = _breadcrumb_rule()


@dataclass(frozen=True)
class ChapterLists:
    """A programme's chapter list: timestamped titles one a line under a short heading, or apart by bars after a
    label (see ``chapter_lists`` in ``boilerplate.yaml``)."""

    rule: str
    reason: str
    stamp: re.Pattern[str]
    item: re.Pattern[str]  # a line of one timestamp and a short title
    inline: re.Pattern[str]  # a line of such items apart by bars, maybe after a label and a colon
    bars: re.Pattern[str]  # what stands between the items of such a line
    heading_chars: int
    threshold: int

    def score(self, items: list[str], headed: bool) -> int:
        seconds = [_seconds(stamp.group()) for item in items if (stamp := self.stamp.search(item))]
        return len(items) + (seconds == sorted(seconds)) + headed

    def accept(self, items: list[str], score: int) -> bool:
        """True when the lines are article text (a schedule of two times), False when they are a chapter list."""
        return len(items) < 2 or score < self.threshold

    def find(self, text: str) -> list[Edit]:
        edits = []
        lines = list(lines_with_offsets(text))
        index = 0
        while index < len(lines):
            run = index
            while run < len(lines) and self.item.fullmatch(lines[run][1]):
                run += 1
            if run == index:
                edits += self._inline(*lines[index])
                index += 1
                continue
            first = index
            heading = re.sub("[:：]$", "", lines[index - 1][1].strip()) if index else ""  # 本期你会听到：
            headed = 0 < len(heading) <= self.heading_chars and heading.isalnum() and not self.stamp.search(heading)
            first -= headed
            items = [line for _, line in lines[index:run]]
            if not self.accept(items, score := self.score(items, headed)):
                start, end = lines[first][0], lines[run - 1][0] + len(lines[run - 1][1])
                edits.append(removal(start, text[start:end], self.rule, self.reason, score, self.threshold))
            index = run
        return edits

    def _inline(self, offset: int, line: str) -> list[Edit]:
        match = self.inline.fullmatch(line)
        if match is None:
            return []
        items = [item for item in self.bars.split(match.group("items")) if item.strip()]
        score = self.score(items, bool(match.group("label")))
        if self.accept(items, score):
            return []
        return [removal(offset, line, self.rule, self.reason, score, self.threshold)]


def _seconds(stamp: str) -> int:
    seconds = 0
    for part in re.findall(r"\d+", stamp):
        seconds = seconds * 60 + int(part)
    return seconds


def _chapter_rule() -> ChapterLists:
    data = _DATA["chapter_lists"]
    space, bars = "[^\\S\\n]", re.escape(data["bars"])
    title = f"[^\\n{bars}。！？!?；;]{{1,{data['item_chars']}}}"
    item = f"{space}*(?:[{re.escape(data['bullets'])}]{space}*)?{data['stamp']}{space}*[-—–:：]?{space}*{title}"
    label = f"[^\\s{bars}:：。，,]{{1,{data['heading_chars']}}}"
    inline = f"{space}*(?:(?P<label>{label}){space}*[:：])?(?P<items>{item}(?:{space}*[{bars}]{item})+){space}*"
    return ChapterLists(data["rule"], data["reason"].strip(), re.compile(data["stamp"]), re.compile(item),
                        re.compile(inline), re.compile(f"[{bars}]"), data["heading_chars"], data["threshold"])


CHAPTER_LISTS = _chapter_rule()


@dataclass(frozen=True)
class VoiceLines:
    """Show notes one voice a line, read by ingest's field reader (:func:`corpus.clean.metadata.find_voice_lines`)."""

    def find(self, text: str) -> list[Edit]:
        return find_voice_lines(text)


RULES: tuple[Rule, ...] = (*TAIL_RULES, RELATED_LISTS, SPAM, CAPTION_STAMPS, CAPTIONS, BREADCRUMBS, CHAPTER_LISTS,
                           VoiceLines(), COMMENT_SECTIONS,
                           LINE_RULES, INLINE_RULES, NOTICES)


def find_boilerplate(text: str) -> list[Edit]:
    return resolve(edit for rule in RULES for edit in rule.find(text))
