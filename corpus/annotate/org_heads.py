"""Establishments by their heads: schools, halls, offices, troupes, bookshops and stations nobody listed.

An establishment's name is its own name and a head that says what it is (草木 + 书房, 富兴 + 国小, 惠安 + 会馆,
溪口乡 + 公所, 玉龙雪山气象 + 观测站).  The heads are a curated class (``curated/lang/zh.yaml``, ``organisations:
establishment_heads``), matched on the model's input (simplified, same offsets); jieba's words give the left edge:

* :func:`establishment_names` — the name runs back from its head over name-like words to a boundary (punctuation, a
  function word, a count, a time, a word of the establishment's kind: 实体 | 书店, a verb that is not the word right
  before the head: 搭乘 | 溪口乡公所, 来自 | 玉里高工)
  and holds a word of a name's evidence (:func:`is_name_evidence`): a head alone or after common words is a kind
  (邻近的华小, 更多独立书店, 一家小书店).  A place before the head is part of the name (丽江高山植物园), and so is an
  administrative ``立`` after it (花莲县 + 立 + 鹤冈国民小学);
* :func:`without_platforms` — a listening platform, app store or social network in a list after 在 with a use word
  later in its clause (在Spotify和小宇宙收听, 在TikTok和Facebook上开了账号, 用WhatsApp落单) is a product, not an
  organisation; so are the platforms of a share or follow line, listed one after another with nothing but spaces and
  punctuation between them and no sentence's end (分享到：WhatsApp　Facebook｜Telegram).
"""
from __future__ import annotations

import re

from corpus import lang
from corpus.annotate.name_spans import ADMINISTRATIVE_UNITS, LIST_CONNECTIVES, ORG_PREFIXES, Word, is_generic
from corpus.annotate.org_edges import FUNCTION_TAGS
from corpus.lang import alternation, has_han
from corpus.model import Mention

_ORGS = lang.data("zh")["organisations"]
ESTABLISHMENT_HEADS = re.compile(alternation(sorted(_ORGS["establishment_heads"], key=len, reverse=True)))
NAME_MAX_FREQUENCY: int = _ORGS["establishment_name_max_frequency"]
KINDS = frozenset(_ORGS["establishment_kinds"])
PLATFORMS = frozenset(_ORGS["platforms"])
PLATFORM_USE_WORDS = re.compile(alternation(_ORGS["platform_use_words"]))
NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nt", "nz", "j"))  # jieba's names: a person, place, organisation
# jieba's tags of the words a name runs back over; a verb only right before the head (拾穗 + 书屋)
PART_TAGS = NAME_TAGS | frozenset(("n", "l", "g", "ng", "vn", "b", "a", "f", "i"))
BOUNDARY_TAGS = FUNCTION_TAGS | frozenset(("t", "tg", "s", "mq", "eng"))
MAX_NAME_CHARS = 10  # before the head: 新文龙育才华文 + 小学, 玉龙雪山气象 + 观测站
_CLAUSE_END = re.compile(r"[，。；：！？,;:!?\n]")
_PLATFORM_NAMES = alternation(sorted(PLATFORMS, key=len, reverse=True))
_PLATFORM = re.compile(f"(?<![A-Za-z]){_PLATFORM_NAMES}(?![A-Za-z])")
_SEPARATORS = re.compile(r"[\s|｜/／、,，·・•]*")
_SENTENCE_END = re.compile(r"[。！？!?]")
MIN_LISTED_PLATFORMS = 2  # a share line lists several; one platform alone is a sentence's
# 在 and the platforms listed before this one: 在 + Spotify、 + Apple Podcasts或 + …
_OPENED_LIST = re.compile(f"{alternation(_ORGS['platform_openers'])}\\s*"
                          f"(?:{_PLATFORM_NAMES}\\s*{alternation(LIST_CONNECTIVES)}\\s*)*$")


