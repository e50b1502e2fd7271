"""A learned second stage over the rules' unregistered names: for each distinct name a document's rules found
(mentions with ``source="ner"``), a multinomial logistic regression over features of *evidence* predicts person,
org, place or none, and re-types or drops the name where its probability passes a visible threshold.

Registry mentions are never touched, and no span is made, moved or cut: the rules decide where a name is, the
classifier only what it is and whether to keep it.  The features (:func:`features`) say which taggers read the
span as a name of which type (LAC, THULAC, jieba), what dictionaries know of it (CC-CEDICT, GeoNames, CLDR,
surnames), its shape (length, script), the class of its last word in the curated vocabularies of
``curated/lang/zh.yaml`` (an organisation's head, a legal form, a place unit, a person's role), the words around
it (a role or a speech verb after it, a verb of place before it), how often and where the document names it, and
whether it sits inside a longer name: never the name's own characters.

The weights, the feature names, the classes and the two thresholds are data (``curated/mention_classifier/
weights.json``), written by ``scripts/train_mention_classifier.py`` from the dev captures and applied here with
plain arithmetic.  ``CORPUS_MENTION_CLASSIFIER=off`` in the environment leaves the rules' names as they are
(``scripts/bench_heldout.py --rules-only``), so both can be measured.
"""
from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from corpus import lang
from corpus.annotate import gazetteer, thulac_tags
from corpus.annotate.mentions import words
from corpus.annotate.name_spans import Word
from corpus.annotate.ner import model_input, statistical_mentions
from corpus.lang import HAN, LATIN_LOWER, LATIN_UPPER, SPEECH_VERBS, logistic
from corpus.model import Document, Mention, Sentence
from corpus.registry import Registry

WEIGHTS = Path(__file__).resolve().parent.parent / "curated" / "mention_classifier" / "weights.json"
SWITCH = "CORPUS_MENTION_CLASSIFIER"  # "off": the rules' names stay as they are
NAME_TYPES = ("person", "org", "place")
NONE = "none"
THULAC_CLASSES = {"np": "person", "ns": "place", "ni": "org", "nz": "name"}
JIEBA_CLASSES = {"nr": "person", "nrt": "person", "nrfg": "person", "ns": "place", "nt": "org", "nz": "name"}
# jieba's tags (first letter) of words that rarely sit inside a name: a particle (的), a conjunction (和), a
# preposition (在), a verb
INNER_CLASSES = {"u": "particle", "c": "conjunction", "p": "preposition", "v": "verb"}
CONTEXT_CHARS = 6  # how far after or before a name its cue words are looked for

_NAMES = lang.data("zh")["names"]
_ORGANISATIONS = lang.data("zh")["organisations"]
# Classes of a name's last word, from the curated vocabularies: membership, never a string of our own.
HEAD_CLASSES: dict[str, tuple[str, ...]] = {
    "org_head": tuple(_NAMES["org_heads"]) + tuple(_ORGANISATIONS["company_heads"]),
    "institution_head": tuple(_NAMES["institution_heads"]) + tuple(_ORGANISATIONS["institution_heads"])
    + tuple(_ORGANISATIONS["school_heads"]),
    "body_head": tuple(_ORGANISATIONS["body_heads"]),
    "legal_form": tuple(_NAMES["legal_forms"]),
    "industry_word": tuple(_ORGANISATIONS["industry_words"]),
    "latin_org_word": tuple(_NAMES["latin_org_words"]),
    "place_unit": tuple(_NAMES["place_units"]),
    "place_final": tuple(_NAMES["place_final_characters"]),
    "person_role": tuple(_NAMES["person_roles"]),
}
LATIN_PERSON_PARTICLES = frozenset(_NAMES["latin_person_particles"])
AFTER_CLASSES: dict[str, tuple[str, ...]] = {
    "person_role": tuple(_NAMES["person_roles"]),
    "org_cue": tuple(_NAMES["org_cues_after"]) + tuple(_NAMES["org_roles_after"]),
    "speech_verb": SPEECH_VERBS,
}
BEFORE_CLASSES: dict[str, tuple[str, ...]] = {"place_verb": tuple(_NAMES["locatives"])}


@dataclass(frozen=True)
class Candidate:
    """A distinct unregistered name of a document: the types the rules gave it and its features."""

    name: str
    types: tuple[str, ...]
    features: dict[str, float]


@dataclass(frozen=True)
class Model:
    """A multinomial logistic regression: one weight row and intercept per class, and the thresholds of its
    two actions (drop a name: ``none`` at least ``drop_threshold``; re-type it: another type at least
    ``retype_threshold``)."""

    classes: tuple[str, ...]
    feature_names: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    intercepts: tuple[float, ...]
    drop_threshold: float
    retype_threshold: float


