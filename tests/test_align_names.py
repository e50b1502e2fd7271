"""Foreign names matched by sound as the aligner's lexical evidence (corpus/align/names.py)."""
from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.align.aligner import default_settings, prepare
from corpus.align.names import (NameMatcher, chinese_skeletons, english_names, latin_skeleton, name_settings,
                                name_tokens)
from corpus.align.tokens import english_tokens

# Written for these tests (news, a novel's narration), not taken from any gold set.
ZH = ["普拉托市长周二宣布了新计划。", "记者采访了卡塔琳娜·莫雷蒂。", "她说，贝尔加莫的工厂明年关闭。",
      "他住在乌莫菲亚，有两个儿子。"]
EN = ["On Tuesday the mayor of Prato announced a new plan.", "The reporter interviewed Katarina Moretti.",
      "The factory in Bergamo will close next year, she said.", "He lived in Umuofia and had two sons."]


def _names(zh: list[str], en: list[str]) -> list[list[str]]:
    en_tokens = [english_tokens(sentence) for sentence in en]
    return name_tokens(zh, en, en_tokens, {key for tokens in en_tokens for key in tokens})


def test_transliterated_names_meet_their_english_sentence():
    assert _names(ZH, EN) == [["prato"], ["katarina", "moretti"], ["bergamo"], ["umuofia"]]


def test_common_words_are_no_name_characters():
    # 有两个儿子 sounds like nothing in particular, and 有/要/去 are no characters of CC-CEDICT's proper nouns
    matcher = NameMatcher(EN, set(), name_settings())
    assert not {"有", "要", "去", "上"} & matcher.characters
    assert {"斯", "尼", "亚", "拉"} <= matcher.characters


def test_skeletons_keep_consonants_and_let_the_chinese_drop_the_last():
    assert latin_skeleton("Abraham") in chinese_skeletons("亚伯拉罕")
    assert latin_skeleton("Prato") in chinese_skeletons("普拉托")
    assert latin_skeleton("Rebekah") in chinese_skeletons("利百加")  # 加 jia: a Latin k
    assert latin_skeleton("Abimelech")[:-1] in chinese_skeletons("亚比米勒")  # 亚比米勒 has no -ch


def test_a_longer_name_shadows_the_names_inside_it():
    # 亚伯兰 is close to both Abram and Abiram, so it says nothing; its tail 伯兰 must not become Balaam
    en = ["Abram went up.", "Abiram stayed.", "Balaam spoke."]
    zh = ["亚伯兰上去了。", "亚比兰留下了。", "巴兰说话了。"]
    found = _names(zh, en)
    assert "balaam" not in found[0]
    assert found[2] == ["balaam"]


def test_a_name_much_rarer_than_its_chinese_match_is_no_evidence():
    # 普拉托 written four times, Prato once: a chance match of a common sound, not one name
    zh = ["普拉托到了。"] * 4
    en = ["Prato came.", "It came.", "It came.", "It came."]
    assert _names(zh, en) == [[], [], [], []]
    loose = dataclasses.replace(name_settings(), frequency_ratio=0.2)
    en_tokens = [english_tokens(s) for s in en]
    assert NameMatcher(en, set(), loose).sentence_names(zh, en_tokens) == [["prato"]] * 4


def test_a_name_glossed_by_cc_cedict_is_left_to_the_prior():
    # 伦敦 is CC-CEDICT's London: the prior already links it, a second key would count it twice
    assert _names(["他去了伦敦。"], ["He went to London."]) == [[]]


def test_prepare_adds_the_name_keys_to_the_chinese_tokens():
    plain = prepare(ZH, EN, default_settings().fold_endings)
    with_names = prepare(ZH, EN, default_settings().fold_endings, names=True)
    assert "prato" not in plain.zh_tokens[0]
    assert with_names.zh_tokens[0] == plain.zh_tokens[0] + ["prato"]
    assert with_names.text.zh is not None and plain.text.zh is not None
    assert with_names.text.zh[0].nnz > plain.text.zh[0].nnz


HAN = st.sampled_from(list("普拉托卡塔琳娜莫雷蒂贝尔加莫亚伯兰有要去上的了。，"))
LATIN = st.lists(st.sampled_from(list("abcdefghijklmnoprstuvz ") + ["Pr", "Ka", "Mo", "Be", ". "]),
                 max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(HAN, max_size=15), min_size=1, max_size=5),
       st.lists(LATIN, min_size=1, max_size=5))
def test_any_bitext_gets_one_list_of_known_name_keys_per_chinese_sentence(zh, en):
    found = _names(zh, en)
    assert len(found) == len(zh)
    keys = set(english_names(en).values())
    assert all(key in keys for sentence in found for key in sentence)
    assert all(len(sentence) == len(set(sentence)) for sentence in found)
    assert _names(zh, en) == found  # deterministic
