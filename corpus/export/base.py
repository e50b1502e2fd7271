"""One interface for every export format, registered as pypinyin registers its styles.

An exporter is a function ``open(release, directory)`` that returns a
:class:`DocumentWriter` for one of the published directories (:class:`Target`):
the build gives it the documents one at a time, in doc_id order, and closes it,
so a writer keeps what the corpus-wide files need (counts, open files), never
the documents.  A format whose writer does real work per document also
registers a ``render(release, doc)`` function: the document's share of its
files as a picklable part, which the writer's ``add_rendered`` writes as its
``add`` would have.  The build renders each document where it processed it (a
worker process or a cluster worker, and its cache keeps the parts), so the
process that publishes only writes and joins bytes (:func:`render`).
The module that defines it registers it with :func:`register`,
and :mod:`corpus.export.publish` runs every registered one.  A new format is a new module plus its import line in
``publish.py``: no central switch.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Protocol, Sequence

from corpus.align.pairs import sorted_documents
from corpus.model import Document


class Target(Enum):
    """The published directories, relative to the root of a checkout."""

    DATA = "corpus/data"
    ALIGNMENTS = "alignments"
    TEI = "corpus/tei"


@dataclass(frozen=True)
class Release:
    """What a build publishes besides its documents: the registry's entities, and the provenance
    the headers record (:func:`corpus.export.provenance.build_info`, computed once per build)."""

    registry_entities: list[dict]
    build_info: dict


class DocumentWriter(Protocol):
    def add(self, doc: Document) -> None:
        """Write ``doc``'s share of the format; documents come in doc_id order."""

    def close(self) -> object:
        """Write what is corpus-wide, once every document was added (what it returns is the writer's own)."""


def write_documents(writer: DocumentWriter, docs: Iterable[Document]) -> None:
    """Every document of ``docs`` (in doc_id order) through ``writer``, then close it."""
    for doc in docs:
        writer.add(doc)
    writer.close()


class FileWriter(Protocol):
    """A :class:`DocumentWriter` whose ``close`` returns the paths it wrote."""

    def add(self, doc: Document) -> None: ...

    def close(self) -> list[Path]: ...


def export_files(writer: FileWriter, documents: Sequence[Document]) -> list[Path]:
    """The whole-corpus form of a streaming export: ``documents`` through ``writer`` in doc_id order
    (whatever order they come in); returns the paths it wrote, sorted."""
    for document in sorted_documents(documents):
        writer.add(document)
    return sorted(writer.close())


Exporter = Callable[[Release, Path], DocumentWriter]
Renderer = Callable[[Release, Document], Any]  # a document's part of a format: picklable, bytes and small facts


@dataclass(frozen=True)
class Format:
    name: str
    target: Target
    description: str  # for the build's progress messages
    open: Exporter
    render: Optional[Renderer] = None  # the part its writer's ``add_rendered`` takes (none: it takes documents)


FORMATS: dict[str, Format] = {}


def register(name: str, target: Target, description: str,
             render: Optional[Renderer] = None) -> Callable[[Exporter], Exporter]:
    """Decorator: publish every build in format ``name`` into ``target``; ``render``: see the module's notes."""
    def decorate(write: Exporter) -> Exporter:
        if name in FORMATS:
            raise ValueError(f"export format {name!r} is registered twice")
        FORMATS[name] = Format(name, target, description, write, render)
        return write
    return decorate


@dataclass
class Rendered:
    """A document with its parts of every format that renders (format name → part), made where it was processed."""

    doc: Document
    parts: dict[str, Any]


def render(release: Release, doc: Document) -> Rendered:
    """``doc`` with its part of every registered format that renders its documents."""
    return Rendered(doc, {name: export.render(release, doc) for name, export in FORMATS.items() if export.render})
