"""TEI export and read-back: exact round trips on generated documents with hostile text."""
from __future__ import annotations

import copy
import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus.export import tei, tei_reader
from corpus.model import Document, Edit, Link, Mention, Paragraph, Sentence

# Strings XML 1.0 or naive writers get wrong: markup, CDATA end, controls, CR/CRLF (parsers
# normalise them), lone surrogates, non-characters, bidi and line-separator marks.
SPECIALS = ["<", "&", "]]>", '"', "\x00", "\x01", "\x1f", "\r", "\r\n", "\t", "\n", " ", "\ud800",
            "\udfff", "\ud83d\ude00", "\ufffe", "\uffff", "\x7f", "\x85", "\u200f", "\u202e", "\u2028",
            "张宏江", "智源", "g", "#", "2023年8月1日", "5000万美金", "70%", "March 20"]
hostile = st.lists(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(SPECIALS)), max_size=8
).map("".join)
names = st.sampled_from(["zhang-hongjiang", "baai", "beijing", "wei_shijie", "x.y"])
tokens = st.sampled_from(["mt", "short", "len-ratio-2", "untranslated", "a.b_c"])
all_types = list(tei.MENTION_ELEMENTS) + ["event", "product"]

BUILD_INFO = {"tools": {"opencc": "1.1.6", "argostranslate": "1.11.0rc1"},
              "curated": {"corpus/curated/entities.yaml": "sha256:00ff"},
              "cleaning": "Removed <boilerplate> & ads.", "licence": "CC BY-NC 4.0"}
REGISTRY = {"entities": [
    {"id": "zhang-hongjiang", "type": "person", "zh_hans": "张宏江", "zh_hant": "張宏江",
     "en": "Zhang Hongjiang", "pinyin": "Zhāng Hóngjiāng", "aliases": ["宏江"], "description": "Chair of BAAI."},
    {"id": "baai", "type": "org", "zh_hans": "智源", "en": "BAAI", "aliases": []},
    {"id": "geekpark", "type": "outlet", "zh_hans": "极客公园", "en": "GeekPark"},
    {"id": "beijing", "type": "place", "en": "Beijing"},
    {"id": "gpt-3", "type": "work", "zh_hans": None, "en": "GPT-3"},
    {"id": "turing-award", "type": "misc", "en": "Turing Award\x01"},
]}


@st.composite
def mentions(draw, text: str) -> list[Mention]:
    """Mentions with in-range offsets and matching text; some nest, some cross, some are empty."""
    result = []
    for _ in range(draw(st.integers(0, 4)) if text else 0):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        result.append(Mention(start, end, text[start:end], draw(st.sampled_from(all_types)),
                              draw(st.none() | names), draw(st.sampled_from(sorted(tei.MENTION_SOURCES)))))
    return result


