"""The rows of the four dataset configs, built from the document model.

Plain Python values only (no ``datasets`` import), so that :mod:`corpus.api`
loads fast; :mod:`corpus.export.hf` gives them their ``datasets.Features``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields

from corpus.model import Document, EntityType, Mention, ParagraphKind, Script, Sentence, SpeakerRole
from corpus.registry import Affiliation

# Class labels of the closed vocabularies, in the model's order (their ids are published).
ENTITY_TYPES = [str(entity_type) for entity_type in EntityType]
SPEAKER_ROLES = ["none", *(str(role) for role in SpeakerRole)]
PARAGRAPH_KINDS = [str(kind) for kind in ParagraphKind]
SCRIPTS = [str(script) for script in Script]
# The aligner's link types first (label ids stable), then every other n-m up to 4 sentences a side:
# by construction, one Chinese sentence translated as n English sentences is a 1-n link.
MAX_LINK_SIDE = 4
LINK_TYPES = ["1-1", "1-2", "2-1", "2-2", "1-0", "0-1", "1-3", "3-1"]
LINK_TYPES += [f"{i}-{j}" for i in range(MAX_LINK_SIDE + 1) for j in range(MAX_LINK_SIDE + 1)
               if (i or j) and f"{i}-{j}" not in LINK_TYPES]


CONFIGS = ("sentences", "documents", "alignments", "entities")
CONFIG_FILES = {name: f"{name}.parquet" for name in CONFIGS}


def en_segment_id(sentence: Sentence, k: int) -> str:
    return f"{sentence.id}.en{k}"


def _mentions(mentions: list[Mention]) -> list[dict]:
    return [{"start": m.start, "end": m.end, "text": m.text, "type": m.type, "ref": m.ref} for m in mentions]


def _quotes(sentence: Sentence) -> list[dict]:
    return [{"start": start, "end": end, "text": sentence.zh[start:end]} for start, end in sentence.quote_spans]


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
                        "quotes": _quotes(s),
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
            if link.type not in LINK_TYPES:
                raise ValueError(f"{doc.doc_id}: link {link.type} between {[sentences[i].id for i in link.zh]} and "
                                 f"English segments {list(link.en)} has more than {MAX_LINK_SIDE} sentences on a "
                                 f"side; split the translation memory entry or the Chinese sentence")
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


# A person's affiliation in the entities config: the fields the registry records.
AFFILIATION_FIELDS = tuple(field.name for field in fields(Affiliation))


def mention_counts(doc: Document) -> dict[str, int]:
    """How often ``doc`` mentions each entity (Chinese mentions with a ``ref``)."""
    counts: dict[str, int] = {}
    for s in doc.sentences:
        for m in s.entities:
            if m.ref:
                counts[m.ref] = counts.get(m.ref, 0) + 1
    return counts


class EntityCounts:
    """How often documents mention each registry entity (Chinese mentions) and which documents do:
    what the entities config needs of the documents, counted one document at a time."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.documents: dict[str, set[str]] = {}

    def add(self, doc: Document) -> None:
        self.add_counted(doc.doc_id, mention_counts(doc))

    def add_counted(self, doc_id: str, counts: dict[str, int]) -> None:
        """A document's :func:`mention_counts`."""
        for ref, count in counts.items():
            self.counts[ref] = self.counts.get(ref, 0) + count
            self.documents.setdefault(ref, set()).add(doc_id)

    def rows(self, registry_entities: list[dict]) -> list[dict]:
        counts, documents = self.counts, self.documents
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
                "subtype": e.get("subtype"),
                "wikidata": e.get("wikidata"),
                "affiliations": [{field: a.get(field) for field in AFFILIATION_FIELDS}
                                 for a in e.get("affiliations") or ()],
                "mentions": counts.get(e["id"], 0),
                "documents": sorted(documents.get(e["id"], ())),
            }
            for e in sorted(registry_entities, key=lambda e: e["id"])
        ]


def entity_rows(docs: Iterable[Document], registry_entities: list[dict]) -> list[dict]:
    counts = EntityCounts()
    for doc in docs:
        counts.add(doc)
    return counts.rows(registry_entities)
