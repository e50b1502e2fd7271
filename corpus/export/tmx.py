"""TMX 1.4b export: ``zhen.tmx``, one ``<tu>`` per link with both sides non-empty.

Each ``<tu>`` carries ``tuid`` ``<doc_id>:<link number>`` and the link type
and score as ``<prop>``s; sides with several sentences are joined as in the
Moses export.  No creation date is written, so the same documents always give
the same bytes.
"""
from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from lxml import etree

from corpus import atomic
from corpus.align.pairs import aligned_pairs
from corpus.export.base import Release, Target, register
from corpus.model import Document

TMX_FILE = "zhen.tmx"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tool_version() -> str:
    try:
        return metadata.version("zhen-corpus")
    except metadata.PackageNotFoundError:
        return "unknown"


def tmx_bytes(documents: Sequence[Document]) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="zhen-corpus", creationtoolversion=_tool_version(),
                     datatype="plaintext", segtype="sentence", adminlang="en", srclang="zh",
                     **{"o-tmf": "zhen-corpus"})
    body = etree.SubElement(root, "body")
    numbers: dict[str, int] = {}
    for pair in aligned_pairs(documents):
        numbers[pair.doc_id] = numbers.get(pair.doc_id, 0) + 1
        if not (pair.link.zh and pair.link.en):
            continue
        unit = etree.SubElement(body, "tu", tuid=f"{pair.doc_id}:{numbers[pair.doc_id]}")
        etree.SubElement(unit, "prop", type="x-link-type").text = pair.link.type
        etree.SubElement(unit, "prop", type="x-score").text = f"{pair.link.score:.4f}"
        for language, text in (("zh", pair.zh), ("en", pair.en)):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: language})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def export_tmx(documents: Sequence[Document], directory: Path) -> Path:
    """Write ``<directory>/zhen.tmx``; returns its path."""
    path = Path(directory) / TMX_FILE
    atomic.write_bytes(path, tmx_bytes(documents))
    return path


@register("tmx", Target.ALIGNMENTS, "TMX translation memory")
def write_release(release: Release, directory: Path) -> None:
    export_tmx(release.docs, directory)
