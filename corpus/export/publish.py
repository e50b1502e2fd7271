"""Writes every published artifact of a build: every registered export format.

All artifacts are written into staging directories first; only when every
one of them exists do renames replace the published files, so a failing
build leaves the previous outputs untouched.
"""
from __future__ import annotations

from pathlib import Path

from corpus import atomic
from corpus.align.pairs import sorted_documents
from corpus.export import edit_log, hf, moses, tei, testset, tmx, xces  # noqa: F401  (each registers its format)
from corpus.export import card
from corpus.export.base import FORMATS, Release, Target
from corpus.model import Document


def write_all(docs: list[Document], registry_entities: list[dict], root: Path, seed_dir: Path,
              progress=lambda message: None) -> None:
    docs = sorted_documents(docs)  # one document order in every export
    targets = {
        Target.DATA: atomic.Target(root / Target.DATA.value),
        Target.ALIGNMENTS: atomic.Target(root / Target.ALIGNMENTS.value),
        Target.TEI: atomic.Target(root / Target.TEI.value, "*.xml"),  # the directory is also the corpus.tei package
    }
    release = Release(docs, registry_entities, seed_dir, root)
    with atomic.staged_directories(list(targets.values())) as staged:
        directories = dict(zip(targets, staged))
        for export in FORMATS.values():
            progress(f"write {export.target.value}/ ({export.description})")
            export.write(release, directories[export.target])
    if card.update_readme(root / "README.md", docs, registry_entities):
        progress("updated the statistics in README.md (the dataset card)")
