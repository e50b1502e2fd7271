"""Companies by the grammar of their names: a seat, a brand, industry words and a legal form.

A company's full name is a run of words that ends with industry words (精工, 航运 + 工程, 乳业, 冷链 + 仓储; the
vocabulary is ``curated/lang/zh.yaml``, ``names: org_heads`` and ``organisations: industry_words``) and may end
with a legal form or a company head (有限公司, 股份有限公司, 公司, 集团) after them.  The model often finds only the
brand (岱峰, read as a place; 宏翔) or cuts the name (湖南洪江锦程航运 + 有限公司); the grammar gives the whole run:

* :func:`company_names` — a brand (a word jieba does not know, or tags as a name, that CC-CEDICT does not know as
  a common word nor jieba as a place, or rare single characters after a boundary: 批发商 + 湘 + 冠) and the industry
  words right after it are a company (岱峰 + 精工,
  宏翔 + 航空工程, 嘉运冷运 as one unknown word); with a legal form after them, the name runs back over the
  name-like words to the boundary before it (的, a preposition, a verb, punctuation) and starts at the first place or
  brand among them, for a registered name starts with its seat or its brand (新加坡的 | 海峡轮船有限公司); a seat in
  brackets may stand between the brand and the industry words (茗岫堂 + (厦门) + 茶业有限公司);
* :func:`company_short_forms` — over the document: a company named once in full licenses its short forms
  wherever they stand (document-wide consistency): its brand with some of its industry words or with 公司
  (锦程航运 and 锦程公司 of 湖南洪江锦程航运有限公司, 清水江公司 of …清水江水电开发有限责任公司) and its brand alone
  (碧涛 of 碧涛海运) unless the brand is a place or a common word (:func:`brand_span`, the one derivation of a brand
  for the model's names too).  A seat or a group marker in brackets may stand before the legal form (X精工 +
  （集团） + 股份有限公司).

Words are jieba's on the model's input (simplified), offsets the sentence's; names are compared simplified.
"""
from __future__ import annotations

import re
from typing import Iterable

from corpus import lang
from corpus.annotate import gazetteer
from corpus.annotate.name_spans import (BRAND_CHARACTER_MAX_FREQUENCY, Word, is_dictionary_place, is_generic,
                                        legal_form_start, unglued)
from corpus.annotate.ner import model_input
from corpus.annotate.org_edges import (CLASS_NOUNS, FUNCTION_TAGS, INDUSTRY_WORDS, MAX_BRAND_CHARS, MIN_BRAND_CHARS,
                                       is_industry_word)
from corpus.lang import has_han
from corpus.model import Mention, Sentence

_ORGS = lang.data("zh")["organisations"]
COMPANY_HEADS = tuple(_ORGS["company_heads"])
CLASS_SUFFIXES = tuple(_ORGS["class_suffixes"])  # a class of companies: 批发商, 供应商
LEGAL_FORMS = tuple(sorted(lang.data("zh")["names"]["legal_forms"], key=len, reverse=True))
BRAND_TAGS = frozenset(("nr", "nrt", "nrfg", "nz", "ns", "j"))  # jieba's names: its guess of a brand's kind
# words a registered name is made of, back from its legal form: nouns, names, attributes, a field's verb (开发)
NAME_WORD_TAGS = frozenset(("n", "nz", "ns", "nr", "nrt", "nrfg", "nt", "j", "b", "vn", "an", "ng", "l"))
MAX_LEGAL_FORM_WORDS = 6  # （ 集团 ） 股份 有限公司
_BRACKETED = re.compile(r"[（(][^（）()\n]{1,8}[）)]")  # a seat or a group marker before the legal form
_OPENING, _CLOSING = ("(", "（"), (")", "）")
_BRAND_BOUNDARY_TAGS = frozenset(("x", "uj", "ul", "u", "p", "c"))  # what a brand before its seat starts after
MAX_NAME_WORDS = 8  # back from a legal form: 贵州 黔源 清水江 水电 开发 + 有限责任公司
_INDUSTRY_LONGEST_FIRST = sorted(INDUSTRY_WORDS, key=len, reverse=True)


def is_brand(word: Word) -> bool:
    """A word that can be a company's brand: unknown to jieba or tagged as a name by it, not a dictionary place
    (:func:`_is_brand_text`)."""
    return (not is_dictionary_place(word) and (word.frequency is None or word.tag in BRAND_TAGS)
            and _is_brand_text(word.text))


def _is_brand_text(name: str) -> bool:
    """Han, two to four characters, not a word CC-CEDICT knows only as a common word, no class or industry word, no
    place the gazetteer knows (格尔木 + 建设 is work in a town)."""
    return (MIN_BRAND_CHARS <= len(name) <= MAX_BRAND_CHARS and has_han(name) and not gazetteer.is_common_word(name)
            and name not in CLASS_NOUNS and not is_industry_word(name) and not is_known_place(name))


