"""The shared arithmetic of the learned models (corpus/lang/logistic.py)."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.lang import logistic

SCORES = st.lists(st.floats(min_value=-50, max_value=50), min_size=1, max_size=6)


@given(SCORES)
def test_softmax_is_a_distribution_that_keeps_the_order_of_the_scores(scores):
    probabilities = logistic.softmax(scores)
    assert sum(probabilities) == pytest.approx(1.0)
    assert all(0 <= p <= 1 for p in probabilities)
    best = max(range(len(scores)), key=scores.__getitem__)
    assert probabilities[best] == max(probabilities)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_is_the_two_class_softmax(score):
    assert logistic.sigmoid(score) == pytest.approx(logistic.softmax([0.0, score])[1])
    assert logistic.sigmoid(score) + logistic.sigmoid(-score) == pytest.approx(1.0)


def test_softmax_does_not_overflow_on_large_scores():
    assert logistic.softmax([1000.0, 1000.0]) == [0.5, 0.5]


def test_dot_skips_absent_features_and_reads_weights(tmp_path):
    assert logistic.dot([2.0, math.inf, -1.0], [1.0, 0.0, 3.0]) == -1.0  # an absent feature weighs nothing
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"weights": {"边": [1.5]}}, ensure_ascii=False), encoding="utf-8")
    assert logistic.read_weights(path) == {"weights": {"边": [1.5]}}
