"""The translate stage: documents' English, from the translation memory first, then an MT engine.

:class:`Engines` loads the engine at most once per process and only when a
document needs it, so a worker that processes many documents loads its model
once.  The stage takes a batch of documents (a worker's chunk of the build) as
well as one: every sentence their memories lack goes to the engine in one call,
each distinct text once (:func:`~corpus.translate.engines.translate_sentences`).
"""
from __future__ import annotations

from typing import Mapping

from corpus.errors import CorpusError
from corpus.model import Document
from corpus.stage import Stage
from corpus.translate import memory
from corpus.translate.engines import TranslationEngine, get_engine, translate_sentences

UNTRANSLATED = "untranslated"  # the flag of a sentence no engine could translate


class Engines:
    """The MT engine ``name``, loaded on first use; a failure to load is kept, so it is reported, not retried."""

    def __init__(self, name: str, refused: CorpusError | None = None):
        """``refused``: never load the engine; this is why (every sentence that needs it is left untranslated)."""
        self.name = name
        self.loaded: TranslationEngine | CorpusError | None = refused

    def get(self) -> TranslationEngine | CorpusError:
        if self.loaded is None:
            try:
                self.loaded = get_engine(self.name)
            except CorpusError as error:  # no model: the build reports every sentence that needed it
                self.loaded = error
        return self.loaded

    @property
    def error(self) -> CorpusError | None:
        """Why the engine could not be loaded, once a document needed it."""
        return self.loaded if isinstance(self.loaded, CorpusError) else None


def english_title(doc: Document) -> None:
    """``title_en`` is the translation of the title line, unless the curated metadata gives one.

    Keeps the documents table, the TEI header and the English text saying the same thing.
    """
    title = doc.paragraphs[0] if doc.paragraphs and doc.paragraphs[0].kind == "title" else None
    if title is not None and "title_en" not in doc.metadata and all(s.en for s in title.sentences):
        doc.metadata["title_en"] = " ".join(s.en for s in title.sentences)


def translate_documents(docs: list[Document], memories: Mapping[str, memory.TranslationMemory],
                        engines: Engines) -> list[Document]:
    """English from each document's memory (``memories[doc_id]``), then from the engine for what they lack, in
    one batch for all the documents; sentences left without English are flagged ``untranslated`` (whether that
    stops the build is the build's decision)."""
    missing = [sentence for doc in docs for sentence in memory.apply(doc, memories[doc.doc_id])]
    if missing:
        engine = engines.get()
        if not isinstance(engine, CorpusError):
            translate_sentences(missing, engine)
        for sentence in missing:
            if not sentence.en_segments:
                sentence.flags.append(UNTRANSLATED)
    for doc in docs:
        english_title(doc)
    return docs


def stage(memories: Mapping[str, memory.TranslationMemory], engines: Engines) -> Stage:
    """The translate stage of documents whose memories are ``memories`` (by doc_id)."""
    return Stage("translate", lambda doc: translate_documents([doc], memories, engines)[0],
                 reads=("sentences", "zh_hans"), fills=("en_segments", "en_source"),
                 run_batch=lambda docs: translate_documents(docs, memories, engines))
