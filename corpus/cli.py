"""The ``corpus`` command: argument parsing only; every action is a library call."""
from __future__ import annotations

import argparse
import json
import os
import shlex
import signal
import sys
import threading
from pathlib import Path

from corpus import output, pipeline, runner, view
from corpus.errors import CorpusError

# How many untranslated sentences a refusal names one by one; `corpus tm missing` lists them all.
UNTRANSLATED_LISTED = 50


def _progress(args: argparse.Namespace):
    return (lambda message: None) if args.quiet else (lambda message: print(message, file=sys.stderr, flush=True))


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _docs(args: argparse.Namespace):
    """The documents of a finished build (``--root OUT``), else as the build makes them from the seeds
    (translated, aligned, annotated), without publishing."""
    if args.root:
        return _load_build(args.root).documents
    docs, _report, _registry = pipeline.process(Path(args.seeds), allow_untranslated=True, progress=_progress(args))
    return docs


def _load_build(root: str):
    from corpus import api

    data = Path(root) / "corpus" / "data"
    if not (data / "documents.parquet").is_file():
        raise CorpusError(f"{root}: no finished build here ({data}/documents.parquet is missing); "
                          "give the folder that was given to corpus build --out")
    return api.load(data)


def _registry(args: argparse.Namespace):
    """The registry the build in ``--root`` was made with: the team's, plus the user's entries there."""
    from corpus.annotate import load_registry
    from corpus.annotate.user_registry import with_additions

    return with_additions(Path(args.root) / output.USER_REGISTRY) if args.root else load_registry()


def _command(args: argparse.Namespace, *words: str) -> str:
    """A command line for the user to run, with their own --seeds, --out and --tm."""
    seeds = [] if pipeline.shipped(Path(args.seeds)) else ["--seeds", args.seeds]
    options = [item for option in ("out", "tm") if getattr(args, option, None)
               for item in (f"--{option}", getattr(args, option))]
    return shlex.join(["corpus", *seeds, *words, *options])


def _untranslated_message(args: argparse.Namespace, error: pipeline.UntranslatedError) -> str:
    missing = error.missing
    listed = [f"  {sentence.id}  {sentence.zh[:60]}" for sentence in missing[:UNTRANSLATED_LISTED]]
    if len(missing) > UNTRANSLATED_LISTED:
        listed.append(f"  … and {len(missing) - UNTRANSLATED_LISTED} more ({_command(args, 'tm', 'missing')} "
                      "lists them all)")
    return "\n".join([
        f"{len(missing)} sentences are not in the translation memory and machine translation is unavailable "
        f"({error.cause}):", *listed,
        "add their English to the translation memory:",
        f"    {_command(args, 'tm', 'missing')} > todo.jsonl   (fill in \"en\", then)",
        f"    {_command(args, 'tm', 'import', 'todo.jsonl')}",
        "or install a model (corpus models install), or build without English for them:",
        f"    {_command(args, 'build', '--allow-untranslated')}",
    ])


