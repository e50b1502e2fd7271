"""Document structure from cleaned text: title, headings, paragraphs and speaker turns.

Cleaned text has one paragraph per line, except where a capture hard-wrapped its paragraphs at one width and
cleaning could not tell the breaks from the characters around them: lines as wide as the document's wrap width go on
in the next line unless it opens a turn with its label (:mod:`corpus.structure.wrap_width`).  Interview turns are
found from the document itself: a label before a colon (``极客公园:``, ``「暗涌」:``,
``《深网》：``) that opens at least ``MIN_TURNS`` lines is a speaker label.  So
is a label that *alternates* with another one (``记者:…?`` ``王小川:…。``
``记者:…?`` ``王小川:…。``): two labels next to each other at least
``MIN_ALTERNATIONS`` times, one of them asking a question, are an exchange, even
with two occurrences each (:func:`speaker_labels` lists the guards against
narrative lines such as ``他说:“…”``, ``原因很简单:``, ``时间:2023年``).  A turn
may also begin mid-line after a sentence end (``…有什么想法?张宏江:我…``), for
every label accepted as a speaker anywhere in the document.  Two kinds of line are never
turns: the first line when it is the headline (no title in the metadata, no sentence end),
even one that reads like a turn (``柯明哲:AI晶片的下一步在邊緣``), and a picture caption or
note (``图:…``, ``注:…``; ``layout.caption_labels`` in ``curated/lang/zh.yaml``), which also
ends the turn above it.
Paragraphs that follow a turn without a label continue that speaker's turn
until the next heading; after the document's last labelled turn, only while they read as speech: they end a
sentence, do not narrate the interview (``interviews.narration_words``: ``采访结束时…``) nor name a participant by
a role label (``本節目內容只代表嘉賓個人意見``), and hold less than
``SPEECH_MAX_EVIDENCE`` of a notice's evidence (:mod:`corpus.clean.notices`), so that a title of a list of
other articles, a closing narration or a sponsor line that cleaning left is no one's turn.  A heading whose end
was lost to mojibake (``如何讓創新真正發生??????`` in seed 002) is still a heading: the run of lost
characters is not a sentence end.  Sentences are the next stage's
(:mod:`corpus.segment`).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from corpus import lang
from corpus.clean.notices import NOTICES
from corpus.clean.wraps import joiner
from corpus.lang import (CAPTION_LABELS, LABEL_DECORATION_CLASS, LIST_ITEM, LOST_CHARACTERS, MAX_HEADING_CHARS,
                         MAX_HEADING_LINES, NARRATION_WORDS, SPEECH_VERBS, alternation)
from corpus.model import Document, Paragraph
from corpus.stage import Stage
from corpus.structure.wrap_width import reaches, wrap_width

MIN_TURNS = 3
MIN_ALTERNATIONS = 3  # A, B, A, B: two labels next to each other three times
# What a speaker label may be made of: a word, or two apart by one space (记者 何欣然, 厂长 李明远, Kevin Lin), or a
# Latin name of two or three capitalised words however long (Hannah Whitcombe: a Latin word is no Han word's length).
LATIN_NAME_LABEL = r"[A-Z][A-Za-z'.-]{1,19}(?: [A-Z][A-Za-z'.-]{1,19}){1,2}"
LABEL_WORD = r"[^\s:：,，。！？!?、；;“”\"]{1,8}"
LABEL_TEXT = rf"(?:{LATIN_NAME_LABEL}|{LABEL_WORD}(?:[ \u3000]{LABEL_WORD})?)"
# What a page draws around a label (a dash rule glued above it, a bar, a square, a bullet: ——————阿槐：, ▍阿槐：,
# ■ 记者：) is no part of it: the language layer's character class, on either side.
DECORATION = f"[{LABEL_DECORATION_CLASS}]"
DECORATED = rf"(?:{DECORATION}|\s)*"
LABEL = re.compile(rf"^{DECORATED}(?P<label>(?!{DECORATION}){LABEL_TEXT}(?<!{DECORATION})){DECORATED}[:：]\s*")
SENTENCE_END = lang.SENTENCE_END + lang.ELLIPSIS  # the language layer's: 。！？!?；;…
TURN_BREAK = rf"(?<=[{SENTENCE_END}”」』）)])"  # where a turn may begin mid-line: after a sentence end
# A label that starts a turn mid-line (…有什么想法?张宏江:我…).
MIDLINE_LABEL = re.compile(rf"{TURN_BREAK}(?P<label>{LABEL_TEXT})[:：]\s*")
# Narrative, not a speaker: a pronoun or demonstrative subject (他说, 我认为, 这一点), or a
# speech verb after someone's name (张三表示); a bare 问/答 is the interview's own label.
NARRATIVE_LABEL = re.compile(
    "^(?:[他她它我你您咱这這那])|.(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")$")
# A first line labelled 记者/问/主持人 … opens an interview; it is not a headline.
ROLE_LABEL_WORDS = frozenset(label for labels in lang.ROLE_LABELS.values() for label in labels)
HEADLINE_ENDS = "?？!！"  # how a headline may end besides without punctuation (…吗?)
# A picture caption or a note (图:…, 注:…): never a turn, and it ends the turn above it.
CAPTION = re.compile(rf"^(?:{alternation(CAPTION_LABELS)})\s*[:：]")
QUOTE_OPENERS = "“「『\"‘'"
NUMBERED_HEADING = re.compile(r"^\d{1,2}$")  # "01" above a quoted heading (seed 000)
NUMBERED_TITLE = re.compile(r"^\d{1,2}\s*[.、．]\s*\S")  # "01.為什么…" (seed 003)
LOST_TAIL = re.compile(rf"(?:{LOST_CHARACTERS})+$")  # "??????" where the end of a line was lost
CLAUSE_END = re.compile(f"[{re.escape(SENTENCE_END)}，,]")  # where a clause of a line ends
PROSE_MARK = re.compile(f"[{re.escape(SENTENCE_END)}，,、]")  # a clause or a sentence ended inside a line: prose
CLOSING_TAIL = re.compile(r"[”」』’）)\"'》]+$")  # a quotation that ends "。”" still ends a sentence
# A line that narrates the interview, or names its participants by their role in the third person (嘉賓, 主持人,
# 受访者: a closing disclaimer about the guest), is no one's speech.
NARRATION = re.compile(alternation((*NARRATION_WORDS, *(word for word in ROLE_LABEL_WORDS if len(word) > 1))))
SPEECH_MAX_EVIDENCE = 2  # a notice's evidence (one word: 合作, 关注) that speech may hold by chance


def speaker_labels(lines: list[str]) -> set[str]:
    """The labels of the speaker turns in a document's lines.

    A label opening at least ``MIN_TURNS`` lines is one.  A rarer label is one when it
    takes turns with another label (see :func:`_alternating_labels`): its occurrences,
    at the start of a line or mid-line after a sentence end, are *exchange turns* only
    when they read like a turn, not like narrative or a field:

    * the label does not begin with a pronoun or demonstrative (``他说``, ``我认为``,
      ``这一点``) and does not end with a speech verb after a name (``张三表示``);
      a bare ``问``/``答`` is a label;
    * what follows the colon is not a quotation (``李四说:“…”``) and is prose that
      ends a sentence (not ``2023年``, ``北京``); a label alone on its line needs a
      prose line after it that is not a list item (``主要有三点:`` + ``1. …``).

    A label that opens a line only once or twice is one too when that line asks a question and stands right
    before or after a turn of a label accepted so (:func:`_joining_labels`): a podcast's second or third host asks
    once (``阿毛:…?`` between two answers of the guest); a one-off line that tells (``结论：…。``) stays narrative.
    """
    lines = [line for line in lines if not CAPTION.match(line)]
    counts = Counter(m.group("label") for line in lines if (m := LABEL.match(line)))
    frequent = {label for label, count in counts.items() if count >= MIN_TURNS}
    accepted = frequent | _alternating_labels(lines, set(counts))
    return accepted | _joining_labels(lines, accepted)


def _joining_labels(lines: list[str], accepted: set[str]) -> set[str]:
    """Labels of lines that read like a turn and ask, next to a line opened by an accepted label (one exchange of
    turns: a voice that asks once in it is a voice of it)."""
    opened = [(m.group("label"), line[m.end():].strip()) if (m := LABEL.match(line)) else (None, "")
              for line in lines]
    joining = set()
    for index, (label, text) in enumerate(opened):
        neighbours = [opened[i][0] for i in (index - 1, index + 1) if 0 <= i < len(opened)]
        if label is not None and label not in accepted and _reads_like_a_turn(label, text) and _is_question(text) \
                and accepted.intersection(neighbours):
            joining.add(label)
    return joining


def _exchange_turns(lines: list[str], line_labels: set[str]) -> list[tuple[str, str]]:
    """(label, text) of every occurrence of a line-opening label that reads like a turn, in order."""
    found: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        starts = [(m.start("label"), m.group("label"), m.end()) for m in MIDLINE_LABEL.finditer(line)
                  if m.group("label") in line_labels]
        if (m := LABEL.match(line)) is not None:
            starts.insert(0, (0, m.group("label"), m.end()))
        for position, (_, label, text_start) in enumerate(starts):
            text_end = starts[position + 1][0] if position + 1 < len(starts) else len(line)
            text = line[text_start:text_end].strip()
            if not text and number + 1 < len(lines) and not LABEL.match(lines[number + 1]):
                if LIST_ITEM.match(lines[number + 1]):
                    continue  # a list lead-in (主要有三点:), not a speaker
                text = lines[number + 1]
            if _reads_like_a_turn(label, text):
                found.append((label, text))
    return found


def _reads_like_a_turn(label: str, text: str) -> bool:
    if NARRATIVE_LABEL.search(label) or not text or text[0] in QUOTE_OPENERS:
        return False
    last = _last_character(text)
    return bool(last) and last in SENTENCE_END


def _last_character(text: str) -> str:
    """The character that ends ``text`` before any closing quotes or brackets ("" if none)."""
    end = CLOSING_TAIL.sub("", text)
    return end[-1] if end else ""


def _alternating_labels(lines: list[str], line_labels: set[str]) -> set[str]:
    """Labels that take turns with another label at least ``MIN_ALTERNATIONS`` times, around a question."""
    turns = _exchange_turns(lines, line_labels)
    twice = {label for label, count in Counter(label for label, _ in turns).items() if count >= 2}
    turns = [turn for turn in turns if turn[0] in twice]  # a one-off label cannot take turns, nor break them
    pairs = Counter(frozenset((a, b)) for (a, _), (b, _) in zip(turns, turns[1:]) if a != b)
    accepted: set[str] = set()
    for pair, count in pairs.items():
        if count >= MIN_ALTERNATIONS and any(label in pair and _is_question(text) for label, text in turns):
            accepted |= pair
    return accepted


def _is_question(text: str) -> bool:
    return _last_character(text) in ("?", "？")


def _split_midline_turns(line: str, labels: set[str]) -> list[str]:
    if not labels:
        return [line]
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"{TURN_BREAK}(?=(?:{alternatives})[:：])")
    return [piece for piece in pattern.split(line) if piece]


def _reads_as_speech(line: str) -> bool:
    """Whether a line after the last labelled turn may go on with it: it ends a sentence, does not narrate the
    interview and is no notice, nor holds one in a clause of its own (``本期节目录制于沙湾古镇，后期制作：阿澈。``: a
    credit after a comma scores as a credit on its own, not diluted by the clause before it)."""
    return (_last_character(line) in SENTENCE_END and NARRATION.search(line) is None
            and all(NOTICES.score(part).score < SPEECH_MAX_EVIDENCE for part in (line, *CLAUSE_END.split(line))))


def _is_heading(line: str) -> bool:
    if NUMBERED_TITLE.match(line) and len(line) <= MAX_HEADING_CHARS + 5:
        return True
    line = LOST_TAIL.sub("", line)  # lost characters say nothing about how the line ended
    if not 0 < len(line) <= MAX_HEADING_CHARS:
        return False
    last = _last_character(line)
    return bool(last) and last not in SENTENCE_END + ",，:：、"


def _join_numbered_headings(lines: list[str]) -> tuple[list[str], set[int]]:
    """Join a bare section number with the heading lines under it.

    ``01`` + ``「我们受到的`` + ``所有挑战是自信心的挑战」`` and ``06`` +
    ``我赶上了每一个`` + ``中国转折的最佳时间点`` each become one heading;
    returns the lines and the indices of those headings.
    """
    joined: list[str] = []
    headings: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if NUMBERED_HEADING.match(line) and i < len(lines):
            parts = [line + " "]
            quoted = lines[i][:1] in "「“『"
            while i < len(lines) and len(parts) <= MAX_HEADING_LINES:
                candidate = lines[i]
                if not quoted and (len(candidate) > MAX_HEADING_CHARS or candidate[-1] in SENTENCE_END):
                    break
                parts.append(candidate)
                i += 1
                if quoted and candidate[-1:] in "」”』":
                    break
            headings.add(len(joined))
            line = "".join(parts).strip()
        joined.append(line)
    return joined, headings


def _opens_with_title(lines: list[str], doc: Document) -> bool:
    """Whether the first line is the headline: the metadata names no title and it ends no sentence.

    It is the title even when it reads like a turn (``韩立诚:我们不做最便宜的无人机``).  A line that
    ends with a question or an exclamation is the headline too when no turn follows it
    (``黄明远:AI会取代程序员吗?`` or ``何時才能買得起電動機車?`` above the lead; ``记者:…?``
    then ``王小川:…`` is an exchange).
    """
    if not lines or doc.metadata.get("title_zh") or NUMBERED_HEADING.match(lines[0]):
        return False
    label = LABEL.match(lines[0])
    if label is not None and (label.end() == len(lines[0]) or label.group("label") in ROLE_LABEL_WORDS):
        return False  # 记者: / 问:… / a label alone on its line opens the interview
    if lines[0][-1] not in SENTENCE_END:
        return True
    return _last_character(lines[0]) in HEADLINE_ENDS and (len(lines) < 2 or LABEL.match(lines[1]) is None)


def _join_wrapped(lines: list[str], titled: bool) -> list[str]:
    """The lines with those a hard wrap broke joined: a line goes on in the next unless the next opens a turn with a
    speaker label, a caption, a list item or a numbered heading (a new turn carries its label; a line without one
    continues the open turn), when it reaches the document's wrap width (:mod:`corpus.structure.wrap_width`) or, in an
    interview, breaks prose mid-word (:func:`_breaks_prose`: a wrap at no fixed width).  The headline stands alone."""
    wrap = wrap_width(lines)
    labels = speaker_labels(lines[titled:])
    interview = any(_opens_turn(line, labels) for line in lines[titled:])
    joined: list[str] = []
    for number, line in enumerate(lines):
        previous = lines[number - 1] if number else ""
        # the prose so far, not the previous line alone: a line that continues a turn is that turn's prose
        broken = (wrap is not None and reaches(previous, wrap)) or (interview and bool(joined)
                                                                   and _breaks_prose(joined[-1], labels))
        opens = _opens_turn(line, labels) or CAPTION.match(line) or LIST_ITEM.match(line) \
            or NUMBERED_HEADING.match(line)
        if number > int(titled) and broken and not opens:
            joined[-1] += joiner(joined[-1], line) + line
        else:
            joined.append(line)
    return joined


def _opens_turn(line: str, labels: set[str]) -> bool:
    label = LABEL.match(line)
    return label is not None and label.group("label") in labels


def _breaks_prose(line: str, labels: set[str]) -> bool:
    """Whether a line is prose cut off mid-word: it ends on a letter or a digit (no sentence or clause ends there) and
    is a turn's text (it opens with a speaker label) or holds a clause or a sentence before (a heading holds none); a
    caption is no one's prose."""
    if not line or unicodedata.category(line[-1])[0] not in "LN" or CAPTION.match(line):
        return False
    return _opens_turn(line, labels) or PROSE_MARK.search(line) is not None


