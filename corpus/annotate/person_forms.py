"""Persons written in parts the model cuts or mistypes: names joined by an interpunct and Tibetan names.

The vocabulary is ``names:`` in ``curated/lang/zh.yaml``:

* :func:`with_interpunct_parts` — a name transliterated in parts is written with an interpunct between them
  (比令‧達道, 阿布斯‧伊斯瑪哈單); a mention on either side of one takes the other part (jieba's word, or the Han run
  up to punctuation) and is a person;
* :func:`has_person_form` — either form, which a list of places or organisations does not retype;
* round 12: :func:`dai_names` — a Dai name (岩 or 玉 and one or two characters) right after a noun of a person
  (队长岩庄, 队员玉南) is a person's name;
* :func:`tibetan_names` — two elements of ``names: tibetan_name_elements`` written together (才让 + 东周, 尼玛 + 扎西)
  are a person's name, which replaces the pieces the model found inside it (a place 东周), not inside an
  organisation's name;
* round 11: :func:`without_address_forms` — a surname and a word of address (钟老师, 黎師傅, 區生; ``names:
  address_titles``) where the document names a person of that surname in full (钟慧敏) is that person addressed, not
  a person of its own: no mention;
* round 9: :func:`given_names` — a given name of two characters written alone (晓岚说, 偉傑在店裡) where the document
  names the person in full (温晓岚): the document is the evidence, not the model, which misses a given name alone
  after a hard wrap or a pinyin reading; a given name that is a common word (建国) or a place is none.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from corpus import lang
from corpus.annotate import gazetteer
from corpus.annotate.ner import model_input
from corpus.annotate.place_spans import FUNCTION_TAGS
from corpus.lang import HAN_CLASS, SPEECH_VERBS, alternation, has_han
from corpus.model import Mention, Sentence

if TYPE_CHECKING:  # name_spans calls this module, so its word type is imported for annotations only
    from corpus.annotate.name_spans import Word

_NAMES = lang.data("zh")["names"]
INTERPUNCTS = frozenset(_NAMES["interpuncts"])
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nz")  # jieba's tags of names
PART_MAX_CHARS = 6  # the longest part of an interpunct name: 伊斯瑪哈單
_HAN_PART = re.compile(f"[{HAN_CLASS}]{{1,{PART_MAX_CHARS}}}")
_TIBETAN_NAME = re.compile(f"{alternation(_NAMES['tibetan_name_elements'])}{{2}}")
_FULL_NAME = re.compile(f"[{HAN_CLASS}]{{3}}")  # a surname of one character and a given name of two
_LABEL_AFTER = re.compile(r"\s?[：:]")
ADDRESS_TITLES = tuple(_NAMES["address_titles"])
SURNAME_MAX_CHARS = 2  # 歐陽, 诸葛
DAI_NAME_PREFIXES = frozenset(_NAMES["dai_name_prefixes"])
DAI_NAME_MAX_CHARS = 3  # the prefix and a name of one or two characters: 岩庄, 岩罕龙
PERSON_NOUN_FINALS = frozenset(_NAMES["person_noun_finals"])


def with_interpunct_parts(mention: Mention, words: list[Word], text: str) -> Mention:
    """``mention`` with the parts an interpunct joins to it (‧達道 → 比令‧達道), typed a person, and without a common
    word the model ran into its first part (耆老拉蓋‧吉娃斯 → 拉蓋‧吉娃斯); unchanged when no interpunct touches it.
    A part is the jieba word next to the interpunct and the words of one character, unknown
    to jieba or tagged as names beyond it (勒 + 巴克 of 烏杜夫・勒巴克), up to a speech verb, a function word or
    another dictionary word (主任, 表示)."""
    start, end = mention.start, mention.end
    while start < end and text[start] in INTERPUNCTS:  # every one: a run of them (‧‧‧) is no part of a name
        start += 1
    while end > start and text[end - 1] in INTERPUNCTS:
        end -= 1
    while start > 1 and text[start - 1] in INTERPUNCTS and (part := _part(words, start - 1, before=True)):
        start = part[0]
    while end < len(text) - 1 and text[end] in INTERPUNCTS and (part := _part(words, end + 1, before=False)):
        end = part[1]
    first = next((index for index in range(start + 1, end) if text[index] in INTERPUNCTS), None)
    if first is not None and (part := _part(words, first, before=True)) and _common_words(words, start, part[0]):
        start = part[0]  # the model ran a common noun before the name into it (耆老 + 拉蓋‧吉娃斯)
    if (start, end) == (mention.start, mention.end):
        return mention
    return replace(mention, start=start, end=end, text=text[start:end], type="person")


def _part(words: list[Word], edge: int, before: bool) -> tuple[int, int] | None:
    """The part of a name that ends (``before``) or starts at ``edge``, as :func:`with_interpunct_parts` reads it."""
    ordered = [w for w in (reversed(words) if before else words) if (w.end <= edge if before else w.start >= edge)]
    taken: list[Word] = []
    for word in ordered:
        length = sum(len(w.text) for w in taken) + len(word.text)
        touches = (word.end if before else word.start) == ((taken[-1].start if before else taken[-1].end)
                                                           if taken else edge)
        if not touches or not _HAN_PART.fullmatch(word.text) or length > PART_MAX_CHARS or word.text in SPEECH_VERBS:
            break
        common = len(word.text) > 1 and word.frequency is not None and word.tag not in NAME_TAGS
        if taken and (word.tag.startswith(FUNCTION_TAGS) or common):
            break
        taken.append(word)
    if not taken:
        return None
    return (taken[-1].start, taken[0].end) if before else (taken[0].start, taken[-1].end)


def _common_words(words: list[Word], start: int, end: int) -> bool:
    """Whether ``start:end`` is one or more whole jieba words, each a dictionary word of two characters or more that
    jieba tags as no name (耆老, 青年): not a name's first syllable jieba reads as a function word (多 of 多迪‧…)."""
    inside = [w for w in words if start <= w.start and w.end <= end]
    return start < end and sum(len(w.text) for w in inside) == end - start and all(
        len(w.text) > 1 and w.frequency is not None and w.tag not in NAME_TAGS for w in inside)


