"""The Python API over the published corpus: ``corpus.load()`` and :class:`Corpus`.

Loading reads the parquet configs that ``corpus build`` wrote (no pipeline
run), and rebuilds the document model: paragraph text is the concatenation of
its sentences, which segmentation guarantees.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pyarrow.parquet as pq

from corpus import editlog
from corpus.export import rows as hf_rows
from corpus.lang import has_han
from corpus.model import Document, Link, Mention, Paragraph, Sentence

if TYPE_CHECKING:
    import datasets

DATA = Path(__file__).resolve().parent / "data"
# Word edges for Latin-script queries: Han characters around a Latin word are an edge ("用GPT做" has GPT).
LATIN_EDGE_BEFORE = r"(?<![0-9A-Za-z\u00c0-\u024f])"
LATIN_EDGE_AFTER = r"(?![0-9A-Za-z\u00c0-\u024f])"


@dataclass
class Corpus:
    """The documents of the corpus, with search and conversion to Hugging Face rows."""

    documents: list[Document]
    entities: list[dict]

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        raise KeyError(doc_id)

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence, in document and reading order."""
        return [s for doc in self.documents for s in doc.sentences]

    @property
    def turns(self) -> list[Paragraph]:
        """Every interview turn (a paragraph with ``speaker_label``), in reading order."""
        return [p for doc in self.documents for p in doc.paragraphs if p.kind == "turn"]

    def search(self, query: str) -> list[Sentence]:
        """Sentences matching ``query`` in either script, in English, or through an entity's names.

        ``search("张宏江")``, ``search("張宏江")`` and ``search("Zhang Hongjiang")``
        find the same person: the query is compared with the simplified text
        and, case-insensitively, with the English; a query that names a
        registry entity also finds the sentences whose mentions link to it.
        A query in Latin script matches whole words only, in both languages
        (``AI`` does not match "raise", ``GPT`` not ``ChatGPT``); a query with
        Chinese characters matches anywhere, as Chinese has no spaces between words.
        """
        from corpus.script import to_hans  # pypinyin comes with it: imported only when searching

        if _is_latin(query):
            in_zh = in_en = _latin_word(query)
        else:
            simplified, folded = to_hans(query), query.casefold()
            in_zh, in_en = (lambda zh: simplified in zh), (lambda en: folded in en.casefold())
        refs = self._entity_ids(query)
        return [
            s
            for s in self.sentences
            if in_zh(s.zh_hans) or in_en(s.en) or any(m.ref in refs for m in s.entities + s.en_entities)
        ]

    def said_by(self, entity: str) -> list[Sentence]:
        """The sentences ``entity`` speaks: its interview turns and the quotations attributed to it.

        ``entity`` is a registry id (``"liang-wenfeng"``) or any of the entity's names, in
        either script or in English (``"梁文锋"``, ``"Liang Wenfeng"``); an interviewer voice is
        the outlet (``"GeekPark"``).  ``Sentence.speaker_role`` tells turns (``interviewer``,
        ``interviewee``) from quotations (``quoted``).  Raises ``KeyError`` for a name the
        registry does not know, so that a misspelling is not mistaken for silence.
        """
        refs = self._entity_ids(entity)
        if not refs:
            raise KeyError(f"no registry entity is called {entity!r}")
        return [s for s in self.sentences if s.speaker in refs]

    def _entity_ids(self, name: str) -> set[str]:
        """Ids of the registry entities that have ``name`` as id or name (either script, any case)."""
        from corpus.script import to_hans

        simplified, folded = to_hans(name), name.casefold()
        return {
            e["id"]
            for e in self.entities
            if e["id"] == name or any(folded == n.casefold() or simplified == to_hans(n) for n in _names(e))
        }

    def to_hf(self, config: str = "sentences") -> datasets.Dataset:
        """The rows of one Hugging Face config as a ``datasets.Dataset`` (same rows as ``load_dataset``)."""
        import datasets

        from corpus.export import hf

        rows = {
            "sentences": lambda: hf_rows.sentence_rows(self.documents),
            "documents": lambda: hf_rows.document_rows(self.documents),
            "alignments": lambda: hf_rows.alignment_rows(self.documents),
            "entities": lambda: hf_rows.entity_rows(self.documents, self.entities),
        }[config]()
        return datasets.Dataset.from_list(rows, features=hf.FEATURES[config])


