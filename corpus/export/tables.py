"""The sentence and document tables as parquet (the Hugging Face configs read these)."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from corpus import atomic
from corpus.model import Document


def sentence_rows(docs: list[Document]) -> list[dict]:
    return [
        {
            "id": s.id,
            "doc_id": s.doc_id,
            "paragraph": s.paragraph,
            "zh": s.zh,
            "zh_hans": s.zh_hans,
            "zh_hant": s.zh_hant,
            "pinyin": s.pinyin,
            "en": s.en,
            "en_segments": list(s.en_segments),
            "en_source": s.en_source,
            "flags": list(s.flags),
        }
        for doc in docs
        for s in doc.sentences
    ]


def document_rows(docs: list[Document]) -> list[dict]:
    return [
        {
            "doc_id": doc.doc_id,
            "source_file": doc.source_file,
            "encoding": doc.encoding,
            "script": doc.script,
            "metadata": json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
            "paragraphs": len(doc.paragraphs),
            "sentences": len(doc.sentences),
        }
        for doc in docs
    ]


def _write_parquet(path: Path, rows: list[dict]) -> None:
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows), sink, compression="zstd")
    atomic.write_bytes(path, sink.getvalue().to_pybytes())


def write_tables(docs: list[Document], directory: Path) -> None:
    _write_parquet(directory / "sentences.parquet", sentence_rows(docs))
    _write_parquet(directory / "documents.parquet", document_rows(docs))
