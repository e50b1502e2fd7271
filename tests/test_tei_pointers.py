"""Every pointer of a TEI document file resolves from that file alone, with XSLT 1.0 and XPath.

Registry and taxonomy pointers are ``zhen:<id>``, which the file's own
``listPrefixDef`` declares as ``corpus.xml#<id>``; in-file pointers are ``#<id>``.
The checks follow the declaration as any TEI tool would: nothing here knows
where the corpus header is except through the document's header.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import corpus.tei
from corpus.export import tei
from corpus.model import Mention
from test_tei import BUILD_INFO, REGISTRY, minimal

NS = {"t": tei.TEI_NS}
POINTING = ("ref", "who", "ana", "corresp", "target", "resp")

# For each person mentioned (persName/@ref) or speaking (sp/@who, said/@who): the pointer and the name it
# resolves to, found through the prefixDef of the document's own header and document() relative to the file.
PERSON_NAMES = etree.XSLT(etree.XML(b"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace">
  <xsl:output method="text"/>
  <xsl:variable name="definition" select="/t:TEI/t:teiHeader/t:encodingDesc/t:listPrefixDef/t:prefixDef"/>
  <xsl:variable name="scheme" select="concat($definition/@ident, ':')"/>
  <xsl:variable name="header" select="document(substring-before($definition/@replacementPattern, '#'), /)"/>
  <xsl:template match="/">
    <xsl:for-each select="//t:persName/@ref | //t:sp/@who | //t:said/@who">
      <xsl:variable name="id" select="substring-after(., $scheme)"/>
      <xsl:variable name="entry" select="$header//*[@xml:id = $id]"/>
      <xsl:value-of
          select="concat(., '&#9;', local-name($entry), '&#9;', $entry/*[local-name() != 'note'][1], '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>"""))


def resolved_names(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in str(PERSON_NAMES(etree.parse(str(path)))).splitlines()]


def unresolved_pointers(path: Path) -> list[str]:
    """Pointers of a document file that do not resolve, following its listPrefixDef (XPath only)."""
    document = etree.parse(str(path))
    (definition,) = document.xpath("/t:TEI/t:teiHeader/t:encodingDesc/t:listPrefixDef/t:prefixDef", namespaces=NS)
    pattern = re.compile(definition.get("matchPattern") + r"\Z")
    replacement = re.sub(r"\$(\d)", r"\\\1", definition.get("replacementPattern"))  # TEI's $1 is Python's \1
    local_ids = set(document.xpath("//@xml:id"))
    headers: dict[Path, set[str]] = {}
    missing = []
    for element in document.iter():
        for name in POINTING:
            for value in (element.get(name) or "").split():
                scheme, _, rest = value.partition(":")
                if value.startswith("#"):
                    found = value[1:] in local_ids
                elif scheme == definition.get("ident") and pattern.match(rest):
                    target_file, _, target = pattern.sub(replacement, rest).partition("#")
                    header = (path.parent / target_file).resolve()
                    if header not in headers:
                        headers[header] = set(etree.parse(str(header)).xpath("//@xml:id"))
                    found = target in headers[header]
                else:
                    continue  # a file path (seed or curated link), checked with the published files
                if not found:
                    missing.append(f"{etree.QName(element).localname}/@{name}={value}")
    return missing


def write(folder: Path, docs, registry) -> list[Path]:
    (folder / tei.CORPUS_FILE_NAME).write_bytes(tei.write_corpus(docs, registry, BUILD_INFO))
    paths = []
    for doc in docs:
        paths.append(folder / tei.document_file_name(doc))
        paths[-1].write_bytes(tei.write_document(doc, registry, BUILD_INFO))
    return paths


def test_a_person_mentioned_or_speaking_resolves_to_its_name_from_one_file(tmp_path):
    doc = minimal("张宏江：“好。”", speaker="zhang-hongjiang", speaker_role="quoted", quote_spans=[(4, 8)],
                  entities=[Mention(0, 3, "张宏江", "person", "zhang-hongjiang")])
    (path,) = write(tmp_path, [doc], REGISTRY)
    assert resolved_names(path) == [["zhen:zhang-hongjiang", "person", "张宏江"]] * 2
    assert unresolved_pointers(path) == []


def test_the_check_fails_for_a_pointer_the_corpus_header_does_not_declare(tmp_path):
    doc = minimal("某某说。", entities=[Mention(0, 2, "某某", "person", "nobody")])
    (path,) = write(tmp_path, [doc], REGISTRY)
    assert resolved_names(path) == [["zhen:nobody", "", ""]]
    assert unresolved_pointers(path) == ["persName/@ref=zhen:nobody"]


PUBLISHED = sorted(path for path in corpus.tei.DIRECTORY.glob("*.xml") if path.name != tei.CORPUS_FILE_NAME)


@pytest.mark.parametrize("path", PUBLISHED, ids=[path.stem for path in PUBLISHED])
def test_every_pointer_of_a_published_document_resolves_from_its_file(path):
    assert unresolved_pointers(path) == []
    names = resolved_names(path)
    assert names and all(kind in ("person", "org") and name for _, kind, name in names), \
        [row for row in names if not row[2]]
    assert any(kind == "person" for _, kind, _ in names)
