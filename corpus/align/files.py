"""Aligning two plain-text files: what ``corpus align ZH_FILE EN_FILE`` does.

Input is one sentence per line; the links give zero-based line numbers, and
blank lines are in no link.  With ``paragraphs=True`` each non-blank line is
a paragraph, split into sentences first (Chinese with
:func:`corpus.segment.split_sentences`, English with :func:`split_english`);
the links then number those sentences, which ``sentences_out`` writes out.
The Chinese file may be UTF-8, GB18030 or Big5 (as the seeds), the English
one UTF-8.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from corpus.align.aligner import align_texts, gale_church_align
from corpus.align.gold_format import format_links, parse_links
from corpus.atomic import write_text
from corpus.errors import CorpusError
from corpus.ingest import decode
from corpus.model import Link

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by
# whitespace and something that can start a sentence.
_ENGLISH_BOUNDARY = re.compile(r"""([.!?…]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")


@lru_cache(maxsize=1)
def _nonbreaking_prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Moses' English non-breaking prefixes (from sacremoses): always, and only before a number."""
    from sacremoses.corpus import NonbreakingPrefixes

    always: set[str] = set()
    numeric: set[str] = set()
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


def read_lines(path: Path, language: str) -> list[str]:
    """The file's lines, stripped; a CorpusError naming the file (and byte offset) if it cannot be read as text."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot read: {error.strerror or error}") from None
    text, _encoding = decode(data, str(path), legacy=language == "zh")
    # "\n" only, not str.splitlines: line numbers must be those of wc, sed and editors,
    # which do not break at U+2028 or U+0085.
    return [line.strip() for line in text.split("\n")]


def split_paragraphs(lines: list[str], language: str) -> list[str]:
    """The sentences of the non-blank lines, each line a paragraph."""
    if language == "zh":
        from corpus.segment import split_sentences

        return [s.strip() for line in lines if line for s in split_sentences(line) if s.strip()]
    return [s for line in lines if line for s in split_english(line)]


def _renumber(links: list[Link], zh_numbers: list[int], en_numbers: list[int]) -> list[Link]:
    """Links over the aligned (non-blank) lines, given as the lines' numbers in the files."""
    return [Link(tuple(zh_numbers[i] for i in link.zh), tuple(en_numbers[i] for i in link.en), link.score)
            for link in links]


def align_file_links(zh_path: Path, en_path: Path, *, paragraphs: bool = False, baseline: bool = False,
                     sentences_out: Path | None = None) -> list[Link]:
    """The links between two text files, numbering their non-blank lines (or, with ``paragraphs``, the split
    sentences).

    ``sentences_out`` (with ``paragraphs`` only) is a path prefix: the split
    sentences are written, one per line, to ``PREFIX.zh`` and ``PREFIX.en``,
    so line ``i`` of those files is the sentence the links call ``i``.
    """
    if sentences_out is not None and not paragraphs:
        raise CorpusError("--sentences-out needs --paragraphs: without it the links number the input lines")
    zh_lines, en_lines = read_lines(zh_path, "zh"), read_lines(en_path, "en")
    aligner = gale_church_align if baseline else align_texts
    if paragraphs:
        zh, en = split_paragraphs(zh_lines, "zh"), split_paragraphs(en_lines, "en")
        if sentences_out is not None:
            write_text(Path(f"{sentences_out}.zh"), "".join(f"{sentence}\n" for sentence in zh))
            write_text(Path(f"{sentences_out}.en"), "".join(f"{sentence}\n" for sentence in en))
        return aligner(zh, en)
    zh_numbers = [number for number, line in enumerate(zh_lines) if line]
    en_numbers = [number for number, line in enumerate(en_lines) if line]
    links = aligner([zh_lines[n] for n in zh_numbers], [en_lines[n] for n in en_numbers])
    return _renumber(links, zh_numbers, en_numbers)


def align_files(zh_path: Path, en_path: Path, *, paragraphs: bool = False, baseline: bool = False,
                sentences_out: Path | None = None) -> str:
    """:func:`align_file_links` in the Vecalign format (``[0, 1]:[2]`` lines)."""
    return format_links(align_file_links(zh_path, en_path, paragraphs=paragraphs, baseline=baseline,
                                         sentences_out=sentences_out))


def read_gold(path: Path) -> list[Link]:
    """Gold links in the Vecalign format; a CorpusError naming the file and line if one is malformed."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise CorpusError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: byte {error.start}: not UTF-8") from None
    try:
        return parse_links(text)
    except ValueError as error:
        raise CorpusError(f"{path}: {error}") from None