def enabled() -> bool:
    return os.environ.get(SWITCH, "on").lower() != "off"


@contextmanager
def rules_only() -> Iterator[None]:
    """The rules' names alone while inside (to measure them, or to collect the classifier's training data)."""
    previous = os.environ.get(SWITCH)
    os.environ[SWITCH] = "off"
    try:
        yield
    finally:
        if previous is None:
            del os.environ[SWITCH]
        else:
            os.environ[SWITCH] = previous


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    return read_model(WEIGHTS)


def read_model(path: Path) -> Model:
    """The weights file: per feature, its weight for each class (in the order of ``classes``)."""
    data = logistic.read_weights(path)
    by_feature = data["weights"]
    return Model(tuple(data["classes"]), tuple(by_feature),
                 tuple(zip(*by_feature.values())) if by_feature else (), tuple(data["intercepts"]),
                 data["drop_threshold"], data["retype_threshold"])


def classify(doc: Document, registry: Registry, model: Model | None = None) -> None:
    """Re-type or drop the document's unregistered names where the model is sure enough (in place)."""
    model = model or shipped_model()
    decided = {c.name: decision(c, probabilities(c.features, model), model) for c in candidates(doc, registry)}
    for sentence in doc.sentences:
        kept = []
        for mention in sentence.entities:
            verdict = decided.get(mention.text) if _is_candidate(mention) else None
            if verdict == NONE:
                continue
            if verdict is not None:
                mention.type = verdict
            kept.append(mention)
        sentence.entities = kept


def decision(candidate: Candidate, probability: dict[str, float], model: Model) -> str | None:
    """``none`` (drop the name), another type (re-type it), or None (the rules' types stay)."""
    best = max(model.classes, key=lambda kind: (probability[kind], kind))
    if best == NONE:
        return NONE if probability[best] >= model.drop_threshold else None
    if candidate.types == (best,) or probability[best] < model.retype_threshold:
        return None
    return best


def probabilities(features: dict[str, float], model: Model) -> dict[str, float]:
    """The model's softmax over its classes (features it does not know weigh nothing)."""
    values = [features.get(name, 0.0) for name in model.feature_names]
    scores = [intercept + logistic.dot(row, values) for row, intercept in zip(model.weights, model.intercepts)]
    return dict(zip(model.classes, logistic.softmax(scores)))


def _is_candidate(mention: Mention) -> bool:
    return mention.source == "ner" and mention.type in NAME_TYPES


def candidates(doc: Document, registry: Registry) -> list[Candidate]:
    """The document's distinct unregistered names, in order of first occurrence, with their features."""
    occurrences: dict[str, list[tuple[Sentence, Mention]]] = defaultdict(list)
    for sentence in doc.sentences:
        for mention in sentence.entities:
            if _is_candidate(mention):
                occurrences[mention.text].append((sentence, mention))
    others = {m.text for s in doc.sentences for m in s.entities if m.type in NAME_TYPES}
    titles = [s.zh for p in doc.paragraphs if p.kind == "title" for s in p.sentences]
    return [Candidate(name, tuple(sorted({m.type for _, m in found})),
                      features(name, found, others, titles, registry))
            for name, found in occurrences.items()]


def features(name: str, found: list[tuple[Sentence, Mention]], others: set[str], titles: list[str],
             registry: Registry) -> dict[str, float]:
    """The evidence on one name (every occurrence counts): binary features are 1.0 when present."""
    present: dict[str, float] = {}
    for sentence, mention in found:
        text = sentence.zh
        present["rule:" + mention.type] = 1.0
        for reading in _readings(mention, text, registry):
            present[reading] = 1.0
        after, before = text[mention.end:mention.end + CONTEXT_CHARS], text[max(0, mention.start - CONTEXT_CHARS):
                                                                            mention.start]
        after, before = model_input(after), model_input(before)  # simplified, as the vocabularies are
        present.update({"after:" + k: 1.0 for k, cues in AFTER_CLASSES.items() if after.startswith(cues)})
        present.update({"before:" + k: 1.0 for k, cues in BEFORE_CLASSES.items() if before.endswith(cues)})
    rule_types = {key[5:] for key in present if key.startswith("rule:")}
    agreeing = {key.split(":")[1] for key in present if key.startswith(("lac:", "thulac:", "jieba:"))} & rule_types
    present.update(_dictionary_features(name))
    present.update(_shape_features(name))
    present.update(_latin_word_features(name))
    read = model_input(name)  # the vocabularies are simplified: a traditional head (廳, 學院) is read simplified
    present.update({"head:" + k: 1.0 for k, heads in HEAD_CLASSES.items() if read.endswith(heads)})
    present.update({
        "tagger_agrees": 1.0 if agreeing else 0.0,
        "several_rule_types": 1.0 if len(rule_types) > 1 else 0.0,
        "occurrences_log": round(math.log1p(len(found)), 6),
        "in_title": 1.0 if any(name in title for title in titles) else 0.0,
        "inside_longer_name": 1.0 if any(name in other and name != other for other in others) else 0.0,
        "holds_other_name": 1.0 if any(other in name and name != other for other in others) else 0.0,
    })
    return {key: value for key, value in sorted(present.items()) if value}


