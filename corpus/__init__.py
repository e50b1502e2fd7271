"""zhen-corpus: an annotated Chinese–English parallel corpus and the pipeline that builds it.

>>> import corpus
>>> c = corpus.load()                      # the shipped corpus, from corpus/data
>>> hits = c.search("张宏江")               # either script, English, or entity names
>>> corpus.build("path/to/seeds", root="out", allow_untranslated=True)   # new documents

``corpus.tei`` reads and writes the TEI edition.  The pipeline (and with it
jieba, OpenCC, pypinyin, CC-CEDICT) is imported only when ``build`` is first
used, so that ``corpus.load()`` stays fast.
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Union

from corpus.api import Corpus, load

if TYPE_CHECKING:
    from corpus.pipeline import BuildReport

__all__ = ["Corpus", "build", "load", "tei"]


def build(
    seed_dir: Optional[Union[str, os.PathLike]] = None,
    root: Optional[Union[str, os.PathLike]] = None,
    *,
    allow_untranslated: bool = False,
    engine_name: str = "argos",
    progress: Optional[Callable[[str], None]] = None,
    force: bool = False,
    jobs: int = 1,
    cluster: Optional[str] = None,
) -> BuildReport:
    """Build every artifact from a folder of seed documents; see :func:`corpus.pipeline.build`.

    ``seed_dir`` defaults to the shipped seeds and ``root`` to this checkout (whose
    ``corpus/data``, ``corpus/tei`` and ``alignments`` are replaced); other seeds need
    another ``root``, as with the CLI's ``--out``, unless the checkout is named on purpose.
    ``jobs`` worker processes, or the Dask scheduler at ``cluster`` (``tcp://host:8786``), process the
    documents; a document whose inputs are unchanged since the last build into ``root`` comes from its
    cache.  ``force`` trusts nothing there: it processes every document again, and builds into a
    non-empty folder that no build made (its files are left alone).
    """
    from corpus import pipeline

    return pipeline.build(
        Path(seed_dir) if seed_dir is not None else pipeline.SEEDS,
        Path(root) if root is not None else None,
        allow_untranslated=allow_untranslated,
        engine_name=engine_name,
        progress=progress or (lambda message: None),
        force=force,
        jobs=jobs,
        cluster=cluster,
    )


def __getattr__(name: str):
    if name == "tei":
        return importlib.import_module("corpus.tei")
    raise AttributeError(f"module 'corpus' has no attribute {name!r}")
