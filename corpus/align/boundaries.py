"""Boundary refinement: a sentence at the edge of a link may belong to the neighbouring link.

The search compares whole sentences, so a short Chinese sentence that
translates one clause of a long English sentence (``于是把他赶出去了`` and "So
he drove out the man; and he placed …") costs about as much in either of two
neighbouring links, and the link-type priors and lengths pick one.  Where two
neighbouring pair links share such a boundary, the sentence is compared with
the English it would take on either side, cut at clause marks: the best
*suffix* of the last English sentence of the link before (the part a sentence
at the end of that link translates) and the best *prefix* of the first English
sentence of the link after.  Likewise a sentence the search left out (1-0/0-1)
beside a pair link is compared with that link's other side: a rare link type
and an unusual length (the second English sentence of a verse that gives a
count, ``共有四万六千五百名`` and "… were forty and six thousand and five
hundred.") can cost more than a skip although the words match.  A move is
accepted where

    Δ link cost < weight · evidence

with ``evidence`` the cosine gained by the move (cos(prefix after) −
cos(suffix before), each the best over the sentence's proper clause suffixes or
prefixes, or the other way round for a move backwards; for a merge,
the skipped sentence's cosine with the link's other side) and ``weight`` in the
units of a link's lexical cost: the evidence must outweigh what the document's
own cost model says the move costs.  Each boundary moves at most one sentence,
and a boundary next to one that moved is left as it is (one sweep: no move is
judged on a neighbour that another move changed).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
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
    links: tuple[Link, ...]  # what replaces the two: two links (a sentence shifted) or one (a skip merged)
    sentence: int  # the sentence that changes link: zh for a shift or a merged 1-0, en for a merged 0-1
    forward: bool  # from the link before to the link after


def clauses(sentence: str, marks: str) -> list[str]:
    """The sentence cut after each clause mark followed by a space (every piece keeps its mark)."""
    pattern = re.compile(f"(?<=[{re.escape(marks)}])\\s+")
    return [piece for piece in pattern.split(sentence) if piece.strip()]


def edge_parts(sentence: str, marks: str, suffixes: bool) -> list[str]:
    """Every proper suffix (or prefix) of the sentence made of whole clauses; the whole sentence only where it
    is one clause.  The whole of a sentence of several clauses is no evidence of where one of its clauses
    belongs: a long sentence would match a short one anywhere by its other clauses' words."""
    pieces = clauses(sentence, marks)
    if len(pieces) <= 1:
        return pieces
    if suffixes:
        return [" ".join(pieces[k:]) for k in range(1, len(pieces))]
    return [" ".join(pieces[:k + 1]) for k in range(len(pieces) - 1)]


def candidate_moves(links: Sequence[Link], types: Container[tuple[int, int]]) -> list[Move]:
    """Every move across a boundary between two links that leaves links of the given types: one zh sentence
    shifted between two pair links, or a 1-0/0-1 link merged into the pair link beside it."""
    moves = []
    for k in range(len(links) - 1):
        before, after = links[k], links[k + 1]
        if before.zh and before.en and after.zh and after.en:
            if len(before.zh) >= 2:
                moves.append(Move(k, (Link(before.zh[:-1], before.en), Link((before.zh[-1],) + after.zh, after.en)),
                                  before.zh[-1], True))
            if len(after.zh) >= 2:
                moves.append(Move(k, (Link(before.zh + (after.zh[0],), before.en), Link(after.zh[1:], after.en)),
                                  after.zh[0], False))
        elif bool(before.zh and before.en) != bool(after.zh and after.en) and (before.zh or before.en):
            merged = Link(before.zh + after.zh, before.en + after.en)
            skip = after if before.zh and before.en else before
            if (len(merged.zh), len(merged.en)) in types:
                moves.append(Move(k, (merged,), (skip.zh or skip.en)[0], skip is before))
    return [move for move in moves if all((len(link.zh), len(link.en)) in types for link in move.links)]


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
                      en_vectors: sparse.csr_matrix, english_vectors: ClauseVectors, costs: LinkCosts, weight: float,
                      marks: str, types: Container[tuple[int, int]]) -> list[Link]:
    """The links after one sweep of boundary moves (see the module's docstring); each new link's score is its
    cost under ``costs``, the others keep theirs."""
    links = list(links)
    moves = candidate_moves(links, types)
    if not moves or weight <= 0:
        return links
    old = costs(links)
    new = costs([link for move in moves for link in move.links])
    ends = np.cumsum([len(move.links) for move in moves])
    delta = np.add.reduceat(new, ends - [len(move.links) for move in moves]) - np.array(
        [old[move.boundary] + old[move.boundary + 1] for move in moves])
    hopeful = [k for k, move in enumerate(moves) if delta[k] < weight]  # the evidence is a cosine (difference) ≤ 1
    shifts = [k for k in hopeful if len(moves[k].links) == 2]
    merges = [k for k in hopeful if len(moves[k].links) == 1]
    evidence = np.zeros(len(moves))
    sentences = np.array([moves[k].sentence for k in shifts], dtype=np.int64)
    before = _edge_cosines(zh_vectors, sentences, [edge_parts(en[links[moves[k].boundary].en[-1]], marks, True)
                                                   for k in shifts], english_vectors)
    after = _edge_cosines(zh_vectors, sentences, [edge_parts(en[links[moves[k].boundary + 1].en[0]], marks, False)
                                                  for k in shifts], english_vectors)
    evidence[shifts] = np.where([moves[k].forward for k in shifts], after - before, before - after)
    evidence[merges] = [_merge_evidence(links, moves[k], zh_vectors, en_vectors) for k in merges]
    best: dict[int, tuple[float, int]] = {}
    for k in hopeful:
        gain = weight * evidence[k] - delta[k]
        if gain > 0 and gain > best.get(moves[k].boundary, (0.0, -1))[0]:
            best[moves[k].boundary] = (gain, k)
    scored = np.split(new, ends[:-1])
    refined: list[Link] = []
    k = 0
    while k < len(links):
        if k in best:  # the move at boundary k replaces links k and k + 1; boundary k + 1 is left as it is
            move = moves[best[k][1]]
            refined += [Link(link.zh, link.en, float(cost)) for link, cost in zip(move.links, scored[best[k][1]])]
            k += 2
        else:
            refined.append(links[k])
            k += 1
    return refined


def _merge_evidence(links: Sequence[Link], move: Move, zh: sparse.csr_matrix, en: sparse.csr_matrix) -> float:
    """The cosine of a skipped sentence with the other side of the pair link it would join."""
    pair = links[move.boundary + 1] if move.forward else links[move.boundary]
    skip = links[move.boundary] if move.forward else links[move.boundary + 1]
    sentence, other = (zh[list(skip.zh)], en[list(pair.en)]) if skip.zh else (en[list(skip.en)], zh[list(pair.zh)])
    side = sparse.csr_matrix(other.sum(axis=0))
    norms = float(row_norms(sentence)[0] * row_norms(side)[0])
    return float(sentence.multiply(side).sum()) / norms if norms > 0 else 0.0
