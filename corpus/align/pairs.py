"""The aligned sentence pairs of documents, as the alignment exports (XCES, Moses, TMX) write them.

Export text is made safe for every format the same way, so the three files
carry identical pairs: characters that XML 1.0 forbids (C0 controls other
than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) are *removed*, because
they cannot be written in XML at all, not even as character references, and
they carry no text; line and paragraph breaks and tabs become a single space,
because Moses files and ``opus_read`` output are one pair per line and
tab-separated; leading/trailing whitespace is stripped.  Everything else,
markup characters included, is kept and escaped by lxml.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from corpus.model import Document, Link

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]+")


def export_text(text: str) -> str:
    return BREAKS.sub(" ", XML_ILLEGAL.sub("", text)).strip()


@dataclass(frozen=True)
class AlignedPair:
    doc_id: str
    link: Link
    zh: str  # the link's zh sentences joined with "" (Chinese is written without spaces)
    en: str  # the link's English segments joined with " "


def sorted_documents(documents: Sequence[Document]) -> list[Document]:
    return sorted(documents, key=lambda document: document.doc_id)


def zh_texts(document: Document) -> list[str]:
    return [export_text(sentence.zh) for sentence in document.sentences]


def en_texts(document: Document) -> list[str]:
    return [export_text(segment) for segment in document.en_segments]


def aligned_pairs(documents: Sequence[Document]) -> Iterator[AlignedPair]:
    """Every link of every document (sorted by doc_id, links in document order) with its texts."""
    for document in sorted_documents(documents):
        zh, en = zh_texts(document), en_texts(document)
        for link in document.links:
            yield AlignedPair(document.doc_id, link, "".join(zh[i] for i in link.zh),
                              " ".join(en[j] for j in link.en))
