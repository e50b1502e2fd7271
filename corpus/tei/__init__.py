"""The TEI P5 edition: ``corpus/tei/<doc_id>.xml`` per document and ``corpus/tei/corpus.xml``.

The XML files beside this module are build outputs (``corpus build`` writes
them); this module is how Python reads and writes them.

>>> import corpus.tei
>>> doc = corpus.tei.read(corpus.tei.document_path("high-flyer-deepseek"))
>>> doc.doc_id
'high-flyer-deepseek'

Writing lives in :mod:`corpus.export.tei`, reading in
:mod:`corpus.export.tei_reader`; the schema is ``corpus/schema/zhen-tei.rng``.
"""
from __future__ import annotations

from pathlib import Path

from corpus.export.tei import CORPUS_FILE_NAME, write_corpus, write_document
from corpus.export.tei_reader import read, read_corpus

DIRECTORY = Path(__file__).resolve().parent
SCHEMA = DIRECTORY.parent / "schema" / "zhen-tei.rng"

__all__ = ["CORPUS_FILE_NAME", "DIRECTORY", "SCHEMA", "corpus_path", "document_path", "read", "read_corpus",
           "write_corpus", "write_document"]


def document_path(doc_id: str, directory: Path = DIRECTORY) -> Path:
    return directory / f"{doc_id}.xml"


def corpus_path(directory: Path = DIRECTORY) -> Path:
    return directory / CORPUS_FILE_NAME
