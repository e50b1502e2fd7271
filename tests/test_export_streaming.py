"""Exporters written one document at a time give the files a whole-corpus serialisation gives."""
from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from corpus.export import hf, tmx, xces
from corpus.export.parallel import VARIANTS
from corpus.export.rows import CONFIG_FILES
from corpus.model import Document
from test_export_alignments import documents, settings_for_files

TEXT_ELEMENTS = {"seg", "prop"}  # the only elements of cesAlign and TMX files with text of their own

corpora = st.lists(st.sampled_from(["d1", "d2", "d3", "d4"]), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*(documents(doc_id) for doc_id in ids)).map(list))


def whole_tree(data: bytes) -> bytes:
    """``data`` parsed and serialised again as one tree, pretty-printed as lxml does it."""
    root = etree.fromstring(data)
    for element in root.iter():
        if element.tag in TEXT_ELEMENTS:
            element.text = element.text or ""
        else:
            element.text = None
        element.tail = None
    doctype = root.getroottree().docinfo.doctype or None
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True, doctype=doctype)


@settings_for_files
@given(corpora)
def test_streamed_alignment_files_are_the_whole_tree_serialisation(tmp_path, docs: list[Document]):
    directory = tmp_path / "alignments"
    shutil.rmtree(directory, ignore_errors=True)
    xces.export_xces(docs, directory)
    tmx.export_tmx(docs, directory, "2026-12-06")
    for variant in VARIANTS:
        for name in (xces.alignment_file_name(variant), tmx.tmx_file_name(variant)):
            data = (directory / name).read_bytes()
            assert data == whole_tree(data), name
        groups = etree.parse(str(directory / xces.alignment_file_name(variant))).getroot()
        assert [group.get("toDoc") for group in groups] == [f"en/{doc.doc_id}.xml" for doc in sorted(
            docs, key=lambda doc: doc.doc_id)]


def test_alignment_files_without_documents_are_empty_roots(tmp_path):
    xces.export_xces([], tmp_path)
    tmx.export_tmx([], tmp_path)
    assert (tmp_path / xces.ALIGNMENT_FILE).read_bytes() == whole_tree((tmp_path / xces.ALIGNMENT_FILE).read_bytes())
    assert b"<body/>" in (tmp_path / tmx.TMX_FILE).read_bytes()


@settings_for_files
@given(corpora, st.integers(1, 4))
def test_parquet_in_row_groups_is_arrows_whole_table_write(tmp_path, monkeypatch, docs: list[Document],
                                                           group_rows: int):
    monkeypatch.setattr(hf, "ROW_GROUP_ROWS", group_rows)
    directory = tmp_path / "data"
    shutil.rmtree(directory, ignore_errors=True)
    ordered = sorted(docs, key=lambda doc: doc.doc_id)
    for doc in ordered:
        doc.script = "hans"  # the documents config's class label
    hf.write_dataset(ordered, [], directory)
    for config in hf.STREAMED:
        rows = [row for doc in ordered for row in hf.document_config_rows(doc)[config]]
        table = pa.Table.from_pylist(hf.encode_rows(config, rows), schema=hf.schema(config))
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd", row_group_size=group_rows, write_statistics=False)
        written = directory / CONFIG_FILES[config]
        assert written.read_bytes() == sink.getvalue().to_pybytes(), config
        assert pq.ParquetFile(written).metadata.num_rows == len(rows)


def test_documents_must_come_in_doc_id_order(tmp_path):
    from corpus import output, pipeline
    from corpus.export import publish

    destination = output.destination(tmp_path / "out", pipeline.ROOT, False)
    destination.check()
    with destination.session(lambda message: None):
        try:
            docs = [Document(doc_id, f"{doc_id}.txt", script="hans") for doc_id in ("b", "a")]
            publish.write_all(docs, [], destination, tmp_path)
        except ValueError as error:
            assert "a after b" in str(error)
        else:
            raise AssertionError("documents out of order were published")
    assert not (tmp_path / "out" / "corpus").exists()
