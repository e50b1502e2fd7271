"""Foreign names as lexical evidence: 亚比兰 in a Chinese sentence is "Abiram" in its English one.

CC-CEDICT knows the famous names (亚伯拉罕, 摩西), Model 1 learns the frequent
ones, but a name met once or twice (a list of a family's sons, a place in a
news story: 普拉托/Prato) is evidence neither has, and often the only word that
pins a short sentence to its counterpart.  Transliteration keeps a name's
consonants, so both sides are compared by sound, not meaning:

* Chinese candidates: runs of 2 to ``longest_name`` *name characters*, the
  characters that CC-CEDICT's proper-noun headwords use much more than its other
  words (斯 尼 亚 伯 拉, not 有 要 去 上; ``name_character_share`` of the
  multi-character headwords holding the character are proper nouns), that are
  not a headword already glossed by a word of the English text.
* English names: capitalised words that the document never writes in lower
  case (the first word of a sentence too: "Okonkwo was ..."; a function word
  has no key and is never a name).
* A candidate and a name match where their consonant skeletons agree (sound
  classes of ``curated/align/transliteration.json``; the Chinese may drop the
  name's last consonant); among the names that match, the closest in spelling
  wins (normalised Levenshtein similarity of the respellings, at least
  ``similarity``, and clearly ahead of the runner-up), and only where the name
  occurs about as often in the English as the candidate in the Chinese
  (``frequency_ratio``: document-wide consistency, which a chance match of a
  common syllable pair lacks).  Longer candidates are matched first; the
  characters of one close to some name (matched or not: 亚伯兰 is Abram or
  Abiram, never 伯兰 Balaam) are not matched again.

A matched candidate adds the English name's key to the Chinese sentence's
tokens, where it meets the English directly, as a Latin token does.
"""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import Levenshtein

from corpus.align.lexicon import english_key, headword_keys
from corpus.lang import cedict

RULES_FILE = Path(__file__).resolve().parents[1] / "curated" / "align" / "transliteration.json"
LATIN_WORD = re.compile(r"[A-Za-z]+")
AMBIGUITY_MARGIN = 0.1  # a runner-up this close to the best name makes the match no evidence


@dataclass(frozen=True)
class NameSettings:
    name_character_share: float
    name_character_headwords: int
    similarity: float
    frequency_ratio: float
    longest_name: int
    shortest_skeleton: int


@lru_cache(maxsize=1)
def _rules() -> dict:
    return json.loads(RULES_FILE.read_text(encoding="utf-8"))


def name_settings() -> NameSettings:
    return NameSettings(**_rules()["settings"])


