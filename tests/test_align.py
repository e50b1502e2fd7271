"""Sentence alignment: link format, evaluation, evidence, both aligners, documents and files."""
from __future__ import annotations

import dataclasses
import json

import jieba
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from corpus.align import (align_document, align_files, align_texts, construction_links, format_links,
                          gale_church_align, link_agreement, parse_links, score_alignments, split_english)
from corpus.align import aligner
from corpus.align.aligner import default_settings
from corpus.align.calibration import SKIP_BINS, Calibration, fit_calibration, fit_curve, reliability
from corpus.align.evaluate import disagreements, evaluation_report, exact_f1, recall_by_type, type_confusion
from corpus.align.dp import full_band
from corpus.align.endings import class_prefix, ending_class, ending_classes, inside_costs, inside_counts
from corpus.align.lexical import Space
from corpus.align.model1 import diagonal_prior, train_intersected, train_model1
from corpus.align.spans import SpanCosines, normalised, span_baselines, span_norms
from corpus.align.lexicon import ZH_FUNCTION_WORDS
from corpus.align.tokens import WORDLIKE, chinese_tokens, english_tokens
from corpus.align.gold import (CHECK_DIR, GOLD_DIR, LITERARY_DIR, SHORT_DIR, load_bible, load_bible_test,
                               load_gold)
from corpus.lang.numerals import zh_numeral
from corpus.align.numbers import en_number_spans, zh_number_spans
from corpus.model import Document, Link, Paragraph, Sentence


@st.composite
def link_sequences(draw) -> list[Link]:
    """A monotone, gap-free alignment: consecutive links over consecutive indices."""
    types = draw(st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3)]), max_size=30))
    links, i, j = [], 0, 0
    for zh_count, en_count in types:
        links.append(Link(tuple(range(i, i + zh_count)), tuple(range(j, j + en_count))))
        i, j = i + zh_count, j + en_count
    return links


def assert_covers_in_order(links: list[Link], n: int, m: int) -> None:
    assert [i for link in links for i in link.zh] == list(range(n))
    assert [j for link in links for j in link.en] == list(range(m))
    assert all(link.zh or link.en for link in links)


# --- the Vecalign text format ---------------------------------------------------------------

@given(link_sequences())
def test_format_then_parse_gives_the_links_back(links):
    assert parse_links(format_links(links)) == links


@given(link_sequences(), st.lists(st.floats(0, 1), min_size=30, max_size=30))
def test_scores_survive_the_round_trip_to_six_decimals(links, scores):
    scored = [Link(link.zh, link.en, score) for link, score in zip(links, scores)]
    for before, after in zip(scored, parse_links(format_links(scored, with_scores=True))):
        assert (after.zh, after.en) == (before.zh, before.en)
        assert after.score == pytest.approx(before.score, abs=1e-6)


def test_format_is_vecalign_python_lists_and_compact_form_parses():
    assert format_links([Link((0, 1), (2,)), Link((3,), ())]) == "[0, 1]:[2]\n[3]:[]\n"
    assert parse_links("[0,1]:[2]\n\n[]:[3]:0.25\n") == [Link((0, 1), (2,)), Link((), (3,), 0.25)]
    with pytest.raises(ValueError, match="line 1"):
        parse_links("0:1\n")


# --- evaluation -----------------------------------------------------------------------------

@given(link_sequences())
def test_an_alignment_scores_perfectly_against_itself(links):
    scores = score_alignments([links], [links])
    if any(link.zh and link.en for link in links):
        assert scores.strict_f1 == scores.lax_f1 == 1.0


@given(link_sequences(), link_sequences())
def test_lax_scores_are_never_below_strict(gold, test):
    scores = score_alignments([gold], [test])
    assert scores.lax_precision >= scores.strict_precision
    assert scores.lax_recall >= scores.strict_recall


def test_strict_and_lax_on_a_merged_prediction():
    gold = [Link((0,), (0,)), Link((1,), (1,)), Link((2,), ())]
    test = [Link((0, 1), (0, 1)), Link((2,), ())]
    scores = score_alignments([gold], [test])
    # precision: the 2-2 overlaps gold links (lax only), the deletion matches exactly
    assert (scores.strict_precision, scores.lax_precision) == (0.5, 1.0)
    # recall ignores the gold deletion; both gold 1-1 links overlap the predicted 2-2
    assert (scores.strict_recall, scores.lax_recall) == (0.0, 1.0)


def test_a_deletion_never_matches_laxly():
    scores = score_alignments([[Link((0,), (0,))]], [[Link((0,), ()), Link((), (0,))]])
    assert scores.lax_precision == 0.0


def test_type_confusion_says_what_each_gold_link_became():
    gold = [Link((0,), (0,)), Link((1, 2), (1,)), Link((3,), ())]
    test = [Link((0,), (0,)), Link((1,), (1,)), Link((2, 3), ())]
    confusion = type_confusion([gold], [test])
    assert confusion == {"1-1": {"exact": 1}, "2-1": {"1-1": 1}, "1-0": {"2-0": 1}}
    report = evaluation_report([gold], [test])
    assert "strict" in report and "2-1" in report and "1-1:1" in report


def test_recall_by_type_counts_deletions_and_insertions_that_vecalign_recall_skips():
    gold = [Link((0,), (0,)), Link((1,), ()), Link((), (1,)), Link((2, 3), (2,))]
    test = [Link((0,), (0,)), Link((1,), (1,)), Link((2, 3), (2,))]
    assert recall_by_type([gold], [test]) == {"1-1": (1, 1), "1-0": (0, 1), "0-1": (0, 1), "2-1": (1, 1)}
    assert recall_by_type([gold], [gold])["1-0"] == (1, 1)


