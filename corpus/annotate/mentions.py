"""Mention detection in Chinese sentence text (either script).

Four sources, merged without overlaps (the longest span wins; on equal length the
registry beats a title, a title beats a rule, a rule beats the statistical model):

* ``registry`` — every alias of the curated registry, both scripts and Latin forms,
  matched leftmost-longest by one compiled alternation (longest alias first);
  Latin aliases only match at word boundaries, so ``GPT`` is not found in ``ChatGPT``;
* ``rule`` — dates, clock times, amounts, percentages (:data:`RULES`), and titles in
  《》 that the registry does not know (type ``title``, the span inside the brackets);
* ``ner`` — people, organisations and places found by the statistical model
  (:mod:`corpus.annotate.ner`), for names the registry does not know, their spans corrected
  with jieba's words (:mod:`corpus.annotate.name_spans`), and organisations by the grammar of official
  names (:mod:`corpus.annotate.org_spans`, which may hold registry places and organisations).  A name that
  starts with a registry name is one mention (上海交通大学 is an organisation, not
  the place 上海; 小米集团 is not 小米), except a registered person's name; a model
  span with a registry name later in it, or crossing a registry or rule span, is
  dropped, the curated spans being more reliable at their edges (see :func:`_fits`); the platforms of a share
  line (分享到：WhatsApp　Facebook), the registry's too, are no mentions;
* ``jieba`` — part-of-speech candidates for names the registry does not know, kept
  apart in :func:`unknown_candidates`: they are reported for curation, never merged.

Offsets are ``str`` indices into the sentence text; ``text[m.start:m.end] == m.text``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba
import jieba.posseg

from corpus import lang
from corpus.annotate.name_spans import Word, legal_form_start, name_prefix, refine, region_suffix
from corpus.annotate.ner import model_input, statistical_mentions
from corpus.annotate.org_heads import without_shared_platforms
from corpus.annotate.org_spans import organisation_spans, with_place_before
from corpus.lang import CLASSIFIERS, alternation, has_han
from corpus.lang.numerals import ZH_DIGITS, ZH_LARGE_UNITS, ZH_MAGNITUDES, ZH_SMALL_UNITS, ZH_VAGUE_DIGITS
from corpus.model import Mention
from corpus.registry import Registry

# Same-length substitutions applied before matching, so offsets stay valid: any
# whitespace (line breaks inside "Sam\nAltman") reads as a space, any middle dot as "·".
_SAME_LENGTH = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u3000": " ", "\xa0": " ",
                              "・": "·", "•": "·", "‧": "·", "∙": "·"})
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Rule:
    """A named pattern for one kind of expression; ``name`` says which rule found a mention."""

    name: str
    type: str
    pattern: re.Pattern


NUMBER = r"\d+(?:[.,]\d+)*"
NUMBER_START = r"(?<![A-Za-z0-9.\-_第])"  # not inside a model name (V100, GPT-3) nor an ordinal (第5)
MAGNITUDE = alternation(ZH_MAGNITUDES)
LARGE_MAGNITUDE = alternation(m for m in ZH_MAGNITUDES if all(unit in ZH_LARGE_UNITS for unit in m))  # 万, 亿, 万亿
CURRENCY = alternation(lang.data("zh")["currencies"])
CURRENCY_PREFIX = alternation(lang.data("zh")["currency_prefixes"])  # 新臺幣3億元: the currency comes first
CLASSIFIER = alternation(CLASSIFIERS)
CHINESE_NUMERAL = "[" + "".join([*ZH_DIGITS, *ZH_SMALL_UNITS, *ZH_VAGUE_DIGITS]) + "]"  # digits of a vague amount too

RULES: tuple[Rule, ...] = tuple(
    Rule(name, kind, re.compile(pattern))
    for name, kind, pattern in (
        ("date.iso", "date", r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),
        ("date.year_range", "date", r"(?<!\d)\d{4} ?[-–~至到] ?\d{4} ?年"),
        ("date.year", "date", r"(?<!\d)\d{4} ?年(?!代)(?: ?\d{1,2} ?月份?(?: ?\d{1,2} ?[日号號])?)?"),
        ("date.month_day", "date", r"(?<![\d.])\d{1,2} ?月份?(?: ?\d{1,2} ?[日号號])?"),
        ("date.decade", "date", r"(?<!\d)\d{2,4} ?年代"),
        ("date.century", "date", r"(?<!\d)\d{1,2} ?世[纪紀]|[二十一]+世[纪紀]"),
        ("time.clock", "time", r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])"),
        ("percent.sign", "percent", NUMBER_START + NUMBER + r"(?: ?[-–~] ?" + NUMBER + r")? ?[%％]"),
        ("percent.words", "percent", r"百分之(?:" + NUMBER + "|" + CHINESE_NUMERAL + r"+)"),
        ("amount.number", "amount",
         "(?:" + CURRENCY_PREFIX + " ?)?" + NUMBER_START + NUMBER + r"(?: ?[-–~] ?" + NUMBER + r")? ?(?:"
         + MAGNITUDE + r"多? ?(?:" + CURRENCY + "|" + CLASSIFIER + r")?|多? ?(?:" + CURRENCY + "|" + CLASSIFIER + "))"),
        ("amount.chinese", "amount",
         "(?:" + CURRENCY_PREFIX + ")?" + CHINESE_NUMERAL + "+" + LARGE_MAGNITUDE + r"多?(?:"
         + CURRENCY + "|" + CLASSIFIER + ")?"),
    )
)
TITLE = re.compile(r"《([^《》\n]{1,120})》")
SOURCE_PRIORITY = {"registry": 0, "title": 1, "rule": 2, "ner": 3}

JIEBA_TYPES = {"nr": "person", "nrt": "person", "nrfg": "person", "ns": "place", "nt": "org"}
JIEBA_TAG_FOR_TYPE = {"person": "nr", "org": "nt", "place": "ns", "work": "nz", "misc": "nz"}


def find_mentions(text: str, registry: Registry, statistical: bool = True) -> list[Mention]:
    """Registry, rule, title and (unless ``statistical`` is false) model mentions in ``text``.

    Sorted by offset, never overlapping.  Model mentions have no ``ref`` here; the document's
    annotation gives them document-scoped ids (:func:`corpus.annotate.ner.local_ids`).
    """
    curated = registry_mentions(text, registry) + title_mentions(text, registry) + rule_mentions(text)
    if not statistical:
        return select_non_overlapping(curated)
    found_words = words(text, registry)  # initialises the tokenizer, whose dictionary refine reads
    known = dictionary(registry)
    corrected, official = organisation_spans(refine(statistical_mentions(text), found_words, text, curated, known),
                                             found_words, text, curated, known)
    found = with_place_before(select_non_overlapping(curated + [m for m in corrected if _fits(m, curated)] + official),
                              found_words, text, known)
    return without_shared_platforms(found, model_input(text))


def dictionary(registry: Registry) -> dict[str, int]:
    """jieba's word frequencies (registry names are words); a word's prefixes are listed with frequency 0."""
    tokenizer = _pos_tokenizer(registry).tokenizer
    tokenizer.check_initialized()
    return tokenizer.FREQ


def words(text: str, registry: Registry) -> list[Word]:
    """jieba's words of the model's input (registry names are words), offsets into ``text``."""
    tokenizer = _pos_tokenizer(registry)
    tokenizer.tokenizer.check_initialized()
    found, offset = [], 0
    for word, tag in tokenizer.cut(model_input(text)):
        # jieba's dictionary also holds every word's prefixes, with frequency 0: those are no words
        found.append(Word(offset, offset + len(word), word, tag, tokenizer.tokenizer.FREQ.get(word) or None))
        offset += len(word)
    return found


def _fits(mention: Mention, curated: list[Mention]) -> bool:
    """Whether a model mention may compete with the curated mentions it overlaps.

    A name grows to the right (上海 → 上海交通大学, 小米 → 小米集团), so a model span may
    contain a registry name that starts it, unless that name is a person's (the registry
    knows 李沐; 李沐尚 is the model gluing 尚未's first character to it).  A registry name
    later in the span means the model glued a word before it (聯合科技部): the registry
    wins, unless what comes before it is a name prefix (國立清華大學 is not 清華大學, another
    university) or it is the region of an organisation's arm (软银中国).  A model span that
    crosses a curated span is dropped.
    """
    for other in curated:
        if mention.overlaps(other.start, other.end):
            if not (mention.start <= other.start and other.end <= mention.end):
                return False
            if other.source == "registry" and (other.type == "person" or not _starts_name(mention, other)):
                return False
    return True


def _starts_name(mention: Mention, registered: Mention) -> bool:
    """Whether a registry name inside a model span is where the name starts, after a name prefix, is
    the region that ends an organisation's name, or the seat in its legal form (X（南京）有限公司)."""
    before = mention.text[:registered.start - mention.start]
    if mention.type != "org":
        return not before
    region = region_suffix(mention.text)
    return (name_prefix(mention.text, len(before)) == before
            or (registered.end == mention.end and registered.text == region)
            or len(before) >= legal_form_start(mention.text))


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    matcher, alias_to_id = _registry_matcher(registry)
    found = []
    for match in matcher.finditer(text.translate(_SAME_LENGTH)):
        entity = registry[alias_to_id[match.group()]]
        if entity.title_in_brackets_only and has_han(match.group()) and not _in_title_brackets(text, match):
            continue
        found.append(Mention(match.start(), match.end(), text[match.start():match.end()],
                             entity.type, ref=entity.id, source="registry"))
    return found


