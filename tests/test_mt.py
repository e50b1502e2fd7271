"""Machine translation through argostranslate, on a tiny model the test session builds.

The model is built by scripts/build_tiny_argos_model.py (run as a script, once
per session) and installed through ``corpus.translate.models`` into a temporary
ARGOS_PACKAGES_DIR; argos's index and download locations are pointed at
temporary paths too, so no test reads or writes the real Argos directories.
"""
from __future__ import annotations

import functools
import http.server
import json
import threading
import urllib.error
import urllib.request
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from argostranslate import settings as argos_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import script, segment, structure
from corpus.errors import CorpusError, InvalidModelPackage, ModelNotInstalled, PackageIndexUnavailable, UnknownEngine
from corpus.translate import models
from corpus.model import Document, Sentence
from corpus.translate.engines import argos, base, get_engine, parse_provenance, translate_sentences
from corpus.translate.engines.argos import ArgosEngine
from scriptload import load_script

REPO = Path(__file__).resolve().parents[1]
# Random weights sometimes never emit </s>; a short cap keeps every test fast.
MAX_DECODING_LENGTH = 24


def load_build_script():
    return load_script("build_tiny_argos_model")


BUILD = load_build_script()
SEED_LINES = BUILD.seed_lines()



def isolate_argos(patch: pytest.MonkeyPatch, home: Path) -> Path:
    """Send argos's package dir, local index and downloads under ``home``; return the package dir."""
    patch.setenv("ARGOS_PACKAGES_DIR", str(home / "packages"))
    patch.setattr(argos_settings, "local_package_index", home / "index.json")
    patch.setattr(argos_settings, "downloads_dir", home / "downloads")
    (home / "downloads").mkdir(parents=True, exist_ok=True)
    return home / "packages"


@pytest.fixture(autouse=True)
def argos_home(monkeypatch, tmp_path) -> Path:
    return isolate_argos(monkeypatch, tmp_path / "argos")


@pytest.fixture(scope="session")
def shared_engine(tiny_model, tmp_path_factory) -> ArgosEngine:
    """One loaded engine for the translation tests (loading per hypothesis example is wasteful)."""
    with pytest.MonkeyPatch.context() as patch:
        isolate_argos(patch, tmp_path_factory.mktemp("argos"))
        models.install(tiny_model)
        return get_engine("argos", batch_size=64, beam_size=2, max_decoding_length=MAX_DECODING_LENGTH)


class CountingTranslator:
    """Stands in front of a ctranslate2.Translator (a C++ type we cannot patch) and counts calls."""

    def __init__(self, translator):
        self.translator = translator
        self.batches: list[int] = []
        self.max_batch_sizes: list[int] = []
        self.lengths: list[set[int]] = []  # the lengths in tokens of each call's inputs

    def translate_batch(self, tokens, **options):
        self.batches.append(len(tokens))
        self.lengths.append({len(pieces) for pieces in tokens})
        self.max_batch_sizes.append(options["max_batch_size"])
        return self.translator.translate_batch(tokens, **options)


def counting(engine: ArgosEngine, monkeypatch) -> CountingTranslator:
    spy = CountingTranslator(engine.translator)
    monkeypatch.setattr(engine, "translator", spy)
    return spy


# --- building the tiny model -------------------------------------------------------------


def test_tiny_model_is_a_zip_of_one_argos_package_directory(tiny_model):
    with zipfile.ZipFile(tiny_model) as archive:
        names = set(archive.namelist())
        metadata = json.loads(archive.read(f"{BUILD.PACKAGE_NAME}/metadata.json"))
    root = BUILD.PACKAGE_NAME
    assert {f"{root}/metadata.json", f"{root}/sentencepiece.model", f"{root}/model/model.bin"} <= names
    assert {name.split("/")[0] for name in names} == {root}
    assert (metadata["from_code"], metadata["to_code"]) == ("zh", "en")


def test_build_is_deterministic_given_the_seed(tiny_model, tmp_path):
    same = BUILD.build(tmp_path / "same.argosmodel", seed=0)
    other = BUILD.build(tmp_path / "other.argosmodel", seed=1)
    assert same.read_bytes() == tiny_model.read_bytes()
    assert other.read_bytes() != tiny_model.read_bytes()


# --- install and list ---------------------------------------------------------------------


