"""The build at scale: the same bytes on one core, several, or a Dask cluster; a per-document cache
that redoes only what changed and says so; the qa stage's findings counted by the build."""
from __future__ import annotations

import os
import pickle
from dataclasses import asdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import buildcache, output, pipeline, stage
from corpus.export import publish
from corpus.export.base import Release
from corpus.errors import CorpusError, InputError
from corpus.ingest import read_document
from corpus.model import Document
from corpus.qa import stage as qa_stage
from corpus.qa.check import name_exceptions
from corpus.registry import load_registry
from corpus.translate import memory
from corpus.translate.document import Engines

PUBLISHED = ("corpus/data", "alignments", "corpus/tei")
SEEDS = {
    "a.txt": "智源研究院成立于2018年。\n张宏江是理事长。他说,人工智能会改变世界。\n",
    "b.txt": "记者:你怎么看大模型?\n张宏江:这是一个新的时代。\n记者:谢谢。\n",
    "c.txt": "北京的AI公司越来越多。\n2023年,它们融资10亿元。\n",
}
FIRST = "智源研究院成立于2018年。"


def published(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for directory in PUBLISHED for path in sorted((root / directory).rglob("*")) if path.is_file()}


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))  # no MT: English from the memory only
    directory = tmp_path / "seeds"
    directory.mkdir()
    for name, text in SEEDS.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def tm(tmp_path: Path) -> Path:
    directory = tmp_path / "tm"
    directory.mkdir()
    memory.write(directory / "a.jsonl", [memory.MemoryEntry("a.p000.s00", FIRST, ["BAAI was founded in 2018."])])
    return directory


def build(seeds: Path, root: Path, tm: Path, **options) -> tuple[pipeline.BuildReport, list[str]]:
    messages: list[str] = []
    report = pipeline.build(seeds, root, allow_untranslated=True, tm_dir=tm, progress=messages.append, **options)
    return report, messages


def plan(messages: list[str]) -> str:
    """The progress line that says which documents come from the cache and which are processed."""
    return next(message for message in messages if message.startswith("documents: "))


def test_processes_write_the_bytes_one_writes_and_a_rebuild_redoes_only_what_changed(seeds, tm, tmp_path):
    one, first = build(seeds, tmp_path / "one", tm, jobs=1)
    two, _ = build(seeds, tmp_path / "two", tm, jobs=2)
    assert published(tmp_path / "one") == published(tmp_path / "two")
    assert [(r.documents, r.sentences, r.from_memory, r.reused) for r in (one, two)] == [(3, 8, 1, [])] * 2
    assert [s.id for s in one.untranslated] == [s.id for s in two.untranslated]
    assert one.problems == two.problems >= len(one.untranslated) == 7  # qa: each sentence without English
    assert "unchanged since the last build: 0;" in plan(first)
    assert "to process: 3 (a.txt, b.txt, c.txt) in 1 chunk of at most 3 (" in plan(first)
    stages = next(message for message in first if message.startswith("stages over the 3 documents processed: "))
    assert [part.split()[0] for part in stages.split(": ", 1)[1].split(", ")] == [
        "clean", "structure", "segment", "script", "translate", "align", "annotate", "qa", "render"]

    (seeds / "b.txt").write_text(SEEDS["b.txt"] + "张宏江:不客气。\n", encoding="utf-8")
    memory.write(tm / "c.jsonl", [memory.MemoryEntry("c.p000.s00", "北京的AI公司越来越多。",
                                                     ["Beijing has more and more AI companies."])])
    report, again = build(seeds, tmp_path / "two", tm, jobs=2)
    assert "unchanged since the last build: 1 (a);" in plan(again) and "to process: 2 (b.txt, c.txt)" in plan(again)
    assert (report.sentences, report.from_memory, report.reused) == (9, 2, ["a"])
    english = pq.read_table(tmp_path / "two" / "corpus/data/sentences.parquet").column("en").to_pylist()
    assert "Beijing has more and more AI companies." in english

    _, forced = build(seeds, tmp_path / "one", tm, jobs=1, force=True)  # --force: trust nothing cached
    assert "unchanged since the last build: 0;" in plan(forced)
    assert published(tmp_path / "one") == published(tmp_path / "two")