def test_disagreements_are_the_stretches_between_shared_points_where_the_paths_differ():
    gold = [Link((0,), (0,)), Link((1, 2), (1, 2)), Link((3,), (3,)), Link((4, 5), (4,))]
    test = [Link((0,), (0,)), Link((1,), (1,)), Link((2,), (2,)), Link((3,), (3,)), Link((4,), (4,)),
            Link((5,), ())]
    assert disagreements(test, gold) == [([Link((1,), (1,)), Link((2,), (2,))], [Link((1, 2), (1, 2))]),
                                         ([Link((4,), (4,)), Link((5,), ())], [Link((4, 5), (4,))])]
    with pytest.raises(ValueError, match="same sentences"):
        disagreements(test[:-1], gold)
    with pytest.raises(ValueError, match="does not continue"):
        disagreements([Link((1,), (0,))], [Link((0,), (0,))])


def _merged_neighbours(links: list[Link], merges: list[bool]) -> list[Link]:
    """The path with each link whose flag is set joined to the one after it: another path over the same
    sentences."""
    merged: list[Link] = []
    join = False
    for link, merge in zip(links, merges + [False] * len(links)):
        if join:
            merged[-1] = Link(merged[-1].zh + link.zh, merged[-1].en + link.en)
        else:
            merged.append(link)
        join = merge
    return merged


def _spans(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return sorted((link.zh, link.en) for link in links)


@given(link_sequences(), st.lists(st.booleans(), max_size=30))
def test_disagreements_hold_every_link_the_paths_do_not_share_and_nothing_else(links, merges):
    other = _merged_neighbours(links, merges)
    stretches = disagreements(links, other)
    assert disagreements(links, links) == [] and disagreements(other, other) == []
    assert disagreements(other, links) == [(theirs, ours) for ours, theirs in stretches]
    shared = set(_spans(links)) & set(_spans(other))
    assert _spans([link for ours, _ in stretches for link in ours]) == [s for s in _spans(links) if s not in shared]
    assert _spans([link for _, theirs in stretches for link in theirs]) == [
        s for s in _spans(other) if s not in shared]
    for ours, theirs in stretches:  # each stretch covers the same sentences on both paths
        assert sorted(i for link in ours for i in link.zh) == sorted(i for link in theirs for i in link.zh)
        assert sorted(j for link in ours for j in link.en) == sorted(j for link in theirs for j in link.en)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_gold_set_has_insertions_and_deletions_in_both_splits(split):
    kinds = [link.type for passage in load_gold(split=split) for link in passage.links]
    assert kinds.count("1-0") >= 3 and kinds.count("0-1") >= 3


def test_exact_f1_counts_a_missed_deletion_that_strict_recall_ignores():
    gold = [Link((0,), (0,)), Link((1,), ()), Link((2,), (1,))]
    merged = [Link((0,), (0,)), Link((1, 2), (1,))]
    assert score_alignments([gold], [merged]).strict_recall == 0.5
    assert exact_f1([gold], [merged]) == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert exact_f1([gold], [gold]) == 1.0


# --- evidence --------------------------------------------------------------------------------

@pytest.mark.parametrize("zh, en", [
    ("1.75万亿", "1.75 trillion"), ("5000万", "50 million"), ("70%", "70 percent"), ("二十", "twenty"),
    ("3 万张", "30,000 cards"), ("2018 年 7 月", "July 2018"),
])
def test_chinese_and_english_numbers_get_the_same_keys(zh, en):
    assert {key for *_, key in zh_number_spans(zh)} == {key for *_, key in en_number_spans(en)}


@given(st.integers(1, 99_999), st.sampled_from([("万", 10**4, "thousand", 1000), ("亿", 10**8, "million", 10**6)]))
def test_scaled_arabic_numbers_agree_across_languages(count, scale):
    zh_unit, zh_factor, en_unit, en_factor = scale
    value = count * zh_factor
    if value % en_factor:
        english = f"{value:,}"
    else:
        english = f"{value // en_factor:,} {en_unit}"
    assert [key for *_, key in zh_number_spans(f"{count}{zh_unit}")] == [key for *_, key in en_number_spans(english)]


@pytest.mark.parametrize("zh, en", [
    ("共有四万六千五百名", "were forty and six thousand and five hundred"),
    ("九百六十九岁", "nine hundred sixty and nine years"), ("一百二十年", "an hundred and twenty years"),
    ("二十一", "twenty-one"), ("二千六百三十", "two thousand and six hundred and thirty"),
    ("十五万七千六百", "an hundred thousand and fifty and seven thousand and six hundred"),
])
def test_numbers_spelt_out_in_english_words_are_read_whole(zh, en):
    assert [key for *_, key in zh_number_spans(zh)] == [key for *_, key in en_number_spans(en)]


@pytest.mark.parametrize("en, keys", [
    ("two and three", ["num:2", "num:3"]), ("one two", ["num:1", "num:2"]), ("a man", []),
    ("5 million and 300 thousand", ["num:5000000", "num:300000"]), ("ten thousand thousand", ["num:10000", "num:1000"]),
])
def test_english_number_words_join_only_while_each_term_is_smaller(en, keys):
    assert [key for *_, key in en_number_spans(en)] == keys


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spelt(n: int, archaic: bool) -> str:
    """n (1 ≤ n < 10⁶) in words, as today ("forty-six") or as the King James Bible ("six and forty")."""
    if n >= 1000:
        rest = n % 1000
        return _spelt(n // 1000, archaic) + " thousand" + (" and " + _spelt(rest, archaic) if rest else "")
    if n >= 100:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + (" and " + _spelt(rest, archaic) if rest else "")
    if n < 20 or not n % 10:
        return _ONES[n] if n < 20 else _TENS[n // 10]
    return f"{_TENS[n // 10]} and {_ONES[n % 10]}" if archaic else f"{_TENS[n // 10]}-{_ONES[n % 10]}"


@given(st.integers(1, 999_999), st.booleans())
def test_any_number_spelt_out_in_words_reads_back_as_one_span(n, archaic):
    text = f"were {_spelt(n, archaic)}."
    assert [(text[start:end], key) for start, end, key in en_number_spans(text)] == [(text[5:-1], f"num:{n}")]


@given(st.lists(st.sampled_from(["one", "two", "hundred", "thousand", "and", "a", " ", "-", ",", "5", "x"]))
       .map("".join))
def test_number_spans_never_overlap_and_lie_inside_the_text(text):
    spans = en_number_spans(text)
    assert all(0 <= start < end <= len(text) for start, end, _ in spans)
    assert all(spans[k][1] <= spans[k + 1][0] for k in range(len(spans) - 1))


def test_chinese_numerals_in_characters():
    assert [zh_numeral(t) for t in ("二十", "三千五百万", "十五", "两百", "一二")] == [20, 35_000_000, 15, 200, None]


@pytest.mark.parametrize("zh, en", [
    ("起初神创造天地。", "In the beginning God created the heaven and the earth."),
    ("GPT-3 和 OpenAI 在 2020 年发布。", "GPT3 and OpenAI came out in 2020."),
    ("智源研究院在北京", "the institute in Beijing"),
])
def test_a_translation_is_closer_than_an_unrelated_sentence(zh, en):
    unrelated = "Stock prices fell sharply on Monday."
    space = Space([english_tokens(en), english_tokens(unrelated)])
    chinese = space.chinese([chinese_tokens(zh)])
    english = space.english([english_tokens(en), english_tokens(unrelated)])
    dots = (chinese @ english.T).toarray()[0]
    assert dots[0] > 0 and dots[1] == 0


def test_function_words_and_punctuation_are_not_tokens():
    assert english_tokens("the of and to in") == []
    assert chinese_tokens("的了是在。，") == []
    assert "num:20" in chinese_tokens("二十个人") and "num:20" in english_tokens("twenty people")


def test_a_compound_brings_the_dictionary_words_inside_it():
    tokens = chinese_tokens("他的工作室只有四坪大。")
    assert "工作室" in tokens and "工作" in tokens  # the word and its part: "studio" or "work" meets either


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="工作室人民共和国中华的了亚伯拉罕说，。", max_size=20))
def test_every_word_of_the_plain_segmentation_is_a_token(sentence):
    plain = [word for word in jieba.lcut(sentence, HMM=False)
             if word.strip() and WORDLIKE.search(word) and word not in ZH_FUNCTION_WORDS]
    tokens = chinese_tokens(sentence)
    assert all(word in tokens for word in plain)  # search mode adds parts, it loses no word


def test_model1_learns_word_translations_from_sentence_pairs():
    pairs = [(["猫", "睡"], ["cat", "sleep"]), (["猫", "吃"], ["cat", "eat"]), (["狗", "吃"], ["dog", "eat"]),
             (["狗", "睡"], ["dog", "sleep"])]
    table = train_model1(pairs)
    assert table["猫"][0][0] == "cat" and table["狗"][0][0] == "dog" and table["吃"][0][0] == "eat"
    assert all(0 < p <= 1 for translations in table.values() for _, p in translations)


def test_the_intersected_lexicon_drops_a_frequent_word_that_only_one_direction_gives():
    animals = [("猫", "cat"), ("狗", "dog"), ("鸟", "bird"), ("马", "horse"), ("牛", "ox"), ("羊", "sheep"),
               ("鱼", "fish"), ("鸡", "hen")]
    pairs = [([zh], [en, "said"]) for zh, en in animals] + [(["说"], ["said"])] * 4
    one_way, both_ways = train_model1(pairs), train_intersected(pairs)
    assert "said" in dict(one_way["猫"])  # zh -> en: every animal explains a little of "said"
    assert dict(both_ways["猫"]) == {"cat": dict(one_way["猫"])["cat"]}  # en -> zh: "said" is 说's
    assert both_ways["说"][0][0] == "said"


word_pairs = st.lists(st.tuples(st.lists(st.sampled_from("甲乙丙丁戊"), min_size=1, max_size=4),
                                st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=1, max_size=4)),
                      max_size=12)


