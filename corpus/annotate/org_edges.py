"""Where an organisation's name starts and ends: a university's school, an affiliated hospital, a country before a
foreign institution, a description, a Latin name led by an acronym.

The model and the grammar of :mod:`corpus.annotate.org_spans` find spans; these rules move their edges by the
evidence of jieba's words (tags, dictionary frequencies) and CC-CEDICT, with the vocabulary in
``curated/lang/zh.yaml`` (``organisations``).  Each rule is one function over the spans of a sentence:

* :func:`school_tails` — a department, school or faculty after a university is no part of the name: the university
  is the mention (湘潭大学化学系, 中南大学冶金与环境学院, a school named after a person: the university), and no
  mention inside the tail stands on its own; a department alone (生物工艺系) is no organisation;
* :func:`affiliated_hospitals` — a hospital affiliated to a university is one name, whatever the model cut in it
  (X大学附属Y医院, X大學醫學院附設Y醫院);
* :func:`without_possessive` — a place, 的 and a name read as one organisation are two mentions (日本的 + ACSL), and a
  place, 的 and common words with a head a place and a description (倫敦嘅 + 設計學院);
* :func:`without_country` — a place before a foreign institution whose own name is complete without it is a place
  and an organisation (以色列 + 魏茨曼科学研究所): the rest starts with a proper name or a brand jieba cut into
  characters (:func:`leading_brand`: 丹麦 + 诺维 + 达 + 集团), not a common word, so
  names that hold their country stay whole (韩国电力公社, 挪威科技大学, 越南国家农业银行); so do a body of one
  country in another (马来西亚 + 中国商会, 越南 + 台湾商会联合总会: the rest starts with a country) and a country's
  public body named by one word (坦桑尼亚 + 税务局); :func:`without_country_in_word` — the same for a university
  jieba knows as one word with its country (英国 + 剑桥大学);
* :func:`described_place` — a place and a class noun is a description, the place its mention (美国公司, 韩国企业,
  and common words before the class noun after a country, before the Latin name they describe:
  挪威船舶设计公司NSDK);
  an organisation span of common words and a class noun (鱼粉厂) is none, unless it ends with a legal form
  (瀚海新电信股份有限公司: a description is never registered).  A country the model typed as an
  organisation stays one: CC-CEDICT glosses a country and a brand alike (Malaysia, IKEA);
* :func:`with_acronym` — a Latin name after an acronym and a space is one organisation (NEO Ventures: the model
  and the Latin-name rule see only Ventures);
* :func:`is_generic_phrase` — a span of industry words alone (冷链物流), of an attribute and industry words (独立 +
  书店) or of common words with neither a head nor an industry word (政府, 草原) names no organisation.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Mapping

from corpus import lang
from corpus.annotate import gazetteer
from corpus.annotate.name_spans import (ADMINISTRATIVE_UNITS, NAME_TAGS, ORG_HEADS, Word, has_org_evidence, is_common,
                                        legal_form_start, name_prefix)
from corpus.lang import LATIN_LOWER, LATIN_UPPER, has_han, is_han
from corpus.model import Mention

_ORGS = lang.data("zh")["organisations"]
SCHOOL_HEADS = frozenset(_ORGS["school_heads"])
DEPARTMENT_HEADS = tuple(_ORGS["department_heads"])
UNIVERSITIES = tuple(_ORGS["universities"])
AFFILIATIONS = frozenset(_ORGS["affiliations"])
POSSESSIVES = frozenset(_ORGS["possessives"])
HOSPITAL_HEADS = tuple(_ORGS["hospital_heads"])
NATIONAL_WORDS = frozenset(_ORGS["national_words"])
DESCRIPTION_HEADS = frozenset(_ORGS["description_heads"])
OFFICIAL_HEADS = tuple(_ORGS["body_heads"] + _ORGS["institution_heads"])
_BODY_HEADS = tuple(_ORGS["body_heads"])
HOME_WORDS = NATIONAL_WORDS | frozenset(_ORGS["home_words"])
MAX_COUNTRY_CHARS = 5  # 马来西亚, 坦桑尼亚, 沙特阿拉伯
CLASS_NOUNS = DESCRIPTION_HEADS | frozenset(lang.data("zh")["names"]["org_class_nouns"])
INDUSTRY_WORDS = frozenset(_ORGS["industry_words"]) | ORG_HEADS
# heads a name of common words may end with (蚂蚁集团, 海豚资本, 成功大学, 环境部): no generic phrase
NAME_HEADS = tuple({*_ORGS["company_heads"], *_ORGS["investor_heads"], *_ORGS["unmistakable_heads"], *OFFICIAL_HEADS,
                    *UNIVERSITIES, *SCHOOL_HEADS, *HOSPITAL_HEADS})
ATTRIBUTE_TAGS = frozenset(("a", "ad", "an", "b", "v"))  # adjectives, attributes and verbs: 大型, 独立
MAX_EDGE_PASSES = 8  # a bound, not a tuned value: the moves settle within two or three passes
MIN_BRAND_CHARS, MAX_BRAND_CHARS = 2, 4  # a brand after its country (大韩, 诺维达, 赫尔斯特)
BRAND_TAGS = frozenset(("nz", "j"))  # jieba's other names and abbreviations
FUNCTION_TAGS = frozenset(("p", "c", "u", "uj", "ul", "ud", "uz", "ug", "uv", "d", "r", "m", "q", "x", "y", "e"))
MAX_TAIL_WORDS = 7  # a school's name after its university: 海洋 环境 及 工程 学系, a person's name + 学院
MAX_HOSPITAL_WORDS = 5  # after 附属: 第一 医院, 中 和 纪念 医院
_LETTERS = LATIN_UPPER + LATIN_LOWER  # the letters name_spans reads Latin names with (Ø, ł)
_ACRONYM_BEFORE = re.compile(f"(?<![{_LETTERS}0-9])[{LATIN_UPPER}][{LATIN_UPPER}0-9&]+ $")
_LATIN_NAME = re.compile(f"[{_LETTERS}][{_LETTERS}0-9&.' -]*")
_NAME_TAGS = frozenset(tag for tag, kind in NAME_TAGS.items() if kind is not None)  # a person, place, organisation


def org_edges(mentions: list[Mention], words: list[Word], text: str,
              dictionary: Mapping[str, int]) -> list[Mention]:
    """``mentions`` with the edges of the module docstring moved; ``words``: jieba's words of the sentence;
    ``dictionary``: jieba's word frequencies."""
    hospitals = affiliated_hospitals(words)
    tails = school_tails(words, dictionary, hospitals)
    # one move can expose another (a class noun cut leaves a country before a name, a school cut leaves a class
    # noun), so the moves repeat until no edge moves; every move shrinks, splits or drops a span, or joins what
    # its neighbour holds, so this ends within a few passes
    for _ in range(MAX_EDGE_PASSES):
        moved = _edges_moved_once(mentions, words, text, hospitals, tails)
        if moved == mentions:
            break
        mentions = moved
    return mentions


