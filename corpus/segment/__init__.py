"""Chinese sentence segmentation.

A sentence ends at 。！？!?；; or an ellipsis (…… / ...), together with any
closing quotes and brackets that follow (the marks are the language layer's).  Terminators inside an open
quotation or bracket do not end the sentence, unless the quotation closes
right after them and nothing else stays open (then the quotation itself ends
the sentence; a quotation closing inside another, or inside brackets, does
not end it).  A straight quote (``"`` or ``'``, not an apostrophe as in
``GPT's``) closes the quotation it opened when that is open and opens one
otherwise, so a sentence never starts with the quote that closes the one
before.  ``.`` never ends a Chinese sentence, so ``1.75``, ``GPT-3.5``,
``Boson.ai`` and ``01.`` stay whole.  Every character of the input belongs
to exactly one sentence: ``"".join(split_sentences(t)) == t``.

Sentences that hold text mojibake repair could not recover are flagged
``corrupted`` (:func:`flag_corrupted`); a ``?`` inside such a run is a lost byte and
ends no sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from corpus.clean.mojibake import corrupted_spans as residual
from corpus.clean.mojibake import merge_spans
from corpus import lang
from corpus.lang import LOST_CHARACTERS
from corpus.model import Document, Paragraph, Sentence
from corpus.stage import Stage

TERMINATORS = frozenset(lang.SENTENCE_END)
ELLIPSIS = re.compile(re.escape(lang.ELLIPSIS) + r"+|\.{3,}")
OPENERS = dict(lang.BRACKETS)
# Straight quotes look the same opening and closing: one closes the quotation
# it opened if that is still open (parity), otherwise it opens one.
STRAIGHT_QUOTES = frozenset("\"'")
CLOSERS = frozenset(OPENERS.values()) | STRAIGHT_QUOTES
QUOTE_CLOSERS = frozenset(lang.QUOTES.values()) | STRAIGHT_QUOTES
SPACES = " \t\u3000"
_MARKS = lang.SENTENCE_END + lang.ELLIPSIS + "".join(opener + closer for opener, closer in OPENERS.items()) + "\"'"
_INTERESTING = re.compile(f"[{re.escape(_MARKS)}]" + r"|\.{3,}")
# ' between letters or digits is an apostrophe or a prime (GPT's, 5'10), not a quote.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z0-9])'(?=[A-Za-z0-9])")


def split_sentences(text: str, unbroken: list[tuple[int, int]] | None = None) -> list[str]:
    """Split a paragraph into sentences; the pieces concatenate back to ``text``.

    No sentence ends inside an ``unbroken`` span (``[start, end)``): the ``?`` of a run of
    unrecovered mojibake is a lost byte, not a question mark.
    """
    if not text:
        return []
    inside = bytearray(len(text))
    for start, end in unbroken or ():
        inside[start:end] = b"\x01" * (end - start)
    cuts: list[int] = []
    stack: list[str] = []  # expected closers of the open quotations/brackets
    consumed = 0  # text before this already belongs to a sentence end (its closing quotes)
    for match in _INTERESTING.finditer(text):
        if match.start() < consumed:
            continue  # a closer _absorb_closers took: seen again, a straight quote would reopen
        char = match.group()
        if char in STRAIGHT_QUOTES:
            if _APOSTROPHE.match(text, match.start()):
                continue
            if char in stack:
                _close(stack, char)
            else:
                stack.append(char)
        elif char in OPENERS:
            stack.append(OPENERS[char])
        elif char in CLOSERS:
            if char in stack:  # a stray closer closes nothing
                _close(stack, char)
        elif (char in TERMINATORS or ELLIPSIS.fullmatch(char)) and not inside[match.start()]:
            end = _end_of_terminator_run(text, match.end())
            if stack and not _closes_quotation(text, end, match.start(), stack):
                continue
            consumed = _absorb_closers(text, end, stack)
            if consumed < len(text) and not stack:
                cuts.append(consumed)
    pieces: list[str] = []
    start = 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _close(stack: list[str], closer: str) -> None:
    """Close the innermost quotation/bracket ``closer`` ends, and any left open inside it (unbalanced text)."""
    while stack.pop() != closer:
        pass


def _end_of_terminator_run(text: str, position: int) -> int:
    while position < len(text) and (text[position] in TERMINATORS or text[position] in lang.ELLIPSIS + "."):
        position += 1
    return position


def _closes_quotation(text: str, end: int, start: int, stack: list[str]) -> bool:
    """True when the innermost open quotation (not a bracket) closes right after the terminators."""
    closer = stack[-1]
    return closer in QUOTE_CLOSERS and end < len(text) and text[end] == closer and text[start] not in ";；"


def _absorb_closers(text: str, end: int, stack: list[str]) -> int:
    """The end of a sentence whose terminators end at ``end``: closing quotes and brackets, terminators
    after them (``”。``) and spaces stay with it, so the next sentence never starts with a closer."""
    while end < len(text) and (text[end] in CLOSERS or text[end] in TERMINATORS or text[end] in SPACES):
        if text[end] in stack:
            _close(stack, text[end])
        elif text[end] in STRAIGHT_QUOTES and not _only_closers(text, end + 1):
            break  # nothing open: the quote opens the next sentence
        end += 1
    return end


def _only_closers(text: str, start: int) -> bool:
    """True when nothing but closers, terminators and spaces follows ``start``: no sentence could begin there."""
    return all(char in CLOSERS or char in TERMINATORS or char in SPACES for char in text[start:])


def sentence_id(doc_id: str, paragraph: int, index: int) -> str:
    return f"{doc_id}.p{paragraph:03d}.s{index:02d}"


def segment_paragraph(doc_id: str, paragraph: Paragraph) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for index, piece in enumerate(split_sentences(paragraph.text, residual(paragraph.text))):
        sentences.append(
            Sentence(
                id=sentence_id(doc_id, paragraph.index, index),
                doc_id=doc_id,
                paragraph=paragraph.index,
                index=index,
                zh=piece,
                start=offset,
            )
        )
        offset += len(piece)
    return sentences


# --------------------------------------------------------------------------
# residual mojibake

CORRUPTED = "corrupted"
# Characters lost for good: a run of question marks no writer types (the
# broken GBK round-trip turns each undecodable byte pair into one "?", so a
# lost word shows as "??????", e.g. the two section headings of seed 002), and
# U+FFFD, a decoder's replacement character.  Up to three question marks can
# be genuine emphasis ("真的吗???"); a single "?" next to re-paired characters
# is judged by the mojibake scanner instead.
_LOST = re.compile(LOST_CHARACTERS)
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]+")  # GBK user-defined area, as in corpus.clean.mojibake
# How far apart two consecutive sentences may lie in the text (line break,
# speaker label and colon between them).
_GAP = 64


def corrupted_spans(text: str) -> list[tuple[int, int]]:
    """Merged, sorted spans of ``text`` (cleaned text) holding unrecovered mojibake.

    Those :func:`corpus.clean.mojibake.corrupted_spans` finds (runs it can
    read as mojibake but not repair, private-use characters) and runs of lost
    characters (:data:`LOST_CHARACTERS`).
    """
    return merge_spans(residual(text) + [(m.start(), m.end()) for m in _LOST.finditer(text)])


def flag_corrupted(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Add ``corrupted`` to the flags of each sentence that holds unrecovered mojibake.

    ``text`` is the cleaned text the sentences come from, in order (a
    document's ``cleaned`` and ``sentences``); each sentence is found in it
    after the previous one, so spans that need the whole text to be seen map
    to the sentences they overlap.  A sentence that is not a stretch of the
    text (a heading joined from several lines) is judged by the spans' text.
    Returns the flagged sentences.
    """
    spans = corrupted_spans(text)
    if not spans:
        return []
    ends = [end for _, end in spans]
    flagged: list[Sentence] = []
    cursor, slack = 0, _GAP
    for sentence in sentences:
        at = text.find(sentence.zh, cursor, cursor + slack + len(sentence.zh))
        if at >= 0:
            first = bisect_right(ends, at)  # first span ending after the sentence starts
            hit = first < len(spans) and spans[first][0] < at + len(sentence.zh)
            cursor, slack = at + len(sentence.zh), _GAP
        else:
            nearby = spans[bisect_right(ends, cursor):bisect_right(ends, cursor + slack + len(sentence.zh))]
            hit = bool(_LOST.search(sentence.zh) or _PRIVATE_USE.search(sentence.zh)) or any(
                text[start:end] in sentence.zh for start, end in nearby)
            slack += len(sentence.zh)
        if hit and CORRUPTED not in sentence.flags:
            sentence.flags.append(CORRUPTED)
        if hit:
            flagged.append(sentence)
    return flagged


def segment(doc: Document) -> Document:
    """Fill the sentences of every paragraph of ``doc`` and flag those that lost text."""
    for paragraph in doc.paragraphs:
        paragraph.sentences = segment_paragraph(doc.doc_id, paragraph)
    flag_corrupted(doc.cleaned, doc.sentences)
    return doc


STAGE = Stage("segment", segment, reads=("paragraphs", "cleaned"), fills=("sentences",))
