"""Why our aligner's wrong links on bible/001 (dev) are wrong: search or model, and which part of the model.

    python scripts/align_oracle.py              # the split and the cost parts, before and after the refinement
    python scripts/align_oracle.py --ceilings   # + F1 with an oracle link-type prior and an oracle lexicon

Our path and the gold path are cut where they differ (:func:`corpus.align.evaluate.disagreements`); each
stretch's gold links and our links are costed under the model of the pass that produced our path
(:func:`corpus.align.aligner.link_costs`).  A stretch whose gold links are cheaper is a *search error* (the
search or something after it lost a better path: the band, the boundary refinement); one whose gold links cost
more is a *model error* (no search can find what the costs do not prefer); a gold link of a type the search
never proposes is *outside the search space*.  For model errors the extra cost of the gold links is split into
the parts of a link's cost: the link-type prior, the length cost, the cost of lines inside a link by their
ending, the a-1 neighbour cost, and the rest (the lexical cosine, with the unshared-key cost of a first pass).

``--ceilings`` measures what the two learned parts of the model could give at best: bible/001 aligned with the
link-type prior of the gold links in the learned passes, and with the lexicon learned from the gold links (the
anchors a perfect first pass would give).  Both are oracles (they read the gold) and are no settings.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus.align.aligner as aligner_module  # noqa: E402
from corpus.align.aligner import CostModel, Search, align_texts, default_settings, link_costs, link_types  # noqa: E402
from corpus.align.evaluate import disagreements, link_type, score_alignments  # noqa: E402
from corpus.align.gold import GoldPassage, load_bible  # noqa: E402
from corpus.model import Link  # noqa: E402

SHOWN = 12  # most frequent (gold types, our types) patterns printed


def _parts(model: CostModel) -> dict[str, CostModel]:
    """The model without each part whose share of a cost is measured (the rest is the lexical cost)."""
    return {"type prior": dataclasses.replace(model, penalties={link: 0.0 for link in model.penalties}),
            "length": dataclasses.replace(model, length_weight=0.0),
            "line endings": dataclasses.replace(model, inside_costs=None),
            "neighbour": dataclasses.replace(model, neighbour_weight=0.0)}


def _cost_parts(result: Search, links: list[Link]) -> dict[str, float]:
    total = float(link_costs(result.text, links, result.model).sum())
    parts = {name: total - float(link_costs(result.text, links, model).sum())
             for name, model in _parts(result.model).items()}
    return {**parts, "lexical and the rest": total - sum(parts.values()), "total": total}


def _pattern(links: list[Link]) -> str:
    return "+".join(link_type(link) for link in links)


def attribution(label: str, result: Search, gold: list[Link]) -> None:
    """Print the search/model split of the stretches where ``result``'s path leaves the gold, and the parts."""
    gold_pairs = {(link.zh, link.en) for link in gold}
    types = set(link_types(default_settings().longest))
    stretches, wrong, patterns = Counter[str](), Counter[str](), Counter[tuple[str, str, str]]()
    margins: dict[str, list[dict[str, float]]] = {"many-to-many": [], "other": []}
    for ours, theirs in disagreements(result.links, gold):
        if any((len(link.zh), len(link.en)) not in types for link in theirs):
            kind = "outside the search space"
        else:
            ours_parts, gold_parts = _cost_parts(result, ours), _cost_parts(result, theirs)
            kind = "search error" if gold_parts["total"] < ours_parts["total"] else "model error"
            if kind == "model error":
                verse = all(len(link.zh) >= 2 and len(link.en) >= 2 for link in theirs)
                margins["many-to-many" if verse else "other"].append(
                    {name: gold_parts[name] - ours_parts[name] for name in gold_parts})
        stretches[kind] += 1
        wrong[kind] += sum((link.zh, link.en) not in gold_pairs for link in ours)
        patterns[kind, _pattern(theirs), _pattern(ours)] += 1
    f1 = score_alignments([gold], [result.links]).strict_f1
    print(f"{label}: strict F1 {f1:.4f}, {len(result.links)} links, {sum(wrong.values())} not gold links")
    for kind in ("outside the search space", "search error", "model error"):
        print(f"  {kind:<26} {stretches[kind]:4d} stretches, {wrong[kind]:4d} of our links")
    print("  most frequent (gold → ours):")
    for (kind, gold_types, our_types), count in patterns.most_common(SHOWN):
        print(f"    {count:4d}  {gold_types:<12} → {our_types:<14} {kind}")
    print("  model errors: what the gold links cost more than ours, mean (median) per stretch, by part")
    for group, rows in margins.items():
        if rows:
            print(f"    {group} ({len(rows)}): " + ", ".join(
                f"{name} {np.mean([row[name] for row in rows]):+.2f} ({np.median([row[name] for row in rows]):+.2f})"
                for name in rows[0]))


def ceilings(bible: GoldPassage) -> None:
    """bible/001's strict F1 with the gold link-type prior in the learned passes, and with a lexicon learned from the
    gold links (oracles: what a perfect estimate of either would give this model)."""
    gold_types = Counter((len(link.zh), len(link.en)) for link in bible.links)
    penalties = aligner_module._penalties

    def gold_prior(types, settings, counts=None):  # type: ignore[no-untyped-def]
        return penalties(types, settings, None if counts is None else gold_types)

    with mock.patch.object(aligner_module, "_penalties", gold_prior):
        f1 = score_alignments([bible.links], [align_texts(bible.zh, bible.en)]).strict_f1
    print(f"the gold links' link-type prior in the learned passes: strict F1 {f1:.4f}")
    prepare, train = aligner_module.prepare, aligner_module.train_intersected
    prepared = []

    def remembered(*arguments, **keywords):  # type: ignore[no-untyped-def]
        prepared.append(prepare(*arguments, **keywords))
        return prepared[-1]

    def from_gold(_pairs, *arguments):  # type: ignore[no-untyped-def]
        zh_tokens, en_tokens = prepared[-1].zh_tokens, prepared[-1].en_tokens
        return train([([t for i in link.zh for t in zh_tokens[i]], [t for j in link.en for t in en_tokens[j]])
                      for link in bible.links if link.zh and link.en], *arguments)

    with mock.patch.object(aligner_module, "prepare", remembered), \
            mock.patch.object(aligner_module, "train_intersected", from_gold):
        f1 = score_alignments([bible.links], [align_texts(bible.zh, bible.en)]).strict_f1
    print(f"the lexicon learned from the gold links: strict F1 {f1:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ceilings", action="store_true", help="also F1 with an oracle type prior and lexicon")
    arguments = parser.parse_args()
    bible = load_bible("001")
    if bible is None:
        sys.exit("align_oracle: the shared alignment data (../shared/align-dev/bible) is not there")
    gold = [Link(tuple(link.zh), tuple(link.en)) for link in bible.links]
    settings = default_settings()
    unrefined = dataclasses.replace(settings, boundary_weight=0.0)
    attribution("last learned pass", aligner_module.search(bible.zh, bible.en, unrefined), gold)
    attribution("after the boundary refinement (our answer)", aligner_module.search(bible.zh, bible.en, settings), gold)
    if arguments.ceilings:
        ceilings(bible)


if __name__ == "__main__":
    main()
