"""Boundary refinement: a Chinese sentence at the edge of a link may belong to the neighbouring link.

The search compares whole sentences, so a short Chinese sentence that
translates one clause of a long English sentence (``于是把他赶出去了`` and "So
he drove out the man; and he placed …") costs about as much in either of two
neighbouring links, and the link-type priors and lengths pick one.  Where two
neighbouring pair links share such a boundary, the sentence is compared with
the English it would take on either side, cut at clause marks: the best
*suffix* of the last English sentence of the link before (the part a sentence
at the end of that link translates) and the best *prefix* of the first English
sentence of the link after.  A move is accepted where

    Δ link cost < boundary_weight · lexical_weight · (cos(prefix after) − cos(suffix before))

(or the other way round for a move backwards): the clause evidence, in the
units of a link's lexical cost, must outweigh what the document's own cost
model says the move costs.  Each boundary moves at most one sentence, and a
boundary next to one that moved is left as it is (one sweep: no move is
judged on a neighbour that another move changed).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from corpus.align.spans import pair_dots, row_norms
from corpus.model import Link

LinkCosts = Callable[[Sequence[Link]], np.ndarray]  # the cost model of the last pass, over contiguous links
ClauseVectors = Callable[[Sequence[str]], sparse.csr_matrix]  # English texts as vectors of the document's space


@dataclass(frozen=True)
class Move:
    boundary: int  # between links[boundary] and links[boundary + 1]
    before: Link
    after: Link
    sentence: int  # the zh sentence that changes link
    forward: bool  # from the end of the link before to the start of the link after


def clauses(sentence: str, marks: str) -> list[str]:
    """The sentence cut after each clause mark followed by a space (every piece keeps its mark)."""
    pattern = re.compile(f"(?<=[{re.escape(marks)}])\\s+")
    return [piece for piece in pattern.split(sentence) if piece.strip()]


def edge_parts(sentence: str, marks: str, suffixes: bool) -> list[str]:
    """Every suffix (or prefix) of the sentence made of whole clauses, the whole sentence included."""
    pieces = clauses(sentence, marks)
    if suffixes:
        return [" ".join(pieces[k:]) for k in range(len(pieces))]
    return [" ".join(pieces[:k + 1]) for k in range(len(pieces))]


def candidate_moves(links: Sequence[Link]) -> list[Move]:
    """Every move of one zh sentence across a boundary between two pair links that leaves both pair links."""
    moves = []
    for k in range(len(links) - 1):
        before, after = links[k], links[k + 1]
        if not (before.zh and before.en and after.zh and after.en):
            continue
        if len(before.zh) >= 2:
            moves.append(Move(k, Link(before.zh[:-1], before.en), Link((before.zh[-1],) + after.zh, after.en),
                              before.zh[-1], True))
        if len(after.zh) >= 2:
            moves.append(Move(k, Link(before.zh + (after.zh[0],), before.en), Link(after.zh[1:], after.en),
                              after.zh[0], False))
    return moves


def _edge_cosines(zh: sparse.csr_matrix, sentences: np.ndarray, parts: list[list[str]],
                  vectors: ClauseVectors) -> np.ndarray:
    """For each k, the best cosine of zh sentence ``sentences[k]`` with any of the texts ``parts[k]``."""
    texts = [text for group in parts for text in group]
    owners = np.repeat(np.arange(len(parts)), [len(group) for group in parts])
    if not texts:
        return np.zeros(len(parts))
    part_vectors = vectors(texts)
    rows = sentences[owners]
    dots = pair_dots(zh, part_vectors, rows, np.arange(len(texts)))
    norms = row_norms(zh)[rows] * row_norms(part_vectors)
    cosines = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
    best = np.full(len(parts), -np.inf)
    np.maximum.at(best, owners, cosines)
    return best


def refine_boundaries(links: Sequence[Link], en: Sequence[str], zh_vectors: sparse.csr_matrix,
                      english_vectors: ClauseVectors, costs: LinkCosts, weight: float, marks: str) -> list[Link]:
    """The links after one sweep of boundary moves (see the module's docstring); each moved link's score is its
    cost under ``costs``, the others keep theirs."""
    links = list(links)
    moves = candidate_moves(links)
    if not moves or weight <= 0:
        return links
    old = costs(links)
    new = costs([link for move in moves for link in (move.before, move.after)]).reshape(-1, 2)
    delta = new.sum(axis=1) - np.array([old[move.boundary] + old[move.boundary + 1] for move in moves])
    hopeful = [k for k, move in enumerate(moves) if delta[k] < weight]  # the evidence is a cosine difference ≤ 1
    sentences = np.array([moves[k].sentence for k in hopeful], dtype=np.int64)
    before = _edge_cosines(zh_vectors, sentences, [edge_parts(en[links[moves[k].boundary].en[-1]], marks, True)
                                                   for k in hopeful], english_vectors)
    after = _edge_cosines(zh_vectors, sentences, [edge_parts(en[links[moves[k].boundary + 1].en[0]], marks, False)
                                                  for k in hopeful], english_vectors)
    gains: dict[int, tuple[float, int]] = {}
    for k, cos_before, cos_after in zip(hopeful, before, after):
        evidence = (cos_after - cos_before) if moves[k].forward else (cos_before - cos_after)
        gain = weight * evidence - delta[k]
        if gain > 0 and gain > gains.get(moves[k].boundary, (0.0, -1))[0]:
            gains[moves[k].boundary] = (gain, k)
    moved: set[int] = set()
    for boundary in sorted(gains):
        if boundary - 1 in moved:
            continue
        move = moves[gains[boundary][1]]
        links[boundary] = Link(move.before.zh, move.before.en, float(new[gains[boundary][1], 0]))
        links[boundary + 1] = Link(move.after.zh, move.after.en, float(new[gains[boundary][1], 1]))
        moved.add(boundary)
    return links
