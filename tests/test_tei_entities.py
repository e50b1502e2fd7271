"""The registry's entries in the TEI corpus header: artefacts as objects, affiliations, Wikidata ids.

Works the registry calls artefacts (``subtype`` in ``ARTEFACT_SUBTYPES``: models, apps, GPUs) are
``listObject/object`` with their names in ``objectIdentifier``, and their mentions are ``objectName``;
other works stay ``listBibl/bibl`` and ``title``.  A person's ``affiliations`` become ``affiliation``
elements dated only where the registry quotes a text that states the date; an entity's ``wikidata``
becomes ``idno type="wikidata"``.
"""
from __future__ import annotations

import dataclasses
import re

import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import corpus.tei
from corpus.export import tei, tei_reader
from corpus.model import ARTEFACT_SUBTYPES, Mention, WorkSubtype
from corpus.registry import DEFAULT_PATH, load_registry, validate
from test_tei import BUILD_INFO, REGISTRY, carried, documents, minimal

NS = {"t": tei.TEI_NS}
PUBLISHED_CORPUS = corpus.tei.DIRECTORY / tei.CORPUS_FILE_NAME
SENTENCES = DEFAULT_PATH.parent.parent / "data" / "sentences.parquet"
ARTEFACT, TEXT = sorted(ARTEFACT_SUBTYPES)[0], WorkSubtype.BOOK
PERSON = {"id": "li-mu", "type": "person", "en": "Li Mu", "wikidata": "Q1",
          "affiliations": [{"role": "senior researcher", "org": "baai", "start": "2011-04", "end": "2012-08"},
                           {"role": "student", "name": "Some University", "when": "2008"},
                           {"role": "co-founder", "org": "baai"}]}
WORKS = [{"id": "gpt-3", "type": "work", "subtype": ARTEFACT, "en": "GPT-3", "aliases": ["GPT3"],
          "wikidata": "Q2", "description": "A model."},
         {"id": "outliers", "type": "work", "subtype": TEXT, "en": "Outliers", "zh_hans": "异类"}]
WITH_FIELDS = {"entities": [e for e in REGISTRY["entities"] if e["id"] != "gpt-3"] + [PERSON, *WORKS]}


def header(registry: dict) -> etree._Element:
    return etree.fromstring(tei.write_corpus([minimal("好。")], registry, BUILD_INFO)).find(tei.tei("teiHeader"))


def test_artefacts_are_objects_and_texts_are_bibls_typed_by_their_subtype():
    found = header(WITH_FIELDS)
    (model,) = found.xpath("t:fileDesc/t:sourceDesc/t:listObject[@type='entities']/t:object", namespaces=NS)
    assert (model.get(tei.XML_ID), model.get("type")) == ("gpt-3", ARTEFACT)
    assert model.xpath("t:objectIdentifier/t:objectName/text()", namespaces=NS) == ["GPT-3", "GPT3"]
    assert model.xpath("t:objectIdentifier/t:idno[@type='wikidata']/text()", namespaces=NS) == ["Q2"]
    assert model.xpath("t:note/text()", namespaces=NS) == ["A model."]
    (book,) = found.xpath("t:fileDesc/t:sourceDesc/t:listBibl[@type='entities']/t:bibl", namespaces=NS)
    assert (book.get(tei.XML_ID), book.get("type"), book.xpath("t:title/text()", namespaces=NS)) == \
        ("outliers", TEXT, ["异类", "Outliers"])


def test_a_mention_of_an_artefact_is_an_object_name_and_reads_back_as_a_work():
    doc = minimal("GPT-3和异类", entities=[Mention(0, 5, "GPT-3", "work", "gpt-3"),
                                          Mention(6, 8, "异类", "work", "outliers")])
    written = tei.write_document(doc, WITH_FIELDS, BUILD_INFO)
    s = etree.fromstring(written).find(".//{%s}s" % tei.TEI_NS)
    assert [(etree.QName(e).localname, e.get("ref")) for e in s] == [("objectName", "zhen:gpt-3"),
                                                                    ("title", "zhen:outliers")]
    back = tei_reader.read(written)
    assert [(m.type, m.ref, m.text) for m in back.sentences[0].entities] == [("work", "gpt-3", "GPT-3"),
                                                                             ("work", "outliers", "异类")]
    assert tei.write_document(back, WITH_FIELDS, BUILD_INFO) == written