def _edges_moved_once(mentions: list[Mention], words: list[Word], text: str, hospitals: list[tuple[int, int]],
                      tails: list[tuple[Word, int]]) -> list[Mention]:
    found = [kept for mention in mentions for possessed in without_possessive(with_acronym(mention, text), words)
             for apart in without_country(possessed, words) for kept in without_country_in_word(apart, words)]
    found = [kept for mention in found for kept in described_place(mention, words)
             if not is_generic_phrase(kept, words, text)]
    return with_hospitals(without_tails(found, tails, text), hospitals, text)


def school_tails(words: list[Word], dictionary: Mapping[str, int],
                 hospitals: Iterable[tuple[int, int]] = ()) -> list[tuple[Word, int]]:
    """``(the university's word, end of its school)`` for each school, department or faculty after a university
    (南京大学 + 医学院, 东南大学 + 吴健雄 + 学院); a school before an affiliated hospital names the hospital."""
    hospital_starts = {start for start, _ in hospitals}
    tails = []
    for index, word in enumerate(words):
        if not _is_school_head(word, dictionary) or word.end in hospital_starts:
            continue
        first = index
        # another school, department or organisation ends no tail's inside (…科学系与中央研究院…中心, …系与中国科学院
        # …研究所: two names)
        while (first > 0 and index - first < MAX_TAIL_WORDS and _in_school_name(words[first - 1])
               and not _is_school_head(words[first - 1], dictionary)
               and not (words[first - 1].tag == "nt" and not words[first - 1].text.endswith(UNIVERSITIES))):
            first -= 1
            if words[first].text.endswith(UNIVERSITIES):
                tails.append((words[first], word.end))
                break
    return tails


