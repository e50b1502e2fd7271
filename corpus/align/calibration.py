"""Link probabilities from link costs: an isotonic fit of "link right" on cost per sentence.

A link's cost per sentence orders links from sure to doubtful, but not on a
probability scale, and a logistic curve of it was too high below 0.5 (the
doubtful links were right far less often than the curve said).  The fit here
assumes only that a cheaper link is no less likely to be right: links are
grouped into bins of equal count along the cost (links of one cost in one bin),
each bin's share of right links, counted with Laplace's rule of succession
((right + 1) / (links + 2): a bin of a dozen links all right says "nearly
always right", not "always"; the skips of short texts, which all cost the
same, are such a bin), is made non-increasing by pool-adjacent-violators
(``scipy.optimize.isotonic_regression``), and the knots (bin mean cost, its
probability) are interpolated linearly.  Links with both sides and 1-0/0-1
links get a curve each.  The knots live in
``corpus/curated/align/aligner.json`` and are refitted on dev gold by
``scripts/bench_align.py --calibrate``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import isotonic_regression

BINS = 60  # bins of equal link count along the cost: enough knots for the curve, enough links per knot
SKIP_BINS = 4  # dev data has few skips


@dataclass(frozen=True)
class Curve:
    costs: tuple[float, ...]  # cost per sentence at each knot, increasing
    probabilities: tuple[float, ...]  # P(link right) at each knot, non-increasing

    def __call__(self, cost_per_sentence: np.ndarray) -> np.ndarray:
        return np.interp(cost_per_sentence, self.costs, self.probabilities)

    def as_json(self) -> dict[str, list[float]]:
        return {"costs": list(self.costs), "probabilities": list(self.probabilities)}


@dataclass(frozen=True)
class Calibration:
    """One curve for links with both sides and one for 1-0/0-1 links: a skip's cost is the document's skip
    cost, whatever the sentence, so it says little about the skip and cannot share the pairs' scale."""

    pair: Curve
    skip: Curve

    def __call__(self, cost_per_sentence: np.ndarray, skip: np.ndarray) -> np.ndarray:
        return np.where(skip, self.skip(cost_per_sentence), self.pair(cost_per_sentence))

    def as_json(self) -> dict[str, dict[str, list[float]]]:
        return {"pair": self.pair.as_json(), "skip": self.skip.as_json()}

    @classmethod
    def from_json(cls, data: dict[str, dict[str, list[float]]]) -> "Calibration":
        def curve(kind: str) -> Curve:
            return Curve(tuple(data[kind]["costs"]), tuple(data[kind]["probabilities"]))

        return cls(curve("pair"), curve("skip"))


def fit_calibration(cost_per_sentence: np.ndarray, skip: np.ndarray, right: np.ndarray) -> Calibration:
    """A curve for the pair links and one for the skips of these links."""
    skip = np.asarray(skip, dtype=bool)
    return Calibration(fit_curve(cost_per_sentence[~skip], right[~skip]),
                       fit_curve(cost_per_sentence[skip], right[skip], SKIP_BINS))


def fit_curve(cost_per_sentence: np.ndarray, right: np.ndarray, bins: int = BINS) -> Curve:
    """The non-increasing map from cost per sentence to the share of right links, fitted on these links."""
    if len(cost_per_sentence) == 0:
        raise ValueError("no links to calibrate on")
    order = np.argsort(cost_per_sentence, kind="stable")
    groups = _bins(np.round(cost_per_sentence[order], 4), bins)
    centres = np.array([cost_per_sentence[order[group]].mean() for group in groups])
    right = np.asarray(right, dtype=float)[order]
    shares = np.array([(right[group].sum() + 1) / (group.stop - group.start + 2) for group in groups])
    sizes = np.array([group.stop - group.start for group in groups], dtype=float)
    fitted = isotonic_regression(shares, weights=sizes, increasing=False).x
    return Curve(tuple(round(float(c), 4) for c in centres), tuple(round(float(p), 4) for p in fitted))


def _bins(sorted_costs: np.ndarray, bins: int) -> list[slice]:
    """About ``bins`` runs of equal length of these sorted costs, each cut moved to the end of a run of equal costs:
    links that cost the same cannot be told apart, so they share one knot."""
    cuts = np.cumsum([len(part) for part in np.array_split(sorted_costs, min(bins, len(sorted_costs)))])
    ends = np.unique(np.searchsorted(sorted_costs, sorted_costs[cuts - 1], side="right"))
    return [slice(int(start), int(end)) for start, end in zip(np.concatenate(([0], ends[:-1])), ends)]


@dataclass(frozen=True)
class ReliabilityRow:
    low: float
    high: float
    links: int
    mean_predicted: float
    share_right: float


def reliability(predicted: np.ndarray, right: np.ndarray,
                edges: tuple[float, ...] = (0.0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 1.0)) -> list[ReliabilityRow]:
    """Per bin of predicted probability: how many links, their mean prediction and the share that were right."""
    rows = []
    for low, high in zip(edges, edges[1:]):
        chosen = (predicted >= low) & ((predicted < high) if high < edges[-1] else (predicted <= high))
        if chosen.any():
            rows.append(ReliabilityRow(low, high, int(chosen.sum()), float(predicted[chosen].mean()),
                                       float(np.asarray(right, dtype=float)[chosen].mean())))
    return rows