def establishment_names(words: list[Word], text: str, read: str) -> list[Mention]:
    """The establishments of the module docstring in a sentence (``words``: jieba's on ``read``, the model's input)."""
    ends = {word.end: index for index, word in enumerate(words)}
    found = []
    for head in ESTABLISHMENT_HEADS.finditer(read):
        if head.end() not in ends:
            continue  # inside a longer word (小学生, 库能)
        first = _word_at(words, head.start())
        start = _name_start(words, first, head.start())
        if start is not None and start < head.start():
            found.append(Mention(start, head.end(), text[start:head.end()], "org", source="ner"))
    return [mention for mention in found if not is_generic(mention, text)]


def _word_at(words: list[Word], offset: int) -> int:
    return next(index for index, word in enumerate(words) if word.start <= offset < word.end)


def _name_start(words: list[Word], first: int, head_start: int) -> int | None:
    """Where the name before a head starting at ``head_start`` (inside or at ``words[first]``) starts, or None when
    no word of it is a name's evidence."""
    parts: list[Word] = []
    glued = words[first].text[:head_start - words[first].start]  # the name's end jieba glued to the head (乡 + 公所)
    if glued in KINDS:
        return None
    if glued:
        parts.append(Word(words[first].start, head_start, glued, words[first].tag, words[first].frequency))
    index = first - 1
    while index >= 0 and head_start - words[index].start <= MAX_NAME_CHARS and _is_part(words, index, first, parts):
        parts.insert(0, words[index])
        index -= 1
    if index > 0 and _is_administrative_mark(words[index - 1], words[index]):
        parts[:0] = words[index - 1:index + 1]
    if not any(is_name_evidence(part, parts) for part in parts):
        return None
    return parts[0].start


def _is_administrative_mark(place: Word, mark: Word) -> bool:
    """A county or a city and the rest of one of ``org_prefixes`` after it (花莲县 + 立: 县立)."""
    return (len(place.text) > 1 and place.text.endswith(ADMINISTRATIVE_UNITS)
            and place.text[-1] + mark.text in ORG_PREFIXES)


def _is_part(words: list[Word], index: int, first: int, parts: list[Word]) -> bool:
    word = words[index]
    if not has_han(word.text) or word.tag in BOUNDARY_TAGS or word.text in ORG_PREFIXES or word.text in KINDS:
        return False
    right_before_head = index == first - 1 and not parts
    return word.tag in PART_TAGS or (word.tag.startswith("v") and right_before_head)


def is_name_evidence(word: Word, parts: list[Word]) -> bool:
    """A word that makes the run a name: one jieba tags as a name or does not know, a rare word, or one of
    several single characters jieba cut an unknown name into (篁 + 林, 富 + 兴国)."""
    singles = sum(len(part.text) == 1 for part in parts)
    return (word.tag in NAME_TAGS or word.frequency is None or word.frequency <= NAME_MAX_FREQUENCY
            or (len(word.text) == 1 and singles > 1 and word.tag not in ("a", "f")))


def without_platforms(mentions: list[Mention], read: str) -> list[Mention]:
    """The mentions less the platforms used as places of use (module docstring)."""
    return [mention for mention in mentions if not (mention.text in PLATFORMS and _is_used(mention, read))]


def without_shared_platforms(mentions: list[Mention], read: str) -> list[Mention]:
    """The mentions (the registry's too) less the platforms of a share or follow line (module docstring)."""
    if not _is_platform_line(read):
        return mentions
    return [mention for mention in mentions if mention.text not in PLATFORMS]


def _is_platform_line(read: str) -> bool:
    """Two platforms or more, one after another with only spaces and punctuation between them, and no sentence's end:
    a share or follow line, not a sentence about them."""
    listed = list(_PLATFORM.finditer(read))
    return (len(listed) >= MIN_LISTED_PLATFORMS and not _SENTENCE_END.search(read)
            and all(_SEPARATORS.fullmatch(read[before.end():after.start()])
                    for before, after in zip(listed, listed[1:])))


def _is_used(mention: Mention, read: str) -> bool:
    clause = _CLAUSE_END.search(read, mention.end)
    return (_OPENED_LIST.search(read, 0, mention.start) is not None
            and PLATFORM_USE_WORDS.search(read, mention.end, clause.start() if clause else len(read)) is not None)
