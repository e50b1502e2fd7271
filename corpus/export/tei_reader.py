"""Reading our TEI back into the document model (the inverse of :mod:`corpus.export.tei`).

``read(write_document(doc, ...))`` gives back every field the TEI carries (the
module docstring of :mod:`corpus.export.tei` lists what is not carried and
what is normalised), so ``write_document(read(write_document(doc)))`` is the
same bytes.  Only files this project writes are understood: the reader
follows the layout of :mod:`corpus.export.tei`, not TEI in general.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union, overload

from lxml import etree

from corpus.export import tei as spec
from corpus.model import Document, Edit, EntityType, Link, Mention, Paragraph, Sentence

MENTION_TYPES = {element: mention_type for mention_type, element in spec.MENTION_ELEMENTS.items()}
MENTION_TYPES[spec.ARTEFACT_MENTION_ELEMENT, None] = EntityType.WORK  # a work the registry calls an artefact
PARAGRAPH_KINDS = {element: kind for kind, element in spec.PARAGRAPH_ELEMENTS.items()}
SCRIPTS = {lang: script for script, lang in spec.SCRIPT_LANGS.items()}
VARIANTS = {(layer.div_type, layer.lang): layer for layer in spec.VARIANT_LAYERS}
VALUE_ATTRIBUTES = ("when", "quantity", "unit")  # written by spec.value_attributes
METADATA_KEYS = {
    (tag, frozenset(attrs.items())): (key, many) for key, (tag, attrs, many) in spec.METADATA_ELEMENTS.items()
}


def parse(source: Union[str, Path, bytes], base_url: Optional[str] = None) -> etree._Element:
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    if base_url is None and not isinstance(source, bytes):
        base_url = str(Path(source).resolve())
    return etree.fromstring(data, parser, base_url=base_url)


def read(source: Union[str, Path, bytes]) -> Document:
    """One document from a standalone TEI file (a path or its bytes)."""
    root = parse(source)
    if spec.local(root) != "TEI":
        raise spec.TeiError(f"expected a TEI document, found <{spec.local(root)}>; use read_corpus for a teiCorpus")
    return document(root)


def read_corpus(source: Union[str, Path, bytes], directory: Optional[Path] = None) -> list[Document]:
    """Every document of a ``teiCorpus`` file, in order, its ``xi:include`` elements expanded.

    The included files are found beside the corpus file (``directory`` when ``source`` is bytes).
    """
    base = str(Path(directory or ".").resolve() / spec.CORPUS_FILE_NAME) if isinstance(source, bytes) else None
    root = parse(source, base)
    if spec.local(root) != "teiCorpus":
        raise spec.TeiError(f"expected a teiCorpus, found <{spec.local(root)}>")
    tree = root.getroottree()
    try:
        tree.xinclude()
    except etree.XIncludeError as error:
        raise spec.TeiError(f"{base or source!s}: cannot include a document ({error})") from None
    return [document(element) for element in tree.getroot().iterchildren(spec.tei("TEI"))]


def find(element, path: str):
    return element.find(path, namespaces={"t": spec.TEI_NS})


def find_all(element, path: str):
    return element.findall(path, namespaces={"t": spec.TEI_NS})


@overload
def unpoint(value: str) -> str: ...
@overload
def unpoint(value: None) -> None: ...
def unpoint(value: Optional[str]) -> Optional[str]:
    """``"#x"`` → ``"x"``: a pointer within the file; None stays None."""
    return strip_head(value, "#")


@overload
def unprefix(value: str, prefix: str = "") -> str: ...
@overload
def unprefix(value: None, prefix: str = "") -> None: ...
def unprefix(value: Optional[str], prefix: str = "") -> Optional[str]:
    """``"zhen:<prefix>.x"`` → ``"x"`` (``"zhen:x"`` when no prefix): a pointer into the corpus header."""
    return strip_head(value, f"{spec.POINTER_PREFIX}:{prefix}." if prefix else f"{spec.POINTER_PREFIX}:")


@overload
def strip_head(value: str, head: str) -> str: ...
@overload
def strip_head(value: None, head: str) -> None: ...
def strip_head(value: Optional[str], head: str) -> Optional[str]:
    if value is None:
        return None
    if not value.startswith(head):
        raise spec.TeiError(f"pointer {value!r} should start with {head!r}")
    return value[len(head):]


def escaped_char(glyph) -> str:
    return chr(int(glyph.get("ref").rsplit(".u", 1)[1], 16))


def is_glyph(element) -> bool:
    return spec.local(element) == "g"


def text_of(element) -> str:
    """The exact text content, escapes (``g``) turned back into their characters."""
    parts = [element.text or ""]
    for child in element:
        parts.append(escaped_char(child) if is_glyph(child) else text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def marked_text(element, offset: int, mentions: list[Mention]) -> str:
    """Text of ``element``; mention elements inside are appended to ``mentions`` (outer first).

    A quotation (``said``) is read through: its mentions are the sentence's.
    """
    parts = [element.text or ""]
    position = offset + len(parts[0])
    for child in element:
        if is_glyph(child):
            parts.append(escaped_char(child))
        elif is_quotation(child):
            parts.append(marked_text(child, position, mentions))
        else:
            index = len(mentions)  # the mention comes before those nested in it
            inner = marked_text(child, position, mentions)
            mentions.insert(index, mention(child, position, inner))
            parts.append(inner)
        position += len(parts[-1])
        parts.append(child.tail or "")
        position += len(parts[-1])
    return "".join(parts)


def is_quotation(element) -> bool:
    return spec.local(element) == "said"


def quote_spans(element) -> list[tuple[int, int]]:
    """Where the ``said`` children of a sentence's ``s`` are in its text."""
    spans, position = [], len(element.text or "")
    for child in element:
        length = 1 if is_glyph(child) else len(text_of(child))
        if is_quotation(child):
            spans.append((position, position + length))
        position += length + len(child.tail or "")
    return spans


