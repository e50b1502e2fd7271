"""The arithmetic of the learned linear models, applied with plain Python (no numpy at build time).

The line model (:mod:`corpus.clean.line_model`) and the mention classifier (:mod:`corpus.annotate.mention_classifier`)
are logistic regressions trained by scripts with scikit-learn; their weights are reviewable JSON files under
``corpus/curated/``.  What the two share lives
here once: reading a weights file, the dot product of weights and features, the sigmoid and the softmax.  Each model
keeps its own features and decisions.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterable, Sequence


def read_weights(path: Path) -> dict[str, Any]:
    """A model's weights file (JSON, UTF-8)."""
    return json.loads(path.read_text(encoding="utf-8"))


def dot(weights: Sequence[float], values: Sequence[float]) -> float:
    """The sum of weight × value, skipping zero values (most features of a sparse row are absent)."""
    return sum(w * x for w, x in zip(weights, values) if x)


def sigmoid(score: float) -> float:
    """The logistic function: a score (log-odds) as a probability."""
    return 1 / (1 + math.exp(-score))


def softmax(scores: Iterable[float]) -> list[float]:
    """Scores (one per class) as probabilities summing to one (shifted by the largest, so none overflows)."""
    values = list(scores)
    top = max(values)
    exps = [math.exp(s - top) for s in values]
    total = sum(exps)
    return [e / total for e in exps]
