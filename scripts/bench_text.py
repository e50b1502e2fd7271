"""Throughput of the text stages next to OpenCC and pypinyin on their own.

    python scripts/bench_text.py               # the five seeds, each seed's raw text ×200
    python scripts/bench_text.py --copies 10   # a quicker look

Each seed's raw text is concatenated ``--copies`` times (blank line between
copies) and run through exactly what :func:`corpus.pipeline.prepare` does per
document -- clean (edit log included), structure (paragraphs, headings,
speaker turns), segment (sentences, ``corrupted`` flags), script variants
(zh-Hans via OpenCC t2s, zh-Hant via s2twp) and tone-marked pinyin -- with file
reading, decoding and metadata extraction left out (the documents are read
before the clock starts).  The contenders then convert the *same* text, the
cleaned text the pipeline produced:

* OpenCC alone: ``OpenCC('t2s').convert`` and ``OpenCC('s2twp').convert``;
* pypinyin alone: ``pypinyin.pinyin(text, style=Style.TONE)`` (or
  ``lazy_pinyin`` with ``--pypinyin lazy_pinyin``).

Every contender is credited with the same number of characters (the cleaned
text's), so chars/s compare directly; the raw character count is printed too.
Everything runs once in one process, single-threaded, after a warm-up pass
over the seeds ×1 that loads the dictionaries (jieba, OpenCC, pypinyin).  The
headline is ``text pipeline time / pypinyin time`` (target ≤ 2×).

Replication repeats content, so per-character caches (mojibake scoring,
converters) stay warm; the figures are steady-state throughput, not a
cold start.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Callable
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import opencc  # noqa: E402
from pypinyin import Style, lazy_pinyin, pinyin  # noqa: E402

from corpus import pipeline  # noqa: E402
from corpus.ingest import read_directory  # noqa: E402
from corpus.model import Document  # noqa: E402
from corpus.stage import Stage  # noqa: E402

DEFAULT_COPIES = 200
TARGET_RATIO = 2.0
RUNTIME_BUDGET_S = 180  # what the benchmark should take on a 2-core machine
PYPINYIN = {
    "pinyin": lambda text: pinyin(text, style=Style.TONE),
    "lazy_pinyin": lambda text: lazy_pinyin(text, style=Style.TONE),
}


def replicate(doc: Document, copies: int) -> Document:
    """A fresh, unprocessed document whose raw text is ``doc.raw`` ``copies`` times over."""
    return Document(doc_id=doc.doc_id, source_file=doc.source_file, raw="\n\n".join([doc.raw] * copies),
                    encoding=doc.encoding, metadata=dict(doc.metadata))


class StageTimer:
    """Seconds spent in each of the text stages ``prepare`` runs, by running timed copies of them."""

    def __init__(self) -> None:
        self.seconds = {stage.name: 0.0 for stage in pipeline.TEXT_STAGES}

    def _timed(self, stage: Stage) -> Stage:
        def run(doc: Document) -> Document:
            started = time.perf_counter()
            try:
                return stage.run(doc)
            finally:
                self.seconds[stage.name] += time.perf_counter() - started

        return dataclasses.replace(stage, run=run)

    def patches(self, stack: ExitStack) -> None:
        timed = tuple(self._timed(stage) for stage in pipeline.TEXT_STAGES)
        stack.enter_context(mock.patch.object(pipeline, "TEXT_STAGES", timed))


def prepare_in_memory(doc: Document) -> Document:
    """``pipeline.prepare`` on one document already in memory (its file reading replaced)."""
    with mock.patch.object(pipeline, "read_directory", lambda _directory, notice=None: [doc]):
        (prepared,) = pipeline.prepare(pipeline.SEEDS)
    return prepared


def _timed(function: Callable, *args) -> float:
    gc.collect()
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:>13,.0f}" if seconds > 0 else f"{'inf':>13}"


def run(copies: int, seed_dir: Path, pypinyin_function: str, out=sys.stdout) -> dict:
    wall = time.perf_counter()
    originals = read_directory(seed_dir)  # file reading: outside every timing
    for doc in originals:  # warm-up: dictionaries and converters loaded, caches primed
        prepare_in_memory(replicate(doc, 1))
    convert_pinyin = PYPINYIN[pypinyin_function]
    t2s, s2twp = opencc.OpenCC("t2s"), opencc.OpenCC("s2twp")
    convert_pinyin("预热")

    raw_chars = cleaned_chars = sentences = 0
    seconds = {"pipeline": 0.0, "opencc": 0.0, "pypinyin": 0.0}
    stages = StageTimer()
    print(f"text stages on {len(originals)} seeds, each seed's raw text x{copies}", file=out)
    for original in originals:
        doc = replicate(original, copies)
        raw_chars += len(doc.raw)
        with ExitStack() as stack:
            stages.patches(stack)
            seconds["pipeline"] += _timed(prepare_in_memory, doc)
        text = doc.cleaned
        cleaned_chars += len(text)
        sentences += len(doc.sentences)
        doc.paragraphs = []  # free the sentences before timing the contenders
        seconds["opencc"] += _timed(lambda: (t2s.convert(text), s2twp.convert(text)))
        seconds["pypinyin"] += _timed(convert_pinyin, text)
        print(f"  {doc.doc_id:<28} {len(doc.raw):>11,} raw chars  {len(text):>11,} cleaned chars", file=out)

    print(f"total: {raw_chars:,} raw chars -> {cleaned_chars:,} cleaned chars, {sentences:,} sentences; "
          f"chars/s below counts the cleaned chars for every contender", file=out)
    print(f"{'contender':<62} {'seconds':>9} {'chars/s':>13}", file=out)
    rows = [
        ("text pipeline (clean + structure + segment + script + pinyin)", seconds["pipeline"]),
        *((f"  of which {name}", spent) for name, spent in stages.seconds.items()),
        ("opencc alone (t2s + s2twp on the cleaned text)", seconds["opencc"]),
        (f"pypinyin alone ({pypinyin_function}, Style.TONE, on the cleaned text)", seconds["pypinyin"]),
    ]
    for name, spent in rows:
        print(f"{name:<62} {spent:>9.2f} {_rate(cleaned_chars, spent)}", file=out)
    ratio = seconds["pipeline"] / seconds["pypinyin"] if seconds["pypinyin"] > 0 else float("inf")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"ratio text pipeline time / pypinyin time: {ratio:.2f}x "
          f"(target <= {TARGET_RATIO:g}x: {verdict})", file=out)
    elapsed = time.perf_counter() - wall
    note = (
        ""
        if elapsed <= RUNTIME_BUDGET_S
        else f" -- over the {RUNTIME_BUDGET_S} s budget; try --copies 50 for a quick look"
    )
    print(f"benchmark wall time: {elapsed:.1f} s{note}", file=out)
    return {"copies": copies, "raw_chars": raw_chars, "cleaned_chars": cleaned_chars,
            "seconds": seconds, "stages": stages.seconds, "ratio": ratio}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=DEFAULT_COPIES,
                        help=f"times each seed's raw text is concatenated (default {DEFAULT_COPIES})")
    parser.add_argument(
        "--seeds", type=Path, default=pipeline.SEEDS, help="seed directory (default: the shipped seeds)"
    )
    parser.add_argument("--pypinyin", choices=sorted(PYPINYIN), default="pinyin",
                        help="the pypinyin function timed alone (default: pinyin, what the pipeline calls)")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    run(args.copies, args.seeds, args.pypinyin)
    return 0


if __name__ == "__main__":
    sys.exit(main())
