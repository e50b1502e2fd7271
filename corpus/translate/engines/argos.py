"""Argos Translate: an installed .argosmodel package, translated in CTranslate2 batches.

We use argos's package objects (``Package``: metadata, tokenizer classes,
target prefix) and its runtime settings (device, threads, compute type, beam
size), and call ``ctranslate2.Translator.translate_batch`` the way argos's own
``apply_packaged_translation`` does, with two deliberate differences:

* no sentence boundary detection: we segment the text ourselves, so each of
  our sentences is one input, and argos's stanza/spacy/minisbd splitter (and
  the import time it costs) is never used;
* one output per input: argos joins a paragraph's sentences into one string;
  we keep them apart so each Sentence gets its own English;
* sentences are batched only with sentences of the same length in tokens, so no
  batch is padded: with int8 weights (argos's "auto" compute type on a CPU)
  padding changes results, and a sentence's English would then depend on what
  else was in its batch, which the build (documents batched across a worker's
  chunk, some from the cache) must not let it (measured on the seeds' 857
  sentences with a random 3-layer model, scripts/bench_scale.py --mt: 31 differ
  translated in one mixed batch and one at a time, none in equal-length batches).
"""
from __future__ import annotations

import ctranslate2
from argostranslate import package as argos_package
from argostranslate import settings as argos_settings

from corpus.translate import models
from corpus.translate.engines.base import PROVENANCE_PREFIX, TranslationEngine, register

# Sentences per batch: CTranslate2's max_batch_size.  A call hands CTranslate2 many
# batches' worth at once, which it sorts by length and regroups, so a batch pads little.
DEFAULT_BATCH_SIZE = 32
# Batches' worth of sentences per CTranslate2 call: bounds what one call tokenises and
# holds, while each call still has plenty of sentences to sort.
BATCHES_PER_CALL = 64
# argos's own decoding settings (argostranslate.translate.apply_packaged_translation).
LENGTH_PENALTY = 0.2


@register
class ArgosEngine(TranslationEngine):
    name = "argos"
    # CTranslate2 runs on an OpenMP (libgomp) thread pool, which is not fork-safe: a child forked after this
    # process translated hangs at its first parallel region (seen: loading its own model, in quantize_s8).
    fork_safe = False

    def __init__(
        self,
        *,
        from_code: str = models.SOURCE_CODE,
        to_code: str = models.TARGET_CODE,
        beam_size: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_decoding_length: int = 256,
        package: argos_package.Package | None = None,
    ):
        """Load the newest installed from_code→to_code package (or ``package``).

        ``beam_size`` defaults to argos's ARGOS_BEAM_SIZE setting. Raises
        ModelNotInstalled, with the install command, when there is none.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.package = package if package is not None else models.find_installed(from_code, to_code)
        self.model_id = self.package.package_path.name
        self.version = self.package.package_version
        self.beam_size = beam_size if beam_size is not None else argos_settings.beam_size
        self.batch_size = batch_size
        self.max_decoding_length = max_decoding_length
        self.tokenizer = self.package.tokenizer  # argos's SentencePieceTokenizer or BPETokenizer
        self.translator = ctranslate2.Translator(
            str(self.package.package_path / "model"),
            device=argos_settings.device,
            inter_threads=argos_settings.inter_threads,
            intra_threads=argos_settings.intra_threads,
            compute_type=argos_settings.compute_type,
        )

    @classmethod
    def installed_provenance(cls) -> str:
        package = models.find_installed(models.SOURCE_CODE, models.TARGET_CODE)
        return f"{PROVENANCE_PREFIX}:{cls.name}:{package.package_path.name}:{package.package_version}"

    def translate_batch(self, sentences: list[str]) -> list[str]:
        """Translate ``sentences``: one CTranslate2 call per length in tokens (shortest first) and per
        ``BATCHES_PER_CALL`` batches of sentences of that length."""
        tokens = [self.tokenizer.encode(sentence) for sentence in sentences]
        by_length: dict[int, list[int]] = {}
        for index, pieces in enumerate(tokens):
            by_length.setdefault(len(pieces), []).append(index)
        per_call = BATCHES_PER_CALL * self.batch_size
        translations = [""] * len(sentences)
        for length in sorted(by_length):
            indexes = by_length[length]
            for start in range(0, len(indexes), per_call):
                call = indexes[start : start + per_call]
                for index, english in zip(call, self.translate_call([tokens[i] for i in call]), strict=True):
                    translations[index] = english
        return translations

    def translate_call(self, tokens: list[list[str]]) -> list[str]:
        """One CTranslate2 call over tokenised sentences, in batches of ``batch_size`` at most."""
        prefix = self.package.target_prefix
        results = self.translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            max_batch_size=self.batch_size,
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_decoding_length=self.max_decoding_length,
        )
        return [self.detokenize(result.hypotheses[0]) for result in results]

    def detokenize(self, tokens: list[str]) -> str:
        """argos's decoding: its tokenizer, then drop the target prefix and the leading space."""
        text = self.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text[1:] if text.startswith(" ") else text
