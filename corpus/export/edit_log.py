"""The cleaning edits of each document as JSON lines (``corpus/data/edits/<doc_id>.jsonl``)."""
from __future__ import annotations

from pathlib import Path

from corpus import atomic, editlog
from corpus.export.base import Release, Target, register
from corpus.model import Document


class EditLogWriter:
    def __init__(self, directory: Path):
        self.directory = directory

    def add(self, doc: Document) -> None:
        atomic.write_text(self.directory / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))

    def close(self) -> None:
        pass


@register("edit-log", Target.DATA, "cleaning edit logs")
def open_writer(release: Release, directory: Path) -> EditLogWriter:
    return EditLogWriter(directory)
