"""Organisation names the model splits, trims, mistypes or misses, found by the grammar of official names.

An official name is a maximal run of name-like words (places, national words, nouns, the verbs that name fields of
activity, 和/与/及 between two fields) that ends with the head of a body (局, 署, 部, 厅, 委员会) or of an
institution (中心, 基金, 研究所): 湖南省工业和信息化厅, 投资推广署, 国家超级计算长沙中心.  The vocabulary is
language data (``curated/lang/zh.yaml``, ``organisations``); the words are jieba's on the model's input
(simplified), so offsets are the sentence's.  Each rule is one function:

* :func:`corpus.annotate.company_names.company_names` — the grammar of companies' names (a brand, industry words,
  a legal form), whose names may hold a registry place like official names;
* :func:`official_names` — the grammar above.  A body may be named without a place (投资推广署, 环境部); an
  institution only after a place, a national word or an organisation (研发中心 alone is a description), and after a
  bare place (no 省/市) with two words before its head (欧洲对冲基金 is a hedge fund in Europe).  A connective joins
  two fields, and a 、 list of fields it closes (旅游、艺术及文化委员会),
  never two names (环境部与卫生福利部, 深圳和广州市科技局: the word before it is a common noun).  A span
  holding a company word (公司市场部) or named by a company's functions alone (财务部) is a company's unit, and one
  after a count (67個國家重點實驗室) a category: no names.  The longest name wins: a place or an organisation
  inside it is no mention of its own (中国科学院上海药物研究所);
* :func:`without_glued_preposition`, :func:`without_funding_verb` — a preposition jieba glued to the name after it
  (由毅达资本), a Cantonese particle before a name (喺格拉斯哥藝術學院) and a funding verb the model glued to its end
  (深圳高新投领投, 玉衡创投投资) are cut off;
* :func:`with_investor_head` — a model organisation with one or two field words and an investor's head after it is
  one name (华夏开发资本: the model found 华夏);
* :func:`with_industry_words` — a model name (an organisation, a person without person evidence, a place no
  dictionary knows) followed by industry words is one company with them (安泰 + 航运, 贝洛尼 + 机械);
* :func:`typed_by_role` — a name followed by an organisation's role and a person's name is an organisation
  (楚芯微创始人符嘉楠: the model read 楚芯微 as a person);
* :func:`with_host_country` — a country right before a body named after another country (马来西亚 + 中国商会,
  越南 + 台湾商会联合总会) is part of its name: the body there; the model may have read the host with the home
  (比利时中国 + 商会);
* :func:`with_sub_body` — an association and the field and head of one of its committees or branches after it
  are one name (…行业协会 + 功率器件 + 分会);
* :func:`without_run_on` — a model organisation run on past its head into a verb ends with its head
  (…合作社 + 获州政府);
* :func:`names_a_people` — an organisation ending with a people's final (伊班族) is an ethnic group, no mention;
* :func:`with_place_before` — over a sentence's merged mentions: a body, an institution or an establishment named by
  common words carries the place right before it (玻璃市 + 椰糖合作社), one named from a proper name does not;
* :func:`typed_by_head` — a name the model read as a place that ends with a head no place ends with is an
  organisation (印尼中华总商会, 暹罗冷链仓储集团);
* :func:`corpus.annotate.shop_names.quoted_shops` — shops and stalls named in quotes (「根記燒臘」), like
  establishments;
* :func:`known_names` — over the document: a name the model read once as an organisation and once as a person
  is an organisation; a brand + industry-word company it found (翔鷹航太) names the brand alone too (翔鷹, a short
  form the article never defines); both are organisations wherever they occur
  (:func:`corpus.annotate.short_forms.with_short_forms` puts them in).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping

from corpus import lang
from corpus.annotate import gazetteer
from corpus.annotate.place_spans import ETHNONYM_FINALS
from corpus.annotate.company_names import brand_span, company_names, is_known_place, legal_form_end
from corpus.annotate.name_spans import (ADMINISTRATIVE_UNITS, Word, has_latin_legal_form, has_person_evidence,
                                        is_generic, legal_form_start, without_descriptions)
from corpus.annotate.ner import model_input
from corpus.annotate.org_edges import (FUNCTION_TAGS, NAME_HEADS, NATIONAL_WORDS, is_industry_word, org_edges,
                                      starts_with_home)
from corpus.annotate.org_heads import establishment_names, without_platforms
from corpus.annotate.shop_names import quoted_shops
from corpus.annotate.org_evidence import BRANCH_HEADS, NAME_CONNECTIVES, organisation_evidence, without_class_suffix
from corpus.lang import CLASSIFIERS, alternation, has_han
from corpus.lang.numerals import ZH_DIGITS, ZH_SMALL_UNITS, ZH_VAGUE_DIGITS
from corpus.model import Mention, Sentence

_ORGS = lang.data("zh")["organisations"]
BODY_HEADS = frozenset(_ORGS["body_heads"])
INSTITUTION_HEADS = frozenset(_ORGS["institution_heads"])
NAME_VERBS = frozenset(_ORGS["name_verbs"])
UNIT_OWNERS = frozenset(_ORGS["unit_owners"])
COMPANY_FUNCTIONS = frozenset(_ORGS["company_functions"])
ROLES = tuple(sorted(_ORGS["roles"], key=len, reverse=True))
GLUED_PREPOSITIONS = frozenset(_ORGS["glued_prepositions"])
LEADING_PARTICLES = frozenset(_ORGS["leading_particles"])
FUNDING_VERBS = tuple(_ORGS["funding_verbs"])
INVESTMENT_WORDS = tuple(_ORGS["investment_words"])
INVESTOR_HEADS = frozenset(_ORGS["investor_heads"])
INSTITUTION_FIELD_MIN_CHARS = _ORGS["institution_field_min_chars"]
CREATION_VERBS = frozenset(_ORGS["creation_verbs"])
UNMISTAKABLE_HEADS = tuple(_ORGS["unmistakable_heads"])
ASSOCIATION_HEADS = tuple(_ORGS["association_heads"])
SUB_BODY_HEADS = tuple(_ORGS["sub_body_heads"]) + BRANCH_HEADS
SPLIT_HEADS = tuple(_ORGS["split_heads"])
FIELD_PREFIXES = frozenset(_ORGS["field_prefixes"])
MISSION_VERBS = frozenset(_ORGS["mission_verbs"])
MAX_COMMITTEE_WORDS = 4  # a committee's field and head after its association: 低温 配送 专业 委员会
MAX_FIELD_WORDS = 2  # between an investor's name and its head (华夏 + 开发 + 资本)
# jieba's tags of words a name is built of: nouns, places, organisations, people (jieba reads 常德 and 玉衡 as
# names of people), abbreviations, attributes, idioms (发展局 is one)
NAME_PART_TAGS = frozenset(("n", "nz", "vn", "nt", "ns", "nr", "nrt", "nrfg", "j", "b", "l", "an", "ng"))
NAME_TAGS_OF_NAMES = frozenset(("ns", "nt", "nr", "nrt", "nrfg"))  # a place, an organisation, a person
MODIFIER_TAGS = frozenset(("a", "d", "t"))  # inside a name only, before one of its nouns
DESCRIBING_TAGS = MODIFIER_TAGS | {"b"}  # attributes: 主要, 大型
STRONG_START_TAGS = frozenset(("ns", "nt"))  # a place or an organisation starts a name
# a count right before a span (67個國家重點實驗室): a category of bodies, not a name
_COUNTED = re.compile("(?:[0-9]+|[" + "".join([*ZH_DIGITS, *ZH_SMALL_UNITS, *ZH_VAGUE_DIGITS]) + "]+) ?"
                      + alternation(CLASSIFIERS) + "$")
# heads of a body, an institution or an establishment, whose name of common words carries its place
PLACED_HEADS = tuple(sorted(BODY_HEADS | INSTITUTION_HEADS | frozenset(_ORGS["establishment_heads"]), key=len,
                            reverse=True))
ENUMERATION_COMMA = "、"
MAX_NAME_WORDS = 9  # the longest official name of the dev captures has seven words


def organisation_spans(mentions: list[Mention], words: list[Word], text: str, curated: list[Mention],
                       dictionary: Mapping[str, int]) -> tuple[list[Mention], list[Mention]]:
    """The model's (corrected) ``mentions`` with organisations typed by role, and the official names of ``text``,
    both with their edges moved (:mod:`corpus.annotate.org_edges`); ``curated``: the registry's and the rules'
    mentions; ``dictionary``: jieba's word frequencies."""
    read = model_input(text)
    corrected = [with_industry_words(with_investor_head(without_funding_verb(without_glued_preposition(
        without_run_on(mention, words, read), words), read), words, text), words, text) for mention in mentions]
    corrected = typed_by_head(typed_by_role(corrected, text), read)
    official = official_names(words, text, curated + corrected, dictionary)
    official += [without_class_suffix(without_glued_preposition(m, words), read, dictionary)
                 for m in company_names(words, text) if _fits_curated(m, curated)]
    corrected = without_platforms(organisation_evidence(corrected, words, text, read, curated, dictionary), read)
    corrected = [m for m in corrected if not names_a_people(m, read)]
    establishments = [m for m in establishment_names(words, text, read) + quoted_shops(words, text, read)
                      if _fits_curated(m, curated)]
    # the model's place or organisation inside an establishment's name is part of it (惠安 + 会馆 read as a place)
    corrected = [m for m in corrected if not any(e.start <= m.start and m.end <= e.end for e in establishments)]
    # a branch holds its region (…联盟新加坡分会), a body abroad its home (马来西亚中国商会): like an official name, it
    # may hold a registry place
    official += with_host_country(corrected + official, words, text, read)
    official += [m for m in corrected if read[m.start:m.end].endswith(BRANCH_HEADS)]
    corrected = [m for m in corrected if not read[m.start:m.end].endswith(BRANCH_HEADS)]

    def finished(found: list[Mention]) -> list[Mention]:
        # a rule's move may leave a description (深圳 + 一家企业 joined): its place alone is the mention
        return without_descriptions(org_edges(with_sub_body(found, words, text, read), words, text, dictionary),
                                    words, text)
    return finished(corrected), finished(official) + establishments


