"""Whether cleaning and the text stages stay linear on one huge line (no line breaks at all).

    python scripts/bench_linear.py                # 12.5 MB and 50 MB: prints the time ratio
    python scripts/bench_linear.py --megabytes 2  # a quicker look: 0.5 MB and 2 MB

A web capture may arrive as one line of tens of megabytes.  Each contender runs
on a quarter of the size and then on the full size of the same repeated line:
time grows by about 4× when the work is linear and by about 16× when it is
quadratic.  The script prints both times and their ratio for

* clean: :func:`corpus.clean.clean` (edit log included; the edits are checked to revert);
* text stages: :func:`corpus.pipeline.prepare` on a seed folder holding that one line
  (ingest, clean, structure, segment, script variants and pinyin);
* mojibake scan: :func:`corpus.clean.mojibake.find_repairs` on the damaged seeds' text
  repeated (the scan every document goes through first), with its characters per second.

One run, one process; the verdict compares the ratio with ``LINEAR_LIMIT``.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import editlog, pipeline  # noqa: E402
from corpus.clean import clean, mojibake  # noqa: E402

DEFAULT_MEGABYTES = 50
LINEAR_LIMIT = 6.0  # a 4× larger input taking more than 6× the time is not linear
CLEAN_UNIT = "当时没有人再投资神经网络，但杰弗里 · 辛顿(Geoffrey Hinton)**并没有放弃**，時(shí)  場(chǎng)\u00a0⽴ "
STAGES_UNIT = "OpenAI and BAAI, 2023 and 1.75 trillion; " * 4 + "智源"


def line_of(unit: str, megabytes: float) -> str:
    """``unit`` repeated, cut to about ``megabytes`` of UTF-8."""
    target = int(megabytes * 1_000_000)
    text = unit * (target // len(unit.encode("utf-8")) + 1)
    return text[: len(text) * target // len(text.encode("utf-8"))]


def clean_line(text: str) -> None:
    cleaned, passes = clean(text)
    if editlog.revert_all(cleaned, passes) != text:
        raise AssertionError("the edit log does not give the input back")


def prepare_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as seeds:
        (Path(seeds) / "long.txt").write_text(text, encoding="utf-8")
        (doc,) = pipeline.prepare(Path(seeds))
    if not doc.sentences:
        raise AssertionError("no sentences from the long line")


def scan_mojibake(text: str) -> None:
    mojibake.find_repairs(text)


def seconds(function: Callable[[str], None], text: str) -> float:
    gc.collect()
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def run(megabytes: float, out=sys.stdout) -> dict[str, float]:
    damaged = "\n".join(path.read_text(encoding="utf-8") for path in sorted(pipeline.SEEDS.glob("00[234]_*.txt")))
    contenders = (("clean", CLEAN_UNIT, clean_line), ("text stages", STAGES_UNIT, prepare_line),
                  ("mojibake scan", damaged, scan_mojibake))
    prepare_line(line_of(STAGES_UNIT, 0.01))  # warm-up: dictionaries and converters loaded
    scan_mojibake(damaged[:10_000])
    print(f"{'contender':<14} {'MB':>6} {'seconds':>9} {'MB':>6} {'seconds':>9} {'ratio':>7}", file=out)
    ratios = {}
    for name, unit, function in contenders:
        small, large = line_of(unit, megabytes / 4), line_of(unit, megabytes)
        small_s, large_s = seconds(function, small), seconds(function, large)
        ratios[name] = large_s / small_s if small_s > 0 else float("inf")
        verdict = "linear" if ratios[name] <= LINEAR_LIMIT else "NOT linear"
        rate = len(large) / large_s if large_s > 0 else float("inf")
        print(f"{name:<14} {len(small.encode()) / 1e6:>6.1f} {small_s:>9.2f} {len(large.encode()) / 1e6:>6.1f} "
              f"{large_s:>9.2f} {ratios[name]:>6.2f}x  ({verdict}: 4x the input, limit {LINEAR_LIMIT:g}x; "
              f"{rate:,.0f} chars/s)", file=out)
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=DEFAULT_MEGABYTES,
                        help=f"size of the larger line (default {DEFAULT_MEGABYTES}); the smaller is a quarter")
    args = parser.parse_args(argv)
    if args.megabytes <= 0:
        parser.error("--megabytes must be positive")
    run(args.megabytes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
