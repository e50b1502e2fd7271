"""A learned fallback for boilerplate lines: a logistic model over what a line IS, never over its words.

The rules before it (notices, credits, metadata fields, lists) each recognise a kind of line they were told about; a
new site writes its header, credits and end matter in new words.  This model scores every line that survived them
by features that do not depend on wording: its place in the document (the title, before the first sentence of
prose, after the last one, how far from the nearest line of prose), its length and character classes, field shapes
(a colon near the head, bars, brackets, a line inside one bracket pair, a bracketed count, a line made of short items
whatever character joins them: a breadcrumb, a list of platforms, a toolbar),
dates, times, counts and contacts, sentence marks and commas, the cleaning vocabularies counted as CLASSES (how many
words of rights, reprints, credits, sponsors … it holds, never which), the metadata reader's and the notice rule's
own scores, and jieba's part-of-speech shares.  The weights are data (``curated/cleaning/line_model.json``), trained
by ``scripts/train_line_model.py`` on the dev captures and the seeds; ``score()`` gives a line's probability of
being boilerplate and ``accept()`` keeps it below the threshold of its place: every line is scored (a document's
only line apart), one of the head or the tail (:func:`outside_the_body`) against ``threshold``, the title and a line
between two lines of prose against ``body_threshold`` (chosen apart by the training script's cross-validation, never
laxer); a line holding residual mojibake is never removed (it is flagged ``corrupted`` downstream: a garbled article
line looks like no prose).
The head and the tail are bounded by prose, a paragraph hard-wrapped over several lines counting as one (its short
last line once bounded the tail and put the paragraph in it), and a sentence with the notice rule's evidence bounding
nothing (a disclaimer after the last turn).  A line at or above its threshold goes through the same logged removal
edit as every scored rule, its reason naming the probability and the features that weighed most.

A line that names a participant of the document's interview (a label that opens at least ``PARTICIPANT_TURNS`` lines,
not a role word such as 记者: 以恩 of 主持人：蕭以恩) is not removed when no other line left outside the turns names
them: the turn layer reads who speaks from the text (dv86b's programme line lost its four turns their speakers).

A cleaning pass by default since round 10 (``CORPUS_LINE_MODEL=off`` switches it off: :mod:`corpus.clean.passes`).
"""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from corpus import lang
from corpus.lang import logistic
from corpus.lang.segmenter import quiet_tagger
from corpus.clean.mojibake import corrupted_spans
from corpus.clean.notices import CONTACT, NOTICES, PRICE
from corpus.clean.rules import CURATED, lines_with_offsets, load_yaml, removal
from corpus.clean.wraps import TURN_LABEL
from corpus.ingest.metadata_lines import read_line
from corpus.model import Edit

