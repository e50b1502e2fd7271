"""One interface for every export format, registered as pypinyin registers its styles.

An exporter is a function ``write(release, directory)`` that writes its files for a
whole build into one of the published directories (:class:`Target`); the module
that defines it registers it with :func:`register`, and :mod:`corpus.export.publish`
runs every registered one.  A new format is a new module plus its import line in
``publish.py``: no central switch.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable

from corpus.model import Document


class Target(Enum):
    """The published directories, relative to the root of a checkout."""

    DATA = "corpus/data"
    ALIGNMENTS = "alignments"
    TEI = "corpus/tei"


@dataclass(frozen=True)
class Release:
    """What a build publishes: the finished documents, the registry's entities, and the provenance
    the headers record (:func:`corpus.export.provenance.build_info`, computed once per build)."""

    docs: list[Document]
    registry_entities: list[dict]
    build_info: dict


Exporter = Callable[[Release, Path], None]


@dataclass(frozen=True)
class Format:
    name: str
    target: Target
    description: str  # for the build's progress messages
    write: Exporter


FORMATS: dict[str, Format] = {}


def register(name: str, target: Target, description: str) -> Callable[[Exporter], Exporter]:
    """Decorator: publish every build in format ``name`` into ``target``."""
    def decorate(write: Exporter) -> Exporter:
        if name in FORMATS:
            raise ValueError(f"export format {name!r} is registered twice")
        FORMATS[name] = Format(name, target, description, write)
        return write
    return decorate
