"""The two zh–en sentence aligners: ours (lexical + length, two passes) and plain Gale–Church.

Both search coarse to fine (:func:`_search`): sentences are summed into
blocks until the whole block matrix is small, the best path over blocks
bounds a narrow band one level down, and so on to single sentences
(Vecalign's recursive downsampling), so time and memory grow linearly.

Ours scores a link of ``a`` zh and ``b`` en sentences (1 ≤ a, b ≤ 6) as

    lexical_weight · (a + b) · (1 − cos) + length_weight · GC(length) + merge(a, b)

where ``cos`` compares the two spans in the English key space of
:mod:`corpus.align.lexical`, ``GC`` is the Gale–Church length cost
(:mod:`corpus.align.lengths`) and ``merge(a, b)`` is ``−log P(a-b)``.  The
cosine is normalised as in Vecalign: ``1 − cos`` is divided by how far the two
spans are, on average, from every sentence of the other side, so a span close
to everything (a short sentence of common words) must be closer still to its
counterpart.  A sentence left without counterpart (1-0/0-1) costs
``skip + merge(skip)``.  In the passages with a learned lexicon, an a-1 link
also pays ``neighbour_weight · lexical_weight · gain``, where ``gain`` is how
much closer (in plain cosine) its first zh sentence is to the en sentence
before it, or its last zh sentence to the one after it, than to its own: a
short sentence taken from the neighbouring link (:meth:`SpanCosines.neighbour_gains`).
There, too, a line inside a link (not its last) pays for how it ends, by its
last mark: a line that ends without a sentence-final mark was cut by the text's
structure (a verse, a subtitle), which the translation shares, and a question is
often answered within its unit; how much each ending is worth is learned from
the previous pass (:mod:`corpus.align.endings`).

Moore's two passes (2002): the first pass uses the prior lexicon
(CC-CEDICT, numbers, Latin tokens) and generic link-type priors, and a link
whose two sides have keys but share none pays the log odds, fitted on dev gold,
of that between unrelated sentences against translations, which grow with the
smaller side's number of keys (``unshared_key_log_odds``); its
confident links train IBM Model 1 (:mod:`corpus.align.model1`), and the
document's own statistics replace the generic ones: link-type priors from the
first pass's link types, the length ratio and variance from its links, and the
skip cost, as Vecalign derives its deletion cost, from what links between
sentences that do not translate each other cost (each first-pass link's zh
with the en of the link after next): a sentence is left out only where every
link would cost it more per sentence than ``skip_quantile`` of those
unrelated links do.  The second pass searches a band around the first path
with the learned lexicon; that pass's links retrain Model 1 for the next
(``learning_passes``).  With ``translation_weight`` > 0 a learned pass also
scores each link by Model 1's likelihood of each side given the other
(Moore's second pass, :mod:`corpus.align.translation`); it is off: it lifts
bible/001 (dev) but not the test Bible (``curated/align/aligner.json``).
After the last learned pass, a Chinese sentence at the edge of a link moves
to the neighbouring link where its clause evidence says so: it is compared with
the end of the link's English and the start of the next link's, cut at clause
marks; and a skipped sentence joins the pair link beside it where its words
match that link's other side (:mod:`corpus.align.boundaries`, ``boundary_weight``).
A first pass with fewer than ``min_learning_links`` pair links (a passage of
a few dozen sentences) is the answer: Model 1 trained on so few links learns
noise.  Such a short text is searched once more with the skip cost chosen for
short texts (``short_text_skip``, cheaper than the anchor pass's) and its
boundaries refined with the prior lexicon's evidence
(``short_text_boundary_weight``).

A link's ``score`` is a probability that it is right: a non-increasing
function of its cost per sentence fitted on dev gold
(:mod:`corpus.align.calibration`, ``scripts/bench_align.py --calibrate``).
"""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.special import log_ndtr

