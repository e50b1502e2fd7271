"""Writes every published artifact of a build, each through a staging directory."""
from __future__ import annotations

from pathlib import Path

from corpus import atomic
from corpus.clean import editlog
from corpus.export import hf, moses, tmx, xces
from corpus.model import Document


def write_all(docs: list[Document], registry_entities: list[dict], root: Path, progress=lambda message: None) -> None:
    data_dir = root / "corpus" / "data"
    with atomic.staged_directory(data_dir) as staging:
        progress("write corpus/data (parquet configs, edit logs)")
        hf.write_dataset(docs, registry_entities, staging)
        for doc in docs:
            atomic.write_text(staging / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))

    with atomic.staged_directory(root / "alignments") as staging:
        progress("write alignments/ (OPUS XCES, Moses, TMX)")
        xces.export_xces(docs, staging)
        moses.export_moses(docs, staging)
        tmx.export_tmx(docs, staging)
