"""Strict and lax precision/recall/F1 of sentence alignments, as Vecalign's ``score.py`` computes them.

Definitions (Vecalign, Thompson & Koehn 2019, after Bleualign):

* A link is a pair (zh indices, en indices); links empty on both sides are dropped.
* **Precision** is measured over all test links, deletions/insertions
  included.  A test link is a *strict* true positive when the identical link
  is in the gold set.  Otherwise it is a *lax* true positive when some zh
  index of it is, in the gold set, linked to some en index of it, i.e. it
  shares at least one zh and one en sentence with one gold link (a 1-0/0-1
  test link can therefore only match strictly).
* **Recall** is the same computation with gold and test swapped, after
  removing deletions/insertions from both (so a gold ``[7]:[]`` does not need
  to be found, but a predicted one can cost precision).
* Counts are summed over all documents before dividing (micro-average);
  F1 is the harmonic mean; 0/0 is 0.

Because recall ignores deletions/insertions, :func:`recall_by_type` reports
separately, per gold link type (``1-1``, ``2-1``, ``1-0``, ``0-1`` ...), how
many gold links were predicted exactly, and :func:`type_confusion` what the
others became; :func:`disagreements` cuts two paths into the stretches where
they differ (what an oracle analysis compares the costs of).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from corpus.model import Link

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Scores:
    strict_precision: float
    strict_recall: float
    strict_f1: float
    lax_precision: float
    lax_recall: float
    lax_f1: float


def _pairs(links: Iterable[Link]) -> set[Pair]:
    return {(tuple(link.zh), tuple(link.en)) for link in links if link.zh or link.en}


def _precision_counts(gold: set[Pair], test: set[Pair]) -> tuple[int, int, int]:
    """(strict true positives, lax true positives, number of test links)."""
    gold_en_of_zh: dict[int, set[int]] = defaultdict(set)
    for zh, en in gold:
        for i in zh:
            gold_en_of_zh[i].update(en)
    strict = lax = 0
    for zh, en in test:
        if (zh, en) in gold:
            strict += 1
            lax += 1
        elif set(en) & {j for i in zh for j in gold_en_of_zh[i]}:
            lax += 1
    return strict, lax, len(test)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _documents(gold: Sequence[Sequence[Link]],
               test: Sequence[Sequence[Link]]) -> Iterator[tuple[Sequence[Link], Sequence[Link]]]:
    """(gold links, test links) per document; both lists must cover the same documents."""
    if len(gold) != len(test):
        raise ValueError("gold and test must have one link list per document")
    return zip(gold, test)


def score_alignments(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> Scores:
    """Micro-averaged strict/lax P/R/F1 of ``test`` against ``gold``, one list of links per document."""
    p_strict = p_lax = p_total = r_strict = r_lax = r_total = 0
    for gold_links, test_links in _documents(gold, test):
        gold_pairs, test_pairs = _pairs(gold_links), _pairs(test_links)
        strict, lax, total = _precision_counts(gold_pairs, test_pairs)
        p_strict, p_lax, p_total = p_strict + strict, p_lax + lax, p_total + total
        gold_kept = {pair for pair in gold_pairs if pair[0] and pair[1]}
        test_kept = {pair for pair in test_pairs if pair[0] and pair[1]}
        strict, lax, total = _precision_counts(test_kept, gold_kept)
        r_strict, r_lax, r_total = r_strict + strict, r_lax + lax, r_total + total
    sp, sr = _ratio(p_strict, p_total), _ratio(r_strict, r_total)
    lp, lr = _ratio(p_lax, p_total), _ratio(r_lax, r_total)
    return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr))


def exact_f1(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> float:
    """F1 of identical links, deletions and insertions counted on both sides (unlike Vecalign's strict
    recall); the objective that tunes our aligner, since it rewards finding a 1-0/0-1 link."""
    found = gold_total = test_total = 0
    for gold_links, test_links in _documents(gold, test):
        gold_pairs, test_pairs = _pairs(gold_links), _pairs(test_links)
        found += len(gold_pairs & test_pairs)
        gold_total += len(gold_pairs)
        test_total += len(test_pairs)
    return _f1(_ratio(found, test_total), _ratio(found, gold_total))


def recall_by_type(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> dict[str, tuple[int, int]]:
    """Per gold link type ``"n_zh-n_en"``: (gold links of that type predicted exactly, gold links of that type),
    summed over documents; unlike :func:`score_alignments` this counts 1-0 and 0-1 links too."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gold_links, test_links in _documents(gold, test):
        test_pairs = _pairs(test_links)
        for zh, en in _pairs(gold_links):
            cell = counts[f"{len(zh)}-{len(en)}"]
            cell[0] += (zh, en) in test_pairs
            cell[1] += 1
    return {kind: (found, total) for kind, (found, total) in counts.items()}