def mention(element, start: int, text: str) -> Mention:
    tag, type_value = spec.local(element), element.get("type")
    mention_type = MENTION_TYPES.get((tag, type_value))
    if mention_type is None:
        if tag != spec.FALLBACK_MENTION_ELEMENT or type_value is None:
            raise spec.TeiError(f"<{tag} type={type_value!r}> is not a mention element we write")
        mention_type = type_value
    ref = element.get(spec.REF_ATTRIBUTES.get(tag, "ref"))
    result = Mention(start=start, end=start + len(text), text=text, type=mention_type,
                     ref=unprefix(ref), source=unprefix(element.get("ana", ""), spec.SOURCE_PREFIX))
    check_values(element, result)
    return result


def check_values(element, mention: Mention) -> None:
    """The value attributes are recomputed from the text on writing; refuse a file whose values differ.

    They differ only in a file written by another version of :mod:`corpus.annotate.values`
    (or edited by hand): reading it silently would rewrite different bytes.
    """
    expected = {name: value for name, value in spec.value_attributes(mention).items() if value is not None}
    written = {name: element.get(name) for name in VALUE_ATTRIBUTES if element.get(name) is not None}
    if written != expected:
        raise spec.TeiError(f"<{spec.local(element)}> {mention.text!r} carries {written}, "
                            f"but its text gives {expected}")


def voice(element) -> tuple[Optional[str], Optional[str]]:
    return unprefix(element.get("who")), unprefix(element.get("ana"), spec.ROLE_PREFIX)


def sentence(element, doc_id: str, paragraph: int, start: int, speaking) -> Sentence:
    """The sentence in ``s``; ``speaking`` is the voice around it, unless quotations inside carry one."""
    mentions: list[Mention] = []
    zh = marked_text(element, 0, mentions)
    flags = [unprefix(flag, spec.FLAG_PREFIX) for flag in (element.get("ana") or "").split()]
    quotations = [child for child in element if is_quotation(child)]
    if quotations:
        speaking = voice(quotations[0])
    return Sentence(id=element.get(spec.XML_ID), doc_id=doc_id, paragraph=paragraph,
                    index=int(element.get("n")), zh=zh, start=start, flags=flags,
                    speaker=speaking[0], speaker_role=speaking[1], quote_spans=quote_spans(element),
                    entities=mentions)


def paragraph(element, doc_id: str) -> Paragraph:
    tag = spec.local(element)
    kind = PARAGRAPH_KINDS[(tag, element.get("type"))]
    label, container = None, element
    context: tuple[Optional[str], Optional[str]] = (None, None)
    if tag == "sp":
        speaker = find(element, "t:speaker")
        label = None if speaker is None else text_of(speaker)
        container, context = find(element, "t:p"), voice(element)
    number = int(element.get("n"))
    parts = [container.text or ""]
    sentences: list[Sentence] = []
    for child in container:
        position = sum(map(len, parts))
        if is_glyph(child):
            parts.append(escaped_char(child))
        else:
            s, speaking = (find(child, "t:s"), voice(child)) if spec.local(child) == "said" else (child, context)
            sentences.append(sentence(s, doc_id, number, position, speaking))
            parts.append(sentences[-1].zh)
        parts.append(child.tail or "")
    return Paragraph(index=number, kind=kind, text="".join(parts), speaker_label=label, sentences=sentences)


