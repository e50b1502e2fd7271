"""The Hugging Face dataset: four configs as parquet with explicit ``datasets.Features``.

The features travel inside each parquet file (schema metadata key
``huggingface``, the place ``datasets`` reads them from), so
``load_dataset("<checkout>", config)`` gives class labels and the
``Translation`` feature without any loading script.  Files are written with
fixed settings (one row group, zstd, no statistics timestamps), so the same
documents always give the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

from corpus import atomic
from corpus.model import Document, Mention, Sentence

ENTITY_TYPES = ["person", "org", "place", "work", "misc", "date", "time", "amount", "percent", "title"]
SPEAKER_ROLES = ["none", "interviewer", "interviewee", "quoted"]
PARAGRAPH_KINDS = ["title", "heading", "paragraph", "turn"]
LINK_TYPES = ["1-1", "1-2", "2-1", "2-2", "1-0", "0-1"]

MENTIONS = datasets.List(
    {
        "start": datasets.Value("int32"),
        "end": datasets.Value("int32"),
        "text": datasets.Value("string"),
        "type": datasets.ClassLabel(names=ENTITY_TYPES),
        "ref": datasets.Value("string"),
    }
)

FEATURES: dict[str, datasets.Features] = {
    "sentences": datasets.Features(
        {
            "id": datasets.Value("string"),
            "doc_id": datasets.Value("string"),
            "paragraph": datasets.Value("int32"),
            "paragraph_kind": datasets.ClassLabel(names=PARAGRAPH_KINDS),
            "index": datasets.Value("int32"),
            "speaker": datasets.Value("string"),
            "speaker_label": datasets.Value("string"),
            "speaker_role": datasets.ClassLabel(names=SPEAKER_ROLES),
            "zh": datasets.Value("string"),
            "zh_hans": datasets.Value("string"),
            "zh_hant": datasets.Value("string"),
            "pinyin": datasets.Value("string"),
            "en": datasets.Value("string"),
            "en_segments": datasets.Sequence(datasets.Value("string")),
            "en_source": datasets.Value("string"),
            "translation": datasets.Translation(languages=["zh", "en"]),
            "entities": MENTIONS,
            "en_entities": MENTIONS,
            "flags": datasets.Sequence(datasets.Value("string")),
        }
    ),
    "documents": datasets.Features(
        {
            "doc_id": datasets.Value("string"),
            "source_file": datasets.Value("string"),
            "title_zh": datasets.Value("string"),
            "title_en": datasets.Value("string"),
            "outlet": datasets.Value("string"),
            "original_outlet": datasets.Value("string"),
            "authors": datasets.Sequence(datasets.Value("string")),
            "editors": datasets.Sequence(datasets.Value("string")),
            "date": datasets.Value("string"),
            "genre": datasets.Value("string"),
            "script": datasets.ClassLabel(names=["hans", "hant"]),
            "encoding": datasets.Value("string"),
            "paragraphs": datasets.Value("int32"),
            "turns": datasets.Value("int32"),
            "sentences": datasets.Value("int32"),
            "zh_chars": datasets.Value("int32"),
            "en_words": datasets.Value("int32"),
            "edits": datasets.Value("int32"),
            "metadata": datasets.Value("string"),
        }
    ),
    "alignments": datasets.Features(
        {
            "doc_id": datasets.Value("string"),
            "zh_ids": datasets.Sequence(datasets.Value("string")),
            "en_ids": datasets.Sequence(datasets.Value("string")),
            "type": datasets.ClassLabel(names=LINK_TYPES),
            "score": datasets.Value("float32"),
        }
    ),
    "entities": datasets.Features(
        {
            "id": datasets.Value("string"),
            "type": datasets.ClassLabel(names=ENTITY_TYPES),
            "zh_hans": datasets.Value("string"),
            "zh_hant": datasets.Value("string"),
            "en": datasets.Value("string"),
            "pinyin": datasets.Value("string"),
            "aliases": datasets.Sequence(datasets.Value("string")),
            "description": datasets.Value("string"),
            "mentions": datasets.Value("int32"),
            "documents": datasets.Sequence(datasets.Value("string")),
        }
    ),
}

CONFIG_FILES = {name: f"{name}.parquet" for name in FEATURES}


def en_segment_id(sentence: Sentence, k: int) -> str:
    return f"{sentence.id}.en{k}"


def _mentions(mentions: list[Mention]) -> list[dict]:
    return [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "ref": m.ref} for m in mentions]


def sentence_rows(docs: list[Document]) -> list[dict]:
    rows = []
    for doc in docs:
        for paragraph in doc.paragraphs:
            for s in paragraph.sentences:
                rows.append(
                    {
                        "id": s.id,
                        "doc_id": s.doc_id,
                        "paragraph": s.paragraph,
                        "paragraph_kind": paragraph.kind,
                        "index": s.index,
                        "speaker": s.speaker,
                        "speaker_label": paragraph.speaker_label,
                        "speaker_role": s.speaker_role or "none",
                        "zh": s.zh,
                        "zh_hans": s.zh_hans,
                        "zh_hant": s.zh_hant,
                        "pinyin": s.pinyin,
                        "en": s.en,
                        "en_segments": list(s.en_segments),
                        "en_source": s.en_source,
                        "translation": {"zh": s.zh, "en": s.en},
                        "entities": _mentions(s.entities),
                        "en_entities": _mentions(s.en_entities),
                        "flags": list(s.flags),
                    }
                )
    return rows


STATED_FIELDS = ("title_zh", "title_en", "outlet", "original_outlet", "date", "genre")
LIST_FIELDS = ("authors", "editors")


def document_rows(docs: list[Document]) -> list[dict]:
    rows = []
    for doc in docs:
        meta = doc.metadata
        sentences = doc.sentences
        rows.append(
            {
                "doc_id": doc.doc_id,
                "source_file": doc.source_file,
                **{key: meta.get(key) for key in STATED_FIELDS},
                **{key: list(meta.get(key) or []) for key in LIST_FIELDS},
                "script": doc.script,
                "encoding": doc.encoding,
                "paragraphs": len(doc.paragraphs),
                "turns": sum(p.kind == "turn" for p in doc.paragraphs),
                "sentences": len(sentences),
                "zh_chars": sum(len(s.zh) for s in sentences),
                "en_words": sum(len(s.en.split()) for s in sentences),
                "edits": sum(len(p) for p in doc.edits),
                "metadata": json.dumps(meta, ensure_ascii=False, sort_keys=True),
            }
        )
    return rows


def alignment_rows(docs: list[Document]) -> list[dict]:
    rows = []
    for doc in docs:
        sentences = doc.sentences
        en_ids = [en_segment_id(s, k) for s in sentences for k in range(len(s.en_segments))]
        for link in doc.links:
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "zh_ids": [sentences[i].id for i in link.zh],
                    "en_ids": [en_ids[j] for j in link.en],
                    "type": link.type,
                    "score": round(link.score, 4),
                }
            )
    return rows


def entity_rows(docs: list[Document], registry_entities: list[dict]) -> list[dict]:
    counts: dict[str, int] = {}
    documents: dict[str, set[str]] = {}
    for doc in docs:
        for s in doc.sentences:
            for m in s.entities:
                if m.ref:
                    counts[m.ref] = counts.get(m.ref, 0) + 1
                    documents.setdefault(m.ref, set()).add(doc.doc_id)
    return [
        {
            "id": e["id"],
            "type": e["type"],
            "zh_hans": e.get("zh_hans"),
            "zh_hant": e.get("zh_hant"),
            "en": e.get("en"),
            "pinyin": e.get("pinyin"),
            "aliases": list(e.get("aliases") or []),
            "description": e.get("description"),
            "mentions": counts.get(e["id"], 0),
            "documents": sorted(documents.get(e["id"], ())),
        }
        for e in sorted(registry_entities, key=lambda e: e["id"])
    ]


def table(config: str, rows: list[dict]) -> pa.Table:
    features = FEATURES[config]
    encoded = [features.encode_example(row) for row in rows]
    schema = features.arrow_schema.with_metadata(
        {"huggingface": json.dumps({"info": {"features": features.to_dict()}}, sort_keys=True)}
    )
    return pa.Table.from_pylist(encoded, schema=schema)


def write_parquet(path: Path, config: str, rows: list[dict]) -> None:
    sink = pa.BufferOutputStream()
    pq.write_table(table(config, rows), sink, compression="zstd", row_group_size=max(len(rows), 1), write_statistics=False)
    atomic.write_bytes(path, sink.getvalue().to_pybytes())


def write_dataset(docs: list[Document], registry_entities: list[dict], directory: Path) -> None:
    write_parquet(directory / CONFIG_FILES["sentences"], "sentences", sentence_rows(docs))
    write_parquet(directory / CONFIG_FILES["documents"], "documents", document_rows(docs))
    write_parquet(directory / CONFIG_FILES["alignments"], "alignments", alignment_rows(docs))
    write_parquet(directory / CONFIG_FILES["entities"], "entities", entity_rows(docs, registry_entities))
