"""XCES (read back with opustools), Moses and TMX (read back with translate-toolkit) alignment exports."""
from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opustools import OpusRead
from translate.storage.tmx import tmxfile

from corpus.align.pairs import export_text
from corpus.export.moses import export_moses
from corpus.export.parallel import VARIANTS
from corpus.export.tmx import TMX_FILE, export_tmx, tmx_file_name
from corpus.export.tokens import tokens
from corpus.export.xces import ALIGNMENT_FILE, TOKENISED, alignment_file_name, export_xces
from corpus.model import Document, Link, Paragraph, Sentence

# any text, including markup characters, XML-illegal controls and line breaks
hostile_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["<s id=\"x\">&amp;</s>", "]]>", "a\x00b\x1fc", "line\nbreak\ttab", "\u2028", "  ", "中文「引号」。"])


@st.composite
def documents(draw, doc_id: str) -> Document:
    """A Document with random zh sentences, en segments per sentence, and a random monotone alignment."""
    zh = draw(st.lists(hostile_text, min_size=1, max_size=5))
    en_counts = draw(st.lists(st.integers(0, 2), min_size=len(zh), max_size=len(zh)))
    sentences = [Sentence(id=f"{doc_id}.p000.s{i:02d}", doc_id=doc_id, paragraph=0, index=i, zh=text,
                          zh_hans=draw(hostile_text), zh_hant=draw(hostile_text),
                          en_segments=draw(st.lists(hostile_text, min_size=count, max_size=count)))
                 for i, (text, count) in enumerate(zip(zh, en_counts))]
    document = Document(doc_id, f"{doc_id}.txt", paragraphs=[Paragraph(0, "paragraph", "", sentences=sentences)])
    links, i, j = [], 0, 0
    n, m = len(document.sentences), len(document.en_segments)
    while i < n or j < m:
        zh_count = draw(st.integers(0 if j < m else 1, min(2, n - i))) if i < n else 0
        en_count = draw(st.integers(0 if zh_count else 1, min(2, m - j))) if j < m else 0
        links.append(Link(tuple(range(i, i + zh_count)), tuple(range(j, j + en_count)),
                          draw(st.floats(0, 1, allow_nan=False))))
        i, j = i + zh_count, j + en_count
    document.links = links
    return document


corpora = st.tuples(documents("doc_b"), documents("doc_a")).map(list)


def expected_pairs(docs: list[Document], zh_joiner: str, keep_empty: bool, field: str = "zh",
                   text=export_text) -> list[tuple[str, str]]:
    pairs = []
    for document in sorted(docs, key=lambda d: d.doc_id):
        zh = [text(getattr(s, field)) for s in document.sentences]
        en = [text(e) for e in document.en_segments]
        for link in document.links:
            if keep_empty or (link.zh and link.en):
                pairs.append((zh_joiner.join(zh[i] for i in link.zh), " ".join(en[j] for j in link.en)))
    return pairs


def opus_pairs(directory: Path, code: str = "zh", preprocess: str = "raw") -> list[tuple[str, str]]:
    variant = next(v for v in VARIANTS if v.code == code)
    folder = directory if preprocess == "raw" else directory / TOKENISED
    reader = OpusRead(directory="zhen", source=code, target="en",
                      alignment_file=str(directory / alignment_file_name(variant)),
                      download_dir=str(folder), preprocess=preprocess, write_mode="moses", suppress_prompts=True)
    return list(reader.yieldPairs())


def fresh(tmp_path: Path) -> Path:
    directory = tmp_path / "alignments"
    shutil.rmtree(directory, ignore_errors=True)
    return directory


settings_for_files = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@settings_for_files
@given(corpora)
def test_opus_read_gives_back_our_pairs(tmp_path, docs):
    directory = fresh(tmp_path)
    export_xces(docs, directory)
    # opus_read joins the sentences of a multi-sentence side with a space
    for variant in VARIANTS:
        assert opus_pairs(directory, variant.code) == expected_pairs(docs, " ", True, variant.field)


@settings_for_files
@given(corpora)
def test_opus_read_in_its_default_xml_mode_gives_back_our_pairs_as_tokens(tmp_path, docs):
    directory = fresh(tmp_path)
    export_xces(docs, directory)
    def tokenised(language: str):
        return lambda text: " ".join(tokens(export_text(text), language))

    for variant in VARIANTS:
        expected = [(zh, en) for (zh, _), (_, en) in zip(
            expected_pairs(docs, " ", True, variant.field, tokenised(variant.code)),
            expected_pairs(docs, " ", True, variant.field, tokenised("en")))]
        assert opus_pairs(directory, variant.code, "xml") == expected


