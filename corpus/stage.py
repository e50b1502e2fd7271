"""The calling convention of the per-document stages: ``run(document) -> document``.

Each such stage module declares a :class:`Stage`: its function, the fields of
:class:`~corpus.model.Document` it reads and those it fills.  :func:`in_order`
checks a sequence of stages once, where it is defined, so that a stage placed
before the one that fills what it reads fails at import with both names, instead
of running on empty fields.  Like datatrove's pipeline steps, the stages are then
a plain tuple a runner goes through, one document at a time, on any number of workers.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Sequence

from corpus.model import Document

# What ingest fills: every later stage may read it.
INGESTED = ("doc_id", "source_file", "raw", "encoding", "metadata")


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document]
    reads: tuple[str, ...]  # Document fields (or "sentences") it needs filled
    fills: tuple[str, ...]


def in_order(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    """``stages`` as a tuple, after checking that each reads only what ingest or an earlier stage fills."""
    filled = {field: "ingest" for field in INGESTED}
    for stage in stages:
        if missing := [field for field in stage.reads if field not in filled]:
            raise ValueError(f"stage {stage.name!r} reads {missing}, which no earlier stage fills "
                             f"(filled so far: {sorted(filled)})")
        filled.update((field, stage.name) for field in stage.fills)
    return tuple(stages)


def run(document: Document, stages: Sequence[Stage], seconds: dict[str, float] | None = None) -> Document:
    """``document`` through ``stages``; each stage's wall time is added to ``seconds``, if given."""
    for stage in stages:
        start = time.perf_counter()
        document = stage.run(document)
        if seconds is not None:
            seconds[stage.name] = seconds.get(stage.name, 0.0) + time.perf_counter() - start
    return document