def has_person_form(name: str) -> bool:
    """Whether ``name`` is written as persons' names are and other names hardly are: Han parts joined by an
    interpunct (比令‧達道) or two Tibetan name elements (尼玛扎西)."""
    parts = re.split(f"[{''.join(INTERPUNCTS)}]", name)
    joined = len(parts) > 1 and all(_HAN_PART.fullmatch(part) for part in parts)
    return joined or _TIBETAN_NAME.fullmatch(model_input(name)) is not None


def tibetan_names(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with the Tibetan names written in ``text`` (module docstring) in place of the mentions inside or
    across them; a name inside an organisation's name stays part of it."""
    names = [Mention(m.start(), m.end(), text[m.start():m.end()], "person", source="ner")
             for m in _TIBETAN_NAME.finditer(model_input(text))]
    names = [n for n in names if not any(f.type == "org" and f.start <= n.start and n.end <= f.end for f in found)]
    kept = [f for f in found if not any(f.overlaps(n.start, n.end) for n in names)]
    return sorted(kept + names, key=lambda m: (m.start, m.end))


def dai_names(words: list[Word], text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with the Dai names right after a noun of a person (队长 + 岩庄, 队员 + 玉南; ``names:
    dai_name_prefixes``) in place of the mentions they overlap: the prefix and the characters after it up to
    :data:`DAI_NAME_MAX_CHARS` in all, jieba's one word not counted (玉南) or its characters tagged as nouns (岩 +
    庄), when the name is no word jieba or CC-CEDICT counts (玉米) and lies in no organisation's name."""
    names = []
    for index, word in enumerate(words[1:], 1):
        before = words[index - 1]
        if word.text[:1] not in DAI_NAME_PREFIXES or not (before.tag == "n" and before.text[-1:] in PERSON_NOUN_FINALS):
            continue
        end = word.end
        for following in words[index + 1:] if len(word.text) == 1 else []:  # 岩 + 庄: jieba's characters of names
            if following.start != end or end - word.start >= DAI_NAME_MAX_CHARS or len(following.text) > 1 or \
                    not following.tag.startswith("n") or not has_han(following.text):
                break
            end = following.end
        name = text[word.start:end]
        named = word.frequency is None or len(word.text) == 1 or word.tag == "nr"  # 玉南, 岩 + 庄, 玉叶 (jieba's nr)
        inside_org = any(m.type == "org" and m.start <= word.start and end <= m.end for m in found)
        if 2 <= len(name) <= DAI_NAME_MAX_CHARS and named and not gazetteer.is_common_word(model_input(name)) \
                and not inside_org:
            names.append(Mention(word.start, end, name, "person", source="ner"))
    kept = [f for f in found if not any(f.overlaps(n.start, n.end) for n in names)]
    return sorted(kept + names, key=lambda m: (m.start, m.end))


def given_names(sentences: list[Sentence]) -> None:
    """Add to each sentence the given names written alone (晓岚 of 温晓岚) of the persons the model found in full in
    the document: a name of a surname of one character and a given name of two that is no common word, no place and
    the given name of no other person found; an occurrence inside another mention, after the surname (the full name
    the model missed there) or before a colon (a label) is none."""
    people = {m.text for sentence in sentences for m in sentence.entities
              if m.type == "person" and m.source == "ner" and _FULL_NAME.fullmatch(m.text)}
    given = Counter(name[1:] for name in people if name[:1] in gazetteer.surnames())
    alone = [name for name, count in given.items() if count == 1 and not gazetteer.is_common_word(model_input(name))
             and not gazetteer.is_common_word(name) and not gazetteer.is_place(name)]
    for sentence in sentences:
        found = [Mention(match.start(), match.end(), name, "person", source="ner") for name in alone
                 for match in re.finditer(re.escape(name), sentence.zh)
                 if not _LABEL_AFTER.match(sentence.zh, match.end())
                 and sentence.zh[max(0, match.start() - 1):match.end()] not in people  # the full name the model missed
                 and not any(m.overlaps(match.start(), match.end()) for m in sentence.entities)]
        if found:
            sentence.entities = sorted(sentence.entities + found, key=lambda m: (m.start, m.end))


def without_address_forms(sentences: list[Sentence]) -> None:
    """Drop the model's persons written as a surname and a word of address (module docstring) whose surname starts a
    full name of a person the document names (钟老师 of 钟慧敏, 區生 of 區嘉俊)."""
    people = {m.text for sentence in sentences for m in sentence.entities if m.type == "person"}
    surnames = {name[:length] for name in people for length in range(1, SURNAME_MAX_CHARS + 1)
                if len(name) > length + 1 and not name.endswith(ADDRESS_TITLES)}
    for sentence in sentences:
        sentence.entities = [m for m in sentence.entities if not (m.type == "person" and m.source == "ner"
                                                                  and _is_address_form(m.text, surnames))]


def _is_address_form(name: str, surnames: set[str]) -> bool:
    return any(name.endswith(title) and name[:-len(title)] in surnames for title in ADDRESS_TITLES)
