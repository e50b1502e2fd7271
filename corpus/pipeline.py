"""The build: seeds → cleaned, structured, translated, aligned, annotated, checked → published artifacts.

Each stage is a module of plain functions over :class:`corpus.model.Document`,
declared as a :class:`corpus.stage.Stage`; every stage up to qa works on one
document at a time, so :func:`process_chunk` (a few seeds' bytes and translation
memories in, their finished documents out) is the unit a build maps over its
documents: in this process, in ``jobs`` worker processes, or on a Dask cluster
(:mod:`corpus.runner`), with a per-document cache in front
(:mod:`corpus.buildcache`).  A chunk's documents go through each stage together,
so the sentences their memories lack reach the MT engine in one batched call.
The corpus-level steps (registry table, teiCorpus, card statistics) run once
after, in :mod:`corpus.export.publish`, which writes through staging directories:
a failing build leaves the previous outputs untouched.
"""
from __future__ import annotations

import hashlib
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional

from corpus import buildcache, clean, output, runner, script, segment, stage, structure
from corpus.align.document import STAGE as ALIGN_STAGE
from corpus.annotate import stage as annotate_stage
from corpus.annotate.user_registry import with_additions
from corpus.errors import CorpusError, UnknownEngine
from corpus.export.base import Release, Rendered
from corpus.ingest import read_directory, read_seed, seed_ids
from corpus.model import Document, Sentence
from corpus.qa import stage as qa_stage
from corpus.qa.check import NameException, name_exceptions
from corpus.registry import Registry, load_registry
from corpus.translate import memory
from corpus.translate.document import UNTRANSLATED, Engines
from corpus.translate.document import stage as translate_stage
from corpus.translate.engines import engine_names, forks_safely, installed_provenance

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
DATA = PACKAGE / "data"
CACHE = "cache"  # the per-document cache, in the destination's own folder (.corpus-build/)
RENDER = "render"  # the progress line's name for rendering a document's export parts
# Documents per chunk (corpus build --mt-batch), at most: their missing sentences go to the MT engine in one call.
# scripts/bench_scale.py --mt 32 (tiny model, a tenth of the sentences missing): the engine's CPU time was 15.5 s
# with one document per call, 10.2 s with 4, 6.7 s with 16, 5.3 s with all 32; past 16 the gain is small against
# what a larger chunk costs in a worker's memory and in keeping the workers evenly busy.
MT_BATCH = 16
# Seed bytes per chunk, at most (a chunk's documents are in a worker's memory together): a chunk closes once its
# seeds reach this, so a chunk of large documents holds about as much as one of them.
CHUNK_BYTES = 1 << 20
# With several workers, a chunk holds at most the documents left over this many chunks per worker: chunks shrink
# towards the end of a build, which keeps every worker busy to the end.
CHUNKS_PER_WORKER = 4

Progress = Callable[[str], None]
# The per-document text stages, in order (checked: each reads only what an earlier one fills).
TEXT_STAGES = stage.in_order((clean.STAGE, structure.STAGE, segment.STAGE, script.STAGE))


class UntranslatedError(CorpusError):
    """Sentences lack English and no engine could translate them; names every one of them."""

    def __init__(self, missing: list[Sentence], cause: CorpusError):
        self.missing = missing
        self.cause = cause
        super().__init__(
            f"{len(missing)} sentences are not in the translation memory and machine translation is unavailable "
            f"({cause}): {', '.join(sentence.id for sentence in missing)}\n"
            "Add their English to the memory (corpus tm missing / corpus tm import), install a model, or build "
            "without English for them (corpus build --allow-untranslated; corpus.build(..., allow_untranslated=True))"
        )


@dataclass
class BuildReport:
    documents: int
    sentences: int
    from_memory: int
    from_engine: int
    untranslated: list[Sentence]
    problems: int = 0  # what the qa stage found (corpus check lists it)
    reused: list[str] = field(default_factory=list)  # doc_ids taken from the cache


def prepare(seed_dir: Path = SEEDS, progress: Progress = lambda message: None) -> list[Document]:
    """Ingest, clean, structure, segment and add script variants and pinyin."""
    docs = read_directory(seed_dir, notice=progress)
    for doc in docs:
        progress(f"text  {doc.source_file} → {doc.doc_id}")
        stage.run(doc, TEXT_STAGES)
    return docs


