"""Pinyin written to Hanyu Pinyin orthography (GB/T 16159-2012), for the ``pinyin`` column and TEI layer.

The syllables of a word are written together (jieba's words: réngōng zhìnéng), with an
apostrophe before a syllable that starts with a, o or e inside a word (Xī'ān); names of
registry people, organisations and places are capitalised word by word (Liáng Wénfēng,
Huànfāng); the first word of a sentence is capitalised; particles take their neutral
reading by jieba's part of speech (地 → de); 一 and 不 keep their original tones; Chinese
punctuation is written in its Latin form; Latin words and digits pass through.  The data
these rules read is ``corpus/curated/pinyin_orthography.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml
from pypinyin import Style, lazy_pinyin

from corpus.lang import HAN_CLASS
from corpus.lang.numerals import ZH_NUMERAL_CHARACTERS, ZH_VAGUE_DIGITS
from corpus.lang.segmenter import private_tokenizer, quiet_tagger
from corpus.registry import load_registry

RULES_PATH = Path(__file__).resolve().parent.parent / "curated" / "pinyin_orthography.yaml"

# Latin letters (with accents) and digits stay whole words; any other non-space character is one token.
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
COMBINING_ACCENTS = "\u0300-\u036f"  # accents written as separate code points (e + \u0301)
PASS_THROUGH_TOKEN = re.compile(
    rf"[{LATIN_LETTERS}0-9][{LATIN_LETTERS}{COMBINING_ACCENTS}0-9.\-+%'_/]*|\S"
)
HAN_RUN = re.compile(f"([{HAN_CLASS}〇]+)")  # 〇 (U+3007, a CJK symbol) is read líng
# Punctuation that attaches to the preceding token in running pinyin, or to the following one.
_CLOSING = frozenset("，。！？；：、,.!?;:)）」』”’》】…")
_OPENING = frozenset("(（「『“‘《【")
_VOWEL_INITIAL = re.compile("^[aāáǎàoōóǒòeēéěè]")


@lru_cache(maxsize=None)
def rules(path: Path = RULES_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _proper_nouns() -> dict[str, tuple[str, str | None]]:
    """Simplified Chinese name → (entity type, the registry's word-split pinyin if it records one)."""
    from corpus.script import to_hans  # the package imports this module; conversion lives there

    types = set(rules()["proper_noun_types"])
    names: dict[str, tuple[str, str | None]] = {}
    for entity in load_registry().entities.values():
        if entity.type not in types:
            continue
        written = entity.pinyin if entity.pinyin and entity.pinyin != entity.pinyin.lower() else None
        for alias in entity.zh_aliases:
            hans = to_hans(alias)
            if HAN_RUN.fullmatch(hans):
                names.setdefault(hans, (entity.type, written if hans == to_hans(entity.zh_hans or "") else None))
    return names


@lru_cache(maxsize=None)
def _tagger() -> Any:
    """A jieba tagger of its own (the shared default is left alone) that keeps registry names whole."""
    tokenizer = private_tokenizer()
    tags = {"person": "nr", "org": "nt", "place": "ns"}
    for name, (kind, _) in _proper_nouns().items():
        tokenizer.add_word(name, freq=max(tokenizer.suggest_freq(name), 1000), tag=tags[kind])
    return quiet_tagger().POSTokenizer(tokenizer)


def syllables(word: str, tag: str = "") -> list[str]:
    """Tone-marked syllables of a Han word, one per character, with the curated particle and tone rules."""
    particle = rules()["particle_readings"].get(word, {}).get(tag) if len(word) == 1 else None
    if particle:
        return [particle]
    original = rules()["original_tones"]
    return [original.get(char, reading) for char, reading in zip(word, lazy_pinyin(word, style=Style.TONE))]


def join_syllables(parts: list[str]) -> str:
    """One written word: syllables together, an apostrophe before an a/o/e syllable that is not first."""
    return parts[0] + "".join("'" + part if _VOWEL_INITIAL.match(part) else part for part in parts[1:])


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _proper_noun(name: str, kind: str, written: str | None, readings: list[str]) -> list[str]:
    """Written words of a registry name: its recorded form, or surname + given name, or word by word."""
    if written:
        return written.split()
    if kind == "person":
        return [_capitalised(readings[0]), _capitalised(join_syllables(readings[1:]))] if len(readings) > 1 \
            else [_capitalised(readings[0])]
    words: list[str] = []
    position = 0
    for part in _word_units(name):
        words.append(_capitalised(join_syllables(readings[position:position + len(part)])))
        position += len(part)
    return words


def _word_units(word: str) -> list[str]:
    """A word of four or more characters as the dictionary words it is made of (réngōng zhìnéng).

    The standard writes such names of one concept by their words.  Units are split off the end,
    where a name's head noun is (研究院, 科技, 空间): the longest dictionary word ending the word
    that is not the whole, a single character failing one.
    """
    if len(word) < 4:
        return [word]
    frequencies = _tagger().tokenizer.FREQ
    length = next((size for size in range(len(word) - 1, 1, -1) if frequencies.get(word[-size:])), 1)
    return [*_word_units(word[:-length]), *_word_units(word[-length:])]


def _numeral_units(word: str) -> list[str]:
    """A numeral word as numeral and measure word apart (一个 → 一, 个); 第 stays on its numeral."""
    numerals = ZH_NUMERAL_CHARACTERS + "".join(ZH_VAGUE_DIGITS) + rules()["ordinal_prefix"]  # 几个 too: jǐ gè
    split = len(word.rstrip("".join(rules()["measure_words"])))
    if 0 < split < len(word) and all(char in numerals for char in word[:split]):
        return [word[:split], *word[split:]]
    return [word]


def _written(word: str, tag: str, readings: list[str]) -> list[str]:
    """The written words of one jieba word that is no registry name."""
    if tag == rules()["idiom_tag"] and len(word) == 4:
        return [join_syllables(readings[:2]) + "-" + join_syllables(readings[2:])]
    units = _numeral_units(word) if tag == "m" else _word_units(word)
    written: list[str] = []
    start = 0
    for unit in units:
        written.append(join_syllables(readings[start:start + len(unit)]))
        start += len(unit)
    ordinal = rules()["ordinal_prefix"]
    if word.startswith(ordinal) and len(written[0]) > 2 and tag == "m":
        written[0] = written[0][:2] + "-" + written[0][2:]  # dì-yī
    return written


def _han_words(run: str, readable: str) -> Iterator[tuple[str, bool]]:
    """Written words of a run of Han characters, each with whether it came from a Han word.

    An aspect particle is yielded with the word before it, as one word.
    """
    position = 0
    names = _proper_nouns()
    pending: list[str] = []
    for pair in _tagger().cut(run):
        word, tag = pair.word, pair.flag
        readings = syllables(readable[position:position + len(word)], tag)
        position += len(word)
        if tag in rules()["attached_particles"] and pending:
            pending[-1] += join_syllables(readings)
            continue
        yield from ((written, True) for written in pending)
        pending = _proper_noun(word, *names[word], readings) if word in names else _written(word, tag, readings)
    yield from ((written, True) for written in pending)


def character_readings(hans: str, readable: str | None = None) -> list[str | None]:
    """One tone-marked syllable per character of ``hans`` (None for a character that is not Han).

    The readings the written pinyin is made of, word by word as :func:`orthographic_pinyin`
    reads them (particles, original tones), for interlinear display over the characters.
    """
    readable = hans if readable is None else readable
    out: list[str | None] = [None] * len(hans)
    position = 0
    for index, piece in enumerate(HAN_RUN.split(hans)):
        if index % 2:
            offset = position
            for pair in _tagger().cut(piece):
                readings = syllables(readable[offset:offset + len(pair.word)], pair.flag)
                out[offset:offset + len(readings)] = readings
                offset += len(pair.word)
        position += len(piece)
    return out


def orthographic_pinyin(hans: str, readable: str | None = None) -> str:
    """Pinyin of simplified text to GB/T 16159; ``readable`` is the same text with characters pypinyin reads.

    ``readable`` has the length of ``hans`` and differs only where a rare simplified form has
    no reading but its original does.
    """
    readable = hans if readable is None else readable
    out: list[str] = []
    first_word = True
    punctuation = rules()["punctuation"]
    position = 0
    attach_next = False  # after opening punctuation
    for index, piece in enumerate(HAN_RUN.split(hans)):
        tokens: Iterator[tuple[str, bool]] = (
            _han_words(piece, readable[position:position + len(piece)]) if index % 2
            else ((token, False) for token in PASS_THROUGH_TOKEN.findall(piece))
        )
        position += len(piece)
        for token, from_han in tokens:
            written = punctuation.get(token, token)
            if first_word and from_han:
                written = _capitalised(written)
            if from_han or written[0].isalnum():
                first_word = False
            if out and (token[0] in _CLOSING or attach_next):
                out[-1] += written
            else:
                out.append(written)
            attach_next = token[0] in _OPENING
    return " ".join(out)
