"""The Hugging Face dataset: four configs as parquet with explicit ``datasets.Features``.

The features travel inside each parquet file (schema metadata key
``huggingface``, the place ``datasets`` reads them from), so
``load_dataset("<checkout>", config)`` gives class labels and the
``Translation`` feature without any loading script.  Files are written with
fixed settings (row groups of :data:`ROW_GROUP_ROWS` rows, zstd, no statistics
timestamps), so the same documents always give the same bytes, however they
were streamed: a build writes each document's rows as it comes
(:class:`DatasetWriter`) and holds at most one row group per config.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import datasets
import pyarrow as pa
import pyarrow.parquet as pq

from corpus.export.base import Release, Target, register, write_documents
from corpus.export.rows import (AFFILIATION_FIELDS, CONFIG_FILES, ENTITY_TYPES, LINK_TYPES, PARAGRAPH_KINDS, SCRIPTS,
                                SPEAKER_ROLES, EntityCounts, alignment_rows, document_rows, mention_counts,
                                sentence_rows)
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
            "subtype": datasets.Value("string"),
            "wikidata": datasets.Value("string"),
            "affiliations": datasets.List({field: datasets.Value("string") for field in AFFILIATION_FIELDS}),
            "mentions": datasets.Value("int32"),
            "documents": datasets.Sequence(datasets.Value("string")),
        }
    ),
}

# Rows per parquet row group: a build holds at most this many rows of a config in memory.  A config
# with fewer rows is one row group, as the shipped corpus's are.
ROW_GROUP_ROWS = 10_000
FORMAT = "parquet"
STREAMED = ("sentences", "documents", "alignments")  # rows per document; entities are counted, then written


def encode_rows(config: str, rows: list[dict]) -> list[dict]:
    """Rows as arrow takes them (class labels as ids)."""
    features = FEATURES[config]
    return [features.encode_example(row) for row in rows]


def schema(config: str) -> pa.Schema:
    features = FEATURES[config]
    return features.arrow_schema.with_metadata(
        {"huggingface": json.dumps({"info": {"features": features.to_dict()}})}  # key order = column order
    )


@dataclass
class ConfigSize:
    rows: int = 0
    bytes: int = 0  # arrow bytes of its row groups: what the card's dataset_info reports


class ConfigStream:
    """One config's rows, as they arrive, cut into row groups of :data:`ROW_GROUP_ROWS`: the boundaries
    depend only on the rows, so the same rows give the same bytes however they were batched.  Each row
    group goes to the parquet file at ``sink`` (none: only counted)."""

    def __init__(self, config: str, sink: Optional[str | pa.NativeFile] = None):
        self.config = config
        self.schema = schema(config)
        self.writer = None if sink is None else pq.ParquetWriter(sink, self.schema, compression="zstd",
                                                                 write_statistics=False)
        self.pending: list[dict] = []
        self.size = ConfigSize()

    def add(self, rows: list[dict]) -> None:
        self.add_encoded(encode_rows(self.config, rows))

    def add_encoded(self, encoded: list[dict]) -> None:
        """Rows already encoded (:func:`encode_rows`)."""
        self.pending += encoded
        while len(self.pending) >= ROW_GROUP_ROWS:
            self._write(self.pending[:ROW_GROUP_ROWS])
            self.pending = self.pending[ROW_GROUP_ROWS:]

    def _write(self, encoded: list[dict]) -> None:
        group = pa.Table.from_pylist(encoded, schema=self.schema)
        if self.writer is not None:
            self.writer.write_table(group, row_group_size=max(len(encoded), 1))
        self.size.rows += len(encoded)
        self.size.bytes += group.nbytes

    def close(self) -> ConfigSize:
        if self.pending or not self.size.rows:
            self._write(self.pending)
        self.pending = []
        if self.writer is not None:
            self.writer.close()
        return self.size


def document_config_rows(doc: Document) -> dict[str, list[dict]]:
    """``doc``'s rows of the per-document configs."""
    return {"sentences": sentence_rows([doc]), "documents": document_rows([doc]), "alignments": alignment_rows([doc])}


@dataclass(frozen=True)
class DatasetPart:
    """One document's share of the dataset: its encoded rows of each per-document config, its entity mentions."""

    doc_id: str
    encoded: dict[str, list[dict]]  # config → rows as :func:`encode_rows` gives them
    mentions: dict[str, int]  # :func:`corpus.export.rows.mention_counts`


def render(release: Optional[Release], doc: Document) -> DatasetPart:
    encoded = {config: encode_rows(config, rows) for config, rows in document_config_rows(doc).items()}
    return DatasetPart(doc.doc_id, encoded, mention_counts(doc))


class DatasetStream:
    """Every config of the dataset from documents added one at a time (in doc_id order); parquet files
    under ``directory``, or only their sizes (none)."""

    def __init__(self, registry_entities: list[dict], directory: Optional[Path] = None):
        self.registry_entities = registry_entities
        self.directory = directory
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
        self.streams = {config: ConfigStream(config, self._sink(config)) for config in STREAMED}
        self.entities = EntityCounts()

    def _sink(self, config: str) -> Optional[str]:
        return None if self.directory is None else str(self.directory / CONFIG_FILES[config])

    def add(self, doc: Document) -> None:
        self.add_rendered(render(None, doc))

    def add_rendered(self, part: DatasetPart) -> None:
        for config, encoded in part.encoded.items():
            self.streams[config].add_encoded(encoded)
        self.entities.add_counted(part.doc_id, part.mentions)

    def close(self) -> dict[str, ConfigSize]:
        sizes = {config: stream.close() for config, stream in self.streams.items()}
        entities = ConfigStream("entities", self._sink("entities"))
        entities.add(self.entities.rows(self.registry_entities))
        sizes["entities"] = entities.close()
        return sizes


def write_dataset(docs: Iterable[Document], registry_entities: list[dict], directory: Path) -> None:
    write_documents(DatasetStream(registry_entities, directory), docs)


def dataset_info(sizes: dict[str, ConfigSize]) -> list[dict]:
    """The card's ``dataset_info`` (what the Hub shows and ``datasets`` reads): features, rows and bytes per
    config (``sizes``: :meth:`DatasetStream.close`).

    Written by :class:`datasets.info.DatasetInfosDict` itself, so the YAML is the library's own form.
    """
    infos = datasets.info.DatasetInfosDict()
    for config, size in sizes.items():
        split = datasets.SplitInfo("train", num_bytes=size.bytes, num_examples=size.rows)
        infos[config] = datasets.info.DatasetInfo(features=FEATURES[config], config_name=config,
                                                  splits=datasets.SplitDict({"train": split}))
    card_data: dict = {}
    infos.to_dataset_card_data(card_data)
    return card_data["dataset_info"]


@register(FORMAT, Target.DATA, "parquet configs of the Hugging Face dataset", render)
def open_writer(release: Release, directory: Path) -> DatasetStream:
    return DatasetStream(release.registry_entities, directory)
