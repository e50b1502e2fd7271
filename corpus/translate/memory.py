"""The translation memory: our reference English, one reviewable JSON-lines file per document.

Each line is one Chinese sentence and its English::

    {"id": "<sentence id>", "zh": "<source sentence>", "en": ["English sentence", ...], "note": "..."}

``en`` lists the English sentences the Chinese sentence became (one or more).
Entries are found by their exact source text, so a sentence that moves keeps
its English; a sentence whose text changed (say, after better cleaning) finds
no entry and is reported *stale* with the entry that used to sit at its id,
never silently given the old English.

The team's memory (``corpus/curated/tm``) is the English of the shipped corpus,
provenance ``reference``.  A user's memory lives in their own folder (``tm/`` of
their build folder), and its English is theirs: provenance ``human:<file>``, the
file ``corpus tm import`` took it from (an optional ``"source"`` of the entry),
else the memory file itself.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import CorpusError
from corpus.model import Document, Sentence

TM_DIR = Path(__file__).resolve().parent.parent / "curated" / "tm"
PROVENANCE = "reference"
USER_PROVENANCE = "human:"  # + the file the English came from


@dataclass
class MemoryEntry:
    id: str
    zh: str
    en: list[str]
    note: str = ""
    source: str = ""  # provenance, when it is not the memory's own (``human:<imported file>``)

    def to_json(self) -> str:
        record = {"id": self.id, "zh": self.zh, "en": self.en}
        if self.note:
            record["note"] = self.note
        if self.source:
            record["source"] = self.source
        return json.dumps(record, ensure_ascii=False)


@dataclass
class TranslationMemory:
    entries: list[MemoryEntry] = field(default_factory=list)
    provenance: str = PROVENANCE  # of the entries that name none

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookup tables after ``entries`` changed."""
        self.by_zh = {entry.zh: entry for entry in self.entries if entry.en}
        self.by_id = {entry.id: entry for entry in self.entries}

    def lookup(self, sentence: Sentence) -> MemoryEntry | None:
        return self.by_zh.get(sentence.zh)

    def stale_entry(self, sentence: Sentence) -> MemoryEntry | None:
        """The entry that used to translate this sentence id, if its source text differs now."""
        entry = self.by_id.get(sentence.id)
        return entry if entry is not None and entry.zh != sentence.zh else None


def english_segments(value: object) -> list[str]:
    """``en`` as a list of English sentences; a bare string or an empty sentence is a mistake, not data."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f'"en" must be a list of non-empty strings, one per English sentence, not {value!r:.60}')
    return list(value)


def read_entries(path: Path) -> list[MemoryEntry]:
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            entries.append(MemoryEntry(record["id"], record["zh"], english_segments(record.get("en")),
                                       record.get("note", ""), _source(record.get("source", ""))))
        except (ValueError, KeyError, TypeError) as error:
            raise CorpusError(f"{path}: line {number}: not a translation-memory entry ({error})") from None
    return entries


def _source(value: object) -> str:
    if not isinstance(value, str) or (value and not value.startswith(USER_PROVENANCE)):
        raise ValueError(f'"source" must be "{USER_PROVENANCE}<file>", not {value!r:.60}')
    return value


def provenance(directory: Path, doc_id: str) -> str:
    """``reference`` for the team's memory; ``human:<file>`` for a user's."""
    return PROVENANCE if Path(directory).resolve() == TM_DIR.resolve() else f"{USER_PROVENANCE}{doc_id}.jsonl"


def load(doc_id: str, directory: Path = TM_DIR) -> TranslationMemory:
    path = directory / f"{doc_id}.jsonl"
    return TranslationMemory(read_entries(path) if path.exists() else [], provenance(directory, doc_id))


def apply(doc: Document, memory: TranslationMemory) -> list[Sentence]:
    """Fill English from the memory; return the sentences it lacks."""
    missing = []
    for sentence in doc.sentences:
        entry = memory.lookup(sentence)
        if entry is None:
            missing.append(sentence)
        else:
            sentence.en_segments = list(entry.en)
            sentence.en_source = entry.source or memory.provenance
    return missing


def missing_entries(doc: Document, memory: TranslationMemory) -> list[dict]:
    """Records a translator fills in (``en``) and ``corpus tm import`` takes back."""
    records = []
    for sentence in doc.sentences:
        if memory.lookup(sentence) is not None:
            continue
        record: dict = {"id": sentence.id, "zh": sentence.zh, "en": []}
        stale = memory.stale_entry(sentence)
        if stale is not None:
            record["stale"] = {"zh": stale.zh, "en": stale.en}
        records.append(record)
    return records


def check_records(doc: Document, records: list[dict]) -> None:
    """Refuse records ``import_entries`` must not take: malformed English, or a source text no sentence has.

    A translator who edits ``zh`` would otherwise add an entry that lookup never reaches.
    """
    sentences = {sentence.zh for sentence in doc.sentences}
    for record in records:
        where = f"{doc.doc_id}: record {record.get('id', '?')}"
        try:
            english_segments(record.get("en"))
        except ValueError as error:
            raise CorpusError(f"{where}: {error}") from None
        if record.get("zh") not in sentences:
            raise CorpusError(f"{where}: its zh text matches no sentence of the document (was it edited? "
                              f"keep zh exactly as 'corpus tm missing' printed it)")


def import_entries(doc: Document, records: list[dict], directory: Path = TM_DIR, source: str = "") -> int:
    """Merge filled-in records into the document's memory file, in document order; ``source``
    (``human:<file>``) is the provenance of their English, for a memory other than the team's.

    Nothing is written unless every record passes :func:`check_records`.
    """
    check_records(doc, records)
    memory = load(doc.doc_id, directory)
    by_zh = {entry.zh: entry for entry in memory.entries}
    imported = 0
    for record in records:
        if record.get("en"):
            by_zh[record["zh"]] = MemoryEntry(record["id"], record["zh"], list(record["en"]), record.get("note", ""),
                                              source)
            imported += 1
    order = {sentence.zh: sentence.id for sentence in doc.sentences}
    for entry in by_zh.values():
        entry.id = order.get(entry.zh, entry.id)
    entries = sorted(by_zh.values(), key=lambda e: (e.zh not in order, e.id))
    write(directory / f"{doc.doc_id}.jsonl", entries)
    return imported


def prune(doc: Document, memory: TranslationMemory) -> list[MemoryEntry]:
    """Drop the entries whose source text matches no sentence of the document; return them.

    Such orphans are left behind when cleaning or segmentation changes (fragments
    of a sentence that is now whole, boilerplate no longer kept); lookup never
    reaches them.  ``memory`` is changed in place; write ``memory.entries`` to keep
    the result.
    """
    sentences = {sentence.zh for sentence in doc.sentences}
    kept = [entry for entry in memory.entries if entry.zh in sentences]
    removed = [entry for entry in memory.entries if entry.zh not in sentences]
    memory.entries = kept
    memory.reindex()
    return removed


def write(path: Path, entries: list[MemoryEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(entry.to_json() + "\n" for entry in entries)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
    os.replace(handle.name, path)
