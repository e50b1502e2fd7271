"""Boundary refinement (corpus/align/boundaries.py): clause cuts lose nothing, moves keep every sentence once
and in order, and a sentence moves exactly when the clause evidence outweighs the cost model's objection."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from corpus.align import aligner
from corpus.align.aligner import default_settings
from corpus.align.boundaries import candidate_moves, clauses, edge_parts, refine_boundaries
from corpus.align.gold import load_gold
from corpus.model import Link

MARKS = default_settings().clause_marks
WORDS = ["alpha", "beta", "gamma", "delta"]


@given(st.text(alphabet=st.sampled_from(list("ab ,;:?!.")), max_size=60))
def test_clauses_lose_no_text_and_each_keeps_its_mark(sentence):
    pieces = clauses(sentence, MARKS)
    assert "".join(pieces).replace(" ", "") == sentence.replace(" ", "")
    assert all(piece.strip() for piece in pieces)
    for piece in pieces[:-1]:
        assert piece.rstrip()[-1] in MARKS


@given(st.text(alphabet=st.sampled_from(list("ab ,;:.")), max_size=60))
def test_edge_parts_are_the_suffixes_and_prefixes_of_whole_clauses(sentence):
    pieces = clauses(sentence, MARKS)
    suffixes, prefixes = edge_parts(sentence, MARKS, True), edge_parts(sentence, MARKS, False)
    assert len(suffixes) == len(prefixes) == len(pieces)
    if pieces:
        assert suffixes[0] == prefixes[-1] == " ".join(pieces)
        assert suffixes[-1] == pieces[-1] and prefixes[0] == pieces[0]


@st.composite
def pair_links(draw) -> list[Link]:
    types = draw(st.lists(st.sampled_from([(1, 1), (2, 1), (1, 2), (3, 1), (2, 2), (1, 0), (0, 1)]), max_size=20))
    links, i, j = [], 0, 0
    for a, b in types:
        links.append(Link(tuple(range(i, i + a)), tuple(range(j, j + b)), 1.0))
        i, j = i + a, j + b
    return links


def _vectors_of(texts: Sequence[str]) -> sparse.csr_matrix:
    """Bag of the four test words."""
    return sparse.csr_matrix([[text.count(word) for word in WORDS] for text in texts], dtype=float)


@given(pair_links(), st.integers(0, 2**32 - 1), st.floats(0, 50))
def test_refinement_keeps_every_sentence_once_in_order_and_the_number_of_links(links, seed, weight):
    rng = np.random.default_rng(seed)
    n, m = sum(len(link.zh) for link in links), sum(len(link.en) for link in links)
    en = [" , ".join(rng.choice(WORDS, size=3)) for _ in range(m)]
    zh = sparse.csr_matrix(rng.integers(0, 2, size=(n, len(WORDS))).astype(float))
    refined = refine_boundaries(links, en, zh, _vectors_of, lambda some: rng.uniform(0, 5, len(some)), weight, MARKS)
    assert len(refined) == len(links)
    assert [i for link in refined for i in link.zh] == list(range(n))
    assert [j for link in refined for j in link.en] == list(range(m))
    assert [bool(link.zh and link.en) for link in refined] == [bool(link.zh and link.en) for link in links]


@given(pair_links())
def test_every_candidate_move_shifts_one_zh_sentence_between_two_pair_links(links):
    for move in candidate_moves(links):
        before, after = links[move.boundary], links[move.boundary + 1]
        assert move.before.zh + move.after.zh == before.zh + after.zh
        assert (move.before.en, move.after.en) == (before.en, after.en)
        assert move.before.zh and move.after.zh and move.before.en and move.after.en
        assert move.sentence == (before.zh[-1] if move.forward else after.zh[0])


def _two_links() -> tuple[list[Link], list[str], sparse.csr_matrix]:
    """zh 1 ('gamma') ends the first link, but only the second en sentence's first clause says gamma."""
    links = [Link((0, 1), (0,), 1.0), Link((2,), (1,), 1.0)]
    en = ["alpha alpha, beta.", "gamma, delta delta."]
    zh = sparse.csr_matrix(np.array([[2, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2]], dtype=float))
    return links, en, zh


def test_a_sentence_moves_to_the_link_whose_clause_it_translates():
    links, en, zh = _two_links()
    refined = refine_boundaries(links, en, zh, _vectors_of, lambda some: np.zeros(len(some)), 1.0, MARKS)
    assert [(link.zh, link.en) for link in refined] == [((0,), (0,)), ((1, 2), (1,))]


def test_a_move_the_cost_model_objects_to_more_than_the_evidence_is_refused():
    links, en, zh = _two_links()

    def costs(some: Sequence[Link]) -> np.ndarray:  # the moved configuration costs 2 more than the path's
        return np.array([1.0 if link in links else 2.0 for link in (Link(x.zh, x.en, 1.0) for x in some)])

    assert refine_boundaries(links, en, zh, _vectors_of, costs, 1.0, MARKS) == links
    assert refine_boundaries(links, en, zh, _vectors_of, costs, 0.0, MARKS) == links
    moved = refine_boundaries(links, en, zh, _vectors_of, costs, 10.0, MARKS)
    assert [(link.zh, link.en, link.score) for link in moved] == [((0,), (0,), 2.0), ((1, 2), (1,), 2.0)]


def test_refinement_runs_after_the_learned_passes_and_scores_what_it_moved_as_link_costs_does():
    every = load_gold()
    zh, en = [s for p in every for s in p.zh], [s for p in every for s in p.en]
    plain = aligner.search(zh, en, dataclasses.replace(default_settings(), boundary_weight=0.0))
    # evidence weighted far above the cost model: every move with clause evidence for it is taken
    refined = aligner.search(zh, en, dataclasses.replace(default_settings(), boundary_weight=100.0))
    moved = [k for k, (a, b) in enumerate(zip(plain.links, refined.links)) if (a.zh, a.en) != (b.zh, b.en)]
    assert moved and len(refined.links) == len(plain.links)
    costs = aligner.link_costs(refined.text, refined.links, refined.model)
    assert costs.sum() > sum(link.score for link in plain.links)  # the DP's path is the cheapest under the model
    assert np.allclose(costs, [link.score for link in refined.links], atol=1e-4)