def _is_latin(query: str) -> bool:
    """Whether ``query`` has no Chinese character (then it is matched as whole words)."""
    return not has_han(query)


def _latin_word(query: str) -> Callable[[str], bool]:
    """A case-insensitive test for ``query`` not run into other letters or digits (``AI`` not in "raise")."""
    pattern = re.compile(LATIN_EDGE_BEFORE + re.escape(query) + LATIN_EDGE_AFTER, re.IGNORECASE)
    return lambda text: bool(pattern.search(text))


def _names(entity: dict) -> list[str]:
    return [
        n for n in [entity.get("zh_hans"), entity.get("zh_hant"), entity.get("en"), *(entity.get("aliases") or [])] if n
    ]


def _mentions(rows: list[dict]) -> list[Mention]:
    types = hf_rows.ENTITY_TYPES
    return [
        Mention(
            r["start"], r["end"], r["text"], types[r["type"]] if isinstance(r["type"], int) else r["type"], r["ref"]
        )
        for r in rows
    ]


def load(directory: Path | str = DATA) -> Corpus:
    """Load the built corpus (``corpus/data`` by default) into the document model."""
    directory = Path(directory)
    read = lambda config: pq.ParquetFile(directory / hf_rows.CONFIG_FILES[config]).read().to_pylist()  # noqa: E731
    documents = {}
    for row in read("documents"):
        meta = json.loads(row["metadata"])
        documents[row["doc_id"]] = Document(
            doc_id=row["doc_id"],
            source_file=row["source_file"],
            encoding=row["encoding"],
            script=hf_rows.SCRIPTS[row["script"]],
            metadata=meta,
            edits=editlog.load(directory / "edits" / f"{row['doc_id']}.jsonl"),
        )
    paragraphs: dict[tuple[str, int], Paragraph] = {}
    for row in read("sentences"):
        doc = documents[row["doc_id"]]
        key = (row["doc_id"], row["paragraph"])
        if key not in paragraphs:
            kind = hf_rows.PARAGRAPH_KINDS[row["paragraph_kind"]]
            paragraphs[key] = Paragraph(row["paragraph"], kind, "", row["speaker_label"])
            doc.paragraphs.append(paragraphs[key])
        paragraph = paragraphs[key]
        role = hf_rows.SPEAKER_ROLES[row["speaker_role"]]
        sentence = Sentence(
            id=row["id"],
            doc_id=row["doc_id"],
            paragraph=row["paragraph"],
            index=row["index"],
            zh=row["zh"],
            start=len(paragraph.text),
            zh_hans=row["zh_hans"],
            zh_hant=row["zh_hant"],
            pinyin=row["pinyin"],
            flags=list(row["flags"]),
            en_segments=list(row["en_segments"]),
            en_source=row["en_source"],
            speaker=row["speaker"],
            speaker_role=None if role == "none" else role,
            quote_spans=[(quote["start"], quote["end"]) for quote in row["quotes"]],
            entities=_mentions(row["entities"]),
            en_entities=_mentions(row["en_entities"]),
        )
        paragraph.text += sentence.zh
        paragraph.sentences.append(sentence)
    _attach_links(documents, read("alignments"))
    return Corpus(list(documents.values()), read("entities") and _registry_rows(read("entities")))


def _registry_rows(rows: list[dict]) -> list[dict]:
    return [{**row, "type": hf_rows.ENTITY_TYPES[row["type"]]} for row in rows]


def _attach_links(documents: dict[str, Document], rows: list[dict]) -> None:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc_id"]].append(row)
    for doc_id, doc_rows in by_doc.items():
        doc = documents[doc_id]
        zh_index = {s.id: i for i, s in enumerate(doc.sentences)}
        en_index = {
            hf_rows.en_segment_id(s, k): j
            for j, (s, k) in enumerate((s, k) for s in doc.sentences for k in range(len(s.en_segments)))
        }
        doc.links = [
            Link(tuple(zh_index[i] for i in row["zh_ids"]), tuple(en_index[i] for i in row["en_ids"]), row["score"])
            for row in doc_rows
        ]
