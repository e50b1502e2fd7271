"""Evaluate and time the zh–en sentence aligners on the hand-made gold set.

    python scripts/bench_align.py            # strict/lax P/R/F1, ours vs Gale–Church, recall per type, timings
    python scripts/bench_align.py --fit      # refit c and s² on the dev passages, rewrite length_model.json
    python scripts/bench_align.py --tune     # re-choose lexical weight and skip cost on the dev passages, rewrite them
    python scripts/bench_align.py --corpus   # agreement of the aligner with construction on the built corpus

Vecalign's recall leaves out gold 1-0/0-1 links, so each split also gets a
line per aligner with the share of gold links of each type predicted exactly
(1-0 = a zh sentence left untranslated, 0-1 = an English addition).

Timing aligns the whole gold set concatenated into one document, replicated
×1, ×4 and ×16, so the near-linear growth of the banded search is visible;
"per 1,000 pairs" divides by the number of zh sentences aligned.  CC-CEDICT is
loaded before timing starts (a one-off ~5 s per process).
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.align.aligner import align_texts, default_settings, gale_church_align  # noqa: E402
from corpus.align.evaluate import Scores, exact_f1, recall_by_type, score_alignments  # noqa: E402
from corpus.align.evidence import chinese_evidence, english_evidence  # noqa: E402
from corpus.align.gold import GoldPassage, load_gold, one_to_one_pairs  # noqa: E402
from corpus.align.lengths import GALE_CHURCH_PRIORS, estimate_length_model  # noqa: E402
from corpus.lang import HAN  # noqa: E402
from corpus.model import Document, Link  # noqa: E402

MODEL_FILE = Path(__file__).resolve().parents[1] / "corpus" / "align" / "length_model.json"
WEIGHT_GRID = (1, 2, 3, 4, 6, 8, 10, 12, 16)
SKIP_GRID = (2, 3, 4, 5, 6, 7, 8, 10, 12, 16)


def concatenated(passages: list[GoldPassage], copies: int = 1) -> tuple[list[str], list[str], list[Link]]:
    zh: list[str] = []
    en: list[str] = []
    links: list[Link] = []
    for passage in passages * copies:
        zh_offset, en_offset = len(zh), len(en)
        links += [Link(tuple(i + zh_offset for i in link.zh), tuple(j + en_offset for j in link.en))
                  for link in passage.links]
        zh += passage.zh
        en += passage.en
    return zh, en, links


def _row(name: str, scores: Scores) -> str:
    return (f"{name:<22} {scores.strict_precision:6.3f} {scores.strict_recall:6.3f} {scores.strict_f1:6.3f}   "
            f"{scores.lax_precision:6.3f} {scores.lax_recall:6.3f} {scores.lax_f1:6.3f}")


TYPE_ORDER = ("1-1", "2-1", "1-2", "2-2", "3-1", "1-3", "1-0", "0-1")


def _by_type(counts: dict[str, tuple[int, int]]) -> str:
    kinds = sorted(counts, key=lambda kind: (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER), kind))
    return "  ".join(f"{kind} {counts[kind][0]}/{counts[kind][1]}" for kind in kinds)


def report() -> None:
    chinese_evidence("预热")  # load CC-CEDICT outside the timings
    gold = load_gold()
    print("split (passages, zh sentences)   strict P / R / F1      lax P / R / F1")
    for split in ("test", "dev", None):
        passages = [p for p in gold if split is None or p.split == split]
        label = f"{split or 'all'} ({len(passages)}, {sum(len(p.zh) for p in passages)})"
        print(label)
        rows = []
        for name, aligner in (("  ours", align_texts), ("  gale-church baseline", gale_church_align)):
            predicted = [aligner(p.zh, p.en) for p in passages]
            print(_row(name, score_alignments([p.links for p in passages], predicted)))
            gold_links = [p.links for p in passages]
            rows.append(f"    {name.strip():<20} exact F1 {exact_f1(gold_links, predicted):.3f}   "
                        f"{_by_type(recall_by_type(gold_links, predicted))}")
        print("  exact-link F1 (1-0/0-1 counted), and gold links of each type predicted exactly:")
        print("\n".join(rows))
    print("\ntime to align the gold set concatenated (ms per 1,000 zh sentences)")
    for copies in (1, 4, 16):
        zh, en, links = concatenated(gold, copies)
        chinese_evidence.cache_clear()  # time the per-sentence evidence too, not just the search
        english_evidence.cache_clear()
        cells = []
        for name, aligner in (("ours", align_texts), ("gale-church", gale_church_align)):
            start = time.perf_counter()
            predicted = aligner(zh, en)
            seconds = time.perf_counter() - start
            f1 = score_alignments([links], [predicted]).strict_f1
            cells.append(f"{name} {seconds:7.3f} s = {1000 * seconds / len(zh) * 1000:7.1f} ms/1k (strict F1 {f1:.3f})")
        print(f"  x{copies:<3} {len(zh):5d} zh / {len(en):5d} en   " + "   ".join(cells))


def _rewrite(update: dict) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    for key, value in update.items():
        if isinstance(value, dict):
            data[key].update(value)
        else:
            data[key] = value
    MODEL_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def fit() -> None:
    pairs = one_to_one_pairs(load_gold(split="dev"))
    model = estimate_length_model(pairs, GALE_CHURCH_PRIORS, "")
    print(f"{len(pairs)} dev 1-1 pairs: c = {model.en_chars_per_zh_char:.4f}, s² = {model.variance:.3f}")
    _rewrite({"en_chars_per_zh_char": round(model.en_chars_per_zh_char, 4), "variance": round(model.variance, 3)})


def tune() -> None:
    """Pick the lexical weight and skip cost on dev data: the mean of the exact-link F1 on the dev passages
    (which have insertions and deletions) and on the shipped corpus's construction links (which have none,
    so they punish a skip cost low enough to split true 1-1 pairs); ties go to the dev passages aligned as
    one document.  On a plateau of equally good settings take, on each axis, the grid point nearest the
    geometric centre of the plateau.  The test passages are never looked at, nor the paragraphs of the corpus
    they were cut from (:func:`without_test_text`)."""
    from corpus.align.document import align_document, construction_links
    from corpus.api import load

    dev = load_gold(split="dev")
    zh, en, links = concatenated(dev)
    shipped = [d for d in load().documents if d.en_segments]
    translated = without_test_text(shipped, load_gold(split="test"))
    print(f"corpus construction: {sum(len(d.sentences) for d in translated)} of "
          f"{sum(len(d.sentences) for d in shipped)} sentences (the paragraphs holding test passages left out)")
    construction = [construction_links(d) for d in translated]
    results = {}
    for weight, skip in itertools.product(WEIGHT_GRID, SKIP_GRID):
        settings = dataclasses.replace(default_settings(), lexical_weight=weight, skip_cost=skip)
        per_passage = exact_f1([p.links for p in dev], [align_texts(p.zh, p.en, settings=settings) for p in dev])
        whole = exact_f1([links], [align_texts(zh, en, settings=settings)])
        agreement = exact_f1(construction, [align_document(d, settings=settings) for d in translated])
        results[weight, skip] = (round((per_passage + agreement) / 2, 6), round(whole, 6))
        print(f"  w = {weight:<4} skip = {skip:<4} exact F1: dev passages {per_passage:.3f} "
              f"(as one document {whole:.3f}), corpus construction {agreement:.3f}")
    best = max(results.values())
    plateau = [setting for setting, result in results.items() if result == best]
    chosen = tuple(_nearest_centre(sorted({setting[axis] for setting in plateau})) for axis in (0, 1))
    if chosen not in plateau:  # the plateau is not a box: take its member nearest the centre
        chosen = min(plateau, key=lambda s: sum(abs(math.log(s[a] / chosen[a])) for a in (0, 1)))
    print(f"best dev settings (w, skip) {plateau}; chosen {chosen}")
    _rewrite({"ours": {"lexical_weight": chosen[0], "skip_cost": chosen[1]}})


def without_test_text(documents: list[Document], test: list[GoldPassage]) -> list[Document]:
    """The documents less every paragraph that holds a sentence of a test passage.

    The gold passages were cut from the shipped seeds, so scoring the corpus's construction links while
    tuning would score the test passages' Chinese too.  Sentences are compared by their Han characters
    (punctuation and the labels the gold set drops do not matter); sentences under four Han characters
    are too short to place and are left to the paragraph test of their neighbours.
    """
    held_out = {key for passage in test for key in map(_han, passage.zh) if len(key) >= 4}
    kept = []
    for doc in documents:
        paragraphs = [p for p in doc.paragraphs if not any(key in _han(p.text) for key in held_out)]
        kept.append(dataclasses.replace(doc, paragraphs=paragraphs))
    return kept


def _han(text: str) -> str:
    return "".join(HAN.findall(text))


def _nearest_centre(values: list[float]) -> float:
    centre = math.sqrt(values[0] * values[-1])
    return min(values, key=lambda value: abs(math.log(value) - math.log(centre)))


def corpus_agreement() -> None:
    """Our aligner, run blind on each translated document of the published corpus, against its construction links."""
    from collections import Counter

    from corpus.align.document import link_agreement
    from corpus.api import load

    translated = [d for d in load().documents if d.en_segments]
    sources = Counter(s.en_source.split(":")[0] for d in translated for s in d.sentences)
    sentences = sum(len(d.sentences) for d in translated)
    print(f"{len(translated)} translated documents, {sentences} zh sentences, en sources {dict(sources)}")
    print("construction as gold            strict P / R / F1      lax P / R / F1")
    print(_row("  ours vs construction", link_agreement(translated)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", action="store_true", help="refit the length model on the dev passages")
    parser.add_argument(
        "--tune", action="store_true", help="re-choose the lexical weight and skip cost on the dev passages"
    )
    parser.add_argument("--corpus", action="store_true", help="agreement with construction on the built corpus")
    arguments = parser.parse_args()
    if arguments.corpus:
        corpus_agreement()
    elif arguments.fit:
        fit()
    elif arguments.tune:
        tune()
    else:
        report()


if __name__ == "__main__":
    main()
