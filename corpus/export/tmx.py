"""TMX 1.4b export: ``zhen.tmx`` (original script), ``zhen.zh_Hans.tmx`` and ``zhen.zh_Hant.tmx``.

One ``<tu>`` per link with both sides non-empty (documents in doc_id order,
links in document order).  ``tuid`` is the stable id of the link's Chinese
side (its sentence ids joined with ``+``); ``<prop>``s carry the English ids,
the link type and the score.  A unit whose sides hold one sentence each is a
``sentence`` unit (the header's ``segtype``); a unit with several sentences
on a side is marked ``segtype="paragraph"``.  Sides with several sentences
are joined as in the Moses export.  ``creationdate`` is the release date
from ``corpus/curated/publication.yaml``, not the clock, so the same
documents always give the same bytes.
"""
from __future__ import annotations

import datetime
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Optional

from lxml import etree

from corpus import atomic
from corpus.errors import CorpusError
from corpus.export.parallel import ENGLISH_CODE, ORIGINAL, VARIANTS, Variant, linked_pairs, score_text
from corpus.export.base import Release, Target, register
from corpus.model import Document

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def tmx_file_name(variant: Variant) -> str:
    return "zhen.tmx" if variant is ORIGINAL else f"zhen.{variant.code}.tmx"


TMX_FILE = tmx_file_name(ORIGINAL)


def _tool_version() -> str:
    try:
        return metadata.version("zhen-corpus")
    except metadata.PackageNotFoundError:
        return "unknown"


def creation_date(release_date: str) -> str:
    """``YYYY-MM-DD`` → TMX's ``YYYYMMDDThhmmssZ`` (midnight UTC)."""
    try:
        day = datetime.date.fromisoformat(release_date)
    except ValueError:
        raise CorpusError(f"corpus/curated/publication.yaml: release_date {release_date!r} is not YYYY-MM-DD") from None
    return day.strftime("%Y%m%dT000000Z")


def tmx_bytes(documents: Sequence[Document], variant: Variant = ORIGINAL, release_date: Optional[str] = None) -> bytes:
    root = etree.Element("tmx", version="1.4")
    header = {"creationtool": "zhen-corpus", "creationtoolversion": _tool_version(), "datatype": "plaintext",
              "segtype": "sentence", "adminlang": "en", "srclang": variant.lang, "o-tmf": "zhen-corpus"}
    if release_date:
        header["creationdate"] = creation_date(release_date)
    etree.SubElement(root, "header", header)
    body = etree.SubElement(root, "body")
    for pair in linked_pairs(documents, variant):
        if not (pair.link.zh and pair.link.en):
            continue
        unit = etree.SubElement(body, "tu", tuid="+".join(pair.zh_ids))
        if len(pair.zh) > 1 or len(pair.en) > 1:
            unit.set("segtype", "paragraph")
        etree.SubElement(unit, "prop", type="x-en-ids").text = " ".join(pair.en_ids)
        etree.SubElement(unit, "prop", type="x-link-type").text = pair.link.type
        etree.SubElement(unit, "prop", type="x-score").text = score_text(pair.link.score)
        for language, text in ((variant.lang, "".join(pair.zh)), (ENGLISH_CODE, " ".join(pair.en))):
            tuv = etree.SubElement(unit, "tuv", {XML_LANG: language})
            etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype=DOCTYPE)


def export_tmx(documents: Sequence[Document], directory: Path, release_date: Optional[str] = None) -> list[Path]:
    """Write one TMX file per Chinese variant under ``directory``; returns the paths, sorted."""
    written = []
    for variant in VARIANTS:
        path = Path(directory) / tmx_file_name(variant)
        atomic.write_bytes(path, tmx_bytes(documents, variant, release_date))
        written.append(path)
    return sorted(written)


@register("tmx", Target.ALIGNMENTS, "TMX translation memories, one per Chinese variant")
def write_release(release: Release, directory: Path) -> None:
    export_tmx(release.docs, directory, release.build_info.get("release_date"))
