"""Measure our Argos engine against raw CTranslate2, and batched against one-at-a-time.

    python scripts/bench_mt.py [--model PATH.argosmodel] [--n 200] [--batch-size 32] [--beam-size 4] [--repeat 5]

Without ``--model`` it builds the tiny random model (scripts/build_tiny_argos_model.py)
into a temporary directory. The package is installed into a temporary
ARGOS_PACKAGES_DIR, so nothing on this machine changes. The same N seed lines
are translated

* by ``ArgosEngine.translate_batch`` (our wrapper), and
* by one ``ctranslate2.Translator.translate_batch`` call over all N tokenised
  lines (``max_batch_size`` = the batch size: CTranslate2 sorts by length and
  batches itself), with the same SentencePiece tokenisation, translator, beam
  and decoding options -- the best a user could do with CTranslate2 directly,

and the wrapper's overhead is their time ratio (target ≤ 1.1×, best of
``--repeat`` runs each). Then the wrapper is given one sentence per call to show what
batching buys. Last, how many translations change when a sentence is translated
alone rather than in the batch: for the raw call (CTranslate2's mixed-length,
padded batches) and for the wrapper (batches of one length in tokens only);
``--dim``/``--layers`` build a larger random model, whose int8 arithmetic shows
the difference the tiny one is too small to. All figures come from one run,
printed with the command that reproduces them.
"""
from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
import tempfile
import time
from pathlib import Path

import build_tiny_argos_model  # scripts/ is sys.path[0] when this file runs

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def seed_sentences(n: int) -> list[str]:
    """The first ``n`` seed lines, repeated if there are fewer."""
    lines = build_tiny_argos_model.seed_lines()
    return (lines * (n // len(lines) + 1))[:n]


def best_times(functions: dict, repeat: int) -> dict[str, float]:
    """Best wall time of each function, run round-robin so drift on a busy machine hits all alike."""
    timings: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            timings[name].append(time.perf_counter() - start)
    return {name: min(times) for name, times in timings.items()}


def one_at_a_time(engine, sentences: list[str]) -> list[str]:
    return [translation for sentence in sentences for translation in engine.translate_batch([sentence])]


def raw_ctranslate2(engine, sentences: list[str]) -> list[str]:
    """The best a user could do with CTranslate2 directly: tokenise all, one translate_batch, decode.

    CTranslate2 sorts the whole list by length and batches it by ``max_batch_size``.
    """
    processor = engine.tokenizer.lazy_processor()
    tokens = [processor.encode(sentence, out_type=str) for sentence in sentences]
    results = engine.translator.translate_batch(
        tokens,
        max_batch_size=engine.batch_size,
        beam_size=engine.beam_size,
        num_hypotheses=1,
        length_penalty=0.2,
        replace_unknowns=True,
        max_decoding_length=engine.max_decoding_length,
    )
    return [processor.decode_pieces(result.hypotheses[0]) for result in results]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a .argosmodel to benchmark (default: build the tiny model)")
    parser.add_argument("--n", type=int, default=200, help="number of seed sentences")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best is reported")
    parser.add_argument("--dim", type=int, default=build_tiny_argos_model.MODEL_DIM,
                        help="width of the random model built without --model")
    parser.add_argument("--layers", type=int, default=build_tiny_argos_model.NUM_LAYERS,
                        help="encoder and decoder layers of the random model built without --model")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        os.environ["ARGOS_PACKAGES_DIR"] = str(Path(scratch) / "packages")
        from corpus.translate import models
        from argostranslate.tokenizer import SentencePieceTokenizer

        from corpus.translate.engines import get_engine

        build_tiny_argos_model.MODEL_DIM, build_tiny_argos_model.FFN_DIM = args.dim, 4 * args.dim
        build_tiny_argos_model.NUM_LAYERS = args.layers
        model = args.model or build_tiny_argos_model.build(Path(scratch) / "tiny.argosmodel")
        installed = models.install(model)
        engine = get_engine("argos", batch_size=args.batch_size, beam_size=args.beam_size)
        sentences = seed_sentences(args.n)
        if not isinstance(engine.tokenizer, SentencePieceTokenizer):
            raise SystemExit(f"{installed.name}: the raw baseline needs a SentencePiece package")

        engine.translate_batch(sentences[: args.batch_size])  # warm-up: first-call allocations
        timings = best_times(
            {
                "wrapper": lambda: engine.translate_batch(sentences),
                "raw": lambda: raw_ctranslate2(engine, sentences),
                "one at a time": lambda: one_at_a_time(engine, sentences),
            },
            args.repeat,
        )
        mixed, alone = raw_ctranslate2(engine, sentences), [raw_ctranslate2(engine, [s])[0] for s in sentences]
        grouped, grouped_alone = engine.translate_batch(sentences), one_at_a_time(engine, sentences)
    wrapper, raw, single = timings["wrapper"], timings["raw"], timings["one at a time"]

    print(f"model: {engine.provenance} ({'tiny random model' if args.model is None else args.model})")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"sentences: {len(sentences)}, batch size {args.batch_size}, beam {args.beam_size}, best of {args.repeat}")
    print(f"raw ctranslate2:  {raw:.3f} s  ({len(sentences) / raw:.1f} sentences/s)")
    print(f"wrapper:          {wrapper:.3f} s  ({len(sentences) / wrapper:.1f} sentences/s)")
    print(f"overhead ratio:   {wrapper / raw:.3f}x  (target <= 1.1x)")
    print(f"one at a time:    {single:.3f} s  ({len(sentences) / single:.1f} sentences/s)")
    print(f"batch speed-up:   {single / wrapper:.2f}x")
    print(f"translations that differ alone: raw (mixed lengths) {sum(a != b for a, b in zip(mixed, alone))}, "
          f"wrapper (one length per batch) {sum(a != b for a, b in zip(grouped, grouped_alone))}, "
          f"of {len(sentences)}")
    print(f"reproduce: python {shlex.join([os.path.relpath(__file__, REPO), *argv])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