def official_names(words: list[Word], text: str, mentions: list[Mention],
                   dictionary: Mapping[str, int]) -> list[Mention]:
    """Official names in ``text`` (module docstring); ``mentions``: the registry's, the rules' and the model's, whose
    places and organisations may start a name; a span crossing a curated mention or holding a registered person is
    left out."""
    starts = {m.start for m in mentions if m.type in ("place", "org")}
    words = with_split_heads(words)
    found = []
    for index, word in enumerate(words):
        body = is_head(word, BODY_HEADS, dictionary)
        if not (body or is_head(word, INSTITUTION_HEADS, dictionary)):
            continue
        first = _name_start(words, index, starts, body, dictionary)
        if first is not None:
            start, end = words[first].start, word.end
            found.append(Mention(start, end, text[start:end], "org", source="ner"))
    curated = [m for m in mentions if m.source != "ner"]
    return [m for m in found if not (is_generic(m, text) or _COUNTED.search(text, 0, m.start))
            and _fits_curated(m, curated)]


def with_split_heads(words: list[Word]) -> list[Word]:
    """``words`` with each word and the single character after it joined where together they end with a head jieba
    cuts in two (水产 + 试验 + 所, 摊商 + 自治 + 会: ``split_heads``)."""
    joined: list[Word] = []
    for word in words:
        last = joined[-1] if joined else None
        if last is not None and len(word.text) == 1 and (last.text + word.text).endswith(SPLIT_HEADS):
            joined[-1] = Word(last.start, word.end, last.text + word.text, "n", None)
        else:
            joined.append(word)
    return joined


