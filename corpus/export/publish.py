"""Writes every published artifact of a build.

All artifacts are written into staging directories first; only when every
one of them exists do renames replace the published files, so a failing
build leaves the previous outputs untouched.
"""
from __future__ import annotations

from pathlib import Path

from corpus import atomic
from corpus import editlog
from corpus.align.pairs import sorted_documents
from corpus.export import card, hf, moses, provenance, tei, testset, tmx, xces
from corpus.model import Document


def write_all(docs: list[Document], registry_entities: list[dict], root: Path, seed_dir: Path,
              progress=lambda message: None) -> None:
    docs = sorted_documents(docs)  # one document order in every export
    registry, info = {"entities": registry_entities}, provenance.build_info(seed_dir, root)
    targets = [
        atomic.Target(root / "corpus" / "data"),
        atomic.Target(root / "alignments"),
        atomic.Target(root / "corpus" / "tei", "*.xml"),  # the directory is also the corpus.tei package
    ]
    with atomic.staged_directories(targets) as (data, alignments, tei_dir):
        progress("write corpus/data (parquet configs, edit logs)")
        hf.write_dataset(docs, registry_entities, data)
        for doc in docs:
            atomic.write_text(data / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))

        progress("write alignments/ (OPUS XCES, Moses, TMX, MT test set)")
        xces.export_xces(docs, alignments)
        moses.export_moses(docs, alignments)
        tmx.export_tmx(docs, alignments, info.get("release_date"))
        testset.export_testset(docs, alignments)

        progress("write corpus/tei (TEI P5 documents and teiCorpus)")
        for doc in docs:
            atomic.write_bytes(tei_dir / f"{doc.doc_id}.xml", tei.write_document(doc, registry, info))
        atomic.write_bytes(tei_dir / tei.CORPUS_FILE_NAME, tei.write_corpus(docs, registry, info))
    if card.update_readme(root / "README.md", docs, registry_entities):
        progress("updated the statistics in README.md (the dataset card)")
