"""English verb endings folded onto a base the bitext shows (corpus/align/inflections.py), and pronouns as
lexical evidence (the function-word lists of corpus/align)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus.align.aligner import default_settings, prepare
from corpus.align.inflections import fold_map, folded
from corpus.align.tokens import chinese_tokens, english_tokens

ENDINGS = default_settings().fold_endings
KEYS = st.text(alphabet="abelstnr", min_size=1, max_size=12)


def test_early_modern_endings_fold_onto_a_base_the_document_has():
    keys = ["blesseth", "knowest", "setteth", "giveth", "forest", "seth", "teeth", "honest"]
    known = {"bless", "know", "set", "give", "for", "s"}
    assert fold_map(keys, known, ENDINGS) == {"blesseth": "bless", "knowest": "know", "setteth": "set",
                                              "giveth": "give"}


def test_a_base_known_only_from_the_chinese_glosses_folds_too():
    prepared = prepare(["他祝福他们。"], ["And he blesseth them."], ENDINGS)
    assert prepared.folds == {"blesseth": "bless"}
    assert prepared.en_tokens == [[key for key in english_tokens("And he blessed them.")]]


def test_a_modern_text_folds_nothing():
    prepared = prepare(["那是最大的森林。", "他很诚实。"], ["It is the largest forest.", "He is honest."], ENDINGS)
    assert prepared.folds == {}


@given(st.lists(st.lists(KEYS, max_size=6), max_size=6), st.sets(KEYS, max_size=12))
def test_folding_keeps_every_key_and_is_idempotent(sentences, known):
    mapping = fold_map(sorted({key for tokens in sentences for key in tokens}), known, ENDINGS)
    once = folded(sentences, mapping)
    assert [len(tokens) for tokens in once] == [len(tokens) for tokens in sentences]
    assert folded(once, mapping) == once
    assert all(target in known and len(target) < len(key) for key, target in mapping.items())


def test_personal_pronouns_are_evidence_on_both_sides():
    # a speaker's "I" and "you" match 我 and 你: in dialogue they tell a reply from the question before it
    assert {"i", "you"} <= set(english_tokens("I will give you water."))
    assert {"我", "你"} <= set(chinese_tokens("我要给你水。"))