@st.composite
def quote_spans(draw, text: str) -> list[tuple[int, int]]:
    """Spans in text order; some touch (two ``said`` side by side), some cover the whole text."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    return [(start, end) for start, end in zip(points[::2], points[1::2]) if start < end]


@st.composite
def sentences(draw, doc_id: str, paragraph: int, index: int, start: int) -> Sentence:
    zh = draw(hostile)
    en_segments = draw(st.lists(hostile, max_size=3))
    return Sentence(
        id=f"{doc_id}.p{paragraph:03d}.s{index:02d}", doc_id=doc_id, paragraph=paragraph, index=index,
        zh=zh, start=start,
        zh_hans=draw(st.sampled_from(["", zh]) | hostile),
        zh_hant=draw(st.sampled_from(["", zh]) | hostile),
        pinyin=draw(st.just("") | hostile),
        flags=draw(st.lists(tokens, max_size=2)),
        en_segments=en_segments,
        en_source=draw(st.sampled_from(["reference", "mt:argos:translate-zh_en:1.9"]) | hostile) if en_segments else "",
        speaker=draw(st.none() | names),
        speaker_role=draw(st.none() | st.sampled_from(sorted(tei.SPEAKER_ROLES))),
        quote_spans=draw(quote_spans(zh)),
        entities=draw(mentions(zh)),
        en_entities=draw(mentions(" ".join(en_segments))),
    )


@st.composite
def paragraphs(draw, doc_id: str, index: int) -> Paragraph:
    kind = draw(st.sampled_from(sorted(tei.PARAGRAPH_ELEMENTS)))
    parts, members = [draw(hostile)], []
    for position in range(draw(st.integers(0, 3))):
        start = sum(map(len, parts))
        members.append(draw(sentences(doc_id, index, position, start)))
        parts += [members[-1].zh, draw(hostile)]
    label = draw(st.none() | hostile) if kind == "turn" else None
    return Paragraph(index=index, kind=kind, text="".join(parts), speaker_label=label, sentences=members)


metadata_values = st.fixed_dictionaries({}, optional={
    "title_zh": hostile, "title_en": hostile, "outlet": hostile, "date": hostile, "url": hostile,
    "authors": st.lists(hostile, min_size=1, max_size=2), "editors": st.lists(hostile, min_size=1, max_size=2),
    "genre": hostile, "original_outlet": hostile, "tags": st.lists(hostile, min_size=1, max_size=2),
})
edits = st.builds(Edit, st.integers(0, 10**6), st.integers(0, 10**6), hostile, hostile, hostile, hostile)


@st.composite
def documents(draw, doc_id: str = "") -> Document:
    doc_id = doc_id or draw(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True))
    doc = Document(
        doc_id=doc_id, source_file=draw(hostile), encoding=draw(hostile),
        script=draw(st.sampled_from(sorted(tei.SCRIPT_LANGS))),
        edits=draw(st.lists(st.lists(edits, max_size=2), max_size=2)),
        metadata=draw(metadata_values),
        paragraphs=[draw(paragraphs(doc_id, index)) for index in range(draw(st.integers(0, 4)))],
        names=draw(st.dictionaries(
            st.from_regex(r"[a-z]{1,6}(-[a-z]{1,6})?", fullmatch=True).map(f"{doc_id}.name.{{}}".format),
            st.tuples(hostile.filter(bool), st.sampled_from(["person", "org", "place"])), max_size=3)),
    )
    zh_count, en_count = len(doc.sentences), len(doc.en_segments)
    def indices(count: int) -> st.SearchStrategy:
        return st.lists(st.integers(0, count - 1), max_size=2).map(tuple) if count else st.just(())

    doc.links = draw(st.lists(st.builds(Link, indices(zh_count), indices(en_count),
                                        st.floats(0, 1)),
                              max_size=4))
    return doc


def carried(doc: Document) -> Document:
    """What the TEI is documented to carry: mentions it can nest, no raw/cleaned text."""
    expected = copy.deepcopy(doc)
    expected.raw = expected.cleaned = ""
    for s in expected.sentences:
        s.entities = tei.nestable_mentions([s.zh], s.entities, s.quote_spans)
        s.en_entities = tei.nestable_mentions(s.en_segments, s.en_entities)
    return expected


@settings(max_examples=150, deadline=None)
@given(documents())
def test_read_gives_back_what_was_written_and_rewrites_the_same_bytes_and_every_layer_holds_its_own_text(doc):
    written = tei.write_document(doc, REGISTRY, BUILD_INFO)
    back = tei_reader.read(written)
    assert back == carried(doc)
    assert tei.write_document(back, REGISTRY, BUILD_INFO) == written
    assert_every_layer_holds_its_own_text(etree.fromstring(written), doc)  # on the same documents: one generation


def assert_every_layer_holds_its_own_text(root: etree._Element, doc: Document) -> None:
    """A reader of one layer alone (no pointer following) gets every sentence's text in that layer."""
    for layer in tei.VARIANT_LAYERS:
        div = root.find(f".//{{{tei.TEI_NS}}}div[@type='{layer.div_type}'][@{{{tei.XML_NS}}}lang='{layer.lang}']")
        if div is None:
            assert not any(getattr(s, layer.field) for s in doc.sentences)
            continue
        written = {s.get(tei.XML_ID): tei_reader.text_of(s) for s in div.iter(tei.tei("s"))}
        assert written == {f"{s.id}.{layer.id_suffix}": getattr(s, layer.field) for s in doc.sentences}
        assert not any(s.get("sameAs") or s.get("copyOf") for s in div.iter(tei.tei("s")))


