"""Moses (line-aligned plain text) export: ``moses/zhen.zh`` and ``moses/zhen.en``.

Line *k* of each file holds the two sides of the *k*-th link (documents
sorted by doc_id, links in document order).  A side with several sentences is
joined: zh sentences directly (Chinese has no spaces between sentences),
English segments with one space.  1-0 and 0-1 links are skipped, since a
Moses corpus line with an empty side is useless for training and would be
dropped by every cleaning script.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from corpus import atomic
from corpus.align.pairs import aligned_pairs
from corpus.export.base import Release, Target, register
from corpus.model import Document


def export_moses(documents: Sequence[Document], directory: Path) -> list[Path]:
    """Write ``<directory>/moses/zhen.zh`` and ``zhen.en``; returns both paths."""
    pairs = [pair for pair in aligned_pairs(documents) if pair.link.zh and pair.link.en]
    zh_path = Path(directory) / "moses" / "zhen.zh"
    en_path = Path(directory) / "moses" / "zhen.en"
    atomic.write_text(zh_path, "".join(pair.zh + "\n" for pair in pairs))
    atomic.write_text(en_path, "".join(pair.en + "\n" for pair in pairs))
    return [en_path, zh_path]


@register("moses", Target.ALIGNMENTS, "Moses plain-text pair")
def write_release(release: Release, directory: Path) -> None:
    export_moses(release.docs, directory)