def test_the_cache_lives_in_the_build_folder_and_forgets_removed_seeds(seeds, tm, tmp_path):
    out = tmp_path / "out"
    build(seeds, out, tm)
    cache = out / ".corpus-build" / pipeline.CACHE
    assert sorted(p.name for p in cache.glob("*.pickle")) == ["a.pickle", "b.pickle", "c.pickle"]
    entry = buildcache.DocumentCache(cache).load("a")  # the document's rendered parts are kept with it
    assert isinstance(entry, pipeline.SeedResult)
    assert entry.parts["tei"].data == (out / "corpus/tei/a.xml").read_bytes()
    (seeds / "c.txt").unlink()
    report, messages = build(seeds, out, tm)
    assert report.reused == ["a", "b"] and "to process: 0;" in plan(messages)
    assert sorted(p.name for p in cache.glob("*.pickle")) == ["a.pickle", "b.pickle"]
    assert not (out / "corpus/tei/c.xml").exists()


def test_parts_rendered_in_workers_publish_the_bytes_of_the_documents_processed_here(seeds, tm, tmp_path):
    build(seeds, tmp_path / "workers", tm, jobs=2)
    messages: list[str] = []
    docs, report, registry = pipeline.process(seeds, allow_untranslated=True, tm_dir=tm, progress=messages.append)
    assert [doc.doc_id for doc in docs] == ["a", "b", "c"] and report.sentences == 8
    assert any(message.startswith("stages over the 3 documents processed: clean") for message in messages)
    destination = output.destination(tmp_path / "here", pipeline.ROOT, False)
    destination.check()
    with destination.session(lambda message: None):
        publish.write_all(docs, [asdict(entity) for entity in registry.entities.values()], destination, seeds)
    assert published(tmp_path / "workers") == published(tmp_path / "here")


def test_a_build_with_nothing_changed_keeps_the_published_files_unless_they_were_touched(seeds, tm, tmp_path):
    out = tmp_path / "out"
    build(seeds, out, tm)
    current = os.readlink(out / ".corpus-build" / "current")
    before = published(out)
    _, messages = build(seeds, out, tm)
    assert any(message.startswith("outputs: nothing changed") for message in messages)
    assert os.readlink(out / ".corpus-build" / "current") == current and published(out) == before
    (out / "corpus/tei/a.xml").write_bytes(b"edited by hand")  # a published file no longer what the build wrote
    _, messages = build(seeds, out, tm)
    assert not any(message.startswith("outputs: nothing changed") for message in messages)
    assert os.readlink(out / ".corpus-build" / "current") != current and published(out) == before


def test_a_bad_seed_in_a_worker_fails_the_build_naming_the_file(seeds, tm, tmp_path):
    (seeds / "d.txt").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError, match="d.txt") as error:
        build(seeds, tmp_path / "out", tm, jobs=2)
    with pytest.raises(InputError) as in_this_process:
        read_document(seeds / "d.txt")
    assert (error.value.path, error.value.offset, str(error.value)) == (
        in_this_process.value.path, in_this_process.value.offset, str(in_this_process.value))
    assert not (tmp_path / "out").exists()  # the folder it made goes, cache and all


def test_a_worker_with_other_code_refuses_the_task(tm):
    context = pipeline.Context("argos", load_registry(), [], "another-version", "run")
    task = pipeline.SeedTask("a.txt", SEEDS["a.txt"].encode(), "a.txt", "a", memory.load("a", tm), context)
    with pytest.raises(CorpusError, match="other code"):
        pipeline.process_chunk([task])


def test_the_cache_key_changes_with_each_input():
    key = buildcache.document_key("a.txt", b"text", ["{}"], "argos", "", "v1")
    changed = [
        buildcache.document_key("b.txt", b"text", ["{}"], "argos", "", "v1"),
        buildcache.document_key("a.txt", b"text!", ["{}"], "argos", "", "v1"),
        buildcache.document_key("a.txt", b"text", ["{}", "{}"], "argos", "", "v1"),
        buildcache.document_key("a.txt", b"text", ["{}"], "other", "", "v1"),
        buildcache.document_key("a.txt", b"text", ["{}"], "argos", "additions", "v1"),
        buildcache.document_key("a.txt", b"text", ["{}"], "argos", "", "v2"),
        buildcache.document_key("a.txt", b"text", ["{}"], "argos", "", "v1", "another release"),
    ]
    assert len({key, *changed}) == 8
    releases = [buildcache.release_key(Release([], {"seed_base": base})) for base in ("../../seeds/", "../seeds/")]
    assert len({"", *releases}) == 3 and buildcache.release_key(None) == ""
    assert buildcache.document_key("a.txt", b"text", ["{}"], "argos", "", "v1") == key