def _readings(mention: Mention, text: str, registry: Registry) -> list[str]:
    """How the taggers read exactly this span (LAC's type, THULAC's and jieba's tag class; ``word``: one word with a
    tag that is no proper noun's, ``unknown_word``: one word jieba's dictionary lacks), and the classes of jieba's
    words inside it: how many, whether a particle, conjunction, preposition or verb is among them, and whether a
    place word starts a longer span."""
    span = (mention.start, mention.end)
    found = ["lac:" + m.type for m in statistical_mentions(text) if (m.start, m.end) == span]
    found += ["thulac:" + THULAC_CLASSES.get(tag, "word")
              for start, end, tag in thulac_tags.tagged_words(model_input(text)) if (start, end) == span]
    inside = [word for word in _words(text, registry) if mention.start <= word.start and word.end <= mention.end]
    found += ["jieba:" + (JIEBA_CLASSES.get(word.tag, "word") if word.frequency else "unknown_word")
              for word in inside if (word.start, word.end) == span]
    found.append("words:" + ("1" if len(inside) <= 1 else "2" if len(inside) == 2 else "3+"))
    found += ["inner:" + INNER_CLASSES[word.tag[:1]] for word in inside if word.tag[:1] in INNER_CLASSES]
    if len(inside) > 1 and (inside[0].tag == "ns" or gazetteer.is_place(inside[0].text)):
        found.append("starts_with_place")
    return found


@lru_cache(maxsize=256)
def _words(text: str, registry: Registry) -> tuple[Word, ...]:
    """jieba's words of a sentence, cut once however many of its names ask."""
    return tuple(words(text, registry))


def _dictionary_features(name: str) -> dict[str, float]:
    return {
        "cedict:common_word": float(gazetteer.is_common_word(name)),
        "cedict:proper_noun": float(name in gazetteer.dictionary().proper_nouns),
        "gazetteer:place": float(gazetteer.is_place(name)),
        "gazetteer:town": float(gazetteer.is_town(name)),
        "gazetteer:region": float(gazetteer.is_region(name)),
        "gazetteer:country": float(gazetteer.is_country(name)),
        "gazetteer:latin_place": float(gazetteer.is_latin_place(name)),
        "surname": float(bool(HAN.match(name)) and gazetteer.has_surname(name)),
    }


def _shape_features(name: str) -> dict[str, float]:
    """Length, script, and for a Latin name how many capitalised words and whether a person's particle is one."""
    han = sum(1 for c in name if HAN.match(c))
    latin_words = re.findall(r"[A-Za-z][A-Za-z'\-]*", name)
    capitalised = sum(1 for word in latin_words if word[0].isupper())
    length = len(name)
    bucket = "2" if length <= 2 else "3" if length == 3 else "4" if length == 4 else "5-6" if length <= 6 else "7+"
    return {"length:" + bucket: 1.0, "script:latin": float(bool(latin_words) and not han),
            "script:mixed": float(bool(latin_words) and han > 0),
            "latin:one_word": float(len(latin_words) == 1 and not han),
            "latin:capitalised_words_2_3": float(2 <= capitalised <= 3 and capitalised == len(latin_words) and not han),
            "latin:person_particle": float(any(word in LATIN_PERSON_PARTICLES for word in latin_words))}


_CAPITALISED_WORD = re.compile(f"[{LATIN_UPPER}][{LATIN_UPPER}{LATIN_LOWER}']*")


def _latin_word_features(name: str) -> dict[str, float]:
    """For a Latin name of several words, whether one of its capitalised words is an English word (Grey Willow: an
    organisation's words) or a place (Oxford Ionics), or none is (Wietske Dijkstra: a person's names); round 13."""
    capitalised = _CAPITALISED_WORD.findall(name)
    if len(capitalised) < 2 or HAN.search(name):  # one word: a brand (Zaptec) as often as a surname alone
        return {}
    worded = any(gazetteer.is_english_word(part) or gazetteer.is_latin_place(part) for part in capitalised)
    return {"latin:english_or_place_word": float(worded), "latin:names_only": float(not worded)}
