#!/usr/bin/env python
"""Train the mention classifier (corpus/annotate/mention_classifier.py) on the dev captures, and measure it.

    python scripts/train_mention_classifier.py [--from-table] [--dir tests/devcaptures]

1. Every dev capture goes through the text stages and annotation with the rules alone
   (``CORPUS_MENTION_CLASSIFIER=off``); each distinct unregistered name the rules keep is a candidate,
   labelled with the type the capture's gold gives that name (``none`` where the gold lacks it).  The
   candidates, their features, the gold and the names the classifier never touches (registry names) are
   written to ``corpus/curated/mention_classifier/training.jsonl``, one capture a line.  ``--from-table``
   starts from that file instead (seconds instead of minutes).
2. Leave-one-capture-out cross-validation: for each capture, a model trained on all the others predicts its
   candidates.  Entity precision/recall per type, scored as ``scripts/bench_heldout.py`` scores them (distinct
   (name, type) pairs per document, registry names included), are printed for the rules alone and for each
   pair of thresholds; the pair with the best mean F1 of person/org/place (ties: the higher thresholds, the
   fewer changes) is chosen, on this cross-validation only.
3. The model trained on every capture and the chosen thresholds are written to
   ``corpus/curated/mention_classifier/weights.json`` (sorted, rounded: the same table gives the same bytes).

Never point ``--dir`` at a tests/heldout* set: those are test data.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from corpus.annotate import mention_classifier as mc

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "devcaptures"
TABLE = mc.WEIGHTS.parent / "training.jsonl"
CLASSES = (*mc.NAME_TYPES, mc.NONE)
REGULARISATION = 1.0  # scikit-learn's C: the inverse strength of the L2 penalty
# From 0.25 (the least a most probable class of four can hold): round 11 chose 0.40/0.40, the old grid's lower edge
GRID = tuple(round(0.25 + 0.05 * step, 2) for step in range(15)) + (1.01,)  # 1.01: never
FINAL_TOLERANCE = 1e-8
DIGITS = 5  # weights are rounded to this many decimals, so reruns write the same bytes


def capture_rows(directory: Path) -> list[dict]:
    """One row per capture: its gold pairs, the registry's (untouched) pairs and the rules' candidates."""
    from corpus import pipeline
    from corpus.annotate import annotate, load_registry

    registry = load_registry()
    with tempfile.TemporaryDirectory() as temporary:
        for capture in sorted(directory.glob("*.txt")):
            shutil.copy(capture, Path(temporary) / capture.name)
        docs = pipeline.prepare(Path(temporary))
    rows = []
    for doc in sorted(docs, key=lambda d: d.source_file):
        with mc.rules_only():
            annotate(doc, registry)
        expected = yaml.safe_load((directory / Path(doc.source_file).with_suffix(".yaml").name).read_text("utf-8"))
        gold = sorted({tuple(item.rsplit(" ", 1)) for item in expected["entities"]})
        fixed = sorted({(m.text, m.type) for s in doc.sentences for m in s.entities
                        if m.type in mc.NAME_TYPES and m.source != "ner"})
        found = mc.candidates(doc, registry)
        rows.append({"capture": Path(doc.source_file).name, "gold": gold, "fixed": fixed,
                     "candidates": [{"name": c.name, "types": list(c.types), "label": label(c, gold),
                                     "features": c.features} for c in found]})
    return rows


def label(candidate: mc.Candidate, gold: list[tuple[str, str]]) -> str:
    """The gold's type of the name (one the rules gave it, where the gold has several), else none."""
    kinds = sorted(kind for name, kind in gold if name == candidate.name and kind in mc.NAME_TYPES)
    return next((kind for kind in kinds if kind in candidate.types), kinds[0] if kinds else mc.NONE)


