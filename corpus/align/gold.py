"""The hand-made zh–en alignment gold set in ``corpus/curated/align_gold/``.

Each passage is a folder with ``zh.txt`` and ``en.txt`` (one sentence per
line) and ``gold.txt`` (links in the Vecalign format); ``passages.tsv``
lists the passages, the seed paragraphs they come from, and whether they are
``dev`` (used to fit the length model and tune the lexical weight) or
``test`` (used only for reporting).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from corpus.align.gold_format import parse_links
from corpus.model import Link

GOLD_DIR = Path(__file__).resolve().parents[1] / "curated" / "align_gold"


@dataclass(frozen=True)
class GoldPassage:
    name: str
    split: str  # dev | test
    zh: list[str]
    en: list[str]
    links: list[Link]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def load_gold(directory: Path = GOLD_DIR, split: str | None = None) -> list[GoldPassage]:
    """All passages (or those of one split), in ``passages.tsv`` order."""
    passages = []
    with open(directory / "passages.tsv", encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            if split is not None and row["split"] != split:
                continue
            folder = directory / row["passage"]
            passages.append(GoldPassage(row["passage"], row["split"], _lines(folder / "zh.txt"),
                                        _lines(folder / "en.txt"),
                                        parse_links((folder / "gold.txt").read_text(encoding="utf-8"))))
    return passages


def one_to_one_pairs(passages: list[GoldPassage]) -> list[tuple[str, str]]:
    """The sentence pairs of all 1-1 gold links (what the length model is fitted on)."""
    return [(passage.zh[link.zh[0]], passage.en[link.en[0]])
            for passage in passages for link in passage.links if link.type == "1-1"]
