"""Evaluate, time and calibrate the zh–en sentence aligners.

    python scripts/bench_align.py              # accuracy on every gold set, dev and test apart; evidence ablation
    python scripts/bench_align.py --speed      # bible/001 and bible/006: CPU seconds, peak memory, ratio, both aligners
    python scripts/bench_align.py --calibrate  # refit link probabilities on dev gold
                                               # (rewrites curated/align/aligner.json)
    python scripts/bench_align.py --corpus     # agreement of the aligner with construction on the built corpus
    python scripts/bench_align.py --windows    # bible/001 cut into passages: when does the learned lexicon help?
    python scripts/bench_align.py --short      # dev data of the short-text settings: short bitexts, passages, windows
    python scripts/bench_align.py --merges     # bible/001: would merging neighbouring links find the verse links?
    python scripts/bench_align.py --unshared   # fit what a link whose sides share no key pays, on dev gold
                                               # (rewrites curated/align/aligner.json)
    python scripts/bench_align.py --eflomal    # bible/001: eflomal's lexicon instead of our Model 1 (if installed)
    python scripts/bench_align.py --books      # bible/001 book by book: what makes one kind of book align worse?

Data: our passages (``corpus/curated/align_gold``: dev and test), our short
bitexts (``corpus/curated/align_short``: dev), our literary
gold (``corpus/curated/align_literary``: test), check passages written after the
rules (``corpus/curated/align_check``: reported apart, never tuned on), and the Bible gold
(``<checkout>/../shared/align-dev/bible`` or ``$CORPUS_ALIGN_DEV``: bible/001 is
dev; bible/006 contains it and serves for speed, and its English lines
5,000–9,999, after bible/001, are test).  Only dev data was used to choose
settings.

``--speed`` runs each measurement in a fresh process pinned to one thread
(``OMP_NUM_THREADS=1``) and reports its CPU time (user + system, so other
load on the machine does not count), wall time and peak resident memory
(``ru_maxrss``, which includes the ~330 MB of jieba's and CC-CEDICT's
dictionaries, loaded before the clock starts).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus.align.aligner import (SETTINGS_FILE, Bitext, align_costs, align_texts, default_settings,  # noqa: E402
                                  gale_church_align, link_costs, search)
from corpus.align.evaluate import evaluation_report, exact_f1, score_alignments  # noqa: E402
from corpus.align.calibration import fit_calibration, reliability  # noqa: E402
from corpus.align.gold import (CHECK_DIR, LITERARY_DIR, SHORT_DIR, GoldPassage, load_bible, load_bible_test,  # noqa: E402
                               load_gold)
from corpus.align.spans import pair_dots, row_norms, span_matrix  # noqa: E402
from corpus.align.tokens import chinese_tokens  # noqa: E402
from corpus.model import Link  # noqa: E402

TRANSLATION_WEIGHT = 0.16  # the best of 0.02-0.32 on bible/001 (dev)
# strict F1 on bible/001 of the systems scored from their archived outputs (see ../shared/align-dev/README.md)
REFERENCE_F1 = {"Gale–Church": 0.770, "Bleualign": 0.737, "Hunalign": 0.831, "Vecalign (LASER)": 0.916,
                "Bertalign (multilingual BERT)": 0.915}


def _sets() -> list[tuple[str, list[GoldPassage]]]:
    sets = [("passages dev", load_gold(split="dev")), ("short bitexts dev", load_gold(SHORT_DIR, split="dev")),
            ("passages test", load_gold(split="test")),
            ("literary test", load_gold(LITERARY_DIR)),
            ("check (written after round 6's rules)", load_gold(CHECK_DIR, split="check")),
            ("check (written after round 7's rules)", load_gold(CHECK_DIR, split="check-r7")),
            ("check (written after round 8's rules)", load_gold(CHECK_DIR, split="check-r8")),
            ("check (written after round 9's rules)", load_gold(CHECK_DIR, split="check-r9")),
            ("check (written after round 10's rules)", load_gold(CHECK_DIR, split="check-r10")),
            ("check (written before round 11's changes)", load_gold(CHECK_DIR, split="check-r11")),
            ("check (written before round 12's changes)", load_gold(CHECK_DIR, split="check-r12")),
            ("check (written before round 13's measurements)", load_gold(CHECK_DIR, split="check-r13"))]
    bible, bible_test = load_bible("001"), load_bible_test()
    if bible is not None and bible_test is not None:
        sets += [("bible/001 dev", [bible]), ("bible/006 en 5000-9999 test", [bible_test])]
    return sets


def _row(name: str, gold: list[list[Link]], predicted: list[list[Link]]) -> str:
    scores = score_alignments(gold, predicted)
    return (f"  {name:<34} strict {scores.strict_precision:.3f} {scores.strict_recall:.3f} {scores.strict_f1:.3f}"
            f"   lax {scores.lax_f1:.3f}   exact-link F1 {exact_f1(gold, predicted):.3f}")


def report() -> None:
    chinese_tokens("预热")
    print("strict P / R / F1, lax F1, and exact-link F1 (which also counts 1-0/0-1 links)")
    for label, passages in _sets():
        gold = [p.links for p in passages]
        print(f"{label} ({len(passages)} passages, {sum(len(p.zh) for p in passages)} zh sentences)")
        runs = {
            "ours": [align_texts(p.zh, p.en) for p in passages],
            "ours + Model 1 likelihood": [align_texts(p.zh, p.en, settings=_with_translation()) for p in passages],
            "ours, short texts as the anchor pass": [align_texts(p.zh, p.en, settings=_short_as_anchor_pass())
                                                     for p in passages],
            "ours, no boundary refinement": [align_texts(p.zh, p.en, settings=_without_refinement())
                                             for p in passages],
            "ours, no name evidence": [align_texts(p.zh, p.en, settings=_without_names()) for p in passages],
            "ours, no unshared-key evidence": [align_texts(p.zh, p.en, settings=_without_unshared_keys())
                                               for p in passages],
            "ours, one-way lexicon": [align_texts(p.zh, p.en, settings=_one_way_lexicon()) for p in passages],
            "ours, first pass (no learned lexicon)": [align_texts(p.zh, p.en, learn=False) for p in passages],
            "ours, lengths only": [align_texts(p.zh, p.en, learn=False, settings=_lengths_only()) for p in passages],
            "Gale–Church baseline": [gale_church_align(p.zh, p.en) for p in passages],
        }
        for name, predicted in runs.items():
            print(_row(name, gold, predicted))
        print("  per gold link type, ours:")
        print("".join(f"    {line}\n" for line in evaluation_report(gold, runs["ours"]).splitlines()[3:]), end="")
        if label.startswith("bible/001"):
            print("\n  bible/001: strict F1 of the reference systems (archived outputs) and ours (measured now)")
            ours = score_alignments(gold, runs["ours"]).strict_f1
            ours_gc = score_alignments(gold, runs["Gale–Church baseline"]).strict_f1
            for name, f1 in sorted({**REFERENCE_F1, "ours": ours, "our Gale–Church": ours_gc}.items(),
                                   key=lambda item: item[1]):
                print(f"    {name:<32} {f1:.3f}")


def _with_translation():  # type: ignore[no-untyped-def]
    """Moore's Model 1 likelihood as a link cost in learned passes, at the weight chosen on dev (off by default:
    it helps dev and costs the test Bible, see aligner.json)."""
    return dataclasses.replace(default_settings(), translation_weight=TRANSLATION_WEIGHT)


def _without_refinement():  # type: ignore[no-untyped-def]
    """The path of the last learned pass as it is (corpus/align/boundaries.py off)."""
    return dataclasses.replace(default_settings(), boundary_weight=0.0)


def _short_as_anchor_pass():  # type: ignore[no-untyped-def]
    """A short text (too few links to learn from) answered by the anchor pass as it is: its skip cost, no
    refinement (round 8's aligner on short texts)."""
    return dataclasses.replace(default_settings(), short_text_skip=default_settings().first_pass_skip,
                               short_text_boundary_weight=0.0)


def _without_names():  # type: ignore[no-untyped-def]
    """No foreign names matched by sound (corpus/align/names.py)."""
    return dataclasses.replace(default_settings(), names=False)


def _without_unshared_keys():  # type: ignore[no-untyped-def]
    """A first-pass link whose sides share no key pays nothing for it (round 9's aligner)."""
    return dataclasses.replace(default_settings(), unshared_key_log_odds=(0.0, 0.0))


def _one_way_lexicon():  # type: ignore[no-untyped-def]
    """The learned lexicon as Model 1 gives it zh -> en, not intersected with en -> zh (corpus/align/model1.py)."""
    return dataclasses.replace(default_settings(), intersected_lexicon=False)


def _lengths_only():  # type: ignore[no-untyped-def]
    return dataclasses.replace(default_settings(), lexical_weight=0.0)


def one(aligner: str, name: str) -> None:
    """(child process) align bible/NAME once and print CPU/wall seconds, peak memory and strict F1 as JSON."""
    bible = load_bible(name)
    assert bible is not None
    chinese_tokens("预热")  # jieba and CC-CEDICT loaded before the clock starts
    cpu, wall = time.process_time(), time.perf_counter()
    links = (align_texts if aligner == "ours" else gale_church_align)(bible.zh, bible.en)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    f1 = score_alignments([bible.links], [links]).strict_f1
    print(json.dumps({"cpu": cpu, "wall": wall, "peak_mb": peak, "f1": f1, "zh": len(bible.zh)}))


def speed() -> None:
    if load_bible("001") is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    results = {}
    for aligner in ("ours", "gale-church"):
        for name in ("001", "006"):
            out = subprocess.run([sys.executable, __file__, "--one", aligner, name], env=env, check=True,
                                 capture_output=True, text=True).stdout
            results[aligner, name] = json.loads(out.splitlines()[-1])
            r = results[aligner, name]
            print(f"{aligner:<12} bible/{name} ({r['zh']:>6} zh): CPU {r['cpu']:7.1f} s  wall {r['wall']:7.1f} s  "
                  f"peak {r['peak_mb']:6.0f} MB  strict F1 {r['f1']:.3f}", flush=True)
    for aligner in ("ours", "gale-church"):
        small, large = results[aligner, "001"], results[aligner, "006"]
        print(f"{aligner:<12} 006 / 001: CPU time × {large['cpu'] / small['cpu']:.2f} "
              f"for × {large['zh'] / small['zh']:.2f} the sentences; peak memory {large['peak_mb']:.0f} MB")


def _link_outcomes(passages: list[GoldPassage]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(cost per sentence, is a skip, right) of every link our aligner predicts on these passages."""
    costs, skips, right = [], [], []
    for passage in passages:
        gold = {(link.zh, link.en) for link in passage.links}
        for link in align_costs(passage.zh, passage.en):
            costs.append(link.score / max(len(link.zh) + len(link.en), 1))
            skips.append(not (link.zh and link.en))
            right.append((link.zh, link.en) in gold)
    return np.array(costs), np.array(skips, dtype=bool), np.array(right, dtype=float)


def _print_reliability(label: str, predicted: np.ndarray, right: np.ndarray, skips: np.ndarray) -> None:
    def brier(chosen: np.ndarray) -> str:
        return f"{np.mean((predicted[chosen] - right[chosen]) ** 2):.4f}" if chosen.any() else "-"

    print(f"{label}: {len(right)} links, {int(right.sum())} right, Brier score {brier(skips | ~skips)} "
          f"(pair links {brier(~skips)}; {int(skips.sum())} 1-0/0-1 links, {int(right[skips].sum())} right, "
          f"{brier(skips)})")
    for row in reliability(predicted, right):
        print(f"  predicted {row.low:.2f}–{row.high:.2f}: {row.links:5d} links, mean predicted "
              f"{row.mean_predicted:.3f}, share right {row.share_right:.3f}")


def calibrate() -> None:
    """Fit the link probabilities (:mod:`corpus.align.calibration`) on the links our aligner predicts on dev
    data (the dev passages, the dev short bitexts and bible/001), write them to aligner.json, and print
    reliability on dev (all, and the short texts alone) and test."""
    short = load_gold(split="dev") + load_gold(SHORT_DIR, split="dev")
    short_outcomes = _link_outcomes(short)
    bible = [bible for bible in (load_bible("001"),) if bible is not None]
    costs, skips, right = (np.concatenate(parts) for parts in zip(short_outcomes, _link_outcomes(bible)))
    fitted = fit_calibration(costs, skips, right)
    data = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    data["settings"]["calibration"] = fitted.as_json()
    SETTINGS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print_reliability("dev (fitted on)", fitted(costs, skips), right, skips)
    costs, skips, right = short_outcomes
    _print_reliability("dev: our passages and short bitexts (fitted on)", fitted(costs, skips), right, skips)
    tests = [("test: our passages and the literary gold", load_gold(split="test") + load_gold(LITERARY_DIR)),
             ("test: bible/006 en 5000-9999", [bible for bible in (load_bible_test(),) if bible is not None])]
    for label, test in tests:
        if test:
            costs, skips, right = _link_outcomes(test)
            _print_reliability(label, fitted(costs, skips), right, skips)


def unshared_key_evidence(bins: tuple[int, ...] = (1, 3, 5, 7, 10, 15, 10**6), pseudo: float = 0.5) -> None:
    """Fit ``unshared_key_log_odds`` on dev and write it to aligner.json: how much likelier two spans share no key
    of the prior lexicon when they do not translate each other than when they do, by the smaller side's number of
    keys (each sentence's keys in the document's key space, summed over the span).  Translations are the gold pair
    links of bible/001, our dev passages and our dev short bitexts; non-translations each gold link's zh with the
    en of the pair link after next (as the aligner's own skip cost reads them).  Per bin of key counts,
    log(P(none shared | unrelated) / P(none shared | gold link)) with ``pseudo`` added to each count; a line in
    ln(keys), weighted by the bins' gold links."""
    from corpus.align.aligner import prepare

    settings = default_settings()
    passages = load_gold(split="dev") + load_gold(SHORT_DIR, split="dev") + [b for b in (load_bible("001"),) if b]
    outcomes: dict[str, list[tuple[int, bool]]] = {"gold": [], "unrelated": []}
    for passage in passages:
        text = prepare(passage.zh, passage.en, settings.fold_endings, settings.names).text
        assert text.zh is not None and text.en is not None
        zh_keys, en_keys = np.diff(text.zh.indptr), np.diff(text.en.indptr)
        pairs = [link for link in passage.links if link.zh and link.en]
        unrelated = [Link(pairs[k].zh, pairs[k + 2].en) for k in range(len(pairs) - 2)]
        for kind, links in (("gold", pairs), ("unrelated", unrelated)):
            for link in links:
                keys = min(int(zh_keys[list(link.zh)].sum()), int(en_keys[list(link.en)].sum()))
                if keys:
                    shared = (text.zh[list(link.zh)].sum(axis=0) @ text.en[list(link.en)].sum(axis=0).T).item()
                    outcomes[kind].append((keys, shared <= 0))
    centres, log_odds, weights = [], [], []
    for low, high in zip(bins, bins[1:]):
        counts = {kind: [none for keys, none in found if low <= keys < high] for kind, found in outcomes.items()}
        if not counts["gold"] or not counts["unrelated"]:
            continue
        rates = {kind: (sum(found) + pseudo) / (len(found) + 2 * pseudo) for kind, found in counts.items()}
        centres.append(np.mean([np.log(keys) for keys, _ in outcomes["gold"] if low <= keys < high]))
        log_odds.append(float(np.log(rates["unrelated"] / rates["gold"])))
        weights.append(len(counts["gold"]))
        print(f"keys {low}-{min(high - 1, 999)}: no key shared in {sum(counts['gold'])} of {len(counts['gold'])} gold "
              f"links, {sum(counts['unrelated'])} of {len(counts['unrelated'])} unrelated: log odds {log_odds[-1]:.2f}")
    slope, intercept = np.polyfit(centres, log_odds, 1, w=np.sqrt(weights))
    fitted = [round(float(intercept), 3), round(float(slope), 3)]
    print(f"unshared_key_log_odds (intercept, slope of ln keys): {fitted}")
    data = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    data["settings"]["unshared_key_log_odds"] = fitted
    SETTINGS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def bible_windows(sizes: tuple[int, ...] = (10, 20, 40, 60, 80, 160, 320)) -> None:
    """bible/001 (dev) cut at gold links into passages of ``size`` links, 30 spread over the book (fewer for the
    largest sizes): strict F1 with and without the learned lexicon (what ``min_learning_links`` was chosen on)."""
    bible = load_bible("001")
    if bible is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    learning = dataclasses.replace(default_settings(), min_learning_links=0)
    for size in sizes:
        windows = [_window(bible, start, size) for start in range(0, len(bible.links) - size, max(size * 3, 158))]
        gold = [links for _, _, links in windows]
        learned = [align_texts(zh, en, settings=learning) for zh, en, _ in windows]
        first = [align_texts(zh, en, learn=False) for zh, en, _ in windows]
        with_lexicon, without = score_alignments(gold, learned), score_alignments(gold, first)
        print(f"{len(windows):3d} passages of {size:4d} gold links: strict F1 with the learned lexicon "
              f"{with_lexicon.strict_f1:.3f}, first pass only {without.strict_f1:.3f}", flush=True)


def short_texts(sizes: tuple[int, ...] = (10, 20, 40)) -> None:
    """The dev data the short-text settings were chosen on (short_text_skip, short_text_boundary_weight): our short
    bitexts, our dev passages and bible/001 cut at gold links into passages of ``sizes`` links; strict F1 of ours
    and of ours with a short text answered by the anchor pass as it is (round 8), and their means."""
    bible = load_bible("001")
    if bible is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    sets = {"short bitexts": [(p.zh, p.en, p.links) for p in load_gold(SHORT_DIR, split="dev")],
            "passages": [(p.zh, p.en, p.links) for p in load_gold(split="dev")]}
    for size in sizes:
        sets[f"bible/001 in {size}s"] = [_window(bible, start, size)
                                         for start in range(0, len(bible.links) - size, max(size * 3, 158))]
    for name, settings in (("ours", default_settings()), ("short texts as the anchor pass", _short_as_anchor_pass())):
        scores = {label: score_alignments([links for _, _, links in texts],
                                          [align_texts(zh, en, settings=settings) for zh, en, _ in texts]).strict_f1
                  for label, texts in sets.items()}
        print(f"{name:<31}" + "".join(f"  {label} {f1:.3f}" for label, f1 in scores.items())
              + f"  mean {np.mean(list(scores.values())):.4f}", flush=True)


def merge_evidence(shares: tuple[float, ...] = (0.01, 0.05, 0.1),
                   quantiles: tuple[float, ...] = (0.5, 0.9, 0.99)) -> None:
    """On our bible/001 path (dev): each pair of neighbouring links with one English sentence each (1-1 or 2-1,
    three Chinese sentences at most) merged into one link, ranked by how much cost the merge adds under the
    last pass's model; among the cheapest merges, how many are a gold link and how many split two right links.
    Then the split judged by its parts: merged where the weaker part costs more per sentence than a quantile of
    the path's pair links (a split into weak parts as evidence of one many-to-many translation unit).  Then by
    lexical evidence across the boundary (round 12): merged where one link's words are found in the other link's
    translation (:func:`_crossing_evidence`), strongest first."""
    bible = load_bible("001")
    if bible is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    result = search(bible.zh, bible.en, default_settings())
    path, gold = result.links, {(link.zh, link.en) for link in bible.links}
    pairs = [k for k in range(len(path) - 1) if path[k].zh and path[k + 1].zh and len(path[k].en) == 1
             and len(path[k + 1].en) == 1 and len(path[k].zh) + len(path[k + 1].zh) <= 3]
    merged = [Link(path[k].zh + path[k + 1].zh, path[k].en + path[k + 1].en) for k in pairs]
    added = link_costs(result.text, merged, result.model) - np.array([path[k].score + path[k + 1].score
                                                                       for k in pairs])
    is_gold = np.array([(link.zh, link.en) in gold for link in merged])
    both_right = np.array([(path[k].zh, path[k].en) in gold and (path[k + 1].zh, path[k + 1].en) in gold
                           for k in pairs])
    order = np.argsort(added, kind="stable")
    print(f"{len(pairs)} neighbouring pairs, {is_gold.sum()} of them a gold link when merged")
    for share in shares:
        cheapest = order[:max(1, int(share * len(pairs)))]
        print(f"  cheapest {share:.0%} ({len(cheapest)} merges): {is_gold[cheapest].sum()} gold links found, "
              f"{both_right[cheapest].sum()} pairs of right links destroyed")
    per_sentence = {k: path[k].score / (len(path[k].zh) + len(path[k].en)) for k in range(len(path))}
    weaker = np.array([max(per_sentence[k], per_sentence[k + 1]) for k in pairs])
    pair_costs = np.array([cost for k, cost in per_sentence.items() if path[k].zh and path[k].en])
    for quantile in quantiles:
        weak = weaker > np.quantile(pair_costs, quantile)
        print(f"  weaker part above the {quantile:.0%} quantile of pair-link costs per sentence ({weak.sum()} merges): "
              f"{is_gold[weak].sum()} gold links found, {both_right[weak].sum()} pairs of right links destroyed")
    crossing = _crossing_evidence(result.text, [path[k] for k in pairs], [path[k + 1] for k in pairs])
    by_crossing = np.argsort(-crossing, kind="stable")
    for share in shares:
        strongest = by_crossing[:max(1, int(share * len(pairs)))]
        print(f"  strongest {share:.0%} cross-boundary evidence ({len(strongest)} merges): {is_gold[strongest].sum()} "
              f"gold links found, {both_right[strongest].sum()} pairs of right links destroyed")


def _crossing_evidence(text: Bitext, before: list[Link], after: list[Link]) -> np.ndarray:
    """How much each pair of neighbouring links' sides translate across their boundary (the first link's zh into
    the second's en, or the second's zh into the first's en: the learned lexicon's plain cosine, the larger of
    the two) against how well the weaker link translates itself: above 1 where one link's words are found in the
    other link's translation more than in its own."""
    assert text.zh is not None and text.en is not None

    def cosines(zh_links: list[Link], en_links: list[Link]) -> np.ndarray:
        zh = span_matrix(np.array([link.zh[0] for link in zh_links]), np.array([link.zh[-1] + 1 for link in zh_links]),
                         text.shape[0]) @ text.zh
        en = span_matrix(np.array([link.en[0] for link in en_links]), np.array([link.en[-1] + 1 for link in en_links]),
                         text.shape[1]) @ text.en
        index = np.arange(len(zh_links))
        norms = row_norms(zh) * row_norms(en)
        dots = pair_dots(zh, en, index, index)
        return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)

    across = np.maximum(cosines(before, after), cosines(after, before))
    own = np.minimum(cosines(before, before), cosines(after, after))
    return across / np.maximum(own, 1e-3)


def eflomal_lexicon(pairs: list[tuple[list[str], list[str]]]) -> dict[str, list[tuple[str, float]]]:
    """The learned lexicon from eflomal (Östling & Tiedemann 2016; HMM with fertility, Gibbs sampling) instead of
    our Model 1: relative frequencies of its forward links (each English token's Chinese word), pruned as
    :func:`corpus.align.model1.train_model1` prunes.  eflomal seeds its sampler from /dev/urandom."""
    import tempfile
    from collections import Counter, defaultdict

    import eflomal

    from corpus.align.model1 import MAX_TRANSLATIONS, MIN_PROBABILITY

    pairs = [(zh, en) for zh, en in pairs if zh and en]
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    with tempfile.TemporaryDirectory() as folder:
        links = Path(folder) / "links"
        eflomal.Aligner(n_samplers=1).align([" ".join(zh) + "\n" for zh, _ in pairs],
                                            [" ".join(en) + "\n" for _, en in pairs], links_filename_fwd=str(links))
        for (zh, en), line in zip(pairs, links.read_text(encoding="utf-8").splitlines()):
            for i, j in (map(int, link.split("-")) for link in line.split()):
                counts[zh[i]][en[j]] += 1
    table = {}
    for word, translations in counts.items():
        total = sum(translations.values())
        kept = [(key, n / total) for key, n in sorted(translations.items(), key=lambda item: (-item[1], item[0]))
                if n / total >= MIN_PROBABILITY][:MAX_TRANSLATIONS]
        if kept:
            table[word] = kept
    return table


def eflomal_comparison(runs: int = 3) -> None:
    """bible/001 (dev) with our Model 1 lexicon and, ``runs`` times (eflomal is not deterministic), with eflomal's."""
    import corpus.align.aligner as aligner_module

    bible = load_bible("001")
    if bible is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    print(f"our Model 1: strict F1 {score_alignments([bible.links], [align_texts(bible.zh, bible.en)]).strict_f1:.4f}")
    ours = aligner_module.train_model1
    one_way = dataclasses.replace(default_settings(), intersected_lexicon=False)  # eflomal's forward links only
    aligner_module.train_model1 = lambda pairs, *_: eflomal_lexicon(pairs)  # type: ignore[assignment]
    try:
        for run in range(runs):
            f1 = score_alignments([bible.links], [align_texts(bible.zh, bible.en, settings=one_way)]).strict_f1
            print(f"eflomal, run {run + 1}: strict F1 {f1:.4f}", flush=True)
    finally:
        aligner_module.train_model1 = ours


def _window(bible: GoldPassage, start: int, size: int) -> tuple[list[str], list[str], list[Link]]:
    links = bible.links[start:start + size]
    zh_start, en_start = min(i for link in links for i in link.zh), min(j for link in links for j in link.en)
    zh_end, en_end = max(i for link in links for i in link.zh) + 1, max(j for link in links for j in link.en) + 1
    return (bible.zh[zh_start:zh_end], bible.en[en_start:en_end],
            [Link(tuple(i - zh_start for i in link.zh), tuple(j - en_start for j in link.en)) for link in links])


def _many_to_many(link: Link) -> bool:
    return len(link.zh) >= 2 and len(link.en) >= 2


def _en_range(gold: list[Link], predicted: list[Link], first: int, last: int) -> tuple[list[Link], list[Link]]:
    """The gold links whose English starts in lines first..last-1 and the predicted links beside them (those whose
    English starts there, and 1-0 links of the gold links' Chinese)."""
    inside = [link for link in gold if link.en and first <= link.en[0] < last]
    chinese = {i for link in inside for i in link.zh}
    return inside, [link for link in predicted if (link.en and first <= link.en[0] < last)
                    or (not link.en and link.zh[0] in chinese)]


def book_kinds(window: int = 250) -> None:
    """bible/001 (dev) scored book by book (``curated/align/bible_books.json``): strict F1, the share of gold links
    that are verse-level many-to-many (2-2, 3-2, ...: a verse of several sentences a side, which the text gives no
    evidence of) and strict F1 outside those verses; then windows of ``window`` English lines, and a line fitted
    through their F1 against that share.  The test Bible's share is counted from its gold link types alone (no
    aligner runs on it here), to say what the fit expects there."""
    bible, test = load_bible("001"), load_bible_test()
    if bible is None or test is None:
        sys.exit("bench_align: the shared alignment data (../shared/align-dev/bible) is not there")
    predicted = align_texts(bible.zh, bible.en)
    verse_zh = {i for link in bible.links if _many_to_many(link) for i in link.zh}
    books = json.loads((SETTINGS_FILE.parent / "bible_books.json").read_text(encoding="utf-8"))["books"]
    bounds = [book["line"] for book in books] + [len(bible.en)]
    for book, first, last in zip(books, bounds, bounds[1:]):
        gold, ours = _en_range(bible.links, predicted, first, last)
        outside_gold = [link for link in gold if not _many_to_many(link)]
        outside_ours = [link for link in ours if not (link.zh and set(link.zh) <= verse_zh)]
        share = sum(map(_many_to_many, gold)) / len(gold)
        print(f"  {book['name']:<40} {len(gold):5d} gold links, many-to-many {share:5.1%}: strict F1 "
              f"{score_alignments([gold], [ours]).strict_f1:.3f}, outside those verses "
              f"{score_alignments([outside_gold], [outside_ours]).strict_f1:.3f}")
    shares, scores = [], []
    for first in range(0, len(bible.en), window):
        gold, ours = _en_range(bible.links, predicted, first, first + window)
        shares.append(sum(map(_many_to_many, gold)) / len(gold))
        scores.append(score_alignments([gold], [ours]).strict_f1)
    slope, intercept = np.polyfit(shares, scores, 1)
    test_share = sum(map(_many_to_many, test.links)) / len(test.links)
    print(f"  {len(shares)} windows of {window} English lines: strict F1 = {intercept:.3f} {slope:+.3f} × share "
          f"(r = {np.corrcoef(shares, scores)[0, 1]:.3f}, shares {min(shares):.1%}–{max(shares):.1%}); the test "
          f"Bible's share {test_share:.1%} (gold link types) → expected {intercept + slope * test_share:.3f}")


def corpus_agreement() -> None:
    """Our aligner, run blind on each translated document of the published corpus, against its construction links."""
    from corpus.align.document import link_agreement
    from corpus.api import load

    translated = [d for d in load().documents if d.en_segments]
    scores = link_agreement(translated)
    print(f"{len(translated)} translated documents, {sum(len(d.sentences) for d in translated)} zh sentences; "
          f"ours vs construction: strict F1 {scores.strict_f1:.3f}, lax F1 {scores.lax_f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed", action="store_true", help="time bible/001 and bible/006, both aligners")
    parser.add_argument("--calibrate", action="store_true", help="refit the link probabilities on dev gold")
    parser.add_argument("--corpus", action="store_true", help="agreement with construction on the built corpus")
    parser.add_argument("--windows", action="store_true", help="bible/001 passages: learned lexicon or not")
    parser.add_argument("--short", action="store_true", help="dev data of the short-text settings")
    parser.add_argument("--merges", action="store_true", help="bible/001: evidence for merging neighbouring links")
    parser.add_argument("--unshared", action="store_true", help="fit the cost of a link sharing no key, on dev")
    parser.add_argument("--eflomal", action="store_true", help="bible/001: eflomal's lexicon against our Model 1")
    parser.add_argument("--books", action="store_true", help="bible/001 book by book: F1 and verse-level links")
    parser.add_argument("--one", nargs=2, metavar=("ALIGNER", "NAME"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        one(*arguments.one)
    elif arguments.speed:
        speed()
    elif arguments.calibrate:
        calibrate()
    elif arguments.corpus:
        corpus_agreement()
    elif arguments.windows:
        bible_windows()
    elif arguments.short:
        short_texts()
    elif arguments.merges:
        merge_evidence()
    elif arguments.unshared:
        unshared_key_evidence()
    elif arguments.eflomal:
        eflomal_comparison()
    elif arguments.books:
        book_kinds()
    else:
        report()


if __name__ == "__main__":
    main()