def cmd_build(args: argparse.Namespace) -> int:
    try:
        report = pipeline.build(
            Path(args.seeds),
            root=Path(args.out) if args.out else None,
            allow_untranslated=args.allow_untranslated,
            engine_name=args.engine,
            tm_dir=Path(args.tm) if args.tm else None,
            progress=_progress(args),
            force=args.force,
            jobs=args.jobs,
            cluster=args.cluster,
            cache_dir=Path(args.cache_dir) if args.cache_dir else None,
            progress_bar=not args.quiet,
            mt_batch=args.mt_batch,
        )
    except pipeline.UntranslatedError as error:
        raise CorpusError(_untranslated_message(args, error)) from None
    if not args.quiet:
        print(
            f"built {report.documents} documents, {report.sentences} sentences: "
            f"{report.from_memory} from the translation memory, {report.from_engine} by MT, "
            f"{len(report.untranslated)} without English; {len(report.reused)} documents unchanged since the "
            f"last build; the qa stage found {report.problems} problems (corpus check lists them)"
        )
        for sentence in report.untranslated:
            print(f"  untranslated: {sentence.id}  {sentence.zh}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    docs = {doc.doc_id: doc for doc in _docs(args)}
    matches = [doc for doc_id, doc in docs.items() if args.doc in (doc_id, doc.source_file, Path(doc.source_file).stem)]
    if not matches:
        raise CorpusError(f"no document {args.doc!r}; known: {', '.join(sorted(docs))}")
    print(view.show_document(matches[0], colour=view.want_colour(sys.stdout, args.plain)))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    print(view.stats(_docs(args)))
    return 0


def _tm_dir(args: argparse.Namespace) -> Path:
    """The translation memory a tm command reads and writes: ``--tm``; the team's for the shipped seeds;
    else ``tm/`` in the user's ``--out`` folder.  Never the installed package for a user's seeds."""
    if args.tm:
        return Path(args.tm)
    if pipeline.shipped(Path(args.seeds)):
        return pipeline.memory_dir(Path(args.seeds), pipeline.ROOT)
    if not args.out:
        raise CorpusError(f"the translation memory of {args.seeds} lives with its build: give --out OUT "
                          "(the folder you build into; the memory is OUT/tm) or --tm DIR")
    return pipeline.memory_dir(Path(args.seeds), Path(args.out))


def cmd_tm_missing(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    tm_dir = _tm_dir(args)
    docs = pipeline.prepare(Path(args.seeds), _progress(args))
    for doc in docs:
        if args.doc and args.doc != doc.doc_id:
            continue
        for record in memory.missing_entries(doc, memory.load(doc.doc_id, tm_dir)):
            print(json.dumps({"doc_id": doc.doc_id, **record}, ensure_ascii=False))
    return 0


def cmd_tm_import(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    tm_dir = _tm_dir(args)
    records: dict[str, list[dict]] = {}
    path = Path(args.file)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: cannot read it as UTF-8 text ({error})") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                record = json.loads(line)
                records.setdefault(record["doc_id"], []).append(record)
            except (ValueError, KeyError, TypeError) as error:
                raise CorpusError(f"{args.file}: line {number}: not a record from 'corpus tm missing' "
                                  f"({error})") from None
    docs = {doc.doc_id: doc for doc in pipeline.prepare(Path(args.seeds), _progress(args))}
    for doc_id, doc_records in sorted(records.items()):  # all checked before any file is written
        if doc_id not in docs:
            raise CorpusError(f"{args.file}: unknown doc_id {doc_id!r}")
        memory.check_records(docs[doc_id], doc_records)
    source = "" if tm_dir.resolve() == memory.TM_DIR.resolve() else f"{memory.USER_PROVENANCE}{path.name}"
    for doc_id, doc_records in sorted(records.items()):
        count = memory.import_entries(docs[doc_id], doc_records, tm_dir, source)
        print(f"{doc_id}: imported {count} translations into {tm_dir}")
    return 0


def cmd_tm_prune(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    tm_dir = _tm_dir(args)
    docs = pipeline.prepare(Path(args.seeds), _progress(args))
    if args.doc and args.doc not in {doc.doc_id for doc in docs}:
        raise CorpusError(f"no document {args.doc!r}; known: {', '.join(sorted(doc.doc_id for doc in docs))}")
    for doc in docs:
        if args.doc and args.doc != doc.doc_id:
            continue
        tm = memory.load(doc.doc_id, tm_dir)
        removed = memory.prune(doc, tm)
        for entry in removed:
            record = {"doc_id": doc.doc_id, "id": entry.id, "zh": entry.zh, "en": entry.en}
            print(json.dumps(record, ensure_ascii=False))
        if removed and not args.list:
            memory.write(tm_dir / f"{doc.doc_id}.jsonl", tm.entries)
        verb = "would remove" if args.list else "removed"
        print(f"{doc.doc_id}: {verb} {len(removed)} of {len(removed) + len(tm.entries)} entries", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from corpus import api
    from corpus.qa import check

    loaded = _load_build(args.root) if args.root else api.load(args.data) if args.data else api.load()
    registry, exceptions = _registry(args), check.name_exceptions()
    reports = [check.check_document(doc, registry, exceptions) for doc in loaded]
    print(check.format_reports(reports))
    failed = sum(len(r.problems) for r in reports)
    if failed:
        raise CorpusError(f"{failed} translation problems (listed above)")
    return 0


def cmd_models_install(args: argparse.Namespace) -> int:
    from corpus.translate import models

    if bool(args.path) == bool(args.from_index):
        raise CorpusError("give either a .argosmodel path or --from-index")
    installed = models.install(args.path) if args.path else models.install_from_index()
    print(f"installed {installed.name} ({installed.from_code}→{installed.to_code}, "
          f"version {installed.package_version}) in {installed.path}")
    return 0


def cmd_models_list(args: argparse.Namespace) -> int:
    from corpus.translate import models

    installed = models.list_installed()
    for model in installed:
        print(f"{model.name}\t{model.from_code}→{model.to_code}\t{model.package_version}\t{model.path}")
    if not installed:
        print(f"no models installed in {models.packages_dir()}", file=sys.stderr)
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from corpus.annotate.curation import curation_report

    docs = [doc for doc in _docs(args) if not args.doc or doc.doc_id == args.doc]
    _progress(args)(f"curate {len(docs)} documents: names the registry lacks, unprojected mentions")
    print(curation_report(docs, _registry(args)).format())
    return 0


def cmd_align(args: argparse.Namespace) -> int:
    from corpus.align import align_file_links, evaluation_report, format_links, read_gold

    sentences_out = Path(args.sentences_out) if args.sentences_out else None
    gold = read_gold(Path(args.gold)) if args.gold else None
    links = align_file_links(Path(args.zh_file), Path(args.en_file), paragraphs=args.paragraphs,
                             baseline=args.baseline, sentences_out=sentences_out)
    print(format_links(links), end="")
    if gold is not None:
        print(evaluation_report([gold], [links]), end="", file=sys.stderr)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from corpus.score import DEFAULT_TESTSET, score_file

    testset = Path(args.testset) if args.testset else DEFAULT_TESTSET
    print(score_file(Path(args.hypotheses), testset, args.doc).format(), end="")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from corpus import api, site

    count = site.write_site(_load_build(args.root) if args.root else api.load(), Path(args.out))
    if not args.quiet:
        print(f"wrote {count} files to {args.out}; open {Path(args.out) / 'index.html'} in a browser")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus", description="Build and inspect the zhen-corpus Chinese-English parallel corpus."
    )
    _add_global_options(parser, quiet=False, seeds=str(pipeline.SEEDS), debug=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build every artifact from the seeds")
    build.add_argument(
        "--allow-untranslated",
        action="store_true",
        help="build even if some sentences have no English (they are listed and flagged)",
    )
    build.add_argument(
        "--engine", default="argos", help="machine-translation engine for sentences missing from the memory"
    )
    build.add_argument("--out", metavar="DIR", help="write corpus/data, corpus/tei and alignments under DIR "
                       "(default: this checkout; required with --seeds, so another folder's build never "
                       "replaces the shipped corpus); DIR must be new, empty or an earlier build's")
    build.add_argument("--force", action="store_true", help="trust nothing already there: process every document "
                       "again (ignoring the per-document cache) and accept a non-empty --out folder that no build "
                       "made (its files are left as they are)")
    build.add_argument("--jobs", "-j", type=_positive, default=runner.default_jobs(), metavar="N",
                       help="process documents in N processes (default: this machine's cores, here %(default)s)")
    build.add_argument("--cluster", metavar="ADDRESS", help="process documents on the Dask cluster whose scheduler "
                       "is at ADDRESS (e.g. tcp://scheduler:8786); its workers need this same checkout installed")
    build.add_argument("--mt-batch", type=_positive, default=pipeline.MT_BATCH, metavar="N",
                       help="hand each worker up to N documents at a time; what their translation memories lack "
                       "goes to the MT engine in one batch (default: %(default)s)")
    build.add_argument("--cache-dir", metavar="DIR", help="the per-document build cache "
                       "(default: .corpus-build/cache in the output folder)")
    build.add_argument("--tm", metavar="DIR", help="translation memory (default: OUT/tm with --seeds, "
                       "the team's for the shipped seeds)")
    build.set_defaults(func=cmd_build)

    show = commands.add_parser(
        "show",
        help="print one document readably, with speakers and entities",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Print one document as the build annotates it, sentence by sentence, zh and en.",
        epilog=(
            "paragraph headers:\n"
            "  # ¶N                               the title\n"
            "  ## ¶N                              a heading\n"
            "  ¶N                                 a narrative paragraph\n"
            "  [label → speaker-id, role] ¶N      an interview turn: the label as written, the registry id\n"
            "                                     of its speaker and the role (interviewer, interviewee);\n"
            "                                     '?' when the label names no registry entity\n"
            "each sentence: its id, [flags], and 'speaker: ID (quoted)' for a quotation the narrative\n"
            "attributes to a person; then its zh line and its en line(s).\n"
            "\n"
            "entity mentions, in the zh and the en lines:\n"
            "  on a terminal: coloured by type (person, org, place, work, misc, title; dates, times,\n"
            "  amounts and percentages in plain blue), legend under the metadata; --plain shows the ids.\n"
            "  otherwise, or with --plain or NO_COLOR set: inline markup\n"
            "    ⟦张宏江|person:zhang-hongjiang⟧   text|type:registry-id\n"
            "    ⟦2018 年|date⟧                    text|type, for a mention without a registry id\n"
            "  the markup is unambiguous: a backslash escapes \\, ⟦ and ⟧ in the text and | inside a\n"
            "  mention, and control characters are written \\xHH."
        ),
    )
    show.add_argument("doc", help="document id or seed file name")
    _add_root_option(show)
    show.add_argument(
        "--plain", action="store_true", help="no colour: mark entities up as ⟦text|type:id⟧ (also: NO_COLOR=1)"
    )
    show.set_defaults(func=cmd_show)

    stats = commands.add_parser("stats", help="per-document statistics")
    _add_root_option(stats)
    stats.set_defaults(func=cmd_stats)

    entities = commands.add_parser(
        "entities", help="for registry curation: names the NER model finds and the registry lacks; unprojected mentions"
    )
    entities.add_argument("--doc", help="only this document")
    _add_root_option(entities)
    entities.set_defaults(func=cmd_entities)

    tm = commands.add_parser("tm", help="translation memory").add_subparsers(
        dest="tm_command", required=True, metavar="ACTION"
    )
    missing = tm.add_parser("missing", help="print untranslated or stale sentences as JSON lines to fill in")
    missing.add_argument("--doc", help="only this document")
    _add_tm_options(missing)
    missing.set_defaults(func=cmd_tm_missing)
    take = tm.add_parser("import", help="merge filled-in JSON lines (from 'tm missing') into the memory")
    take.add_argument("file")
    _add_tm_options(take)
    take.set_defaults(func=cmd_tm_import)
    prune = tm.add_parser("prune", help="drop entries whose source text matches no sentence of the document (orphans)")
    prune.add_argument("--doc", help="only this document")
    prune.add_argument(
        "--list", action="store_true", help="only print the entries that would be dropped; change nothing"
    )
    _add_tm_options(prune)
    prune.set_defaults(func=cmd_tm_prune)

    align = commands.add_parser(
        "align",
        help="align a Chinese and an English text; prints [i,j]:[k] links (Vecalign format)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Align a Chinese and an English text and print one link per line.",
        epilog=(
            "output: one link per line, in order, e.g.\n"
            "  [0]:[0]        line 0 of ZH_FILE is translated by line 0 of EN_FILE\n"
            "  [1, 2]:[1]     lines 1 and 2 of ZH_FILE together by line 1 of EN_FILE\n"
            "  [3]:[]         line 3 of ZH_FILE has no translation ([]:[4]: line 4 of EN_FILE has no source)\n"
            "indices are zero-based line numbers in the files; blank lines are skipped and appear in no link.\n"
            "with --paragraphs the indices number the split sentences instead (blank lines still skipped);\n"
            "--sentences-out PREFIX writes them, one per line, to PREFIX.zh and PREFIX.en, so that line i\n"
            "of those files is the sentence the links call i.\n"
            "ZH_FILE may be UTF-8, GB18030 or Big5; EN_FILE must be UTF-8."
        ),
    )
    align.add_argument(
        "zh_file", metavar="ZH_FILE", help="Chinese text, one sentence per line (or paragraphs, with --paragraphs)"
    )
    align.add_argument(
        "en_file", metavar="EN_FILE", help="English text, one sentence per line (or paragraphs, with --paragraphs)"
    )
    align.add_argument(
        "--paragraphs", action="store_true", help="the files hold paragraphs: split them into sentences first"
    )
    align.add_argument("--sentences-out", metavar="PREFIX",
                       help="with --paragraphs: write the split sentences to PREFIX.zh and PREFIX.en, one per line")
    align.add_argument("--baseline", action="store_true", help="use the length-only Gale-Church baseline")
    align.add_argument("--gold", metavar="GOLD",
                       help="gold links in the same format: print strict/lax precision, recall and F1 and the "
                            "per-link-type confusion to stderr after the links")
    align.set_defaults(func=cmd_align)

    check = commands.add_parser(
        "check", help="translation quality checks on the built corpus; non-zero exit on any problem"
    )
    check.add_argument("--data", help="built data directory (default: corpus/data)")
    _add_root_option(check)
    check.set_defaults(func=cmd_check)

    score = commands.add_parser("score", help="score a translation of the test set (alignments/testset/zhen.zh) "
                                "against the human reference: BLEU, chrF++ and TER with sacrebleu")
    score.add_argument("hypotheses", metavar="HYP_FILE", help="one English line per line of the test set's zhen.zh")
    score.add_argument("--doc", help="score only this document "
                       "(HYP_FILE: the whole test set, or this document's lines)")
    score.add_argument("--testset", metavar="DIR", help="test-set folder (default: alignments/testset)")
    score.set_defaults(func=cmd_score)

    site = commands.add_parser("site", help="generate the reading edition: a static bilingual website "
                               "(opens from disk)")
    site.add_argument("--out", metavar="DIR", required=True,
                      help="directory for the site (new, empty, or a site made before, which is replaced)")
    site.add_argument("--root", metavar="BUILD",
                      help="a build made with `corpus build --out BUILD` (default: the shipped corpus)")
    site.set_defaults(func=cmd_site)

    models_parser = commands.add_parser("models", help="offline machine-translation models (argostranslate)")
    models_commands = models_parser.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    install = models_commands.add_parser(
        "install", help="install a zh→en .argosmodel from a file, or from the Argos index"
    )
    install.add_argument("path", nargs="?", help="path to a .argosmodel file")
    install.add_argument(
        "--from-index", action="store_true", help="download from the Argos package index (needs internet)"
    )
    install.set_defaults(func=cmd_models_install)
    models_commands.add_parser("list", help="list installed models").set_defaults(func=cmd_models_list)
    _accept_global_options_after_the_command(commands)
    return parser


def _add_root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", metavar="OUT", help="read the finished build in OUT (the folder given to "
                        "corpus build --out) instead of building from the seeds")


def _add_tm_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="OUT", help="with --seeds: the build folder whose memory (OUT/tm) to use")
    parser.add_argument("--tm", metavar="DIR", help="the translation-memory folder to use")


def _add_global_options(parser: argparse.ArgumentParser, quiet: object, seeds: object, debug: object) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", default=quiet, help="print nothing but errors")
    parser.add_argument("--debug", action="store_true", default=debug,
                        help="on an unexpected error, print the traceback")
    parser.add_argument("--seeds", metavar="DIR", default=seeds,
                        help="directory of seed documents (default: the shipped seeds)")


def _accept_global_options_after_the_command(commands: argparse._SubParsersAction) -> None:
    """``corpus build -q --seeds DIR`` works as well as ``corpus -q --seeds DIR build``: each command
    takes the global options too, without a default of its own, so one given before it is kept."""
    for command in commands.choices.values():
        _add_global_options(command, quiet=argparse.SUPPRESS, seeds=argparse.SUPPRESS, debug=argparse.SUPPRESS)


def _stop(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
    previous = signal.signal(signal.SIGTERM, _stop) if main_thread else None  # `kill`: as Ctrl-C, cleanly
    try:
        return args.func(args)
    except CorpusError as error:
        print(f"corpus: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("corpus: interrupted; every output holds what it held before, or the complete new build "
              "if it was already published", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `corpus show DOC | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    except OSError as error:  # a disk that filled up, a folder made read-only during the build
        if args.debug:
            raise
        print(f"corpus: error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:
        if args.debug:
            raise
        print(f"corpus: internal error: {type(error).__name__}: {error} (run again with --debug for the "
              "traceback, and report it)", file=sys.stderr)
        return 2
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
