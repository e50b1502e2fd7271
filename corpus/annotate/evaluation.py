"""Gold mention files and the scores of mention detection against them.

A gold file (``corpus/curated/entity_gold/*.txt``) holds one sentence per line with
its mentions marked inline as ``⟦text|type⟧`` or ``⟦text|type|registry-id⟧``; lines
starting with ``#`` are comments.  Reading a line gives the plain sentence and the
gold :class:`~corpus.model.Mention` list with offsets into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpus.model import Mention

GOLD_DIR = Path(__file__).resolve().parent.parent / "curated" / "entity_gold"
MARK = re.compile(r"⟦([^|⟧]+)\|([a-z]+)(?:\|([a-z0-9.\-]+))?⟧")
# Rule mentions of unregistered 《》 titles are typed "title"; gold types the thing
# itself, a work, so the two count as the same type.
SAME_TYPE = {"title": "work"}


@dataclass(frozen=True)
class GoldSentence:
    text: str
    mentions: tuple[Mention, ...]


def parse_gold_line(line: str) -> GoldSentence:
    text, mentions, position = [], [], 0
    offset = 0
    for match in MARK.finditer(line):
        text.append(line[position:match.start()])
        offset += match.start() - position
        surface, kind, ref = match.groups()
        mentions.append(Mention(offset, offset + len(surface), surface, kind, ref=ref, source="gold"))
        text.append(surface)
        offset += len(surface)
        position = match.end()
    text.append(line[position:])
    return GoldSentence("".join(text), tuple(mentions))


def read_gold(path: str | Path) -> list[GoldSentence]:
    with open(path, encoding="utf-8") as handle:
        return [parse_gold_line(line.rstrip("\n")) for line in handle if line.strip() and not line.startswith("#")]


def gold_files(directory: str | Path = GOLD_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.txt"))


@dataclass(frozen=True)
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _kind(mention: Mention) -> str:
    return SAME_TYPE.get(mention.type, mention.type)


def exact_match(gold: Mention, predicted: Mention) -> bool:
    return (gold.start, gold.end, _kind(gold)) == (predicted.start, predicted.end, _kind(predicted))


def linked_match(gold: Mention, predicted: Mention) -> bool:
    """Exact span and type, and the same registry id (both None counts as the same)."""
    return exact_match(gold, predicted) and gold.ref == predicted.ref


def overlap_match(gold: Mention, predicted: Mention) -> bool:
    return _kind(gold) == _kind(predicted) and gold.start < predicted.end and predicted.start < gold.end


def score(pairs: list[tuple[list[Mention], list[Mention]]], matches=exact_match) -> Score:
    """Precision/recall over (gold, predicted) mention lists; each mention matches at most once."""
    true_positives = predicted_total = gold_total = 0
    for gold, predicted in pairs:
        unmatched = list(predicted)
        for mention in gold:
            hit = next((p for p in unmatched if matches(mention, p)), None)
            if hit is not None:
                unmatched.remove(hit)
                true_positives += 1
        predicted_total += len(predicted)
        gold_total += len(gold)
    return Score(true_positives, predicted_total, gold_total)


PROJECTION_SAMPLE = GOLD_DIR / "projection-sample.tsv"


@dataclass(frozen=True)
class ProjectionCase:
    """A Chinese mention of a built sentence and the English span it should be projected onto (None: none)."""

    sentence_id: str
    zh_start: int
    zh_mention: str
    en_text: str
    en_start: int | None


def read_projection_sample(path: str | Path = PROJECTION_SAMPLE) -> list[ProjectionCase]:
    with open(path, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    return [ProjectionCase(sid, int(zh_start), zh, en, int(en_start) if en_start else None)
            for sid, zh_start, zh, en, en_start in rows]


CORRECT_PROJECTION = ("expected span", "unprojected, as expected")


def projection_outcome(case: ProjectionCase, pairs: list[tuple[Mention, Mention | None]]) -> tuple[str, str | None]:
    """What projection (``project_pairs`` output for the case's sentence) did with the case's mention.

    The outcome — ``expected span``, ``other span``, ``unprojected, as expected``,
    ``unprojected, span expected`` or ``mention not detected`` — and the span chosen, as ``text@start``.
    """
    found = [target for mention, target in pairs if (mention.start, mention.text) == (case.zh_start, case.zh_mention)]
    if not found:
        return "mention not detected", None
    if found[0] is None:
        return ("unprojected, as expected" if case.en_start is None else "unprojected, span expected"), None
    chosen = found[0]
    right = (chosen.start, chosen.text) == (case.en_start, case.en_text)
    return ("expected span" if right else "other span"), f"{chosen.text}@{chosen.start}"
