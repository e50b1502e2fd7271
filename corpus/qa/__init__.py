"""Quality assurance: checks that read finished, annotated documents and report problems.

The stage after annotation: the build runs :func:`stage` on every document and
reports the count of what it found (``Document.problems``); ``corpus check``
prints the full report (:mod:`corpus.qa.check`).  It may read every stage's
results, and no stage reads it.
"""
from __future__ import annotations

from corpus.model import Document
from corpus.qa.check import NameException, check_document
from corpus.registry import Registry
from corpus.stage import Stage


def stage(registry: Registry, exceptions: list[NameException]) -> Stage:
    """The qa stage: records on each document what :func:`~corpus.qa.check.check_document` finds."""
    def run(doc: Document) -> Document:
        doc.problems = check_document(doc, registry, exceptions).problems
        return doc

    return Stage("qa", run, reads=("en_segments", "entities", "en_entities"), fills=("problems",))
