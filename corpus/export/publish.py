"""Writes every published artifact of a build, one document at a time: every registered export format.

Documents arrive in doc_id order, as the build finishes them; each is given to
every format's writer (:class:`corpus.export.base.DocumentWriter`), which writes
its files and its share of the corpus-wide files at once, and to the card's
counts, then dropped: memory holds one document and the corpus-level counts,
not the corpus.  All artifacts are written into the destination's staging
directories first; the destination publishes them all at once only when every
one of them exists (:mod:`corpus.output`), so a failing build, or a document
that fails on its way, leaves the previous outputs untouched.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from corpus.export import edit_log, hf, moses, tei, testset, tmx, xces  # noqa: F401  (each registers its format)
from corpus.export import card, provenance
from corpus.export.base import FORMATS, Release, Rendered, Target, render
from corpus.model import Document
from corpus.output import BuildFolder, Checkout

__all__ = ["release_of", "render", "write_all"]  # render: base's, once every format above is registered


def write_all(docs: Iterable[Document | Rendered], registry_entities: list[dict], destination: Checkout | BuildFolder,
              seed_dir: Path, progress=lambda message: None, readme: Path | None = None, *,
              files: bool = True, release: Release | None = None) -> None:
    """Every registered format into ``destination``, from ``docs`` in doc_id order (a list or a stream;
    each a document, or one with its parts already rendered by :func:`render` for ``release``); then the
    generated parts of the dataset card ``readme`` (default: the destination's own, which only the
    checkout has).  ``files=False``: the destination already holds these documents' files (a build
    with nothing changed), so only the card is written.  ``release``: default :func:`release_of`."""
    readme = readme or destination.readme
    counted = card.CardStatistics(registry_entities) if readme is not None else None
    previous: str | None = None

    def each(item: Document | Rendered) -> Rendered:
        nonlocal previous
        rendered = item if isinstance(item, Rendered) else Rendered(item, {})
        doc = rendered.doc
        if previous is not None and doc.doc_id <= previous:
            raise ValueError(f"documents must come in doc_id order: {doc.doc_id} after {previous}")
        previous = doc.doc_id
        if counted is not None:
            counted.add(doc, rendered.parts.get(hf.FORMAT))
        return rendered

    if files:
        release = release or release_of(registry_entities, seed_dir, destination.root)
        with destination.publish(progress) as staging:
            directories = {Target.DATA: staging.data, Target.ALIGNMENTS: staging.alignments, Target.TEI: staging.tei}
            for export in FORMATS.values():
                progress(f"write {export.target.value}/ ({export.description})")
            writers = {name: export.open(release, directories[export.target]) for name, export in FORMATS.items()}
            for item in docs:
                rendered = each(item)
                for name, writer in writers.items():
                    if name in rendered.parts:
                        writer.add_rendered(rendered.parts[name])  # type: ignore[attr-defined]
                    else:
                        writer.add(rendered.doc)
            for writer in writers.values():
                writer.close()
    else:
        for item in docs:
            each(item)
    if readme is not None and counted is not None and card.update_readme(readme, counted):
        progress("updated the statistics in README.md (the dataset card)")


def release_of(registry_entities: list[dict], seed_dir: Path, root: Path) -> Release:
    """What a build of ``seed_dir`` into ``root`` publishes besides its documents (every rendered part depends
    on it)."""
    return Release(registry_entities, provenance.build_info(seed_dir, root))