def _replace_all(text: str, pairs: Sequence[Sequence[str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _collapse(text: str) -> str:
    """Doubled letters or classes once (Aaron, Zillah)."""
    return "".join(c for i, c in enumerate(text) if not i or text[i - 1] != c)


@lru_cache(maxsize=65536)
def latin_skeleton(word: str) -> str:
    rules = _rules()
    spelled = _replace_all(word.lower(), rules["latin_digraphs"])
    return _collapse("".join(rules["latin_classes"].get(c, "") for c in spelled))


@lru_cache(maxsize=65536)
def latin_respelling(word: str) -> str:
    return _collapse(_replace_all(word.lower(), _rules()["latin_respellings"]))


@lru_cache(maxsize=65536)
def _syllable(char: str) -> str | None:
    found = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return found[0] if found and found[0].isalpha() else None


def _syllable_classes(syllable: str) -> list[str]:
    """The skeletons one syllable may stand for: its initial's class(es), N for a nasal final, L for 儿/尔."""
    if syllable == "er":
        return ["L"]
    final = "N" if syllable.endswith(("n", "ng")) else ""
    for initial, classes in _rules()["pinyin_initial_classes"]:
        if syllable.startswith(initial):
            return [c + final for c in classes] if classes else [final]
    return [final]


@lru_cache(maxsize=65536)
def chinese_skeletons(text: str) -> frozenset[str]:
    syllables = [_syllable(char) for char in text]
    if any(s is None for s in syllables):
        return frozenset()
    options = [_syllable_classes(s) for s in syllables if s]
    return frozenset(_collapse("".join(parts)) for parts in itertools.product(*options))


@lru_cache(maxsize=65536)
def chinese_respelling(text: str) -> str:
    rules = _rules()["pinyin_respellings"]
    return _collapse("".join(_replace_all(_syllable(char) or "", rules) for char in text))


@lru_cache(maxsize=4)
def name_characters(share: float, headwords: int) -> frozenset[str]:
    """Characters that CC-CEDICT's proper nouns use: of the multi-character headwords holding one, at least
    ``share`` are proper nouns (and at least ``headwords`` hold it)."""
    holding: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    for headword in cedict.entries():
        if len(headword) < 2:
            continue
        is_proper = cedict.is_only_proper_noun(headword)  # the annotators' reading: every reading capitalised
        for char in set(headword):
            holding[char] += 1
            proper[char] += is_proper
    return frozenset(c for c, n in holding.items() if n >= headwords and proper[c] >= share * n)


def english_names(sentences: Sequence[str]) -> dict[str, str]:
    """Capitalised words (not function words) that the document never writes in lower case → their keys."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences:
        for word in LATIN_WORD.findall(sentence):
            if word[0].islower():
                lower.add(word.lower())
            elif not word.isupper():
                capitalised.add(word)
    names = {}
    for word in sorted(capitalised):
        key = english_key(word)
        if key and word.lower() not in lower:
            names[word] = key
    return names


def _candidates(sentence: str, characters: frozenset[str], longest: int, glossed: set[str]) -> list[str]:
    """Runs of 2..longest name characters that are no headword glossed by the English, longest first."""
    found: set[str] = set()
    for run in re.findall(f"[{''.join(sorted(characters))}]{{2,}}", sentence) if characters else ():
        for start in range(len(run)):
            for end in range(start + 2, min(len(run), start + longest) + 1):
                piece = run[start:end]
                if not headword_keys(piece) & glossed:
                    found.add(piece)
    return sorted(found, key=lambda piece: (-len(piece), sentence.find(piece), piece))


class NameMatcher:
    """The English names of one document, found again in its Chinese sentences."""

    def __init__(self, en: Sequence[str], keys: set[str], settings: NameSettings):
        self.settings = settings
        self.keys = keys
        self.names = english_names(en)
        self.by_skeleton: dict[str, list[str]] = {}
        for word in self.names:
            skeleton = latin_skeleton(word)
            for variant in {skeleton, skeleton[:-1]}:  # the Chinese may drop the last consonant
                if len(variant) >= settings.shortest_skeleton:
                    self.by_skeleton.setdefault(variant, []).append(word)
        self.characters = name_characters(settings.name_character_share, settings.name_character_headwords)
        self._best: dict[str, tuple[bool, str | None]] = {}

    def best_name(self, candidate: str) -> tuple[bool, str | None]:
        """Whether some English name is close enough to ``candidate``, and the one it transliterates (None where
        two are alike)."""
        if candidate not in self._best:
            words = {w for skeleton in chinese_skeletons(candidate) for w in self.by_skeleton.get(skeleton, ())}
            spelled = chinese_respelling(candidate)
            scored = sorted(((Levenshtein.normalized_similarity(spelled, latin_respelling(w)), w) for w in words),
                            reverse=True)
            close = [word for similarity, word in scored if similarity >= self.settings.similarity]
            distinct = len(scored) == 1 or (len(scored) > 1 and scored[1][0] < scored[0][0] - AMBIGUITY_MARGIN)
            self._best[candidate] = (bool(close), close[0] if close and distinct else None)
        return self._best[candidate]

    def sentence_names(self, zh: Sequence[str], en_tokens: Sequence[Sequence[str]]) -> list[list[str]]:
        """For each Chinese sentence, the keys of the English names it writes in characters."""
        candidates = [_candidates(s, self.characters, self.settings.longest_name, self.keys) for s in zh]
        zh_counts = Counter(c for found in candidates for c in set(found))
        en_counts = Counter(key for tokens in en_tokens for key in set(tokens))
        ratio = self.settings.frequency_ratio
        result = []
        for sentence, found in zip(zh, candidates):
            keys: list[str] = []
            taken = [False] * len(sentence)
            for candidate in found:
                start = sentence.find(candidate)
                if any(taken[start:start + len(candidate)]):
                    continue
                close, word = self.best_name(candidate)
                if not close:
                    continue
                taken[start:start + len(candidate)] = [True] * len(candidate)  # a name, if not one we can tell
                key = self.names[word] if word else ""
                consistent = key and min(zh_counts[candidate], en_counts[key]) >= ratio * max(zh_counts[candidate],
                                                                                             en_counts[key])
                if consistent and key not in keys:
                    keys.append(key)
            result.append(keys)
        return result


def name_tokens(zh: Sequence[str], en: Sequence[str], en_tokens: Sequence[Sequence[str]],
                glossed: set[str]) -> list[list[str]]:
    """The English name keys each Chinese sentence transliterates (see the module's docstring)."""
    return NameMatcher(en, glossed, name_settings()).sentence_names(zh, en_tokens)