def _is_school_head(word: Word, dictionary: Mapping[str, int]) -> bool:
    """A school's head (学院, 医学院), or a word ending with one after a dictionary word (药学院, 化学系, 工程学系); a
    one-character head takes a word of two characters or more before it (not 关系, 体系)."""
    return word.text in SCHOOL_HEADS or any(word.text.endswith(head) and len(word.text) - len(head) >= 3 - len(head)
                                            and bool(dictionary.get(word.text[:-len(head)]))
                                            for head in (*SCHOOL_HEADS, *DEPARTMENT_HEADS))


def _in_school_name(word: Word) -> bool:
    """A word a school's name is made of: Han and no punctuation (fields, 与/及 between them, a person's name)."""
    return has_han(word.text) and word.tag != "x" and word.text not in ("的", "和")  # 和 lists two schools


def without_tails(mentions: list[Mention], tails: list[tuple[Word, int]], text: str) -> list[Mention]:
    """Mentions cut at the university before a school (the tail is no name), those inside a tail left out, and the
    university jieba knows as a word (中山大学) where no mention holds it, with its name prefix (國立); a department
    alone (an organisation ending with a department's head) is no organisation."""
    kept = []
    for mention in mentions:
        for university, tail_end in tails:
            if mention.start < university.end < mention.end <= tail_end:
                mention = replace(mention, end=university.end, text=text[mention.start:university.end])
        if any(university.end <= mention.start < tail_end for university, tail_end in tails):
            continue
        department = mention.text.endswith(DEPARTMENT_HEADS) and not mention.text.endswith(UNIVERSITIES)
        if mention.type == "org" and department:
            continue
        kept.append(mention)
    for university, _ in tails:
        if university.text not in UNIVERSITIES and not any(m.overlaps(university.start, university.end) for m in kept):
            start = university.start - len(name_prefix(text, university.start))
            kept.append(Mention(start, university.end, text[start:university.end], "org", source="ner"))
    return kept


def affiliated_hospitals(words: list[Word]) -> list[tuple[int, int]]:
    """``(start of 附属, end of the hospital)`` for each hospital named as affiliated to what comes before it."""
    found = []
    for index, word in enumerate(words):
        if word.text not in AFFILIATIONS:
            continue
        for after in words[index + 1:index + 1 + MAX_HOSPITAL_WORDS]:
            if not has_han(after.text) or after.tag == "x" or after.text == "的":
                break
            if after.text.endswith(HOSPITAL_HEADS):
                found.append((word.start, after.end))
                break
    return found


def with_hospitals(mentions: list[Mention], hospitals: list[tuple[int, int]], text: str) -> list[Mention]:
    """The organisation before ``附属`` runs to the hospital's end; mentions inside the hospital's name go."""
    kept = []
    for mention in mentions:
        for start, end in hospitals:
            if mention.type == "org" and mention.start < start <= mention.end < end:
                mention = replace(mention, end=end, text=text[mention.start:end])
        if not any(start <= mention.start < end for start, end in hospitals):
            kept.append(mention)
    return kept