@settings_for_files
@given(corpora)
def test_translate_toolkit_reads_our_tmx(tmp_path, docs):
    directory = fresh(tmp_path)
    export_tmx(docs, directory, "2026-12-06")
    for variant in VARIANTS:
        store = tmxfile((directory / tmx_file_name(variant)).read_bytes(), variant.lang, "en")
        assert [(unit.source, unit.target) for unit in store.units] == expected_pairs(docs, "", False, variant.field)
        assert store.getsourcelanguage() == variant.lang


@settings_for_files
@given(corpora)
def test_moses_files_are_line_aligned(tmp_path, docs):
    directory = fresh(tmp_path)
    export_moses(docs, directory)
    lines = {path.suffix: path.read_text(encoding="utf-8").split("\n")[:-1] for path in (directory / "moses").iterdir()}
    assert set(lines) == {".zh", ".zh_Hans", ".zh_Hant", ".en", ".ids"}
    for variant in VARIANTS:
        assert list(zip(lines["." + variant.code], lines[".en"])) == expected_pairs(docs, "", False, variant.field)
    by_id = {s.id: s for d in docs for s in d.sentences}
    for line, zh in zip(lines[".ids"], lines[".zh"]):
        zh_file, en_file, zh_ids, en_ids = line.split("\t")
        assert zh_file.startswith("zh/") and en_file.startswith("en/") and en_ids
        assert zh == "".join(export_text(by_id[i].zh) for i in zh_ids.split())


@settings_for_files
@given(corpora, st.randoms())
def test_exports_are_deterministic_and_independent_of_document_order(tmp_path, docs, rng: random.Random):
    outputs = []
    for attempt in range(2):
        directory = fresh(tmp_path)
        shuffled = list(docs)
        rng.shuffle(shuffled)
        export_xces(shuffled, directory)
        export_moses(shuffled, directory)
        export_tmx(shuffled, directory)
        outputs.append({p.relative_to(directory): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert not [p for p in outputs[0] if p.name.endswith(".tmp")]


def small_corpus() -> list[Document]:
    sentences = [Sentence(id="d.p000.s00", doc_id="d", paragraph=0, index=0, zh="智源成立了。",
                          en_segments=["BAAI was founded.", "It was 2018."]),
                 Sentence(id="d.p000.s01", doc_id="d", paragraph=0, index=1, zh="没有译文。")]
    document = Document("d", "d.txt", paragraphs=[Paragraph(0, "paragraph", "", sentences=sentences)],
                        links=[Link((0,), (0, 1), 0.9), Link((1,), (), 0.2)])
    return [document]


def test_the_opus_read_command_line_prints_our_pairs(tmp_path):
    directory = tmp_path / "alignments"
    export_xces(small_corpus(), directory)
    opus_read = Path(shutil.which("opus_read") or Path(__import__("sys").executable).parent / "opus_read")
    result = subprocess.run(
        [
            str(opus_read),
            "-d",
            "zhen",
            "-s",
            "zh",
            "-t",
            "en",
            "-af",
            str(directory / ALIGNMENT_FILE),
            "-dl",
            str(directory),
            "-p",
            "raw",
            "-wm",
            "moses",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.splitlines() == ["智源成立了。\tBAAI was founded. It was 2018.", "没有译文。\t"]


def test_cesalign_links_carry_type_and_score(tmp_path):
    from lxml import etree

    export_xces(small_corpus(), tmp_path)
    links = etree.parse(str(tmp_path / ALIGNMENT_FILE)).findall(".//link")
    assert [(link.get("xtargets"), link.get("type"), link.get("score")) for link in links] == [
        ("d.p000.s00;d.p000.s00.en0 d.p000.s00.en1", "1-2", "0.9000"), ("d.p000.s01;", "1-0", "0.2000")]
    assert all(link.get("certainty") == link.get("score") for link in links)
    group = etree.parse(str(tmp_path / ALIGNMENT_FILE)).find(".//linkGrp")
    assert (group.get("fromDoc"), group.get("toDoc")) == ("zh/d.xml", "en/d.xml")


def test_tmx_units_are_identified_by_stable_ids_and_multi_sentence_units_are_paragraphs(tmp_path):
    from lxml import etree

    export_tmx(small_corpus(), tmp_path, "2026-12-06")
    data = (tmp_path / TMX_FILE).read_bytes()
    assert b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in data
    root = etree.fromstring(data)
    assert root.find("header").get("creationdate") == "20261206T000000Z"
    (unit,) = root.iter("tu")
    assert (unit.get("tuid"), unit.get("segtype")) == ("d.p000.s00", "paragraph")
    assert unit.findtext("prop[@type='x-en-ids']") == "d.p000.s00.en0 d.p000.s00.en1"


@settings(max_examples=200, deadline=None)
@given(hostile_text.map(export_text), st.sampled_from(["en", "zh", "zh_Hant"]))
def test_tokens_lose_no_text(text, language):
    assert "".join(tokens(text, language)) == "".join(text.split())
