"""The second statistical tagger: THULAC's words and part-of-speech tags, as votes on names.

THULAC (Tsinghua's lexical analyser, a structured perceptron over characters trained on the People's Daily
and other news; ``thulac`` on PyPI, weights inside the wheel, nothing downloaded) tags each word; its proper
noun tags are votes: ``np`` a person, ``ns`` a place, ``ni`` an organisation, ``nz`` some other proper noun
(a name of unknown type).  It reads the same simplified input as LAC (:func:`corpus.annotate.ner.model_input`),
and every vote is a span of the text as given.  :func:`corpus.annotate.ner.denies_person` settles LAC's persons
with them; :func:`votes` (THULAC alone, as ``scripts/bench_taggers.py`` measures it) also holds its places, which
:func:`corpus.annotate.place_spans.voted_places` takes where a second cue agrees.
"""
from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

MODEL_NAME = "thulac"
VOTE_TYPES = {"np": "person", "ns": "place", "ni": "org", "nz": "name"}


@dataclass(frozen=True)
class Vote:
    """A word THULAC tagged as a proper noun: ``kind`` is person, place, org, or name (type unknown)."""

    start: int
    end: int
    text: str
    kind: str


def model_version() -> str:
    return f"{MODEL_NAME} {version(MODEL_NAME)}"


@lru_cache(maxsize=None)  # never evicted, one per process like LAC's session (corpus.runner forks workers)
def _analyser(process: int):
    import thulac

    with contextlib.redirect_stdout(io.StringIO()):  # it prints "Model loaded succeed"
        return thulac.thulac()


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((word, tag) for word, tag in _analyser(os.getpid()).cut(text))


TaggedWord = tuple[int, int, str]  # start, end, THULAC's tag


def tagged_words(model_text: str) -> list[TaggedWord]:
    """THULAC's words of ``model_text`` as (start, end, tag); a word it rewrote (it may drop or change
    a character) is skipped, so every span is one of ``model_text``."""
    found, offset = [], 0
    for word, tag in _tagged(model_text):
        start = model_text.find(word, offset) if word else -1
        if start < 0 or model_text[offset:start].strip():
            continue
        found.append((start, start + len(word), tag))
        offset = start + len(word)
    return found


def votes(text: str, model_text: str) -> list[Vote]:
    """THULAC's proper nouns in ``text`` (read as ``model_text``, of the same length), longer than one character."""
    return [Vote(start, end, text[start:end], VOTE_TYPES[tag]) for start, end, tag in tagged_words(model_text)
            if tag in VOTE_TYPES and end - start > 1]