def test_nothing_is_listed_before_an_install(argos_home):
    assert models.list_installed() == []
    assert models.packages_dir() == argos_home


def test_install_from_a_file_then_list(tiny_model, argos_home):
    installed = models.install(tiny_model)
    metadata = BUILD.METADATA
    assert installed.path == argos_home / BUILD.PACKAGE_NAME
    assert models.list_installed() == [installed]
    assert (installed.name, installed.from_code, installed.to_code, installed.package_version) == (
        BUILD.PACKAGE_NAME,
        metadata["from_code"],
        metadata["to_code"],
        metadata["package_version"],
    )


def test_reinstalling_replaces_the_package(tiny_model, argos_home):
    first = models.install(tiny_model)
    stray = first.path / "left-over.txt"
    stray.write_text("from the old install")
    assert models.install(tiny_model) == first
    assert not stray.exists()
    assert len(models.list_installed()) == 1


def rewrite_zip(source: Path, target: Path, rename, drop: str | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            if drop is None or not name.endswith(drop):
                new.writestr(rename(name), old.read(name))
    return target


def truncated(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])
    return target


def flipped_byte(source: Path, target: Path) -> Path:
    """A member's data changed in place, so its CRC no longer matches."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(archive.namelist()[2])
    data[info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 10] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def renamed(rename):
    return lambda model, path: rewrite_zip(model, path, rename)


def without(suffix: str):
    return lambda model, path: rewrite_zip(model, path, str, drop=suffix)


def text_file(model: Path, path: Path) -> Path:
    path.write_text("not a model")
    return path


def nothing(model: Path, path: Path) -> Path:
    return path


BROKEN_PACKAGES = {  # kind: (how to make it from the tiny model, what the error must say)
    "plain text": (text_file, "not a zip archive"),
    "missing file": (nothing, "no such file"),
    "truncated zip": (truncated, "zip"),
    "bad checksum": (flipped_byte, "corrupt"),
    "no metadata": (without("metadata.json"), "metadata.json"),
    "no model.bin": (without("model.bin"), "model/model.bin"),
    "two roots": (renamed(lambda name: "other/metadata.json" if name.endswith("metadata.json") else name), "top-level"),
    "no root directory": (renamed(lambda name: name.split("/", 1)[1]), "top-level"),
    "escaping path": (renamed(lambda name: name.replace("/model/", "/../model/")), "leave"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_PACKAGES))
def test_a_broken_package_file_is_refused_by_name_and_nothing_is_installed(kind, tiny_model, tmp_path):
    make, problem = BROKEN_PACKAGES[kind]
    broken = make(tiny_model, tmp_path / f"broken {kind}.argosmodel")
    with pytest.raises(InvalidModelPackage) as refused:
        models.install(broken)
    assert str(broken) in str(refused.value)
    assert problem in str(refused.value)
    assert list(models.packages_dir().iterdir()) == []


def test_a_stray_directory_in_the_package_dir_is_named(argos_home):
    (argos_home / "not-a-package").mkdir(parents=True)
    with pytest.raises(InvalidModelPackage, match="not-a-package"):
        models.list_installed()


# --- the package index ----------------------------------------------------------------------


def test_index_install_without_network_says_how_to_install_from_a_file(monkeypatch, argos_home):
    def offline(*args, **kwargs):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(PackageIndexUnavailable) as failed:
        models.install(None)
    assert argos_settings.remote_package_index in str(failed.value)
    assert "corpus models install PATH/TO/translate-zh_en-" in str(failed.value)
    assert models.list_installed() == []


@pytest.fixture
def package_server(tmp_path):
    """A local HTTP server for a fake Argos index: argos only downloads packages over http(s)."""
    root = tmp_path / "served"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def serve_index(monkeypatch, root: Path, url: str, packages: list[dict]) -> None:
    (root / "index.json").write_text(json.dumps(packages))
    monkeypatch.setattr(argos_settings, "remote_package_index", url + "index.json")


def test_index_install_downloads_the_newest_zh_en_package(monkeypatch, package_server, tiny_model):
    root, url = package_server
    (root / "tiny.argosmodel").write_bytes(tiny_model.read_bytes())
    listed = {**BUILD.METADATA, "links": [url + "tiny.argosmodel"]}
    older = {**listed, "package_version": "0.0.0", "links": [url + "missing.argosmodel"]}
    other_pair = {**listed, "from_code": "en", "to_code": "zh", "links": [url + "missing.argosmodel"]}
    serve_index(monkeypatch, root, url, [older, other_pair, listed])
    installed = models.install(None)
    assert (installed.name, installed.package_version) == (BUILD.PACKAGE_NAME, listed["package_version"])
    assert models.list_installed() == [installed]
    assert list(Path(argos_settings.downloads_dir).iterdir()) == []


@pytest.mark.parametrize("reachable", [False, True], ids=["package download fails", "index lists no zh-en"])
def test_index_install_reports_what_the_index_could_not_give(monkeypatch, package_server, reachable):
    root, url = package_server
    listed = {**BUILD.METADATA, "links": [url + "missing.argosmodel"]}
    if reachable:
        listed = {**listed, "from_code": "ja"}
    serve_index(monkeypatch, root, url, [listed])
    with pytest.raises(PackageIndexUnavailable, match="zh→en" if reachable else "missing.argosmodel"):
        models.install(None)
    assert models.list_installed() == []


# --- the engine -----------------------------------------------------------------------------


def test_no_model_installed_says_exactly_how_to_install_one(argos_home):
    with pytest.raises(ModelNotInstalled) as missing:
        get_engine("argos")
    message = str(missing.value)
    assert isinstance(missing.value, CorpusError)
    assert "corpus models install PATH/TO/translate-zh_en-*.argosmodel" in message
    assert "corpus models install --from-index" in message
    assert str(argos_home) in message


def test_only_a_package_for_another_pair_is_not_enough(tiny_model, argos_home):
    models.install(tiny_model)
    with pytest.raises(ModelNotInstalled, match="en→zh"):
        get_engine("argos", from_code="en", to_code="zh")


def test_provenance_names_engine_model_and_version(tiny_model):
    installed = models.install(tiny_model)
    engine = get_engine("argos")
    assert engine.provenance == f"mt:argos:{installed.name}:{installed.package_version}"
    assert parse_provenance(engine.provenance) == ("argos", BUILD.PACKAGE_NAME, BUILD.METADATA["package_version"])


def lengths_in_tokens(engine: ArgosEngine, sentences: list[str]) -> list[int]:
    """How many sentences there are of each length in tokens, shortest first."""
    counts = Counter(len(engine.tokenizer.encode(sentence)) for sentence in sentences)
    return [counts[length] for length in sorted(counts)]


def test_a_batch_is_one_unpadded_ctranslate2_call_per_length_in_tokens(shared_engine, monkeypatch):
    sentences = SEED_LINES[:40]
    spy = counting(shared_engine, monkeypatch)
    translations = shared_engine.translate_batch(sentences)
    assert spy.batches == lengths_in_tokens(shared_engine, sentences) and len(spy.batches) > 1
    assert all(len(lengths) == 1 for lengths in spy.lengths)  # nothing to pad
    assert len(translations) == len(sentences)
    assert all(isinstance(translation, str) for translation in translations)


def test_ctranslate2_batches_each_call_itself(shared_engine, monkeypatch):
    sentences = SEED_LINES[:23]
    whole = shared_engine.translate_batch(sentences)
    monkeypatch.setattr(shared_engine, "batch_size", 5)
    spy = counting(shared_engine, monkeypatch)
    assert shared_engine.translate_batch(sentences) == whole
    assert spy.batches == lengths_in_tokens(shared_engine, sentences) and set(spy.max_batch_sizes) == {5}


def test_very_long_inputs_are_cut_into_calls_of_many_batches_in_order(shared_engine, monkeypatch):
    sentences = [SEED_LINES[0], SEED_LINES[1]] * 11 + [SEED_LINES[0]]  # 12 and 11 of the same two lengths
    whole = shared_engine.translate_batch(sentences)
    monkeypatch.setattr(shared_engine, "batch_size", 5)
    monkeypatch.setattr(argos, "BATCHES_PER_CALL", 2)
    spy = counting(shared_engine, monkeypatch)
    assert shared_engine.translate_batch(sentences) == whole
    assert sorted(spy.batches) == sorted([10, 2, 10, 1]) and set(spy.max_batch_sizes) == {5}


def test_the_translations_are_not_just_the_input(shared_engine):
    translations = shared_engine.translate_batch(SEED_LINES[:20])
    assert translations != SEED_LINES[:20]
    assert any(translations)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=30) | st.sampled_from(SEED_LINES[:50]), max_size=8))
def test_each_sentence_gets_the_translation_it_gets_alone(shared_engine, sentences):
    translations = shared_engine.translate_batch(sentences)
    assert len(translations) == len(sentences)
    assert all(isinstance(translation, str) for translation in translations)
    assert translations == [shared_engine.translate_batch([sentence])[0] for sentence in sentences]


def test_the_installed_provenance_is_read_without_loading_the_model_and_loading_it_makes_forking_unsafe(
        tiny_model, monkeypatch):
    models.install(tiny_model)
    monkeypatch.setattr(base, "_NOT_FORK_SAFE", set())
    with pytest.MonkeyPatch.context() as patch:  # its own: undoing it keeps the argos_home isolation
        patch.setattr(argos.ctranslate2, "Translator", None)  # loading the model would fail
        provenance = base.installed_provenance("argos")
    assert base.forks_safely()
    assert get_engine("argos").provenance == provenance and not base.forks_safely()


def test_batch_size_must_be_positive(tiny_model):
    models.install(tiny_model)
    with pytest.raises(ValueError, match="batch_size"):
        get_engine("argos", batch_size=0)


# --- the registry ---------------------------------------------------------------------------


class Echo(base.TranslationEngine):
    """A stand-in engine: each sentence reversed plus a suffix, so a mix-up of order shows."""

    name = "echo"
    model_id = "reverse"
    version = "1"

    def __init__(self, suffix=""):
        self.suffix = suffix
        self.calls = 0
        self.inputs: list[str] = []

    def translate_batch(self, sentences):
        self.calls += 1
        self.inputs += sentences
        return [sentence[::-1] + self.suffix for sentence in sentences]


def test_engines_register_by_name_and_unknown_names_list_the_known(monkeypatch):
    monkeypatch.setattr(base, "ENGINES", dict(base.ENGINES))
    base.register(Echo)
    engine = get_engine("echo", suffix="!")
    assert engine.translate_batch(["ab", "c"]) == ["ba!", "c!"]
    assert engine.provenance == "mt:echo:reverse:1"
    with pytest.raises(UnknownEngine) as unknown:
        get_engine("nope")
    assert "argos" in str(unknown.value) and "echo" in str(unknown.value)


def sentences_for(texts: list[str]) -> list[Sentence]:
    """Sentences of a simplified-script text, as corpus.script leaves them (zh_hans set)."""
    return [
        Sentence(id=f"d.p001.s{index:02d}", doc_id="d", paragraph=1, index=index, zh=text, zh_hans=text)
        for index, text in enumerate(texts)
    ]


@given(st.lists(st.text(max_size=12), max_size=10))
def test_translate_sentences_gives_each_sentence_its_own_translation(texts):
    engine = Echo()
    sentences = translate_sentences(sentences_for(texts), engine)
    assert engine.calls == 1
    for sentence, text in zip(sentences, texts, strict=True):
        if text.strip():
            assert (sentence.en, sentence.en_source) == (text[::-1], "mt:echo:reverse:1")
        else:
            assert (sentence.en_segments, sentence.en_source) == ([], "")


@given(st.lists(st.sampled_from(["甲", "乙乙", "丙", "", " ", "丁丁丁"]), max_size=12), st.randoms())
def test_the_engine_gets_each_distinct_text_once_whatever_the_order(texts, random):
    shuffled = list(texts)
    random.shuffle(shuffled)
    engines = Echo(), Echo()
    translated = translate_sentences(sentences_for(texts), engines[0])
    again = translate_sentences(sentences_for(shuffled), engines[1])
    assert engines[0].inputs == engines[1].inputs  # the call depends on the set of texts alone
    assert sorted(engines[0].inputs) == sorted(set(texts)) and engines[0].calls == 1
    english = {s.zh: (s.en_segments, s.en_source) for s in translated}
    assert all(english[s.zh] == (s.en_segments, s.en_source) for s in again)


def test_engines_read_traditional_text_as_simplified_without_lost_characters():
    # seed 004's lost headings ("真正的瘋狂??????"), in a traditional-script document
    doc = Document(doc_id="d", source_file="d.txt", raw="")
    doc.cleaned = "真正的瘋狂??????\n\n我們不做垂類和應用，到底??????為什麼？\n\n真的嗎???"
    structure.parse(doc)
    segment.segment(doc)
    script.annotate(doc)
    engine = Echo()
    translate_sentences(doc.sentences, engine)
    # genuine emphasis ("???") is no lost text, and an unflagged sentence is read as written
    assert sorted(engine.inputs) == sorted(["真正的疯狂", "我们不做垂类和应用，到底", "为什么？", "真的吗???"])


def test_translate_sentences_with_argos_records_the_model(shared_engine):
    sentences = translate_sentences(sentences_for(SEED_LINES[:10]), shared_engine)
    assert {sentence.en_source for sentence in sentences if sentence.en_segments} == {shared_engine.provenance}
    assert [sentence.en for sentence in sentences] == shared_engine.translate_batch(SEED_LINES[:10])


@given(
    st.text(alphabet=st.characters(blacklist_characters=":"), min_size=1),
    st.text(alphabet=st.characters(blacklist_characters=":"), min_size=1),
    st.text(min_size=1),
)
def test_provenance_round_trips(engine, model, version):
    assert parse_provenance(f"mt:{engine}:{model}:{version}") == (engine, model, version)


def test_a_provenance_of_another_kind_is_refused():
    with pytest.raises(ValueError):
        parse_provenance("reference:tm:x:1")


# --- the build with machine translation ---------------------------------------------------


def test_build_translates_what_the_memory_lacks_with_the_installed_model(tiny_model, argos_home, tmp_path):
    import pyarrow.parquet as pq

    from corpus import pipeline

    models.install(tiny_model)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "new.txt").write_text("智源研究院成立于2018年。张宏江是理事长。\n", encoding="utf-8")
    report = pipeline.build(seeds, root=tmp_path / "out", tm_dir=tmp_path / "tm")
    assert (report.from_memory, report.from_engine, report.untranslated) == (0, 2, [])
    rows = pq.ParquetFile(tmp_path / "out" / "corpus" / "data" / "sentences.parquet").read().to_pylist()
    assert [row["en_source"] for row in rows] == [get_engine("argos").provenance] * 2
    assert all(row["en_source"].startswith("mt:argos:") and row["en"] for row in rows)
    tei_files = sorted(p.name for p in (tmp_path / "out" / "corpus" / "tei").glob("*.xml"))
    assert tei_files == sorted(["corpus.xml", f"{rows[0]['doc_id']}.xml"])


def published_bytes(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for folder in ("corpus/data", "corpus/tei", "alignments") for path in sorted((root / folder).rglob("*"))
            if path.is_file()}


def test_machine_translation_gives_the_same_bytes_however_documents_are_batched(tiny_model, tmp_path, monkeypatch):
    """Chunks of one document or several, one process or two, fresh or mostly from the cache: the same bytes.
    In one process, a chunk's missing sentences are one engine call, each distinct text once."""
    from corpus import pipeline

    models.install(tiny_model)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for index in range(5):  # consecutive documents share a line: the same sentence in two documents of a chunk
        lines = SEED_LINES[3 * index + 10: 3 * index + 14]
        (seeds / f"d{index}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    calls: list[list[str]] = []
    translate_batch = ArgosEngine.translate_batch

    def counted(engine: ArgosEngine, sentences: list[str]) -> list[str]:
        calls.append(sentences)
        return translate_batch(engine, sentences)

    monkeypatch.setattr(ArgosEngine, "translate_batch", counted)

    def build(out: str, **options) -> dict[str, bytes]:
        report = pipeline.build(seeds, root=tmp_path / out, tm_dir=tmp_path / "tm", **options)
        assert report.untranslated == [] and report.from_engine == report.sentences
        return published_bytes(tmp_path / out)

    alone = build("alone", mt_batch=1)
    per_document = list(calls)
    calls.clear()
    assert build("together", mt_batch=16) == alone
    assert len(per_document) == 5 and len(calls) == 1
    assert sorted(calls[0]) == sorted({text for call in per_document for text in call})
    assert len(calls[0]) < sum(map(len, per_document))  # shared lines translated once
    with (seeds / "d2.txt").open("a", encoding="utf-8") as seed:
        seed.write(SEED_LINES[40] + "\n")
    calls.clear()
    rebuilt = build("together", mt_batch=16)  # four documents from the cache: d2 is a chunk of its own
    assert len(calls) == 1 and rebuilt != alone
    assert build("workers", jobs=2, mt_batch=2) == rebuilt
