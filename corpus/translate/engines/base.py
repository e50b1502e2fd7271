"""The machine-translation engine interface, and the registry engines add themselves to.

An engine turns a batch of our own sentences (we segment; engines never
re-split) into one English string each, and says what produced them in its
``provenance``: ``mt:<engine>:<model>:<version>``, the value stored with every
machine-translated sentence so a build records which model wrote which line.
"""
from __future__ import annotations

import abc
import os
import re
from typing import ClassVar, TypeVar

from corpus.errors import UnknownEngine
from corpus.lang import LOST_CHARACTERS
from corpus.model import Sentence
from corpus.segment import CORRUPTED

PROVENANCE_PREFIX = "mt"
_LOST = re.compile(LOST_CHARACTERS)


class TranslationEngine(abc.ABC):
    """One loaded model that translates sentences in batches."""

    name: ClassVar[str]  # the registry key, e.g. "argos"
    # Whether a process forked from one that loaded this engine can still use an engine (corpus.runner forks
    # its workers, so they inherit what the build process loaded, only where every engine loaded there is).
    fork_safe: ClassVar[bool] = True
    model_id: str  # which model, e.g. the installed package's directory name
    version: str  # the model's own version

    @abc.abstractmethod
    def translate_batch(self, sentences: list[str]) -> list[str]:
        """One translation per sentence, in order; ``len(result) == len(sentences)``."""

    @property
    def provenance(self) -> str:
        return f"{PROVENANCE_PREFIX}:{self.name}:{self.model_id}:{self.version}"

    @classmethod
    def installed_provenance(cls) -> str:
        """The provenance an engine loaded now would have; an engine that can tell without loading its model
        says so here (a build checks it against cached translations before it forks its workers)."""
        return cls().provenance


def translate_sentences(sentences: list[Sentence], engine: TranslationEngine) -> list[Sentence]:
    """Give each sentence the engine's English and provenance (one batch call); returns ``sentences``.

    For the sentences the translation memory lacks, once corpus.script has given
    them their script variants: the engine reads :func:`mt_input`, each distinct text
    once, sorted by length then text, so what the engine is given depends only on the
    set of texts, not on their order or on which document brought them. An empty
    translation leaves the sentence untranslated (no segments, ``en_source`` "") rather
    than claiming the engine translated it.
    """
    texts = sorted({mt_input(sentence) for sentence in sentences}, key=lambda text: (len(text), text))
    english_of = dict(zip(texts, engine.translate_batch(texts), strict=True))
    for sentence in sentences:
        english = english_of[mt_input(sentence)]
        translated = bool(english.strip())
        sentence.en_segments = [english] if translated else []
        sentence.en_source = engine.provenance if translated else ""
    return sentences


def mt_input(sentence: Sentence) -> str:
    """The text an engine reads for ``sentence``: its simplified script, without lost characters.

    zh→en models (Argos's among them) are trained on simplified Chinese, so a
    traditional-script sentence goes in as ``zh_hans`` (set by corpus.script).
    In a sentence flagged corrupted, runs of lost characters ("??????") carry no
    meaning and only lead a model astray, so they are left out.
    """
    if CORRUPTED in sentence.flags:
        return _LOST.sub("", sentence.zh_hans)
    return sentence.zh_hans


def parse_provenance(provenance: str) -> tuple[str, str, str]:
    """``mt:<engine>:<model>:<version>`` → (engine, model, version); ValueError otherwise."""
    prefix, engine, model, version = provenance.split(":", 3)
    if prefix != PROVENANCE_PREFIX:
        raise ValueError(f"not a machine-translation provenance: {provenance!r}")
    return engine, model, version


EngineClass = TypeVar("EngineClass", bound=type[TranslationEngine])
ENGINES: dict[str, type[TranslationEngine]] = {}


def register(engine: EngineClass) -> EngineClass:
    """Class decorator: make ``engine`` available to ``get_engine(engine.name)``."""
    ENGINES[engine.name] = engine
    return engine


def engine_names() -> list[str]:
    return sorted(ENGINES)


# The processes that loaded an engine whose threads leave a forked child unable to translate.
_NOT_FORK_SAFE: set[int] = set()


def get_engine(name: str = "argos", **options) -> TranslationEngine:
    """Load the engine registered as ``name``; ``options`` go to its constructor."""
    if name not in ENGINES:
        raise UnknownEngine(name, engine_names())
    engine = ENGINES[name](**options)
    if not engine.fork_safe:
        _NOT_FORK_SAFE.add(os.getpid())
    return engine


def installed_provenance(name: str = "argos") -> str:
    """The provenance of the engine ``name`` as installed now, without loading it where the engine can."""
    if name not in ENGINES:
        raise UnknownEngine(name, engine_names())
    return ENGINES[name].installed_provenance()


def forks_safely() -> bool:
    """Whether a process forked from this one could use an engine: none that is not fork-safe was loaded here."""
    return os.getpid() not in _NOT_FORK_SAFE
