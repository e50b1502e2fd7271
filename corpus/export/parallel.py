"""What the alignment exports (XCES, Moses, TMX) share: the Chinese script variants, one document order, stable ids.

Every alignment export is written once per :data:`VARIANTS` entry: ``zh`` is
each document in its original script (three documents are traditional, two
simplified), ``zh_Hans`` / ``zh_Hant`` are every document converted to one
script (``Sentence.zh_hans`` / ``zh_hant``).  The codes are OPUS's file-name
form of the BCP 47 tags (``zh_Hans`` for ``zh-Hans``); FLORES writes the same
split as ``zho_Hans`` / ``zho_Hant``.

Documents are in doc_id order in every export and in the parquet files.
Sentence ids are the corpus ids everywhere (``<doc_id>.pNNN.sNN`` for
Chinese, ``<sentence id>.en<k>`` for English), the ids of the ``sentences``
and ``alignments`` configs and of the TEI; a link side of several sentences
lists them in text order.  Scores are written with :func:`score_text`, the one
rounding every export shares (the parquet ``score`` is the same number).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus.align.pairs import en_texts, sorted_documents, zh_texts
from corpus.export.tei import english_ids
from corpus.model import Document, Link

SCORE_DECIMALS = 4


@dataclass(frozen=True)
class Variant:
    code: str  # file-name code, OPUS style
    field: str  # the Sentence attribute holding this variant's text
    lang: str  # BCP 47 tag (xml:lang)


VARIANTS = (
    Variant("zh", "zh", "zh"),
    Variant("zh_Hans", "zh_hans", "zh-Hans"),
    Variant("zh_Hant", "zh_hant", "zh-Hant"),
)
ORIGINAL = VARIANTS[0]
ENGLISH_CODE = "en"


CORPUS_NAME = "zhen"  # the corpus name in plain-text file names (zhen.zh, zhen.en, zhen.ids), as OPUS names them
IDS_SUFFIX = "ids"  # the file of stable sentence ids beside the text files (OPUS convention)
# The line files of a plain-text parallel export: one per Chinese variant, the English, the ids.
LINE_FILE_SUFFIXES = (*(variant.code for variant in VARIANTS), ENGLISH_CODE, IDS_SUFFIX)


class LineFiles:
    """``<folder>/zhen.<suffix>`` for each of ``suffixes``, one line per item, written a document's lines at
    a time (:meth:`add`, documents in doc_id order)."""

    def __init__(self, folder: Path, suffixes: Sequence[str] = LINE_FILE_SUFFIXES):
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.paths = {suffix: Path(folder) / f"{CORPUS_NAME}.{suffix}" for suffix in suffixes}
        self.files = {suffix: open(path, "wb") for suffix, path in self.paths.items()}

    def add(self, columns: dict[str, list[str]]) -> None:
        for suffix, lines in columns.items():
            self.files[suffix].write("".join(line + "\n" for line in lines).encode("utf-8"))

    def close(self) -> list[Path]:
        """Returns the paths written."""
        for handle in self.files.values():
            handle.close()
        return list(self.paths.values())


def score_text(score: float) -> str:
    return f"{round(score, SCORE_DECIMALS):.{SCORE_DECIMALS}f}"


def in_variant(documents: Sequence[Document], variant: Variant) -> list[Document]:
    """The documents in doc_id order, each sentence's ``zh`` replaced by the variant's text."""
    ordered = sorted_documents(documents)
    if variant.field == "zh":
        return ordered
    return [dataclasses.replace(document, paragraphs=[
        dataclasses.replace(paragraph, sentences=[
            dataclasses.replace(sentence, zh=getattr(sentence, variant.field)) for sentence in paragraph.sentences])
        for paragraph in document.paragraphs]) for document in ordered]


@dataclass(frozen=True)
class LinkedPair:
    """One link with the stable ids and the export texts of its two sides."""

    doc_id: str
    link: Link
    zh_ids: list[str]
    en_ids: list[str]
    zh: list[str]  # export_text of each sentence, in text order
    en: list[str]


def linked_pairs(documents: Sequence[Document], variant: Variant = ORIGINAL) -> Iterator[LinkedPair]:
    """Every link of every document (doc_id order, links in document order) in the given script variant."""
    for document in in_variant(documents, variant):
        sentences, english = document.sentences, english_ids(document)
        zh, en = zh_texts(document), en_texts(document)
        for link in document.links:
            yield LinkedPair(document.doc_id, link, [sentences[i].id for i in link.zh], [english[j] for j in link.en],
                             [zh[i] for i in link.zh], [en[j] for j in link.en])