def without_country(mention: Mention, words: list[Word]) -> list[Mention]:
    """A place and a foreign institution complete without it, as two mentions (德国 + 亚琛工业大学, 丹麦 + 沃旭能源
    the model typed a place); one whose rest starts with a common word is one name (韩国电力公社)."""
    inside = [word for word in words if mention.start <= word.start and word.end <= mention.end]
    if mention.type not in ("org", "place") or len(inside) < 2 or inside[0].start != mention.start:
        return [mention]
    place, rest = inside[0], inside[1]
    # a country: CC-CEDICT glosses a province or a region with its kind (河南, 台湾: a company registered there
    # holds its name, 河南秋乐种业), a country by its name alone (德国 + 拜耳)
    is_country = (place.tag == "ns" and place.text in gazetteer.dictionary().proper_nouns
                  and not gazetteer.is_glossed_place(place.text)
                  and place.text not in NATIONAL_WORDS and not place.text.endswith(ADMINISTRATIVE_UNITS))
    # a word ending with a head is a class of institutions (海洋大学, 农业大学), no name of its own; an industry
    # word jieba calls a proper noun (锂业) neither; a brand jieba cut into characters is a name (大 + 韩 + 精密集团)
    proper = (rest.tag in _NAME_TAGS and len(rest.text) > 1 and not gazetteer.is_common_word(rest.text)
              and not _has_org_head(rest.text)) or bool(leading_brand(inside[1:]))
    # a university jieba knows as one word, named after a place or a proper name (英国 + 爱丁堡大学)
    proper = proper or (rest.end == mention.end and is_named_university(rest.text))
    # a body of one country in another (越南 + 台湾商会…) names its host; a country's body of one word (税务局) is
    # named by its country
    home_country = starts_with_home(rest.text)
    country_body = rest.end == mention.end and rest.text.endswith(_BODY_HEADS) and len(rest.text) > 2
    if (not (is_country and proper and has_han(rest.text)) or home_country or country_body
            or is_city_university(place.text, inside[1:])):
        return [mention]
    name = mention.text[rest.start - mention.start:]
    if mention.type == "place" and not _has_org_head(name):
        return [mention]
    return [Mention(place.start, place.end, mention.text[:place.end - mention.start], "place", source=mention.source),
            Mention(rest.start, mention.end, name, "org", source=mention.source)]


def is_city_university(place: str, rest: list[Word]) -> bool:
    """Whether ``place`` is a city (no country, province or region: 香港, 澳门) whose university ``rest`` (its words,
    perhaps with a school after it) carries it in its name (香港 + 恒生 + 大学): one named after a place (湘潭大学) is
    complete without its province, and one jieba knows as a word (暨南大学) without the city it is in."""
    words = next(([*rest[:index], word] for index, word in enumerate(rest) if word.text in UNIVERSITIES), [])
    named = "".join(word.text for word in words[:-1])
    return (len(words) > 1 and not (gazetteer.is_region(place) or gazetteer.is_country(place))
            and not gazetteer.is_place(named))


def without_country_in_word(mention: Mention, words: list[Word]) -> list[Mention]:
    """A university jieba knows as one word with its country before a place's or a proper name (英国 + 剑桥大学,
    日本 + 东京大学): the country is a place of its own, as :func:`without_country` makes it where jieba cut the
    words; one named by common words after its country stays whole (美国天主教大学)."""
    word = next((w for w in words if w.start == mention.start and w.end == mention.end), None)
    if mention.type != "org" or word is None or word.tag != "nt" or not word.text.endswith(UNIVERSITIES):
        return [mention]
    size = next((size for size in range(MAX_COUNTRY_CHARS, 1, -1) if gazetteer.is_country(word.text[:size])), 0)
    if not size or word.text[:size] in NATIONAL_WORDS or not is_named_university(word.text[size:]):
        return [mention]
    cut = mention.start + size
    return [Mention(mention.start, cut, mention.text[:size], "place", source=mention.source),
            Mention(cut, mention.end, mention.text[size:], "org", source=mention.source)]


def is_named_university(name: str) -> bool:
    """A university named after a place or by a proper name (剑桥大学, 悉尼大学), not by common words (农业大学)."""
    head = next((head for head in UNIVERSITIES if name.endswith(head)), "")
    named = name[:-len(head)] if head else ""
    return len(named) >= MIN_BRAND_CHARS and (named in gazetteer.dictionary().proper_nouns
                                              or gazetteer.is_glossed_place(named))


def leading_brand(rest: list[Word]) -> str:
    """The brand that starts ``rest`` (the words of a company's name after its country), up to its industry words or
    head: two to four characters of words jieba does not know, tags as names or cut into single characters (an
    unknown name: 诺维 + 达 + 集团, 大 + 韩 + 精密), not a common word nor a place; "" if none (电力 + 公社)."""
    brand: list[Word] = []
    for word in rest:
        if is_industry_word(word.text) or word.text in CLASS_NOUNS or _has_org_head(word.text):
            break
        brand.append(word)
    name = "".join(word.text for word in brand)
    unknown = all(len(word.text) == 1 or word.frequency is None or word.tag in _NAME_TAGS or word.tag in BRAND_TAGS
                  for word in brand)
    sized = MIN_BRAND_CHARS <= len(name) <= MAX_BRAND_CHARS and all(is_han(character) for character in name)
    return name if (len(brand) < len(rest) and sized and unknown and not gazetteer.is_common_word(name)
                    and not gazetteer.is_glossed_place(name) and not any(word.tag in FUNCTION_TAGS for word in brand)) \
        else ""


