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
from typing import Any

from corpus.api import Corpus, load

__all__ = ["Corpus", "build", "load", "tei"]


def build(*args: Any, **kwargs: Any):
    """Run the pipeline: see :func:`corpus.pipeline.build`."""
    from corpus.pipeline import build as run

    return run(*args, **kwargs)


def __getattr__(name: str):
    if name == "tei":
        return importlib.import_module("corpus.tei")
    raise AttributeError(f"module 'corpus' has no attribute {name!r}")
