"""OpusFilter (the OPUS project's corpus filtering tool) run on the published Moses export, through its CLI.

The configuration is what an OPUS user would apply before training on the pairs: a length ratio,
script ratios per side and language identification.  LinguaFilter runs offline (lingua's models are
in its wheel); the candidate languages are the pair's two, so it tells whether each side is in its
language rather than the other's.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from corpus.export.parallel import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
MOSES = ROOT / "alignments" / "moses"
FILTERS = [
    {"LengthRatioFilter": {"unit": ["char", "word"], "threshold": 4}},
    {"CharacterScoreFilter": {"scripts": ["Han", "Latin"], "thresholds": [0.5, 0.9]}},
    {"LinguaFilter": {"languages": ["zh", "en"], "langid_languages": ["zh", "en"], "thresholds": [0.5, 0.5]}},
]


def opusfilter(work: Path, zh: Path, en: Path) -> tuple[list[dict], list[tuple[str, str]]]:
    """Run ``opusfilter`` (score, then filter) on one pair of Moses files; its scores and the pairs it kept."""
    config = {"common": {"output_directory": str(work)}, "steps": [
        {"type": "score", "parameters": {"inputs": [str(zh), str(en)], "output": "scores.jsonl",
                                         "filters": FILTERS}},
        {"type": "filter", "parameters": {"inputs": [str(zh), str(en)], "outputs": ["kept.zh", "kept.en"],
                                          "filters": FILTERS}},
    ]}
    (work / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = shutil.which("opusfilter") or str(Path(sys.executable).parent / "opusfilter")
    subprocess.run([command, str(work / "config.yaml")], check=True, capture_output=True, timeout=300)
    scores = [json.loads(line) for line in (work / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    kept = list(zip(lines(work / "kept.zh"), lines(work / "kept.en")))
    return scores, kept


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def accepted(score: dict) -> bool:
    """The decision of :data:`FILTERS` on one pair's scores (OpusFilter's ``accept``), recomputed from its ``score``."""
    character = score["CharacterScoreFilter"]
    return (score["LengthRatioFilter"] < 4 and character[0] >= 0.5 and character[1] >= 0.9
            and min(score["LinguaFilter"]) >= 0.5)


def is_subsequence(part: list, whole: list) -> bool:
    remaining = iter(whole)
    return all(item in remaining for item in part)


@pytest.mark.parametrize("code", [variant.code for variant in VARIANTS])
def test_opusfilter_scores_and_filters_the_moses_export(tmp_path, code):
    zh, en = MOSES / f"zhen.{code}", MOSES / "zhen.en"
    pairs = list(zip(lines(zh), lines(en)))
    scores, kept = opusfilter(tmp_path, zh, en)
    assert len(scores) == len(pairs) == len(lines(MOSES / "zhen.ids"))
    # the filter step keeps, in order, exactly the pairs the scores accept
    assert kept == [pair for pair, score in zip(pairs, scores) if accepted(score)]
    assert is_subsequence(kept, pairs)
    # language identification: the Chinese side reads as Chinese and the English as English, nearly always
    # (a line of names in Latin script only, ——OpenAI CEO Sam Altman；, is rightly not Chinese)
    identified = sum(1 for score in scores if min(score["LinguaFilter"]) >= 0.5)
    assert identified >= 0.99 * len(pairs), [p for p, s in zip(pairs, scores) if min(s["LinguaFilter"]) < 0.5]
    assert len(kept) >= 0.9 * len(pairs)


def test_opusfilter_rejects_the_export_with_its_sides_swapped(tmp_path):
    """The language check measures something: English offered as the Chinese side fails it."""
    scores, kept = opusfilter(tmp_path, MOSES / "zhen.en", MOSES / "zhen.zh")
    swapped = sum(1 for score in scores if min(score["LinguaFilter"]) >= 0.5)
    assert swapped <= 0.01 * len(scores)
    assert len(kept) <= 0.01 * len(scores)
