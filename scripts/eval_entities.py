#!/usr/bin/env python
"""Score mention detection against the gold files, and projection onto the English, if built.

    python scripts/eval_entities.py [--gold corpus/curated/entity_gold] [--sentences corpus/data/sentences.parquet]

Prints precision/recall/F1 per gold file (exact span+type, exact span+type+registry id,
and overlap+type), per type, and the errors; the same without the statistical NER (registry and
rules only: the baseline before it); then the recall the registry's curators would reach
if they accepted every jieba candidate that ``corpus entities`` reports (the candidates are never
added to the corpus, so this is an upper bound for one curation round, not the shipped figure); then,
when the sentence table exists with
English, the share of Chinese mentions projected onto the English (overall and per type), and how many
of the hand-checked mentions in ``projection-sample.tsv`` are projected onto the expected English span.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from corpus.annotate import find_mentions, project
from corpus.registry import load_registry
from corpus.annotate.evaluation import (CORRECT_PROJECTION, GOLD_DIR, PROJECTION_SAMPLE, exact_match, gold_files,
                                        linked_match, overlap_match, projection_outcome, read_gold,
                                        read_projection_sample, score)
from corpus.annotate.mentions import unknown_candidates
from corpus.annotate.projection import project_pairs

SENTENCES = Path(__file__).resolve().parent.parent / "corpus" / "data" / "sentences.parquet"
VARIANTS = (("exact span+type", exact_match), ("exact span+type+id", linked_match), ("overlap+type", overlap_match))


def evaluate_gold(directory: Path, registry, show_errors: bool) -> None:
    for path in gold_files(directory):
        sentences = read_gold(path)
        pairs = [(list(s.mentions), find_mentions(s.text, registry)) for s in sentences]
        print(f"\n== {path.name}: {len(sentences)} sentences, {sum(len(g) for g, _ in pairs)} gold mentions")
        for name, matches in VARIANTS:
            result = score(pairs, matches)
            print(f"  {name:<20} P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}"
                  f"  (tp={result.true_positives} pred={result.predicted} gold={result.gold})")
        curated_only = [(gold, find_mentions(s.text, registry, statistical=False))
                        for s, (gold, _) in zip(sentences, pairs)]
        with_candidates = [(gold, predicted + unknown_candidates(s.text, registry))
                           for s, (gold, predicted) in zip(sentences, curated_only)]
        for name, variant in (("registry+rules only", curated_only), ("+ jieba candidates", with_candidates)):
            result = score(variant, exact_match)
            print(f"  {name:<20} P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f}"
                  f"  (tp={result.true_positives} pred={result.predicted} gold={result.gold}; exact span+type)")
        kinds = sorted({m.type for g, _ in pairs for m in g})
        for kind in kinds:
            typed = [
                (
                    [m for m in g if m.type == kind],
                    [m for m in p if m.type in (kind, "title" if kind == "work" else kind)],
                )
                for g, p in pairs
            ]
            result = score(typed)
            print(
                f"    {kind:<8} P={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} (gold={result.gold})"
            )
        if show_errors:
            for sentence, (gold, predicted) in zip(sentences, pairs):
                missed = [m for m in gold if not any(exact_match(m, p) for p in predicted)]
                spurious = [p for p in predicted if not any(exact_match(m, p) for m in gold)]
                if missed or spurious:
                    print(f"    | {sentence.text[:60]}")
                    for m in missed:
                        print(f"    |   missed   {m.text} ({m.type})")
                    for p in spurious:
                        print(f"    |   spurious {p.text} ({p.type})")


def evaluate_projection_sample(table, registry, show_errors: bool) -> None:
    """Projection precision on the hand-checked sample: projected spans that are the expected one."""
    cases = read_projection_sample(PROJECTION_SAMPLE)
    rows = table.set_index("id")
    outcomes, errors = Counter(), []
    for case in cases:
        zh, en = rows.at[case.sentence_id, "zh"], rows.at[case.sentence_id, "en"]
        outcome, got = projection_outcome(case, project_pairs(find_mentions(zh, registry), zh, en, registry))
        outcomes[outcome] += 1
        if outcome not in CORRECT_PROJECTION:
            errors.append(f"    | {case.sentence_id} {case.zh_mention}: {outcome}; "
                          f"expected {case.en_text or None}@{case.en_start}, got {got}")
    right, projected = outcomes["expected span"], outcomes["expected span"] + outcomes["other span"]
    print(f"\n== projection sample ({PROJECTION_SAMPLE.name}, {len(cases)} hand-checked mentions): "
          f"precision {right}/{projected} = {right / projected if projected else 0.0:.3f}")
    for outcome, count in sorted(outcomes.items()):
        print(f"    {outcome:<26} {count}")
    if show_errors:
        print("\n".join(errors))


def evaluate_projection(path: Path, registry, show_errors: bool) -> None:
    if not path.exists():
        print(f"\n(no {path}: build the corpus to measure projection)")
        return
    import pandas

    table = pandas.read_parquet(path)
    if "en" in table.columns:
        english = table["en"].fillna("")
    elif "en_segments" in table.columns:
        english = table["en_segments"].map(lambda segments: " ".join(segments) if segments is not None else "")
    else:
        print(f"\n({path} has no English column; projection not measured)")
        return
    done, total = Counter(), Counter()
    for zh, en in zip(table["zh"], english):
        if not en:
            continue
        mentions = find_mentions(zh, registry)
        projected, unprojected = project(mentions, zh, en, registry)
        for mention in mentions:
            total[mention.type] += 1
        for mention in projected:
            done[mention.type] += 1
    overall = sum(done.values()) / sum(total.values()) if total else 0.0
    print(f"\n== projection over {path.name}: {sum(done.values())}/{sum(total.values())} Chinese mentions "
          f"projected onto the English = {overall:.3f}")
    for kind in sorted(total):
        print(f"    {kind:<8} {done[kind]}/{total[kind]} = {done[kind] / total[kind]:.3f}")
    evaluate_projection_sample(table, registry, show_errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument(
        "--errors", action="store_true", help="list missed and spurious mentions, and projection sample errors"
    )
    args = parser.parse_args()
    registry = load_registry()
    evaluate_gold(args.gold, registry, args.errors)
    evaluate_projection(args.sentences, registry, args.errors)


if __name__ == "__main__":
    main()
