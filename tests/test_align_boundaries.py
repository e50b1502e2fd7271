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
TYPES = set(aligner.link_types(default_settings().longest))


@given(st.text(alphabet=st.sampled_from(list("ab ,;:?!.")), max_size=60))
def test_clauses_lose_no_text_and_each_keeps_its_mark(sentence):
    pieces = clauses(sentence, MARKS)
    assert "".join(pieces).replace(" ", "") == sentence.replace(" ", "")
    assert all(piece.strip() for piece in pieces)
    for piece in pieces[:-1]:
        assert piece.rstrip()[-1] in MARKS


@given(st.text(alphabet=st.sampled_from(list("ab ,;:.")), max_size=60))
def test_edge_parts_are_the_proper_suffixes_and_prefixes_of_whole_clauses(sentence):
    pieces = clauses(sentence, MARKS)
    suffixes, prefixes = edge_parts(sentence, MARKS, True), edge_parts(sentence, MARKS, False)
    assert len(suffixes) == len(prefixes) == max(len(pieces) - 1, min(len(pieces), 1))
    if len(pieces) == 1:
        assert suffixes == prefixes == pieces
    elif pieces:
        assert " ".join(pieces) not in suffixes + prefixes
        assert suffixes[0] == " ".join(pieces[1:]) and prefixes[-1] == " ".join(pieces[:-1])
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
    refined = refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of,
                                lambda some: rng.uniform(0, 5, len(some)), weight, MARKS, TYPES)
    assert [i for link in refined for i in link.zh] == list(range(n))
    assert [j for link in refined for j in link.en] == list(range(m))
    pairs = sum(1 for link in links if link.zh and link.en)
    assert sum(1 for link in refined if link.zh and link.en) == pairs  # a merge keeps the pair link
    assert len(links) - len(refined) == sum(1 for link in links if not (link.zh and link.en)) - sum(
        1 for link in refined if not (link.zh and link.en))  # only merged skips disappear


@given(pair_links())
def test_every_move_shifts_a_zh_sentence_between_pair_links_or_merges_a_skip_into_one(links):
    for move in candidate_moves(links, TYPES):
        before, after = links[move.boundary], links[move.boundary + 1]
        assert tuple(i for link in move.links for i in link.zh) == before.zh + after.zh
        assert tuple(j for link in move.links for j in link.en) == before.en + after.en
        assert all(link.zh and link.en and (len(link.zh), len(link.en)) in TYPES for link in move.links)
        if len(move.links) == 2:  # a shift: the English stays, one zh sentence changes link
            assert (move.links[0].en, move.links[1].en) == (before.en, after.en)
            assert move.sentence == (before.zh[-1] if move.forward else after.zh[0])
        else:  # a merge: exactly one of the two was a skip
            skip = before if move.forward else after
            assert not (skip.zh and skip.en) and move.sentence == (skip.zh or skip.en)[0]
            assert bool(before.zh and before.en) != bool(after.zh and after.en)


def _two_links() -> tuple[list[Link], list[str], sparse.csr_matrix]:
    """zh 1 ('gamma') ends the first link, but only the second en sentence's first clause says gamma."""
    links = [Link((0, 1), (0,), 1.0), Link((2,), (1,), 1.0)]
    en = ["alpha alpha, beta.", "gamma, delta delta."]
    zh = sparse.csr_matrix(np.array([[2, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 2]], dtype=float))
    return links, en, zh


def test_a_sentence_moves_to_the_link_whose_clause_it_translates():
    links, en, zh = _two_links()
    refined = refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, lambda some: np.zeros(len(some)), 1.0,
                                MARKS, TYPES)
    assert [(link.zh, link.en) for link in refined] == [((0,), (0,)), ((1, 2), (1,))]


def test_a_move_the_cost_model_objects_to_more_than_the_evidence_is_refused():
    links, en, zh = _two_links()

    def costs(some: Sequence[Link]) -> np.ndarray:  # the moved configuration costs 2 more than the path's
        return np.array([1.0 if link in links else 2.0 for link in (Link(x.zh, x.en, 1.0) for x in some)])

    assert refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 1.0, MARKS, TYPES) == links
    assert refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 0.0, MARKS, TYPES) == links
    moved = refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 10.0, MARKS, TYPES)
    assert [(link.zh, link.en, link.score) for link in moved] == [((0,), (0,), 2.0), ((1, 2), (1,), 2.0)]


def test_a_skipped_sentence_joins_the_link_whose_other_side_it_matches_if_that_outweighs_its_cost():
    links = [Link((0,), (0,), 1.0), Link((), (1,), 1.0), Link((1,), (2,), 1.0)]
    en = ["alpha.", "beta.", "delta."]
    zh = sparse.csr_matrix(np.array([[1, 1, 0, 0], [0, 0, 0, 1]], dtype=float))

    def costs(some: Sequence[Link]) -> np.ndarray:  # a 1-2 link costs 0.5 more than the 1-1 and the skip
        return np.array([2.5 if len(link.en) == 2 else 1.0 for link in some])

    merged = refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 1.0, MARKS, TYPES)
    assert [(link.zh, link.en, link.score) for link in merged] == [((0,), (0, 1), 2.5), ((1,), (2,), 1.0)]
    # cos(beta, alpha + beta) = 0.71: not worth 0.5 at weight 0.5
    assert refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 0.5, MARKS, TYPES) == links
    assert refine_boundaries(links, en, zh, _vectors_of(en), _vectors_of, costs, 1.0, MARKS, {(1, 1)}) == links


def test_refinement_runs_after_the_learned_passes_and_scores_what_it_moved_as_link_costs_does():
    every = load_gold()
    zh, en = [s for p in every for s in p.zh], [s for p in every for s in p.en]
    plain = aligner.search(zh, en, dataclasses.replace(default_settings(), boundary_weight=0.0))
    # evidence weighted far above the cost model: every move with clause evidence for it is taken
    refined = aligner.search(zh, en, dataclasses.replace(default_settings(), boundary_weight=100.0))
    assert {(link.zh, link.en) for link in refined.links} != {(link.zh, link.en) for link in plain.links}
    assert [i for link in refined.links for i in link.zh] == list(range(len(zh)))
    assert [j for link in refined.links for j in link.en] == list(range(len(en)))
    costs = aligner.link_costs(refined.text, refined.links, refined.model)
    assert costs.sum() > sum(link.score for link in plain.links)  # the DP's path is the cheapest under the model
    assert np.allclose(costs, [link.score for link in refined.links], atol=1e-4)