from corpus.align.boundaries import refine_boundaries
from corpus.align.calibration import Calibration
from corpus.align.dp import Band, LinkType, band_around_path, band_search, full_band, path_vertices
from corpus.align.endings import class_prefix, ending_classes, inside_costs, inside_counts
from corpus.align.lengths import GALE_CHURCH_PRIORS, LengthModel, char_length, load_length_model
from corpus.align.inflections import fold_map, folded
from corpus.align.lexical import Space, blocks
from corpus.align.lexicon import headword_keys, is_headword
from corpus.align.model1 import fit_model1, train_intersected, train_model1
from corpus.align.names import name_tokens
from corpus.align.spans import SpanCosines, normalised, pair_dots, row_norms, span_baselines, span_matrix
from corpus.align.tokens import chinese_tokens, english_tokens
from corpus.align.translation import Translation, band_costs, link_nll, translation
from corpus.model import Link

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "curated" / "align" / "aligner.json"
GALE_CHURCH_LINK_TYPES: tuple[LinkType, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
SKIP_TYPES: tuple[LinkType, ...] = ((1, 0), (0, 1))
COARSE_TYPES: tuple[LinkType, ...] = ((1, 1), (2, 1), (1, 2), (1, 0))
COARSEST = 128  # blocks a side at the coarsest level, where the whole matrix is searched
REFINE = 4  # sentences per block grow by this factor from one level to the next
LENGTH_ONLY_BAND = 32  # Gale–Church's first band: sentences either side of the equal-length diagonal
ROW_CHUNK = 1024  # rows of a band whose link costs are held at once
EDGE = 2  # a path this close to the band's edge may have been cut off by it
UNRELATED = 2  # a first-pass link's zh and the en of the link this many links on: a non-translation
MARGIN = 2  # blocks of the coarser level on either side of its path that the finer band keeps


@dataclass(frozen=True)
class AlignerSettings:
    longest: int  # most sentences on one side of a link
    lexical_weight: float
    span_exponent: float  # a link's lexical cost grows as ((a + b) / 2) ** span_exponent
    length_weight: float
    merge_decay: float  # generic prior: P(a-b) ∝ exp(−merge_decay · (a + b − 2)) before the document's own counts
    skip_prior: float  # generic prior probability of a 1-0 or a 0-1 link
    prior_strength: float  # pseudo-links of the generic prior added to the first pass's link-type counts
    first_pass_skip: float  # skip cost per sentence in the first pass, in units of lexical_weight
    short_text_skip: float  # ... where the first pass is the answer (too few links to learn from)
    skip_quantile: float
    learned_share: float  # weight of the learned lexicon against the prior, where a word has both
    anchor_share: float  # share of the first pass's links (the cheapest per sentence) that train Model 1
    anchor_limit: int  # at most this many links train Model 1 (bounds its time on long documents)
    min_learning_links: int  # a first pass with fewer pair links keeps the prior lexicon (no Model 1)
    learning_passes: int  # Model 1 retrained on each pass's links, then the document searched again
    neighbour_weight: float  # learned passes: cost of an a-1 link's end sentence closer to the en neighbour
    translation_weight: float  # learned passes: × Model 1's negative log-likelihood of the link, both ways
    line_endings: bool  # learned passes: a line inside a link pays for how it ends (corpus.align.endings)
    diagonal_tension: float  # the learned lexicon's Model 1 prefers word pairs near the link's diagonal (fast_align)
    null_probability: float  # ... and lets an English token come from no Chinese word with this probability
    intersected_lexicon: bool  # the learned lexicon keeps the word pairs Model 1 learns both ways (model1.py)
    boundary_weight: float  # learned passes: × lexical_weight, clause evidence for moving a zh sentence across links
    short_text_boundary_weight: float  # ... where the first pass is the answer (too few links to learn from)
    unshared_key_log_odds: tuple[float, float]  # first pass: what a pair link whose sides share no key pays (CostModel)
    clause_marks: str  # where an English sentence is cut into clauses for that evidence (corpus.align.boundaries)
    fold_endings: tuple[str, ...]  # English verb endings folded onto a base the bitext shows (corpus.align.inflections)
    names: bool  # foreign names matched by sound as lexical evidence (corpus.align.names)
    calibration: Calibration  # link probabilities from costs (corpus.align.calibration), fitted on dev


@lru_cache(maxsize=1)
def default_settings() -> AlignerSettings:
    data = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    values: dict[str, Any] = {name: (tuple(value) if isinstance(value, list) else value)
                              for name, value in data["settings"].items()}
    values["calibration"] = Calibration.from_json(values["calibration"])
    return AlignerSettings(**values)


@dataclass(frozen=True)
class CostModel:
    """The cost of any link, for one document at one pass."""

    lexical_weight: float
    span_exponent: float
    length_weight: float
    length: LengthModel
    penalties: dict[LinkType, float]  # −log P(type)
    skip: float  # cost of leaving one sentence out, before its penalty
    # a-1 link: × lexical_weight × how much closer its first/last zh sentence is to the neighbouring en sentence
    neighbour_weight: float = 0.0
    # × −log P(en | zh) − log P(zh | en) under Model 1 (corpus.align.translation), in learned passes
    translation_weight: float = 0.0
    skip_by_length: bool = False  # Gale–Church: a 1-0/0-1 link pays the length cost of its sentence instead
    # learned passes: (zh, en) cost of a line inside a link (not its last), by ending class (corpus.align.endings)
    inside_costs: tuple[np.ndarray, np.ndarray] | None = None
    # a pair link whose two sides share no key although both have keys pays the log odds of that between unrelated
    # sentences against translations: intercept + slope · ln(keys), keys the smaller side's (first pass: prior lexicon)
    unshared: tuple[float, float] | None = None

    def inside_line_costs(self, text: "Bitext", zh_start: np.ndarray, zh_end: np.ndarray, en_start: np.ndarray,
                          en_end: np.ndarray) -> np.ndarray | float:
        """What the lines inside links with these spans cost for how they end (0 without learned costs)."""
        if self.inside_costs is None or text.zh_endings is None or text.en_endings is None:
            return 0.0
        total = 0.0
        for costs, prefix, start, end in ((self.inside_costs[0], text.zh_endings, zh_start, zh_end),
                                          (self.inside_costs[1], text.en_endings, en_start, en_end)):
            total = total + inside_counts(prefix, start, end) @ costs
        return total

    def unshared_costs(self, zh_keys: np.ndarray, en_keys: np.ndarray) -> np.ndarray:
        """What a link whose sides hold these numbers of keys (of the document's key space, summed over its
        sentences) pays if they share none: 0 where a side has none (no evidence either way), never below 0."""
        keys = np.minimum(zh_keys, en_keys)
        if self.unshared is None:
            return np.zeros(np.shape(keys))
        intercept, slope = self.unshared
        log_odds = intercept + slope * np.log(np.maximum(keys, 1))
        return np.where(keys > 0, np.maximum(log_odds, 0.0), 0.0)

    def pair_costs(self, cosines: np.ndarray, zh_chars: np.ndarray, en_chars: np.ndarray, sentences: np.ndarray | int,
                   penalty: np.ndarray | float) -> np.ndarray:
        cost = penalty + self.lexical_weight * (np.asarray(sentences) / 2) ** self.span_exponent * (1.0 - cosines)
        if self.length_weight:
            cost = cost + self.length_weight * length_costs(zh_chars, en_chars, self.length)
        return cost

    def skip_costs(self, zh_chars: np.ndarray, en_chars: np.ndarray, link: LinkType) -> np.ndarray:
        if self.skip_by_length:
            return self.penalties[link] + length_costs(zh_chars, en_chars, self.length)
        return np.full(np.shape(zh_chars), self.skip + self.penalties[link])


def length_costs(zh_chars: np.ndarray, en_chars: np.ndarray, model: LengthModel) -> np.ndarray:
    """Gale–Church ``−log 2(1 − Φ(|δ|))`` of spans with these character counts (without the type prior)."""
    c = model.en_chars_per_zh_char
    mean = np.maximum((zh_chars + en_chars / c) / 2, 1e-9)
    delta = (zh_chars * c - en_chars) / np.sqrt(mean * model.variance)
    return -(math.log(2) + log_ndtr(-np.abs(delta)))


@dataclass(frozen=True)
class Bitext:
    """One document pair as the aligner sees it: character prefix sums and sentence vectors."""

    zh_chars: np.ndarray  # (n+1,) prefix sums
    en_chars: np.ndarray  # (m+1,)
    zh: sparse.csr_matrix | None  # (n, keys), None for the length-only baseline
    en: sparse.csr_matrix | None
    # ⟨sentence, mean unit vector of the other side's sentences⟩ (n,) and (m,): how close it is to everything
    zh_towards: np.ndarray | None = None
    en_towards: np.ndarray | None = None
    translation: Translation | None = None  # Model 1 both ways, in learned passes
    # prefix sums (n+1, classes) and (m+1, classes) of the lines of each ending class (corpus.align.endings)
    zh_endings: np.ndarray | None = None
    en_endings: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.zh_chars) - 1, len(self.en_chars) - 1

    def coarsened(self, zh_bounds: np.ndarray, en_bounds: np.ndarray) -> "Bitext":
        """Blocks of consecutive sentences: block k spans sentences ``bounds[k] .. bounds[k+1] - 1``."""
        return Bitext(self.zh_chars[zh_bounds], self.en_chars[en_bounds],
                      None if self.zh is None else blocks(self.zh, zh_bounds),
                      None if self.en is None else blocks(self.en, en_bounds),
                      _block_sums(self.zh_towards, zh_bounds), _block_sums(self.en_towards, en_bounds))

    def window(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> "Bitext":
        """Sentences zh_start .. zh_end - 1 and en_start .. en_end - 1."""
        return Bitext(self.zh_chars[zh_start:zh_end + 1], self.en_chars[en_start:en_end + 1],
                      None if self.zh is None else self.zh[zh_start:zh_end],
                      None if self.en is None else self.en[en_start:en_end],
                      None if self.zh_towards is None else self.zh_towards[zh_start:zh_end],
                      None if self.en_towards is None else self.en_towards[en_start:en_end],
                      None if self.translation is None else self.translation.window(zh_start, zh_end, en_start,
                                                                                     en_end),
                      None if self.zh_endings is None else self.zh_endings[zh_start:zh_end + 1],
                      None if self.en_endings is None else self.en_endings[en_start:en_end + 1])


def with_vectors(zh_chars: np.ndarray, en_chars: np.ndarray, zh: sparse.csr_matrix,
                 en: sparse.csr_matrix) -> Bitext:
    """A bitext whose sentences also know their similarity to the other side as a whole (Vecalign's
    normalisation: a sentence close to every sentence must be closer still to its counterpart)."""
    return Bitext(zh_chars, en_chars, zh, en, zh @ _mean_direction(en), en @ _mean_direction(zh))


def _mean_direction(vectors: sparse.csr_matrix) -> np.ndarray:
    if vectors.shape[0] == 0:  # an untranslated document: nothing on the other side to be close to
        return np.zeros(vectors.shape[1])
    norms = row_norms(vectors)
    unit = sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ vectors
    return np.asarray(unit.mean(axis=0)).ravel()


def _block_sums(values: np.ndarray | None, bounds: np.ndarray) -> np.ndarray | None:
    if values is None:
        return None
    prefix = np.concatenate(([0.0], np.cumsum(values)))
    return np.diff(prefix[bounds])


def _prefix(lengths: Sequence[int] | np.ndarray) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(np.asarray(lengths, dtype=np.float64))))


