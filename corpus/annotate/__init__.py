"""Annotation: entity mentions (Chinese and projected English) and speakers.

``annotate(doc)`` is what the build calls; the registry it reads is :mod:`corpus.registry`;
the pieces are importable on their own:
:func:`~corpus.annotate.mentions.find_mentions`,
:func:`~corpus.annotate.projection.project`,
:func:`~corpus.annotate.speakers.assign_speakers`.
"""
from __future__ import annotations

from corpus.annotate.mentions import find_mentions, unknown_candidates
from corpus.annotate.projection import project
from corpus.registry import Registry, load_registry
from corpus.annotate.speakers import assign_speakers
from corpus.model import Document

__all__ = ["annotate", "assign_speakers", "find_mentions", "project", "unknown_candidates"]


def annotate(doc: Document, registry: Registry | None = None) -> None:
    """Fill ``entities``, ``en_entities`` (offsets into ``Sentence.en``) and speakers of every sentence."""
    registry = registry or load_registry()
    for sentence in doc.sentences:
        sentence.entities = find_mentions(sentence.zh, registry)
        sentence.en_entities = (
            project(sentence.entities, sentence.zh, sentence.en, registry)[0] if sentence.en_segments else []
        )
    assign_speakers(doc, registry)
