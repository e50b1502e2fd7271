"""How the build scales: documents/s on one and two cores, time and memory as the corpus grows, a no-change rebuild.

    nice python scripts/bench_scale.py                          # N = 50, 200, 1000; jobs compared at N = 200
    python scripts/bench_scale.py --sizes 10 40 --compare-at 40  # a quicker look

N distinct documents are made from the seeds: document *i* is seed ``i mod 5``
with its body paragraphs (every line after the first three) shuffled by a
generator seeded with *i*, saved as ``bench-<i>.txt``; a copy of that seed's
translation memory is saved as ``bench-<i>.jsonl``, so the memory still
supplies the English (the sentences are the seed's) and no MT model is needed.
Every build is a fresh process (``pipeline.build`` with ``force``, into an
empty folder, ``allow_untranslated`` in case shuffling changes a sentence), timed
by wall clock and by the CPU time of the build and its workers (on a shared machine
the wall clock depends on the other load; the CPU time much less); its memory is
the peak, sampled every 0.1 s, of the summed resident memory of the build process
and its workers (pages shared after fork are counted in every process, so this overstates it), and of its largest
process.  Reported in one run:

* documents/s and characters/s (raw seed characters) at ``--compare-at`` with
  ``--jobs 1`` and ``--jobs 2``, and the ratio of their times (target ≤ 0.6), of
  their CPU times, and the least time the ``--jobs 2`` build can take on two idle
  cores (:meth:`Run.idle_estimate`) against the ``--jobs 1`` build's CPU time: on a
  machine whose cores other users keep busy, the wall clock of two workers says
  more about the scheduler than about the build;
* time and peak memory at each of ``--sizes`` with ``--jobs 2``, and the ratios
  from the compare-at size to the largest (targets: time ≤ 5.5×, memory ≤ 1.5×
  from 200 to 1,000);
* a rebuild of the compare-at corpus with nothing changed, against its full build
  (target ≤ 10 %).

With ``--mt N`` it measures machine translation batched across documents instead:
N documents made as above, each sentence made its own by the document's number
(so no two documents share one and nothing is saved by translating a text once),
with memories that lack ``--missing`` of their entries; the tiny random model
(scripts/build_tiny_argos_model.py) installed in a temporary folder translates
the rest.  Each build runs with ``--mt-batch 1`` (every document's missing
sentences a call of their own, as before chunks) and with the default, at
``--jobs 1`` and ``--jobs 2``, and reports the engine's calls and CTranslate2
calls, the sentences sent, the models loaded (by which process), CPU seconds, and
whether the published files are the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

CHECKOUT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CHECKOUT))

from corpus.ingest import seed_ids  # noqa: E402
from corpus.translate import memory  # noqa: E402

HEAD_LINES = 3  # title and dateline/byline lines stay first
BUILD = """
import resource, sys
from pathlib import Path
from corpus import pipeline
seeds, out, tm, jobs, force = sys.argv[1:6]
pipeline.build(Path(seeds), Path(out), allow_untranslated=True, tm_dir=Path(tm), jobs=int(jobs), force=force == "1")
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)  # maxrss: KiB on Linux
"""


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # CPU seconds of the build process and its workers
    parent_cpu: float  # of the build process alone: the part that does not run in workers
    memory: float  # MiB, peak of the summed RSS
    largest: float  # MiB, peak RSS of the largest process
    parent_memory: float  # MiB, peak RSS of the build process itself (its own count): what publishing holds

    def idle_estimate(self, cores: int = 2) -> float:
        """The least wall time this build can take on ``cores`` idle cores: all its CPU spread over them,
        and never less than the part done in the build process itself."""
        return max(self.parent_cpu, self.cpu / cores)


def make_corpus(n: int, directory: Path) -> tuple[Path, Path, int]:
    """``n`` documents (and their memories) from the seeds; returns the seed folder, the memory folder and
    the number of characters."""
    seeds, tm = directory / "seeds", directory / "tm"
    seeds.mkdir(parents=True)
    tm.mkdir()
    sources = [(path.read_text(encoding="utf-8"), memory.TM_DIR / f"{doc_id}.jsonl")
               for path, doc_id in seed_ids(CHECKOUT / "seeds")]
    characters = 0
    for i in range(n):
        text, memory_file = sources[i % len(sources)]
        lines = text.splitlines()
        body = lines[HEAD_LINES:]
        random.Random(i).shuffle(body)
        document = "\n".join(lines[:HEAD_LINES] + body) + "\n"
        (seeds / f"bench-{i:05d}.txt").write_text(document, encoding="utf-8")
        shutil.copyfile(memory_file, tm / f"bench-{i:05d}.jsonl")
        characters += len(document)
    return seeds, tm, characters


def make_mt_corpus(n: int, directory: Path, missing: float) -> tuple[Path, Path, list[list[str]]]:
    """``n`` documents whose every sentence is their own (the document's number before each sentence end), with
    memories that lack a ``missing`` fraction of their sentences, evenly spread; returns seeds, memory, and each
    document's missing sentences as the engine reads them."""
    seeds, tm, _ = make_corpus(n, directory)
    for i in range(n):
        path = seeds / f"bench-{i:05d}.txt"
        path.write_text(re.sub(r"(?=[。！？])", str(i), path.read_text(encoding="utf-8")), encoding="utf-8")
        (tm / f"bench-{i:05d}.jsonl").unlink()
    from corpus import pipeline
    from corpus.translate.engines.base import mt_input

    lacking = []
    for doc in pipeline.prepare(seeds):
        kept = [s for index, s in enumerate(doc.sentences) if int((index + 1) * missing) == int(index * missing)]
        memory.write(tm / f"{doc.doc_id}.jsonl",
                     [memory.MemoryEntry(s.id, s.zh, [f"English of {s.id}."]) for s in kept])
        lacking.append([mt_input(s) for s in doc.sentences if s not in kept])
    return seeds, tm, lacking


MT_BUILD = """
import os, sys, time
from pathlib import Path
from corpus import pipeline
from corpus.translate.engines import argos
seeds, out, tm, jobs, mt_batch, log = sys.argv[1:7]
load, translate, call = argos.ArgosEngine.__init__, argos.ArgosEngine.translate_batch, argos.ArgosEngine.translate_call

def note(line):
    with open(log, "a") as events:
        events.write(f"{os.getpid()} {line}\\n")

def counted_load(self, **options):
    note("load 0")
    load(self, **options)

def counted_translate(self, sentences):
    start = time.process_time()  # this process's CPU, CTranslate2's threads included
    translations = translate(self, sentences)
    note(f"translate {len(sentences)} {time.process_time() - start}")
    return translations

def counted_call(self, tokens):
    note(f"call {len(tokens)}")
    return call(self, tokens)

argos.ArgosEngine.__init__, argos.ArgosEngine.translate_batch = counted_load, counted_translate
argos.ArgosEngine.translate_call = counted_call
pipeline.build(Path(seeds), Path(out), tm_dir=Path(tm), jobs=int(jobs), mt_batch=int(mt_batch), force=True)
print(os.getpid())
"""


def bench_mt(n: int, missing: float, work: Path) -> None:
    """The ``--mt`` measurement (module docstring)."""
    sys.path.insert(0, str(CHECKOUT / "scripts"))
    import build_tiny_argos_model

    from corpus import pipeline
    from corpus.translate import models

    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "argos")
    models.install(build_tiny_argos_model.build(work / "tiny.argosmodel"))
    seeds, tm, lacking = make_mt_corpus(n, work / "mt", missing)
    from corpus.translate.engines import get_engine

    engine = get_engine("argos")
    for size in (1, 4, 16, 64):  # the engine alone, here: what the documents per chunk change
        start = time.process_time()
        for first in range(0, n, size):
            engine.translate_batch(sorted({text for texts in lacking[first:first + size] for text in texts},
                                          key=lambda text: (len(text), text)))
        print(f"engine alone, chunks of {size:2d} documents: {time.process_time() - start:6.2f} CPU s", flush=True)
    published: dict[tuple[int, int], str] = {}
    for jobs in (1, 2):
        for mt_batch in (1, pipeline.MT_BATCH):
            out, log = work / f"out-{jobs}-{mt_batch}", work / f"events-{jobs}-{mt_batch}"
            start, cpu = time.perf_counter(), cpu_seconds()
            build = subprocess.run([sys.executable, "-c", MT_BUILD, str(seeds), str(out), str(tm), str(jobs),
                                    str(mt_batch), str(log)], cwd=CHECKOUT, stdout=subprocess.PIPE, text=True,
                                   check=True)
            seconds, spent = time.perf_counter() - start, cpu_seconds() - cpu
            events = [line.split() for line in log.read_text().splitlines()]
            parent = build.stdout.split()[-1]
            loads = [pid for pid, event, *_ in events if event == "load"]
            translations = [fields for _, event, *fields in events if event == "translate"]
            published[(jobs, mt_batch)] = hashlib.sha256(b"".join(
                path.read_bytes() for folder in ("corpus/data", "corpus/tei", "alignments")
                for path in sorted((out / folder).rglob("*")) if path.is_file())).hexdigest()
            print(f"--jobs {jobs} --mt-batch {mt_batch:2d}: {len(translations):4d} engine calls, "
                  f"{sum(event == 'call' for _, event, *_ in events):4d} CTranslate2 calls, "
                  f"{sum(int(sent) for sent, _ in translations):6d} sentences sent, "
                  f"{sum(float(cpu) for _, cpu in translations):6.1f} CPU s in the engine; models loaded: "
                  f"{len(loads)} ({sum(pid == parent for pid in loads)} in the build process, "
                  f"{len(set(loads) - {parent})} workers); build {spent:6.1f} CPU s, {seconds:6.1f} s", flush=True)
    same = len(set(published.values())) == 1
    print(f"published files: {'the same bytes in all four builds' if same else 'DIFFERENT: ' + str(published)}")