def _cost_array(text: Bitext, band: Band, types: Sequence[LinkType], model: CostModel, longest: int) -> np.ndarray:
    """(types, n+1, width) cost of each link type ending at each cell (inf outside the band)."""
    row = np.arange(band.rows)[:, None]
    columns, inside = np.minimum(band.columns(), len(text.en_chars) - 1), band.inside()
    costs = np.full((len(types), *inside.shape), np.inf, dtype=np.float32)
    index = {link: t for t, link in enumerate(types)}
    extra: dict[LinkType, np.ndarray] = {}  # costs of evidence found while the cosines are computed

    def chars(a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        zh = text.zh_chars[row] - text.zh_chars[np.maximum(row - a, 0)]
        en = text.en_chars[columns] - text.en_chars[np.maximum(columns - b, 0)]
        return zh, en

    if (1, 0) in index:
        zh, _ = chars(1, 0)
        costs[index[1, 0]] = np.where(inside & (row >= 1), model.skip_costs(zh, zh * 0, (1, 0)), np.inf)
    if text.zh is not None and text.en is not None:
        spans = SpanCosines(text.zh, text.en, band, longest)
        cosine_sets = spans.by_en_count()
        gains = spans.neighbour_gains() if model.neighbour_weight else {}
        if model.unshared is not None:
            cosine_sets = _with_unshared_costs(cosine_sets, text, row[:, 0], columns, model, extra)
        if text.zh_towards is not None and text.en_towards is not None:
            zh_baseline = span_baselines(text.zh_towards, spans.zh_norms)[:, row[:, 0]]
            en_baseline = span_baselines(text.en_towards, spans.en_norms)
            en_baseline = en_baseline[:, np.minimum(columns, en_baseline.shape[1] - 1)]
            cosine_sets = ((b, [normalised(cosine, zh_baseline[a][:, None], en_baseline[b])
                                for a, cosine in enumerate(cosines, start=1)]) for b, cosines in cosine_sets)
    else:
        gains = {}
        cosine_sets = ((b, [np.zeros(inside.shape)] * longest) for b in range(1, longest + 1))
    translated = (band_costs(text.translation, band, longest, types)
                  if model.translation_weight and text.translation is not None else {})
    for b, cosines in cosine_sets:
        for a, cosine in enumerate(cosines, start=1):
            if (a, b) not in index:
                continue
            zh, en = chars(a, b)
            valid = inside & (row >= a) & (columns >= b)
            cost = model.pair_costs(cosine, zh, en, a + b, model.penalties[a, b])
            cost = cost + model.inside_line_costs(text, np.maximum(row - a, 0), row, np.maximum(columns - b, 0),
                                                  columns)
            if (a, b) in gains:
                cost = cost + model.neighbour_weight * model.lexical_weight * gains[a, b]
            if (a, b) in translated:
                cost = cost + model.translation_weight * translated[a, b]
            if (a, b) in extra:
                cost = cost + extra.pop((a, b))
            costs[index[a, b]] = np.where(valid, cost, np.inf)
    return costs


def _with_unshared_costs(cosine_sets: Iterator[tuple[int, list[np.ndarray]]], text: Bitext, rows: np.ndarray,
                         columns: np.ndarray, model: CostModel, extra: dict[LinkType, np.ndarray]
                         ) -> Iterator[tuple[int, list[np.ndarray]]]:
    """The cosine sets as they are, each link type's cost for sharing no key put into ``extra`` on the way: a span
    pair whose sides share no key (a plain cosine of 0, before normalisation) pays
    :meth:`CostModel.unshared_costs` of its sides' key counts (each sentence's keys, summed over the span)."""
    assert text.zh is not None and text.en is not None
    zh_keys, en_keys = _prefix(np.diff(text.zh.indptr)), _prefix(np.diff(text.en.indptr))
    en_columns = np.minimum(columns, len(en_keys) - 1)
    for b, cosines in cosine_sets:
        en_count = en_keys[en_columns] - en_keys[np.maximum(en_columns - b, 0)]
        for a, cosine in enumerate(cosines, start=1):
            zh_count = (zh_keys[rows] - zh_keys[np.maximum(rows - a, 0)])[:, None]
            extra[a, b] = np.where(cosine <= 0, model.unshared_costs(zh_count, en_count), 0.0)
        yield b, cosines


def _level_search(text: Bitext, band: Band, types: Sequence[LinkType], model: CostModel, longest: int) -> list[Link]:
    pair_types = [link for link in types if link != (0, 1)]
    costs = _RowChunks(text, band, pair_types, model, longest)
    en_chars = np.diff(text.en_chars)
    insertion = model.skip_costs(en_chars * 0, en_chars, (0, 1))
    return band_search(band, pair_types, costs, insertion)


def _levels(n: int, m: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Block boundaries (zh, en) in sentences at each level, coarsest first, down to single sentences.
    A coarse level cuts both sides into the same number of blocks, so its true path runs near the diagonal."""
    levels = [(np.arange(n + 1), np.arange(m + 1))]
    count = max(n, m)
    while count > COARSEST:
        count = -(-count // REFINE)
        steps = np.arange(count + 1)
        levels.append((np.unique(steps * n // count), np.unique(steps * m // count)))
    return levels[::-1]


def _search(text: Bitext, types: Sequence[LinkType], model: CostModel, coarse_model: CostModel,
            longest: int) -> list[Link]:
    path: list[Link] = []
    levels = _levels(*text.shape)
    previous = levels[0]
    for level, (zh_bounds, en_bounds) in enumerate(levels):
        finest = level == len(levels) - 1
        level_text = text if finest else text.coarsened(zh_bounds, en_bounds)
        level_n, level_m = level_text.shape
        if level == 0:
            band = full_band(level_n, level_m)
        else:  # the coarser path's vertices, in sentences, then in this level's blocks
            x, y = path_vertices(path)
            x = np.searchsorted(zh_bounds, previous[0][x])
            y = np.searchsorted(en_bounds, previous[1][y])
            band = band_around_path(x, y, level_n, level_m, MARGIN * REFINE, MARGIN * REFINE)
        if finest:
            path = _level_search(level_text, band, types, model, longest)
        else:  # block edges cut sentences anywhere: the block lengths agree only up to a sentence or so
            size = text.shape[0] / max(level_n, 1)
            loose = replace(coarse_model.length, variance=coarse_model.length.variance * max(size, 1.0))
            path = _level_search(level_text, band, COARSE_TYPES, replace(coarse_model, length=loose), 2)
        previous = (zh_bounds, en_bounds)
    return path


def link_types(longest: int) -> tuple[LinkType, ...]:
    """1-0, 0-1 and every a-b with a + b ≤ longest + 1 (1-6 and 6-1, 2-5, 3-4 ...: a link that long on both
    sides is a paragraph, not a sentence link)."""
    return SKIP_TYPES + tuple((a, b) for a in range(1, longest + 1) for b in range(1, longest + 2 - a))


def _penalties(types: Sequence[LinkType], settings: AlignerSettings,
               counts: Counter[LinkType] | None = None) -> dict[LinkType, float]:
    """−log P(type): the generic prior, or the document's link-type counts smoothed towards it."""
    generic = {link: (settings.skip_prior if link in SKIP_TYPES
                      else math.exp(-settings.merge_decay * (sum(link) - 2))) for link in types}
    pair_total = sum(p for link, p in generic.items() if link not in SKIP_TYPES)
    generic = {link: (p if link in SKIP_TYPES else p * (1 - 2 * settings.skip_prior) / pair_total)
               for link, p in generic.items()}
    if counts is None:
        return {link: -math.log(p) for link, p in generic.items()}
    total = sum(counts[link] for link in types) + settings.prior_strength
    return {link: -math.log((counts[link] + settings.prior_strength * p) / total) for link, p in generic.items()}


def link_costs(text: Bitext, links: Sequence[Link], model: CostModel) -> np.ndarray:
    """The cost of each of the given links (which must cover contiguous ranges) under ``model``;
    a link type the model has no prior for gets the rarest type's penalty."""
    if not links:
        return np.zeros(0)
    zh_start, zh_end, en_start, en_end = (np.array(column, dtype=np.int64) for column in zip(*_link_spans(links)))
    cosines, unshared = np.zeros(len(links)), np.zeros(len(links))
    if text.zh is not None and text.en is not None:
        zh_spans = span_matrix(zh_start, zh_end, text.shape[0]) @ text.zh
        en_spans = span_matrix(en_start, en_end, text.shape[1]) @ text.en
        index = np.arange(len(links))
        norms = row_norms(zh_spans) * row_norms(en_spans)
        dots = pair_dots(zh_spans, en_spans, index, index)
        cosines = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        keys = (span_matrix(zh_start, zh_end, text.shape[0]) @ np.diff(text.zh.indptr),
                span_matrix(en_start, en_end, text.shape[1]) @ np.diff(text.en.indptr))
        unshared = np.where(dots <= 0, model.unshared_costs(*keys), 0.0)
        if text.zh_towards is not None and text.en_towards is not None:
            cosines = normalised(cosines, _span_baseline(zh_spans, zh_start, zh_end, text.zh_towards),
                                 _span_baseline(en_spans, en_start, en_end, text.en_towards))
    zh_chars = text.zh_chars[zh_end] - text.zh_chars[zh_start]
    en_chars = text.en_chars[en_end] - text.en_chars[en_start]
    rarest = max(model.penalties.values())
    penalties = np.array([model.penalties.get((len(link.zh), len(link.en)), rarest) for link in links])
    sentences = (zh_end - zh_start) + (en_end - en_start)
    costs = model.pair_costs(cosines, zh_chars, en_chars, sentences, penalties) + unshared
    costs = costs + model.inside_line_costs(text, zh_start, zh_end, en_start, en_end)
    if model.neighbour_weight and text.zh is not None and text.en is not None:
        many_to_one = np.flatnonzero((zh_end - zh_start >= 2) & (en_end - en_start == 1))
        costs[many_to_one] += model.neighbour_weight * model.lexical_weight * _neighbour_gains(
            text, zh_start[many_to_one], zh_end[many_to_one] - 1, en_start[many_to_one])
    if model.translation_weight and text.translation is not None:
        pair = (zh_end > zh_start) & (en_end > en_start)
        costs[pair] += model.translation_weight * link_nll(text.translation, zh_start[pair], zh_end[pair],
                                                           en_start[pair], en_end[pair])
    for k in np.flatnonzero((zh_end == zh_start) | (en_end == en_start)):
        kind = (int(zh_end[k] - zh_start[k]), int(en_end[k] - en_start[k]))
        costs[k] = model.skip_costs(zh_chars[k:k + 1], en_chars[k:k + 1], kind)[0] if kind in SKIP_TYPES else rarest
    return costs


def _neighbour_gains(text: Bitext, first: np.ndarray, last: np.ndarray, en: np.ndarray) -> np.ndarray:
    """:meth:`SpanCosines.neighbour_gains` of a-1 links given by their first and last zh and their en sentence."""
    assert text.zh is not None and text.en is not None
    zh_norms, en_norms = row_norms(text.zh), row_norms(text.en)

    def cosines(zh: np.ndarray, other: np.ndarray) -> np.ndarray:  # 0 where ``other`` is not a sentence
        exists = (other >= 0) & (other < text.shape[1])
        other = np.clip(other, 0, max(text.shape[1] - 1, 0))
        dots = pair_dots(text.zh, text.en, zh, other)
        norms = zh_norms[zh] * en_norms[other]
        return np.where(exists, np.divide(dots, norms, out=np.zeros(len(dots)), where=norms > 0), 0.0)

    before = np.maximum(cosines(first, en - 1) - cosines(first, en), 0)
    after = np.maximum(cosines(last, en + 1) - cosines(last, en), 0)
    return np.maximum(before, after)


def _link_spans(links: Sequence[Link]) -> list[tuple[int, int, int, int]]:
    spans = []
    zh_next = en_next = 0  # an empty side sits where the previous link ended
    for link in links:
        zh_start = link.zh[0] if link.zh else zh_next
        en_start = link.en[0] if link.en else en_next
        zh_next, en_next = zh_start + len(link.zh), en_start + len(link.en)
        spans.append((zh_start, zh_next, en_start, en_next))
    return spans


def _span_baseline(spans: sparse.csr_matrix, starts: np.ndarray, ends: np.ndarray, towards: np.ndarray) -> np.ndarray:
    """Each span's mean cosine with the other side's sentences (see :func:`with_vectors`)."""
    prefix = np.concatenate(([0.0], np.cumsum(towards)))
    norms = row_norms(spans)
    dots = prefix[ends] - prefix[starts]
    return np.divide(dots, norms, out=np.zeros(len(dots)), where=norms > 0)


@dataclass(frozen=True)
class Prepared:
    zh_tokens: list[list[str]]
    en_tokens: list[list[str]]
    space: Space
    text: Bitext  # with prior-lexicon vectors
    folds: dict[str, str]  # English keys folded onto a base (corpus.align.inflections)

    def english(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Any English texts (clauses of the document's sentences) as vectors of the document's space."""
        return self.space.english(folded([english_tokens(text) for text in texts], self.folds))


def prepare(zh: Sequence[str], en: Sequence[str], endings: Sequence[str] = (), names: bool = False) -> Prepared:
    """The document's tokens and prior-lexicon vectors; with ``names``, each Chinese sentence also holds the keys of
    the English names it transliterates (:mod:`corpus.align.names`)."""
    zh_tokens = [chinese_tokens(sentence) for sentence in zh]
    en_tokens = [english_tokens(sentence) for sentence in en]
    keys = {key for tokens in en_tokens for key in tokens}
    glosses = {key for word in {token for tokens in zh_tokens for token in tokens} if is_headword(word)
               for key in headword_keys(word)}
    folds = fold_map(sorted(keys), keys | glosses, endings)
    en_tokens = folded(en_tokens, folds)
    if names:
        zh_tokens = [tokens + found for tokens, found in
                     zip(zh_tokens, folded(name_tokens(zh, en, en_tokens, keys), folds))]
    space = Space(en_tokens)
    text = replace(with_vectors(_prefix([char_length(s) for s in zh]), _prefix([char_length(s) for s in en]),
                                space.chinese(zh_tokens), space.english(en_tokens)),
                   zh_endings=class_prefix(ending_classes(zh)), en_endings=class_prefix(ending_classes(en)))
    return Prepared(zh_tokens, en_tokens, space, text, folds)


def _document_length_model(text: Bitext) -> LengthModel:
    """The fitted Gale–Church model with ``c`` set to this document's own ratio of English to Chinese characters."""
    base = load_length_model()
    if not text.zh_chars[-1] or not text.en_chars[-1]:
        return base
    return base.with_ratio(float(text.en_chars[-1] / text.zh_chars[-1]))


def _first_model(text: Bitext, settings: AlignerSettings, types: Sequence[LinkType]) -> CostModel:
    return CostModel(settings.lexical_weight, settings.span_exponent, settings.length_weight,
                     _document_length_model(text), _penalties(types, settings),
                     settings.first_pass_skip * settings.lexical_weight, unshared=settings.unshared_key_log_odds)


def _unlearned_model(first_model: CostModel, settings: AlignerSettings) -> CostModel:
    """The first pass's model where no learned pass follows (a short text): its skip cost is ``short_text_skip``,
    chosen on short dev texts (our short bitexts, our dev passages, bible/001 cut into 10-40 links).  A long
    document's first pass only finds the anchors its lexicon and costs are learned from, and there the dearer
    ``first_pass_skip`` serves better (bible/001 0.9238 against 0.9219 with the cheaper skip): a sentence merged
    into a link still trains Model 1 with its translation, a skipped one does not."""
    return replace(first_model, skip=settings.short_text_skip * settings.lexical_weight)


def _first_search(text: Bitext, types: Sequence[LinkType], model: CostModel, settings: AlignerSettings) -> list[Link]:
    coarse_model = replace(model, penalties=_penalties(COARSE_TYPES + SKIP_TYPES, settings))
    return _search(text, types, model, coarse_model, settings.longest)


def _second_model(prepared: Prepared, first: list[Link], settings: AlignerSettings, types: Sequence[LinkType],
                  first_model: CostModel) -> tuple[CostModel, Bitext]:
    """The document's own lexicon, link-type priors, length model and skip cost, from the first pass."""
    text = prepared.text
    pairs = [link for link in first if link.zh and link.en]
    per_sentence = np.array([link.score / (len(link.zh) + len(link.en)) for link in pairs])
    anchors = int(min(settings.anchor_limit, math.ceil(settings.anchor_share * len(pairs))))
    chosen = np.argsort(per_sentence, kind="stable")[:anchors]
    anchor_pairs = [([t for i in pairs[k].zh for t in prepared.zh_tokens[i]],
                     [t for j in pairs[k].en for t in prepared.en_tokens[j]]) for k in sorted(chosen)]
    train = train_intersected if settings.intersected_lexicon else train_model1
    lexicon = train(anchor_pairs, settings.diagonal_tension, settings.null_probability)
    zh_vectors = prepared.space.chinese(prepared.zh_tokens, lexicon, settings.learned_share)
    learned = replace(with_vectors(text.zh_chars, text.en_chars, zh_vectors, text.en),
                      zh_endings=text.zh_endings, en_endings=text.en_endings)
    if settings.translation_weight:
        both_ways = translation(fit_model1([(en, zh) for zh, en in anchor_pairs]), fit_model1(anchor_pairs),
                                prepared.zh_tokens, prepared.en_tokens)
        learned = replace(learned, translation=both_ways)
    length = _fitted_length(text, pairs, first_model.length)
    model = CostModel(settings.lexical_weight, settings.span_exponent, settings.length_weight, length,
                      _penalties(types, settings, Counter((len(link.zh), len(link.en)) for link in first)), 0.0,
                      settings.neighbour_weight, settings.translation_weight,
                      inside_costs=_line_endings(text, first) if settings.line_endings else None)
    # Vecalign's deletion cost: a quantile of what linking sentences that do not translate each other costs (here
    # the zh of each pair link with the en of the link after next: near in the text, unrelated in content)
    unrelated = [Link(pairs[k].zh, pairs[k + UNRELATED].en) for k in range(len(pairs) - UNRELATED)]
    costs = link_costs(learned, unrelated, model) if unrelated else np.zeros(0)
    per_sentence = costs / np.array([len(link.zh) + len(link.en) for link in unrelated]) if unrelated else costs
    skip = float(np.quantile(per_sentence, settings.skip_quantile)) if len(per_sentence) else first_model.skip
    return replace(model, skip=skip), learned


def _line_endings(text: Bitext, links: Sequence[Link]) -> tuple[np.ndarray, np.ndarray] | None:
    if text.zh_endings is None or text.en_endings is None:
        return None
    return inside_costs(links, np.diff(text.zh_endings, axis=0).argmax(axis=1),
                        np.diff(text.en_endings, axis=0).argmax(axis=1))


def learns_from(first: Sequence[Link], settings: AlignerSettings) -> bool:
    """Whether a first pass has enough pair links to train Model 1 on: below ``min_learning_links`` the
    learned lexicon is noise and costs more than it adds (measured on windows of bible/001, dev data)."""
    return sum(1 for link in first if link.zh and link.en) >= settings.min_learning_links


def _fitted_length(text: Bitext, pairs: Sequence[Link], fallback: LengthModel) -> LengthModel:
    """c and s² of the Gale–Church model from the first pass's pair links (the fallback's when too few)."""
    if len(pairs) < 20:
        return fallback
    zh = np.array([text.zh_chars[link.zh[-1] + 1] - text.zh_chars[link.zh[0]] for link in pairs])
    en = np.array([text.en_chars[link.en[-1] + 1] - text.en_chars[link.en[0]] for link in pairs])
    keep = zh > 0
    ratio = en[keep].sum() / zh[keep].sum()
    variance = float(np.var((en[keep] - ratio * zh[keep]) / np.sqrt(zh[keep])))
    return LengthModel(float(ratio), max(variance, 1e-3), fallback.priors, "fitted on the first pass")


def _trivial(n: int, m: int) -> list[Link] | None:
    if n and m:
        return None
    return [Link((i,), ()) for i in range(n)] + [Link((), (j,)) for j in range(m)]


def align_texts(zh: Sequence[str], en: Sequence[str], *, settings: AlignerSettings | None = None,
                learn: bool = True) -> list[Link]:
    """Align zh sentences with en sentences (our aligner); each link's score is the probability that it is
    right.  ``learn=False`` stops after the first pass (no lexicon learned from the bitext)."""
    settings = settings or default_settings()
    return _with_confidence(align_costs(zh, en, settings=settings, learn=learn), settings)


def align_costs(zh: Sequence[str], en: Sequence[str], *, settings: AlignerSettings | None = None,
                learn: bool = True) -> list[Link]:
    """:func:`align_texts` with each link's cost as its score (what the calibration is fitted on)."""
    settings = settings or default_settings()
    trivial = _trivial(len(zh), len(en))
    if trivial is not None:
        return [Link(link.zh, link.en, 0.0) for link in trivial]
    return search(zh, en, settings, learn).links


@dataclass(frozen=True)
class Search:
    """What the last pass searched with, and the path it found (each link's score its cost)."""

    links: list[Link]
    text: Bitext
    model: CostModel


def search(zh: Sequence[str], en: Sequence[str], settings: AlignerSettings, learn: bool = True) -> Search:
    """Our aligner's passes over two non-empty sentence lists."""
    types = link_types(settings.longest)
    prepared = prepare(zh, en, settings.fold_endings, settings.names)
    first_model = _first_model(prepared.text, settings, types)
    first = _first_search(prepared.text, types, first_model, settings)
    if not learn or not learns_from(first, settings):
        # the first pass is the answer: a sentence is left out at the cost chosen for that (short texts)
        answer_model = _unlearned_model(first_model, settings)
        answer = Search(_first_search(prepared.text, types, answer_model, settings), prepared.text, answer_model)
        return _refined(answer, en, prepared, settings.short_text_boundary_weight, settings, types)
    n, m = prepared.text.shape
    result = Search(first, prepared.text, first_model)
    for _ in range(settings.learning_passes):
        model, learned = _second_model(prepared, result.links, settings, types, first_model)
        x, y = path_vertices(result.links)
        band = band_around_path(x, y, n, m, settings.longest * MARGIN, settings.longest * MARGIN)
        result = Search(_level_search(learned, band, types, model, settings.longest), learned, model)
    return _refined(result, en, prepared, settings.boundary_weight, settings, types)


def _refined(result: Search, en: Sequence[str], prepared: Prepared, weight: float, settings: AlignerSettings,
             types: Sequence[LinkType]) -> Search:
    """The last pass's path after boundary refinement at ``weight`` (× lexical_weight; 0: as it is)."""
    if not weight:
        return result
    text, model = result.text, result.model
    assert text.zh is not None and text.en is not None
    refined = refine_boundaries(result.links, en, text.zh, text.en, prepared.english,
                                lambda links: link_costs(text, links, model),
                                weight * settings.lexical_weight, settings.clause_marks, set(types))
    return Search(refined, text, model)


def _with_confidence(links: list[Link], settings: AlignerSettings) -> list[Link]:
    sizes = np.array([max(len(link.zh) + len(link.en), 1) for link in links])
    skips = np.array([not (link.zh and link.en) for link in links], dtype=bool)
    probabilities = settings.calibration(np.array([link.score for link in links]) / sizes, skips)
    return [Link(link.zh, link.en, round(float(p), 6)) for link, p in zip(links, probabilities)]


class _RowChunks:
    """Rows of the cost array of a band, computed :data:`ROW_CHUNK` rows at a time (one chunk kept), each
    chunk as a small alignment problem of its own: memory stays at a chunk's size whatever the document's."""

    def __init__(self, text: Bitext, band: Band, types: Sequence[LinkType], model: CostModel, longest: int):
        self.text, self.band, self.types, self.model, self.longest = text, band, types, model, longest
        self.first, self.chunk = -1, np.zeros(0)

    def __call__(self, row: int) -> np.ndarray:
        first = row - row % ROW_CHUNK
        if first != self.first:
            self.first, self.chunk = first, self._compute(first, min(first + ROW_CHUNK, self.band.rows))
        return self.chunk[:, row - first, :]

    def _compute(self, first: int, last: int) -> np.ndarray:
        """Rows first .. last-1: the sub-problem starts ``longest`` rows earlier, so every link type that
        ends in those rows starts inside it, and ``longest`` columns left of the band."""
        start = max(0, first - self.longest)
        en_start = max(0, int(self.band.lo[start]) - self.longest)
        en_end = int(self.band.hi[last - 1])
        window = self.text.window(start, last - 1, en_start, en_end)
        band = Band(self.band.lo[start:last] - en_start, self.band.hi[start:last] - en_start)
        costs = _cost_array(window, band, self.types, self.model, self.longest)[:, first - start:, :]
        padded = np.full((len(self.types), last - first, self.band.width), np.inf, dtype=np.float32)
        padded[:, :, :costs.shape[2]] = costs
        return padded


def gale_church_align(zh: Sequence[str], en: Sequence[str]) -> list[Link]:
    """Baseline: Gale–Church (1993) on character lengths only, with its published link priors and a 1-0/0-1
    link paying the length cost of its sentence.  The band follows the diagonal of equal cumulative lengths
    and doubles until the path stays clear of its edges; costs are computed row by row, so memory stays
    at the band's size."""
    trivial = _trivial(len(zh), len(en))
    if trivial is not None:
        return trivial
    text = Bitext(_prefix([char_length(s) for s in zh]), _prefix([char_length(s) for s in en]), None, None)
    n, m = text.shape
    model = CostModel(0.0, 0.0, 1.0, _document_length_model(text),
                      {link: -math.log(p) for link, p in GALE_CHURCH_PRIORS.items()}, 0.0, skip_by_length=True)
    types = [link for link in GALE_CHURCH_LINK_TYPES if link != (0, 1)]
    diagonal = np.minimum(np.searchsorted(text.en_chars, text.zh_chars * model.length.en_chars_per_zh_char), m)
    en_chars = np.diff(text.en_chars)
    insertion = model.skip_costs(en_chars * 0, en_chars, (0, 1))
    margin = LENGTH_ONLY_BAND
    while True:
        band = band_around_path(np.arange(n + 1), diagonal, n, m, 0, margin)
        links = band_search(band, types, _RowChunks(text, band, types, model, 2), insertion)
        x, y = path_vertices(links)
        clear = bool(np.all((y - band.lo[x] >= EDGE) | (band.lo[x] == 0))
                     and np.all((band.hi[x] - y >= EDGE) | (band.hi[x] == m)))
        if clear or margin >= m:
            return [Link(link.zh, link.en, round(math.exp(-link.score), 6)) for link in links]
        margin *= 2


def score_links(zh: Sequence[str], en: Sequence[str], links: Sequence[Link],
                settings: AlignerSettings | None = None) -> list[Link]:
    """Our aligner's confidence for given links (e.g. from construction), as if its first pass had found them:
    the lexicon, priors, length model and skip cost are learned from these links."""
    settings = settings or default_settings()
    if not links:
        return []
    types = tuple(sorted(set(link_types(settings.longest)) | {(len(link.zh), len(link.en)) for link in links}))
    prepared = prepare(zh, en, settings.fold_endings, settings.names)
    first_model = _first_model(prepared.text, settings, types)
    given = list(links)
    first_costs = link_costs(prepared.text, given, first_model)
    first = [Link(link.zh, link.en, float(cost)) for link, cost in zip(given, first_costs)]
    if not learns_from(first, settings):
        costs = link_costs(prepared.text, given, _unlearned_model(first_model, settings))
        return _with_confidence([Link(link.zh, link.en, float(cost)) for link, cost in zip(given, costs)], settings)
    model, learned = _second_model(prepared, first, settings, types, first_model)
    costs = link_costs(learned, given, model)
    return _with_confidence([Link(link.zh, link.en, float(cost)) for link, cost in zip(given, costs)], settings)
