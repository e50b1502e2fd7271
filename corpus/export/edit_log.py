"""The cleaning edits of each document as JSON lines (``corpus/data/edits/<doc_id>.jsonl``)."""
from __future__ import annotations

from pathlib import Path

from corpus import atomic, editlog
from corpus.export.base import Release, Target, register


@register("edit-log", Target.DATA, "cleaning edit logs")
def write_release(release: Release, directory: Path) -> None:
    for doc in release.docs:
        atomic.write_text(directory / "edits" / f"{doc.doc_id}.jsonl", editlog.dumps(doc.edits))