@given(word_pairs)
def test_the_intersected_lexicon_is_the_forward_lexicon_cut_to_pairs_learned_both_ways(pairs):
    forward, backward = train_model1(pairs, 4.0, 0.08), train_model1([(en, zh) for zh, en in pairs], 4.0, 0.08)
    both_ways = train_intersected(pairs, 4.0, 0.08)
    for zh, translations in both_ways.items():
        assert translations and set(translations) <= set(forward[zh])
        assert all(zh in dict(backward[en]) for en, _ in translations)
    for zh, translations in forward.items():
        kept = [(en, p) for en, p in translations if zh in dict(backward.get(en, []))]
        assert both_ways.get(zh, []) == kept


def test_the_diagonal_prior_breaks_ties_that_plain_model1_cannot():
    pairs = [(["甲", "乙"], ["alpha", "beta"])] * 3  # word order alone says 甲 = alpha
    plain = dict(train_model1(pairs)["甲"])
    diagonal = dict(train_model1(pairs, tension=4.0, null=0.08)["甲"])
    assert plain["alpha"] == pytest.approx(plain["beta"])
    assert diagonal["alpha"] > 0.6 > diagonal.get("beta", 0.0)


@given(st.integers(1, 30), st.integers(1, 30), st.floats(0.1, 20), st.floats(0.01, 0.5))
def test_the_diagonal_prior_is_a_distribution_over_positions_and_null(given_words, generated, tension, null):
    prior = diagonal_prior(given_words, generated, tension, null).reshape(generated, given_words + 1)
    assert np.allclose(prior.sum(axis=1), 1.0) and np.allclose(prior[:, 0], null) and (prior > 0).all()


