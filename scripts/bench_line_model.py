#!/usr/bin/env python
"""The line model's cost per line as lines grow: the features of one line (``line_features``) timed on lines of
200 to 100,000 characters, with the part-of-speech shares read from the first ``POS_SAMPLE`` characters (shipped)
and from the whole line (before round 11).

    python scripts/bench_line_model.py [--lengths 200 2000 20000 100000]

The lines are the seeds' text run together without line breaks (a page scraped without them), cut to each length.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.clean import line_model  # noqa: E402


def seconds(line: str) -> float:
    line_model.line_features.cache_clear()
    line_model._pos_shares.cache_clear()
    start = time.perf_counter()
    line_model.line_features(line)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[200, 2000, 20000, 100000])
    args = parser.parse_args(argv)
    text = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    text = "".join(text.split())
    seconds("预热")  # jieba's dictionary loads on first use
    print(f"characters | seconds a line: POS sample of {line_model.POS_SAMPLE} | whole line")
    for length in args.lengths:
        line = (text * (length // len(text) + 1))[:length]
        sampled = seconds(line)
        with mock.patch.object(line_model, "POS_SAMPLE", length):
            whole = seconds(line)
        print(f"{length:>10,} | {sampled:8.3f} | {whole:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