MODEL_FILE = CURATED / "line_model.json"
_NOTICES = load_yaml("notices.yaml")
# The vocabularies of the scored rules, by class: a line's feature is how many distinct words of a class it holds.
VOCABULARY_CLASSES: dict[str, tuple[str, ...]] = {
    **{name: tuple(words) for name, words in sorted(_NOTICES["evidence"].items())},
    "credit_role": tuple(_NOTICES["credit"]["unit_roles"]),
    "call_verb": tuple(_NOTICES["call"]["verbs"]),
    "platform": tuple(_NOTICES["platforms"]),
}
_CLASS_PATTERNS = {name: re.compile(lang.alternation(words)) for name, words in VOCABULARY_CLASSES.items()}
_SENTENCE_END = re.escape(lang.SENTENCE_END + lang.ELLIPSIS)
_CLOSERS = re.escape("".join(lang.BRACKETS.values()))
ENDS_SENTENCE = re.compile(f"[{_SENTENCE_END}][{_CLOSERS}]*\\s*$")
SENTENCE_MARK = re.compile(f"[{_SENTENCE_END}]")
CLAUSE_MARK = re.compile("[，,、；;]")
COLON = re.compile("[:：︰]")
BARS = re.compile("[|｜丨/／·•・‧]")
OPENING = re.compile(f"^\\s*[{re.escape(''.join(lang.BRACKETS))}\\[(]")
DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|\d{1,2}/\d{1,2}")
TIME = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?!\d)")
COUNT = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?\s*[万萬千]|(?<!\d)\d{3,}(?!\d)")
QUOTE_OPENERS = "".join(lang.QUOTES)
QUESTION_MARKS = "？?"
NUMBERED = re.compile(r"\d{1,2}(?:\s*[.、．]|$)")  # a section's number (01, 03.為什么…)
CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]{3,}(?![A-Za-z0-9])")  # an offer's code, a programme's number
PROSE_LETTERS = 15  # a line of at least this many letters that ends a sentence is prose: it bounds the head and tail
NOTICE_EVIDENCE = 2  # a sentence with this much evidence of a notice does not bound the body (one word is chance: 關注)
PARTICIPANT_TURNS = 2  # a label that opens this many lines names a participant
PARTICIPANT_LETTERS = 2  # ... and has this many characters: a one-character label (图：, 亓：) is found in any line
ROLE_WORDS = frozenset(word for words in lang.ROLE_LABELS.values() for word in words)
NEAR = 10  # distances from the start and the end are counted up to this many lines
PROSE_NEAR = 3  # the distance to the nearest line of prose is counted up to this many lines
# The brackets of CJK text: the language layer's pairs and every opening and closing mark of the CJK symbols and the
# full-width forms (［］, 〔〕, 〖〗 …), by Unicode category.
_CJK_MARKS = tuple(chr(code) for code in (*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)))
OPEN_BRACKETS = frozenset(lang.BRACKETS) | {c for c in _CJK_MARKS if unicodedata.category(c) == "Ps"}
CLOSE_BRACKETS = frozenset(lang.BRACKETS.values()) | {c for c in _CJK_MARKS if unicodedata.category(c) == "Pe"}
# What parts a line into items: a run of spaces, colons, or symbols that are neither a sentence's nor a clause's mark
# nor a bracket (· | / ∣ » › ⟩ ▸ - …: whichever a site joins its breadcrumbs, platforms or toolbar with, by character
# class, not by a list of the ones seen).
_KEPT_MARKS = re.escape(lang.SENTENCE_END + lang.ELLIPSIS + "，,、" + "".join(sorted(OPEN_BRACKETS | CLOSE_BRACKETS)))
ITEM_GAP = re.compile(f"[^\\w{_KEPT_MARKS}]+")
SHORT_ITEM = 8  # letters: an item of a breadcrumb, a list of platforms or a toolbar is a word or two
BRACKETED_NUMBER = re.compile(r"[(（\[［【]\s*\d+\s*[)）\]］】]")  # a count of comments, an area code
# The part-of-speech shares are read from a line's first POS_SAMPLE characters: jieba's tagger costs about 0.2 ms a
# character, and a line of 100,000 characters (a page without line breaks, a hypothesis draw) cost 22 s to tag whole;
# a paragraph's opening says as much about what kind of line it is as its whole (scripts/bench_line_model.py).
POS_SAMPLE = 200


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


@lru_cache(maxsize=4096)
def _pos_shares(line: str) -> tuple[float, float, float]:
    """Shares of verbs, common nouns and proper names among the line's words (jieba's tagger; the caller passes a
    bounded sample)."""
    flags = [pair.flag for pair in quiet_tagger().lcut(line) if pair.word.strip()]
    verbs = sum(flag.startswith("v") for flag in flags)
    names = sum(flag in ("nr", "ns", "nt", "nz", "nrt", "nrfg") for flag in flags)
    nouns = sum(flag.startswith("n") for flag in flags) - names
    return _share(verbs, len(flags)), _share(nouns, len(flags)), _share(names, len(flags))


def _is_prose(line: str) -> bool:
    """A line (or a wrapped paragraph) of prose, which bounds the head and the tail: long, ending a sentence, and
    holding less than ``NOTICE_EVIDENCE`` of the notice rule's evidence (a disclaimer after the last turn is written
    as a sentence, and would otherwise hide in the body)."""
    return (_letters(line) >= PROSE_LETTERS and ENDS_SENTENCE.search(line) is not None
            and NOTICES.score(line, whole_line=True).score < NOTICE_EVIDENCE)


