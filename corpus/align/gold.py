"""Alignment gold sets: ours in ``corpus/curated/``, and the external Bible gold beside the checkout.

* ``corpus/curated/align_gold/`` (:data:`GOLD_DIR`): passages of the seeds,
  ``dev`` and ``test``; ``corpus/curated/align_literary/``
  (:data:`LITERARY_DIR`): free literary translation, ``test`` only;
  ``corpus/curated/align_check/`` (:data:`CHECK_DIR`): passages written after
  a round's rules, to check how far they transfer (``check``, never tuned on);
  ``corpus/curated/align_short/`` (:data:`SHORT_DIR`): short bitexts of several
  genres (4–14 sentences a side, ``dev``).  Each
  passage is a folder with ``zh.txt`` and ``en.txt`` (one sentence per line)
  and ``gold.txt`` (links in the Vecalign format); ``passages.tsv`` lists the
  passages, where they come from, and their split.
* The Bible gold (Chinese Union Version / King James) is not shipped: it is
  read from ``<checkout>/../shared/align-dev/bible`` (or the folder named by
  ``CORPUS_ALIGN_DEV``), where the project's CI puts it.  ``bible/001`` (the
  first 5,000 English lines) is dev data; the next 5,000 English lines of
  ``bible/006``, which no setting was chosen on, are test data
  (:func:`load_bible_test`).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from corpus.align.gold_format import parse_links
from corpus.model import Link

GOLD_DIR = Path(__file__).resolve().parents[1] / "curated" / "align_gold"
LITERARY_DIR = Path(__file__).resolve().parents[1] / "curated" / "align_literary"
CHECK_DIR = Path(__file__).resolve().parents[1] / "curated" / "align_check"  # written after the rules, never tuned on
SHORT_DIR = Path(__file__).resolve().parents[1] / "curated" / "align_short"  # short bitexts of several genres, dev


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


def align_dev_dir() -> Path | None:
    """The shared external alignment data (``…/align-dev``), or None where it is not present."""
    configured = os.environ.get("CORPUS_ALIGN_DEV")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[2].parent / "shared" / "align-dev"
    return folder if (folder / "bible").is_dir() else None


def load_bible(name: str) -> GoldPassage | None:
    """``bible/NNN`` of the shared data (dev data), or None where the shared data is absent."""
    folder = align_dev_dir()
    if folder is None:
        return None
    stem = folder / "bible" / name
    return GoldPassage(f"bible/{name}", "dev", _lines(Path(f"{stem}.zh")), _lines(Path(f"{stem}.en")),
                       parse_links(Path(f"{stem}.zh-en.align").read_text(encoding="utf-8")))


BIBLE_TEST_EN = (5000, 10000)  # English lines of bible/006 after bible/001 (its prefix), never tuned on


def load_bible_test() -> GoldPassage | None:
    """The gold links of bible/006 that lie within its English lines 5,000–9,999 (after bible/001), re-numbered
    from 0, with their sentences: test data of the same genre as the dev Bible."""
    whole = load_bible("006")
    if whole is None:
        return None
    first, last = BIBLE_TEST_EN
    links = [link for link in whole.links if link.en and first <= link.en[0] and link.en[-1] < last]
    zh_start, zh_end = links[0].zh[0], links[-1].zh[-1] + 1
    inside = [link for link in whole.links if (link.zh and zh_start <= link.zh[0] and link.zh[-1] < zh_end)
              or (not link.zh and first <= link.en[0] < last)]
    return GoldPassage("bible/006 en 5000-9999", "test", whole.zh[zh_start:zh_end], whole.en[first:last],
                       [Link(tuple(i - zh_start for i in link.zh), tuple(j - first for j in link.en))
                        for link in inside])