def is_head(word: Word, heads: frozenset[str], dictionary: Mapping[str, int]) -> bool:
    """A head, or a word that ends with one after a dictionary word of two characters or more (工业 + 局,
    农业 + 部; not 分部, 总部, 新格局)."""
    return word.text in heads or any(word.text.endswith(head) and len(word.text) - len(head) >= 2
                                     and bool(dictionary.get(word.text[:-len(head)])) for head in heads)


def _name_start(words: list[Word], head: int, starts: set[int], body: bool,
                dictionary: Mapping[str, int]) -> int | None:
    """The index of the word an official name ending at ``words[head]`` starts with, or None (no name)."""
    parts = _name_parts(words, head, dictionary)
    if any(words[index].text in UNIT_OWNERS for index in parts) or _is_department(words, parts, head):
        return None
    strong = next((index for index in parts if _is_strong_start(words[index], starts)), None)
    if strong is not None:
        first = words[strong]
        bare_place = (first.tag == "ns" and first.text not in NATIONAL_WORDS
                      and not first.text.endswith(ADMINISTRATIVE_UNITS))
        # an association is named by one word after a bare place (印华 + 百家姓 + 协会), an institution by two
        association = words[head].text.endswith(ASSOCIATION_HEADS)
        if head - strong - 1 >= (2 if bare_place and not (body or association) else 1):
            return strong
    if not body:  # an institution with no place at all (a bare place before too few words is a description)
        return parts[0] if strong is None and _is_named_institution(words, parts) else None
    # a body named without a place (or after a name the model cut from it: 金融 + 管理局): its field in words of its
    # own or in the head's word; one a verb makes is a new office, no name (设立 + 办事处)
    made = head > 0 and words[head - 1].text in CREATION_VERBS
    return parts[0] if parts else (head if words[head].text not in BODY_HEADS and not made else None)


