"""Document structure from cleaned text: title, headings, paragraphs and speaker turns.

Cleaned text has one paragraph per line.  Interview turns are found from the
document itself: a label before a colon (``极客公园:``, ``「暗涌」:``,
``《深网》：``) that opens at least ``MIN_TURNS`` lines is a speaker label;
a turn may also begin mid-line after a sentence end (``…有什么想法?张宏江:我…``).
Paragraphs that follow a turn without a label continue that speaker's turn
until the next heading.  A heading whose end was lost to mojibake
(``如何讓創新真正發生??????`` in seed 002) is still a heading: the run of lost
characters is not a sentence end.  Sentences holding unrecovered mojibake are
flagged ``corrupted`` (:func:`corpus.segment.flag_corrupted`).
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.model import Document, Paragraph
from corpus.segment import LOST_CHARACTERS, flag_corrupted, segment_paragraph

MIN_TURNS = 3
MAX_HEADING_CHARS = 30
MAX_HEADING_LINES = 3  # a numbered heading spans the number and at most this many lines
LABEL = re.compile(r"^(?P<label>[^\s:：,，。！？!?、；;“”\"]{1,8})[:：]\s*")
SENTENCE_END = "。！？!?；;…"
NUMBERED_HEADING = re.compile(r"^\d{1,2}$")  # "01" above a quoted heading (seed 000)
NUMBERED_TITLE = re.compile(r"^\d{1,2}\s*[.、．]\s*\S")  # "01.為什么…" (seed 003)
LOST_TAIL = re.compile(rf"(?:{LOST_CHARACTERS})+$")  # "??????" where the end of a line was lost
CLOSING_TAIL = re.compile(r"[”」』’）)\"'》]+$")  # a quotation that ends "。”" still ends a sentence


def speaker_labels(lines: list[str]) -> set[str]:
    counts = Counter(m.group("label") for line in lines if (m := LABEL.match(line)))
    return {label for label, count in counts.items() if count >= MIN_TURNS}


def _split_midline_turns(line: str, labels: set[str]) -> list[str]:
    if not labels:
        return [line]
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    pattern = re.compile(rf"(?<=[{SENTENCE_END}”」』）)])(?=(?:{alternatives})[:：])")
    return [piece for piece in pattern.split(line) if piece]


def _is_heading(line: str) -> bool:
    if NUMBERED_TITLE.match(line) and len(line) <= MAX_HEADING_CHARS + 5:
        return True
    line = LOST_TAIL.sub("", line)  # lost characters say nothing about how the line ended
    if not 0 < len(line) <= MAX_HEADING_CHARS:
        return False
    end = CLOSING_TAIL.sub("", line)
    return bool(end) and end[-1] not in SENTENCE_END + ",，:：、"


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


def parse(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` (with their sentences) from ``doc.cleaned``."""
    lines = [line for line in doc.cleaned.split("\n") if line.strip()]
    labels = speaker_labels(lines)
    lines, numbered = _join_numbered_headings(lines)
    paragraphs: list[Paragraph] = []
    current_speaker: str | None = None
    pending_label: str | None = None
    pieces = [(number, piece) for number, line in enumerate(lines) for piece in _split_midline_turns(line, labels)]
    for number, line in pieces:
        match = LABEL.match(line)
        if number in numbered:
            current_speaker = None
            paragraphs.append(Paragraph(len(paragraphs), "heading", line))
        elif match and match.group("label") in labels:
            current_speaker = match.group("label")
            text = line[match.end():]
            if not text:  # a label on its own line: the answer follows on the next line
                pending_label = current_speaker
                continue
            paragraphs.append(Paragraph(len(paragraphs), "turn", text, current_speaker))
        elif pending_label is not None:
            paragraphs.append(Paragraph(len(paragraphs), "turn", line, pending_label))
        elif number == 0 and not doc.metadata.get("title_zh") and line[-1] not in SENTENCE_END:
            paragraphs.append(Paragraph(len(paragraphs), "title", line))
        elif _is_heading(line):
            current_speaker = None
            paragraphs.append(Paragraph(len(paragraphs), "heading", line))
        elif current_speaker is not None:
            paragraphs.append(Paragraph(len(paragraphs), "turn", line, current_speaker))
        else:
            paragraphs.append(Paragraph(len(paragraphs), "paragraph", line))
        pending_label = None
    for paragraph in paragraphs:
        paragraph.sentences = segment_paragraph(doc.doc_id, paragraph)
    doc.paragraphs = paragraphs
    flag_corrupted(doc.cleaned, doc.sentences)
    if paragraphs and paragraphs[0].kind == "title":
        doc.metadata.setdefault("title_zh", paragraphs[0].text)
    return doc