def layer_sentences(div):
    return div.iterfind(".//t:s", namespaces={"t": spec.TEI_NS})


def read_english(div, by_id: dict[str, Sentence], sources: dict[str, str]) -> None:
    for element in layer_sentences(div):
        target = by_id[unpoint(element.get("corresp", ""))]
        offset = len(target.en) + 1 if target.en_segments else 0
        target.en_segments.append(marked_text(element, offset, target.en_entities))
        target.en_source = sources[unpoint(element.get("resp", ""))]


def read_variant(div, layer: spec.Layer, by_id: dict[str, Sentence]) -> None:
    for element in layer_sentences(div):
        target = by_id[unpoint(element.get("corresp", ""))]
        setattr(target, layer.field, text_of(element))


def metadata(bibl) -> dict:
    values: dict = {}
    for child in bibl:
        attrs = dict(child.attrib)
        if (spec.local(child), frozenset(attrs.items())) in METADATA_KEYS:
            key, many = METADATA_KEYS[spec.local(child), frozenset(attrs.items())]
        else:
            key, many = attrs["type"], attrs.get("subtype") == spec.METADATA_LIST_ITEM
        if many:
            values.setdefault(key, []).append(text_of(child))
        else:
            values[key] = text_of(child)
    return values


def edits(changes) -> list[list[Edit]]:
    passes: list[list[Edit]] = []
    if changes is None:
        return passes
    for change in find_all(changes, "t:change[@type='cleaning']"):
        passes.append([])
        for item in find_all(change, "t:list/t:item"):
            start, end = map(int, item.get("n").split())
            old, new, rule, reason = (text_of(find(item, f"t:{tag}")) for tag in ("del", "add", "label", "note"))
            passes[-1].append(Edit(start=start, end=end, old=old, new=new, rule=rule, reason=reason))
    return passes


def links(root, doc: Document) -> list[Link]:
    zh_index = {s.id: i for i, s in enumerate(doc.sentences)}
    en_index = {identifier: i for i, identifier in enumerate(spec.english_ids(doc))}
    result = []
    for element in find_all(root, "t:standOff/t:linkGrp/t:link"):
        zh_count, _ = map(int, element.get("type").split("-"))
        targets = [unpoint(target) for target in element.get("target").split()]
        zh_targets, en_targets = targets[:max(zh_count, 1)], targets[max(zh_count, 1):]
        result.append(Link(zh=tuple(zh_index[t] for t in zh_targets if t in zh_index),
                           en=tuple(en_index[t] for t in en_targets if t in en_index),
                           score=float(element.get("cert"))))
    return result


def document(root) -> Document:
    doc_id = root.get(spec.XML_ID)
    header = find(root, "t:teiHeader")
    seed = find(header, "t:fileDesc/t:sourceDesc/t:bibl[@type='seed']")
    original = find(root, "t:text/t:body/t:div[@type='original']")
    doc = Document(
        doc_id=doc_id,
        source_file=text_of(find(seed, "t:ref")),
        encoding=text_of(find(seed, "t:note[@type='encoding']")),
        script=SCRIPTS[original.get(spec.XML_LANG)],
        edits=edits(find(root, "t:standOff/t:listChange")),
        metadata=metadata(find(header, "t:fileDesc/t:sourceDesc/t:bibl[@type='article']")),
        paragraphs=[paragraph(element, doc_id) for section in original for element in section],
    )
    by_id = {s.id: s for s in doc.sentences}
    sources = {statement.get(spec.XML_ID): text_of(find(statement, "t:note[@type='en_source']"))
               for statement in find_all(header, "t:fileDesc/t:titleStmt/t:respStmt")}
    for div in find_all(root, "t:text/t:body/t:div"):
        key = (div.get("type"), div.get(spec.XML_LANG))
        if key == (spec.ENGLISH.div_type, spec.ENGLISH.lang):
            read_english(div, by_id, sources)
        elif key in VARIANTS:
            read_variant(div, VARIANTS[key], by_id)
    doc.links = links(root, doc)
    doc.names = document_names(header)
    return doc


def document_names(header) -> dict[str, tuple[str, str]]:
    """``Document.names`` from the document header's person, org and place lists (the entry's first name)."""
    entries = find_all(header, "t:profileDesc/t:particDesc/*/*") + find_all(header, "t:profileDesc/t:settingDesc/*/*")
    return {entry.get(spec.XML_ID): (text_of(entry[0]), spec.local(entry)) for entry in entries}
