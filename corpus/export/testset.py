"""The corpus as an MT test set: sacrebleu-ready plain text, one line per Chinese sentence.

``testset/zhen.<lang>`` under the output directory (``alignments/``): line *k*
of ``zhen.zh`` (original script), ``zhen.zh_Hans`` and ``zhen.zh_Hant`` is the
source, line *k* of ``zhen.en`` its human reference translation (the
sentence's English segments joined with one space), and ``zhen.ids`` names
the sentence (``<doc_id>.pNNN.sNN``).  Only sentences whose English is the
human reference (``en_source == "reference"``) are in it, never machine
output; documents in doc_id order, sentences in text order.  Texts are made
safe as in every alignment export (:func:`corpus.align.pairs.export_text`).

``sacrebleu alignments/testset/zhen.en -i HYP -m bleu chrf ter`` scores a
translation of ``zhen.zh``; ``corpus score HYP`` does the same per document.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from corpus.align.pairs import export_text
from corpus.export.parallel import ENGLISH_CODE, IDS_SUFFIX, VARIANTS, LineFiles, in_variant
from corpus.export.base import Release, Target, export_files, register
from corpus.model import Document

FOLDER = "testset"
REFERENCE_SOURCE = "reference"


@dataclass(frozen=True)
class ReferenceLine:
    id: str
    doc_id: str
    sources: dict[str, str]  # variant code → Chinese text
    reference: str


def reference_lines(documents: Sequence[Document]) -> list[ReferenceLine]:
    variants = {variant.code: in_variant(documents, variant) for variant in VARIANTS}
    result = []
    for position, document in enumerate(variants[VARIANTS[0].code]):
        sentences = {code: docs[position].sentences for code, docs in variants.items()}
        for index, sentence in enumerate(document.sentences):
            if sentence.en_source != REFERENCE_SOURCE or not sentence.en_segments:
                continue
            sources = {code: export_text(sentences[code][index].zh) for code in variants}
            result.append(ReferenceLine(sentence.id, document.doc_id, sources, export_text(sentence.en)))
    return result


class ReferenceWriter:
    """``testset/zhen.{zh,zh_Hans,zh_Hant,en,ids}`` under ``directory``, a document at a time."""

    def __init__(self, directory: Path):
        self.files = LineFiles(Path(directory) / FOLDER)

    def add(self, document: Document) -> None:
        self.add_rendered(render(None, document))

    def add_rendered(self, part: dict[str, list[str]]) -> None:
        self.files.add(part)

    def close(self) -> list[Path]:
        return self.files.close()


def export_testset(documents: Sequence[Document], directory: Path) -> list[Path]:
    """Write ``<directory>/testset/zhen.{zh,zh_Hans,zh_Hant,en,ids}``; returns the paths, sorted."""
    return export_files(ReferenceWriter(directory), documents)


def render(release: Optional[Release], document: Document) -> dict[str, list[str]]:
    """``document``'s lines of the test-set files (file suffix → lines)."""
    sentences = reference_lines([document])
    columns = {code: [s.sources[code] for s in sentences] for code in (v.code for v in VARIANTS)}
    columns[ENGLISH_CODE] = [s.reference for s in sentences]
    columns[IDS_SUFFIX] = [s.id for s in sentences]
    return columns


@register("testset", Target.ALIGNMENTS, "the MT test set: sacrebleu-ready source and reference", render)
def open_writer(release: Release, directory: Path) -> ReferenceWriter:
    return ReferenceWriter(directory)
