"""The two zh–en sentence aligners: ours (length + lexical evidence) and plain Gale–Church.

Both run the same banded DP (:mod:`corpus.align.dp`); they differ only in
the cost of a link.

* :func:`gale_church_align` — the baseline: Gale–Church length cost alone,
  the classic six link types, constants from ``length_model.json``.
* :func:`align_texts` — ours: the Gale–Church length cost, with ``c``
  re-estimated per document pair (total en chars / total zh chars, clamped
  to half/double the fitted value), plus a lexical cost.  The lexical cost of
  a link is ``w · (1 − sim) · (n_zh + n_en) / 2`` where ``sim`` is the share
  of content items on both sides that have a counterpart on the other side
  (see :mod:`corpus.align.evidence`); each sentence thus pays ``w/2`` times
  its unmatched share, and a deletion or insertion pays the full ``w/2`` per
  sentence, so merging sentences is neither rewarded nor punished by the
  lexical term.  1-3 and 3-1 links are allowed too (free translation splits
  long Chinese sentences).

A link's ``score`` is ``exp(−cost)``: 1 for a perfect free link, smaller the
less likely the link; comparable between links of one aligner only.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from corpus.align.dp import LinkType, banded_align
from corpus.align.evidence import Evidence, chinese_evidence, english_evidence, shared_items
from corpus.align.lengths import GALE_CHURCH_PRIORS, LengthModel, char_length, length_cost, load_length_model
from corpus.model import Link

GALE_CHURCH_LINK_TYPES: tuple[LinkType, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
ZH, EN = 0, 1  # positions in the (zh mask, en mask) pairs of shared_items
RATIO_CLAMP = 2.0  # a document's own en/zh length ratio may differ from the fitted one by this factor


@dataclass(frozen=True)
class AlignerSettings:
    length_model: LengthModel
    lexical_weight: float
    link_types: tuple[LinkType, ...] = field(default=GALE_CHURCH_LINK_TYPES)


@lru_cache(maxsize=1)
def default_settings() -> AlignerSettings:
    """Our aligner's settings from ``length_model.json`` (fitted/tuned on the dev passages of the gold set)."""
    data = json.loads(resources.files(__package__).joinpath("length_model.json").read_text(encoding="utf-8"))
    ours = data["ours"]
    priors = {tuple(int(n) for n in name.split("-")): p for name, p in ours["priors"].items()}
    base = load_length_model()
    model = LengthModel(base.en_chars_per_zh_char, base.variance, priors, base.source)
    return AlignerSettings(model, ours["lexical_weight"], tuple(priors))


