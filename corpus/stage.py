"""The calling convention of the per-document stages: ``run(document) -> document``.

Each such stage module declares a :class:`Stage`: its function, the fields of
:class:`~corpus.model.Document` it reads and those it fills.  :func:`in_order`
checks a sequence of stages once, where it is defined, so that a stage placed
before the one that fills what it reads fails at import with both names, instead
of running on empty fields.  Like datatrove's pipeline steps, the stages are then
a plain tuple a runner goes through, one document at a time, on any number of workers.
A stage that gains from seeing many documents at once (machine translation, one
batched model call for all of them) also gives ``run_batch``; :func:`run_all` uses it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from corpus.model import Document

# What ingest fills: every later stage may read it.
INGESTED = ("doc_id", "source_file", "raw", "encoding", "metadata")


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document]
    reads: tuple[str, ...]  # Document fields (or "sentences") it needs filled
    fills: tuple[str, ...]
    # The same work over several documents at once; it must give each document what ``run`` gives it alone.
    run_batch: Optional[Callable[[list[Document]], list[Document]]] = None


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


def run_all(documents: list[Document], stages: Sequence[Stage],
            seconds: list[dict[str, float]] | None = None) -> list[Document]:
    """Each of ``documents`` through ``stages``, stage by stage: a stage with ``run_batch`` takes them all in one
    call, the others one at a time.  ``seconds[i]``, if given, adds up the time each stage spent on document
    *i* (a batch's time shared out evenly)."""
    for stage in stages:
        if stage.run_batch is not None and len(documents) > 1:
            start = time.perf_counter()
            documents = stage.run_batch(documents)
            share = (time.perf_counter() - start) / len(documents)
            for spent in seconds or []:
                spent[stage.name] = spent.get(stage.name, 0.0) + share
        else:
            documents = [run(document, (stage,), seconds[i] if seconds else None)
                         for i, document in enumerate(documents)]
    return documents