def cpu_seconds() -> float:
    """User and system CPU time of every finished descendant of this process (build processes and their workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(seeds: Path, out: Path, tm: Path, jobs: int, force: bool) -> Run:
    """One build in a fresh process, measured."""
    start, cpu = time.perf_counter(), cpu_seconds()
    process = subprocess.Popen([sys.executable, "-c", BUILD, str(seeds), str(out), str(tm), str(jobs),
                                "1" if force else "0"], cwd=CHECKOUT, stdout=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    total_peak = largest_peak = 0
    while process.poll() is None:
        try:
            sizes = [p.memory_info().rss for p in [watched, *watched.children(recursive=True)]]
        except psutil.Error:
            sizes = []
        total_peak, largest_peak = max(total_peak, sum(sizes)), max([largest_peak, *sizes])
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"build failed with exit code {process.returncode}")
    assert process.stdout is not None
    parent_cpu, parent_kib = process.stdout.read().split()[-2:]
    return Run(seconds, cpu_seconds() - cpu, float(parent_cpu), total_peak / 2**20, largest_peak / 2**20,
               int(parent_kib) / 2**10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--compare-at", type=int, default=200,
                        help="N for --jobs 1 vs 2 and for the rebuild (0: neither)")
    parser.add_argument("--mt", type=int, metavar="N", help="measure MT batched across N documents instead")
    parser.add_argument("--missing", type=float, default=0.1,
                        help="with --mt: the fraction of each document's sentences its memory lacks")
    args = parser.parse_args()
    if args.mt:
        with tempfile.TemporaryDirectory(prefix="bench-mt-") as scratch:
            bench_mt(args.mt, args.missing, Path(scratch))
        return
    sizes = sorted(set(args.sizes) | ({args.compare_at} - {0}))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        work = Path(scratch)
        results: dict[int, Run] = {}
        for n in sizes:
            seeds, tm, characters = make_corpus(n, work / f"n{n}")
            results[n] = run = run_build(seeds, work / f"n{n}" / "out", tm, jobs=2, force=True)
            print(f"N={n:5d} --jobs 2: {run.seconds:8.1f} s ({run.cpu:7.1f} CPU s, {run.parent_cpu:6.1f} in the build "
                  f"process)  {n / run.seconds:6.2f} docs/s  {characters / run.seconds:9.0f} chars/s  peak memory "
                  f"{run.memory:7.0f} MiB summed, {run.largest:6.0f} MiB largest process, {run.parent_memory:6.0f} MiB "
                  "build process", flush=True)
            if n == args.compare_at:
                one = run_build(seeds, work / f"n{n}" / "out-j1", tm, jobs=1, force=True)
                print(f"N={n:5d} --jobs 1: {one.seconds:8.1f} s ({one.cpu:7.1f} CPU s)  {n / one.seconds:6.2f} docs/s  "
                      f"{characters / one.seconds:9.0f} chars/s  peak memory {one.memory:7.0f} MiB", flush=True)
                print(f"  --jobs 2 / --jobs 1: wall clock {run.seconds / one.seconds:.2f} (target ≤ 0.6); CPU time "
                      f"{run.cpu / one.cpu:.2f}; on two idle cores at best {run.idle_estimate() / one.cpu:.2f} "
                      f"({run.idle_estimate():.1f} s against {one.cpu:.1f} s)", flush=True)
                again = run_build(seeds, work / f"n{n}" / "out", tm, jobs=2, force=False)
                print(f"  no-change rebuild: {again.seconds:.1f} s ({again.cpu:.1f} CPU s) = "
                      f"{again.seconds / run.seconds:.1%} of the full build's time, {again.cpu / run.cpu:.1%} of its "
                      "CPU (target ≤ 10 %)", flush=True)
        small, large = args.compare_at or min(sizes), max(sizes)
        if large > small:
            before, after = results[small], results[large]
            print(f"N={small} → N={large} ({large / small:.1f}× the documents): "
                  f"time ×{after.seconds / before.seconds:.2f}, "
                  f"CPU time ×{after.cpu / before.cpu:.2f} (target ≤ 5.5 for 5×), peak summed memory "
                  f"×{after.memory / before.memory:.2f}, largest process ×{after.largest / before.largest:.2f}, "
                  f"build process ×{after.parent_memory / before.parent_memory:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
