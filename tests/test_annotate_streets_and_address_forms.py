"""Round 11 (11p): streets by their word, Cantonese particles at a name's edge, a surname and a word of address,
a common noun before a name in parts, and a Latin name after a noun of a person (corpus/annotate/place_spans.py,
name_spans.py, person_forms.py).  The sentences are written for these tests, apart from the dev captures."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.name_spans import DIALECT_PARTICLES, latin_names, unglued, without_dialect_particles
from corpus.annotate.person_forms import with_interpunct_parts, without_address_forms
from corpus.annotate.place_spans import street_places
from corpus.model import Mention, Sentence

REGISTRY = load_registry()


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def streets(text: str) -> list[str]:
    return [m.text for m in street_places(unglued(words(text, REGISTRY)), text, [])]


def test_a_run_before_a_street_word_is_a_street_but_a_description_is_none():
    assert streets("她的工作室开在卡兰达街，离海边不远。") == ["卡兰达街"]
    assert streets("旅客沿着波露施巷走到教堂。") == ["波露施巷"]
    for text in ("周末大家去逛街，商业街和美食街人很多。", "这条街很安静，对面街有家店。", "他在街坊中很有名。"):
        assert streets(text) == [], text


def test_a_feature_word_after_a_peoples_name_is_a_description():
    assert ("達瑪巒部落", "place") in names("記者走訪了信義鄉的達瑪巒部落。")
    assert not any(kind == "place" and name.endswith("部落") for name, kind in names("他們走訪了信義鄉的布農族部落。"))


def test_cantonese_particles_at_a_names_edge_are_no_part_of_it():
    found = names("我哋喺葡萄牙科英布拉嘅朋友好多。")
    assert ("科英布拉", "place") in found
    assert not any(set(name) & set(DIALECT_PARTICLES) for name, _ in found)
    mention = Mention(0, 5, "佢喺鰂魚涌", "person", source="ner")
    assert [m.text for m in without_dialect_particles(mention)] == ["鰂魚涌"]
    assert without_dialect_particles(Mention(0, 2, "佢喺", "person", source="ner")) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="嘅喺佢咗鴨脷洲西營盤甘文", min_size=1, max_size=9))
def test_particle_trimming_keeps_a_substring_and_is_idempotent(name):
    mention = Mention(3, 3 + len(name), name, "place", source="ner")
    for trimmed in without_dialect_particles(mention):
        assert trimmed.text in name and (trimmed is mention or len(trimmed.text) >= 2)
        assert trimmed.text[0] not in DIALECT_PARTICLES and trimmed.text[-1] not in DIALECT_PARTICLES
        assert trimmed.end - trimmed.start == len(trimmed.text)
        assert without_dialect_particles(trimmed) == [trimmed]


def test_a_surname_and_a_word_of_address_is_the_person_the_document_names():
    texts = (("教练严子珩带队训练。", "严子珩"), ("严老师说，明天休息。", "严老师"), ("邝老师也来了。", "邝老师"))
    sentences = [Sentence(id=f"d.{index}", doc_id="d", paragraph=index, index=index, zh=text,
                          entities=[Mention(text.index(name), text.index(name) + len(name), name, "person",
                                            source="ner")])
                 for index, (text, name) in enumerate(texts)]
    without_address_forms(sentences)
    assert [m.text for s in sentences for m in s.entities] == ["严子珩", "邝老师"]  # 邝: no one of that surname
    without_address_forms(sentences)  # idempotent
    assert [m.text for s in sentences for m in s.entities] == ["严子珩", "邝老师"]


def test_a_common_noun_before_a_name_in_parts_is_no_part_of_it_and_a_latin_name_after_a_noun_of_a_person_is_one():
    for text, found in (("由村裡耆老達利‧卡拉帶隊上山。", "耆老達利‧卡拉"),
                        ("部落青年馬躍‧拉罕負責記錄。", "青年馬躍‧拉罕")):
        start = text.index(found)
        mention = Mention(start, start + len(found), found, "person", source="ner")
        joined = with_interpunct_parts(mention, words(text, REGISTRY), text)
        assert (joined.text, joined.type) == (found[2:], "person"), text
    text = "店主多迪·穆里亚迪说"  # 多 is a name's syllable jieba reads as a numeral: no common noun, kept
    mention = Mention(2, 9, "多迪·穆里亚迪", "person", source="ner")
    assert with_interpunct_parts(mention, words(text, REGISTRY), text).text == "多迪·穆里亚迪"
    for text, name in (("她的丈夫Kekoa Palakiko负责修船。", "Kekoa Palakiko"),
                       ("船长Dindo Macapagal带着渔获回港。", "Dindo Macapagal"),
                       ("他的表妹Nurul Huda在诊所工作。", "Nurul Huda")):
        assert [(m.text, m.type) for m in latin_names(text)] == [(name, "person")], text
    assert [m.type for m in latin_names("子公司Harbour Crest负责码头。")] == ["org"]
    assert [m.type for m in latin_names("船东Pacific Reef Corp负责赔偿。")] == ["org"]
