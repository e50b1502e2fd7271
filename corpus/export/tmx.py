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
import functools
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Optional

from lxml import etree

from corpus.errors import CorpusError
from corpus.export.parallel import ENGLISH_CODE, ORIGINAL, VARIANTS, Variant, linked_pairs, score_text
from corpus.export.base import Release, Target, export_files, register
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


def _tmx_root(variant: Variant, release_date: Optional[str]) -> tuple[etree._Element, etree._Element]:
    root = etree.Element("tmx", version="1.4")
    header = {"creationtool": "zhen-corpus", "creationtoolversion": _tool_version(), "datatype": "plaintext",
              "segtype": "sentence", "adminlang": "en", "srclang": variant.lang, "o-tmf": "zhen-corpus"}
    if release_date:
        header["creationdate"] = creation_date(release_date)
    etree.SubElement(root, "header", header)
    return root, etree.SubElement(root, "body")


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype=DOCTYPE)


# A TMX file with units is tmx_head(), every document's translation_units (doc_id order) and TMX_TAIL;
# one without any is empty_tmx().
BODY_START, TMX_TAIL = b"<body>\n", b"  </body>\n</tmx>\n"


@functools.lru_cache(maxsize=None)
def tmx_head(variant: Variant, release_date: Optional[str]) -> bytes:
    root, body = _tmx_root(variant, release_date)
    etree.SubElement(body, "tu")
    whole = _serialise(root)
    return whole[: whole.index(BODY_START) + len(BODY_START)]


def empty_tmx(variant: Variant, release_date: Optional[str]) -> bytes:
    return _serialise(_tmx_root(variant, release_date)[0])


def translation_units(document: Document, variant: Variant, release_date: Optional[str]) -> bytes:
    """The ``tu`` elements of one document, indented as the TMX file holds them (empty if it has none)."""
    root, body = _tmx_root(variant, release_date)
    for pair in linked_pairs([document], variant):
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
    if not len(body):
        return b""
    return _serialise(root)[len(tmx_head(variant, release_date)): -len(TMX_TAIL)]


def render_units(document: Document, release_date: Optional[str]) -> dict[str, bytes]:
    """``document``'s units of every variant's file (variant code → :func:`translation_units`)."""
    return {variant.code: translation_units(document, variant, release_date) for variant in VARIANTS}


class TmxWriter:
    """One TMX file per Chinese variant under ``directory``, a document's units at a time."""

    def __init__(self, directory: Path, release_date: Optional[str] = None):
        Path(directory).mkdir(parents=True, exist_ok=True)
        self.release_date = release_date
        self.paths = {variant: Path(directory) / tmx_file_name(variant) for variant in VARIANTS}
        self.files = {variant: open(path, "wb") for variant, path in self.paths.items()}
        self.units = dict.fromkeys(VARIANTS, False)  # whether the file has units (and so its head)

    def add(self, document: Document) -> None:
        self.add_rendered(render_units(document, self.release_date))

    def add_rendered(self, part: dict[str, bytes]) -> None:
        for variant, handle in self.files.items():
            units = part[variant.code]
            if units and not self.units[variant]:
                handle.write(tmx_head(variant, self.release_date))
                self.units[variant] = True
            handle.write(units)

    def close(self) -> list[Path]:
        """Returns the paths written."""
        for variant, handle in self.files.items():
            handle.write(TMX_TAIL if self.units[variant] else empty_tmx(variant, self.release_date))
            handle.close()
        return list(self.paths.values())


def export_tmx(documents: Sequence[Document], directory: Path, release_date: Optional[str] = None) -> list[Path]:
    """Write one TMX file per Chinese variant under ``directory``; returns the paths, sorted."""
    return export_files(TmxWriter(directory, release_date), documents)


def render(release: Release, document: Document) -> dict[str, bytes]:
    return render_units(document, release.build_info.get("release_date"))


@register("tmx", Target.ALIGNMENTS, "TMX translation memories, one per Chinese variant", render)
def open_writer(release: Release, directory: Path) -> TmxWriter:
    return TmxWriter(directory, release.build_info.get("release_date"))