def without_possessive(mention: Mention, words: list[Word]) -> list[Mention]:
    """A place, 的 (or Cantonese 嘅) and a name read as one organisation are the place and the organisation (日本的 +
    ACSL, 新西蘭的 + 維塔數碼): a name holds no 的 after its place; common words and a head after a name and 的
    describe an institution there (倫敦嘅 + 設計學院, 利茲嘅 + 設計學院): no organisation, the place alone."""
    inside = [word for word in words if mention.start <= word.start and word.end <= mention.end]
    if (mention.type != "org" or len(inside) < 3 or inside[0].start != mention.start or inside[0].tag not in _NAME_TAGS
            or inside[1].text not in POSSESSIVES or mention.end - inside[2].start < MIN_BRAND_CHARS):
        return [mention]
    place, rest = inside[0], inside[2]
    found = _places(place, mention)
    if all(is_common(word) and gazetteer.is_common_word(word.text) for word in inside[2:]):
        return found if place.tag == "ns" else []
    if place.tag != "ns":
        return [mention]
    return found + [Mention(rest.start, mention.end, mention.text[rest.start - mention.start:], "org",
                            source=mention.source)]


def _places(place: Word, mention: Mention) -> list[Mention]:
    """The place word that starts ``mention``, or a country and a place jieba read as one word (英国伦敦) as two."""
    size = next((size for size in range(MAX_COUNTRY_CHARS, 1, -1) if gazetteer.is_country(place.text[:size])), 0)
    rest = place.text[size:]
    cuts = [place.start, place.start + size, place.end] if size and len(rest) > 1 and (
        gazetteer.is_glossed_place(rest) or gazetteer.is_region(rest) or gazetteer.is_country(rest)) \
        else [place.start, place.end]
    return [Mention(start, end, mention.text[start - mention.start:end - mention.start], "place",
                    source=mention.source) for start, end in zip(cuts, cuts[1:])]


def starts_with_home(name: str) -> bool:
    """Whether ``name`` starts with a country, a national word or a home word (中国商会, 台湾商会…, 中华总商会): a body
    of that country, which a host country before it locates."""
    return any(gazetteer.is_country(name[:size]) or name[:size] in HOME_WORDS
               for size in range(2, MAX_COUNTRY_CHARS + 1))


def _has_org_head(name: str) -> bool:
    return name.endswith(tuple(ORG_HEADS))


def described_place(mention: Mention, words: list[Word]) -> list[Mention]:
    """A place and class nouns as the place (美国公司 → 美国), with the name after them as an organisation
    (新加坡初创公司速达物流); class nouns before a name cut off (新创公司晟医科技); common words and a class noun as
    nothing (鱼粉厂)."""
    inside = [word for word in words if mention.start <= word.start and word.end <= mention.end]
    if mention.type not in ("org", "place") or not inside or inside[0].start != mention.start \
            or inside[-1].end != mention.end:
        return [mention]
    if len(inside) == 1:
        return [] if mention.type == "org" and _is_class_phrase(inside) else [_one_word_place(mention, inside[0])]
    first = 1 if inside[0].tag == "ns" else 0
    classes = first
    while classes < len(inside) and inside[classes].text in CLASS_NOUNS:
        classes += 1
    found = [Mention(mention.start, inside[0].end, mention.text[:inside[0].end - mention.start], "place",
                     source=mention.source)] if first and classes > first else []
    if classes == first:  # no class noun after the first word: after a country and before the Latin name they
        # describe, common words and one describe too (挪威 + 船舶设计公司 + NSDK), unless they are an industry's
        # (台湾 + 电力公司); a town names its companies (德昌 + 轮船公司)
        described = any(word.start == mention.end and _LATIN_NAME.match(word.text) for word in words)
        if (first and described and gazetteer.is_country(inside[0].text) and _is_class_phrase(inside[first:])
                and not all(is_industry_word(word.text) for word in inside[first:-1])):
            return [Mention(mention.start, inside[0].end, mention.text[:inside[0].end - mention.start], "place",
                            source=mention.source)]
        return [] if not first and mention.type == "org" and _is_class_phrase(inside) else [mention]
    if inside[-1].text.endswith(OFFICIAL_HEADS):  # a class noun is a field of an official name (企业发展局)
        return [mention]
    if classes < len(inside):
        start = inside[classes].start
        found.append(Mention(start, mention.end, mention.text[start - mention.start:], "org", source=mention.source))
    return found


