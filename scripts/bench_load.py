"""Load times and sizes of the published corpus, and the TEI validation results, measured in one run.

    python scripts/bench_load.py

* ``corpus.load()`` in a fresh interpreter (import included), best of 3;
* ``datasets.load_dataset(<checkout>, config)`` per config, offline, with a
  cold cache (first call: parquet → Arrow cache) and a warm one (second call);
* the size of every published artifact directory;
* every TEI file against our schema (lxml and jing) and against tei_all (jing).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.export.rows import CONFIGS  # noqa: E402

LOAD_IN_FRESH_PROCESS = (
    "import time; t = time.perf_counter(); import corpus; corpus.load(); print(time.perf_counter() - t)"
)


def time_corpus_load() -> float:
    runs = [float(subprocess.run([sys.executable, "-c", LOAD_IN_FRESH_PROCESS], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout) for _ in range(3)]
    return min(runs)


def time_load_dataset() -> list[tuple[str, int, float, float]]:
    os.environ["HF_HUB_OFFLINE"] = os.environ["HF_DATASETS_OFFLINE"] = "1"
    import datasets

    datasets.disable_progress_bars()
    results = []
    with tempfile.TemporaryDirectory() as cache:
        for config in CONFIGS:
            timings = []
            for _ in range(2):
                start = time.perf_counter()
                rows = datasets.load_dataset(str(ROOT), config, split="train", cache_dir=cache)
                timings.append(time.perf_counter() - start)
            results.append((config, len(rows), *timings))
    return results


def sizes() -> list[tuple[str, int, int]]:
    result = []
    for directory in ("corpus/data", "corpus/tei", "alignments"):
        files = [
            p
            for p in (ROOT / directory).rglob("*")
            if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
        ]
        result.append((directory, len(files), sum(p.stat().st_size for p in files)))
    return result


def validate() -> list[tuple[str, str, str]]:
    from lxml import etree

    files = sorted((ROOT / "corpus" / "tei").glob("*.xml"))
    ours = ROOT / "corpus/schema/zhen-tei.rng"
    schema = etree.RelaxNG(etree.parse(str(ours)))
    invalid = [p.name for p in files if not schema.validate(etree.parse(str(p)))]
    results = [("lxml", "zhen-tei.rng", f"{len(files) - len(invalid)}/{len(files)} valid {invalid or ''}")]
    for rng in (ours, ROOT / "corpus/schema/vendor/tei_all-4.3.0.rng"):
        run = subprocess.run(["pyjing", str(rng), *map(str, files)], capture_output=True, text=True)
        results.append(
            ("jing", rng.name, f"{len(files)}/{len(files)} valid" if run.returncode == 0 else run.stdout[:500])
        )
    return results


def main() -> None:
    print(f"corpus.load() in a fresh process, import included: {time_corpus_load():.3f} s")
    print("load_dataset, offline          rows   cold s   warm s")
    for config, rows, cold, warm in time_load_dataset():
        print(f"  {config:<28} {rows:>5}   {cold:6.3f}   {warm:6.3f}")
    print("artifacts                     files      bytes")
    for directory, count, size in sizes():
        print(f"  {directory:<28} {count:>5} {size:>10,}")
    print("TEI validation")
    for tool, schema, outcome in validate():
        print(f"  {tool:<5} {schema:<22} {outcome}")


if __name__ == "__main__":
    main()
