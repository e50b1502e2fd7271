"""The build: seeds → cleaned, structured, translated, aligned, annotated → published artifacts.

Each stage is a module of plain functions over :class:`corpus.model.Document`;
this file only runs them in order and hands the result to the exporters.
Every artifact is computed in memory first and written through a staging
directory, so a failing build leaves the previous outputs untouched.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from corpus import clean, output, script, segment, stage, structure
from corpus.annotate import annotate
from corpus.annotate.user_registry import with_additions
from corpus.errors import CorpusError, UnknownEngine
from corpus.ingest import read_directory
from corpus.model import Document, Sentence
from corpus.registry import Registry, load_registry
from corpus.translate import memory
from corpus.translate.engines import engine_names, get_engine, translate_sentences

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
DATA = PACKAGE / "data"

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


def prepare(seed_dir: Path = SEEDS, progress: Progress = lambda message: None) -> list[Document]:
    """Ingest, clean, structure, segment and add script variants and pinyin."""
    docs = read_directory(seed_dir, notice=progress)
    for doc in docs:
        progress(f"text  {doc.source_file} → {doc.doc_id}")
        stage.run(doc, TEXT_STAGES)
    return docs


def english_title(doc: Document) -> None:
    """``title_en`` is the translation of the title line, unless the curated metadata gives one.

    Keeps the documents table, the TEI header and the English text saying the same thing.
    """
    title = doc.paragraphs[0] if doc.paragraphs and doc.paragraphs[0].kind == "title" else None
    if title is not None and "title_en" not in doc.metadata and all(s.en for s in title.sentences):
        doc.metadata["title_en"] = " ".join(s.en for s in title.sentences)


def translate(
    docs: list[Document],
    engine_name: str = "argos",
    allow_untranslated: bool = False,
    tm_dir: Path = memory.TM_DIR,
    progress: Progress = lambda message: None,
) -> BuildReport:
    """English from the translation memory first, then the MT engine for what it lacks."""
    missing: list[Sentence] = []
    for doc in docs:
        missing += memory.apply(doc, memory.load(doc.doc_id, tm_dir))
    from_engine = 0
    untranslated: list[Sentence] = []
    if missing:
        progress(f"mt    {len(missing)} sentences not in the translation memory")
        try:
            engine = get_engine(engine_name)
        except CorpusError as error:
            if not allow_untranslated:
                raise UntranslatedError(missing, error) from None
            untranslated = missing
            for sentence in missing:
                sentence.flags.append("untranslated")
        else:
            translate_sentences(missing, engine)
            untranslated = [sentence for sentence in missing if not sentence.en_segments]
            for sentence in untranslated:
                sentence.flags.append("untranslated")
            from_engine = len(missing) - len(untranslated)
    for doc in docs:
        english_title(doc)
    total = sum(len(doc.sentences) for doc in docs)
    return BuildReport(len(docs), total, total - len(missing), from_engine, untranslated)


def align(docs: list[Document], progress: Progress = lambda message: None) -> None:
    """Sentence links: our English is aligned by construction; the aligner's model scores each link."""
    from corpus.align import construction_links

    progress("align sentence links")
    for doc in docs:
        doc.links = construction_links(doc)


def process(
    seed_dir: Path = SEEDS,
    allow_untranslated: bool = False,
    engine_name: str = "argos",
    tm_dir: Path = memory.TM_DIR,
    progress: Progress = lambda message: None,
    registry: Registry | None = None,
) -> tuple[list[Document], BuildReport, Registry]:
    """Every stage of the build short of publishing: prepared, translated, aligned, annotated documents
    (with the team's registry unless ``registry`` is given)."""
    docs = prepare(seed_dir, progress)
    report = translate(docs, engine_name, allow_untranslated, tm_dir, progress)
    align(docs, progress)
    registry = registry or load_registry()
    progress("annotate entities and speakers")
    for doc in docs:
        annotate(doc, registry)
    return docs, report, registry


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
    if not Path(seed_dir).is_dir():
        read_directory(seed_dir)  # names the problem with the folder before anything is written
    registry = user_registry(seed_dir, root)  # a mistake in the user's entries stops the build before it runs
    with destination.session(progress):
        docs, report, registry = process(seed_dir, allow_untranslated, engine_name,
                                         tm_dir or memory_dir(seed_dir, root), progress, registry)
        from corpus.export import publish  # datasets comes with it: every other command starts without it

        entities = [asdict(entity) for entity in registry.entities.values()]
        publish.write_all(docs, entities, destination, seed_dir, progress, readme)
    return report
