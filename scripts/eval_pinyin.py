#!/usr/bin/env python
"""Score the pinyin column against a hand-checked sample (corpus/curated/pinyin_gold/).

    python scripts/eval_pinyin.py [--sample dev|heldout | --gold PATH] [--errors]

``dev`` (sample.yaml, the default): 100 sentences of the shipped corpus, read while the orthography's
rules were written.  ``heldout`` (heldout.yaml): 64 sentences from outside it, never tuned on: the
test figure.

Prints, before (plain pypinyin, one syllable per character, as the corpus wrote it until GB/T 16159
orthography) and after (corpus.script.to_pinyin): the per-syllable error rate (a syllable that is
not the gold one, tone included, case ignored; insertions and deletions count), the word-joining
error rate (of the places between two syllables of one run, those written apart, together or with
a hyphen otherwise than the gold), and the capitalisation error rate (words whose first letter's
case differs).  Latin words and numbers are not scored, nor is punctuation.
"""
from __future__ import annotations

import argparse
import difflib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable, cast

import yaml
from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

from corpus.script import to_pinyin
from corpus.script.orthography import PASS_THROUGH_TOKEN

GOLD_DIR = Path(__file__).resolve().parent.parent / "corpus" / "curated" / "pinyin_gold"
SAMPLES = {"dev": GOLD_DIR / "sample.yaml", "heldout": GOLD_DIR / "heldout.yaml"}
GOLD = SAMPLES["dev"]
TONE_MARKS = "\u0300\u0301\u0304\u030c"
LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-+%'_/]*")
JOINERS = {"'": "joined", "-": "hyphen"}


def _toneless(text: str) -> str:
    """Lower case, tone marks dropped, ü kept; one character per character of NFC input."""
    return "".join(
        unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", char) if c not in TONE_MARKS))
        for char in text.lower()
    )


@lru_cache(maxsize=None)
def _syllables() -> frozenset[str]:
    return frozenset(_toneless(reading) for readings in pinyin_dict.values() for reading in readings.split(","))


def _split_run(run: str) -> list[str] | None:
    """The syllables of a run of pinyin letters (fewest that spell it), or None where none spell it."""
    plain = _toneless(run)
    best: list[list[int] | None] = [[]] + [None] * len(plain)
    for end in range(1, len(plain) + 1):
        for start in range(max(0, end - 6), end):
            previous = best[start]
            if previous is not None and plain[start:end] in _syllables():
                candidate = previous + [end]
                if best[end] is None or len(candidate) < len(cast(list, best[end])):
                    best[end] = candidate
    ends = best[-1]
    if not ends:
        return None
    return [run[start:end] for start, end in zip([0, *ends], ends)]


def read_syllables(written: str, zh: str) -> list[tuple[str, str]]:
    """(syllable, how it joins the next: space/joined/hyphen) for each pinyin syllable of a sentence."""
    latin = set(LATIN_TOKEN.findall(zh))
    out: list[tuple[str, str]] = []
    for word in written.split():
        word = re.sub(r"^[^\w]+|[^\w]+$", "", word)
        if not word or word in latin or word.isdigit():
            continue
        pieces = re.split(r"(['\-])", word)
        syllables: list[tuple[str, str]] = []
        for index, piece in enumerate(pieces):
            if index % 2:
                continue
            parts = _split_run(piece)
            if parts is None:
                syllables = []
                break
            joiner = JOINERS.get(pieces[index + 1], "joined") if index + 1 < len(pieces) else "space"
            syllables += [(part, "joined") for part in parts[:-1]] + [(parts[-1], joiner)]
        out += syllables
    return out


def plain_pypinyin(zh: str) -> str:
    """The pinyin column before orthography: pypinyin's phrase readings, every syllable apart."""
    pass_through = cast(Callable[[str], str], PASS_THROUGH_TOKEN.findall)
    return " ".join(piece for (piece,) in pinyin(zh, style=Style.TONE, errors=pass_through))


def compare(system: list[tuple[str, str]], gold: list[tuple[str, str]]) -> tuple[int, int, int, int, int]:
    """Syllable errors, joining errors, joins compared, capitalisation errors, word starts compared."""
    matcher = difflib.SequenceMatcher(a=[s.lower() for s, _ in system], b=[s.lower() for s, _ in gold],
                                      autojunk=False)
    syllable_errors = joins = join_errors = capitals = capital_errors = 0
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            syllable_errors += max(a2 - a1, b2 - b1)
            continue
        for offset in range(a2 - a1):
            if b1 + offset + 1 < len(gold):
                joins += 1
                join_errors += system[a1 + offset][1] != gold[b1 + offset][1]
            word_start = b1 + offset == 0 or gold[b1 + offset - 1][1] == "space"
            if word_start:
                capitals += 1
                capital_errors += system[a1 + offset][0][0].isupper() != gold[b1 + offset][0][0].isupper()
    return syllable_errors, join_errors, joins, capital_errors, capitals


def evaluate(entries: list[dict], write: Callable[[str], str], show_errors: bool) -> dict[str, float]:
    totals = [0, 0, 0, 0, 0]
    syllables = 0
    for entry in entries:
        gold = read_syllables(entry["pinyin"], entry["zh_hans"])
        written = write(entry["zh_hans"])
        result = compare(read_syllables(written, entry["zh_hans"]), gold)
        syllables += len(gold)
        totals = [a + b for a, b in zip(totals, result)]
        if show_errors and (result[0] or result[1]):
            print(f"  {entry['id']}\n    gold   {entry['pinyin']}\n    system {written}")
    return {"syllables": syllables, "syllable_error_rate": totals[0] / syllables,
            "joining_error_rate": totals[1] / max(totals[2], 1),
            "capitalisation_error_rate": totals[3] / max(totals[4], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--sample", choices=sorted(SAMPLES), default="dev",
                       help="dev: the sample the rules were written on; heldout: the test sample")
    which.add_argument("--gold", type=Path, help="another gold file in the same format")
    parser.add_argument("--errors", action="store_true", help="print the sentences the orthography gets wrong")
    args = parser.parse_args()
    gold = args.gold or SAMPLES[args.sample]
    entries = yaml.safe_load(gold.read_text(encoding="utf-8"))["sentences"]
    print(f"{len(entries)} hand-checked sentences ({gold})")
    for name, write in (("before (plain pypinyin)", plain_pypinyin), ("after (GB/T 16159 orthography)", to_pinyin)):
        scores = evaluate(entries, write, args.errors and write is to_pinyin)
        print(f"{name:<32} syllables={scores['syllables']}  per-syllable error {scores['syllable_error_rate']:.4f}"
              f"  word-joining error {scores['joining_error_rate']:.4f}"
              f"  capitalisation error {scores['capitalisation_error_rate']:.4f}")


if __name__ == "__main__":
    main()
