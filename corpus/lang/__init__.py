"""The language layer: what the pipeline knows about written Chinese and English.

The data lives in ``corpus/curated/lang/{zh,en}.yaml``; this package only loads it
and answers questions about it.  Every stage reads its character classes,
numerals, currencies, speech verbs and interview labels from here, so a
vocabulary is stated once and a second language pair is a data file.  The package sits below every stage
and imports none of them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).resolve().parent.parent / "curated" / "lang"


@lru_cache(maxsize=None)
def data(language: str) -> dict[str, Any]:
    """The curated data of one language (``zh`` or ``en``)."""
    return yaml.safe_load((LANG_DIR / f"{language}.yaml").read_text(encoding="utf-8"))


_CHARACTERS = data("zh")["characters"]
HAN_CLASS: str = _CHARACTERS["han"]  # the body of a character class: f"[{HAN_CLASS}]"
HAN = re.compile(f"[{HAN_CLASS}]")
COMMON_HAN_CLASS: str = _CHARACTERS["common_han"]
PAGE_PUNCTUATION_CLASS: str = _CHARACTERS["page_punctuation"]  # “ 。 ， …: punctuation of a Chinese page, not ASCII
LOST_CHARACTERS: str = _CHARACTERS["lost"]  # a pattern: "??????" or U+FFFD where the capture lost text
QUESTION_FINAL_CLASS: str = _CHARACTERS["question_final"]  # particles that end a question (吗, 呢)
QUESTION_WORDS: tuple[str, ...] = tuple(_CHARACTERS["question_words"])  # 什么, 是否, 如何
SPEECH_VERBS: tuple[str, ...] = tuple(data("zh")["speech_verbs"])
CLASSIFIERS: tuple[str, ...] = tuple(data("zh")["classifiers"])
EN_MONTHS: tuple[str, ...] = tuple(data("en")["months"])
_PUNCTUATION = data("zh")["punctuation"]
SENTENCE_END: str = _PUNCTUATION["sentence_end"]  # 。！？!?；; (an ellipsis ends a sentence too)
ELLIPSIS: str = _PUNCTUATION["ellipsis"]  # …, written once or twice (……)
QUOTES: dict[str, str] = _PUNCTUATION["quotes"]  # each opening quotation mark → its closer (“ → ”)
BRACKETS: dict[str, str] = QUOTES | _PUNCTUATION["brackets"]  # each opening quotation mark or bracket → its closer
# A text that ends in a question mark, maybe inside closing quotes or brackets (a turn that asks; a question leading a
# notice: 想第一時間收到X的報道？): one pattern for the stages that ask.
QUESTION_END = re.compile(f"[?？][{re.escape(''.join(BRACKETS.values()))}]*\\s*$")
_INTERVIEWS = data("zh")["interviews"]
# Turn labels that name a side of an interview (记者, 问 → interviewer; 答 → interviewee), by role.
ROLE_LABELS: dict[str, tuple[str, ...]] = {role: tuple(labels) for role, labels in _INTERVIEWS["role_labels"].items()}
INTERVIEW_TITLE_CUES: tuple[str, ...] = tuple(_INTERVIEWS["title_cues"])  # 对话, 专访 … before the interviewee's name
INTERVIEW_LEAD_CUES: tuple[str, ...] = tuple(_INTERVIEWS["lead_cues"])  # 本期嘉宾 … above the first turn
HONORIFICS: tuple[str, ...] = tuple(_INTERVIEWS["honorifics"])  # 总, 老师 … after a surname in a turn label
NARRATION_WORDS: tuple[str, ...] = tuple(_INTERVIEWS["narration_words"])  # 采访, 记者 … narrate an interview
ASKING_CREDITS: tuple[str, ...] = tuple(_INTERVIEWS["asking_credits"])  # 采访, 记者 … credit roles of interviewers
_LAYOUT = data("zh")["layout"]
LIST_ITEM = re.compile(_LAYOUT["list_item"])  # at the start of a line
MAX_HEADING_CHARS: int = _LAYOUT["heading"]["max_chars"]
MAX_HEADING_LINES: int = _LAYOUT["heading"]["max_lines"]
CAPTION_LABELS: tuple[str, ...] = tuple(_LAYOUT["caption_labels"])  # 图, 注 … before a colon: never a turn
# What a page draws around a turn label (a dash rule, a bar, a bullet, a square, Markdown's **): the body of a character
# class.  A label is read without it, in one place: :func:`undecorated`, and the structure stage's label pattern.
LABEL_DECORATION_CLASS: str = _LAYOUT["label_decoration"]
_DECORATION_AROUND = re.compile(f"^[{LABEL_DECORATION_CLASS}\\s]+|[{LABEL_DECORATION_CLASS}\\s]+$")


def latin_letters(category: str) -> str:
    """The Latin letters of one Unicode category (Lu, Ll), as the body of a character class: a name's letters
    beyond ASCII (Wiśniewski, Ødegård, ÖBB) are letters of the name."""
    blocks = ((0x41, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))  # Basic Latin, Latin-1 to Extended-B, Additional
    return "".join(chr(c) for start, end in blocks for c in range(start, end)
                   if unicodedata.category(chr(c)) == category)


LATIN_UPPER, LATIN_LOWER = latin_letters("Lu"), latin_letters("Ll")  # one letter class for every Latin-name rule

def is_han(char: str) -> bool:
    """Whether one character is a Han ideograph."""
    return HAN.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Han ideograph (it is Chinese, in either script)."""
    return HAN.search(text) is not None


def undecorated(label: str) -> str:
    """A turn label without what a page drew around it: ``——————阿槐`` and ``▍阿槐`` are ``阿槐``, ``**记者**`` is
    ``记者``."""
    return _DECORATION_AROUND.sub("", label)


def alternation(words: Any) -> str:
    """A regex group matching any of ``words``, longest first, so ``人民币`` wins over ``元``."""
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"
