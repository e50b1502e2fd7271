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