def _in_title_brackets(text: str, match: re.Match) -> bool:
    return text[match.start() - 1:match.start()] == "《" and text[match.end():match.end() + 1] == "》"


def title_mentions(text: str, registry: Registry) -> list[Mention]:
    """Titles in 《》 that are not registered; the span is the title without its brackets."""
    return [
        Mention(match.start(1), match.end(1), match.group(1), "title", source="rule")
        for match in TITLE.finditer(text)
        if registry.lookup(match.group(1)) is None
    ]


def rule_mentions(text: str) -> list[Mention]:
    normalised = text.translate(_SAME_LENGTH)
    return [
        Mention(match.start(), match.end(), text[match.start():match.end()], rule.type, source="rule")
        for rule in RULES
        for match in rule.pattern.finditer(normalised)
        if match.group().strip()
    ]


def rule_name(mention: Mention) -> str | None:
    """Which rule produced a rule mention (for review and error analysis)."""
    for rule in RULES:
        if rule.type == mention.type and rule.pattern.fullmatch(mention.text.translate(_SAME_LENGTH)):
            return rule.name
    return None


def select_non_overlapping(candidates: list[Mention]) -> list[Mention]:
    """Longest first, then source priority, then leftmost; drop whatever overlaps a kept span."""
    ranked = sorted(candidates, key=lambda m: (m.start - m.end, _priority(m), m.start))
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in candidates), default=0))
    for mention in ranked:
        if mention.end > mention.start and not any(taken[mention.start:mention.end]):
            kept.append(mention)
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(kept, key=lambda m: m.start)