def _is_named_institution(words: list[Word], parts: list[int]) -> bool:
    """An institution without a place is named by fields of several words' worth (再生能源发展基金), not made
    by a verb or counted by an amount before it (设立临床研究中心, 百亿元低空经济基金), nor described by an
    attribute, nor the object of a verb right before its head (专心经营合作社)."""
    if len(parts) < 2:
        return False
    fields = "".join(words[index].text for index in parts)
    before = words[parts[0] - 1] if parts[0] > 0 else None
    described = before is not None and (before.text in CREATION_VERBS or before.tag in ("m", "mq"))
    # a verb starts no name (建设大型数据中心), and 和 joins things in running text, not two fields of such a name
    # (战场和资料中心)
    clause = words[parts[0]].tag == "v" or words[parts[0]].text in CREATION_VERBS or any(
        words[index].text == "和" for index in parts)
    # a verb right before the head takes it as its object (专心 + 经营 + 合作社: running one), unless it names a field
    clause = clause or (words[parts[-1]].tag in ("v", "vn") and words[parts[-1]].text not in NAME_VERBS)
    # an attribute describes (世界主要科学中心), unless it names a field (自然保育)
    described = described or any(words[index].tag in DESCRIBING_TAGS and words[index].text not in NAME_VERBS
                                 for index in parts)
    return len(fields) >= INSTITUTION_FIELD_MIN_CHARS and not (described or clause)


def _is_department(words: list[Word], parts: list[int], head: int) -> bool:
    """A body named by a company's functions alone is a company's department (销售部, 财务部, 技术委员会)."""
    fields = [words[index].text for index in parts] or [next((words[head].text[:-len(h)] for h in BODY_HEADS
                                                              if words[head].text.endswith(h)), "")]
    return all(field in COMPANY_FUNCTIONS for field in fields)