def document_stages(memories: Mapping[str, memory.TranslationMemory], engines: Engines, registry: Registry,
                    exceptions: list[NameException]) -> tuple[stage.Stage, ...]:
    """Every per-document stage, in order, for documents whose translation memories are ``memories`` (by doc_id)."""
    return stage.in_order((*TEXT_STAGES, translate_stage(memories, engines), ALIGN_STAGE, annotate_stage(registry),
                           qa_stage(registry, exceptions)))


@dataclass(frozen=True)
class Context:
    """What every document of one build is processed with; it travels with each task, so a cluster
    worker needs none of this machine's files, only the same code and curated data."""

    engine_name: str
    registry: Registry
    exceptions: list[NameException]
    code_version: str
    run: str  # one build: a worker loads its engine once per build
    release: Optional[Release] = None  # where given, each document is also rendered in every export format


@dataclass(frozen=True)
class SeedTask:
    name: str  # the seed file's name
    data: bytes
    where: str  # the seed's path, for error messages
    doc_id: str
    tm: memory.TranslationMemory
    context: Context


@dataclass
class SeedResult:
    doc: Document
    engine_error: Optional[str] = None  # why no engine translated what the memory lacks
    seconds: dict[str, float] = field(default_factory=dict)  # stage name → time it took on this document
    parts: dict[str, Any] = field(default_factory=dict)  # export format → the document's part (Context.release)


# This process's engine for the build it works for, by process id: a worker forked from the build process
# loads its own, since an MT model's threads do not survive a fork (corpus.runner).
_ENGINES: dict[tuple[str, int], Engines] = {}

# The registry each task of a build brought, by build: a worker unpickles a new copy with every task, and the
# matchers and jieba taggers of corpus.annotate are cached per registry object, so without this they would be
# rebuilt for every document (a forked worker keeps the build process's copy and the caches it filled).
_REGISTRIES: dict[str, Registry] = {}


def _build_registry(context: Context) -> Registry:
    if context.run not in _REGISTRIES:
        _REGISTRIES.clear()
        _REGISTRIES[context.run] = context.registry
    return _REGISTRIES[context.run]


def _build_engines(context: Context) -> Engines:
    this = (context.run, os.getpid())
    if this not in _ENGINES:
        for earlier in [key for key in _ENGINES if key[1] == this[1]]:  # never the parent's: its threads are gone
            del _ENGINES[earlier]
        _ENGINES[this] = Engines(context.engine_name)
    return _ENGINES[this]


def process_chunk(tasks: list[SeedTask]) -> list[SeedResult]:
    """Seeds of one build → their finished documents, in order: every per-document stage, the documents going
    through each stage together, so that what their memories lack is machine-translated in one batch (runs in a
    worker)."""
    context = tasks[0].context
    if (here := buildcache.code_version()) != context.code_version:
        raise CorpusError(f"{tasks[0].where}: this worker runs other code or curated data ({here[:12]}) than the "
                          f"build ({context.code_version[:12]}); install the same checkout on every worker")
    return _process(tasks, _build_engines(context))


def warm_up(tasks: list[SeedTask]) -> None:
    """What the build process runs before it forks its workers, so they inherit what it loads (CC-CEDICT, jieba,
    compiled patterns, the exporters): the chunk's first document through every stage but machine translation,
    whose OpenMP threads would leave a forked worker hanging at its first translation.  The result is dropped."""
    _process(tasks[:1], Engines(tasks[0].context.engine_name, refused=CorpusError("not before the fork")))


def _process(tasks: list[SeedTask], engines: Engines) -> list[SeedResult]:
    context = tasks[0].context
    docs = [read_seed(task.name, task.data, task.where, doc_id=task.doc_id) for task in tasks]
    seconds: list[dict[str, float]] = [{} for _ in tasks]
    stages = document_stages({task.doc_id: task.tm for task in tasks}, engines, _build_registry(context),
                             context.exceptions)
    results = []
    for doc, spent in zip(stage.run_all(docs, stages, seconds), seconds, strict=True):
        failed = engines.error is not None and any(UNTRANSLATED in s.flags for s in doc.sentences)
        parts: dict[str, Any] = {}
        if context.release is not None:
            from corpus.export import publish  # datasets comes with it: only a build that publishes needs it

            started = time.perf_counter()
            parts = publish.render(context.release, doc).parts
            spent[RENDER] = time.perf_counter() - started
        results.append(SeedResult(doc, str(engines.error) if failed else None, spent, parts))
    return results


def process_encoded(tasks: list[SeedTask]) -> list[bytes]:
    """:func:`process_chunk`, each result encoded as the cache holds it (:func:`buildcache.encode`): the worker
    pickles and compresses it once, for the trip back and for the cache."""
    return [buildcache.encode(result) for result in process_chunk(tasks)]