def link_type(link: Link) -> str:
    return f"{len(link.zh)}-{len(link.en)}"


def type_confusion(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> dict[str, Counter[str]]:
    """Per gold link type: ``"exact"`` for each gold link predicted exactly, otherwise the type of the
    predicted link that holds the gold link's first sentence (its first zh sentence, or en for a 0-1)."""
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for gold_links, test_links in _documents(gold, test):
        test_pairs = _pairs(test_links)
        holder_of_zh = {i: link for link in test_links for i in link.zh}
        holder_of_en = {j: link for link in test_links for j in link.en}
        for link in gold_links:
            if not link.zh and not link.en:
                continue
            if (tuple(link.zh), tuple(link.en)) in test_pairs:
                outcome = "exact"
            else:
                holder = holder_of_zh.get(link.zh[0]) if link.zh else holder_of_en.get(link.en[0])
                outcome = link_type(holder) if holder is not None else "none"
            confusion[link_type(link)][outcome] += 1
    return dict(confusion)


def _type_order(kind: str) -> tuple[int, int, str]:
    zh, _, en = kind.partition("-")
    return (int(zh) + int(en), -int(zh), kind) if zh.isdigit() and en.isdigit() else (99, 0, kind)


def evaluation_report(gold: Sequence[Sequence[Link]], test: Sequence[Sequence[Link]]) -> str:
    """Strict and lax P/R/F1, then one line per gold link type: how many, how many predicted exactly,
    and what the others were predicted as (the type of the link holding their first sentence)."""
    scores = score_alignments(gold, test)
    lines = ["          precision recall  F1",
             f"strict    {scores.strict_precision:9.3f} {scores.strict_recall:6.3f} {scores.strict_f1:6.3f}",
             f"lax       {scores.lax_precision:9.3f} {scores.lax_recall:6.3f} {scores.lax_f1:6.3f}",
             "gold type   links  exact  otherwise predicted as"]
    for kind, outcomes in sorted(type_confusion(gold, test).items(), key=lambda item: _type_order(item[0])):
        others = sorted(((count, name) for name, count in outcomes.items() if name != "exact"), reverse=True)
        lines.append(f"{kind:<10} {sum(outcomes.values()):6d} {outcomes['exact']:6d}  "
                     + " ".join(f"{name}:{count}" for count, name in others))
    return "\n".join(lines) + "\n"


def disagreements(test: Sequence[Link], gold: Sequence[Link]) -> list[tuple[list[Link], list[Link]]]:
    """The stretches where two monotone alignments of the same sentences differ, as (test links, gold links):
    both paths are cut at every point both pass through (after the same zh and en sentences), and each piece
    whose links differ is kept.  Both must be gap-free paths, in order, over the same sentences (a ValueError
    otherwise)."""
    test_points, gold_points = _path_points(test), _path_points(gold)
    if test_points[-1:] != gold_points[-1:]:
        raise ValueError("the two alignments do not cover the same sentences")
    common = set(test_points) & set(gold_points)
    return [(test_piece, gold_piece) for test_piece, gold_piece
            in zip(_cut(test, test_points, common), _cut(gold, gold_points, common))
            if _pairs(test_piece) != _pairs(gold_piece)]


def _path_points(links: Sequence[Link]) -> list[tuple[int, int]]:
    """The point (zh sentences, en sentences) the path has covered after each link."""
    points, zh, en = [], 0, 0
    for link in links:
        if (link.zh and link.zh[0] != zh) or (link.en and link.en[0] != en):
            raise ValueError(f"link {list(link.zh)}:{list(link.en)} does not continue the path at ({zh}, {en})")
        zh, en = zh + len(link.zh), en + len(link.en)
        points.append((zh, en))
    return points


def _cut(links: Sequence[Link], points: Sequence[tuple[int, int]], cuts: set[tuple[int, int]]) -> list[list[Link]]:
    pieces: list[list[Link]] = [[]]
    for link, point in zip(links, points):
        pieces[-1].append(link)
        if point in cuts:
            pieces.append([])
    return pieces[:-1]
