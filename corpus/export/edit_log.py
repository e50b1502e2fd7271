"""The cleaning edits of each document as JSON lines (``corpus/data/edits/<doc_id>.jsonl``)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from corpus import atomic, editlog
from corpus.export.base import Release, Target, register
from corpus.model import Document


class EditLogWriter:
    def __init__(self, directory: Path):
        self.directory = directory

    def add(self, doc: Document) -> None:
        self.add_rendered(render(None, doc))

    def add_rendered(self, part: tuple[str, str]) -> None:
        doc_id, text = part
        atomic.write_text(self.directory / "edits" / f"{doc_id}.jsonl", text)

    def close(self) -> None:
        pass


def render(release: Optional[Release], doc: Document) -> tuple[str, str]:
    """``doc``'s id and its edit log's text."""
    return doc.doc_id, editlog.dumps(doc.edits)


@register("edit-log", Target.DATA, "cleaning edit logs", render)
def open_writer(release: Release, directory: Path) -> EditLogWriter:
    return EditLogWriter(directory)
