"""Readable text views of documents for the terminal (``corpus show``, ``corpus stats``).

``show_document`` prints a document paragraph by paragraph: a header per paragraph
(``# ¶N`` title, ``## ¶N`` heading, ``¶N`` narrative, ``[label → speaker-id, role] ¶N``
interview turn), then per sentence its id, flags and quotation speaker, and its
``zh`` and ``en`` lines with the entity mentions highlighted.

Mentions are highlighted in one of two styles (:func:`highlight`):

* colour (for a terminal): ANSI colour per mention type; text is otherwise unchanged,
  except that control characters are shown as their Unicode control pictures (␛);
* markup (everything else): ``⟦text|type:registry-id⟧``, or ``⟦text|type⟧`` for a
  mention without a registry id.  The markup is lossless and unambiguous:
  ``\\``, ``⟦`` and ``⟧`` in the text are escaped with a backslash, as is ``|`` inside
  a mention, and control characters other than newline and tab are written ``\\xHH``;
  :func:`parse_markup` gives back the text and the spans exactly.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from typing import Iterable, Optional, TextIO

from corpus.model import Document, Mention, Paragraph, Sentence

KIND_MARKERS = {"title": "# ", "heading": "## ", "paragraph": "", "turn": ""}

OPEN, SEP, CLOSE, ESCAPE = "⟦", "|", "⟧", "\\"
# ANSI SGR colours per mention type: names bold, quantities and titles plain.
TYPE_COLOURS = {
    "person": "1;33",  # bold yellow
    "org": "1;36",  # bold cyan
    "place": "1;32",  # bold green
    "work": "1;35",  # bold magenta
    "misc": "1;34",  # bold blue
    "title": "35",  # magenta
    "date": "34",  # blue
    "time": "34",
    "amount": "34",
    "percent": "34",
}
OTHER_COLOUR = "4"  # underline, for a type not listed above
RESET = "\x1b[0m"
BOLD = "\x1b[1m"
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code <= 0x9F) and char not in "\n\t"


def _escape(text: str, specials: str) -> str:
    out = []
    for char in text:
        if char in specials:
            out.append(ESCAPE + char)
        elif _is_control(char):
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


def _escape_outside(text: str) -> str:
    return _escape(text, ESCAPE + OPEN + CLOSE)


def _escape_inside(text: str) -> str:
    return _escape(text, ESCAPE + OPEN + CLOSE + SEP)


def _visible(text: str) -> str:
    """``text`` safe for a terminal: control characters (not newline, tab) as control pictures."""
    return "".join(
        (chr(0x2400 + ord(c)) if ord(c) < 0x20 else "\u2421" if c == "\x7f" else "\ufffd") if _is_control(c) else c
        for c in text
    )


def resolve_mentions(text: str, mentions: Iterable[Mention]) -> list[tuple[int, int, Mention]]:
    """The mentions that can be shown in ``text``: clipped to it, non-empty, non-overlapping.

    Offsets are clipped to ``[0, len(text)]``; of overlapping mentions the one starting
    first wins, and on the same start the longer one (then the earlier in ``mentions``).
    """
    spans = []
    for mention in mentions:
        try:
            start, end = int(mention.start), int(mention.end)
        except (TypeError, ValueError, AttributeError):
            continue
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        if end > start:
            spans.append((start, end, mention))
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, Mention]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def mention_label(mention: Mention) -> str:
    """``type:ref`` (or ``type``) as the markup writes it, e.g. ``person:zhang-hongjiang``."""
    kind = str(getattr(mention, "type", "") or "?")
    ref = getattr(mention, "ref", None)
    return f"{kind}:{ref}" if ref else kind


def highlight(text: str, mentions: Iterable[Mention], colour: bool = False) -> str:
    """``text`` with ``mentions`` (offsets into ``text``) highlighted; see the module docstring.

    Never fails on bad mentions (out of range, empty, overlapping: see
    :func:`resolve_mentions`) and never drops text.
    """
    out = []
    position = 0
    for start, end, mention in resolve_mentions(text, mentions):
        span = text[start:end]
        if colour:
            out.append(_visible(text[position:start]))
            sgr = f"\x1b[{TYPE_COLOURS.get(str(mention.type), OTHER_COLOUR)}m"
            out.append(sgr + _visible(span).replace("\n", f"{RESET}\n{sgr}") + RESET)
        else:
            out.append(_escape_outside(text[position:start]))
            out.append(OPEN + _escape_inside(span) + SEP + _escape_inside(mention_label(mention)) + CLOSE)
        position = end
    out.append(_visible(text[position:]) if colour else _escape_outside(text[position:]))
    return "".join(out)


def parse_markup(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Inverse of ``highlight(text, mentions)`` (markup style): the text and ``(start, end, label)`` spans.

    Raises ``ValueError`` on text that is not well-formed markup.
    """
    text: list[str] = []
    spans: list[tuple[int, int, str]] = []
    state = "text"  # text | mention | label
    start = 0
    label: list[str] = []
    i = 0
    while i < len(marked):
        char = marked[i]
        if char == ESCAPE:
            if marked[i + 1:i + 2] == "x" and re.fullmatch(r"[0-9a-f]{2}", marked[i + 2:i + 4]):
                char, i = chr(int(marked[i + 2:i + 4], 16)), i + 4
            elif i + 1 < len(marked):
                char, i = marked[i + 1], i + 2
            else:
                raise ValueError(f"dangling escape at {i}")
            (label if state == "label" else text).append(char)
            continue
        i += 1
        if state == "text" and char == OPEN:
            state, start = "mention", len(text)
        elif state == "mention" and char == SEP:
            state, label = "label", []
        elif state == "label" and char == CLOSE:
            spans.append((start, len(text), "".join(label)))
            state = "text"
        elif char in (OPEN, CLOSE) or (char == SEP and state == "label"):
            raise ValueError(f"unexpected {char!r} at {i - 1}")
        else:
            (label if state == "label" else text).append(char)
    if state != "text":
        raise ValueError("unterminated mention")
    return "".join(text), spans


