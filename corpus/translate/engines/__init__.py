"""Machine-translation engines behind one interface; see ``base.py``.

Importing this package registers every engine module listed here, as
pypinyin's ``style/__init__.py`` does for its styles: adding an engine is a new
module plus one import line, no central switch.
"""
from corpus.translate.engines import argos  # noqa: F401  (registers "argos")
from corpus.translate.engines.base import (
    ENGINES,
    TranslationEngine,
    engine_names,
    forks_safely,
    get_engine,
    installed_provenance,
    parse_provenance,
    register,
    translate_sentences,
)

__all__ = [
    "ENGINES",
    "TranslationEngine",
    "engine_names",
    "forks_safely",
    "get_engine",
    "installed_provenance",
    "parse_provenance",
    "register",
    "translate_sentences",
]
