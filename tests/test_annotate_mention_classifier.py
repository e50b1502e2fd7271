"""The learned mention classifier (corpus/annotate/mention_classifier.py) and its training script."""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import pipeline
from corpus.annotate import annotate, load_registry
from corpus.annotate import mention_classifier as mc
from corpus.model import Document, Mention, Paragraph, Sentence
from scriptload import load_script

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "devcaptures"
CLASSES = ("person", "org", "place", "none")


@pytest.fixture(scope="module")
def trainer():
    return load_script("train_mention_classifier")


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def assert_same_model(retrained, shipped, tolerance: float = 1e-3):
    """Same classes, thresholds and features; every number within ``tolerance``.  L-BFGS stops a few 1e-5 apart on
    CPUs with other vector units (seen between two machines of this workplace), so bytes would test the machine."""
    assert type(retrained) is type(shipped)
    if isinstance(shipped, dict):
        assert retrained.keys() == shipped.keys()
        for key in shipped:
            assert_same_model(retrained[key], shipped[key], tolerance)
    elif isinstance(shipped, list):
        assert len(retrained) == len(shipped)
        for mine, theirs in zip(retrained, shipped):
            assert_same_model(mine, theirs, tolerance)
    elif isinstance(shipped, float):
        assert abs(retrained - shipped) <= tolerance
    else:
        assert retrained == shipped


def test_shipped_weights_are_the_training_scripts_output_on_the_committed_table(trainer):
    """Retraining from the committed training table (cross-validation, thresholds, the fit) gives the shipped
    weights up to the last digits of the fit: what the script makes of the dev captures, nothing edited by hand."""
    retrained = json.loads(trainer.train(trainer.read_table(trainer.TABLE), verbose=False))
    assert_same_model(retrained, json.loads(mc.WEIGHTS.read_text(encoding="utf-8")))


def test_same_model_comparison_catches_an_edited_weight():
    shipped = json.loads(mc.WEIGHTS.read_text(encoding="utf-8"))
    edited = copy.deepcopy(shipped)
    feature = sorted(edited["weights"])[0]
    edited["weights"][feature][0] += 0.01
    with pytest.raises(AssertionError):
        assert_same_model(edited, shipped)


@pytest.mark.parametrize("capture", ["dv01_battery_interview", "dv03_chip_funding_news"])
def test_training_table_is_the_rules_current_output(trainer, capture, tmp_path):
    """The committed table holds what the current rules find in the dev captures (checked on two): after a rule
    change, retrain (``python scripts/train_mention_classifier.py``) and this passes again."""
    for suffix in (".txt", ".yaml"):
        shutil.copy(DEV / f"{capture}{suffix}", tmp_path / f"{capture}{suffix}")
    rows = {row["capture"]: row for row in trainer.read_table(trainer.TABLE)}
    fresh = trainer.capture_rows(tmp_path)
    assert [json.loads(json.dumps(row)) for row in fresh] == [rows[f"{capture}.txt"]]


def _model(weights: list[list[float]], drop: float, retype: float) -> mc.Model:
    names = ("rule:person", "rule:org", "rule:place", "lac:person", "gazetteer:place", "length:3")
    return mc.Model(CLASSES, names,
                    tuple(tuple(row) for row in weights), (0.0, 0.0, 0.0, 0.0), drop, retype)


def test_decision_drops_retypes_or_keeps_by_the_thresholds():
    candidate = mc.Candidate("某某", ("org",), {})
    sure_none = {"person": 0.05, "org": 0.05, "place": 0.0, "none": 0.9}
    sure_place = {"person": 0.0, "org": 0.2, "place": 0.8, "none": 0.0}
    strict = mc.Model(CLASSES, (), (), (), 0.95, 0.95)
    loose = mc.Model(CLASSES, (), (), (), 0.85, 0.75)
    assert mc.decision(candidate, sure_none, loose) == "none"
    assert mc.decision(candidate, sure_none, strict) is None
    assert mc.decision(candidate, sure_place, loose) == "place"
    assert mc.decision(candidate, sure_place, strict) is None
    agreeing = {"person": 0.0, "org": 0.99, "place": 0.01, "none": 0.0}
    assert mc.decision(candidate, agreeing, loose) is None  # the rules' type already