def _is_strong_start(word: Word, starts: set[int]) -> bool:
    return word.tag in STRONG_START_TAGS or word.text in NATIONAL_WORDS or word.start in starts


def _name_parts(words: list[Word], head: int, dictionary: Mapping[str, int]) -> list[int]:
    """The indices of the name-like words right before ``words[head]``, leftmost first; a connective is taken
    between two fields (工业和信息化, 科技及工业局), never next to a name or after a head (环境部与…, 深圳和…,
    …科学系与中央研究院…)."""
    parts: list[int] = []
    index = head - 1
    while index >= 0 and head - index < MAX_NAME_WORDS:
        word = words[index]
        # jieba tags some common words as names (纳米 + 仿生): CC-CEDICT says they are common
        after_name = words[index + 1].tag in NAME_TAGS_OF_NAMES and not gazetteer.is_common_word(words[index + 1].text)
        connective = (word.text in NAME_CONNECTIVES and index > 0 and _is_field(words[index - 1], dictionary)
                      and not after_name)
        # an enumeration comma between fields of a list the name closes with a connective (旅游、艺术及文化委员会)
        enumerated = (word.text == ENUMERATION_COMMA and index > 0 and _is_field(words[index - 1], dictionary)
                      and not after_name and any(words[part].text in NAME_CONNECTIVES for part in parts))
        # a line break in a name is a hard wrap
        wrapped = word.text.isspace() and parts and index > 0 and _is_name_part(words[index - 1])
        # an attribute, an adverb or a time word right before a noun of the name (先进技术, 高速网路, 中期天气预报)
        # (an attribute before a field's verb too: 遥感应用中心; not an adverb: 国家将建设…中心)
        modifier = word.tag in MODIFIER_TAGS and has_han(word.text) and (
            words[index + 1].tag in ("n", "nz") or (word.tag == "a" and words[index + 1].text in NAME_VERBS))
        # a field's prefix (非 + 物质文化遗产), and a verb of station between two places (中国 + 驻 + 菲律宾 + 大使馆)
        prefix = word.text in FIELD_PREFIXES and bool(parts)
        stationed = (word.text in MISSION_VERBS and index > 0 and words[index - 1].tag == "ns"
                     and words[index + 1].tag == "ns")
        if not (_is_name_part(word) or connective or enumerated or wrapped or modifier or prefix or stationed):
            break
        parts.insert(0, index)
        index -= 1
    while parts and words[parts[0]].tag in MODIFIER_TAGS and not _is_name_part(words[parts[0]]):
        parts.pop(0)  # a modifier starts no name
    return parts


def _is_name_part(word: Word) -> bool:
    return has_han(word.text) and (word.tag in NAME_PART_TAGS or word.text in NAME_VERBS)


def _is_field(word: Word, dictionary: Mapping[str, int]) -> bool:
    """A common noun that names a field (工业, 海事, 经济, or a noun jieba does not know: 蚕业): not a place, an
    organisation or a person, nor a head (渠务署, a body jieba does not know, is not a field)."""
    heads = BODY_HEADS | INSTITUTION_HEADS
    unknown_noun = word.frequency is None and word.tag == "n" and not word.text.endswith(tuple(heads))
    return (_is_name_part(word) and word.tag not in NAME_TAGS_OF_NAMES and (word.frequency is not None or unknown_noun)
            and not is_head(word, heads, dictionary))


def _fits_curated(mention: Mention, curated: list[Mention]) -> bool:
    """No curated span crosses the name's edges, and no registered person is inside it."""
    for other in curated:
        if mention.overlaps(other.start, other.end):
            inside = mention.start <= other.start and other.end <= mention.end
            if not inside or other.type not in ("place", "org"):
                return False
    return True


