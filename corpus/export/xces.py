"""OPUS-style XCES export: per-language sentence files plus one cesAlign file.

Layout under the output directory (``alignments/``)::

    zh/<doc_id>.xml   <document id=…><s id="s1">…</s>…   one <s> per zh sentence
    en/<doc_id>.xml   the same, one <s> per English segment
    zh-en.xml         <cesAlign><linkGrp fromDoc="zh/<doc_id>.xml" toDoc="en/<doc_id>.xml">
                        <link xtargets="s1;s1 s2" type="1-2" score="0.8312" certainty="0.8312" id="SL1"/>

The link score is written twice: as ``score`` and as ``certainty``, the name
OPUS aligners write and ``opus_read -a certainty -tr T`` filters on.

``fromDoc``/``toDoc`` are relative to the output directory, which is what
opustools resolves them against: ``opus_read -d zhen -s zh -t en -af
alignments/zh-en.xml -dl alignments -p raw -wm moses`` prints our pairs
(opustools opens a local sentence file at ``<-dl>/<fromDoc>`` before looking
in OPUS zip archives, and reads plain or ``.gz`` files alike).  Sentence ids
are ``s<n>``, 1-based positions in ``Document.sentences`` /
``Document.en_segments``; 1-0/0-1 links have an empty side (``"s4;"``).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from corpus import atomic
from corpus.align.pairs import en_texts, sorted_documents, zh_texts
from corpus.export.base import Release, Target, register
from corpus.model import Document

ALIGNMENT_FILE = "zh-en.xml"


def _sentence_file(doc_id: str, texts: list[str]) -> bytes:
    root = etree.Element("document", id=doc_id)
    for number, text in enumerate(texts, start=1):
        etree.SubElement(root, "s", id=f"s{number}").text = text
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _ids(indices: tuple[int, ...]) -> str:
    return " ".join(f"s{index + 1}" for index in indices)


def _alignment_file(documents: list[Document]) -> bytes:
    root = etree.Element("cesAlign", version="1.0")
    for document in documents:
        group = etree.SubElement(root, "linkGrp", targType="s", fromDoc=f"zh/{document.doc_id}.xml",
                                 toDoc=f"en/{document.doc_id}.xml")
        for number, link in enumerate(document.links, start=1):
            score = f"{link.score:.4f}"
            etree.SubElement(group, "link", id=f"SL{number}", xtargets=f"{_ids(link.zh)};{_ids(link.en)}",
                             type=link.type, score=score, certainty=score)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def export_xces(documents: Sequence[Document], directory: Path) -> list[Path]:
    """Write the sentence files and ``zh-en.xml``; returns the paths written, sorted."""
    directory = Path(directory)
    ordered = sorted_documents(documents)
    written = []
    for document in ordered:
        for language, texts in (("zh", zh_texts(document)), ("en", en_texts(document))):
            path = directory / language / f"{document.doc_id}.xml"
            atomic.write_bytes(path, _sentence_file(document.doc_id, texts))
            written.append(path)
    atomic.write_bytes(directory / ALIGNMENT_FILE, _alignment_file(ordered))
    written.append(directory / ALIGNMENT_FILE)
    return sorted(written)


@register("xces", Target.ALIGNMENTS, "OPUS XCES sentence files and alignment")
def write_release(release: Release, directory: Path) -> None:
    export_xces(release.docs, directory)