def artefact_registry(subtypes: list[str]) -> dict:
    """The refs test_tei's document strategy draws, registered as works of the given subtypes (cycled)."""
    ids = ["zhang-hongjiang", "baai", "beijing", "wei_shijie", "x.y"]
    return {"entities": [{"id": entity_id, "type": "work", "en": entity_id, "subtype": subtypes[i % len(subtypes)]}
                         for i, entity_id in enumerate(ids)]}


@settings(max_examples=60, deadline=None)
@given(documents(), st.lists(st.sampled_from(sorted(WorkSubtype)), min_size=1, max_size=5))
def test_documents_with_artefact_mentions_read_back_losslessly(doc, subtypes):
    registry = artefact_registry(subtypes)
    written = tei.write_document(doc, registry, BUILD_INFO)
    back = tei_reader.read(written)
    assert back == carried(doc)
    assert tei.write_document(back, registry, BUILD_INFO) == written
    artefacts = tei.artefact_ids(registry)
    for element in etree.fromstring(written).iter(tei.tei("objectName")):
        assert element.get("ref", "").removeprefix("zhen:") in artefacts


def test_affiliations_and_wikidata_ids_are_written_as_given():
    (person,) = header(WITH_FIELDS).xpath("//t:listPerson/t:person[@xml:id='li-mu']", namespaces=NS)
    assert person.xpath("t:idno[@type='wikidata']/text()", namespaces=NS) == ["Q1"]
    affiliations = person.xpath("t:affiliation", namespaces=NS)
    assert [(a.get("from"), a.get("to"), a.get("when"), "".join(a.itertext())) for a in affiliations] == [
        ("2011-04", "2012-08", None, "senior researcher, BAAI"),
        (None, None, "2008", "student, Some University"),
        (None, None, None, "co-founder, BAAI")]
    assert [a.xpath("string(t:orgName/@ref)", namespaces=NS) for a in affiliations] == ["zhen:baai", "", "zhen:baai"]


def test_the_registry_refuses_fields_it_cannot_vouch_for():
    base = {"id": "p", "type": "person", "en": "P", "aliases": ["P"]}
    org = {"id": "o", "type": "org", "en": "O", "aliases": ["O"]}
    cases = {
        "not a Wikidata item id": {**base, "wikidata": "wd:42"},
        "only works have one": {**base, "subtype": "model"},
        "a date needs the evidence": {**base, "affiliations": [{"role": "r", "org": "o", "from": "2015"}]},
        "is not a registered organisation": {**base, "affiliations": [{"role": "r", "org": "nobody"}]},
        "is not YYYY": {**base, "affiliations": [{"role": "r", "org": "o", "when": "2015年", "evidence": "x"}]},
        "give either org": {**base, "affiliations": [{"role": "r"}]},
        "unknown fields ['science']": {**base, "affiliations": [{"role": "student", "org": "o", "science": None}]},
        "only people have affiliations": {**org, "id": "o2", "aliases": ["O2"],
                                          "affiliations": [{"role": "r", "org": "o"}]},
    }
    for complaint, entry in cases.items():
        problems = validate({"entities": [org, entry]})
        assert any(complaint in problem for problem in problems), (complaint, problems)
    assert validate({"entities": [org, {**base, "wikidata": "Q42", "affiliations": [
        {"role": "r", "org": "o", "from": "2015-03", "evidence": "2015年3月"}]}]}) == []


def test_every_dated_affiliation_quotes_a_shipped_sentence_that_states_its_dates():
    texts = [row[column] for row in pq.read_table(SENTENCES, columns=["zh", "zh_hans", "zh_hant"]).to_pylist()
             for column in ("zh", "zh_hans", "zh_hant")]
    dated = [(entity.id, a) for entity in load_registry().entities.values() for a in entity.affiliations
             if a.start or a.end or a.when]
    assert dated
    for entity_id, affiliation in dated:
        assert any(affiliation.evidence in text for text in texts), (entity_id, affiliation.evidence)
        for date in filter(None, (affiliation.start, affiliation.end, affiliation.when)):
            year, *rest = date.split("-")
            assert year in affiliation.evidence, (entity_id, date)
            if rest:  # a month is stated as such (4月), not guessed from a season
                assert re.search(rf"(?<![0-9]){int(rest[0])}\s*月", affiliation.evidence), (entity_id, date)