@settings(max_examples=25, deadline=None)
@given(st.lists(documents(), min_size=1, max_size=3, unique_by=lambda d: d.doc_id))
def test_corpus_round_trip(docs):
    """corpus.xml includes the document files beside it; read_corpus expands the includes."""
    written = tei.write_corpus(docs, REGISTRY, BUILD_INFO)
    with tempfile.TemporaryDirectory() as folder:
        for doc in docs:
            (Path(folder) / tei.document_file_name(doc)).write_bytes(tei.write_document(doc, REGISTRY, BUILD_INFO))
        (Path(folder) / tei.CORPUS_FILE_NAME).write_bytes(written)
        back = tei_reader.read_corpus(Path(folder) / tei.CORPUS_FILE_NAME)
        assert tei_reader.read_corpus(written, Path(folder)) == back
    assert len(back) == len(docs) and all(b == carried(d) for b, d in zip(back, docs))
    assert tei.write_corpus(back, REGISTRY, BUILD_INFO) == written


@settings(max_examples=50, deadline=None)
@given(documents(), st.randoms())
def test_output_is_deterministic_and_ignores_dict_order(doc, rnd):
    first = tei.write_document(doc, REGISTRY, BUILD_INFO)
    shuffled = list(doc.metadata.items())
    rnd.shuffle(shuffled)
    tools = list(BUILD_INFO["tools"].items())[::-1]
    again = tei.write_document(dataclasses.replace(doc, metadata=dict(shuffled)), REGISTRY,
                               {**BUILD_INFO, "tools": dict(tools)})
    assert again == first
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n") and first.endswith(b"\n")
    assert b"\r" not in first
    first.decode("utf-8")  # strict: no surrogates leaked into the bytes


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_nestable_mentions_keep_a_maximal_properly_nested_subset(data):
    segments = data.draw(st.lists(hostile, min_size=1, max_size=3))
    candidates = data.draw(mentions(" ".join(segments)))
    quotes = data.draw(quote_spans(" ".join(segments)))
    kept = tei.nestable_mentions(segments, candidates, quotes)
    def inside_or_apart(m: Mention) -> bool:
        return all(s <= m.start and m.end <= e or m.end <= s or e <= m.start for s, e in quotes)

    assert all(map(inside_or_apart, kept))
    assert all(any(k is c for c in candidates) for k in kept)
    spans = [(m.start, m.end) for m in kept]
    assert spans == sorted(spans, key=lambda span: (span[0], -span[1]))
    for i, a in enumerate(kept):
        for b in kept[i + 1:]:  # b starts inside a ⇒ b ends inside a
            assert not (a.start <= b.start < a.end < b.end)
    bounds, offset = [], 0
    for segment in segments:
        bounds.append((offset, offset + len(segment)))
        offset += len(segment) + 1
    for dropped in (c for c in candidates if not any(c is k for k in kept)):
        inside = any(lo <= dropped.start and dropped.end <= hi for lo, hi in bounds)
        crosses = any(k.start < dropped.start < k.end < dropped.end or dropped.start < k.start < dropped.end < k.end
                      for k in kept)
        assert dropped.start == dropped.end or not inside or crosses or not inside_or_apart(dropped)


def minimal(zh: str, **sentence) -> Document:
    s = Sentence(id="d.p000.s00", doc_id="d", paragraph=0, index=0, zh=zh, **sentence)
    return Document(doc_id="d", source_file="seeds/x.txt", script="hans",
                    paragraphs=[Paragraph(index=0, kind="paragraph", text=zh, sentences=[s])])