def is_generic_phrase(mention: Mention, words: list[Word], text: str) -> bool:
    """An organisation span the model or a rule found that names no one: industry words alone (冷链物流, 海运 + 保险,
    冷链物流公司), an attribute and industry words (独立 + 书店), or common words (jieba's, not its names) with neither
    a head nor an industry word, common in CC-CEDICT too (政府, 草原; one common word with an organisation's role or
    verb after it may be a brand: 芒果发布).  A name with a legal form
    is registered; one with a company's, an investor's, an official or an unmistakable head may be a brand of
    common words (蚂蚁集团, 海豚资本, 成功大学)."""
    inside = [word for word in words if mention.start <= word.start and word.end <= mention.end]
    if (mention.type != "org" or mention.source != "ner" or not inside or inside[0].start != mention.start
            or inside[-1].end != mention.end or legal_form_start(mention.text) < len(mention.text)
            or not all(is_han(character) for word in inside for character in word.text)):
        return False
    industry = [is_industry_word(word.text) or word.text in CLASS_NOUNS for word in inside]
    if all(industry):
        return True
    # common words: CC-CEDICT's too, for jieba holds brands (拜耳, 台电) among its common words, and of two characters
    # or more, for jieba cuts an unknown name into single characters it calls common (浅 + 焙)
    common = [is_common(word) and len(word.text) > 1 and gazetteer.is_common_word(word.text) for word in inside]
    # a brand may be a common noun before an industry word (木棉 + 出版社, 青苗 + 书店), not an attribute (独立 + 书店)
    described = inside[0].tag in ATTRIBUTE_TAGS and common[0] and all(industry[1:])
    plain = all(common) and not any(industry) and not inside[-1].text.endswith(NAME_HEADS)
    # a name defined by its Latin form or acronym in brackets (國防創新小組（DIU）) is one
    defined = text[mention.end:mention.end + 1] in ("（", "(")
    return (described or plain) and not defined and (len(inside) > 1 or not has_org_evidence(mention, text))


def is_industry_word(word: str) -> bool:
    """An industry word (``organisations: industry_words``, ``names: org_heads``), or two of them as one word
    (航空工程, 精密机械, 冷链物流)."""
    return word in INDUSTRY_WORDS or any(word[:cut] in INDUSTRY_WORDS and word[cut:] in INDUSTRY_WORDS
                                         for cut in range(1, len(word)))


def _is_class_phrase(inside: list[Word]) -> bool:
    """Common words ending with a class noun (鱼粉 + 厂, or 饲料厂 as one word): a description, no name; one that
    ends with a legal form is registered, a name (瀚海 + 新 + 电信 + 股份 + 有限公司)."""
    name = "".join(word.text for word in inside)
    return (inside[-1].text.endswith(tuple(DESCRIPTION_HEADS)) and all(is_common(word) for word in inside)
            and legal_form_start(name) == len(name))


def _one_word_place(mention: Mention, word: Word) -> Mention:
    """A word of a place and a class noun (韩国公司) as the place."""
    head = next((head for head in DESCRIPTION_HEADS if word.text.endswith(head)), "")
    if head and word.text[:-len(head)] in gazetteer.dictionary().proper_nouns:
        end = mention.end - len(head)
        return Mention(mention.start, end, mention.text[:end - mention.start], "place", source=mention.source)
    return mention


def with_acronym(mention: Mention, text: str) -> Mention:
    """A Latin name after an acronym and a space is one organisation with it (NEO + Ventures, CNH + Industrial)."""
    if mention.type not in ("org", "place") or not _LATIN_NAME.fullmatch(mention.text):
        return mention
    acronym = _ACRONYM_BEFORE.search(text, 0, mention.start)
    if acronym is None:
        return mention
    return replace(mention, start=acronym.start(), text=text[acronym.start():mention.end], type="org")