def without_glued_preposition(mention: Mention, words: list[Word]) -> Mention:
    """An organisation without the preposition jieba's HMM glued to the unknown name it starts with (由毅达 + 资本),
    and a name of any type without a Cantonese particle jieba reads apart from it (喺 + 格拉斯哥藝術學院, 咗 + 西區)."""
    first = next((word for word in words if word.start == mention.start), None)
    particle = (mention.text[0] in LEADING_PARTICLES and len(mention.text) > 2
                and any(word.start == mention.start + 1 for word in words))
    glued = (mention.type == "org" and first is not None and first.frequency is None and len(first.text) >= 3
             and first.text[0] in GLUED_PREPOSITIONS)
    if not (particle or glued):
        return mention
    return replace(mention, start=mention.start + 1, text=mention.text[1:])


def names_a_people(mention: Mention, read: str) -> bool:
    """An organisation whose name ends with a people's final (伊班族, 华族: ``names: ethnonym_finals``) names an
    ethnic group, no body; ``read``: the sentence as the model read it (simplified)."""
    return mention.type == "org" and read[mention.end - 1:mention.end] in ETHNONYM_FINALS


def without_run_on(mention: Mention, words: list[Word], read: str) -> Mention:
    """An organisation the model ran on past its head into the clause after it (玻璃市椰糖合作社 + 获州政府: a verb
    right after the head) ends with its head, unless the words after the verb end with a head too (a committee of
    an association: …协会 + 疏浚专业委员会); ``read``: the sentence as jieba read it (simplified)."""
    heads = PLACED_HEADS + UNMISTAKABLE_HEADS
    inside = [word for word in words if mention.start <= word.start and word.end <= mention.end]
    for before, word in zip(inside, inside[1:]):
        if (mention.type == "org" and word.tag.startswith("v") and word.text not in NAME_VERBS
                and read[mention.start:before.end].endswith(heads)
                and not read[word.start:mention.end].endswith(heads)):
            return replace(mention, end=before.end, text=mention.text[:before.end - mention.start])
    return mention


def without_funding_verb(mention: Mention, read: str) -> Mention:
    """An organisation without a funding verb glued to its end (深圳高新投领投), or an investment word after an
    investor's head (玉衡创投投资); ``read``: the sentence as the model and jieba read it (simplified)."""
    name = read[mention.start:mention.end]
    verb = next((v for v in FUNDING_VERBS if name.endswith(v)), "")
    investment = next((w for w in INVESTMENT_WORDS if name.endswith(w)), "")
    if investment and any(name[:-len(investment)].endswith(head) for head in INVESTOR_HEADS):
        verb = investment
    if mention.type != "org" or not verb or len(name) - len(verb) < 2:
        return mention
    return replace(mention, end=mention.end - len(verb), text=mention.text[:-len(verb)])


def with_investor_head(mention: Mention, words: list[Word], text: str) -> Mention:
    """A model organisation followed by one or two field words and an investor's head is one name (华夏 + 开发 +
    资本: the model found 华夏)."""
    following = [word for word in words if word.start >= mention.end][:MAX_FIELD_WORDS + 1]
    if mention.type != "org" or not following or following[0].start != mention.end:
        return mention
    for count, word in enumerate(following):
        if count and word.text in INVESTOR_HEADS:
            return replace(mention, end=word.end, text=text[mention.start:word.end])
        if not (_is_name_part(word) and word.tag not in NAME_TAGS_OF_NAMES) or word.text in INVESTOR_HEADS:
            break
    return mention


