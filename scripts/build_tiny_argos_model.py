"""Build a real, tiny zh→en ``.argosmodel`` for tests and benchmarks.

    python scripts/build_tiny_argos_model.py OUTPUT.argosmodel [--seed 0]

The package has everything a published Argos Translate package has: a
SentencePiece model trained on the seed articles plus some English, a
CTranslate2 Transformer written through ctranslate2's spec API, and argos's
``metadata.json``, zipped as ``<name>/{model/,sentencepiece.model,metadata.json}``
(the layout ``argostranslate.package.Package`` reads). The weights are random,
so the translations are nonsense; what it exercises is the whole path: install,
tokenise, batch-translate, detokenise, provenance. The same seed and inputs give
byte-identical output.
"""
from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece

REPO = Path(__file__).resolve().parents[1]
PACKAGE_NAME = "translate-zh_en-tiny"
METADATA = {
    "package_version": "0.0.1",
    "argos_version": "1.9",
    "from_code": "zh",
    "from_name": "Chinese",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
    "name": PACKAGE_NAME,
    "description": "Tiny random-weight test model built by scripts/build_tiny_argos_model.py; "
    "its output is meaningless.",
}
# Small enough to build and load in well under a second, big enough to be a real
# multi-head encoder-decoder.
VOCAB_SIZE = 2000
MODEL_DIM = 32
FFN_DIM = 64
NUM_HEADS = 2
NUM_LAYERS = 1
# Random weights rarely pick </s>; a fixed bias on its logit makes an average
# hypothesis a dozen or so tokens long instead of running to max_decoding_length.
EOS_LOGIT_BIAS = 4.0
# Fixed zip timestamp so the archive bytes depend on the inputs and seed only.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def seed_lines(seeds_dir: Path = REPO / "seeds") -> list[str]:
    """The non-blank lines of the seed articles, stripped (also the benchmark's input)."""
    lines = []
    for seed in sorted(seeds_dir.glob("*.txt")):
        lines += seed.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def training_lines(seeds_dir: Path) -> list[str]:
    """The seed lines plus English: the Zen of Python ships with every Python
    (rot13-encoded in the ``this`` module), so the build needs no data file."""
    with contextlib.redirect_stdout(io.StringIO()):  # importing ``this`` prints the poem
        import this
    english = codecs.decode(this.s, "rot13").splitlines()
    return seed_lines(seeds_dir) + [line.strip() for line in english if line.strip()]


def train_sentencepiece(lines: list[str]) -> bytes:
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=VOCAB_SIZE,
        model_type="unigram",
        character_coverage=0.98,
        byte_fallback=True,
        hard_vocab_limit=False,
        num_threads=1,  # one thread: the trained model is the same on every run
        minloglevel=2,
    )
    return model.getvalue()


def vocabulary(sentencepiece_model: bytes) -> list[str]:
    processor = sentencepiece.SentencePieceProcessor(model_proto=sentencepiece_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def weight_shape(name: str, vocab_size: int) -> tuple[int, ...]:
    """The shape ctranslate2 expects for a weight, from its name in the spec.

    Checked in order: "self_attention/…" must match before the shorter
    "attention/…" (encoder-decoder attention) suffixes.
    """
    d, v, f = MODEL_DIM, vocab_size, FFN_DIM
    shapes = [
        ("embeddings/weight", (v, d)),
        ("projection/weight", (v, d)),
        ("ffn/linear_0/weight", (f, d)),
        ("ffn/linear_1/weight", (d, f)),
        ("self_attention/linear_0/weight", (3 * d, d)),  # fused query, key, value
        ("self_attention/linear_1/weight", (d, d)),
        ("attention/linear_0/weight", (d, d)),  # encoder-decoder attention: query
        ("attention/linear_1/weight", (2 * d, d)),  # fused key, value of the encoder output
        ("attention/linear_2/weight", (d, d)),
    ]
    name = re.sub(r"embeddings_\d+/", "embeddings/", name)  # the encoder has a list of embeddings
    for suffix, shape in shapes:
        if name.endswith(suffix):
            return shape
    raise ValueError(f"no shape rule for spec variable {name}")


def child(layer, part: str):
    """``layer_0`` names item 0 of the list ``layer.layer``; other parts are attributes."""
    list_name, _, index = part.rpartition("_")
    items = getattr(layer, list_name, None)
    return items[int(index)] if index.isdigit() and isinstance(items, list) else getattr(layer, part)


def transformer_spec(vocab: list[str], seed: int) -> ctranslate2.specs.TransformerSpec:
    spec = ctranslate2.specs.TransformerSpec.from_config(NUM_LAYERS, NUM_HEADS)
    rng = np.random.default_rng(seed)
    for name, value in spec.variables(ordered=True):
        if value is not None:
            continue
        layer_path, attribute = name.rsplit("/", 1)
        layer = spec
        for part in layer_path.split("/"):
            layer = child(layer, part)
        if attribute == "gamma":
            array = np.ones(MODEL_DIM, dtype=np.float32)
        elif attribute == "beta":
            array = np.zeros(MODEL_DIM, dtype=np.float32)
        else:
            array = rng.normal(0.0, 0.3, weight_shape(name, len(vocab))).astype(np.float32)
        setattr(layer, attribute, array)
    bias = np.zeros(len(vocab), dtype=np.float32)
    bias[vocab.index("</s>")] = EOS_LOGIT_BIAS
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    return spec


def build(output: Path, seed: int = 0, seeds_dir: Path = REPO / "seeds") -> Path:
    """Write a tiny zh→en .argosmodel to ``output`` and return its path."""
    sentencepiece_model = train_sentencepiece(training_lines(seeds_dir))
    spec = transformer_spec(vocabulary(sentencepiece_model), seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        spec.save(scratch)
        members = {f"model/{path.name}": path.read_bytes() for path in sorted(Path(scratch).iterdir())}
        members["sentencepiece.model"] = sentencepiece_model
        members["metadata.json"] = json.dumps(METADATA, indent=2, sort_keys=True).encode()
        for member, data in sorted(members.items()):
            archive.writestr(zipfile.ZipInfo(f"{PACKAGE_NAME}/{member}", ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="where to write the .argosmodel")
    parser.add_argument("--seed", type=int, default=0, help="seed for the random weights")
    parser.add_argument(
        "--seeds-dir", type=Path, default=REPO / "seeds", help="seed articles to train SentencePiece on"
    )
    args = parser.parse_args(argv)
    print(build(args.output, args.seed, args.seeds_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
