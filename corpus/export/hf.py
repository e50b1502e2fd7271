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
from corpus.export.base import Release, Target, register
from corpus.export.rows import (CONFIG_FILES, ENTITY_TYPES, LINK_TYPES, PARAGRAPH_KINDS, SCRIPTS,
                                SPEAKER_ROLES, alignment_rows, document_rows, entity_rows, sentence_rows)
from corpus.model import Document

MENTIONS = datasets.List(
    {
        "start": datasets.Value("int32"),
        "end": datasets.Value("int32"),
        "text": datasets.Value("string"),
        "type": datasets.ClassLabel(names=ENTITY_TYPES),
        "ref": datasets.Value("string"),
    }
)

# Where a quoted sentence holds the quotation (Sentence.quote_spans), as offsets into zh.
QUOTES = datasets.List(
    {
        "start": datasets.Value("int32"),
        "end": datasets.Value("int32"),
        "text": datasets.Value("string"),
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
            "quotes": QUOTES,
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
            "script": datasets.ClassLabel(names=SCRIPTS),
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

def table(config: str, rows: list[dict]) -> pa.Table:
    features = FEATURES[config]
    encoded = [features.encode_example(row) for row in rows]
    schema = features.arrow_schema.with_metadata(
        {"huggingface": json.dumps({"info": {"features": features.to_dict()}})}  # key order = column order
    )
    return pa.Table.from_pylist(encoded, schema=schema)


def write_parquet(path: Path, config: str, rows: list[dict]) -> None:
    sink = pa.BufferOutputStream()
    pq.write_table(
        table(config, rows), sink, compression="zstd", row_group_size=max(len(rows), 1), write_statistics=False
    )
    atomic.write_bytes(path, sink.getvalue().to_pybytes())


def config_rows(docs: list[Document], registry_entities: list[dict]) -> dict[str, list[dict]]:
    return {"sentences": sentence_rows(docs), "documents": document_rows(docs), "alignments": alignment_rows(docs),
            "entities": entity_rows(docs, registry_entities)}


def write_dataset(docs: list[Document], registry_entities: list[dict], directory: Path) -> None:
    for config, config_table in config_rows(docs, registry_entities).items():
        write_parquet(directory / CONFIG_FILES[config], config, config_table)


def dataset_info(docs: list[Document], registry_entities: list[dict]) -> list[dict]:
    """The card's ``dataset_info`` (what the Hub shows and ``datasets`` reads): features, rows and bytes per config.

    Written by :class:`datasets.info.DatasetInfosDict` itself, so the YAML is the library's own form.
    """
    infos = datasets.info.DatasetInfosDict()
    for config, config_table in config_rows(docs, registry_entities).items():
        split = datasets.SplitInfo("train", num_bytes=table(config, config_table).nbytes,
                                   num_examples=len(config_table))
        infos[config] = datasets.info.DatasetInfo(features=FEATURES[config], config_name=config,
                                                  splits=datasets.SplitDict({"train": split}))
    card_data: dict = {}
    infos.to_dataset_card_data(card_data)
    return card_data["dataset_info"]


@register("parquet", Target.DATA, "parquet configs of the Hugging Face dataset")
def write_release(release: Release, directory: Path) -> None:
    write_dataset(release.docs, release.registry_entities, directory)