def test_mt_results_are_reused_only_with_the_same_engine_state():
    installed = buildcache.EngineCheck(lambda: "mt:argos:model:1.0")
    assert installed.still_current("") and installed.still_current("mt:argos:model:1.0")
    assert not installed.still_current("mt:argos:model:0.9") and not installed.still_current(buildcache.NO_ENGINE)

    def unavailable() -> str:
        raise CorpusError("no model")

    missing = buildcache.EngineCheck(unavailable)
    assert missing.still_current(buildcache.NO_ENGINE) and not missing.still_current("mt:argos:model:1.0")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc_id=st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), key=st.text("0123456789abcdef", min_size=1),
       engine=st.sampled_from(["", buildcache.NO_ENGINE, "mt:argos:m:1"]), value=st.recursive(
           st.none() | st.integers() | st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_a_cache_entry_reads_back_what_was_put(tmp_path_factory, doc_id, key, engine, value):
    cache = buildcache.DocumentCache(tmp_path_factory.mktemp("cache"))
    cache.put(doc_id, key, engine, buildcache.encode(value))
    assert cache.engine_of(doc_id, key) == engine and cache.engine_of(doc_id, key + "0") is None
    assert cache.load(doc_id) == value
    assert buildcache.DocumentCache(cache.directory, force=True).engine_of(doc_id, key) is None


def test_a_broken_cache_entry_says_what_to_do(tmp_path):
    (tmp_path / "d.pickle").write_bytes(b"key\n\nnot zlib")
    with pytest.raises(CorpusError, match="--force"):
        buildcache.DocumentCache(tmp_path).load("d")


def test_every_per_document_stage_runs_in_order_and_qa_records_its_findings(tm):
    stages = pipeline.document_stages({"a": memory.load("a", tm)}, Engines("argos"), load_registry(), name_exceptions())
    assert [s.name for s in stages] == ["clean", "structure", "segment", "script", "translate", "align", "annotate",
                                        "qa"]
    doc = Document("a", "a.txt", raw=SEEDS["a.txt"])
    for sentence_stage in stages[:4]:
        sentence_stage.run(doc)
    memory.apply(doc, memory.load("a", tm))  # one sentence translated, the others left without English
    qa_stage(load_registry(), []).run(doc)
    assert [(sid, check) for sid, check, _ in doc.problems] == [(s.id, "missing") for s in doc.sentences[1:]]
    assert doc.problems and Document("a", "a.txt") == Document("a", "a.txt", problems=doc.problems)


def test_qa_before_annotation_is_refused():
    qa, annotate = pipeline.document_stages({}, Engines("argos"), load_registry(), [])[-1:-3:-1]
    with pytest.raises(ValueError, match="stage 'qa' reads"):
        stage.in_order((*pipeline.TEXT_STAGES, qa, annotate))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.integers(0, 3 * pipeline.CHUNK_BYTES // 2), max_size=40), jobs=st.integers(1, 4),
       mt_batch=st.integers(1, 20))
def test_chunks_keep_every_seed_in_order_within_their_limits(tmp_path_factory, sizes, jobs, mt_batch):
    directory = tmp_path_factory.mktemp("seeds")
    seeds = []
    for index, size in enumerate(sizes):
        path = directory / f"{index:02d}.txt"
        with open(path, "wb") as seed:
            seed.truncate(size)  # sparse: no bytes written
        seeds.append((path, f"{index:02d}"))
    chunks = pipeline.chunks(seeds, jobs, mt_batch)
    assert [seed for chunk in chunks for seed in chunk] == seeds and all(chunks)
    for chunk in chunks:
        assert len(chunk) <= mt_batch
        assert sum(path.stat().st_size for path, _ in chunk[:-1]) < pipeline.CHUNK_BYTES  # closed once it is full


def test_chunks_are_full_in_one_process_and_shrink_towards_the_end_in_several(tmp_path):
    seeds = []
    for index in range(100):
        (tmp_path / f"{index}.txt").write_text("一。\n", encoding="utf-8")
        seeds.append((tmp_path / f"{index}.txt", str(index)))
    assert [len(chunk) for chunk in pipeline.chunks(seeds, 1, 16)] == [16] * 6 + [4]
    sizes = [len(chunk) for chunk in pipeline.chunks(seeds, 2, 16)]
    assert sizes[0] == 13 and sizes[1] == 11  # 100 / (2 × 4) → 13; 87 / 8 → 11: they shrink as documents are left
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1 and sum(sizes) == 100
    assert [len(chunk) for chunk in pipeline.chunks(seeds[:5], 2, 16)] == [1] * 5
    assert [len(chunk) for chunk in pipeline.chunks(seeds, 2, 4)][:8] == [4] * 8


class Counted:
    """A stage that records what it was given: one document (``run``) or a batch (``run_batch``)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def one(self, doc: Document) -> Document:
        self.calls.append([doc.doc_id])
        doc.metadata["seen"] = doc.metadata.get("seen", "") + "x"
        return doc

    def batch(self, docs: list[Document]) -> list[Document]:
        self.calls.append([doc.doc_id for doc in docs])
        return [self.one(doc) for doc in docs]


@given(st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), unique=True, max_size=6))
def test_run_all_gives_each_document_what_run_gives_it_and_a_batch_stage_all_of_them_at_once(doc_ids):
    counted = Counted()
    stages = (stage.Stage("one", counted.one, (), ()), stage.Stage("batch", counted.one, (), (), counted.batch))
    seconds: list[dict[str, float]] = [{} for _ in doc_ids]
    docs = stage.run_all([Document(doc_id, "x.txt") for doc_id in doc_ids], stages, seconds)
    alone = [stage.run(Document(doc_id, "x.txt"), stages) for doc_id in doc_ids]
    assert docs == alone and [doc.doc_id for doc in docs] == doc_ids
    batched = [doc_ids] if len(doc_ids) > 1 else [[doc_id] for doc_id in doc_ids]  # then ``one`` for each
    assert counted.calls[:len(doc_ids)] == [[doc_id] for doc_id in doc_ids]
    assert counted.calls[len(doc_ids):len(doc_ids) + len(batched)] == batched
    assert all(sorted(spent) == ["batch", "one"] for spent in seconds)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    checkout = str(Path(pipeline.__file__).resolve().parents[1])
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [checkout, saved]))  # the workers import this checkout
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as local:
            yield local.scheduler_address
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


@pytest.mark.filterwarnings("ignore")
def test_a_dask_cluster_of_two_workers_writes_the_bytes_of_the_serial_build(cluster, seeds, tm, tmp_path):
    build(seeds, tmp_path / "serial", tm, jobs=1)
    report, messages = build(seeds, tmp_path / "cluster", tm, cluster=cluster)
    assert "to process: 3" in plan(messages) and report.documents == 3
    assert published(tmp_path / "serial") == published(tmp_path / "cluster")


def test_a_task_pickles_with_everything_a_cluster_worker_needs(tm):
    context = pipeline.Context("argos", load_registry(), name_exceptions(), buildcache.code_version(), "run")
    task = pipeline.SeedTask("a.txt", SEEDS["a.txt"].encode(), "a.txt", "a", memory.load("a", tm), context)
    (result,) = pipeline.process_chunk(pickle.loads(pickle.dumps([task])))
    assert result.doc.sentences[0].en == "BAAI was founded in 2018." and result.doc.links


def test_a_worker_builds_the_registry_matchers_once_per_build_not_once_per_task(tm):
    """Every task brings its own unpickled copy of the build's registry; the caches keyed by the registry must
    still be filled once (they hold jieba taggers: rebuilding them per document doubled a build's CPU time)."""
    from corpus.annotate import mentions

    context = pipeline.Context("argos", load_registry(), name_exceptions(), buildcache.code_version(), "a-build")
    tasks = [pipeline.SeedTask(name, SEEDS[name].encode(), name, name[0], memory.load(name[0], tm), context)
             for name in ("a.txt", "c.txt", "b.txt")]
    pipeline.process_chunk(pickle.loads(pickle.dumps(tasks[:1])))
    built = mentions._registry_matcher.cache_info().misses
    for task in tasks[1:]:
        pipeline.process_chunk(pickle.loads(pickle.dumps([task])))
    assert mentions._registry_matcher.cache_info().misses == built


def test_jobs_must_be_a_positive_number(capsys):
    from corpus.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["build", "--jobs", "0"])
    assert "must be at least 1, not 0" in capsys.readouterr().err
    assert build_parser().parse_args(["build", "-j", "3", "--cluster", "tcp://s:8786"]).jobs == 3
