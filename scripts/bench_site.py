"""Time the reading edition: ``corpus site`` on the shipped corpus, against loading the corpus alone.

Prints seconds for each part (best of ``--repeat`` runs, in this process) and the ratio of the whole
site to ``corpus.load()``, so that the figure does not depend on the machine's speed.

    python scripts/bench_site.py [--repeat 3] [--root BUILD]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import corpus
from corpus import api, site


def best_of(repeat: int, action) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--root", help="a build made with `corpus build --out BUILD` (default: the shipped corpus)")
    args = parser.parse_args()
    data = Path(args.root) / "corpus" / "data" if args.root else api.DATA
    load_s, loaded = best_of(args.repeat, lambda: corpus.load(data))
    render_s, files = best_of(args.repeat, lambda: site.render_site(loaded))
    with tempfile.TemporaryDirectory() as scratch:
        write_s, _ = best_of(args.repeat, lambda: site.write_site(loaded, Path(scratch) / "site"))
    print(f"{len(loaded)} documents, {len(loaded.sentences)} sentences, {len(files)} files")
    print(f"corpus.load(): {load_s:.2f} s; render: {render_s:.2f} s; render and write: {write_s:.2f} s")
    print(f"site (load, render, write) / load alone: {(load_s + write_s) / load_s:.1f}x")


if __name__ == "__main__":
    main()