def company_names(words: list[Word], text: str) -> list[Mention]:
    """The companies of the module docstring in a sentence (``words``: jieba's, on the model's input)."""
    words = unglued(words)  # 和 + 裕廊 + 集团: jieba's HMM glued the connective to the brand
    found = []
    for index, word in enumerate(words):
        if not is_industry_word(word.text) or (index + 1 < len(words) and is_industry_word(words[index + 1].text)):
            continue  # not the last of a run of industry words
        first = index
        while first > 0 and is_industry_word(words[first - 1].text):
            first -= 1
        end = legal_form_end(words, index)
        # without a legal form, an industry word jieba reads as a verb is the clause's (由芯擎半导体 + 开发: made by)
        brand = _brand_start(words, first) if not word.tag.startswith("v") else None
        start = (_name_start(words, first) or _seated_brand_start(words, first)) if end > index else brand
        if start is not None:
            found.append(Mention(words[start].start, words[end].end, text[words[start].start:words[end].end], "org",
                                 source="ner"))
    found += [Mention(word.start, word.end, text[word.start:word.end], "org", source="ner") for word in words
              if _is_compound(word)]
    return [mention for mention in found if not is_generic(mention, text)]


def _brand_start(words: list[Word], first: int) -> int | None:
    """The index of the brand right before ``words[first]``: a brand word (:func:`is_brand`), or a run of two to four
    characters of single-character words of rare characters (not 是, 中), with such a word or not (湘 + 冠, 贝 + 洛尼:
    jieba's HMM cut an unknown name into characters), that is a brand's text; None without one."""
    word_brand = first > 0 and is_brand(words[first - 1])
    start = first - 1 if word_brand else first
    while (start > 0 and len(words[start - 1].text) == 1 and words[start - 1].tag not in FUNCTION_TAGS
           and (words[start - 1].frequency or 0) <= BRAND_CHARACTER_MAX_FREQUENCY
           and words[first - 1].end - words[start - 1].start <= MAX_BRAND_CHARS):
        start -= 1
    brand = "".join(word.text for word in words[start:first])
    # the characters start after a boundary: a function word, punctuation or a class of companies (批发商 + 湘 + 冠,
    # 的 + 贝 + 洛尼), not after a name they may end (乌溪 + 沙)
    before = words[start - 1] if start > 0 else None
    bounded = before is None or before.tag in FUNCTION_TAGS or before.text.endswith((*CLASS_NOUNS, *CLASS_SUFFIXES))
    if len(brand) >= MIN_BRAND_CHARS and start < first - word_brand and bounded and _is_brand_text(brand):
        return start
    return first - 1 if word_brand else None


def _is_compound(word: Word) -> bool:
    """A word jieba does not know made of a brand and an industry word (嘉运 + 冷运)."""
    return word.frequency is None and has_han(word.text) and any(
        word.text.endswith(industry) and MIN_BRAND_CHARS <= len(word.text) - len(industry) <= MAX_BRAND_CHARS
        and _is_brand_text(word.text[:-len(industry)]) for industry in INDUSTRY_WORDS)


def legal_form_end(words: list[Word], index: int) -> int:
    """The index of the last word of the legal form or company head right after ``words[index]``, or ``index``; a
    seat or a group marker in brackets may stand before it (X精工 + （集团） + 股份有限公司)."""
    end, after = index, "".join(word.text for word in words[index + 1:index + 1 + MAX_LEGAL_FORM_WORDS])
    bracketed = _BRACKETED.match(after)
    skip = bracketed.end() if bracketed else 0
    form = next((form for form in (*LEGAL_FORMS, *COMPANY_HEADS) if after.startswith(form, skip)), "")
    while form and end + 1 < len(words) and words[end + 1].end - words[index].end <= skip + len(form):
        end += 1
    return end


def _name_start(words: list[Word], first: int) -> int | None:
    """Where a name with a legal form starts: back from its industry words over name-like words, then on to its first
    place or brand (a registered name starts with its seat or its brand: 投资方 + 深圳市X投资有限公司 is no name);
    None without one."""
    start = first
    while start > 0 and first - start < MAX_NAME_WORDS and _in_registered_name(words[start - 1]):
        start -= 1
    while start < first and not (is_brand(words[start]) or words[start].tag == "ns"):
        start += 1
    return start if start < first else None