def test_probabilities_follow_the_weights():
    model = mc.Model(CLASSES, ("lac:person",), ((4.0,), (0.0,), (0.0,), (0.0,)),
                     (0.0, 0.0, 0.0, 0.0), 0.9, 0.9)
    with_evidence = mc.probabilities({"lac:person": 1.0}, model)
    without = mc.probabilities({}, model)
    assert with_evidence["person"] > 0.9 and abs(sum(with_evidence.values()) - 1) < 1e-9
    assert without == pytest.approx({"person": 0.25, "org": 0.25, "place": 0.25, "none": 0.25})


TEXTS = ["华东理工大学的张明远教授说，苏州和无锡的工厂已经投产。", "据彭博社报道，星河动力在酒泉发射了火箭。",
         "王小丽来自云南大理，现在在深圳一家公司工作。"]


def _document(spans: list[list[tuple[int, int, str, str]]]) -> Document:
    sentences = []
    for index, (text, marks) in enumerate(zip(TEXTS, spans)):
        mentions, taken = [], set()
        for start, length, kind, source in marks:
            start = start % len(text)
            end = min(len(text), start + length)
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                ref = "some-entity" if source == "registry" else None
                mentions.append(Mention(start, end, text[start:end], kind, ref=ref, source=source))
        sentences.append(Sentence(f"d.p{index:03d}.s00", "d", index, 0, text,
                                  entities=sorted(mentions, key=lambda m: m.start)))
    return Document("d", "d.txt", paragraphs=[Paragraph(i, "body", s.zh, sentences=[s])
                                              for i, s in enumerate(sentences)])


_SPAN = st.tuples(st.integers(0, 40), st.integers(2, 6), st.sampled_from(["person", "org", "place"]),
                  st.sampled_from(["registry", "ner"]))
_WEIGHT = st.floats(-6, 6, allow_nan=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spans=st.lists(st.lists(_SPAN, max_size=4), min_size=3, max_size=3),
       weights=st.lists(st.lists(_WEIGHT, min_size=6, max_size=6), min_size=4, max_size=4),
       drop=st.floats(0.3, 1.0), retype=st.floats(0.3, 1.0))
def test_classifier_never_touches_registry_mentions_nor_invents_spans(registry, spans, weights, drop, retype):
    """Whatever the weights: registry mentions stay as they were, every mention kept is a span the rules had, a
    changed type is a name type, and the same input gives the same output."""
    model = _model(weights, drop, retype)
    doc = _document(spans)
    before = [copy.deepcopy(s.entities) for s in doc.sentences]
    again = copy.deepcopy(doc)
    mc.classify(doc, registry, model)
    mc.classify(again, registry, model)
    for sentence, original, repeated in zip(doc.sentences, before, again.sentences):
        assert [m for m in sentence.entities if m.source == "registry"] == [m for m in original
                                                                            if m.source == "registry"]
        spans_before = {(m.start, m.end, m.text, m.source) for m in original}
        assert {(m.start, m.end, m.text, m.source) for m in sentence.entities} <= spans_before
        assert all(m.type in mc.NAME_TYPES for m in sentence.entities)
        assert sentence.entities == repeated.entities


def test_rules_only_switch_leaves_the_rules_names(registry, tmp_path, monkeypatch):
    """``rules_only()`` (``bench_heldout.py --rules-only``) gives the rules' names; the switch is restored after."""
    monkeypatch.delenv(mc.SWITCH, raising=False)
    for capture in sorted(DEV.glob("dv03_*.txt"))[:1]:
        shutil.copy(capture, tmp_path / capture.name)
    doc, = pipeline.prepare(tmp_path)
    ruled = copy.deepcopy(doc)
    with mc.rules_only():
        assert not mc.enabled()
        annotate(ruled, registry)
    assert mc.enabled()
    annotate(doc, registry)
    decided = {c.name: mc.decision(c, mc.probabilities(c.features, mc.shipped_model()), mc.shipped_model())
               for c in mc.candidates(ruled, registry)}
    verdicts = [(m, decided.get(m.text) if m.source == "ner" and m.type in mc.NAME_TYPES else None)
                for s in ruled.sentences for m in s.entities]
    expected = {(m.text, verdict or m.type) for m, verdict in verdicts if verdict != "none"}
    assert {(m.text, m.type) for s in doc.sentences for m in s.entities} == expected