def parse(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` from ``doc.cleaned``; their sentences are the next stage's
    (:func:`corpus.segment.segment`)."""
    lines = [line for line in doc.cleaned.split("\n") if line.strip()]
    titled = _opens_with_title(lines, doc)
    lines = _join_wrapped(lines, titled)
    labels = speaker_labels(lines[titled:])  # a headline 人名:引语 is not a turn, nor counts as one
    lines, numbered = _join_numbered_headings(lines)
    paragraphs: list[Paragraph] = []
    current_speaker: str | None = None
    pending_label: str | None = None
    pieces = [(number, piece) for number, line in enumerate(lines)
              for piece in (_split_midline_turns(line, labels) if number or not titled else [line])]
    last_label = max((index for index, (number, line) in enumerate(pieces) if (number or not titled)
                      and (match := LABEL.match(line)) is not None and match.group("label") in labels), default=-1)
    for index, (number, line) in enumerate(pieces):
        if index > last_label and pending_label is None and not _reads_as_speech(line):
            current_speaker = None  # after the last labelled turn, only speech continues it
        match = LABEL.match(line)
        if number == 0 and titled:
            paragraphs.append(Paragraph(len(paragraphs), "title", line))
        elif number in numbered:
            current_speaker = None
            paragraphs.append(Paragraph(len(paragraphs), "heading", line))
        elif CAPTION.match(line):
            current_speaker = None
            paragraphs.append(Paragraph(len(paragraphs), "paragraph", line))
        elif match and match.group("label") in labels:
            current_speaker = match.group("label")
            text = line[match.end():]
            if not text:  # a label on its own line: the answer follows on the next line
                pending_label = current_speaker
                continue
            paragraphs.append(Paragraph(len(paragraphs), "turn", text, current_speaker))
        elif pending_label is not None:
            paragraphs.append(Paragraph(len(paragraphs), "turn", line, pending_label))
        elif _is_heading(line):
            current_speaker = None
            paragraphs.append(Paragraph(len(paragraphs), "heading", line))
        elif current_speaker is not None:
            paragraphs.append(Paragraph(len(paragraphs), "turn", line, current_speaker))
        else:
            paragraphs.append(Paragraph(len(paragraphs), "paragraph", line))
        pending_label = None
    doc.paragraphs = paragraphs
    if paragraphs and paragraphs[0].kind == "title":
        doc.metadata.setdefault("title_zh", paragraphs[0].text)
    return doc


STAGE = Stage("structure", parse, reads=("cleaned", "metadata"), fills=("paragraphs",))
