"""Writes every published artifact of a build.

All artifacts are written into the destination's staging directories first;
the destination publishes them all at once only when every one of them
exists (:mod:`corpus.output`), so a failing build leaves the previous outputs
untouched.
"""
from __future__ import annotations

from pathlib import Path

from corpus import atomic
from corpus import editlog
from corpus.export import card, hf, moses, provenance, tei, tmx, xces
from corpus.model import Document
from corpus.output import BuildFolder, Checkout


def write_all(docs: list[Document], registry_entities: list[dict], destination: Checkout | BuildFolder,
              seed_dir: Path, progress=lambda message: None, readme: Path | None = None) -> None:
    """Every artifact into ``destination``; then the statistics of the dataset card ``readme``
    (default: the destination's own, which only the checkout has)."""
    with destination.publish(progress) as staging:
        progress("write corpus/data (parquet configs, edit logs)")
        hf.write_dataset(docs, registry_entities, staging.data)
        for doc in docs:
            atomic.write_text(staging.data / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))

        progress("write alignments/ (OPUS XCES, Moses, TMX)")
        xces.export_xces(docs, staging.alignments)
        moses.export_moses(docs, staging.alignments)
        tmx.export_tmx(docs, staging.alignments)

        progress("write corpus/tei (TEI P5 documents and teiCorpus)")
        registry, info = {"entities": registry_entities}, provenance.build_info(seed_dir, destination.root)
        for doc in docs:
            atomic.write_bytes(staging.tei / f"{doc.doc_id}.xml", tei.write_document(doc, registry, info))
        atomic.write_bytes(staging.tei / tei.CORPUS_FILE_NAME, tei.write_corpus(docs, registry, info))
    readme = readme or destination.readme
    if readme is not None and card.update_readme(readme, docs, registry_entities):
        progress("updated the statistics in README.md (the dataset card)")
