"""Writes every published artifact of a build (the registry of exporters lives here)."""
from __future__ import annotations

from pathlib import Path

from corpus import atomic
from corpus.clean import editlog
from corpus.export import tables
from corpus.model import Document


def write_all(docs: list[Document], root: Path, progress=lambda message: None) -> None:
    data_dir = root / "corpus" / "data"
    with atomic.staged_directory(data_dir) as staging:
        progress("write corpus/data (parquet tables, edit logs)")
        tables.write_tables(docs, staging)
        for doc in docs:
            atomic.write_text(staging / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))