def write_table(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def read_table(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def design(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The feature matrix, labels and capture index of every candidate."""
    column = {name: index for index, name in enumerate(names)}
    items = [(i, c) for i, row in enumerate(rows) for c in row["candidates"]]
    matrix = np.zeros((len(items), len(names)))
    for r, (_, candidate) in enumerate(items):
        for name, value in candidate["features"].items():
            if name in column:
                matrix[r, column[name]] = value
    labels = np.array([CLASSES.index(c["label"]) for _, c in items])
    return matrix, labels, np.array([i for i, _ in items])


def fit(matrix: np.ndarray, labels: np.ndarray, tolerance: float = 1e-4) -> LogisticRegression:
    """L-BFGS on one thread (threads only slow a problem this small down; one also keeps the sums in one order);
    the shipped model converges to ``FINAL_TOLERANCE``, so its rounded weights do not depend on where it stopped."""
    with threadpool_limits(1):
        return LogisticRegression(C=REGULARISATION, max_iter=5000, tol=tolerance).fit(matrix, labels)


def full_probabilities(model: LogisticRegression, matrix: np.ndarray) -> np.ndarray:
    """Probabilities in the order of CLASSES, zero for a class the training fold lacked (none for a capture without
    candidates: every name it holds is registered or a speaker's)."""
    out = np.zeros((matrix.shape[0], len(CLASSES)))
    if matrix.shape[0]:
        out[:, model.classes_] = model.predict_proba(matrix)
    return out


def cross_validated(rows: list[dict], names: list[str]) -> list[np.ndarray]:
    """Leave-one-capture-out probabilities of every candidate, one array per capture."""
    matrix, labels, groups = design(rows, names)
    return [full_probabilities(fit(matrix[groups != group], labels[groups != group]), matrix[groups == group])
            for group in range(len(rows))]


def scores(rows: list[dict], probability: list[np.ndarray], drop: float,
           retype: float) -> dict[str, tuple[int, int, int]]:
    """(right, found, gold) per type over distinct (name, type) pairs per capture, as the bench counts them."""
    model = mc.Model(CLASSES, (), (), (), drop, retype)
    right, found, gold = Counter(), Counter(), Counter()
    for row, probabilities in zip(rows, probability):
        pairs = {tuple(pair) for pair in row["fixed"]}
        for candidate, p in zip(row["candidates"], probabilities):
            verdict = mc.decision(mc.Candidate(candidate["name"], tuple(candidate["types"]), {}),
                                  dict(zip(CLASSES, p.tolist())), model)
            kinds = candidate["types"] if verdict is None else [] if verdict == mc.NONE else [verdict]
            pairs |= {(candidate["name"], kind) for kind in kinds}
        wanted = {tuple(pair) for pair in row["gold"]}
        for name, kind in pairs:
            found[kind] += 1
            right[kind] += (name, kind) in wanted
        for _, kind in wanted:
            gold[kind] += 1
    return {kind: (right[kind], found[kind], gold[kind]) for kind in mc.NAME_TYPES}


def f1(right: int, found: int, gold: int) -> float:
    return 2 * right / (found + gold) if found + gold else 0.0


def mean_f1(figures: dict[str, tuple[int, int, int]]) -> float:
    return sum(f1(*figures[kind]) for kind in mc.NAME_TYPES) / len(mc.NAME_TYPES)


def line(title: str, figures: dict[str, tuple[int, int, int]]) -> str:
    parts = [f"{kind} P {r / f if f else 0:.3f} R {r / g if g else 0:.3f}" for kind, (r, f, g) in figures.items()]
    return f"{title:<32} " + "; ".join(parts) + f"; mean F1 {mean_f1(figures):.3f}"


def choose_thresholds(rows: list[dict], probability: list[np.ndarray]) -> tuple[float, float]:
    """The (drop, retype) pair of GRID with the best mean F1; ties go to the higher thresholds."""
    table = {(d, r): mean_f1(scores(rows, probability, d, r)) for d in GRID for r in GRID}
    return max(table, key=lambda pair: (round(table[pair], 9), pair))


def model_json(model: LogisticRegression, names: list[str], drop: float, retype: float) -> str:
    """The weights file: the settings, then one line per feature with its weight for each class (for review)."""
    weights = np.zeros((len(CLASSES), len(names)))
    intercepts = np.zeros(len(CLASSES))
    weights[model.classes_] = model.coef_
    intercepts[model.classes_] = model.intercept_
    settings = {"classes": list(CLASSES), "drop_threshold": drop, "retype_threshold": retype,
                "intercepts": _rounded(intercepts), "trained_on": f"tests/devcaptures ({Path(__file__).name})"}
    lines = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}," for key, value in settings.items()]
    rows = [f"  {json.dumps(name)}: {json.dumps(_rounded(weights[:, column]))}" for column, name in enumerate(names)]
    return "{\n" + "\n".join(lines) + '\n "weights": {\n' + ",\n".join(rows) + "\n }\n}\n"


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(value), DIGITS) + 0.0 for value in values]  # + 0.0: no negative zero


def train(rows: list[dict], verbose: bool = True) -> str:
    """Cross-validate, choose the thresholds, fit on every capture: the weights file's text."""
    names = sorted({name for row in rows for c in row["candidates"] for name in c["features"]})
    probability = cross_validated(rows, names)
    drop, retype = choose_thresholds(rows, probability)
    if verbose:
        print(f"{len(rows)} captures, {sum(len(p) for p in probability)} candidates, {len(names)} features; "
              f"labels {dict(sorted(Counter(c['label'] for row in rows for c in row['candidates']).items()))}")
        print(line("rules alone", scores(rows, probability, 1.01, 1.01)))
        for value in GRID:
            print(line(f"CV drop {value:.2f} retype {retype:.2f}", scores(rows, probability, value, retype)))
        for value in GRID:
            print(line(f"CV drop {drop:.2f} retype {value:.2f}", scores(rows, probability, drop, value)))
        print(line(f"chosen: drop {drop:.2f} retype {retype:.2f}", scores(rows, probability, drop, retype)))
        checks = [i for i, row in enumerate(rows) if "_check" in row["capture"]]  # written after their rules
        subset, chunks = [rows[i] for i in checks], [probability[i] for i in checks]
        print(line(f"{len(checks)} _check captures, rules", scores(subset, chunks, 1.01, 1.01)))
        print(line(f"{len(checks)} _check captures, CV", scores(subset, chunks, drop, retype)))
    matrix, labels, _ = design(rows, names)
    return model_json(fit(matrix, labels, FINAL_TOLERANCE), names, drop, retype)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEV, help="folder of NAME.txt + NAME.yaml dev captures")
    parser.add_argument("--from-table", action="store_true", help=f"start from {TABLE.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if "heldout" in args.dir.name:
        parser.error("the held-out sets are test data: train on the dev captures")
    if args.from_table:
        rows = read_table(TABLE)
    else:
        rows = capture_rows(args.dir)
        write_table(rows, TABLE)
    mc.WEIGHTS.write_text(train(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
