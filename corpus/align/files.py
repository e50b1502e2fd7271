"""Aligning two plain-text files: what ``corpus align ZH_FILE EN_FILE`` does.

Input is UTF-8 with one sentence per line, or, with ``paragraphs=True``, one
paragraph per non-blank line, split into sentences first: Chinese with
:func:`corpus.segment.split_sentences`, English with :func:`split_english`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from corpus.align.aligner import align_texts, gale_church_align
from corpus.align.gold_format import format_links

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by
# whitespace and something that can start a sentence.
_ENGLISH_BOUNDARY = re.compile(r"""([.!?…]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")


@lru_cache(maxsize=1)
def _nonbreaking_prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Moses' English non-breaking prefixes (from sacremoses): always, and only before a number."""
    from sacremoses.corpus import NonbreakingPrefixes

    always, numeric = set(), set()
    for entry in NonbreakingPrefixes().words("en"):
        word, _, marker = entry.partition(" ")
        (numeric if marker == "#NUMERIC_ONLY#" else always).add(word)
    return frozenset(always), frozenset(numeric)


def split_english(text: str) -> list[str]:
    """Split an English paragraph into sentences (stripped), not after Moses' non-breaking prefixes
    such as ``Mr.`` or ``e.g.``, nor after ``No.`` before a number."""
    always, numeric = _nonbreaking_prefixes()
    sentences, start = [], 0
    for match in _ENGLISH_BOUNDARY.finditer(text):
        before = text[start:match.start(1)]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        following = text[match.end():match.end() + 1]
        if match.group(1) == "." and (last_word in always or (last_word in numeric and following.isdigit())):
            continue
        sentences.append(text[start:match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def read_sentences(path: Path, language: str, paragraphs: bool) -> list[str]:
    lines = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()]
    if not paragraphs:
        return [line for line in lines if line]
    if language == "zh":
        from corpus.segment import split_sentences

        return [s.strip() for line in lines if line for s in split_sentences(line) if s.strip()]
    return [s for line in lines if line for s in split_english(line)]


def align_files(zh_path: Path, en_path: Path, *, paragraphs: bool = False, baseline: bool = False,
                band: int | None = None) -> str:
    """The links between two text files in the Vecalign format (``[0, 1]:[2]`` lines)."""
    zh = read_sentences(zh_path, "zh", paragraphs)
    en = read_sentences(en_path, "en", paragraphs)
    aligner = gale_church_align if baseline else align_texts
    return format_links(aligner(zh, en, band=band))
