"""OPUS-style XCES export: sentence files per language, in two forms, and one cesAlign file per Chinese variant.

Layout under the output directory (``alignments/``)::

    <lang>/<doc_id>.xml            <document id=…><s id="<sentence id>">text</s>…  (``opus_read -p raw`` reads it)
    tokenised/<lang>/<doc_id>.xml  the same sentences as ``<w>`` tokens     (``opus_read``'s default reads it)
    <zh variant>-en.xml            <cesAlign><linkGrp fromDoc="<zh variant>/<doc_id>.xml" toDoc="en/<doc_id>.xml">
                                   <link xtargets="<zh ids>;<en ids>" type="1-2" score="0.8312"
                                         certainty="0.8312" id="SL1"/>

``<lang>`` is ``en`` or a Chinese variant code of :data:`corpus.export.parallel.VARIANTS`
(``zh`` original script, ``zh_Hans``, ``zh_Hant``).  Sentence ids are the
corpus ids (``<doc_id>.pNNN.sNN``, English ``<sid>.en<k>``); 1-0/0-1 links
have an empty side (``"<sid>;"``).  The link score is written twice: as
``score`` and as ``certainty``, the name OPUS aligners write and ``opus_read
-a certainty -tr T`` filters on.

``fromDoc``/``toDoc`` are relative to the sentence-file folder, which is what
opustools resolves them against (it opens ``<-dl>/<fromDoc>`` before looking
in OPUS zip archives), so one alignment file serves both forms, as OPUS's
``raw`` and ``xml`` releases share theirs::

    opus_read -d zhen -s zh -t en -af alignments/zh-en.xml -dl alignments -p raw -wm moses
    opus_read -d zhen -s zh -t en -af alignments/zh-en.xml -dl alignments/tokenised -wm moses
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from corpus import atomic
from corpus.align.pairs import en_texts, zh_texts
from corpus.export.parallel import ENGLISH_CODE, VARIANTS, Variant, english_ids, in_variant, linked_pairs, score_text
from corpus.export.tokens import tokens
from corpus.export.base import Release, Target, export_files, register
from corpus.model import Document

TOKENISED = "tokenised"


def alignment_file_name(variant: Variant) -> str:
    return f"{variant.code}-{ENGLISH_CODE}.xml"


ALIGNMENT_FILE = alignment_file_name(VARIANTS[0])


def _sentence_file(doc_id: str, ids: list[str], texts: list[str], language: str, tokenised: bool) -> bytes:
    root = etree.Element("document", id=doc_id)
    for identifier, text in zip(ids, texts):
        sentence = etree.SubElement(root, "s", id=identifier)
        if not tokenised:
            sentence.text = text
            continue
        for token in tokens(text, language):
            etree.SubElement(sentence, "w").text = token
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _alignment_root() -> etree._Element:
    return etree.Element("cesAlign", version="1.0")


# An alignment file of documents is ALIGNMENT_HEAD, each document's link_group (doc_id order), ALIGNMENT_TAIL;
# without documents it is EMPTY_ALIGNMENT.
ALIGNMENT_HEAD = _serialise(_alignment_root()).replace(b"/>\n", b">\n")
ALIGNMENT_TAIL = b"</cesAlign>\n"
EMPTY_ALIGNMENT = _serialise(_alignment_root())


def link_group(document: Document, variant: Variant) -> bytes:
    """The ``linkGrp`` of one document (in ``variant``), indented as the alignment file holds it."""
    root = _alignment_root()
    group = etree.SubElement(root, "linkGrp", targType="s", fromDoc=f"{variant.code}/{document.doc_id}.xml",
                             toDoc=f"{ENGLISH_CODE}/{document.doc_id}.xml")  # every document has one, linked or not
    for number, pair in enumerate(linked_pairs([document], variant), start=1):
        score = score_text(pair.link.score)
        etree.SubElement(group, "link", id=f"SL{number}", xtargets=f"{' '.join(pair.zh_ids)};{' '.join(pair.en_ids)}",
                         type=pair.link.type, score=score, certainty=score)
    whole = _serialise(root)
    return whole[len(ALIGNMENT_HEAD): -len(ALIGNMENT_TAIL)]


@dataclass(frozen=True)
class XcesPart:
    """One document's sentence files (path under the output directory → bytes) and its link group per variant."""

    files: dict[str, bytes]
    link_groups: dict[str, bytes]  # variant code → :func:`link_group`


def render_document(document: Document) -> XcesPart:
    files: dict[str, bytes] = {}
    groups: dict[str, bytes] = {}
    for variant in VARIANTS:
        [converted] = in_variant([document], variant)
        sides = [(variant.code, zh_texts, lambda d: [s.id for s in d.sentences])]
        if variant is VARIANTS[0]:
            sides.append((ENGLISH_CODE, en_texts, english_ids))
        for language, texts, ids in sides:
            for folder, tokenised in (("", False), (TOKENISED + "/", True)):
                files[f"{folder}{language}/{document.doc_id}.xml"] = _sentence_file(
                    document.doc_id, ids(converted), texts(converted), language, tokenised)
        groups[variant.code] = link_group(document, variant)
    return XcesPart(files, groups)


class XcesWriter:
    """The sentence files (both forms) of each document as it comes, and one alignment file per variant."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.alignments = {variant: open(self.directory / alignment_file_name(variant), "wb") for variant in VARIANTS}
        self.written = [self.directory / alignment_file_name(variant) for variant in VARIANTS]
        for handle in self.alignments.values():
            handle.write(ALIGNMENT_HEAD)
        self.documents = 0

    def add(self, document: Document) -> None:
        self.add_rendered(render_document(document))

    def add_rendered(self, part: XcesPart) -> None:
        for name, data in part.files.items():
            atomic.write_bytes(self.directory / name, data)
            self.written.append(self.directory / name)
        for variant, handle in self.alignments.items():
            handle.write(part.link_groups[variant.code])
        self.documents += 1

    def close(self) -> list[Path]:
        """Returns the paths written."""
        for handle in self.alignments.values():
            if self.documents:
                handle.write(ALIGNMENT_TAIL)
            else:
                handle.seek(0)
                handle.truncate()
                handle.write(EMPTY_ALIGNMENT)
            handle.close()
        return self.written


def export_xces(documents: Sequence[Document], directory: Path) -> list[Path]:
    """Write the sentence files (both forms) and one alignment file per variant; returns the paths written, sorted."""
    return export_files(XcesWriter(directory), documents)


def render(release: Release, document: Document) -> XcesPart:
    return render_document(document)


@register("xces", Target.ALIGNMENTS, "OPUS XCES sentence files (raw and tokenised) and alignments",
          render)
def open_writer(release: Release, directory: Path) -> XcesWriter:
    return XcesWriter(directory)