def test_illegal_code_points_become_declared_glyphs_and_markup_stays_text():
    written = tei.write_document(minimal("a\x01<b>&\ud800"), {}, {})
    root = etree.fromstring(written)
    glyphs = [g.get("ref") for g in root.iter(tei.tei("g"))]
    declared = {c.get(tei.XML_ID) for c in root.iter(tei.tei("char"))}
    assert glyphs == ["#d.u0001", "#d.uD800"] and declared == {"d.u0001", "d.uD800"}
    assert not list(root.iter(tei.tei("b")))
    assert tei_reader.read(written).paragraphs[0].text == "a\x01<b>&\ud800"


def test_mentions_become_typed_elements_pointing_at_the_registry():
    doc = minimal("张宏江说50%", entities=[Mention(0, 3, "张宏江", "person", "zhang-hongjiang"),
                                            Mention(4, 7, "50%", "percent", None, "rule")])
    s = etree.fromstring(tei.write_document(doc, {}, {})).find(".//{%s}s" % tei.TEI_NS)
    person, amount = list(s)
    assert (etree.QName(person).localname, person.get("ref"), person.text) == \
        ("persName", "zhen:zhang-hongjiang", "张宏江")
    assert (etree.QName(amount).localname, amount.get("type"), amount.get("ana")) == \
        ("measure", "percent", "zhen:mention-source.rule")


def test_dates_and_measures_carry_their_normalised_values():
    zh = "2023年8月1日，近日融资5000万美金，占70%，共1000张卡，千亿规模。"
    spans = [("2023年8月1日", "date"), ("近日", "date"), ("5000万美金", "amount"), ("70%", "percent"),
             ("1000张", "amount"), ("千亿", "amount")]
    doc = minimal(zh, entities=[Mention(zh.index(t), zh.index(t) + len(t), t, kind, None, "rule") for t, kind in spans])
    doc.links = [Link((0,), (), 0.25)]
    written = tei.write_document(doc, {}, {})
    root = etree.fromstring(written)
    values = [(e.text, dict(e.attrib)) for e in root.find(".//{%s}s" % tei.TEI_NS)]
    rule = {"ana": "zhen:mention-source.rule"}
    assert values == [
        ("2023年8月1日", {**rule, "when": "2023-08-01"}),
        ("近日", rule),
        ("5000万美金", {**rule, "type": "amount", "quantity": "50000000", "unit": "USD"}),
        ("70%", {**rule, "type": "percent", "quantity": "70", "unit": "percent"}),
        ("1000张", {**rule, "type": "amount", "quantity": "1000"}),
        ("千亿", {**rule, "type": "amount"}),
    ]
    assert root.find(".//{%s}link" % tei.TEI_NS).get("cert") == "0.25"
    assert tei.write_document(tei_reader.read(written), {}, {}) == written


def test_reader_refuses_values_its_normaliser_would_not_write():
    doc = minimal("2023年", entities=[Mention(0, 5, "2023年", "date", None, "rule")])
    written = tei.write_document(doc, {}, {})
    assert b'when="2023"' in written
    with pytest.raises(tei.TeiError, match="2023-01"):
        tei_reader.read(written.replace(b'when="2023"', b'when="2023-01"'))


def test_quotation_is_said_with_who_and_turn_speaker_is_on_sp():
    doc = minimal("问。引。", speaker="anyong", speaker_role="interviewer")
    doc.paragraphs[0].kind, doc.paragraphs[0].speaker_label = "turn", "「暗涌」"
    first = doc.paragraphs[0].sentences[0]
    first.zh = "问。"
    doc.paragraphs[0].sentences.append(dataclasses.replace(
        first, id="d.p000.s01", index=1, zh="引。", start=2, speaker="zhang-hongjiang", speaker_role="quoted"))
    root = etree.fromstring(tei.write_document(doc, {}, {}))
    sp = root.find(".//{%s}sp" % tei.TEI_NS)
    said = sp.find(".//{%s}said" % tei.TEI_NS)
    assert (sp.get("who"), sp.get("ana"), sp[0].text) == ("zhen:anyong", "zhen:role.interviewer", "「暗涌」")
    assert (said.get("who"), said.get("ana"), said[0].text) == ("zhen:zhang-hongjiang", "zhen:role.quoted", "引。")


