"""The ``corpus`` command: argument parsing only; every action is a library call."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from corpus import pipeline, view
from corpus.errors import CorpusError


def _progress(args: argparse.Namespace):
    return (lambda message: None) if args.quiet else (lambda message: print(message, file=sys.stderr, flush=True))


def _docs(args: argparse.Namespace):
    """The documents as the build makes them (translated, aligned, annotated), without publishing."""
    docs, _report, _registry = pipeline.process(Path(args.seeds), allow_untranslated=True)
    return docs


def cmd_build(args: argparse.Namespace) -> int:
    seeds = Path(args.seeds)
    if args.out is None and seeds.resolve() != pipeline.SEEDS.resolve():
        raise CorpusError(f"building from {seeds} would replace the shipped corpus in {pipeline.ROOT}; "
                          f"give an output directory with --out DIR (--out {pipeline.ROOT} to replace it on purpose)")
    report = pipeline.build(
        seeds,
        root=Path(args.out) if args.out else pipeline.ROOT,
        allow_untranslated=args.allow_untranslated,
        engine_name=args.engine,
        progress=_progress(args),
    )
    if not args.quiet:
        print(
            f"built {report.documents} documents, {report.sentences} sentences: "
            f"{report.from_memory} from the translation memory, {report.from_engine} by MT, "
            f"{len(report.untranslated)} without English"
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


def cmd_tm_missing(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    docs = pipeline.prepare(Path(args.seeds))
    for doc in docs:
        if args.doc and args.doc != doc.doc_id:
            continue
        for record in memory.missing_entries(doc, memory.load(doc.doc_id)):
            print(json.dumps({"doc_id": doc.doc_id, **record}, ensure_ascii=False))
    return 0


def cmd_tm_import(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    records: dict[str, list[dict]] = {}
    for number, line in enumerate(Path(args.file).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                record = json.loads(line)
                records.setdefault(record["doc_id"], []).append(record)
            except (ValueError, KeyError) as error:
                raise CorpusError(f"{args.file}: line {number}: not a record from 'corpus tm missing' ({error})") from None
    docs = {doc.doc_id: doc for doc in pipeline.prepare(Path(args.seeds))}
    for doc_id, doc_records in sorted(records.items()):  # all checked before any file is written
        if doc_id not in docs:
            raise CorpusError(f"{args.file}: unknown doc_id {doc_id!r}")
        memory.check_records(docs[doc_id], doc_records)
    for doc_id, doc_records in sorted(records.items()):
        count = memory.import_entries(docs[doc_id], doc_records)
        print(f"{doc_id}: imported {count} translations")
    return 0


def cmd_tm_prune(args: argparse.Namespace) -> int:
    from corpus.translate import memory

    docs = pipeline.prepare(Path(args.seeds))
    if args.doc and args.doc not in {doc.doc_id for doc in docs}:
        raise CorpusError(f"no document {args.doc!r}; known: {', '.join(sorted(doc.doc_id for doc in docs))}")
    for doc in docs:
        if args.doc and args.doc != doc.doc_id:
            continue
        tm = memory.load(doc.doc_id)
        removed = memory.prune(doc, tm)
        for entry in removed:
            print(json.dumps({"doc_id": doc.doc_id, "id": entry.id, "zh": entry.zh, "en": entry.en}, ensure_ascii=False))
        if removed and not args.list:
            memory.write(memory.TM_DIR / f"{doc.doc_id}.jsonl", tm.entries)
        verb = "would remove" if args.list else "removed"
        print(f"{doc.doc_id}: {verb} {len(removed)} of {len(removed) + len(tm.entries)} entries", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from corpus import api
    from corpus.annotate import load_registry
    from corpus.translate import check

    loaded = api.load(args.data) if args.data else api.load()
    registry, exceptions = load_registry(), check.name_exceptions()
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
    print(f"installed {installed.name} ({installed.from_code}→{installed.to_code}, version {installed.package_version}) in {installed.path}")
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
    from corpus.annotate import load_registry
    from corpus.annotate.curation import curation_report

    docs = [doc for doc in _docs(args) if not args.doc or doc.doc_id == args.doc]
    print(curation_report(docs, load_registry()).format())
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corpus", description="Build and inspect the zhen-corpus Chinese-English parallel corpus.")
    _add_global_options(parser, quiet=False, seeds=str(pipeline.SEEDS))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build every artifact from the seeds")
    build.add_argument("--allow-untranslated", action="store_true", help="build even if some sentences have no English (they are listed and flagged)")
    build.add_argument("--engine", default="argos", help="machine-translation engine for sentences missing from the memory")
    build.add_argument("--out", metavar="DIR", help="write corpus/data, corpus/tei and alignments under DIR "
                       "(default: this checkout; required with --seeds, so another folder's build never "
                       "replaces the shipped corpus)")
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
    show.add_argument("--plain", action="store_true", help="no colour: mark entities up as ⟦text|type:id⟧ (also: NO_COLOR=1)")
    show.set_defaults(func=cmd_show)

    commands.add_parser("stats", help="per-document statistics").set_defaults(func=cmd_stats)

    entities = commands.add_parser("entities", help="for registry curation: unknown names (jieba candidates) and unprojected mentions")
    entities.add_argument("--doc", help="only this document")
    entities.set_defaults(func=cmd_entities)

    tm = commands.add_parser("tm", help="translation memory").add_subparsers(dest="tm_command", required=True, metavar="ACTION")
    missing = tm.add_parser("missing", help="print untranslated or stale sentences as JSON lines to fill in")
    missing.add_argument("--doc", help="only this document")
    missing.set_defaults(func=cmd_tm_missing)
    take = tm.add_parser("import", help="merge filled-in JSON lines (from 'tm missing') into the memory")
    take.add_argument("file")
    take.set_defaults(func=cmd_tm_import)
    prune = tm.add_parser("prune", help="drop entries whose source text matches no sentence of the document (orphans)")
    prune.add_argument("--doc", help="only this document")
    prune.add_argument("--list", action="store_true", help="only print the entries that would be dropped; change nothing")
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
    align.add_argument("zh_file", metavar="ZH_FILE", help="Chinese text, one sentence per line (or paragraphs, with --paragraphs)")
    align.add_argument("en_file", metavar="EN_FILE", help="English text, one sentence per line (or paragraphs, with --paragraphs)")
    align.add_argument("--paragraphs", action="store_true", help="the files hold paragraphs: split them into sentences first")
    align.add_argument("--sentences-out", metavar="PREFIX",
                       help="with --paragraphs: write the split sentences to PREFIX.zh and PREFIX.en, one per line")
    align.add_argument("--baseline", action="store_true", help="use the length-only Gale-Church baseline")
    align.add_argument("--gold", metavar="GOLD",
                       help="gold links in the same format: print strict/lax precision, recall and F1 and the "
                            "per-link-type confusion to stderr after the links")
    align.set_defaults(func=cmd_align)

    check = commands.add_parser("check", help="translation quality checks on the built corpus; non-zero exit on any problem")
    check.add_argument("--data", help="built data directory (default: corpus/data)")
    check.set_defaults(func=cmd_check)

    models_parser = commands.add_parser("models", help="offline machine-translation models (argostranslate)")
    models_commands = models_parser.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    install = models_commands.add_parser("install", help="install a zh→en .argosmodel from a file, or from the Argos index")
    install.add_argument("path", nargs="?", help="path to a .argosmodel file")
    install.add_argument("--from-index", action="store_true", help="download from the Argos package index (needs internet)")
    install.set_defaults(func=cmd_models_install)
    models_commands.add_parser("list", help="list installed models").set_defaults(func=cmd_models_list)
    _accept_global_options_after_the_command(commands)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, quiet: object, seeds: object) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", default=quiet, help="print nothing but errors")
    parser.add_argument("--seeds", metavar="DIR", default=seeds,
                        help="directory of seed documents (default: the shipped seeds)")


def _accept_global_options_after_the_command(commands: argparse._SubParsersAction) -> None:
    """``corpus build -q --seeds DIR`` works as well as ``corpus -q --seeds DIR build``: each command
    takes the global options too, without a default of its own, so one given before it is kept."""
    for command in commands.choices.values():
        _add_global_options(command, quiet=argparse.SUPPRESS, seeds=argparse.SUPPRESS)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CorpusError as error:
        print(f"corpus: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `corpus show DOC | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0


if __name__ == "__main__":
    sys.exit(main())
