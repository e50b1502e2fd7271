"""Organisations by their neighbours: names with no organisation word, found by what stands around them.

A company named without 公司 or 集团 (景碩, 揖斐電, 友邦) is an organisation by the evidence of its sentence, and a
Latin word is no organisation where the sentence calls it a technology.  The vocabulary is language data
(``curated/lang/zh.yaml``, ``organisations``), compared on the model's input (simplified, same offsets).  Each rule
is one function over the spans of a sentence:

* :func:`listed_organisations` — the items of a list followed by 等 and a class of companies (景碩、南電與欣興等載板廠)
  or after a cue (客户包括A和B), and the agents of a company's verb (由A与B供应), are organisations when one item at
  least is a name (a mention, a word jieba does not know, single characters, Latin): a list of common words
  (电池、光伏等企业) names industries; places, common words and people with a surname as agents (由张明提供) stay
  what they are;
* :func:`bracketed_names` — a Latin name or an acronym in brackets right after a Han name is that name in Latin
  letters: both are organisations, unless the Latin is a person's name or the Han name a person's (陳詠詩（Ivy）);
  the Han name starts after a place, a class of companies or a function word (日本 + 揖斐電, 支付商 + 萊普德);
* :func:`hyphenated` — Latin names either side of a hyphen are one organisation (Hydro + - + Tek: the model and
  the Latin-name rule read two);
* :func:`acronyms` — two to five capitals with an organisation's role or cue after them (ÖBB的发言人);
* :func:`without_products` — a Latin name before a technology noun, after a usage verb, or before a product noun
  after an owner's 的, is a product or a technology (采用SoIC技术, 施泰德勒的Giruno列车), and so is one listed right
  before such a name;
* :func:`with_branch` — an organisation, a region and a branch head are one name (…联盟新加坡分会);
* :func:`federal_bodies` — a country, 联邦 and the nouns after it name a federal body (奥地利联邦铁路);
* :func:`without_class_suffix` — a class suffix the model glued to a name (设备商 + 弘鉅 read as 商弘鉅) is cut off;
* :func:`with_word_start` — a model organisation starting inside a word jieba does not know starts with it (力积 +
  电: the model found 积电);
* :func:`split_at_connective` — a model span joining two official names by a connective (…公署與…委員會) is two;
* :func:`dictionary_organisations` — an organisation jieba's dictionary knows by a long name ending with a head
  (经济合作与发展组织, 国际海事卫星组织) is one, whatever the model cut in it, with its branch (农业发展银行 +
  酒泉市 + 分行) and the national word the model read with it (中国 + 农业发展银行);
* :func:`with_acronym_after`, :func:`with_region_after` — an acronym (三星 + SDI) or a region with nothing of a name
  after it (LINE Pay + 台灣 + 也) right after an organisation is part of its name;
* :func:`is_description` — a model organisation of common words before a class noun (金融科技业者) describes a
  kind of company (a common word and a head alone may be a brand: 海豚资本).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping

from corpus import lang
from corpus.annotate import gazetteer
from corpus.annotate.org_edges import CLASS_NOUNS, NATIONAL_WORDS, OFFICIAL_HEADS, with_acronym
from corpus.annotate.name_spans import (LATIN_NAME, LIST_CONNECTIVES, ORG_CLASS_NOUNS, ORG_HEADS, Word,
                                        has_org_evidence, typed_by_coordination)
from corpus.lang import LATIN_LOWER, LATIN_UPPER, alternation, has_han, is_han
from corpus.model import Mention

_ORGS = lang.data("zh")["organisations"]
LIST_CLASS_HEADS = tuple(_ORGS["list_class_heads"])
LIST_CUES = tuple(_ORGS["list_cues"])
LIST_OPENERS = tuple(sorted(_ORGS["list_openers"], key=len, reverse=True))
AGENT_ITEM_MAX_CHARS: int = _ORGS["agent_item_max_chars"]
TECHNOLOGY_NOUNS = tuple(_ORGS["technology_nouns"])
PRODUCT_NOUNS = tuple(_ORGS["product_nouns"])
USAGE_VERBS = tuple(_ORGS["usage_verbs"])
BRANCH_HEADS = tuple(sorted(_ORGS["branch_heads"], key=len, reverse=True))
BRANCH_REGIONS = frozenset(_ORGS["branch_regions"])
FEDERAL_WORDS = tuple(_ORGS["federal_words"])
CLASS_SUFFIXES = frozenset(_ORGS["class_suffixes"])
# the connectives of lists that are words (、 is punctuation, read apart), longest first (以及 before 及); they also
# join two fields inside one body's name (工业和信息化厅, 海事及港务管理局)
NAME_CONNECTIVES = frozenset(c for c in LIST_CONNECTIVES if has_han(c))
CONNECTIVES = tuple(sorted(NAME_CONNECTIVES, key=len, reverse=True))
ROLES = frozenset(_ORGS["roles"])
PLACE_LIST_ENDS = tuple(lang.data("zh")["names"]["place_list_ends"])
MAX_CLASS_CHARS = 6  # before a class head after 等: 固态电池 + 企业, 材料供应 + 商
MAX_LIST_CHARS = 40  # a list runs back from 等 at most so far
MAX_ITEM_CHARS = 10
MAX_NAME_CHARS = 6  # a Han name before its Latin name in brackets
MAX_BODY_WORDS = 3  # after 联邦: 铁路, 交通局, 网络 + 管理局
MIN_DICTIONARY_NAME_CHARS = 6  # shorter nt words are classes or fragments (加工厂, 德国联邦)
MIN_SUFFIX_ACRONYM_CHARS = 3  # 华为 + AI is no name
_LIST_END = re.compile(f"等(?:(?!的)[{lang.HAN_CLASS}]{{0,{MAX_CLASS_CHARS}}}?){alternation(LIST_CLASS_HEADS)}")
_AGENT = re.compile(f"由([^由]{{2,{MAX_LIST_CHARS}}}?)(?:{alternation(_ORGS['agent_adverbs'])})?"
                    f"{alternation(_ORGS['agent_verbs'])}")
_LIST_STOPS = re.compile(r"[，。；：！？,;:!?（）()《》“”「」\n]")
_NOT_LATIN_BEFORE, _NOT_LATIN_AFTER = f"(?<![{LATIN_UPPER}{LATIN_LOWER}0-9])", f"(?![{LATIN_UPPER}{LATIN_LOWER}0-9])"
ACRONYM = re.compile(f"{_NOT_LATIN_BEFORE}[{LATIN_UPPER}]{{{_ORGS['acronym_min_chars']},{_ORGS['acronym_max_chars']}}}"
                     f"{_NOT_LATIN_AFTER}")
_LATIN_PART = re.compile(f"[{LATIN_UPPER}{LATIN_LOWER}0-9]+")  # a name or an acronym either side of a hyphen
_BRACKETED_LATIN = re.compile(f"[（(]({LATIN_NAME.pattern}|{ACRONYM.pattern})[）)]")
# function words a name before its bracketed Latin name starts after (与揖斐電, 的萊普德)
_NAME_STOPS = frozenset("的与和及是在由为从向对将也都或跟等之")
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "nz", "nt", "j"))


def organisation_evidence(mentions: list[Mention], words: list[Word], text: str, read: str,
                          curated: list[Mention], dictionary: Mapping[str, int]) -> list[Mention]:
    """``mentions`` (the model's, corrected, and the official names) with the rules of the module docstring
    applied; ``read``: the sentence as the model reads it; ``curated``: the registry's and the rules' mentions."""
    found = [kept for mention in mentions if not is_description(mention, words, read)
             for kept in split_at_connective(without_class_suffix(with_word_start(mention, words, text), read,
                                                                          dictionary), read)]
    found = [with_region_after(with_acronym(with_acronym_after(with_branch(mention, words, text, read), text), text),
                               words, text)
             for mention in without_products(found, read)]
    found = _with_places_kept(found, [with_branch(m, words, text, read)
                                      for m in dictionary_organisations(words, text, found + curated)], words, text)
    found += federal_bodies(words, text, read) + acronyms(text, found + curated)
    found = _with_places_kept(found, bracketed_names(words, text, read, found + curated, dictionary), words, text)
    found = typed_by_coordination(found, curated, text, words)  # again: the names above may type a list's items
    listed = listed_organisations(words, text, read, found + curated)
    return hyphenated(_with_places_kept(found, listed, words, text), text)


def _with_places_kept(mentions: list[Mention], organisations: list[Mention], words: list[Word],
                      text: str) -> list[Mention]:
    """``mentions`` less those the new ``organisations`` overlap, plus them; a place word (jieba's ``ns``) an
    overlapped mention started with, before the organisation, stays a place (荷蘭 of 荷蘭艾司摩爾), unless it is a
    national word right before it, which starts the organisation's name (中国 + 农业发展银行)."""
    kept = []
    for mention in mentions:
        over = [o for o in organisations if mention.overlaps(o.start, o.end)]
        if not over:
            kept.append(mention)
            continue
        place = next((w for w in words if w.start == mention.start and w.tag == "ns" and w.end <= over[0].start), None)
        if place is not None and place.text in NATIONAL_WORDS and place.end == over[0].start:
            organisations = [replace(o, start=place.start, text=text[place.start:o.end]) if o is over[0] else o
                             for o in organisations]
        elif place is not None:
            kept.append(Mention(place.start, place.end, text[place.start:place.end], "place", source="ner"))
    return kept + organisations


def listed_organisations(words: list[Word], text: str, read: str, mentions: list[Mention]) -> list[Mention]:
    """The items of lists of organisations (module docstring) as organisation mentions."""
    spans = [(_list_start(read, end.start()), end.start()) for end in _LIST_END.finditer(read)
             if not read.startswith(PLACE_LIST_ENDS, end.start())]  # 山东、河北等地的企业: places
    for cue in LIST_CUES:
        for match in re.finditer(re.escape(cue), read):
            stop = _LIST_STOPS.search(read, match.end())
            end = stop.start() if stop else len(read)
            spans.append((match.end(), read.find("等", match.end(), end) if "等" in read[match.end():end] else end))
    spans += [(match.start(1), match.end(1)) for match in _AGENT.finditer(read)
              if not _LIST_STOPS.search(match.group(1))]
    agents = {span for span in spans if read[span[0] - 1:span[0]] == "由"}
    people = [m for m in mentions if m.type == "person" and gazetteer.has_surname(m.text)]
    found = []
    for start, end in spans:
        # a person may supply too (由张明提供): an agent with a surname stays a person
        items = [item for item in _items(read, start, end) if item is not None
                 and ((start, end) not in agents or (item[1] - item[0] <= AGENT_ITEM_MAX_CHARS
                                                     and not any(p.overlaps(*item) for p in people)))]
        if not any(_is_name(item, words, mentions, text) for item in items):
            continue
        found += [Mention(s, e, text[s:e], "org", source="ner") for s, e in items
                  if _may_be_organisation((s, e), words, mentions, text)]
    return found


def _list_start(read: str, end: int) -> int:
    """Where a list ending at ``end`` starts: after the last stop before it, and after a list opener (上游的)."""
    start = max(end - MAX_LIST_CHARS, 0)
    stop = None
    for stop in _LIST_STOPS.finditer(read, start, end):
        pass
    start = stop.end() if stop else start
    for opener in LIST_OPENERS:
        at = read.rfind(opener, start, end)
        if at >= 0 and "、" not in read[start:at]:
            start = max(start, at + len(opener))
    # a connective before the first item opens the list (，与台达电、…; 目前正与安踏、…)
    first = read.find("、", start, end)
    openings = [at + len(c) for c in CONNECTIVES if (at := read.rfind(c, start, max(first, start))) >= 0]
    return max(openings, default=start)


def _items(read: str, start: int, end: int) -> list[tuple[int, int] | None]:
    """The items of ``read[start:end]``: apart by 、, the last two by a connective; None for one too long or
    short."""
    bounds, at = [], start
    for match in re.finditer("、", read[start:end]):
        bounds.append((at, start + match.start()))
        at = start + match.end()
    last = (at, end)
    for connective in CONNECTIVES:
        cut = read.find(connective, at + 2, end - 2 + 1)
        if cut >= 0 and end - cut - len(connective) >= 2:
            bounds += [(at, cut), (cut + len(connective), end)]
            break
    else:
        bounds.append(last)
    return [(s, e) if 2 <= len(read[s:e].strip()) <= MAX_ITEM_CHARS and read[s:e] == read[s:e].strip()
            and "等" not in read[s:e] else None for s, e in bounds]


def _is_name(item: tuple[int, int], words: list[Word], mentions: list[Mention], text: str) -> bool:
    """An item that is a name: an organisation or a person found in it, a word jieba does not know or single
    characters only (岚 + 拓: no word of the dictionary), words not all common (南亚 + 塑胶), Latin."""
    start, end = item
    inside = [w for w in words if start <= w.start and w.end <= end]
    return (any(m.type in ("org", "person") and start <= m.start and m.end <= end for m in mentions)
            or any(w.frequency is None and has_han(w.text) for w in inside)
            or (len(inside) > 1 and all(len(w.text) == 1 for w in inside))
            or (len(inside) > 1 and not all(_is_common(w) for w in inside))
            or LATIN_NAME.fullmatch(text[start:end]) is not None)


def _may_be_organisation(item: tuple[int, int], words: list[Word], mentions: list[Mention], text: str) -> bool:
    """Not a place (a place mention or jieba's ``ns`` word is the item), not one common word (育种) nor common
    words alone (目前正; common words and a head are a brand: 天赐材料) unless the model or a rule found a name there,
    and not crossing a curated span."""
    start, end = item
    name = text[start:end]
    if any(m.type == "place" and m.start == start and m.end == end for m in mentions):
        return False
    if any(m.source not in ("ner",) and m.overlaps(start, end) and not (start <= m.start and m.end <= end)
           for m in mentions):
        return False
    single = [w for w in words if w.start == start and w.end == end]
    if single and single[0].tag == "ns":
        return False
    found_here = any(m.type in ("org", "person") and m.overlaps(start, end) for m in mentions)
    inside = [w for w in words if start <= w.start and w.end <= end]
    common = (bool(single) and single[0].frequency is not None and single[0].tag not in _NAME_TAGS) or (
        # 芯 + 邑 is a name, and so is a common word before a head (天赐 + 材料, as 海豚 + 资本)
        len(inside) > 1 and all(_is_common(w) and len(w.text) > 1 for w in inside) and inside[-1].text not in ORG_HEADS)
    return found_here or not (common or gazetteer.is_place(name))


def bracketed_names(words: list[Word], text: str, read: str, mentions: list[Mention],
                    dictionary: Mapping[str, int]) -> list[Mention]:
    """Han names followed by their Latin name or acronym in brackets, and the acronyms, as organisations."""
    found = []
    for match in _BRACKETED_LATIN.finditer(text):
        latin_start, latin_end = match.span(1)
        if any(m.type == "person" and m.overlaps(latin_start, latin_end) for m in mentions):
            continue
        named = next((m for m in mentions if m.type == "org" and m.end == match.start()), None)
        start = named.start if named else _name_start(words, read, match.start(), mentions, dictionary)
        if start is None or any(m.type == "person" and m.overlaps(start, match.start()) for m in mentions):
            continue
        if named is None:
            found.append(Mention(start, match.start(), text[start:match.start()], "org", source="ner"))
        if ACRONYM.fullmatch(match.group(1)):
            found.append(Mention(latin_start, latin_end, match.group(1), "org", source="ner"))
    return found


def _name_start(words: list[Word], read: str, end: int, mentions: list[Mention],
                dictionary: Mapping[str, int]) -> int | None:
    """Where the Han name ending at ``end`` starts: after a place, a class of companies or a function word, two to
    :data:`MAX_NAME_CHARS` characters back; None where no such edge is found."""
    place_ends = {w.end for w in words if w.tag == "ns"} | {m.end for m in mentions if m.type == "place"
                                                           and m.end < end}
    start = end
    while start > 0 and end - start <= MAX_NAME_CHARS:
        edge = (not is_han(read[start - 1]) or read[start - 1] in _NAME_STOPS or start in place_ends
                or read.endswith(tuple(ORG_CLASS_NOUNS), 0, start) or _class_suffix_ends(read, start, dictionary))
        if edge:
            return start if end - start >= 2 else None
        start -= 1
    return None


def _class_suffix_ends(read: str, offset: int, dictionary: Mapping[str, int]) -> bool:
    """A class of companies ends at ``offset``: a dictionary word of two characters and a class suffix (支付 + 商)."""
    return offset >= 3 and read[offset - 1] in CLASS_SUFFIXES and bool(dictionary.get(read[offset - 3:offset - 1]))


def hyphenated(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` with each run of Latin names joined by hyphens (Hydro-Tek, OCC-Sys) as one organisation."""
    found: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        last = found[-1] if found else None
        if (last is not None and last.type in ("org", "place", "person") and mention.type in ("org", "place", "person")
                and mention.start == last.end + 1 and text[last.end] == "-"
                and _LATIN_PART.fullmatch(last.text) and _LATIN_PART.fullmatch(mention.text)):
            found[-1] = replace(last, end=mention.end, text=text[last.start:mention.end], type="org")
        else:
            found.append(mention)
    return found


def acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Acronyms with an organisation's role or cue right after them (ÖBB的发言人), not inside another mention."""
    found = []
    for match in ACRONYM.finditer(text):
        mention = Mention(match.start(), match.end(), match.group(), "org", source="ner")
        if (match.group() not in ROLES and has_org_evidence(mention, text)
                and not any(m.overlaps(match.start(), match.end()) for m in mentions)):
            found.append(mention)
    return found


def without_products(mentions: list[Mention], read: str) -> list[Mention]:
    """``mentions`` less the Latin organisations that name a product or a technology (module docstring)."""
    products = {m.start for m in mentions if m.type == "org" and LATIN_NAME.fullmatch(m.text) and _is_product(m, read)}
    for mention in sorted(mentions, key=lambda m: -m.start):  # listed right before a product: a product
        after = read[mention.end:]
        connective = next((c for c in ("、", *CONNECTIVES) if after.startswith(c)), None)
        if (mention.type == "org" and LATIN_NAME.fullmatch(mention.text) and connective
                and mention.end + len(connective) in products):
            products.add(mention.start)
    return [m for m in mentions if not (m.type == "org" and m.start in products)]


def _is_product(mention: Mention, read: str) -> bool:
    after, before = read[mention.end:].lstrip(" "), read[:mention.start].rstrip(" ")
    return (after.startswith(TECHNOLOGY_NOUNS) or before.endswith(USAGE_VERBS)
            or (after.startswith(PRODUCT_NOUNS) and before.endswith("的")))


def with_branch(mention: Mention, words: list[Word], text: str, read: str) -> Mention:
    """An organisation followed by a region (a place word, a direction word, or none) and a branch head is one name
    with them."""
    if mention.type != "org":
        return mention
    at = mention.end
    place = next((w for w in words if w.start == at and (w.tag == "ns" or w.text in BRANCH_REGIONS)), None)
    if place is not None:
        at = place.end
    head = next((h for h in BRANCH_HEADS if read.startswith(h, at)), None)
    if head is None:
        return mention
    return replace(mention, end=at + len(head), text=text[mention.start:at + len(head)])


def federal_bodies(words: list[Word], text: str, read: str) -> list[Mention]:
    """A country (a proper noun of CC-CEDICT jieba tags as a place), a federal word and up to
    :data:`MAX_BODY_WORDS` nouns after it, as one organisation."""
    found = []
    proper = gazetteer.dictionary().proper_nouns
    for federal in FEDERAL_WORDS:
        for match in re.finditer(federal, read):
            country = next((w for w in words if w.tag in ("ns", "nt") and w.start < match.start() <= w.end
                            and read[w.start:match.start()] in proper), None)
            nouns = [w for w in words if w.start >= match.end()][:MAX_BODY_WORDS]
            end = match.end()
            for noun in nouns:
                if noun.start != end or noun.tag not in ("n", "nz", "vn", "nt", "j") or not has_han(noun.text):
                    break
                end = noun.end
            if country is not None and end > match.end():
                found.append(Mention(country.start, end, text[country.start:end], "org", source="ner"))
    return found


def without_class_suffix(mention: Mention, read: str, dictionary: Mapping[str, int]) -> Mention:
    """A name without the class suffix the model glued to its start (设备商 + 弘鉅 read as 商弘鉅)."""
    if (mention.source == "ner" and len(mention.text) >= 3
            and _class_suffix_ends(read, mention.start + 1, dictionary)):
        return replace(mention, start=mention.start + 1, text=mention.text[1:])
    return mention


def split_at_connective(mention: Mention, read: str) -> list[Mention]:
    """A model span of two names joined by a connective after an organisation head is the two names."""
    name = read[mention.start:mention.end]
    if mention.type != "org" or mention.source != "ner":
        return [mention]
    for connective in CONNECTIVES:
        at = name.find(connective)
        if at >= 2 and name[:at].endswith((*OFFICIAL_HEADS, *ORG_HEADS)) and len(name) - at - len(connective) >= 2:
            cut = mention.start + at
            return [replace(mention, end=cut, text=mention.text[:at]),
                    replace(mention, start=cut + len(connective), text=mention.text[at + len(connective):])]
    return [mention]


def dictionary_organisations(words: list[Word], text: str, mentions: list[Mention]) -> list[Mention]:
    """jieba's dictionary organisations (``nt``, a known word) of :data:`MIN_DICTIONARY_NAME_CHARS` characters or
    more ending with an organisation head, where no curated span crosses them."""
    heads = (*OFFICIAL_HEADS, *ORG_HEADS)
    found = []
    for word in words:
        if (word.tag == "nt" and word.frequency is not None and len(word.text) >= MIN_DICTIONARY_NAME_CHARS
                and word.text.endswith(heads) and not any(m.source != "ner" and m.overlaps(word.start, word.end)
                                                          for m in mentions)):
            found.append(Mention(word.start, word.end, text[word.start:word.end], "org", source="ner"))
    return found


def with_acronym_after(mention: Mention, text: str) -> Mention:
    """An organisation with an acronym of three capitals or more right after it, ending a word (三星 + SDI)."""
    match = ACRONYM.match(text, mention.end)
    after = text[match.end():match.end() + 1] if match else ""
    if (mention.type != "org" or match is None or len(match.group()) < MIN_SUFFIX_ACRONYM_CHARS
            or not (not after or after in _NAME_STOPS or not (is_han(after) or after.isalnum()))):
        return mention
    return replace(mention, end=match.end(), text=text[mention.start:match.end()])


def with_region_after(mention: Mention, words: list[Word], text: str) -> Mention:
    """An organisation with no head of its own and a place word right after it, followed by an adverb or a verb
    (LINE Pay + 台灣 + 也宣布): its arm there is one name."""
    place = next((w for w in words if w.start == mention.end and w.tag == "ns"), None)
    after = next((w for w in words if place is not None and w.start == place.end), None)
    if (mention.type != "org" or place is None or after is None or after.tag not in ("d", "v")
            or mention.text.endswith((*OFFICIAL_HEADS, *ORG_HEADS))):
        return mention
    return replace(mention, end=place.end, text=text[mention.start:place.end])


def is_description(mention: Mention, words: list[Word], read: str) -> bool:
    """A model organisation of two common words or more with a class noun after it."""
    inside = [w for w in words if mention.start <= w.start and w.end <= mention.end]
    if mention.type != "org" or mention.source != "ner" or len(inside) < 2 or not all(_is_common(w) for w in inside):
        return False
    return read.startswith(tuple(CLASS_NOUNS), mention.end)


def _is_common(word: Word) -> bool:
    """A common word: CC-CEDICT has it with no proper reading, or jieba knows it and not as a name."""
    return has_han(word.text) and word.tag not in (*_NAME_TAGS, "ns") and (gazetteer.is_common_word(word.text) or (
        word.frequency is not None and word.text not in gazetteer.dictionary().proper_nouns))


def with_word_start(mention: Mention, words: list[Word], text: str) -> Mention:
    """A model organisation that starts inside a Han word jieba does not know starts where that word does."""
    word = next((w for w in words if w.start < mention.start < w.end), None)
    if (mention.type != "org" or word is None or word.frequency is not None or not has_han(word.text)
            or any(c in _NAME_STOPS for c in text[word.start:mention.start])):  # 和 + 隆平: a connective
        return mention
    return replace(mention, start=word.start, text=text[word.start:mention.end])