def _wraps_on(line: str) -> bool:
    """Whether a line is prose hard-wrapped onto the next: long, holding a clause or sentence mark (a field line
    holds none), ending in a character or a comma (a sentence's end, a colon, a bracket or a digit closes a line)."""
    text = line.strip()
    marked = CLAUSE_MARK.search(text) is not None or SENTENCE_MARK.search(text) is not None
    open_end = lang.is_han(text[-1:]) or CLAUSE_MARK.fullmatch(text[-1:]) is not None  # not a colon, bracket, digit
    return _letters(text) >= PROSE_LETTERS and marked and open_end


def prose_lines(lines: Sequence[str]) -> list[int]:
    """The indices of the lines of prose: a line that is prose itself, or one of a paragraph hard-wrapped over
    several lines whose whole is prose (the wrapped paragraph's last line may be a few letters long)."""
    indices: list[int] = []
    start = 0
    for index, line in enumerate(lines):
        if index + 1 < len(lines) and _wraps_on(line):
            continue
        if _is_prose("".join(part.strip() for part in lines[start:index + 1])):
            indices += range(start, index + 1)
        start = index + 1
    return indices


def _items(text: str) -> list[str]:
    """The pieces of a line between its item gaps (:data:`ITEM_GAP`)."""
    return [piece for piece in ITEM_GAP.split(text) if piece]


def _is_bracketed_whole(text: str) -> bool:
    """A line that opens with a bracket and closes with one (a caption ［…］, a tag 【…】, a note （…）)."""
    return len(text) > 2 and text[0] in OPEN_BRACKETS and text[-1] in CLOSE_BRACKETS


def _is_short_field(line: str) -> bool:
    return len(line.strip()) < 25 and ENDS_SENTENCE.search(line) is None


