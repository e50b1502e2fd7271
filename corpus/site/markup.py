"""One sentence as HTML: entity mentions and quotations as spans, pinyin as ruby.

Every function here returns :class:`markupsafe.Markup` built from escaped text,
and never drops or reorders a character of its input: removing the tags and
unescaping gives the text back (property-tested with hostile text).
"""
from __future__ import annotations

import difflib
import html
import unicodedata
from typing import Iterable, Optional, Sequence

from markupsafe import Markup, escape

from corpus.model import Mention
from corpus.view import resolve_mentions

# A pinyin syllable as the pinyin layer writes it: letters, tone-marked vowels and ü (no digits, no spaces).


def marked(text: str, mentions: Iterable[Mention], quotes: Iterable[tuple[int, int]] = (),
           quote_speaker: Optional[str] = None) -> Markup:
    """``text`` with ``mentions`` as ``span.ent`` and ``quotes`` (offsets into ``text``) as ``q``-like spans.

    A quotation is the outer element; a mention that crosses a quotation's edge
    is cut there into two spans with the same reference, so the markup stays
    well nested for any offsets.
    """
    spans = resolve_mentions(text, mentions)
    cuts = sorted({0, len(text), *(max(0, min(edge, len(text))) for quote in quotes for edge in quote)})
    quoted = [(max(0, start), min(end, len(text))) for start, end in quotes]
    out = []
    for start, end in zip(cuts, cuts[1:]):
        inner = _mentions_html(text, spans, start, end)
        if any(q_start <= start and end <= q_end for q_start, q_end in quoted):
            speaker = f' data-speaker="{escape(quote_speaker)}"' if quote_speaker else ""
            out.append(Markup(f'<span class="quote"{speaker}>{inner}</span>'))
        else:
            out.append(inner)
    return Markup("").join(out)


def _mentions_html(text: str, spans: list[tuple[int, int, Mention]], start: int, end: int) -> Markup:
    """``text[start:end]`` with the parts of ``spans`` inside it marked."""
    out = []
    position = start
    for span_start, span_end, mention in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(_mention_html(text[span_start:span_end], mention))
        position = span_end
    out.append(escape(text[position:end]))
    return Markup("").join(out)


def _mention_html(span: str, mention: Mention) -> Markup:
    kind = escape(str(mention.type or "misc"))
    if mention.ref:
        ref = escape(mention.ref)
        return Markup(f'<span class="ent ent-{kind}" data-ref="{ref}" tabindex="0">{escape(span)}</span>')
    return Markup(f'<span class="ent ent-{kind}">{escape(span)}</span>')


def moved_spans(source: str, target: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (offsets into ``source``) carried over to ``target``, a rewriting of it (another script).

    The two texts are aligned by difflib; an offset in an unchanged run, or in a run
    rewritten character for character, moves with it; one inside a run rewritten to
    another length goes to that run's edge in ``target`` (a start to its beginning,
    an end to its end), so a span covers at least the rewriting of what it covered.
    """
    blocks = [op for op in difflib.SequenceMatcher(None, source, target, autojunk=False).get_opcodes() if op[1] < op[2]]

    def move(offset: int, is_end: bool) -> int:
        for tag, i1, i2, j1, j2 in blocks:
            if (i1 < offset <= i2) if is_end else (i1 <= offset < i2):
                if tag == "equal" or i2 - i1 == j2 - j1:  # a run rewritten character for character
                    return j1 + (offset - i1)
                return j2 if is_end else j1
        return len(target) if offset >= len(source) else 0

    moved = []
    for start, end in spans:
        start, end = max(0, min(start, len(source))), max(0, min(end, len(source)))
        moved.append((move(start, False), max(move(start, False), move(end, True))) if end > start else (0, 0))
    return moved


def ruby(text: str, readings: Sequence[Optional[str]], reading_lang: str = "zh-Latn-pinyin") -> Optional[Markup]:
    """``text`` with each Han character over its syllable, or None where they do not line up.

    ``readings`` has one entry per character of ``text`` (None for one that is not Han);
    a Han character without a reading, or a list of another length, gives None, and the
    page shows the pinyin as an interlinear line instead.
    """
    if len(readings) != len(text) or any(_is_han(char) and not reading for char, reading in zip(text, readings)):
        return None
    lang = html.escape(reading_lang)  # the stdlib's escape: this runs once per character of the corpus
    return Markup("".join(
        f'<ruby>{html.escape(char)}<rt lang="{lang}">{html.escape(reading)}</rt></ruby>'
        if reading and _is_han(char) else html.escape(char)
        for char, reading in zip(text, readings)
    ))


def _is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH") or "\u3007" == char