def with_industry_words(mention: Mention, words: list[Word], text: str) -> Mention:
    """A model name followed by industry words, and a legal form or company head after them, is one company (安泰 +
    航运, 贝洛尼 + 机械, 青苗 + 书店: the model found the brand, as an organisation, a person with no person evidence
    or a place the dictionaries do not know); an industry word jieba reads as a verb is the clause's (开发), and a
    name that ends with a head is whole (…大学 + 工程系)."""
    name = model_input(text)[mention.start:mention.end]
    first = next((word for word in words if word.start == mention.start), None)
    # a place the model read with a verb or a function word in it (是 + 中老) is no brand
    place = mention.type == "place" and (_may_be_place(name) or first is None or first.tag in FUNCTION_TAGS
                                         or first.tag.startswith("v"))
    if ((mention.type == "person" and has_person_evidence(mention, text)) or name.endswith(NAME_HEADS) or place
            or mention.type not in ("org", "person", "place") or has_latin_legal_form(name)):
        return mention
    end = next((index for index, word in enumerate(words) if word.start == mention.end), None)
    if end is None or not is_industry_word(words[end].text) or words[end].tag.startswith("v"):
        return mention
    while end + 1 < len(words) and is_industry_word(words[end + 1].text) and not words[end + 1].tag.startswith("v"):
        end += 1
    end = legal_form_end(words, end)
    return replace(mention, end=words[end].end, text=text[mention.start:words[end].end], type="org")


def _may_be_place(name: str) -> bool:
    """Whether a model place starts with a place the gazetteer or CC-CEDICT knows (长江, 青海 + 牧区): no brand."""
    proper_nouns = gazetteer.dictionary().proper_nouns
    return any(is_known_place(name[:size]) or name[:size] in proper_nouns for size in range(2, len(name) + 1))


def typed_by_role(mentions: list[Mention], text: str) -> list[Mention]:
    """A name right before an organisation's role and a person's name is an organisation (楚芯微创始人符嘉楠)."""
    people = {m.start for m in mentions if m.type == "person"}
    typed = []
    for mention in mentions:
        role = next((r for r in ROLES if text.startswith(r, mention.end)), "")
        if mention.type == "person" and role and mention.end + len(role) in people:
            mention = replace(mention, type="org")
        typed.append(mention)
    return typed


def with_sub_body(mentions: list[Mention], words: list[Word], text: str, read: str) -> list[Mention]:
    """``mentions`` with each association run on to a committee or branch of a field right after it (module
    docstring); ``read``: the sentence as jieba read it (simplified)."""
    starting = {word.start: index for index, word in enumerate(words)}
    found = []
    for mention in mentions:
        first = starting.get(mention.end)
        if mention.type == "org" and first is not None and read[mention.start:mention.end].endswith(ASSOCIATION_HEADS):
            for word in words[first:first + MAX_COMMITTEE_WORDS]:
                tail = read[mention.end:word.end]
                head = next((h for h in SUB_BODY_HEADS if tail.endswith(h) and len(tail) - len(h) >= 2), "")
                if head:
                    mention = replace(mention, end=word.end, text=text[mention.start:word.end])
                    break
                if not _is_name_part(word) or word.tag in NAME_TAGS_OF_NAMES:
                    break
        found.append(mention)
    return found


def with_host_country(mentions: list[Mention], words: list[Word], text: str, read: str) -> list[Mention]:
    """The bodies named after a home country (module docstring) with the host country before them, as new
    mentions: the longer span wins over the host's place and the body alone when mentions are merged."""
    host_before = {word.end: word for word in words if gazetteer.is_country(word.text)}
    # jieba's organisations count as bodies too (中国商会, one word the model may pass over)
    bodies = mentions + [Mention(w.start, w.end, text[w.start:w.end], "org", source="ner")
                         for w in words if w.tag == "nt"]
    found = []
    for mention in bodies:
        host = host_before.get(mention.start)
        name = read[mention.start:mention.end]
        if mention.type == "org" and host is not None and starts_with_home(name) and name.endswith(UNMISTAKABLE_HEADS):
            found.append(Mention(host.start, mention.end, text[host.start:mention.end], "org", source="ner"))
    return found