def chunks(seeds: list[tuple[Path, str]], jobs: int, mt_batch: int = MT_BATCH) -> list[list[tuple[Path, str]]]:
    """``seeds`` cut, in order, into the chunks a build hands its workers: ``mt_batch`` documents at most, and a
    chunk closes at :data:`CHUNK_BYTES` of seeds.  With several ``jobs``, each chunk is also at most the
    documents left over ``jobs`` × :data:`CHUNKS_PER_WORKER`, so chunks shrink towards the end (guided
    scheduling): the last ones are single documents, and no worker is left with a large chunk while the
    others wait."""
    cut: list[list[tuple[Path, str]]] = []
    held = size = 0
    for left, seed in zip(range(len(seeds), 0, -1), seeds):
        if not cut or len(cut[-1]) >= size or held >= CHUNK_BYTES:
            size = max(1, min(mt_batch, -(-left // (jobs * CHUNKS_PER_WORKER)))) if jobs > 1 else mt_batch
            cut.append([])
            held = 0
        cut[-1].append(seed)
        held += seed[0].stat().st_size
    return cut


def _task(path: Path, doc_id: str, tm_dir: Path, context: Context) -> SeedTask:
    return SeedTask(path.name, path.read_bytes(), str(path), doc_id, memory.load(doc_id, tm_dir), context)


def _context(engine_name: str, registry: Registry, release: Optional[Release] = None) -> Context:
    return Context(engine_name, registry, name_exceptions(), buildcache.code_version(), uuid.uuid4().hex, release)


class Tally:
    """The build's report, counted as documents stream past (:meth:`add`); no document is kept, only the
    sentences that lack English."""

    def __init__(self) -> None:
        self.documents = self.sentences = self.from_engine = self.problems = 0
        self.untranslated: list[Sentence] = []
        self.engine_errors: list[str] = []  # why no engine translated what the memory lacks, per document it failed

    def add(self, result: SeedResult) -> None:
        sentences = result.doc.sentences
        self.documents += 1
        self.sentences += len(sentences)
        self.from_engine += sum(s.en_source.startswith("mt:") for s in sentences)
        self.problems += len(result.doc.problems)
        self.untranslated += [s for s in sentences if UNTRANSLATED in s.flags]
        if result.engine_error:
            self.engine_errors.append(result.engine_error)

    def check(self, allow_untranslated: bool) -> None:
        """:class:`UntranslatedError` where no engine could give sentences English and that is not allowed."""
        if self.engine_errors and not allow_untranslated:
            raise UntranslatedError(self.untranslated, CorpusError(self.engine_errors[0]))

    def report(self, reused: list[str]) -> BuildReport:
        from_memory = self.sentences - self.from_engine - len(self.untranslated)
        return BuildReport(self.documents, self.sentences, from_memory, self.from_engine, self.untranslated,
                           self.problems, reused)


def process(
    seed_dir: Path = SEEDS,
    allow_untranslated: bool = False,
    engine_name: str = "argos",
    tm_dir: Path = memory.TM_DIR,
    progress: Progress = lambda message: None,
    registry: Registry | None = None,
) -> tuple[list[Document], BuildReport, Registry]:
    """Every stage of the build short of publishing, in this process and without a cache (:func:`process_all`):
    finished documents in corpus order (with the team's registry unless ``registry`` is given)."""
    registry = registry or load_registry()
    done = process_all(seed_ids(seed_dir, progress, registry.entities), tm_dir, _context(engine_name, registry), None,
                       allow_untranslated=allow_untranslated, progress=progress)
    docs = [rendered.doc for rendered in done.documents]
    return docs, done.tally.report([]), registry


def _engine_line(result: SeedResult) -> str:
    """How ``result`` was translated, as :class:`buildcache.EngineCheck` compares it."""
    used = sorted({s.en_source for s in result.doc.sentences if s.en_source.startswith("mt:")})
    return used[0] if used else buildcache.NO_ENGINE if result.engine_error else ""


def _named(names: list[str], shown: int = 10) -> str:
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


@dataclass
class Processed:
    documents: Iterator[Rendered]  # in corpus order, each once, as they are taken from the cache or finished
    tally: Tally  # counted as ``documents`` is consumed
    reused: list[str]  # the doc_ids taken from the cache
    keys: list[str]  # the cache key of each document, in corpus order


def process_all(seeds: list[tuple[Path, str]], tm_dir: Path, context: Context,
                cache: Optional[buildcache.DocumentCache],
                additions: str = "", *, jobs: int = 1, cluster: Optional[str] = None, allow_untranslated: bool = False,
                progress: Progress = lambda message: None, progress_bar: bool = False,
                mt_batch: int = MT_BATCH) -> Processed:
    """Every seed's finished document, with its export parts where ``context`` has a release: from ``cache``
    (if any) where its inputs are unchanged, else processed in ``jobs`` processes or on the Dask scheduler at
    ``cluster``, in :func:`chunks` of ``mt_batch`` documents at most.  The documents stream: each is yielded
    as it is done, counted, put in the cache and dropped; after the last, :class:`UntranslatedError` unless
    ``allow_untranslated`` where sentences lack English that no engine could give."""
    keys: dict[str, str] = {}
    reused: set[str] = set()
    release = buildcache.release_key(context.release)
    engine = buildcache.EngineCheck(lambda: installed_provenance(context.engine_name))
    for path, doc_id in seeds:  # one seed in memory at a time: the tasks are made again when submitted
        tm = memory.load(doc_id, tm_dir)
        keys[doc_id] = buildcache.document_key(path.name, path.read_bytes(),
                                               [entry.to_json() for entry in tm.entries] + [tm.provenance],
                                               context.engine_name, additions, context.code_version, release)
        used = cache.engine_of(doc_id, keys[doc_id]) if cache else None
        if used is not None and engine.still_current(used):
            reused.add(doc_id)
    todo = [(path, doc_id) for path, doc_id in seeds if doc_id not in reused]
    planned = chunks(todo, jobs, mt_batch)
    progress(f"documents: {len(seeds)}; unchanged since the last build: {len(reused)}"
             + (f" ({_named(sorted(reused))})" if reused else "") + f"; to process: {len(todo)}"
             + (f" ({_named([path.name for path, _ in todo])})" if todo else "")
             + (f" in {len(planned)} chunk{'s' * (len(planned) > 1)} of at most {max(map(len, planned))} (the "
                f"sentences their memories lack are machine-translated a chunk at a time)" if planned else "")
             + (f"; cache: {cache.directory}" if cache else ""))
    tally = Tally()

    def documents() -> Iterator[Rendered]:
        tasks = ([_task(path, doc_id, tm_dir, context) for path, doc_id in chunk] for chunk in planned)
        encoded = runner.ordered_map(process_encoded, tasks, jobs=min(jobs, len(planned)), cluster=cluster,
                                     prepare=warm_up, fork=forks_safely())
        computed = (payload for done in encoded for payload in done)
        seconds: dict[str, float] = {}
        with runner.progress_bar(len(seeds), "documents", progress_bar) as bar:
            for path, doc_id in seeds:
                if cache and doc_id in reused:
                    result = cache.load(doc_id)
                    if not isinstance(result, SeedResult):
                        raise CorpusError(f"{cache.directory}: {doc_id}: not a cached document; build with --force")
                else:
                    payload = next(computed)
                    result = buildcache.decode(payload, doc_id)
                    if not isinstance(result, SeedResult):
                        raise AssertionError(f"{doc_id}: the worker returned no document")
                    if cache:
                        cache.put(doc_id, keys[doc_id], _engine_line(result), payload)
                    for name, spent in result.seconds.items():
                        seconds[name] = seconds.get(name, 0.0) + spent
                tally.add(result)
                bar.update(reused=doc_id in reused, sentences=len(result.doc.sentences),
                           problems=len(result.doc.problems))
                yield Rendered(result.doc, result.parts)
        if next(computed, None) is not None:  # ends the workers; every result was taken above
            raise AssertionError("the runner returned more results than tasks")
        if seconds:
            progress(f"stages over the {len(todo)} documents processed: "
                     + ", ".join(f"{name} {spent:.1f} s" for name, spent in seconds.items()))
        if cache:
            cache.keep_only(keys)
        tally.check(allow_untranslated)

    return Processed(documents(), tally, sorted(reused), list(keys.values()))


def shipped(seed_dir: Path) -> bool:
    """Whether ``seed_dir`` is the shipped seeds folder, whose corpus is this checkout's."""
    return Path(seed_dir).resolve() == SEEDS.resolve()


def user_registry(seed_dir: Path, root: Path) -> Registry:
    """The team's registry; for seeds other than the shipped ones, with the user's additions in
    ``entities.yaml`` of their output folder, if they wrote one (never in the installed package)."""
    return load_registry() if shipped(seed_dir) else with_additions(Path(root) / output.USER_REGISTRY)


def memory_dir(seed_dir: Path, root: Path) -> Path:
    """The translation memory of a build: the team's (``corpus/curated/tm``) for the shipped seeds;
    for any other seeds, the user's own, ``tm/`` in their output folder, never the installed package."""
    return memory.TM_DIR if shipped(seed_dir) else Path(root) / output.USER_MEMORY


def registry_additions(seed_dir: Path, root: Path) -> str:
    """A hash of the user's registry entries a build of ``seed_dir`` reads (none for the shipped seeds,
    whose registry is curated data): part of every cache key."""
    path = Path(root) / output.USER_REGISTRY
    if shipped(seed_dir) or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(
    seed_dir: Path = SEEDS,
    root: Path | None = None,
    allow_untranslated: bool = False,
    engine_name: str = "argos",
    tm_dir: Path | None = None,
    progress: Progress = lambda message: None,
    *,
    force: bool = False,
    readme: Path | None = None,
    jobs: int = 1,
    cluster: Optional[str] = None,
    cache_dir: Path | None = None,
    progress_bar: bool = False,
    mt_batch: int = MT_BATCH,
) -> BuildReport:
    """Seeds → every published artifact under ``root``, published all at once (:mod:`corpus.output`).

    ``root`` defaults to this checkout, which only the shipped seeds may replace unless named
    on purpose; another folder must be new, empty, a folder an earlier build made, or ``force``
    (its other files are never changed).  Everything about the output is checked before the
    pipeline runs.  English comes from the translation memory in ``tm_dir`` (default:
    :func:`memory_dir`), then from the MT engine ``engine_name``; with neither, the build stops
    (:class:`UntranslatedError`) unless ``allow_untranslated``, when such sentences are flagged
    ``untranslated``.  ``readme``: the dataset card whose statistics to update (default: the
    checkout's, for a build of the checkout).  Returns what was built and where the English came from.

    Documents are processed in ``jobs`` processes, or by the Dask scheduler at ``cluster`` (an
    address such as ``tcp://host:8786``): the output is the same bytes either way.  A worker takes up to
    ``mt_batch`` documents at a time and machine-translates what their memories lack in one batch.  A document whose
    seed, translation memory, registry additions, code and curated data are unchanged since the last
    build is taken from the cache (``cache_dir``, default ``.corpus-build/cache`` under ``root``),
    unless ``force``: don't trust what is there.  ``progress_bar``: per-document progress on stderr.
    """
    if root is None:
        if not shipped(seed_dir):
            raise CorpusError(f"building from {seed_dir} would replace the shipped corpus in {ROOT}; give an "
                              f"output folder (corpus build --out DIR; corpus.build(..., root=DIR)), or name "
                              f"{ROOT} as the output to replace it on purpose")
        root = ROOT
    root = Path(root)
    if engine_name not in engine_names():
        raise UnknownEngine(engine_name, engine_names())
    destination = output.destination(root, ROOT, force)
    destination.check()
    # Names a problem with the seeds before anything is written; doc_id order is the published order, so each
    # document can be published as soon as it is done.
    registry = user_registry(seed_dir, root)  # a mistake in the user's entries stops the build before it runs
    seeds = sorted(seed_ids(seed_dir, progress, registry.entities), key=lambda seed: seed[1])
    cache = buildcache.DocumentCache(cache_dir or destination.state / CACHE, force)
    from corpus.export import publish  # datasets comes with it: every other command starts without it

    entities = [asdict(entity) for entity in registry.entities.values()]
    with destination.session(progress):
        release = publish.release_of(entities, seed_dir, root)
        context = _context(engine_name, registry, release)
        done = process_all(seeds, tm_dir or memory_dir(seed_dir, root), context, cache,
                           registry_additions(seed_dir, root), jobs=jobs, cluster=cluster,
                           allow_untranslated=allow_untranslated, progress=progress, progress_bar=progress_bar,
                           mt_batch=mt_batch)
        # Every document from the cache, and the same code, seeds and output folder: the same bytes as last time.
        fingerprint = buildcache.outputs_key(done.keys, context.code_version, str(Path(seed_dir).resolve()),
                                             str(root.resolve()))
        current = len(done.reused) == len(seeds) and cache.holds_published(fingerprint, root)
        if current:
            progress("outputs: nothing changed since the last build; its published files are current")
        # Each document is published as it is done, its parts rendered where it was processed: the build holds
        # one at a time, never the corpus, and only writes and joins bytes.
        publish.write_all(done.documents, entities, destination, seed_dir, progress, readme, files=not current,
                          release=release)
        cache.record_published(fingerprint, root)
        report = done.tally.report(done.reused)
    return report
