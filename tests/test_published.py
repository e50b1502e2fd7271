"""The committed artifacts: up to date with a fresh build, valid TEI, loadable offline, readable back.

CI runs these on a clean clone, so a change to code or curated data that is
not followed by ``corpus build`` and a commit of the outputs fails here.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

import corpus
import corpus.tei
from corpus import pipeline
from corpus.export import rows

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ("corpus/data", "alignments", "corpus/tei")
SCHEMAS = (ROOT / "corpus/schema/zhen-tei.rng", ROOT / "corpus/schema/vendor/tei_all-4.3.0.rng")


def published_files(root: Path) -> dict[str, bytes]:
    files = {"README.md": (root / "README.md").read_bytes()}  # its statistics section is generated
    for directory in PUBLISHED:
        for path in sorted((root / directory).rglob("*")):
            if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory) -> Path:
    root, card = tmp_path_factory.mktemp("fresh") / "out", tmp_path_factory.mktemp("card") / "README.md"
    shutil.copyfile(ROOT / "README.md", card)
    pipeline.build(root=root, readme=card)  # no --allow-untranslated: the shipped corpus is fully translated
    shutil.copyfile(card, root / "README.md")  # beside the build, where published_files reads it
    return root


def test_committed_artifacts_are_byte_identical_to_a_fresh_build(fresh_build):
    committed, fresh = published_files(ROOT), published_files(fresh_build)
    assert sorted(committed) == sorted(fresh), "files differ: run `corpus build` and commit its outputs"
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert not stale, f"out of date (run `corpus build` and commit): {stale}"


def test_every_tei_file_validates_with_lxml_against_our_schema():
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS[0])))
    files = sorted(corpus.tei.DIRECTORY.glob("*.xml"))
    assert len(files) == len(corpus.load()) + 1  # one per document and the teiCorpus
    for path in files:
        assert schema.validate(etree.parse(str(path))), f"{path.name}: {schema.error_log.last_error}"


@pytest.mark.parametrize("schema", SCHEMAS, ids=["zhen-tei", "tei_all"])
def test_every_tei_file_validates_with_jing(schema, tmp_path):
    files = sorted(corpus.tei.DIRECTORY.glob("*.xml"))
    if schema == SCHEMAS[1]:  # tei_all has no XInclude: the teiCorpus is checked with its documents included
        tree = etree.parse(str(corpus.tei.corpus_path()))
        tree.xinclude()
        tree.write(str(tmp_path / "expanded-corpus.xml"))
        files = [tmp_path / "expanded-corpus.xml" if path == corpus.tei.corpus_path() else path for path in files]
    result = subprocess.run(["pyjing", str(schema), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_tei_reads_back_into_the_published_documents():
    loaded = corpus.load()
    for doc in loaded:
        back = corpus.tei.read(corpus.tei.document_path(doc.doc_id))
        assert [(s.id, s.zh, s.en, s.speaker) for s in back.sentences] == [
            (s.id, s.zh, s.en, s.speaker) for s in doc.sentences
        ]
    assert [d.doc_id for d in corpus.tei.read_corpus(corpus.tei.corpus_path())] == [d.doc_id for d in loaded]


def test_tei_links_to_files_resolve_against_their_base():
    """Seed and curated-file links resolve, against each file's own location, to files of the checkout."""
    from urllib.parse import unquote, urljoin, urlparse

    targets = 0
    for path in sorted(corpus.tei.DIRECTORY.glob("*.xml")):
        for ref in etree.parse(str(path)).iter("{http://www.tei-c.org/ns/1.0}ref"):
            resolved = Path(unquote(urlparse(urljoin(ref.base, ref.get("target"))).path))
            assert resolved.is_file() and resolved.is_relative_to(ROOT), (path.name, ref.get("target"))
            targets += 1
    assert targets > 10


def test_dataset_and_tei_name_the_english_sentences_alike():
    """A user joining the alignments config with the TEI finds every English id on an English s element."""
    import pyarrow.parquet as pq

    alignments = pq.read_table(ROOT / "corpus/data/alignments.parquet").to_pylist()
    for doc_id in {row["doc_id"] for row in alignments}:
        tree = etree.parse(str(corpus.tei.document_path(doc_id)))
        english = set(tree.xpath("//tei:div[@type='translation']//tei:s/@xml:id", namespaces={"tei": "http://www.tei-c.org/ns/1.0"}))
        dataset = {en_id for row in alignments if row["doc_id"] == doc_id for en_id in row["en_ids"]}
        assert dataset and dataset == english


@pytest.mark.parametrize("config", rows.CONFIGS)
def test_load_dataset_works_offline_and_matches_the_api(config, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets

    loaded = datasets.load_dataset(str(ROOT), config, split="train", cache_dir=str(tmp_path))
    expected = corpus.load().to_hf(config)
    assert loaded.features == expected.features
    assert len(loaded) == len(expected) > 0
    assert loaded.to_list() == expected.to_list()


def test_sentences_config_carries_the_translation_feature_for_fine_tuning(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import datasets

    loaded = datasets.load_dataset(str(ROOT), split="train", cache_dir=str(tmp_path))  # the default config
    assert isinstance(loaded.features["translation"], datasets.Translation)
    first = loaded[0]
    assert first["translation"] == {"zh": first["zh"], "en": first["en"]}
    assert os.environ["HF_HUB_OFFLINE"] == "1"