def _priority(mention: Mention) -> int:
    return SOURCE_PRIORITY["title"] if mention.type == "title" else SOURCE_PRIORITY.get(mention.source, 9)


def unknown_candidates(text: str, registry: Registry) -> list[Mention]:
    """Names jieba tags as person/place/org that no registry or rule mention covers.

    For curation only: ``corpus entities`` reports them (:mod:`corpus.annotate.curation`);
    they are never added to a sentence's mentions.
    """
    known = find_mentions(text, registry, statistical=False)
    covered = bytearray(len(text))
    for mention in known:
        covered[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    found, offset = [], 0
    for word, tag in _pos_tokenizer(registry).cut(text):
        start, end = offset, offset + len(word)
        offset = end
        kind = JIEBA_TYPES.get(tag)
        if kind and len(word.strip()) > 1 and not any(covered[start:end]):
            found.append(Mention(start, end, word, kind, source="jieba"))
    return found


@lru_cache(maxsize=8)
def _registry_matcher(registry: Registry) -> tuple[re.Pattern, dict[str, str]]:
    alias_to_id = {alias.translate(_SAME_LENGTH): entity_id for alias, entity_id in registry.aliases().items()}
    alternatives = [_bounded(alias) for alias in sorted(alias_to_id, key=lambda a: (-len(a), a))]
    return re.compile("|".join(alternatives)), alias_to_id


def _bounded(alias: str) -> str:
    """A Latin-edged alias must not continue a Latin word or number on that edge."""
    pattern = re.escape(alias)
    if _LATIN.match(alias[0]):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if _LATIN.match(alias[-1]):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


@lru_cache(maxsize=8)
def _pos_tokenizer(registry: Registry) -> jieba.posseg.POSTokenizer:
    """A private jieba tokenizer that knows the registry's Chinese aliases as words."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for entity in registry.entities.values():
        for alias in entity.zh_aliases:
            tokenizer.add_word(alias, freq=None, tag=JIEBA_TAG_FOR_TYPE[entity.type])
    return jieba.posseg.POSTokenizer(tokenizer)