def _seated_brand_start(words: list[Word], first: int) -> int | None:
    """The index of the brand before a seat in brackets right before ``words[first]``, the name's industry words
    (茗岫堂 + (厦门) + 茶业有限公司, 铭捷 + （泉州） + 机械制造有限公司): the words back to a boundary (punctuation, a
    particle, a preposition, a connective, a verb), when they are a brand's text; None without one."""
    if first < 4 or words[first - 1].text not in _CLOSING or words[first - 3].text not in _OPENING or not (
            words[first - 2].tag == "ns" or is_known_place(words[first - 2].text)):
        return None
    start = seat = first - 3
    while (start > 0 and _in_seated_brand(words[start - 1])
           and words[seat].start - words[start - 1].start <= MAX_BRAND_CHARS):
        start -= 1
    brand = "".join(word.text for word in words[start:seat])
    return start if start < seat and _is_brand_text(brand) else None


def _in_seated_brand(word: Word) -> bool:
    """A word a brand before its seat may hold: Han, no boundary (punctuation, a particle, a preposition, a
    connective, a verb); jieba cuts an unknown brand into characters of any tag (茗 + 岫 + 堂)."""
    return has_han(word.text) and word.tag not in _BRAND_BOUNDARY_TAGS and not word.tag.startswith("v")


def _in_registered_name(word: Word) -> bool:
    return has_han(word.text) and word.tag in NAME_WORD_TAGS and word.text not in CLASS_NOUNS


def company_short_forms(sentences: Iterable[Sentence]) -> set[str]:
    """The short forms the document's full company names license (module docstring) that occur in it, in the
    document's script."""
    sentences = list(sentences)
    full = {model_input(m.text): m.text for s in sentences for m in s.entities
            if m.type == "org" and legal_form_start(model_input(m.text)) < len(m.text)}
    forms: dict[str, str] = {}
    for read, name in full.items():
        # a seat in brackets inside the name is in none of its short forms (茗岫堂茶业 of 茗岫堂(厦门)茶业有限公司)
        read, name = _BRACKETED.sub("", read), _BRACKETED.sub("", name)
        cuts = _industry_cuts(_body(read))
        if not cuts:
            continue
        for start in range(max(0, cuts[0] - MAX_BRAND_CHARS), cuts[0] - MIN_BRAND_CHARS + 1):
            forms.update({read[start:end]: name[start:end] for end in cuts[1:]})
            forms[read[start:cuts[0]] + "公司"] = name[start:cuts[0]] + "公司"
        brand = brand_span(read)
        if brand:
            forms[read[slice(*brand)]] = name[slice(*brand)]
    text = "\n".join(model_input(s.zh) for s in sentences)  # apart: a form must not run across two sentences
    return {forms[read] for read in forms if read in text and read not in full}


def brand_span(read: str) -> tuple[int, int] | None:
    """Where the brand stands in a company's name (simplified): after the places that start it, before its industry
    words, company head and legal form (湖南洪江 + 锦程 + 航运有限公司, 翔鹰 + 航太, 贝尔克曼 + 公司); None without
    one.  The one
    derivation of a brand short form, for the registered names here and the model's names
    (:func:`corpus.annotate.org_spans.known_names`)."""
    body = _body(read)
    cuts = _industry_cuts(body)
    end = cuts[0] if cuts else len(body) if len(body) < len(read) else 0  # or before its head alone (X + 公司)
    brand = _brand(read[:end]) if end else ""
    return (end - len(brand), end) if brand else None


def _body(read: str) -> str:
    """A company's name without its legal form and company head (锦程航运 of 锦程航运有限公司, 德昌轮船 of
    德昌轮船公司)."""
    body = read[:legal_form_start(read)]
    return next((body[:-len(head)] for head in COMPANY_HEADS if body.endswith(head)), body)


def _industry_cuts(body: str) -> list[int]:
    """Where the run of industry words that ends ``body`` (a name without its legal form) starts and where each of
    them ends, read back from the end; [] when it ends with none."""
    ends = [len(body)]
    while True:
        word = next((w for w in _INDUSTRY_LONGEST_FIRST if body.endswith(w, 0, ends[0])
                     and ends[0] - len(w) >= MIN_BRAND_CHARS), "")
        if not word:
            break
        ends.insert(0, ends[0] - len(word))
    return ends if len(ends) > 1 else []


def _brand(before: str) -> str:
    """The brand that ends ``before`` (what precedes the industry words) after the places that start it; "" if that
    is no brand (:func:`_is_brand_text`) or a place."""
    rest = before
    while True:
        place = next((rest[:size] for size in range(len(rest) - MIN_BRAND_CHARS, 1, -1)
                      if is_known_place(rest[:size])), "")
        if not place:
            break
        rest = rest[len(place):]
    return rest if _is_brand_text(rest) else ""


def is_known_place(name: str) -> bool:
    """A region, a place CC-CEDICT glosses as one, or a country (simplified)."""
    return gazetteer.is_region(name) or gazetteer.is_glossed_place(name) or gazetteer.is_country(name)