def test_the_quotation_is_said_inside_the_sentence_and_its_frame_stays_outside():
    zh = "在接受《深网》专访时，张宏江称把研究做出来是智源研究院的方向，“不能是为了出几篇文章”。"
    quote = zh.index("“"), zh.index("”") + 1
    doc = minimal(zh, speaker="zhang-hongjiang", speaker_role="quoted", quote_spans=[quote],
                  entities=[Mention(11, 14, "张宏江", "person", "zhang-hongjiang"),
                            Mention(quote[0] + 9, quote[0] + 11, "文章", "work"),
                            Mention(quote[0] - 1, quote[0] + 3, "，“不能", "misc")])  # crosses the quotation
    written = tei.write_document(doc, {}, {})
    p = etree.fromstring(written).find(".//{%s}div[@type='original']//{%s}p" % (tei.TEI_NS, tei.TEI_NS))
    (s,) = p
    frame, said = list(s)
    assert etree.QName(s).localname == "s" and etree.QName(said).localname == "said"
    assert (said.get("who"), said.get("ana")) == ("zhen:zhang-hongjiang", "zhen:role.quoted")
    assert "".join(said.itertext()) == "“不能是为了出几篇文章”" and said.tail == "。"
    assert [(etree.QName(e).localname, e.text) for e in said] == [("title", "文章")]
    assert (etree.QName(frame).localname, s.text, frame.text) == ("persName", "在接受《深网》专访时，", "张宏江")
    back = tei_reader.read(written).sentences[0]
    assert (back.speaker, back.speaker_role, back.quote_spans) == ("zhang-hongjiang", "quoted", [quote])
    assert [m.text for m in back.entities] == ["张宏江", "文章"]


def test_a_whole_sentence_quotation_is_said_around_all_of_its_text():
    doc = minimal("“慌什么。”", speaker="zhang-hongjiang", speaker_role="quoted", quote_spans=[(0, 6)])
    s = etree.fromstring(tei.write_document(doc, {}, {})).find(".//{%s}s" % tei.TEI_NS)
    (said,) = s
    assert (s.text, said.text, said.tail, etree.QName(s.getparent()).localname) == (None, "“慌什么。”", None, "p")


@pytest.mark.parametrize("break_it, complaint", [
    (lambda d: setattr(d.paragraphs[0].sentences[0], "start", 1), "paragraph.text"),
    (lambda d: setattr(d.paragraphs[0].sentences[0], "speaker", "has space"), "speaker"),
    (lambda d: setattr(d, "doc_id", "0bad"), "doc_id"),
    (lambda d: setattr(d, "script", "latin"), "script"),
    (lambda d: d.links.append(Link((5,), ())), "link"),
    (lambda d: setattr(d.paragraphs[0].sentences[0], "quote_spans", [(0, 3)]), "quote_spans"),  # past the end
    (lambda d: setattr(d.paragraphs[0].sentences[0], "quote_spans", [(1, 1)]), "quote_spans"),  # empty
    (lambda d: setattr(d.paragraphs[0].sentences[0], "quote_spans", [(0, 2), (1, 2)]), "quote_spans"),  # overlap
    (lambda d: d.links.append(Link((0,), (), 1.5)), r"outside \[0, 1\]"),
    (lambda d: d.links.append(Link((0,), (), float("nan"))), r"outside \[0, 1\]"),
])
def test_unfaithful_input_is_refused_with_the_reason(break_it, complaint):
    doc = minimal("好。")
    break_it(doc)
    with pytest.raises(tei.TeiError, match=complaint):
        tei.write_document(doc, {}, {})


