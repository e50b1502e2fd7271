"""Moses (line-aligned plain text) export: ``moses/zhen.<lang>`` and ``moses/zhen.ids``.

Line *k* of every file is the *k*-th link (documents in doc_id order, links
in document order): ``zhen.zh`` in the original script, ``zhen.zh_Hans`` and
``zhen.zh_Hant`` converted (:data:`corpus.export.parallel.VARIANTS`),
``zhen.en`` the English, and ``zhen.ids`` where the line comes from, as OPUS
ships it beside its Moses files: ``zh/<doc_id>.xml<TAB>en/<doc_id>.xml<TAB>
<zh ids><TAB><en ids>``, the sentence files and stable ids of the XCES export.
A side with several sentences is joined: zh sentences directly (Chinese has
no spaces between sentences), English segments with one space.  1-0 and 0-1
links are skipped, since a Moses corpus line with an empty side is useless
for training and would be dropped by every cleaning script.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from corpus.export.parallel import (ENGLISH_CODE, IDS_SUFFIX, ORIGINAL, VARIANTS, LineFiles, LinkedPair, Variant,
                                    linked_pairs)
from corpus.export.base import Release, Target, export_files, register
from corpus.model import Document

def ids_line(pair: LinkedPair) -> str:
    """The OPUS ``.ids`` line of a pair: sentence files of the XCES export, then the ids of each side."""
    files = f"{ORIGINAL.code}/{pair.doc_id}.xml\t{ENGLISH_CODE}/{pair.doc_id}.xml"
    return f"{files}\t{' '.join(pair.zh_ids)}\t{' '.join(pair.en_ids)}"


def moses_lines(document: Document, variant: Variant) -> dict[str, list[str]]:
    """``document``'s lines of the Moses files of ``variant`` (file suffix → lines)."""
    pairs = [pair for pair in linked_pairs([document], variant) if pair.link.zh and pair.link.en]
    lines = {variant.code: ["".join(pair.zh) for pair in pairs]}
    if variant is ORIGINAL:
        lines.update({ENGLISH_CODE: [" ".join(pair.en) for pair in pairs], IDS_SUFFIX: list(map(ids_line, pairs))})
    return lines


class MosesWriter:
    """``moses/zhen.{zh,zh_Hans,zh_Hant,en,ids}`` under ``directory``, a document at a time."""

    def __init__(self, directory: Path):
        self.files = LineFiles(Path(directory) / "moses")

    def add(self, document: Document) -> None:
        self.add_rendered(render(None, document))

    def add_rendered(self, part: list[dict[str, list[str]]]) -> None:
        for columns in part:
            self.files.add(columns)

    def close(self) -> list[Path]:
        return self.files.close()


def export_moses(documents: Sequence[Document], directory: Path) -> list[Path]:
    """Write ``<directory>/moses/zhen.{zh,zh_Hans,zh_Hant,en,ids}``; returns the paths, sorted."""
    return export_files(MosesWriter(directory), documents)


def render(release: Optional[Release], document: Document) -> list[dict[str, list[str]]]:
    """``document``'s lines of every variant's Moses files (:func:`moses_lines`)."""
    return [moses_lines(document, variant) for variant in VARIANTS]


@register("moses", Target.ALIGNMENTS, "Moses plain-text pairs, one set per Chinese variant", render)
def open_writer(release: Release, directory: Path) -> MosesWriter:
    return MosesWriter(directory)
