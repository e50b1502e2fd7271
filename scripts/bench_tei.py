"""TEI writing next to the other stages of a build, on one large capture.

    python scripts/bench_tei.py               # one capture of about 4 MB (the seeds' text, repeated)
    python scripts/bench_tei.py --megabytes 1 # a quicker look

The shipped seeds' raw text is concatenated until the capture has
``--megabytes`` MB of UTF-8, written to a scratch folder as one seed, and run
through the build's stages, each timed once in one process: prepare (ingest,
clean, structure, segment, script variants, pinyin), English (a stand-in: each
sentence gets its own Chinese as "English", so that the TEI has an English
layer and links as a translated capture has; no MT model is needed), align,
annotate, and the TEI writer (the document and the teiCorpus).  The headline
is ``TEI time / time of the other stages``; the writer was quadratic in the
sentences of a document (91 % of a build's time for 8,610 sentences), and a
linear one stays well under 1.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import pipeline  # noqa: E402
from corpus.align.document import link_document  # noqa: E402
from corpus.annotate import annotate, load_registry  # noqa: E402
from corpus.export import provenance, tei  # noqa: E402


def capture(megabytes: float) -> str:
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(pipeline.SEEDS.glob("*.txt")))
    copies = max(1, round(megabytes * 1_000_000 / len(seeds.encode("utf-8"))))
    return "\n\n".join([seeds] * copies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=4.0, help="size of the capture (default 4)")
    args = parser.parse_args()
    timings: dict[str, float] = {}

    def timed(name: str, action):
        start = time.perf_counter()
        result = action()
        timings[name] = time.perf_counter() - start
        return result

    with tempfile.TemporaryDirectory() as scratch:
        seeds = Path(scratch) / "seeds"
        seeds.mkdir()
        (seeds / "capture.txt").write_text(capture(args.megabytes), encoding="utf-8")
        (doc,) = timed("prepare", lambda: pipeline.prepare(seeds))
        for sentence in doc.sentences:
            sentence.en_segments, sentence.en_source = [sentence.zh], "mt:bench:stand-in:0"
        timed("align", lambda: link_document(doc))
        registry = load_registry()
        timed("annotate", lambda: annotate(doc, registry))
        info = provenance.build_info(seeds, Path(scratch) / "out")
        entities = {"entities": []}
        timed("tei", lambda: (tei.write_document(doc, entities, info), tei.write_corpus([doc], entities, info)))
    others = sum(seconds for name, seconds in timings.items() if name != "tei")
    print(f"capture: {args.megabytes:g} MB, {len(doc.sentences)} sentences, {len(doc.links)} links")
    for name, seconds in timings.items():
        print(f"  {name:9} {seconds:8.2f} s")
    print(f"TEI / other stages: {timings['tei'] / others:.2f}")


if __name__ == "__main__":
    main()
