"""Gale–Church length model on characters, fitted to zh→en.

Gale & Church (1993) model the length of a translation as normally
distributed: for a source span of ``l_zh`` characters and a target span of
``l_en`` characters, ``δ = (l_zh·c − l_en) / sqrt(m·s²)`` with
``m = (l_zh + l_en/c) / 2`` is roughly standard normal, where ``c`` is the
expected number of English characters per Chinese character and ``s²`` the
variance per character.  The cost of a link is
``−log P(type) − log 2(1 − Φ(|δ|))``.

The constants live in ``corpus/curated/align/gale_church.json``, with a note
saying where they came from; our aligner re-fits ``c`` and ``s²`` on each
document's first-pass links (:mod:`corpus.align.aligner`).  Lengths count
non-whitespace characters on both sides, so spacing conventions (``2018 年``)
do not matter.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

LinkType = tuple[int, int]
LENGTH_MODEL_FILE = Path(__file__).resolve().parents[1] / "curated" / "align" / "gale_church.json"

# Gale & Church (1993), Table 5: priors of the link types in their hand-aligned data.
GALE_CHURCH_PRIORS: dict[LinkType, float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
}


@dataclass(frozen=True)
class LengthModel:
    en_chars_per_zh_char: float  # c
    variance: float  # s²
    priors: dict[LinkType, float] = field(default_factory=lambda: dict(GALE_CHURCH_PRIORS))
    source: str = ""

    def with_ratio(self, ratio: float) -> "LengthModel":
        return LengthModel(ratio, self.variance, self.priors, self.source)


def char_length(text: str) -> int:
    return sum(1 for char in text if not char.isspace())


def link_type(name: str) -> tuple[int, int]:
    """``"1-2"`` → ``(1, 2)``: Chinese and English sentence counts of a link type."""
    zh, en = name.split("-")
    return int(zh), int(en)


def load_length_model() -> LengthModel:
    data = json.loads(LENGTH_MODEL_FILE.read_text(encoding="utf-8"))
    priors = {link_type(name): p for name, p in data["priors"].items()}
    return LengthModel(data["en_chars_per_zh_char"], data["variance"], priors, data["source"])


def length_cost(zh_chars: int, en_chars: int, link: LinkType, model: LengthModel) -> float:
    """Gale–Church cost (negative log probability) of a link covering these character counts."""
    prior = -math.log(model.priors[link])
    c = model.en_chars_per_zh_char
    mean = (zh_chars + en_chars / c) / 2
    if mean == 0:
        return prior
    delta = (zh_chars * c - en_chars) / math.sqrt(mean * model.variance)
    # 2(1 − Φ(|δ|)) = erfc(|δ|/√2); floor it so a huge δ costs a lot rather than infinity
    tail = math.erfc(abs(delta) / math.sqrt(2))
    return prior - math.log(max(tail, 1e-300))
