"""zhen-corpus: an annotated Chinese–English parallel corpus and the pipeline that builds it.

>>> import corpus
>>> c = corpus.load()                      # the shipped corpus, from corpus/data
>>> hits = c.search("张宏江")               # either script, English, or entity names
>>> corpus.build("path/to/seeds", root="out", allow_untranslated=True)   # new documents
"""
from corpus.api import Corpus, load
from corpus.pipeline import build

__all__ = ["Corpus", "build", "load"]