class _Costs:
    """Cost of any candidate link between two sentence lists; shared by the DP and by scoring."""

    def __init__(self, zh: Sequence[str], en: Sequence[str], settings: AlignerSettings, lexical: bool):
        self.zh_chars = [0, *accumulate(char_length(s) for s in zh)]
        self.en_chars = [0, *accumulate(char_length(s) for s in en)]
        self.settings = settings
        self.model = settings.length_model
        if lexical and self.zh_chars[-1] and self.en_chars[-1]:
            fitted = self.model.en_chars_per_zh_char
            ratio = min(max(self.en_chars[-1] / self.zh_chars[-1], fitted / RATIO_CLAMP), fitted * RATIO_CLAMP)
            self.model = self.model.with_ratio(ratio)
        self.lexical = lexical
        self.zh_evidence: list[Evidence] = [chinese_evidence(s) for s in zh] if lexical else []
        self.en_evidence: list[Evidence] = [english_evidence(s) for s in en] if lexical else []
        self._pairs: dict[tuple[int, int], tuple[int, int]] = {}

    def _shared(self, i: int, j: int) -> tuple[int, int]:
        pair = self._pairs.get((i, j))
        if pair is None:
            pair = self._pairs[(i, j)] = shared_items(self.zh_evidence[i], self.en_evidence[j])
        return pair

    def similarity(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Share of the content items of both spans that have a counterpart on the other side."""
        if zh_start == zh_end or en_start == en_end:
            return 0.0
        zh_matched, zh_total = self._matched(range(zh_start, zh_end), range(en_start, en_end), ZH)
        en_matched, en_total = self._matched(range(en_start, en_end), range(zh_start, zh_end), EN)
        total = zh_total + en_total
        return (zh_matched + en_matched) / total if total else 0.0

    def _matched(self, own: range, other: range, side: int) -> tuple[int, int]:
        """Items of the ``side`` sentences in ``own`` with a counterpart in ``other``, and all their items."""
        evidence = self.zh_evidence if side == ZH else self.en_evidence
        matched = total = 0
        for a in own:
            mask = 0
            for b in other:
                mask |= self._shared(a, b)[ZH] if side == ZH else self._shared(b, a)[EN]
            matched += mask.bit_count()
            total += evidence[a].size
        return matched, total

    def __call__(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        link = (zh_end - zh_start, en_end - en_start)
        cost = length_cost(self.zh_chars[zh_end] - self.zh_chars[zh_start],
                           self.en_chars[en_end] - self.en_chars[en_start], link, self.model)
        if self.lexical:
            unmatched = 1.0 - self.similarity(zh_start, zh_end, en_start, en_end)
            cost += self.settings.lexical_weight * unmatched * (link[0] + link[1]) / 2
        return cost


def _with_confidence(links: list[Link]) -> list[Link]:
    return [Link(link.zh, link.en, math.exp(-link.score)) for link in links]


def align_texts(zh: Sequence[str], en: Sequence[str], *, band: int | None = None,
                settings: AlignerSettings | None = None) -> list[Link]:
    """Align zh sentences with en sentences using length and lexical evidence (our aligner)."""
    settings = settings or default_settings()
    costs = _Costs(zh, en, settings, lexical=True)
    return _with_confidence(banded_align(len(zh), len(en), settings.link_types, costs, band))


def gale_church_align(zh: Sequence[str], en: Sequence[str], *, band: int | None = None,
                      model: LengthModel | None = None) -> list[Link]:
    """Baseline: Gale–Church (1993) on character lengths only, with its published link priors."""
    base = model or load_length_model()
    settings = AlignerSettings(LengthModel(base.en_chars_per_zh_char, base.variance, dict(GALE_CHURCH_PRIORS),
                                           base.source), 0.0, GALE_CHURCH_LINK_TYPES)
    costs = _Costs(zh, en, settings, lexical=False)
    return _with_confidence(banded_align(len(zh), len(en), settings.link_types, costs, band))


def score_links(zh: Sequence[str], en: Sequence[str], links: Sequence[Link],
                settings: AlignerSettings | None = None) -> list[Link]:
    """Give given links (e.g. from construction) our aligner's confidence ``exp(−cost)``.

    Links must cover contiguous index ranges; a link type our priors lack
    (e.g. 1-4) gets the smallest prior we have.
    """
    settings = settings or default_settings()
    rarest = min(settings.length_model.priors.values())
    priors = dict(settings.length_model.priors)
    for link in links:
        priors.setdefault((len(link.zh), len(link.en)), rarest)
    model = settings.length_model
    settings = AlignerSettings(LengthModel(model.en_chars_per_zh_char, model.variance, priors, model.source),
                               settings.lexical_weight, settings.link_types)
    costs = _Costs(zh, en, settings, lexical=True)
    scored = []
    zh_next = en_next = 0  # an empty side sits where the previous link ended
    for link in links:
        zh_start = link.zh[0] if link.zh else zh_next
        en_start = link.en[0] if link.en else en_next
        zh_next, en_next = zh_start + len(link.zh), en_start + len(link.en)
        cost = costs(zh_start, zh_next, en_start, en_next)
        scored.append(Link(link.zh, link.en, math.exp(-cost)))
    return scored