@lru_cache(maxsize=4096)
def line_features(line: str) -> dict[str, float]:
    """What one line is, apart from its place: shape, characters, fields, contacts and vocabulary classes."""
    text = line.strip()
    length = len(text) or 1
    cjk = sum(1 for c in text if lang.is_han(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    digits = sum(1 for c in text if c.isdigit())
    spaces = sum(1 for c in text if c.isspace())
    marks = length - cjk - latin - digits - spaces
    colon = COLON.search(text)
    reading = read_line(text)
    notice = NOTICES.score(text, whole_line=True)
    verbs, nouns, names = _pos_shares(text[:POS_SAMPLE])
    items = _items(text)
    features = {
        "log_length": math.log1p(len(text)),
        "han_share": cjk / length,
        "latin_share": latin / length,
        "digit_share": digits / length,
        "mark_share": marks / length,
        "space_share": spaces / length,
        "ends_sentence": float(ENDS_SENTENCE.search(text) is not None),
        "sentence_marks": min(len(SENTENCE_MARK.findall(text)), 3) / 3,
        "clause_marks": min(len(CLAUSE_MARK.findall(text)), 4) / 4,
        "colon_at_head": float(colon is not None and colon.start() <= 8),
        "colons": min(len(COLON.findall(text)), 3) / 3,
        "bars": min(len(BARS.findall(text)), 3) / 3,
        "opens_bracket": float(OPENING.search(text) is not None),
        "opens_quote": float(text[:1] in QUOTE_OPENERS),
        "bracketed_whole": float(_is_bracketed_whole(text)),
        "bracketed_number": float(BRACKETED_NUMBER.search(text) is not None),
        "items": min(len(items) - 1, 4) / 4 if items else 0.0,
        "short_items": float(len(items) >= 3 and max(map(_letters, items)) <= SHORT_ITEM),
        "ends_colon": float(COLON.fullmatch(text[-1:]) is not None),
        "numbered": float(NUMBERED.match(text) is not None),
        "date": float(DATE.search(text) is not None),
        "time": float(TIME.search(text) is not None),
        "count": float(COUNT.search(text) is not None),
        "code": float(CODE.search(text) is not None),
        "contact": min(len(CONTACT.findall(text)), 2) / 2,
        "price": float(PRICE.search(text) is not None),
        "metadata_score": min(reading.score, 4.0) / 4,
        "metadata_fields": _share(len(reading.fields), len(reading.fields) + len(reading.rest)),
        "notice_score": min(notice.score, 8) / 8,
        "verb_share": verbs,
        "noun_share": nouns,
        "name_share": names,
    }
    for name, pattern in _CLASS_PATTERNS.items():
        features[f"words_{name}"] = min(len(set(pattern.findall(text))), 2) / 2
    return features


def _distance_to(indices: Sequence[int], index: int, default: int) -> int:
    """The distance from ``index`` to the nearest of the sorted ``indices`` (``default`` when there are none), by
    bisection: a page of thousands of lines would otherwise cost lines × prose lines."""
    at = bisect.bisect_left(indices, index)
    return min((abs(indices[i] - index) for i in (at - 1, at) if 0 <= i < len(indices)), default=default)


def document_features(lines: Sequence[str]) -> list[dict[str, float]]:
    """The features of each line of a document (``lines``: its non-blank lines, in order): the line's own and its
    place, where the head is what stands before the first line of prose and the tail what stands after the last."""
    prose = prose_lines(lines)
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    prose_set = set(prose)
    rows = []
    for index, line in enumerate(lines):
        neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        from_prose = _distance_to(prose, index, PROSE_NEAR)
        own, title = line_features(line), float(index == 0 and len(lines) > 1)
        rows.append({
            **own,
            "title": title,
            # the first line is the title in most documents, and weighs a line towards the article; one made of short
            # items or holding a date is a masthead, a breadcrumb or a dateline standing above the title
            "title_items": title * own["short_items"],
            "title_date": title * own["date"],
            "head": float(0 < index < first),
            "tail": float(index > last),
            "from_start": min(index, NEAR) / NEAR,
            "from_end": min(len(lines) - 1 - index, NEAR) / NEAR,
            "short_neighbours": sum(map(_is_short_field, neighbours)) / 2,
            "prose_neighbours": len(prose_set & {index - 1, index + 1}) / 2,
            "from_prose": min(from_prose, PROSE_NEAR) / PROSE_NEAR,
        })
    return rows


def outside_the_body(features: dict[str, float]) -> bool:
    """Whether a line stands in the head (before the first line of prose, the title apart) or the tail (after the
    last).  Between two lines of prose stand the article's own short lines (subheadings, lead-ins ending in a colon,
    quotations as headings), and the title is the article's: those are scored against the body threshold."""
    return bool(features["head"] or features["tail"])


@dataclass(frozen=True)
class LineModel:
    rule: str
    reason: str
    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float  # for a line of the head or the tail
    body_threshold: float  # for the title and a line between two lines of prose, where article text stands: never laxer

    def threshold_for(self, features: dict[str, float]) -> float:
        """The threshold of a line's place; 1 (nothing removed) for a document's only line, which is all of it."""
        if features["from_start"] == features["from_end"] == 0:
            return 1.0
        return self.threshold if outside_the_body(features) else self.body_threshold

    def contributions(self, features: dict[str, float]) -> dict[str, float]:
        return {name: weight * (features[name] - mean) / scale
                for name, mean, scale, weight in zip(self.names, self.means, self.scales, self.weights)}

    def score(self, features: dict[str, float]) -> float:
        """The probability that a line with these features is boilerplate."""
        return logistic.sigmoid(self.intercept + sum(self.contributions(features).values()))

    def accept(self, probability: float, threshold: float) -> bool:
        """True when the line is article text (below the threshold of its place; a threshold of 1 removes nothing,
        even a probability that rounds to 1)."""
        return probability < threshold or threshold >= 1

    def find(self, text: str) -> list[Edit]:
        lines = [(offset, line) for offset, line in lines_with_offsets(text) if line.strip()]
        texts = [line for _, line in lines]
        pieces = continuations(texts) | answers(texts)
        scored = []
        for index, features in enumerate(document_features([line for _, line in lines])):
            probability, threshold = self.score(features), self.threshold_for(features)
            # a line of residual mojibake is flagged corrupted downstream, never removed unread; a piece of a
            # hard-wrapped sentence is no line of its own; an answer is a turn
            if not self.accept(probability, threshold) and not corrupted_spans(lines[index][1]) and index not in pieces:
                scored.append((index, features, probability, threshold))
        kept = naming_participants([line for _, line in lines], {index for index, *_ in scored})
        edits = []
        for index, features, probability, threshold in scored:
            if index not in kept:
                weighed = sorted(self.contributions(features).items(), key=lambda item: -item[1])[:3]
                offset, line = lines[index]
                edits.append(removal(offset, line, self.rule, self.reason, round(probability, 4), threshold,
                                     (name for name, _ in weighed)))
        return edits


def continuations(lines: Sequence[str]) -> set[int]:
    """The indices of the lines that hold part of a sentence hard-wrapped over two lines: a line the line before wraps
    on to (:func:`_wraps_on`), and a line that wraps on to the next after a sentence mark of its own (it ends one thing
    and begins the next sentence).  The model never removes one: a notice's tail and the next sentence's head share
    such a line (`或電郵 info@….hk。香港獸醫學會會長區` / `嘉琪則提醒…`), and removing it cut the sentence."""
    return {index for index, line in enumerate(lines)
            if index and _wraps_on(lines[index - 1])
            or index + 1 < len(lines) and _wraps_on(line) and SENTENCE_MARK.search(line) is not None}


def answers(lines: Sequence[str]) -> set[int]:
    """The indices of the labelled lines right after a labelled line that asks (ends in a question mark): an
    interview's answer, which the model never removes however many contacts it gives (`林启航:电话是 0574-…`)."""
    return {index for index in range(1, len(lines))
            if TURN_LABEL.match(lines[index]) and TURN_LABEL.match(lines[index - 1])
            and lines[index - 1].rstrip()[-1:] in QUESTION_MARKS}


def participants(lines: Sequence[str]) -> set[str]:
    """The labels that open at least ``PARTICIPANT_TURNS`` lines and are no role word: the interview's speakers."""
    labels = Counter(match.group("label") for line in lines if (match := TURN_LABEL.match(line)))
    return {label for label, count in labels.items()
            if count >= PARTICIPANT_TURNS and len(label) >= PARTICIPANT_LETTERS and label not in ROLE_WORDS}


def naming_participants(lines: Sequence[str], removed: set[int]) -> set[int]:
    """Of the lines the model would remove (``removed``, indices), those to keep so that each participant stays named
    outside the turns: for a participant no kept line names, the first removed line that does."""
    speakers = participants(lines)
    turns = {index for index, line in enumerate(lines)
             if (match := TURN_LABEL.match(line)) and match.group("label") in speakers}
    kept = [line for index, line in enumerate(lines) if index not in removed and index not in turns]
    rescued: set[int] = set()
    for speaker in sorted(speakers):
        if any(speaker in line for line in kept):
            continue
        naming = [index for index in sorted(removed) if speaker in lines[index]]
        if naming:
            rescued.add(naming[0])
            kept.append(lines[naming[0]])
    return rescued


def load_model(path: Path = MODEL_FILE) -> LineModel:
    data = logistic.read_weights(path)
    names = tuple(data["features"])
    return LineModel(data["rule"], data["reason"], names, tuple(data["means"]), tuple(data["scales"]),
                     tuple(data["weights"]), data["intercept"], data["threshold"], data["body_threshold"])


@lru_cache(maxsize=1)
def _model() -> LineModel:
    return load_model()


def find_model_lines(text: str) -> list[Edit]:
    """Lines the learned model scores as boilerplate (the weights file's threshold)."""
    return _model().find(text)
