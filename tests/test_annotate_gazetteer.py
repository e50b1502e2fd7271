"""What CC-CEDICT says about names (corpus/annotate/gazetteer.py): places, common words, surnames."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import gazetteer


def test_a_proper_noun_glossed_as_a_place_is_a_place_in_either_script():
    for place in ("屏東", "屏东", "利雅得", "長三角", "花蓮", "台中", "萧山"):
        assert gazetteer.is_place(place), place
    for other in ("山區", "嘉宾", "台风", "孙子", "新力", "张三", "翼飞"):  # common words, a general, a company
        assert not gazetteer.is_place(other), other


def test_a_word_with_no_capitalised_reading_is_a_common_word():
    assert gazetteer.is_common_word("山區") and gazetteer.is_common_word("海葵")
    assert not gazetteer.is_common_word("花蓮")  # a proper noun
    assert not gazetteer.is_common_word("耘拓")  # not in the dictionary at all


def test_latin_places_are_compared_without_accents():
    assert gazetteer.is_latin_place("Gdańsk") and gazetteer.is_latin_place("Rotterdam")
    assert not gazetteer.is_latin_place("Sony") and not gazetteer.is_latin_place("Zaptec")
    assert gazetteer.plain_latin("Ødegård Muñoz") == "Ødegard Munoz"


def test_surnames_single_compound_and_familiar():
    assert gazetteer.has_surname("鲍志远") and gazetteer.has_surname("司马晴") and gazetteer.has_surname("小夏")
    assert not gazetteer.has_surname("耘拓") and not gazetteer.has_surname("浅焙")
    assert not gazetteer.has_surname("王")  # a surname alone names nobody


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("屏東宜蘭山區耘拓小夏张三Gdańsk "), max_size=8))
def test_the_answers_are_plain_booleans_for_any_text(text):
    for question in (gazetteer.is_place, gazetteer.is_common_word, gazetteer.is_latin_place, gazetteer.has_surname):
        assert question(text) in (True, False)
    assert gazetteer.plain_latin(gazetteer.plain_latin(text)) == gazetteer.plain_latin(text)


def test_geonames_towns_are_places_with_evidence_enough():
    for town in ("米兰", "米蘭", "瓜达拉哈拉", "屯門", "斯图加特"):  # a town abroad, in either script; a Hong Kong town
        assert gazetteer.is_town(town) and gazetteer.is_place(town), town
    for word in ("中央",  # a ward of Tokyo, and a common word
                 "城西",  # a mainland town of two characters: as often "west of the city"
                 "大同"):  # a town of two characters too small for a name so short (a brand as often)
        assert not gazetteer.is_town(word), word
    assert gazetteer.towns()["米蘭"] == gazetteer.towns()["米兰"]  # indexed as written and simplified


def test_a_town_abroad_may_retype_an_organisation_a_town_of_the_chinese_regions_not():
    assert gazetteer.is_foreign_town("米兰") and gazetteer.is_foreign_town("瓜达拉哈拉")
    assert not gazetteer.is_foreign_town("屯門") and not gazetteer.is_foreign_town("永安")
    assert not gazetteer.is_foreign_town("中央")


def test_seas_and_oceans_by_their_gloss():
    assert gazetteer.is_sea("太平洋") and gazetteer.is_sea("印度洋") and gazetteer.is_sea("大西洋")
    assert not gazetteer.is_sea("太平") and not gazetteer.is_sea("米兰") and not gazetteer.is_sea("海鲜")


def test_cedict_reads_proper_nouns_once_for_every_stage():
    from corpus.lang import cedict

    assert cedict.is_only_proper_noun("屏東") and not cedict.is_only_proper_noun("來賓")  # 來賓 is also "guest"
    assert cedict.has_common_sense("來賓") and not cedict.has_common_sense("屏東")
    assert not cedict.is_only_proper_noun("耘拓") and not cedict.has_common_sense("耘拓")  # not in the dictionary


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("米兰蘭屯門城西中央太平洋大同瓜达拉哈 "), max_size=8))
def test_the_gazetteer_answers_are_booleans_and_agree_for_any_text(text):
    assert gazetteer.is_town(text) in (True, False) and gazetteer.is_sea(text) in (True, False)
    assert not gazetteer.is_foreign_town(text) or gazetteer.is_town(text)  # a town abroad is a town
    assert not gazetteer.is_town(text) or gazetteer.is_place(text)  # a town is a place
