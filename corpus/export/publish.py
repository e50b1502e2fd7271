"""Writes every published artifact of a build: every registered export format.

All artifacts are written into the destination's staging directories first;
the destination publishes them all at once only when every one of them
exists (:mod:`corpus.output`), so a failing build leaves the previous outputs
untouched.
"""
from __future__ import annotations

from pathlib import Path

from corpus.align.pairs import sorted_documents
from corpus.export import edit_log, hf, moses, tei, testset, tmx, xces  # noqa: F401  (each registers its format)
from corpus.export import card, provenance
from corpus.export.base import FORMATS, Release, Target
from corpus.model import Document
from corpus.output import BuildFolder, Checkout


def write_all(docs: list[Document], registry_entities: list[dict], destination: Checkout | BuildFolder,
              seed_dir: Path, progress=lambda message: None, readme: Path | None = None, *,
              files: bool = True) -> None:
    """Every registered format into ``destination``; then the statistics of the dataset card ``readme``
    (default: the destination's own, which only the checkout has).  ``files=False``: the destination
    already holds these documents' files (a build with nothing changed), so only the card is written."""
    docs = sorted_documents(docs)  # one document order in every export
    if files:
        release = Release(docs, registry_entities, provenance.build_info(seed_dir, destination.root))
        with destination.publish(progress) as staging:
            directories = {Target.DATA: staging.data, Target.ALIGNMENTS: staging.alignments, Target.TEI: staging.tei}
            for export in FORMATS.values():
                progress(f"write {export.target.value}/ ({export.description})")
                export.write(release, directories[export.target])
    readme = readme or destination.readme
    if readme is not None and card.update_readme(readme, docs, registry_entities):
        progress("updated the statistics in README.md (the dataset card)")