def strip_ansi(coloured: str) -> str:
    return ANSI_SGR.sub("", coloured)


def _width(rendered: str, colour: bool) -> int:
    return len(strip_ansi(rendered)) if colour else len(rendered)


def wrap_highlighted(text: str, mentions: Iterable[Mention], width: int, colour: bool = False) -> list[str]:
    """``highlight`` wrapped to ``width`` columns, never breaking inside a mention.

    Breaks at whitespace outside mentions (a run of it becomes one space, as in
    ``textwrap``); a word or mention longer than ``width`` gets a line of its own.
    """
    spans = resolve_mentions(text, mentions)
    breaks = [(m.start(), m.end()) for m in re.finditer(r"\s+", text)
              if not any(start < m.end() and m.start() < end for start, end, _ in spans)]
    units = []
    position = 0
    for break_start, break_end in [*breaks, (len(text), len(text))]:
        if break_start > position:
            shifted = [
                Mention(start - position, end - position, text[start:end], mention.type, mention.ref, mention.source)
                for start, end, mention in spans
                if position <= start and end <= break_start
            ]
            units.append(highlight(text[position:break_start], shifted, colour))
        position = break_end
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for unit in units:
        unit_width = _width(unit, colour)
        if current and used + 1 + unit_width > width:
            lines.append(" ".join(current))
            current, used = [], 0
        used += unit_width + (1 if current else 0)
        current.append(unit)
    if current:
        lines.append(" ".join(current))
    return lines or [""]


def want_colour(stream: TextIO, plain: bool = False) -> bool:
    """Colour only on a terminal, and not with ``--plain`` or ``NO_COLOR`` (https://no-color.org)."""
    if plain or os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _turn_speaker(paragraph: Paragraph) -> tuple[Optional[str], Optional[str]]:
    speakers = {(s.speaker, s.speaker_role) for s in paragraph.sentences if s.speaker or s.speaker_role}
    return next(iter(speakers)) if len(speakers) == 1 else (None, None)


def _header(paragraph: Paragraph, colour: bool) -> str:
    safe = _visible if colour else _escape_outside
    if paragraph.kind == "turn":
        speaker, role = _turn_speaker(paragraph)
        who = speaker or "?"
        if role:
            who += f", {role}"
        header = f"[{safe(paragraph.speaker_label or '')} → {who}] ¶{paragraph.index}"
    else:
        header = f"{KIND_MARKERS.get(paragraph.kind, '')}¶{paragraph.index}"
    return f"{BOLD}{header}{RESET}" if colour and paragraph.kind != "paragraph" else header


def _sentence_speaker(sentence: Sentence, paragraph: Paragraph) -> str:
    """The speaker note of a sentence, unless it only repeats its turn's header."""
    if not sentence.speaker or (
        paragraph.kind == "turn" and (sentence.speaker, sentence.speaker_role) == _turn_speaker(paragraph)
    ):
        return ""
    return f"  speaker: {sentence.speaker}" + (f" ({sentence.speaker_role})" if sentence.speaker_role else "")


def _prefixed(prefix: str, lines: Iterable[str]) -> list[str]:
    return [prefix + line for block in lines for line in block.split("\n")]


def legend(colour: bool) -> str:
    if colour:
        return "entities: " + " ".join(f"\x1b[{code}m{kind}{RESET}" for kind, code in TYPE_COLOURS.items())
    return f"entities: {OPEN}text{SEP}type:registry-id{CLOSE}"


def show_document(doc: Document, width: int = 100, colour: bool = False) -> str:
    meta = doc.metadata
    lines = [
        f"{doc.doc_id}  ({doc.source_file}, {doc.encoding}, script {doc.script})",
        "  " + ", ".join(f"{key}: {meta[key]}" for key in sorted(meta) if not key.endswith("_note")),
        "  " + legend(colour),
        "",
    ]
    for paragraph in doc.paragraphs:
        lines.append(_header(paragraph, colour))
        for sentence in paragraph.sentences:
            flags = f"  [{', '.join(sentence.flags)}]" if sentence.flags else ""
            lines.append(f"  {sentence.id}{flags}{_sentence_speaker(sentence, paragraph)}")
            lines += _prefixed("    zh  ", [highlight(sentence.zh, sentence.entities, colour)])
            if sentence.en:
                lines += _prefixed("    en  ", wrap_highlighted(sentence.en, sentence.en_entities, width - 8, colour))
        lines.append("")
    return "\n".join(lines)


def stats(docs: list[Document]) -> str:
    rows = [("doc_id", "script", "paras", "turns", "sents", "zh chars", "edits", "en", "flags")]
    for doc in docs:
        sentences = doc.sentences
        flags = Counter(flag for s in sentences for flag in s.flags)
        rows.append(
            (
                doc.doc_id,
                doc.script,
                str(len(doc.paragraphs)),
                str(sum(p.kind == "turn" for p in doc.paragraphs)),
                str(len(sentences)),
                str(sum(len(s.zh) for s in sentences)),
                str(sum(len(p) for p in doc.edits)),
                str(sum(bool(s.en_segments) for s in sentences)),
                " ".join(f"{k}={v}" for k, v in sorted(flags.items())) or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)