def sentence_vectors(n: int, m: int, seed: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Random sparse zh and en sentence vectors over five keys, about half of them zero."""
    rng = np.random.default_rng(seed)
    zh = sparse.csr_matrix(rng.random((n, 5)) * (rng.random((n, 5)) < 0.5))
    en = sparse.csr_matrix(rng.random((m, 5)) * (rng.random((m, 5)) < 0.5))
    return zh, en


def cosine_of(x: np.ndarray, y: np.ndarray) -> float:
    norm = np.linalg.norm(x) * np.linalg.norm(y)
    return float(x @ y / norm) if norm else 0.0


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 2**32 - 1))
def test_span_cosines_equal_the_cosines_of_summed_vectors(n, m, seed):
    zh, en = sentence_vectors(n, m, seed)
    band = full_band(n, m)
    columns = band.columns()
    for b, cosines in SpanCosines(zh, en, band, 3).by_en_count():
        for a, cosine in enumerate(cosines, start=1):
            for i in range(a, n + 1):
                for d, j in enumerate(columns[i]):
                    if b <= j <= m:
                        x = np.asarray(zh[i - a:i].sum(axis=0)).ravel()
                        y = np.asarray(en[j - b:j].sum(axis=0)).ravel()
                        assert cosine[i, d] == pytest.approx(cosine_of(x, y), abs=1e-5)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10), st.integers(1, 10), st.integers(0, 2**32 - 1))
def test_span_baselines_are_the_mean_cosines_with_the_other_sides_sentences(n, m, seed):
    zh, en = sentence_vectors(n, m, seed)
    text = aligner.with_vectors(np.arange(n + 1.0), np.arange(m + 1.0), zh, en)
    baselines = span_baselines(text.zh_towards, span_norms(zh, 3))
    for a in range(1, 4):
        for i in range(a, n + 1):
            x = zh[i - a:i].toarray().sum(axis=0)
            assert baselines[a, i] == pytest.approx(np.mean([cosine_of(x, y) for y in en.toarray()]), abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 10), st.integers(1, 10), st.integers(0, 2**32 - 1))
def test_neighbour_gains_say_how_much_closer_an_end_sentence_is_to_the_next_en_sentence(n, m, seed):
    zh, en = sentence_vectors(n, m, seed)
    dense_zh, dense_en = zh.toarray(), en.toarray()
    text = aligner.with_vectors(np.arange(n + 1.0), np.arange(m + 1.0), zh, en)
    band = full_band(n, m)
    gains = SpanCosines(zh, en, band, 3).neighbour_gains()
    assert set(gains) == {(2, 1), (3, 1)}

    def closer(x: int, y: int, own: int) -> float:  # zh x closer to en y than to en own (0 if y is no sentence)
        return max(cosine_of(dense_zh[x], dense_en[y]) - cosine_of(dense_zh[x], dense_en[own]), 0) if 0 <= y < m else 0

    for (a, _), gain in gains.items():
        for i in range(a, n + 1):
            for j in range(1, m + 1):  # the link zh i-a .. i-1 with en j-1
                expected = max(closer(i - a, j - 2, j - 1), closer(i - 1, j, j - 1))
                assert gain[i, j] == pytest.approx(expected, abs=1e-5)
                from_links = aligner._neighbour_gains(text, np.array([i - a]), np.array([i - 1]), np.array([j - 1]))
                assert from_links[0] == pytest.approx(expected, abs=1e-5)


def test_the_learned_pass_scores_its_path_as_link_costs_does():
    every = load_gold()
    zh, en = [s for p in every for s in p.zh], [s for p in every for s in p.en]
    result = aligner.search(zh, en, default_settings())
    assert result.model.neighbour_weight > 0  # a learned pass: the neighbour evidence is on
    assert result.model.inside_costs is not None  # and so is the evidence of line endings
    costs = aligner.link_costs(result.text, result.links, result.model)
    assert costs == pytest.approx([link.score for link in result.links], abs=1e-4)
    without = aligner.link_costs(result.text, result.links, dataclasses.replace(result.model, neighbour_weight=0.0))
    many_to_one = [k for k, link in enumerate(result.links) if len(link.zh) >= 2 and len(link.en) == 1]
    assert many_to_one and np.all(costs >= without - 1e-9)
    assert np.all(costs[[k for k in range(len(costs)) if k not in many_to_one]]
                  == without[[k for k in range(len(costs)) if k not in many_to_one]])


def test_a_line_ends_in_its_last_mark_or_in_a_word():
    lines = ["神称光为昼，", "有晚上，有早晨，这是头一日。", "他说：“走吧。”", "and it was so:", "Is it?",
             "(Genesis 1)", "The end.)", "等等……", "你要到哪里去？"]
    assert [ending_class(line) for line in lines] == ["，", "。", "。", ":", "?", "", ".", "…", "？"]
    classes = ending_classes(lines)
    assert classes[1] == classes[2] and classes[0] != classes[1] and sorted(set(classes)) == list(range(8))


@given(st.lists(st.integers(0, 4), min_size=1, max_size=30), st.data())
def test_inside_counts_by_class_add_up_to_the_lines_inside_a_link(classes, data):
    start = data.draw(st.integers(0, len(classes)))
    end = data.draw(st.integers(start, len(classes)))
    counts = inside_counts(class_prefix(np.array(classes)), np.array([start]), np.array([end]))[0]
    assert counts.sum() == max(end - start - 1, 0)
    assert counts.tolist() == [classes[start:max(end - 1, start)].count(c) for c in range(max(classes) + 1)]


@given(st.lists(st.booleans(), min_size=1, max_size=30), st.data())
def test_inside_counts_count_the_flagged_lines_of_a_link_but_its_last(flags, data):
    start = data.draw(st.integers(0, len(flags)))
    end = data.draw(st.integers(start, len(flags)))
    prefix = np.concatenate(([0], np.cumsum(flags)))
    assert inside_counts(prefix, np.array([start]), np.array([end]))[0] == sum(flags[start:max(end - 1, start)])


def test_open_lines_inside_links_cost_what_the_previous_pass_says_they_do():
    open_flags = np.array([True, False] * 20)  # every other zh line open; English all closed
    ends_links = [Link((i, i + 1), (i // 2,)) for i in range(0, 40, 2)]  # open lines only inside links
    zh_costs, en_costs = inside_costs(ends_links, open_flags, np.zeros(20, dtype=bool))
    assert zh_costs[1] < 0 < zh_costs[0]  # here an open line is inside: no penalty for it, one for a closed one
    assert en_costs[0] == pytest.approx(0.0, abs=0.05)  # no English line inside any link: nothing learned
    flipped, _ = inside_costs([Link((i + 1, i + 2), (i // 2,)) for i in range(0, 38, 2)], open_flags,
                              np.zeros(20, dtype=bool))
    assert flipped[1] > 0 > flipped[0]


def test_a_question_answered_inside_a_link_costs_less_there_than_a_statement():
    classes = np.array([0, 1] * 20)  # 0: a statement, 1: a question, whose answer is in the same link
    links = [Link((i, i + 1, i + 2), (i // 2,)) for i in range(0, 40, 3) if i + 2 < 40]
    zh_costs, _ = inside_costs(links, classes, np.zeros(20, dtype=np.int64))
    assert zh_costs[1] < zh_costs[0]
    seldom = np.array([0] * 39 + [2])  # a class of one line, never inside a link: little evidence either way
    costs, _ = inside_costs([Link((i,), (i // 2,)) for i in range(40)], seldom, np.zeros(20, dtype=np.int64))
    assert abs(costs[2]) < 0.5


@given(st.floats(-1, 1), st.floats(-1, 1), st.floats(0, 0.9), st.floats(0, 0.9))
def test_a_span_close_to_everything_needs_a_closer_counterpart(cosine, other, zh_baseline, en_baseline):
    as_array = np.array([cosine, other])
    assert normalised(as_array, np.zeros(2), np.zeros(2)) == pytest.approx(as_array)  # no hubness: unchanged
    plain = normalised(as_array, np.full(2, zh_baseline), np.zeros(2))
    hub = normalised(as_array, np.full(2, zh_baseline), np.full(2, en_baseline))
    assert np.all(hub <= plain + 1e-12)  # a higher baseline never makes a link cheaper
    assert (plain[0] - plain[1]) * (cosine - other) >= 0  # the order of cosines is kept


def test_a_passage_too_short_to_learn_from_keeps_the_first_pass():
    settings_ = default_settings()
    short = load_gold(split="test")[0]
    assert len(short.links) < settings_.min_learning_links
    assert align_texts(short.zh, short.en) == align_texts(short.zh, short.en, learn=False)
    every = load_gold()
    zh, en = [s for p in every for s in p.zh], [s for p in every for s in p.en]
    first = aligner.align_costs(zh, en, learn=False)
    assert aligner.learns_from(first, settings_)
    assert not aligner.learns_from(first, dataclasses.replace(settings_, min_learning_links=len(first) + 1))


# --- aligners --------------------------------------------------------------------------------

zh_sentences = st.lists(st.text(alphabet="我们研究智源北京模型数据算力年轻人。，", min_size=1, max_size=40),
                        max_size=25)
en_sentences = st.lists(st.text(alphabet="abcdefghij ,.", min_size=1, max_size=120), max_size=25)


@settings(max_examples=40, deadline=None)
@given(zh_sentences, en_sentences)
def test_both_aligners_cover_every_sentence_once_in_order(zh, en):
    for align in (align_texts, gale_church_align):
        links = align(zh, en)
        assert_covers_in_order(links, len(zh), len(en))
        assert all(0.0 <= link.score <= 1.0 for link in links)


def test_baseline_uses_only_the_classic_link_types():
    for passage in load_gold():
        assert {link.type for link in gale_church_align(passage.zh, passage.en)} <= {
            "1-1",
            "1-0",
            "0-1",
            "2-1",
            "1-2",
            "2-2",
        }


def test_ours_beats_gale_church_on_the_held_out_gold():
    for test in (load_gold(split="test"), load_gold(LITERARY_DIR)):
        gold = [passage.links for passage in test]
        ours = score_alignments(gold, [align_texts(p.zh, p.en) for p in test])
        baseline = score_alignments(gold, [gale_church_align(p.zh, p.en) for p in test])
        assert ours.strict_f1 >= 0.85
        assert ours.strict_f1 > baseline.strict_f1
        assert ours.lax_f1 >= baseline.lax_f1


def test_free_translation_gets_links_longer_than_three_sentences():
    passage = load_gold(LITERARY_DIR)[0]
    found = {(link.zh, link.en) for link in align_texts(passage.zh, passage.en)}
    long_links = [link for link in passage.links if len(link.en) >= 4]
    assert long_links and any((link.zh, link.en) in found for link in long_links)


def test_ours_finds_insertions_and_deletions_on_dev():
    dev = load_gold(split="dev")
    gold = [passage.links for passage in dev]
    ours = recall_by_type(gold, [align_texts(p.zh, p.en) for p in dev])
    assert ours["1-0"][0] + ours["0-1"][0] >= 4


def test_lexical_evidence_is_what_lifts_ours_above_its_length_model():
    test = load_gold() + load_gold(LITERARY_DIR)
    gold = [passage.links for passage in test]
    no_lexicon = dataclasses.replace(default_settings(), lexical_weight=0.0)
    with_lexicon = score_alignments(gold, [align_texts(p.zh, p.en) for p in test])
    without = score_alignments(gold, [align_texts(p.zh, p.en, settings=no_lexicon, learn=False) for p in test])
    assert with_lexicon.strict_f1 > without.strict_f1


def test_the_coarse_to_fine_search_finds_the_path_of_the_full_matrix(monkeypatch):
    gold = load_gold() * 2  # 302 zh sentences: searched through one coarser level
    zh = [s for p in gold for s in p.zh]
    en = [s for p in gold for s in p.en]
    assert len(aligner._levels(len(zh), len(en))) > 1
    banded = align_texts(zh, en)
    monkeypatch.setattr(aligner, "COARSEST", 10**9)
    assert len(aligner._levels(len(zh), len(en))) == 1
    assert align_texts(zh, en) == banded


def test_the_baseline_band_widens_when_the_path_leaves_the_diagonal(monkeypatch):
    passage = load_gold()[1]
    zh = ["这一句没有翻译。"] * 40 + passage.zh  # the true path starts far from the equal-length diagonal
    adaptive = gale_church_align(zh, passage.en)
    assert_covers_in_order(adaptive, len(zh), len(passage.en))
    monkeypatch.setattr(aligner, "LENGTH_ONLY_BAND", len(zh))
    assert gale_church_align(zh, passage.en) == adaptive


def test_link_scores_are_probabilities_higher_for_right_links():
    right, wrong = [], []
    for passage in load_gold():
        gold = {(link.zh, link.en) for link in passage.links}
        for link in align_texts(passage.zh, passage.en):
            (right if (link.zh, link.en) in gold else wrong).append(link.score)
    assert all(0.0 <= p <= 1.0 for p in right + wrong)
    assert np.mean(right) > 0.7 and np.mean(right) > np.mean(wrong)


@pytest.mark.skipif(load_bible("001") is None, reason="the shared Bible gold (../shared/align-dev) is absent")
def test_ours_beats_gale_church_on_a_bible_prefix():
    bible = load_bible("001")
    links = [link for link in bible.links if link.zh and link.zh[-1] < 1200 and (not link.en or link.en[-1] < 2000)]
    n, m = links[-1].zh[-1] + 1, max(j for link in links for j in link.en) + 1
    ours = score_alignments([links], [align_texts(bible.zh[:n], bible.en[:m])]).strict_f1
    baseline = score_alignments([links], [gale_church_align(bible.zh[:n], bible.en[:m])]).strict_f1
    assert ours > baseline and ours > 0.8


@pytest.mark.skipif(load_bible("006") is None, reason="the shared Bible gold (../shared/align-dev) is absent")
def test_the_test_bible_is_a_whole_window_of_bible_006_after_the_dev_prefix():
    test, whole = load_bible_test(), load_bible("006")
    assert_covers_in_order(test.links, len(test.zh), len(test.en))
    assert test.en == whole.en[5000:10000] and test.split == "test"
    offset = whole.zh.index(test.zh[0], len(load_bible("001").zh))  # after the dev prefix
    assert test.zh == whole.zh[offset:offset + len(test.zh)]


@pytest.mark.skipif(load_bible("001") is None, reason="the shared Bible gold (../shared/align-dev) is absent")
def test_each_book_of_bible_001_begins_where_its_first_verse_is_and_where_a_gold_link_begins():
    """``bench_align.py --books`` cuts bible/001 at these lines: each must be its book's first verse, start a gold
    link (no verse spans two books) and follow the book before."""
    books = json.loads((aligner.SETTINGS_FILE.parent / "bible_books.json").read_text(encoding="utf-8"))["books"]
    bible = load_bible("001")
    starts = [book["line"] for book in books]
    assert starts[0] == 0 and starts == sorted(set(starts)) and starts[-1] < len(bible.en)
    assert all(bible.en[book["line"]].startswith(book["opens"]) for book in books)
    assert set(starts) <= {link.en[0] for link in bible.links if link.en}


def test_links_of_an_untranslated_document_are_scored_as_deletions():
    scored = aligner.score_links(["一。", "二。"], [], [Link((0,), ()), Link((1,), ())])
    assert [(link.zh, link.en) for link in scored] == [((0,), ()), ((1,), ())]
    assert all(0.0 <= link.score <= 1.0 for link in scored)


def test_empty_sides_become_deletions_and_insertions():
    assert [(link.zh, link.en) for link in align_texts(["一。", "二。"], [])] == [((0,), ()), ((1,), ())]
    assert [(link.zh, link.en) for link in gale_church_align([], ["One."])] == [((), (0,))]


# --- documents -----------------------------------------------------------------------------

def document_from_gold() -> tuple[Document, list[Link]]:
    """A translated Document whose zh sentences carry their en segments (gold 1-1 and 1-n links only)."""
    sentences, expected = [], []
    en_index = 0
    for passage in load_gold(split="dev"):
        for link in passage.links:
            if len(link.zh) != 1:
                continue
            segments = [passage.en[j] for j in link.en]
            sentences.append(Sentence(id=f"d.p000.s{len(sentences):02d}", doc_id="d", paragraph=0,
                                      index=len(sentences), zh=passage.zh[link.zh[0]], en_segments=segments))
            expected.append(Link((len(expected),), tuple(range(en_index, en_index + len(segments)))))
            en_index += len(segments)
    return Document("d", "d.txt", paragraphs=[Paragraph(0, "paragraph", "", sentences=sentences)]), expected


def test_construction_links_follow_the_en_segments():
    document, expected = document_from_gold()
    links = construction_links(document)
    assert [(link.zh, link.en) for link in links] == [(link.zh, link.en) for link in expected]
    assert all(0.0 < link.score <= 1.0 for link in links)


def test_the_aligner_mostly_agrees_with_construction():
    document, expected = document_from_gold()
    assert score_alignments([expected], [align_document(document)]).strict_f1 >= 0.9
    assert link_agreement([document]).strict_f1 >= 0.9


# --- files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("baseline", [False, True])
def test_align_files_sentence_per_line(tmp_path, baseline):
    passage = load_gold()[0]
    (tmp_path / "zh.txt").write_text("\n".join(passage.zh) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(passage.en) + "\n", encoding="utf-8")
    links = parse_links(align_files(tmp_path / "zh.txt", tmp_path / "en.txt", baseline=baseline))
    assert_covers_in_order(links, len(passage.zh), len(passage.en))
    if not baseline:
        assert [(link.zh, link.en) for link in links] == [(link.zh, link.en) for link in passage.links]


def test_align_files_with_paragraphs_splits_both_sides(tmp_path):
    passage = load_gold(split="dev")[2]  # p8: ten sentences over two paragraphs
    (tmp_path / "zh.txt").write_text("".join(passage.zh[:6]) + "\n\n" + "".join(passage.zh[6:]), encoding="utf-8")
    (tmp_path / "en.txt").write_text(" ".join(passage.en), encoding="utf-8")
    links = parse_links(align_files(tmp_path / "zh.txt", tmp_path / "en.txt", paragraphs=True))
    assert_covers_in_order(links, len(passage.zh), len(passage.en))
    assert score_alignments([passage.links], [links]).strict_f1 >= 0.8


@given(st.lists(st.sampled_from(["Mr. Li arrived.", "He paid 3.5 million yuan!", "Why?", "See No. 5 today.",
                                 "It works, e.g. here.", "\u201cQuoted.\u201d", "lower case."]), max_size=8))
def test_english_splitter_loses_nothing_and_keeps_abbreviations(sentences):
    text = " ".join(sentences)
    pieces = split_english(text)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert not any(piece.endswith(("Mr.", "No.", "e.g.")) for piece in pieces)


# --- calibration ---------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 20), st.booleans()), min_size=1, max_size=300))
def test_calibrated_probabilities_fall_as_the_cost_rises(links):
    costs = np.array([cost for cost, _ in links])
    right = np.array([float(ok) for _, ok in links])
    curve = fit_curve(costs, right)
    grid = np.linspace(-1, 21, 200)
    probabilities = curve(grid)
    assert np.all((probabilities >= 0) & (probabilities <= 1))
    assert np.all(np.diff(probabilities) <= 1e-12)
    assert list(curve.costs) == sorted(set(curve.costs))


def test_calibration_matches_the_share_of_right_links_per_cost_range():
    rng = np.random.default_rng(0)
    costs = rng.uniform(0, 10, 6000)
    right = (rng.random(6000) < np.where(costs < 5, 0.9, 0.2)).astype(float)
    fitted = fit_calibration(costs, np.arange(6000) % 100 == 0, right)
    assert fitted(np.array([1.0, 9.0]), np.array([False, False])) == pytest.approx([0.9, 0.2], abs=0.05)
    again = Calibration.from_json(json.loads(json.dumps(fitted.as_json())))
    assert again == fitted


def test_skips_and_pairs_have_their_own_curves():
    costs = np.array([1.0, 1.0, 2.0, 2.0, 1.0, 2.0])
    skips = np.array([False, False, False, False, True, True])
    right = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    fitted = fit_calibration(costs, skips, right)
    # Laplace's rule of succession: 2 right of 2 pair links, 0 right of 1 skip
    assert fitted(np.array([1.0, 1.0]), np.array([False, True])).tolist() == [0.75, pytest.approx(1 / 3, abs=1e-4)]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([1.0, 2.5, 7.0, 7.0, 11.5]), st.booleans()), min_size=1, max_size=60),
       st.integers(1, 8))
def test_links_of_one_cost_share_one_knot_and_no_knot_is_certain(links, bins):
    costs = np.array([cost for cost, _ in links])
    right = np.array([float(ok) for _, ok in links])
    curve = fit_curve(costs, right, bins)
    assert len(curve.costs) <= len(set(costs.tolist()))
    assert all(0 < p < 1 for p in curve.probabilities)
    if len(set(costs.tolist())) == 1:  # one knot: the Laplace share of all of them
        assert curve.probabilities == (round((right.sum() + 1) / (len(right) + 2), 4),)


def test_a_dozen_right_skips_of_one_cost_are_likely_not_certain():
    curve = fit_curve(np.array([7.0] * 12 + [11.5]), np.array([1.0] * 12 + [0.0]), SKIP_BINS)
    assert curve(np.array([7.0, 11.5])) == pytest.approx([13 / 14, 1 / 3], abs=1e-4)


def test_reliability_bins_count_every_link_once():
    predicted = np.array([0.05, 0.2, 0.6, 0.95, 1.0])
    rows = reliability(predicted, np.array([0.0, 0.0, 1.0, 1.0, 1.0]))
    assert sum(row.links for row in rows) == len(predicted)
    assert rows[-1].share_right == 1.0 and rows[0].share_right == 0.0


# --- Model 1 link likelihoods (Moore's second pass) -----------------------------------------------

def naive_log_likelihood(model, given: list[list[str]], generated: list[list[str]]) -> float:
    """log P(generated | given) under Model 1 with NULL, word by word, as the textbook writes it."""
    from corpus.align.translation import FLOOR, PRUNED

    def t(word: str, source: int) -> float:
        column = model.generated.get(word)
        value = model.table[source, column] if column is not None else 0.0
        return value if value >= PRUNED else 0.0

    words = [model.given.get(word) for sentence in given for word in sentence]
    total = 0.0
    for word in (w for sentence in generated for w in sentence):
        explained = t(word, 0) + sum(t(word, f) for f in words if f is not None) + FLOOR
        total += np.log(explained / (len(words) + 1))
    return total


vocabulary_zh, vocabulary_en = ["猫", "狗", "吃", "睡", "鱼"], ["cat", "dog", "eat", "sleep", "fish", "bone"]


@st.composite
def token_bitexts(draw):
    sentence = st.lists(st.sampled_from(vocabulary_zh), min_size=0, max_size=4)
    zh = draw(st.lists(sentence, min_size=1, max_size=7))
    en = draw(st.lists(st.lists(st.sampled_from(vocabulary_en), min_size=0, max_size=4), min_size=1, max_size=7))
    training = draw(st.lists(st.tuples(st.lists(st.sampled_from(vocabulary_zh), min_size=1, max_size=3),
                                       st.lists(st.sampled_from(vocabulary_en[:-1]), min_size=1, max_size=3)),
                             min_size=1, max_size=6))
    return zh, en, training


@settings(max_examples=40, deadline=None)
@given(token_bitexts())
def test_band_likelihoods_are_model1_of_every_link_both_ways(bitext):
    from corpus.align.model1 import fit_model1
    from corpus.align.translation import band_costs, link_nll, translation

    zh, en, training = bitext
    en_given_zh, zh_given_en = fit_model1(training), fit_model1([(e, z) for z, e in training])
    model = translation(zh_given_en, en_given_zh, zh, en)
    n, m = len(zh), len(en)
    band = full_band(n, m)
    types = [(a, b) for a in range(1, 4) for b in range(1, 4)]
    costs = band_costs(model, band, 3, types)
    for a, b in types:
        for i in range(a, n + 1):
            for j in range(b, m + 1):
                expected = -(naive_log_likelihood(en_given_zh, zh[i - a:i], en[j - b:j])
                             + naive_log_likelihood(zh_given_en, en[j - b:j], zh[i - a:i]))
                assert costs[a, b][i, j] == pytest.approx(expected, rel=1e-4, abs=1e-3)
                explicit = link_nll(model, np.array([i - a]), np.array([i]), np.array([j - b]), np.array([j]))
                assert explicit[0] == pytest.approx(expected, rel=1e-6, abs=1e-6)


def test_a_translation_is_likelier_than_its_neighbours_sentence_under_the_learned_model():
    from corpus.align.model1 import fit_model1
    from corpus.align.translation import link_nll, translation

    zh = [["猫", "吃", "鱼"], ["狗", "睡"], ["猫", "睡"], ["狗", "吃"]]
    en = [["cat", "eat", "fish"], ["dog", "sleep"], ["cat", "sleep"], ["dog", "eat"]]
    model = translation(fit_model1(list(zip(en, zh))), fit_model1(list(zip(zh, en))), zh, en)
    rows = np.arange(4)
    right = link_nll(model, rows, rows + 1, rows, rows + 1)
    shifted = link_nll(model, rows, rows + 1, (rows + 1) % 4, (rows + 1) % 4 + 1)
    assert np.all(right < shifted)
    padded = link_nll(model, rows[:3], rows[:3] + 2, rows[:3], rows[:3] + 1)  # a zh sentence too many
    assert np.all(right[:3] < padded)


def test_a_sentence_is_left_out_only_where_linking_it_costs_what_unrelated_sentences_do():
    every = load_gold()
    result = aligner.search([s for p in every for s in p.zh], [s for p in every for s in p.en], default_settings())
    assert result.model.neighbour_weight > 0  # a learned pass
    pairs = [link for link in result.links if link.zh and link.en]
    per_sentence = np.array([link.score / (len(link.zh) + len(link.en)) for link in pairs])
    assert result.model.skip > np.quantile(per_sentence, 0.9)  # dearer than nearly every link it chose


@pytest.mark.parametrize("directory", [GOLD_DIR, LITERARY_DIR, CHECK_DIR, SHORT_DIR])
def test_every_gold_passage_links_each_sentence_once_in_order(directory):
    for passage in load_gold(directory):
        assert [i for link in passage.links for i in link.zh] == list(range(len(passage.zh))), passage.name
        assert [j for link in passage.links for j in link.en] == list(range(len(passage.en))), passage.name


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=20))
def test_a_link_sharing_no_key_pays_more_the_more_keys_its_sides_have(keys):
    model = aligner._unlearned_model(aligner._first_model(aligner.Bitext(np.zeros(2), np.zeros(2), None, None),
                                                          default_settings(), ((1, 1),)), default_settings())
    assert model.unshared is not None and model.unshared[1] > 0  # fitted on dev: evidence grows with the keys
    zh, en = (np.array(side, dtype=float) for side in zip(*keys))
    costs = model.unshared_costs(zh, en)
    assert np.all(costs >= 0) and np.all(costs[(zh == 0) | (en == 0)] == 0)  # no keys: no evidence either way
    more = model.unshared_costs(zh + 5, en + 5)
    assert np.all(more >= costs)


def test_a_short_text_scores_its_path_as_link_costs_does_sharing_no_key_included():
    for passage in load_gold(SHORT_DIR):
        result = aligner.search(passage.zh, passage.en, default_settings())
        assert result.model.unshared is not None  # the short-text model weighs keys shared by none
        costs = aligner.link_costs(result.text, result.links, result.model)
        assert costs == pytest.approx([link.score for link in result.links], abs=1e-3), passage.name
        without = aligner.link_costs(result.text, passage.links, dataclasses.replace(result.model, unshared=None))
        with_it = aligner.link_costs(result.text, passage.links, result.model)
        assert np.all(with_it >= without - 1e-9)


def test_unrelated_sentences_that_share_no_key_pay_for_it():
    zh = ["工厂去年生产了四万台洗衣机。", "八月，游客挤满了海滩。"]
    en = ["The factory made 40,000 washing machines last year.", "Tourists crowded the beaches in August."]
    result = aligner.search(zh, en, default_settings())
    right, unrelated = Link((0,), (0,)), Link((0,), (1,))
    with_it = aligner.link_costs(result.text, [right, unrelated], result.model)
    without = aligner.link_costs(result.text, [right, unrelated], dataclasses.replace(result.model, unshared=None))
    assert with_it[0] == pytest.approx(without[0])  # they share keys: nothing to pay
    assert with_it[1] > without[1] + 1  # no key in common although both have several


def test_a_short_text_is_searched_with_the_short_text_skip_cost_and_refined():
    settings_ = default_settings()
    assert settings_.short_text_skip < settings_.first_pass_skip
    as_anchor_pass = dataclasses.replace(settings_, short_text_skip=settings_.first_pass_skip,
                                         short_text_boundary_weight=0.0)
    short = load_gold(SHORT_DIR)
    assert all(not aligner.learns_from(aligner.align_costs(p.zh, p.en, learn=False), settings_) for p in short)
    gold = [passage.links for passage in short]
    ours = score_alignments(gold, [align_texts(p.zh, p.en) for p in short])
    before = score_alignments(gold, [align_texts(p.zh, p.en, settings=as_anchor_pass) for p in short])
    assert ours.strict_f1 > before.strict_f1


def test_a_document_long_enough_to_learn_from_ignores_the_short_text_settings():
    every = load_gold()
    zh, en = [s for p in every for s in p.zh], [s for p in every for s in p.en]
    other = dataclasses.replace(default_settings(), short_text_skip=0.05, short_text_boundary_weight=8.0)
    assert align_texts(zh, en, settings=other) == align_texts(zh, en)