def with_place_before(mentions: list[Mention], words: list[Word], text: str,
                      dictionary: Mapping[str, int]) -> list[Mention]:
    """``mentions`` (a sentence's, not overlapping) with each body or institution named by common words (燕窝 +
    合作社, 茶叶 + 研究中心) run on to the place right before it: a name of fields alone says whose it is by the
    place it carries (玻璃市 + 椰糖合作社, 马来西亚 + 可可与茶叶研究中心); one that starts with a proper name is
    complete without the place (英國 + 愛丁堡大學)."""
    read = model_input(text)
    first_words = {word.start: word for word in words}
    places = {m.end: m for m in mentions if m.type == "place"}
    pairs = [(places[m.start], m) for m in mentions
             if m.type == "org" and m.source == "ner" and m.start in places and m.start in first_words
             and read[m.start:m.end].endswith(PLACED_HEADS) and _is_field(first_words[m.start], dictionary)
             and not first_words[m.start].tag.startswith("v")]  # a verb first makes a clause (仙本那 + 经营潜水中心)
    parts = {id(part) for pair in pairs for part in pair}
    joined = [Mention(place.start, org.end, text[place.start:org.end], "org", source="ner") for place, org in pairs]
    return sorted([m for m in mentions if id(m) not in parts] + joined, key=lambda m: m.start)


def typed_by_head(mentions: list[Mention], read: str) -> list[Mention]:
    """A place with a head no place ends with and a name before it is an organisation (印尼中华 + 总商会);
    ``read``: the sentence as the model read it (simplified)."""
    return [replace(m, type="org") if m.type == "place" and any(
        read[m.start:m.end].endswith(head) and m.end - m.start > len(head) + 1 for head in UNMISTAKABLE_HEADS) else m
        for m in mentions]


def known_names(sentences: Iterable[Sentence], dictionary: Mapping[str, int]) -> set[str]:
    """The document's organisation names and brands, organisations wherever they occur (one mechanism for both):

    * a brand + industry-word company the model or a rule found (翔鷹航太, 碧涛海运) names the brand alone too (翔鷹,
      a short form the article never defines): the brand is the one registered names license
      (:func:`corpus.annotate.company_names.brand_span`, after the places that start the name), and one jieba's
      ``dictionary`` holds only if the model read it as a person somewhere in the document (峰飞 of 峰飞航空: the
      model's person is the brand);
    * a name the model read as a person that starts an organisation's name of the document is that organisation's
      brand (星澜 of 星澜航天);
    * a name the model read once as an organisation and once as a person, or as a place the gazetteer does not know
      (:func:`corpus.annotate.company_names.is_known_place`), is an organisation (by its role in one sentence,
      楚芯微创始人…, it is one in the others).

    A name inside another organisation the model found (星澜航天 in 星澜航天科技（宁波）有限公司) is left out, for it
    would take that organisation's place."""
    model = [m for sentence in sentences for m in sentence.entities if m.source == "ner"]
    organisations = {m.text for m in model if m.type == "org"}
    people = {m.text for m in model if m.type == "person"}
    unknown_places = {m.text for m in model if m.type == "place" and not is_known_place(model_input(m.text))}
    found = organisations & (people | unknown_places)
    found |= {name for person in people for organisation in organisations if organisation.startswith(person)
              and organisation != person for name in (person, organisation)}
    for sentence in sentences:
        read = model_input(sentence.zh)  # jieba's dictionary is simplified
        for mention in (m for m in sentence.entities if m.type == "org" and m.source == "ner"):
            name = read[mention.start:mention.end]
            if legal_form_start(name) < len(name):
                continue  # a registered name's short forms are company_short_forms'
            span = brand_span(name)
            brand = mention.text[slice(*span)] if span else ""
            if brand and (not dictionary.get(model_input(brand)) or brand in people):
                found |= {mention.text, brand}
    return {name for name in found if not any(name in other and name != other for other in organisations - found)}
