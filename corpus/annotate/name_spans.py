"""Rules that correct the statistical model's name spans with a word segmenter's words.

LAC (:mod:`corpus.annotate.ner`) finds most names but errs at their edges and on a few
kinds of phrase in ways jieba's words show.  Each rule is one function; the vocabulary is
language data (``curated/lang/zh.yaml``, ``names``); jieba's dictionary says which words are common:

* :func:`unglued` — a list connective is taken off the unknown word jieba's HMM glued it to (和峰瑞);
* :func:`split_lists` — a span holding a list connective (清华大学与工研院, 深圳市科创委与) is cut there;
* :func:`snap` — a span that starts or ends inside a word is extended to the word when most of
  the word is inside it, else trimmed to the word's edge (英业 → 英业达, 方红杉 → 红杉, 李沐尚 → 李沐);
  only dictionary words count, and an edge where two dictionary words of a compound meet stays
  (成功大学|毕业);
* :func:`is_verb_phrase` — a place is a noun: a place span holding a verb (堆成山) is dropped;
* :func:`is_generic` — an organisation is a name, not a description: a span after or holding a determiner
  (某生物科技公司, 一家芯片公司, 从一家) or a name prefix alone (國立) is dropped, keeping the dictionary place
  it starts with (一家日本游戏公司: 日本, :func:`leading_place`);
* :func:`headed_organisations`, :func:`with_heads` — a name-like word (one jieba does not know, or tags
  as a name) or an organisation followed by organisation heads (君联 + 资本, 芯擎 + 半导体, 海豚 + 资本) is
  one organisation, found also where the model missed it; a dictionary word (初创 + 公司) is not;
* :func:`institutions` — a place or a ministry followed by nouns ending with an institution head (基金,
  研究院, 署, 厅 …) is one organisation (江苏省战略性新兴产业母基金, 经济部能源署);
* :func:`with_site` — a place with the nouns of a site after it (台南 + 科学园区) is that site, a place;
* :func:`with_prefix` — a prefix that is part of an organisation's name (國立, 私立) joins it;
* :func:`with_legal_form` — a company's legal form (有限公司), with its seat in brackets or not, joins it;
* :func:`with_region` — the region naming an organisation's arm there joins it (软银中国领投), unless a
  noun follows (小米中国销量);
* :func:`latin_names` — Latin-script names (any Latin letter: Wiśniewski, Ødegård) are typed by evidence, not by
  the model's guess: two or more capitalised words (with particles or joiners between them: van der, of) are a
  person with person evidence (a particle, a Mandarin syllable as the second of two words, a role before, a
  speech verb or title after; round 10: a given name of ``curated/lang/latin_given_names.yaml`` first, Lucas
  Fontaine; round 12: a word after the first that an Arabic article or kinship word opens with a hyphen, Hamdan
  Al-Mazrouei, a Balinese name opened by its marker, I Ketut Sudarsana, a person's noun before, 老板Muthu Rajan);
  one word is a person only before a speech verb (Altman说) or when it is such a given name with no
  organisation's cue after it (Callum管出口); a name CC-CEDICT glosses as a place is a place (Rotterdam); any
  other is an organisation; a legal form after the name (round 13: ``latin_legal_forms`` or dotted letters,
  S.p.A.) is part of an organisation's name; a speech verb after the bracket that closes the name, a role before
  the bracket that opens it, or a person's Chinese name right before that bracket are person evidence too
  (:func:`glossed_people`: 韋思遠（Simon Whitfield）); :func:`without_latin_name` parts a model span of Chinese
  words from the Latin name it ends with (挪威渡轮公司 + Fjordlink);
* :func:`typed_by_evidence` — a name the model calls a person is typed by the evidence around it (surname,
  role, speech verb; organisation role, business verb, class noun; a dictionary place or common word,
  :mod:`corpus.annotate.gazetteer`), a surname the model cut off joins it (:func:`with_cut_surname`), an
  honorific (丹斯里, 拿督) is no part of it (:func:`without_honorific`) and names a person after it where the model
  missed one (:func:`honoured_names`), a country right before it makes it a company (荷兰 + 帝斯曼), a language or
  a currency (葡萄牙語, 澳門幣) is no name, a place after a class noun is a brand (企业永兴), and a
  company's region before a role (亚洲区负责人) is no name;
* :func:`typed_by_coordination` — a name the model calls a person with no person evidence, in a list of
  organisations only or of places only, takes their type (约翰迪尔、爱科和凯斯; 氹仔、黑沙環和筷子基): the one place
  that retypes a model person as an organisation by its list;
* :func:`brands` — the name after a class noun (品牌雲鯨, 企业禾匠);
* :func:`dictionary_places` — places the model missed that CC-CEDICT glosses as places (屏東, 利雅得);
* :func:`without_credits` — people a credit or byline names (作者：X, 文／X) are metadata, not mentions.

Words come from jieba on the model's input (the simplified form of a traditional sentence when it
has the same length), so offsets are the sentence's.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping

from corpus import lang
from corpus.annotate import gazetteer, ner, person_forms, place_spans
from corpus.lang import HAN_CLASS, LATIN_LOWER, LATIN_UPPER, SPEECH_VERBS, alternation, has_han
from corpus.model import Mention, Sentence

# jieba's tags for names: people, places, organisations, other proper nouns, abbreviations (深创投's 创投).
NAME_TAGS = {"nr": "person", "nrt": "person", "nrfg": "person", "ns": "place", "nt": "org", "nz": None, "j": None}
_NAMES = lang.data("zh")["names"]
ORG_HEADS = frozenset(_NAMES["org_heads"])
ORG_HEAD_ENDINGS = tuple(head for head in ORG_HEADS if len(head) > 1)
ORG_PREFIXES = tuple(sorted(_NAMES["org_prefixes"], key=len, reverse=True))
ORG_REGIONS = tuple(sorted(_NAMES["org_regions"], key=len, reverse=True))
LATIN_ORG_WORDS = frozenset(_NAMES["latin_org_words"])
LATIN_ORG_FIRST_WORDS = frozenset(_NAMES["latin_org_first_words"])  # a Romance name's head comes first: Fábrica de …
_SPEECH_AFTER = re.compile(r"\s?" + alternation(SPEECH_VERBS))
_DESCRIBED = re.compile(alternation(_NAMES["generic_determiners"]) + r"\s?$")
_DETERMINER_FIRST = re.compile(alternation(_NAMES["generic_determiners"]))
# a determiner of two characters or more anywhere in the span (从一家): one character (该) may be part of a name
_DETERMINER_WORD = re.compile(alternation(d for d in _NAMES["generic_determiners"] if len(d) > 1))
LIST_CONNECTIVES = place_spans.LIST_CONNECTIVES  # what lies between two names listed together (A和B, A、B)
_LEGAL_FORM = re.compile(r"(?:[（(][^（）()\n]{1,8}[）)])?" + alternation(_NAMES["legal_forms"]))
_LEGAL_FORM_AT_END = re.compile(_LEGAL_FORM.pattern + "$")
INSTITUTION_HEADS = frozenset(_NAMES["institution_heads"])
SITE_HEADS = frozenset(_NAMES["site_heads"])
ADMINISTRATIVE_UNITS = tuple(_NAMES["place_units"])  # one list with place_spans' units (round 6: dev allows it)
# nouns, attributes, abbreviations, time nouns (歐洲 + 中期 + 天氣預報 + 中心)
INSTITUTION_WORD_TAGS = frozenset(("n", "nt", "nz", "ng", "vn", "b", "j", "t"))
MAX_INSTITUTION_WORDS = 6  # the longest institution name of the dev captures has five words after its place
_LISTED = re.compile(r"\s?" + alternation(LIST_CONNECTIVES) + r"\s?")
# between two items of a list: a connective, after the first item's other name in brackets (施泰德勒（Stadler）和)
_BETWEEN_ITEMS = re.compile(r"(?:[（(][^（）()\n]{1,40}[）)])?" + _LISTED.pattern)


_UPPER, _LOWER = LATIN_UPPER, LATIN_LOWER
_LATIN_PART = f"[{_UPPER}][{_UPPER}{_LOWER}0-9&]*[{_LOWER}][{_UPPER}{_LOWER}0-9&]*"  # capitalised, not an acronym (AI)
_LATIN_WORD = f"{_LATIN_PART}(?:-{_LATIN_PART})*"  # parts joined by hyphens are one word (Al-Mazrouei, Hydro-Tek)
_PERSON_HYPHEN_PREFIX = re.compile(alternation(_NAMES["latin_person_hyphen_prefixes"]) + "-")
LATIN_PERSON_PARTICLES = frozenset(_NAMES["latin_person_particles"])
_LATIN_JOINER = alternation([*LATIN_PERSON_PARTICLES, *_NAMES["latin_org_joiners"]])
_NOT_LATIN_BEFORE, _NOT_LATIN_AFTER = f"(?<![{_UPPER}{_LOWER}0-9])", f"(?![{_UPPER}{_LOWER}0-9])"
# capitalised words, lower-case particles and joiners only between them (Anneliese van der Berg, Bank of Xyz)
LATIN_NAME = re.compile(f"{_NOT_LATIN_BEFORE}{_LATIN_WORD}(?:(?: {_LATIN_JOINER})* {_LATIN_WORD})*{_NOT_LATIN_AFTER}")
LATIN_LEGAL_FORMS = frozenset(_NAMES["latin_legal_forms"])
# a legal form after a Latin name, by the list or by its shape: letters in ones or twos, each closed by a full stop
_LATIN_LEGAL_FORM = f"(?:{alternation(LATIN_LEGAL_FORMS)}|(?:[{_UPPER}{_LOWER}]{{1,2}}\\.){{2,}}){_NOT_LATIN_AFTER}"
_LEGAL_FORM_AFTER = re.compile(f",? {_LATIN_LEGAL_FORM}")
_LATIN_LEGAL_FORM_AT_END = re.compile(f" {_LATIN_LEGAL_FORM}$")
_NO_PERSON_LAST_WORDS = LATIN_ORG_WORDS | LATIN_LEGAL_FORMS  # an organisation word or a legal form
_PERSON_CUE_AFTER = re.compile(r"\s?" + alternation([*SPEECH_VERBS, *_NAMES["latin_person_cues_after"]]))
LATIN_PERSON_TITLES = frozenset(_NAMES["latin_person_titles"])
LATIN_GIVEN_NAMES = frozenset(lang.data("latin_given_names")["names"])
# a title (Dr. , Prof ) or initials (J. P. , A.K. ) right before a capitalised word: a person's name follows
_TITLE_BEFORE = re.compile(f"{_NOT_LATIN_BEFORE}{alternation(LATIN_PERSON_TITLES)}\\.?[ ]?$")
_INITIALS_BEFORE = re.compile(f"{_NOT_LATIN_BEFORE}(?:[{_UPPER}]\\.[ ]?-?){{1,3}}$")
# a Balinese name's gender marker (I of I Ketut Sudarsana) right before a person's name
_MARKER_BEFORE = re.compile(f"{_NOT_LATIN_BEFORE}{alternation(_NAMES['latin_name_markers'])} $")
# past the closing quote or bracket and a comma: “Nikolai Vavilov”，这位…
_APPOSITIVE_AFTER = re.compile(r"[”」』’）)]?[，,]?\s?" + alternation(_NAMES["person_appositives"]))
_ROLE_BEFORE = re.compile(alternation(_NAMES["person_roles"]) + r"\s?$")
_ROLE_AFTER = re.compile(alternation(_NAMES["person_roles"]))
# a role and a separator before a Latin name (主持：Grace, 嘉宾 Felix), or the name as a line's label (Grace：…)
_ROLE_LABEL_BEFORE = re.compile(alternation(_NAMES["person_roles"]) + r"[ \u3000]*[：:｜|（(]?[ \u3000]*$")
_LABEL_AFTER = re.compile(r"[ \u3000]*[：:]")
COMPANY_REGION_ENDS = tuple(_NAMES["company_region_ends"])
_SPACE = "[ \u3000]"
_CREDIT_ROLES = _NAMES["credit_roles"]
# a role and a separator before the name; a space alone separates only a role of two characters or more (记者 X),
# for a one-character role and a space are as often the end of a word (中文 Tom)
_CREDIT_BEFORE = re.compile(f"(?:{alternation(_CREDIT_ROLES)}{_SPACE}*[：:｜|／/]{_SPACE}*"
                            f"|{alternation(r for r in _CREDIT_ROLES if len(r) > 1)}{_SPACE}+)$")
_CREDIT_AFTER = re.compile(f"{_SPACE}*[／/]?{_SPACE}*{alternation(_NAMES['credit_marks_after'])}"
                           r"(?=$|[\s）)】〕｜|])")
_ORG_EVIDENCE_AFTER = re.compile(r"\s?" + alternation([*_NAMES["org_cues_after"], *_NAMES["org_roles_after"],
                                                       *_NAMES["org_verbs_after"]]))
ORG_CLASS_NOUNS = frozenset(_NAMES["org_class_nouns"])
_CLASS_BEFORE = re.compile(alternation(ORG_CLASS_NOUNS) + r"\s?$")
BRAND_CHARACTER_MAX_FREQUENCY: int = _NAMES["brand_character_max_frequency"]
BRAND_MAX_CHARS: int = _NAMES["brand_max_chars"]
NAME_HONORIFICS = tuple(sorted(_NAMES["name_honorifics"], key=len, reverse=True))
_HONORIFIC_BEFORE = re.compile(alternation(NAME_HONORIFICS) + "$")
# a name after an honorific, up to a bracket, punctuation or a speech verb (拿督 + 莫哈末再里（…）)
_HONOURED_NAME = re.compile(f"{alternation(NAME_HONORIFICS)}([{HAN_CLASS}]{{2,5}}?)"
                            f"(?=[（(，,。、；;：:\\s]|{alternation(SPEECH_VERBS)})")
TRANSLITERATION_CHARACTERS = frozenset(_NAMES["transliteration_characters"])
TRANSLITERATION_MIN_CHARACTERS: int = _NAMES["transliteration_min_characters"]
_CLOSING_BRACKET = re.compile(r"[）)]")
ROLE_FINAL_CHARACTERS = frozenset(_NAMES["role_final_characters"])
DIALECT_PARTICLES = "".join(_NAMES["dialect_particles"])
# a noun of a person by trade, kin or standing right before a Latin name (轮机长Jomar Villaruel, 太太Leonor Figueira)
_PERSON_NOUN_BEFORE = re.compile(f"(?:[{HAN_CLASS}][{''.join(_NAMES['person_noun_finals'])}]|"
                                 f"{alternation(_NAMES['person_nouns'])})$")
_HAN_ONLY = re.compile(f"[{HAN_CLASS}]+")
# a Latin word, an acronym or a number beside a Latin name, past one space (Coldvia NV, ORCA Tech): part of its name
_LATIN_NEIGHBOUR_AFTER = re.compile(f" [{_UPPER}{_LOWER}0-9&]")
_LATIN_NEIGHBOUR_BEFORE = re.compile(f"[{_UPPER}{_LOWER}0-9&] $")
MAX_NAME_WORDS = 3  # a person's name of given name(s) and surname; a longer run of bare names is a list or a title


@dataclass(frozen=True)
class Word:
    """One jieba word: offsets into the sentence, its part-of-speech tag, its dictionary frequency (None: not in
    the dictionary, a word jieba's HMM made up)."""

    start: int
    end: int
    text: str
    tag: str
    frequency: int | None


def refine(mentions: list[Mention], words: list[Word], text: str, curated: list[Mention],
           dictionary: Mapping[str, int]) -> list[Mention]:
    """The model's mentions corrected by the rules above, plus the organisations, brands, dictionary places and
    Latin names they find, less the people a credit names; ``curated`` (registry and rule mentions) may list an
    organisation a Latin name is listed with; ``dictionary``: jieba's word frequencies."""
    words = unglued(words)
    refined: list[Mention] = []
    unsure: list[Mention] = []  # names typed_by_evidence drops for want of evidence: a list may type them
    chinese = [kept for mention in mentions if has_han(mention.text)  # Latin names: latin_names decides
               for trimmed in without_dialect_particles(mention) for kept in without_latin_name(trimmed, words, text)]
    snapped = (snap(part, words, text, dictionary) for mention in chinese for part in split_lists(mention, words, text))
    parts = (part for m in snapped if m is not None for part in place_spans.place_parts(m, words, text, dictionary))
    for mention in parts:
        if mention.type == "place" and (is_verb_phrase(mention, words)
                                        or place_spans.is_no_place(mention, words, text)):
            continue
        joined = person_forms.with_interpunct_parts(mention, words, text)
        if joined is not mention:  # a name written in parts is a person's, whatever the model typed
            refined.append(joined)
            continue
        mention = place_spans.whole_township(place_spans.without_function_edges(mention, words), words, text)
        mention = with_site(place_spans.with_unit(mention, words, text), words, text)
        if mention.type != "place":
            mention = with_heads(mention, words, text)
        if mention.type == "org":
            mention = with_whole_word(with_prefix(mention, text), words, text)
            mention = with_legal_form(with_region(mention, words, text), text)
        typed = typed_by_evidence(mention, words, text)
        refined.extend(typed)
        if not typed and (is_unsure_name(mention) or ner.denies_person(mention, text)) and ends_phrase(mention, words):
            unsure.append(mention)
    organisations = headed_organisations(words, text) + institutions(words, text) + brands(words, text, dictionary)
    refined = without_descriptions(refined, words, text)
    found = refined + organisations + glossed_people(refined, latin_names(text), text)
    found += [m for m in honoured_names(text) if not any(m.overlaps(f.start, f.end) for f in found)]
    found += dictionary_places(words, text, found + curated)
    found += place_spans.spelled_places(words, text, found + curated)
    found += place_spans.voted_places(words, text, found + curated)
    found = with_places([place_spans.with_unit(m, words, text) for m in found], words, text)
    found = place_spans.place_institutions(found, words, text)
    unsure = [m for m in unsure if not any(m.overlaps(f.start, f.end) for f in found)]
    listed = typed_by_coordination(found + unsure, curated, text, words)
    named = person_forms.tibetan_names(text, [m for m in listed if not (m.type == "person" and m in unsure)])
    named = person_forms.dai_names(words, text, named)
    return without_credits(named, text)


def with_places(found: list[Mention], words: list[Word], text: str) -> list[Mention]:
    """``found`` with the places a list or a position shows (:mod:`corpus.annotate.place_spans`) in place of the
    people and places they overlap; a person with person evidence stays, and so does an organisation the model found
    (在台積電工作: a company after a verb of place)."""
    places = place_spans.listed_places(words, text)
    places += place_spans.located_places(words, text, [m for m in found + places if m.type == "place"])
    stays = [m for m in found if m.type == "org" or (m.type == "person" and has_person_evidence(m, text))]
    places = [p for p in places if not any(p.overlaps(m.start, m.end) for m in stays)]
    ranged = place_spans.ranged_places(words, text, [m for m in found + places if m.type == "place"])
    ranged = [p for p in ranged if not any(p.overlaps(m.start, m.end) for m in stays if m.type == "person")]
    places += ranged  # the end of a range from a place is one even where the model read an organisation (到東勢)
    places += place_spans.flanked_places(text, found + places)
    kept = [m for m in found if not any(m.overlaps(p.start, p.end) for p in ranged)
            and (m.type == "org" or not any(m.overlaps(p.start, p.end) for p in places))]
    return kept + list({(p.start, p.end): p for p in places}.values())


def without_dialect_particles(mention: Mention) -> list[Mention]:
    """The model's span without the Cantonese function characters it ran into at either edge (曼徹斯特 + 嘅, 佢喺 +
    鴨脷洲; ``names: dialect_particles``); none when nothing of two characters is left."""
    name = mention.text
    start = len(name) - len(name.lstrip(DIALECT_PARTICLES))
    end = len(name.rstrip(DIALECT_PARTICLES))
    if (start, end) == (0, len(name)):
        return [mention]
    if end - start < 2:
        return []
    return [replace(mention, start=mention.start + start, end=mention.start + end, text=name[start:end])]


def without_latin_name(mention: Mention, words: list[Word], text: str) -> list[Mention]:
    """A model span of Chinese words and a Latin name after them (挪威渡轮公司Fjordlink) is a description and
    the name it describes: the name is left to :func:`latin_names`, the description keeps only the dictionary
    place it starts with (挪威).  A person's span of a Latin name and a Chinese one (Sharon鄺穎欣, an English
    given name glued to a full name) is two names: the Latin one is left to :func:`latin_names`."""
    latin = LATIN_NAME.search(mention.text)
    if latin is not None and latin.start() == 0 and mention.type == "person" and has_han(mention.text[latin.end():]):
        start = latin.end() + len(mention.text[latin.end():]) - len(mention.text[latin.end():].lstrip())
        return [replace(mention, start=mention.start + start, text=mention.text[start:])]
    if latin is None or latin.end() != len(mention.text) or not has_han(mention.text[:latin.start()]):
        return [mention]
    description = replace(mention, end=mention.start + latin.start(), text=mention.text[:latin.start()])
    return leading_place(description, words, text)


def typed_by_evidence(mention: Mention, words: list[Word], text: str) -> list[Mention]:
    """A name the model typed as a person, typed by the evidence around it, and the common words it typed as
    names dropped.

    A role before it or a speech verb or title after it keeps a person.  Without that, a dictionary place is a
    place (宜蘭), a name right after a dictionary place or with an organisation's role, business verb or class
    noun around it is an organisation (杭州 + 翼飞, 禾匠创始人, 耘拓发布, 企业耘拓), and a word the dictionary
    knows only as a common word (海葵, sea anemone) or a name of two characters that starts with no surname (耘拓,
    a brand that looks like a given name) is no name; a longer one may be a transliterated name (奥特曼).
    A place the dictionary knows only as a common word (山區) or as a nickname (狮城) is no name either, nor a
    company's region before a role (亚洲区负责人).  A person's name ending in an organisation head (X医学院, a school
    named after a person) is an organisation; one with a place's form (彭亨州, 梅窩) is a place, and so is a
    transliterated name after a verb of place that no Chinese person could bear (:func:`is_located_transliteration`)."""
    if (mention.type == "place" and (gazetteer.is_common_word(mention.text) or gazetteer.is_nickname(mention.text))
            or is_company_region(mention, text) or gazetteer.is_language_or_currency(mention.text)):
        return []
    if mention.type == "place" and _CLASS_BEFORE.search(text, 0, mention.start) and not gazetteer.is_country(
            mention.text):  # a brand named after a place (企业永兴, 品牌晴山)
        return [replace(mention, type="org")]
    if mention.type != "person":
        return [mention]
    if mention.text.endswith(ORG_HEAD_ENDINGS):  # a school or hospital named after a person (X医学院)
        return [replace(mention, type="org")]
    named = without_honorific(without_role_tail(without_class_noun_tail(with_cut_surname(mention, words, text), text),
                                                text))
    if named is None:
        return []
    mention = named
    if has_person_evidence(mention, text):
        return [mention]
    if (gazetteer.is_place(mention.text) or place_spans.has_place_form(mention.text)
            or is_located_transliteration(mention, words)):
        return [replace(mention, type="place")]
    place = next((word for word in words if word.end == mention.start and is_dictionary_place(word)
                  and gazetteer.is_place(word.text)), None)
    if place is not None and gazetteer.is_region(place.text):  # a country and its company (荷兰 + 帝斯曼)
        return [Mention(place.start, place.end, text[place.start:place.end], "place", source=mention.source),
                replace(mention, type="org")]
    if place is not None or has_org_evidence(mention, text):
        start = mention.start if place is None else place.start
        return [replace(mention, start=start, text=text[start:mention.end], type="org")]
    if (gazetteer.is_common_word(mention.text) or (len(mention.text) == 2 and not gazetteer.has_surname(mention.text))
            or ner.denies_person(mention, text) or has_no_name_shape(mention, words)):
        return []
    return [mention]


def has_no_name_shape(mention: Mention, words: list[Word]) -> bool:
    """Whether a Han name of four characters or more has no shape of a person's name and ends in a common word: no
    surname and a given name of one or two characters (:func:`has_person_shape`), no transliteration
    (:func:`may_be_foreign_name`), no parts joined by an interpunct nor Tibetan elements, and its last jieba word a
    dictionary word of two characters or more that jieba tags as no name (杨枝 + 甘露, a dessert)."""
    name = mention.text
    last = next((w for w in words if w.end == mention.end and w.start > mention.start), None)
    noun = last is not None and is_common(last) and len(last.text) > 1
    return (len(name) >= 4 and bool(_HAN_ONLY.fullmatch(name)) and noun and not has_person_shape(name)
            and not may_be_foreign_name(name) and not person_forms.has_person_form(name))


def without_honorific(mention: Mention) -> Mention | None:
    """A person's name without the honorifics the model read into it (丹斯里 + 曾国鸿; ``names: name_honorifics``);
    None when little else is left (拿汀斯里 alone)."""
    while honorific := next((h for h in NAME_HONORIFICS if mention.text.startswith(h)), ""):
        if len(mention.text) - len(honorific) < 2:
            return None
        mention = replace(mention, start=mention.start + len(honorific), text=mention.text[len(honorific):])
    return mention


def without_class_noun_tail(mention: Mention, text: str) -> Mention:
    """A name the model started with the last character of the class noun before it (設備 + 商帆宣): that character
    belongs to the noun."""
    if len(mention.text) < 3 or _CLASS_BEFORE.search(text, 0, mention.start + 1) is None:
        return mention
    return replace(mention, start=mention.start + 1, text=mention.text[1:])


def without_role_tail(mention: Mention, text: str) -> Mention:
    """A name the model started with the last character of the role word before it (剪接 + 師麥綺雯, 護理 + 師高美玉;
    ``names: role_final_characters``): that character belongs to the role, when what is left has a person's shape
    and the whole has none."""
    name = mention.text
    if (len(name) < 3 or name[0] not in ROLE_FINAL_CHARACTERS or not has_han(text[mention.start - 1:mention.start])
            or has_person_shape(name) or not has_person_shape(name[1:])):
        return mention
    return replace(mention, start=mention.start + 1, text=name[1:])


def honoured_names(text: str) -> list[Mention]:
    """People named after an honorific (拿督莫哈末再里（…）, 丹斯里曾国鸿说): the Han run up to a bracket, punctuation
    or a speech verb."""
    return [Mention(match.start(1), match.end(1), match.group(1), "person", source="ner")
            for match in _HONOURED_NAME.finditer(text)
            if not match.group(1).startswith(NAME_HONORIFICS)]


def may_be_foreign_name(name: str) -> bool:
    """Whether a name typed as a person may be a transliterated or a company's name (帆宣, 凯斯, 恩智浦, 筷子基) rather
    than a Chinese person's (李明, 温瑾瑜): it starts with no surname, or transliteration characters make it up."""
    foreign = sum(character in TRANSLITERATION_CHARACTERS for character in name) >= TRANSLITERATION_MIN_CHARACTERS
    return not gazetteer.has_surname(name) or foreign


def is_located_transliteration(mention: Mention, words: list[Word]) -> bool:
    """Whether a name the model calls a person is a transliterated town abroad (搬到 + 奥斯特松德): right after a verb
    or preposition of place, transliteration characters make it up, and it is longer than a Chinese person's name
    can be (three characters and no surname before a given name, or more)."""
    before = next((w for w in words if w.end == mention.start), None)
    name = mention.text
    return (before is not None and before.text in place_spans.LOCATIVES and len(name) >= 3
            and not has_person_shape(name) and not person_forms.has_person_form(name)
            and sum(character in TRANSLITERATION_CHARACTERS for character in name) >= TRANSLITERATION_MIN_CHARACTERS)


def has_person_shape(name: str) -> bool:
    """Whether a Chinese person may be so named: a surname and a given name of one or two characters."""
    return any(name[:size] in gazetteer.surnames() and 0 < len(name) - size <= 2 for size in (1, 2))


def is_unsure_name(mention: Mention) -> bool:
    """A name the model calls a person that has two characters and starts with no surname (耘拓, 弘塑): a brand as
    often as a given name, dropped unless a list types it (:func:`typed_by_coordination`)."""
    return (mention.type == "person" and len(mention.text) == 2 and has_han(mention.text)
            and not gazetteer.has_surname(mention.text) and not gazetteer.is_common_word(mention.text))


def ends_phrase(mention: Mention, words: list[Word]) -> bool:
    """Whether a name ends where a phrase may: at punctuation, the text's end, a function word (an adverb,
    connective, preposition, particle or pronoun: 弘塑 + 和, 萬潤 + 也) or a dictionary word of two characters or more
    (天齐 + 签订); before a content word of one character it may be cut short, the rest of its name read as
    single characters (岚帆 + 汇 + 天)."""
    following = next((w for w in words if w.start == mention.end), None)
    return (following is None or not has_han(following.text) or following.tag.startswith(place_spans.FUNCTION_TAGS)
            or (len(following.text) > 1 and following.frequency is not None))


def typed_by_coordination(found: list[Mention], curated: list[Mention], text: str,
                          words: list[Word]) -> list[Mention]:
    """A name the model calls a person with no person evidence, in a list (its items joined by ``names:
    list_connectives``, the one before it perhaps with another name in brackets) whose other items are
    organisations only (约翰迪尔、爱科和凯斯) or places only (氹仔、黑沙環和筷子基), takes their type, if it may be a
    foreign or a company's name (:func:`may_be_foreign_name`), has no Chinese person's shape (海豚資本和凱鵬華盈: four
    characters after a surname of one) or two other items have that type (帆宣、弘塑和萬潤); repeated while a list's
    items change.  A name with a word jieba does not know right after it is cut short (小川 + 汇天): the list does
    not type it.  The one rule that retypes a model person by its list: the organisation rules apply it again after
    the names they find (:func:`corpus.annotate.org_evidence.organisation_evidence`)."""
    unknown_after = {w.start for w in words if w.frequency is None and has_han(w.text)}
    found = list(found)
    changed = True
    while changed:
        changed = False
        for index, mention in enumerate(found):
            if (mention.type != "person" or not has_han(mention.text) or has_person_evidence(mention, text)
                    or mention.end in unknown_after or person_forms.has_person_form(mention.text)):
                continue
            items = [m for m in _list_of(mention, found + curated, text) if m is not mention]
            kinds = {m.type for m in items if m.type != "person"}
            if items and len(kinds) == 1 and kinds <= {"org", "place"} and not any(
                    m.type == "person" and has_person_evidence(m, text) for m in items):
                kind = kinds.pop()
                if (may_be_foreign_name(mention.text) or not has_person_shape(mention.text)
                        or sum(m.type == kind for m in items) >= 2):
                    found[index] = replace(mention, type=kind)
                    changed = True
    return found


def _list_of(mention: Mention, mentions: list[Mention], text: str) -> list[Mention]:
    """The items of the list ``mention`` stands in: the mentions joined to it, and to each other, by a connective."""
    items, queue = [mention], [mention]
    for item in queue:
        for other in mentions:
            if other not in items and (_BETWEEN_ITEMS.fullmatch(text, other.end, item.start)
                                       or _BETWEEN_ITEMS.fullmatch(text, item.end, other.start)):
                items.append(other)
                queue.append(other)
    return items


def with_cut_surname(mention: Mention, words: list[Word], text: str) -> Mention:
    """A person span that starts inside a word jieba tags as a person's name, after a surname that the model cut
    off (區 + 頌琛: jieba reads 區頌 as a name), starts with that surname."""
    word = next((word for word in words if word.start < mention.start < word.end), None)
    cut = text[word.start:mention.start] if word is not None else ""
    if word is None or NAME_TAGS.get(word.tag) != "person" or cut not in gazetteer.surnames():
        return mention
    return replace(mention, start=word.start, text=text[word.start:mention.end])


def is_company_region(mention: Mention, text: str) -> bool:
    """A region ending in 区 right before a person's role is a company's region (亚洲区负责人, 中国区总裁)."""
    return mention.text.endswith(COMPANY_REGION_ENDS) and _ROLE_AFTER.match(text, mention.end) is not None


def has_person_evidence(mention: Mention, text: str) -> bool:
    """A role right before the name (创始人鲍志远), a speech verb or a person's title right after it."""
    return (_ROLE_BEFORE.search(text, 0, mention.start) is not None
            or _HONORIFIC_BEFORE.search(text, 0, mention.start) is not None
            or _PERSON_CUE_AFTER.match(text, mention.end) is not None)


def has_org_evidence(mention: Mention, text: str) -> bool:
    """An organisation's role or a business verb right after the name (禾匠创始人, 耘拓发布), or a class noun
    right before it (企业耘拓)."""
    return (_ORG_EVIDENCE_AFTER.match(text, mention.end) is not None
            or _CLASS_BEFORE.search(text, 0, mention.start) is not None)


def brands(words: list[Word], text: str, dictionary: Mapping[str, int]) -> list[Mention]:
    """The name right after a class noun (品牌雲鯨, 企业禾匠, 品牌浅焙): the words after it that jieba does not
    know or that are one character, all of rare characters, up to :data:`BRAND_MAX_CHARS`, two characters or
    more, with the organisation heads after it; a frequent character (会, 是) or a dictionary word of two
    characters or more ends it."""
    found = []
    for index, word in enumerate(words):
        if word.text not in ORG_CLASS_NOUNS:
            continue
        end = index + 1
        while end < len(words) and words[end].start == words[end - 1].end and _in_brand(words[end], dictionary):
            end += 1
        start, stop = word.end, words[end - 1].end
        if 2 <= stop - start <= BRAND_MAX_CHARS:
            found.append(with_heads(Mention(start, stop, text[start:stop], "org", source="ner"), words, text))
    return found


def _in_brand(word: Word, dictionary: Mapping[str, int]) -> bool:
    """Whether a word may be part of a brand: Han, unknown to jieba or one character, and made of rare
    characters (品牌方会让: jieba's made-up word 方会 holds 会, a function word)."""
    rare = all(dictionary.get(character, 0) <= BRAND_CHARACTER_MAX_FREQUENCY for character in word.text)
    return has_han(word.text) and (word.frequency is None or len(word.text) == 1) and rare


def dictionary_places(words: list[Word], text: str, known: list[Mention]) -> list[Mention]:
    """Places the model missed: jieba words the dictionary knows as places (屏東, 利雅得) and not also as common
    words (新建, "new construction") that no mention found so far overlaps."""
    return [Mention(word.start, word.end, text[word.start:word.end], "place", source="ner") for word in words
            if len(word.text) > 1 and word.frequency is not None and (word.tag in NAME_TAGS or word.tag == "s")
            and not any(m.overlaps(word.start, word.end) for m in known) and gazetteer.is_place(word.text)
            and not gazetteer.has_common_sense(word.text) and not place_spans.is_position_word(word)
            and not place_spans.is_demonym(word.end, words)]


def without_credits(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` less the people a credit or byline names (作者：X, 编辑｜X, 文／X、Y, X 摄): metadata, not
    mentions of the article."""
    kept: list[Mention] = []
    credit_end = None
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.type == "person" and (
                _CREDIT_BEFORE.search(text, 0, mention.start) or _CREDIT_AFTER.match(text, mention.end)
                or (credit_end is not None and _LISTED.fullmatch(text, credit_end, mention.start))):
            credit_end = mention.end
            continue
        kept.append(mention)
    return kept


def without_descriptions(mentions: list[Mention], words: list[Word], text: str) -> list[Mention]:
    """``mentions`` less the organisations that are descriptions (:func:`is_generic`: 深圳一家企业), each in its
    place's stead where it starts with one (深圳)."""
    return [kept for m in mentions for kept in ([m] if m.type != "org" or not is_generic(m, text)
                                                else leading_place(m, words, text))]


def leading_place(description: Mention, words: list[Word], text: str) -> list[Mention]:
    """The dictionary place a description starts with (一家日本游戏公司: 日本), which is a mention of its own."""
    first = next((word for word in words if word.start == description.start), None)
    if first is None or first.end >= description.end or first.frequency is None or first.tag != "ns":
        return []
    return [Mention(first.start, first.end, text[first.start:first.end], "place", source="ner")]


def split_lists(mention: Mention, words: list[Word], text: str) -> list[Mention]:
    """A span holding a list connective word is two names (清华大学与工研院), or one with a word too many
    (深圳市科创委与): cut there, unless only common words follow the connective up to the span's end or the
    next connective: they are fields joined inside one name (材料科學與工程學院)."""
    inside = _inside(words, mention.start, mention.end)
    connectives = [index for index, word in enumerate(inside)
                   if word.text in LIST_CONNECTIVES and word.tag in ("c", "p")]
    cuts = [inside[index] for index, following in zip(connectives, [*connectives[1:], len(inside)])
            if not inside[index + 1:following] or not all(map(is_common, inside[index + 1:following]))]
    if not cuts:
        return [mention]
    edges = [mention.start, *(offset for word in cuts for offset in (word.start, word.end)), mention.end]
    return [replace(mention, start=start, end=end, text=text[start:end])
            for start, end in zip(edges[::2], edges[1::2]) if end > start]


def unglued(words: list[Word]) -> list[Word]:
    """jieba's words with a list connective taken off the unknown word its HMM glued it to (和峰瑞 → 和, 峰瑞); not at
    the start of a clause (the first word, or after punctuation), where nothing is listed before it and the character
    is a surname (和春燕表示: 和 is a Naxi surname)."""
    found = []
    for index, word in enumerate(words):
        listed = index > 0 and has_han(words[index - 1].text)
        glued = word.text[:1] if word.text[:1] in LIST_CONNECTIVES and listed else ""
        trailing = word.text[-1:] if word.text[-1:] in LIST_CONNECTIVES and not word.tag.startswith("nr") else ""
        if word.frequency is None and glued and len(word.text) > 2:
            connective = replace(word, end=word.start + 1, text=glued, tag="c", frequency=1)
            found += [connective, replace(word, start=word.start + 1, text=word.text[1:])]
        elif word.frequency is None and trailing and len(word.text) > 1:  # 合艾和 (a place, not a person: 张德和)
            connective = replace(word, start=word.end - 1, text=trailing, tag="c", frequency=1)
            found += [replace(word, end=word.end - 1, text=word.text[:-1]), connective]
        else:
            found.append(word)
    return found


def with_heads(mention: Mention, words: list[Word], text: str) -> Mention:
    """A name with the organisation heads right after it is an organisation (海豚 + 资本; 元璟, read as a
    person, + 资本)."""
    end = mention.end
    if has_latin_legal_form(mention.text):
        return mention
    for word in words:
        if word.start == end and word.text in ORG_HEADS:
            end = word.end
    if end == mention.end:
        return mention
    return replace(mention, end=end, text=text[mention.start:end], type="org")


def has_latin_legal_form(name: str) -> bool:
    """A Latin company's name that ends with its legal form is whole: a head or an industry word after it is the
    text's (Coldvia NV + 公司: the company Coldvia NV)."""
    return _LATIN_LEGAL_FORM_AT_END.search(name) is not None


def with_legal_form(mention: Mention, text: str) -> Mention:
    """An organisation with its legal form after it, the seat in brackets between them or not
    (启衡生物科技 + （南京）有限公司)."""
    legal = _LEGAL_FORM.match(text, mention.end)
    if legal is None:
        return mention
    return replace(mention, end=legal.end(), text=text[mention.start:legal.end()])


def legal_form_start(name: str) -> int:
    """Where the legal form (with its bracketed seat) that ends an organisation's name starts; len(name) if none."""
    found = _LEGAL_FORM_AT_END.search(name)
    return found.start() if found else len(name)


def with_region(mention: Mention, words: list[Word], text: str) -> Mention:
    """An organisation with the region that names its arm there (软银 + 中国 领投), unless a noun follows the
    region, whose phrase it then belongs to (小米 + 中国销量)."""
    region = next((r for r in ORG_REGIONS if text.startswith(r, mention.end)), "")
    end = mention.end + len(region)
    following = next((word for word in words if word.start == end), None)
    if not region or (following is not None and following.tag.startswith("n")):
        return mention
    return replace(mention, end=end, text=text[mention.start:end])


def region_suffix(name: str) -> str:
    """The region (中国) that ends an organisation's name, or ""."""
    return next((region for region in ORG_REGIONS if name.endswith(region) and name != region), "")


def _inside(words: list[Word], start: int, end: int) -> list[Word]:
    return [word for word in words if start <= word.start and word.end <= end]


def snap(mention: Mention, words: list[Word], text: str, dictionary: Mapping[str, int]) -> Mention | None:
    """The mention with edges on dictionary words' boundaries; None when nothing is left.

    Only dictionary words count: a word jieba's HMM made up (和蔚来, 美和) is a guess no better than
    the model's.  An edge where two dictionary words of a compound meet (大学|毕业 in 大学毕业) stays.
    A span extended to a whole word jieba names takes jieba's type (英业 PER → 英业达 nt, an org).
    """
    start, end = mention.start, mention.end
    for word in words:
        if word.frequency is None:
            continue
        if word.start < start < word.end and not _compound_at(word, start, dictionary):
            start = word.start if (word.end - start) * 2 > len(word.text) else word.end
        if word.start < end < word.end and not _compound_at(word, end, dictionary) and not (
                mention.type == "person" and _SPEECH_AFTER.fullmatch(text, end, word.end)):  # 蒋颂 + 文说
            end = word.end if (end - word.start) * 2 > len(word.text) else word.start
    if end - start < 2:
        return None
    if (start, end) == (mention.start, mention.end):
        return mention
    kind = mention.type
    whole = [word for word in words if (word.start, word.end) == (start, end)]
    if whole and NAME_TAGS.get(whole[0].tag) and end - start > len(mention.text):
        kind = NAME_TAGS[whole[0].tag] or kind
    return replace(mention, start=start, end=end, text=text[start:end], type=kind)


def _compound_at(word: Word, offset: int, dictionary: Mapping[str, int]) -> bool:
    cut = offset - word.start
    return all(len(part) > 1 and dictionary.get(part) for part in (word.text[:cut], word.text[cut:]))


def is_verb_phrase(mention: Mention, words: list[Word]) -> bool:
    """A span of two words or more holding a verb (堆成山); one word jieba tags as a verb may be a name (彰化)."""
    inside = _inside(words, mention.start, mention.end)
    return len(inside) > 1 and any(word.tag.startswith("v") for word in inside)


def is_common(word: Word) -> bool:
    """A dictionary word jieba does not tag as a name (生物, 初创, 一家家): no organisation's own name."""
    return word.tag not in NAME_TAGS and word.frequency is not None


def is_generic(mention: Mention, text: str) -> bool:
    """A description, not a name: an organisation phrase after or starting with a determiner (某生物科技公司,
    一家芯片公司), or a name prefix alone (國立).

    Common words alone do not make a description: names are made of them too (蚂蚁集团, 成功大學).
    """
    described = (_DESCRIBED.search(text, 0, mention.start) or _DETERMINER_FIRST.match(mention.text)
                 or _DETERMINER_WORD.search(mention.text))
    return mention.text in ORG_PREFIXES or described is not None


def is_name_like(word: Word) -> bool:
    """A word that can be an organisation's own name: Han, two characters or more, not common, not a
    dictionary place (苏州 + 半导体 is as often a description as a name), and not a word jieba calls a proper
    noun that CC-CEDICT knows only as a common word (除草, to weed, + 机器人)."""
    return (len(word.text) > 1 and has_han(word.text) and not is_common(word) and not is_dictionary_place(word)
            and not (word.tag in ("nz", "j") and gazetteer.is_common_word(word.text)))


def headed_organisations(words: list[Word], text: str) -> list[Mention]:
    """A name-like word followed by one or more organisation heads (君联资本, 芯擎半导体)."""
    found = []
    for index in range(len(words) - 1):
        name, end = words[index], index + 1
        if not is_name_like(name):
            continue
        while end < len(words) and words[end].text in ORG_HEADS and words[end].start == words[end - 1].end:
            end += 1
        if end > index + 1:
            found.append(Mention(name.start, words[end - 1].end, text[name.start:words[end - 1].end], "org",
                                 source="ner"))
    return [mention for mention in found if not is_generic(mention, text)]


def institutions(words: list[Word], text: str) -> list[Mention]:
    """A place or a ministry (a word ending in 部) followed by nouns that end with an institution head is one
    organisation (江苏省 + 战略性新兴产业母基金, 经济部 + 能源署, 澳门 + 科学技术发展基金).  One noun between
    them is enough after a ministry or a place named with its administrative unit (浙江省 + 科学技术 + 厅); after
    a bare place it takes two, for one is a description as often (欧洲 + 对冲 + 基金, a hedge fund in Europe)."""
    found = []
    for index, first in enumerate(words):
        ministry = first.text.endswith("部") and len(first.text) > 1 and first.tag in ("n", "nt")
        if not (is_dictionary_place(first) or ministry):
            continue
        administrative = ministry or first.text.endswith(ADMINISTRATIVE_UNITS)
        last = headed_run(words, index, INSTITUTION_HEADS, nouns_between=1 if administrative else 2)
        if last is not None:
            found.append(Mention(first.start, last.end, text[first.start:last.end], "org", source="ner"))
    return [mention for mention in found if not is_generic(mention, text)]


def headed_run(words: list[Word], index: int, heads: frozenset[str], nouns_between: int) -> Word | None:
    """The last head in the run of nouns right after ``words[index]`` (at most :data:`MAX_INSTITUTION_WORDS`),
    with at least ``nouns_between`` nouns before it; a head is one of ``heads`` or a word ending in one of two
    characters or more (管理局)."""
    last, end = None, index + 1
    while (end < len(words) and end - index <= MAX_INSTITUTION_WORDS and words[end].start == words[end - 1].end
           and words[end].tag in INSTITUTION_WORD_TAGS):
        word = words[end]
        if end - index > nouns_between and (word.text in heads or any(word.text.endswith(head) for head in heads
                                                                      if len(head) > 1)):
            last = word
        end += 1
    return last


def with_site(mention: Mention, words: list[Word], text: str) -> Mention:
    """A place with the nouns of a site after it is that site, a place (台南 + 科学园区); an organisation span
    made of a dictionary place and such nouns is that place too (苏州 + 工业园区 typed org)."""
    first = next((i for i, word in enumerate(words) if word.start == mention.start), None)
    last = next((i for i, word in enumerate(words) if word.end == mention.end), None)
    if first is None or last is None:
        return mention
    if mention.type == "place":
        head = headed_run(words, last, SITE_HEADS, nouns_between=0)
        return mention if head is None else replace(mention, end=head.end, text=text[mention.start:head.end])
    if last > first and is_dictionary_place(words[first]):
        head = headed_run(words[:last + 1], first, SITE_HEADS, nouns_between=0)
        if head is words[last]:
            return replace(mention, type="place")
    return mention


def is_dictionary_place(word: Word) -> bool:
    return NAME_TAGS.get(word.tag) == "place" and word.frequency is not None


def with_whole_word(mention: Mention, words: list[Word], text: str) -> Mention:
    """An organisation that ends a jieba dictionary organisation starting before it is that organisation (国立大学
    in 新加坡国立大学: the place is part of the name)."""
    word = next((w for w in words if w.end == mention.end and w.start < mention.start and w.tag == "nt"
                 and w.frequency is not None), None)
    return mention if word is None else replace(mention, start=word.start, text=text[word.start:mention.end])


def with_prefix(mention: Mention, text: str) -> Mention:
    """An organisation with the name prefix just before it (國立 + 清華大學)."""
    start = mention.start - len(name_prefix(text, mention.start))
    return replace(mention, start=start, text=text[start:mention.end])


def name_prefix(text: str, offset: int) -> str:
    """The organisation-name prefix (國立, 私立) that ends at ``offset``, or ""."""
    return next((prefix for prefix in ORG_PREFIXES if text.endswith(prefix, 0, offset)), "")


def latin_names(text: str) -> list[Mention]:
    """Latin-script names typed by evidence (module docstring): a capitalised word or run of words inside Chinese
    text is a name; a person with person evidence, a place the dictionary glosses (Rotterdam), else an
    organisation."""
    found = []
    for match in LATIN_NAME.finditer(text):
        words = match.group().split(" ")
        if words[0] in LATIN_PERSON_TITLES:  # Dr of Dr. Amara Ochieng is no name; Dr Amara Ochieng names one
            if len(words) > 1:
                found.append(_titled_person(match, len(words[0]) + 1, text))
            continue
        legal_form = _LEGAL_FORM_AFTER.match(text, match.end())
        if legal_form is not None:  # a company's name with its legal form (Vallombrosa Alimentari S.r.l.)
            found.append(Mention(match.start(), legal_form.end(), text[match.start():legal_form.end()], "org",
                                 source="ner"))
            continue
        named = _TITLE_BEFORE.search(text, 0, match.start()) or _INITIALS_BEFORE.search(text, 0, match.start())
        if named is not None:
            start = match.start() if named.group().rstrip(" .") in LATIN_PERSON_TITLES else named.start()
            found.append(Mention(start, match.end(), text[start:match.end()], "person", source="ner"))
            continue
        if _is_person(text, match, words) if len(words) > 1 else _is_named_person(text, match):
            kind = "person"
        elif gazetteer.is_latin_place(match.group()):
            kind = "place"
        else:
            kind = "org"
        marker = _MARKER_BEFORE.search(text, 0, match.start()) if kind == "person" else None
        start = marker.start() if marker else match.start()  # the marker of a person's name is part of it
        found.append(Mention(start, match.end(), text[start:match.end()], kind, source="ner"))
    return found


def _titled_person(match: re.Match, title_length: int, text: str) -> Mention:
    """A Latin name written after a title without its full stop (Dr Amara Ochieng): the name after the title."""
    start = match.start() + title_length
    return Mention(start, match.end(), text[start:match.end()], "person", source="ner")


def glossed_people(found: list[Mention], latin: list[Mention], text: str) -> list[Mention]:
    """``latin`` (:func:`latin_names`) with a name in brackets right after a person's Chinese name a person
    (韋思遠（Simon Whitfield）)."""
    people = {m.end for m in found if m.type == "person" and has_han(m.text)}
    return [replace(m, type="person") if m.start >= 1 and text[m.start - 1] in "（(" and m.start - 1 in people
            and _CLOSING_BRACKET.match(text, m.end) else m for m in latin]


def _cue_after(text: str, end: int) -> bool:
    """A speech verb or a person's title right after a name, or after the bracket that closes it ((Raymond So）表示)."""
    bracket = _CLOSING_BRACKET.match(text, end)
    return (_PERSON_CUE_AFTER.match(text, bracket.end() if bracket else end) is not None
            or _APPOSITIVE_AFTER.match(text, end) is not None)


def _is_named_person(text: str, match: re.Match) -> bool:
    """Person evidence for a Latin name of one word (Altman说, 主持：Grace, Grace：… as a line's label)."""
    if "-" in match.group() and not _PERSON_HYPHEN_PREFIX.match(match.group()):
        return False  # a hyphenated word without an Arabic article or kinship word names a company (Hydro-Tek)
    return (_SPEECH_AFTER.match(text, match.end()) is not None or _ROLE_LABEL_BEFORE.search(text, 0, match.start())
            is not None or (not text[:match.start()].strip() and _LABEL_AFTER.match(text, match.end()) is not None)
            or _is_given_name_alone(text, match))


def _is_given_name_alone(text: str, match: re.Match) -> bool:
    """A given name of ``latin_given_names.yaml`` (Callum管出口, Desmond負責) that no organisation's cue, role or
    business verb follows (Sharon公司) and that no class noun precedes (品牌Sharon)."""
    return (match.group() in LATIN_GIVEN_NAMES and _ORG_EVIDENCE_AFTER.match(text, match.end()) is None
            and _CLASS_BEFORE.search(text, 0, match.start()) is None)


def _is_person(text: str, match: re.Match, words: list[str]) -> bool:
    """Person evidence for a Latin name of several words: a particle inside it, a given name first (Lucas Fontaine)
    with no organisation's cue after it, a role or a noun of a person (``names: person_noun_finals``: 轮机长, 太太)
    right before it, a speech verb or a person's title right after it, or names only (:func:`_is_made_of_names`); an
    organisation word or a legal form (GmbH) ends no person's name, and a Romance organisation's head starts none
    (Quinta da Serra Alta)."""
    if words[-1] in _NO_PERSON_LAST_WORDS or words[0] in LATIN_ORG_FIRST_WORDS:
        return False
    return (any(word in LATIN_PERSON_PARTICLES for word in words[1:-1])
            or any(_PERSON_HYPHEN_PREFIX.match(word) for word in words[1:])
            or (len(words) == 2 and words[1].lower() in pinyin_syllables())
            or (words[0] in LATIN_GIVEN_NAMES and _ORG_EVIDENCE_AFTER.match(text, match.end()) is None)
            or _ROLE_LABEL_BEFORE.search(text, 0, match.start()) is not None
            or _PERSON_NOUN_BEFORE.search(text, 0, match.start()) is not None
            or _cue_after(text, match.end())
            or _is_made_of_names(text, match, words))


def _is_made_of_names(text: str, match: re.Match, words: list[str]) -> bool:
    """Two or three capitalised words none of which is an English word or a place (Wietske Dijkstra; not Grey
    Willow, Oxford Ionics), alone: no Latin word beside it (an acronym, Coldvia NV), no organisation's cue after it and
    no class noun before it (品牌Grey Willow).  An organisation's Latin name is made of words, a person's of names."""
    parts = [part for word in words for part in word.split("-")]
    return (len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() for word in words)
            and not any(gazetteer.is_english_word(part) or gazetteer.is_latin_place(part) for part in parts)
            and _LATIN_NEIGHBOUR_AFTER.match(text, match.end()) is None
            and _LATIN_NEIGHBOUR_BEFORE.search(text, 0, match.start()) is None
            and _ORG_EVIDENCE_AFTER.match(text, match.end()) is None
            and _CLASS_BEFORE.search(text, 0, match.start()) is None)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every Mandarin syllable without its tone (huang, li): a given name + one of them is a person's name in
    Latin letters (Jensen Huang, Lisa Su)."""
    from pypinyin.constants import PINYIN_DICT

    toneless = (unicodedata.normalize("NFD", reading) for readings in PINYIN_DICT.values()
                for reading in readings.split(","))
    return frozenset("".join(c for c in reading if not unicodedata.combining(c)) for reading in toneless)


def document_types(sentences: list[Sentence]) -> dict[str, str]:
    """Names whose type in one sentence holds over their document: a Latin name the evidence makes a person
    (主持：Grace, Altman说) and its first or last word alone (Siti for Siti Rahmah, Baudry for Corentin Baudry), and a
    Chinese name the model or the rules make a place (关丹 after 在)."""
    model = [m for sentence in sentences for m in sentence.entities if m.source == "ner"]
    types = {m.text: "place" for m in model if m.type == "place" and has_han(m.text)}
    latin_people = {m.text for m in model if m.type == "person" and not has_han(m.text)}
    # a Latin person's first word alone is that person (Siti for Siti Rahmah), and so is the last (Baudry for Corentin
    # Baudry: round 13, a surname reused alone)
    alone = {part: "person" for name in latin_people for part in (name.split(" ")[0], name.split(" ")[-1])}
    return types | alone | dict.fromkeys(latin_people, "person")


def typed_over_document(sentences: list[Sentence], types: dict[str, str]) -> None:
    """Each name of ``types`` (:func:`document_types`) takes its type in every sentence of the document: a Latin
    person also where it was typed an organisation or a place by default (Grace 邀請…) or by the "read both ways"
    rule of the organisation side; a place where the model called it a person with no person evidence."""
    for sentence in sentences:
        sentence.entities = [replace(m, type=types[m.text]) if m.source == "ner" and m.text in types and (
            types[m.text] == "person" or (m.type == "person" and not has_person_evidence(m, sentence.zh))) else m
            for m in sentence.entities]