def test_registry_lands_in_the_corpus_header_lists():
    root = etree.fromstring(tei.write_corpus([minimal("好。")], REGISTRY, BUILD_INFO))
    header = root.find(tei.tei("teiHeader"))
    where = {e.get(tei.XML_ID): etree.QName(e.getparent()).localname for e in header.iter() if e.get(tei.XML_ID)
             and etree.QName(e).localname in ("person", "org", "place", "bibl", "item")}
    assert where == {"zhang-hongjiang": "listPerson", "baai": "listOrg", "geekpark": "listOrg",
                     "beijing": "listPlace", "gpt-3": "listBibl", "turing-award": "list"}
    versions = {a.get("ident"): a.get("version") for a in header.iter(tei.tei("application"))}
    assert versions == {"opencc": "1.1.6", "argostranslate": "1.11.0"}
    with pytest.raises(tei.TeiError, match="used twice"):
        tei.write_corpus([minimal("好。")], {"entities": [{"id": "d", "type": "person", "en": "D"}]}, {})


def test_a_corpus_whose_included_file_is_missing_is_refused_with_its_name(tmp_path):
    (tmp_path / tei.CORPUS_FILE_NAME).write_bytes(tei.write_corpus([minimal("好。")], REGISTRY, BUILD_INFO))
    with pytest.raises(tei.TeiError, match=r"corpus\.xml: cannot include a document .*d\.xml"):
        tei_reader.read_corpus(tmp_path / tei.CORPUS_FILE_NAME)


def test_the_edit_log_is_in_stand_off_and_the_revision_desc_sums_it_up():
    doc = minimal("好。")
    doc.edits = [[Edit(0, 1, "x", "", "spam.line", "spam")], []]
    root = etree.fromstring(tei.write_document(doc, {}, {}))
    (summary,) = root.findall(f".//{{{tei.TEI_NS}}}revisionDesc/{{{tei.TEI_NS}}}change[@type='cleaning']")
    assert summary.text.startswith("Cleaned in 2 passes, 1 edits") and summary.get("corresp") == "#d.edits"
    changes = root.findall(f"{{{tei.TEI_NS}}}standOff/{{{tei.TEI_NS}}}listChange/{{{tei.TEI_NS}}}change")
    assert [len(change) for change in changes] == [1, 0]
    assert tei_reader.read(etree.tostring(root)).edits == doc.edits


def test_the_translation_is_the_work_of_an_agent_the_team_or_an_engine():
    doc = minimal("好。")
    first = doc.paragraphs[0].sentences[0]
    first.en_segments, first.en_source = ["Good."], "reference"
    doc.paragraphs[0].sentences.append(dataclasses.replace(first, id="d.p000.s01", index=1, zh="", start=2,
                                                           en_source="mt:argos:translate-zh_en:1.9"))
    root = etree.fromstring(tei.write_document(doc, {}, {"publisher": "zhen-corpus project"}))
    statements = root.findall(f".//{{{tei.TEI_NS}}}respStmt")
    agents = [[(etree.QName(e).localname, e.get("type"), e.text) for e in statement] for statement in statements]
    assert agents == [
        [("resp", None, "human translation"), ("orgName", None, "zhen-corpus project"),
         ("note", "en_source", "reference")],
        [("resp", None, "machine translation"), ("name", "software", "argos translate-zh_en 1.9"),
         ("note", "en_source", "mt:argos:translate-zh_en:1.9")],
    ]
    assert [s.en_source for s in tei_reader.read(etree.tostring(root)).sentences] == \
        ["reference", "mt:argos:translate-zh_en:1.9"]
def test_the_link_writer_computes_the_english_ids_once_per_document(monkeypatch):
    """Per link, they made the writer quadratic in the sentences of a document (9 minutes for a 4 MB capture)."""
    import corpus
    from corpus.export import tei as tei_writer

    doc = max(corpus.load().documents, key=lambda d: len(d.links))
    calls = []
    original = tei_writer.english_ids
    monkeypatch.setattr(tei_writer, "english_ids", lambda d: calls.append(d.doc_id) or original(d))
    xml = tei_writer.write_document(doc, {"entities": []}, {})
    assert len(doc.links) > 100 and xml.count(b"<link ") == len(doc.links)
    assert len(calls) <= 2  # the links, and the reader's spec at most; never once per link
