"""The two zh–en sentence aligners: ours (length + lexical evidence) and plain Gale–Church.

Both run the same banded DP (:mod:`corpus.align.dp`); they differ only in
the cost of a link.

* :func:`gale_church_align` — the baseline: Gale–Church length cost alone,
  the classic six link types, constants from ``length_model.json``.
* :func:`align_texts` — ours, for links that pair sentences: the Gale–Church
  length cost, with ``c`` re-estimated per document pair (total en chars /
  total zh chars, clamped to half/double the fitted value), plus a lexical
  cost ``w/2 · (1 − share)`` for each sentence of the link, where ``share``
  is the part of the sentence's content items that have a counterpart on the
  other side of the link (see :mod:`corpus.align.evidence`; a sentence with
  no content items counts as half matched).  A sentence that shares nothing
  with its partners thus pays the full ``w/2`` whether it is merged into a
  neighbouring link or left out, so the lexical term does not push stray
  lines (captions, translator's notes) into merges.  A deletion or insertion
  (1-0/0-1) pays a fixed ``skip_cost`` plus ``w/2``, not the Gale–Church
  length cost: that cost grows with the sentence's length (12–34 nats for a
  caption against 3–5 for a merge), so no real deletion could ever win.
  Fixed skip costs are what Moore (2002), hunalign and Vecalign use too.
  1-3 and 3-1 links are allowed as well (free translation splits long
  Chinese sentences).

A link's ``score`` is ``exp(−cost)``: 1 for a perfect free link, smaller the
less likely the link; comparable between links of one aligner only.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from corpus.align.dp import LinkType, banded_align
from corpus.align.evidence import Evidence, chinese_evidence, english_evidence, shared_items
from corpus.align.lengths import (GALE_CHURCH_PRIORS, LengthModel, char_length, length_cost, link_type,
                                  load_length_model)
from corpus.model import Link

GALE_CHURCH_LINK_TYPES: tuple[LinkType, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
ZH, EN = 0, 1  # positions in the (zh mask, en mask) pairs of shared_items
RATIO_CLAMP = 2.0  # a document's own en/zh length ratio may differ from the fitted one by this factor


@dataclass(frozen=True)
class AlignerSettings:
    length_model: LengthModel
    lexical_weight: float
    link_types: tuple[LinkType, ...] = field(default=GALE_CHURCH_LINK_TYPES)
    skip_cost: float | None = None  # cost of a 1-0/0-1 link before its lexical cost; None: Gale–Church length cost


@lru_cache(maxsize=1)
def default_settings() -> AlignerSettings:
    """Our aligner's settings from ``length_model.json`` (fitted/tuned on the dev passages of the gold set)."""
    data = json.loads(resources.files(__package__).joinpath("length_model.json").read_text(encoding="utf-8"))
    ours = data["ours"]
    priors = {link_type(name): p for name, p in ours["priors"].items()}
    base = load_length_model()
    model = LengthModel(base.en_chars_per_zh_char, base.variance, priors, base.source)
    return AlignerSettings(model, ours["lexical_weight"], tuple(priors), ours["skip_cost"])


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

    def unmatched(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        """Sum over the link's sentences of the share of their content items without a counterpart
        on the other side (a sentence without content items counts as half matched)."""
        return (self._unmatched(range(zh_start, zh_end), range(en_start, en_end), ZH)
                + self._unmatched(range(en_start, en_end), range(zh_start, zh_end), EN))

    def _unmatched(self, own: range, other: range, side: int) -> float:
        evidence = self.zh_evidence if side == ZH else self.en_evidence
        total = 0.0
        for a in own:
            if not other:
                total += 1.0
                continue
            if not evidence[a].size:
                total += 0.5
                continue
            mask = 0
            for b in other:
                mask |= self._shared(a, b)[ZH] if side == ZH else self._shared(b, a)[EN]
            total += 1.0 - mask.bit_count() / evidence[a].size
        return total

    def __call__(self, zh_start: int, zh_end: int, en_start: int, en_end: int) -> float:
        link = (zh_end - zh_start, en_end - en_start)
        if self.settings.skip_cost is not None and 0 in link:
            return self.settings.skip_cost
        cost = length_cost(self.zh_chars[zh_end] - self.zh_chars[zh_start],
                           self.en_chars[en_end] - self.en_chars[en_start], link, self.model)
        if self.lexical:
            cost += self.settings.lexical_weight / 2 * self.unmatched(zh_start, zh_end, en_start, en_end)
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
    settings = replace(settings, length_model=replace(settings.length_model, priors=priors))
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