def test_in_the_published_header_every_affiliation_and_artefact_resolves():
    found = etree.parse(str(PUBLISHED_CORPUS))
    orgs = set(found.xpath("//t:listOrg/t:org/@xml:id", namespaces=NS))
    refs = found.xpath("//t:affiliation/t:orgName/@ref", namespaces=NS)
    assert refs and {ref.removeprefix("zhen:") for ref in refs} <= orgs
    registry = load_registry()
    objects = set(found.xpath("//t:listObject/t:object/@xml:id", namespaces=NS))
    assert objects == {e.id for e in registry.entities.values() if e.subtype in ARTEFACT_SUBTYPES}
    wikidata = found.xpath("//t:idno[@type='wikidata']", namespaces=NS)
    assert len(wikidata) == sum(1 for e in registry.entities.values() if e.wikidata)
    for idno in wikidata:
        entry = idno.xpath("ancestor::*[@xml:id][1]", namespaces=NS)[0]
        assert registry[entry.get(tei.XML_ID)].wikidata == idno.text


def test_published_documents_name_artefacts_with_object_name_only():
    registry = load_registry()
    for path in sorted(corpus.tei.DIRECTORY.glob("*.xml")):
        if path.name == tei.CORPUS_FILE_NAME:
            continue
        found = etree.parse(str(path))
        for ref in found.xpath("//t:text//t:title/@ref", namespaces=NS):
            assert registry[ref.removeprefix("zhen:")].subtype not in ARTEFACT_SUBTYPES, (path.name, ref)
        for ref in found.xpath("//t:text//t:objectName/@ref", namespaces=NS):
            assert registry[ref.removeprefix("zhen:")].subtype in ARTEFACT_SUBTYPES, (path.name, ref)


def test_entity_dataclass_carries_the_new_fields_to_the_exporters():
    """The build hands the exporters ``asdict(Entity)``: the fields reach the TEI writer under these names."""
    entity = load_registry()["li-mu"]
    fields = dataclasses.asdict(entity)
    assert fields["affiliations"] and set(fields["affiliations"][0]) >= {"role", "org", "start", "end", "when"}


def test_from_a_single_document_file_every_object_name_resolves_to_an_object_with_that_name():
    """XPath only, through the file's own listPrefixDef (as tests/test_tei_pointers.py resolves persons)."""
    checked = 0
    for path in sorted(corpus.tei.DIRECTORY.glob("*.xml")):
        if path.name == tei.CORPUS_FILE_NAME:
            continue
        found = etree.parse(str(path))
        (definition,) = found.xpath("//t:listPrefixDef/t:prefixDef", namespaces=NS)
        header_file = definition.get("replacementPattern").split("#")[0]
        header = etree.parse(str(path.parent / header_file))
        for name in found.xpath("//t:text//t:objectName", namespaces=NS):
            target = name.get("ref").removeprefix(definition.get("ident") + ":")
            (entry,) = header.xpath("//*[@xml:id = $id]", id=target)
            assert etree.QName(entry).localname == "object"
            assert "".join(name.itertext()) in entry.xpath(".//t:objectName/text()", namespaces=NS) or \
                name.getparent().xpath("ancestor::t:div[@xml:lang='en']", namespaces=NS), (path.name, target)
            checked += 1
    assert checked


def test_the_entities_config_carries_subtype_wikidata_and_affiliations_as_the_registry_records_them():
    registry = load_registry()
    rows = {row["id"]: row for row in pq.read_table(SENTENCES.parent / "entities.parquet").to_pylist()}
    assert set(rows) == set(registry.entities)
    for entity in registry.entities.values():
        row = rows[entity.id]
        assert (row["subtype"], row["wikidata"]) == (entity.subtype, entity.wikidata)
        assert row["affiliations"] == [dataclasses.asdict(affiliation) for affiliation in entity.affiliations]
    assert any(row["wikidata"] for row in rows.values()) and any(row["affiliations"] for row in rows.values())
