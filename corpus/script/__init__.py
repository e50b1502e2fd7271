"""Script variants and readings: zh-Hans and zh-Hant (OpenCC, phrase level) and pinyin (pypinyin, jieba words).

zh_hant is always Taiwan standard with Taiwanese phrasing (OpenCC ``s2twp``),
so the column is uniform whatever the original script; the original text
stays in ``Sentence.zh``.  Two kinds of phrase are kept out of s2twp's
phrasing, which reads computing senses into ordinary words: names in the
entity registry (字节 the company is not 位元組 "byte") keep a form the registry
records, and the words in ``corpus/curated/script_overrides.yaml`` (参数 is 參數,
not 引數) take their curated form.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import opencc
import yaml
from pypinyin.pinyin_dict import pinyin_dict

from corpus.errors import CorpusError
from corpus.lang import HAN
from corpus.model import Document
from corpus.script.orthography import character_readings as orthography_readings
from corpus.script.orthography import orthographic_pinyin
from corpus.stage import Stage
from corpus.registry import Entity, load_registry

OVERRIDES_PATH = Path(__file__).resolve().parent.parent / "curated" / "script_overrides.yaml"

@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_hans(text: str) -> str:
    return _converter("t2s").convert(text)


def to_hant(text: str) -> str:
    """Traditional, Taiwan standard with phrases; from either script."""
    return _hans_to_hant(to_hans(text))


def _hans_to_hant(hans: str) -> str:
    """s2twp, except that protected phrases (longest first) take their curated form."""
    pattern, forms = _protected_phrases()
    convert = _converter("s2twp").convert
    # split() with one capturing group alternates free text (even places) and protected phrases (odd)
    pieces = pattern.split(hans)
    return "".join(forms[piece] if index % 2 else convert(piece) for index, piece in enumerate(pieces))


@lru_cache(maxsize=None)
def _protected_phrases() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every protected simplified phrase, longest first, and each one's zh_hant."""
    forms = {**registry_hant_forms(), **load_overrides()}  # a curated override is the deliberate choice
    alternation = "|".join(re.escape(phrase) for phrase in sorted(forms, key=len, reverse=True))
    return re.compile(f"({alternation})"), forms


def registry_hant_forms() -> dict[str, str]:
    """Simplified form of each Chinese registry name → the traditional form zh_hant gives it.

    A name shared by entities that would write it differently is left to OpenCC.
    """
    claims: dict[str, set[str]] = defaultdict(set)
    for entity in load_registry().entities.values():
        for alias in entity.zh_aliases:
            hans = to_hans(alias)
            claims[hans].add(_registry_hant(entity, hans))
    return {hans: hant.pop() for hans, hant in claims.items() if len(hant) == 1}


def _registry_hant(entity: Entity, hans: str) -> str:
    """s2twp's form when the registry records it for the entity (Taiwan names: 輝達, 矽谷), else the registry's.

    The registry's form is its traditional spelling of this name (``zh_hant`` first,
    then the aliases), or failing one, OpenCC ``s2tw`` -- the character conversion
    the registry's ``zh_hant`` follows.
    """
    taiwan = _converter("s2twp").convert(hans)
    if taiwan in entity.aliases:
        return taiwan
    traditional = [
        name for name in (entity.zh_hant, *entity.zh_aliases) if name and name != hans and to_hans(name) == hans
    ]
    return traditional[0] if traditional else _converter("s2tw").convert(hans)


def load_overrides(path: Path = OVERRIDES_PATH) -> dict[str, str]:
    """The curated zh_hant phrase overrides: simplified phrase → Taiwan traditional form.

    Raises CorpusError listing every entry that lacks a field or whose traditional
    form is not a spelling of its simplified phrase.
    """
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("overrides") or []
    problems = [
        f"overrides[{position}] ({entry.get('hans', '?')}): {problem}"
        for position, entry in enumerate(entries)
        for problem in _override_problems(entry)
    ]
    if problems:
        raise CorpusError(f"{path}: invalid script overrides:\n  " + "\n  ".join(problems))
    return {entry["hans"]: entry["hant"] for entry in entries}


def _override_problems(entry: dict) -> list[str]:
    missing = [f"missing {key}" for key in ("hans", "hant", "reason") if not entry.get(key)]
    if missing:
        return missing
    if to_hans(entry["hant"]) != entry["hans"]:
        return [f"{entry['hant']!r} does not simplify to {entry['hans']!r}"]
    return []


def detect_script(text: str) -> str:
    """``hant`` if the text has more traditional-only than simplified-only characters, else ``hans``."""
    han = "".join(HAN.findall(text))
    traditional_only = sum(a != b for a, b in zip(han, to_hans(han)))
    simplified_only = sum(a != b for a, b in zip(han, _converter("s2t").convert(han)))
    return "hant" if traditional_only > simplified_only else "hans"


def to_pinyin(text: str) -> str:
    """Tone-marked pinyin to Hanyu Pinyin orthography (corpus/script/orthography.py); Latin and digits pass through."""
    return _hans_to_pinyin(to_hans(text), text)


def character_readings(hans: str, original: str) -> list[str | None]:
    """The syllable of each character of ``hans`` (the simplified form of ``original``), as the pinyin column
    reads it."""
    return orthography_readings(hans, _readable(hans, original))


def _hans_to_pinyin(hans: str, original: str) -> str:
    return orthographic_pinyin(hans, _readable(hans, original))


def _readable(hans: str, original: str) -> str:
    """``hans``, with the original character back wherever only the original has a reading.

    OpenCC simplifies some rare characters to Unicode-extension forms that pypinyin
    does not know (彃 → 𪪼); reading the original keeps their pinyin.
    """
    if hans == original or len(hans) != len(original):
        return hans
    if all(ord(new) in pinyin_dict for new in set(hans).difference(original)):
        return hans  # the common case, decided on the few distinct characters simplification introduced
    return "".join(
        new if new == old or ord(new) in pinyin_dict or ord(old) not in pinyin_dict else old
        for new, old in zip(hans, original)
    )


def annotate(doc: Document) -> Document:
    doc.script = detect_script(doc.cleaned)
    for sentence in doc.sentences:
        sentence.zh_hans = to_hans(sentence.zh)  # converted once; both variants start from it
        sentence.zh_hant = _hans_to_hant(sentence.zh_hans)
        sentence.pinyin = _hans_to_pinyin(sentence.zh_hans, sentence.zh)
    return doc


STAGE = Stage("script", annotate, reads=("cleaned", "sentences"), fills=("script", "zh_hans", "zh_hant", "pinyin"))
