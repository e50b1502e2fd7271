"""The entity registry: the shipped data obeys its rules, and the loader enforces them."""
from __future__ import annotations

import opencc
import pytest

from corpus.registry import RegistryError, load_registry, normalise_label, registry_from_data


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def entry(entity_id, zh_hans, zh_hant, en, *extra, **fields):
    aliases = [a for a in (zh_hans, zh_hant, en, *extra) if a]
    return {"id": entity_id, "type": "person", "zh_hans": zh_hans, "zh_hant": zh_hant, "en": en,
            "aliases": aliases, **fields}


def test_shipped_registry_covers_the_people_the_articles_turn_on(registry):
    for entity_id, en in [("zhang-hongjiang", "Zhang Hongjiang"), ("liang-wenfeng", "Liang Wenfeng"),
                          ("li-mu", "Li Mu"), ("kai-fu-lee", "Kai-Fu Lee"), ("andrew-yao", "Andrew Chi-Chih Yao"),
                          ("baai", "BAAI"), ("high-flyer", "High-Flyer"), ("deepseek", "DeepSeek")]:
        assert registry[entity_id].en == en


def test_both_scripts_are_the_same_name(registry):
    to_simplified = opencc.OpenCC("tw2s")
    for entity in registry.entities.values():
        if entity.zh_hans:
            assert to_simplified.convert(entity.zh_hant) == entity.zh_hans, entity.id


def test_every_alias_leads_back_to_its_entity(registry):
    for entity in registry.entities.values():
        for alias in entity.aliases:
            assert registry.lookup(alias) is entity, (entity.id, alias)


def test_lookup_ignores_the_brackets_around_outlet_names(registry):
    assert registry.lookup("《深网》").id == "shenwang"
    assert registry.lookup("「暗湧」").id == "anyong"
    assert registry.lookup("nobody at all") is None


@pytest.mark.parametrize("label, ref, role", [
    ("极客公园", "geekpark", "interviewer"), ("《深网》", "shenwang", "interviewer"),
    ("「暗涌」", "anyong", "interviewer"), ("**「暗湧」：**", "anyong", "interviewer"),
    ("张宏江", "zhang-hongjiang", "interviewee"), ("梁文鋒", "liang-wenfeng", "interviewee"),
])
def test_speaker_labels_resolve_in_either_script(registry, label, ref, role):
    speaker = registry.speaker(label)
    assert (speaker.ref, speaker.role) == (ref, role)
    assert all(voice in registry for voice in speaker.voices)


def test_normalise_label_strips_markup_and_brackets():
    assert normalise_label(" **《深网》：** ") == "深网"


def test_duplicate_alias_is_rejected_unless_both_mark_it_ambiguous():
    data = {"entities": [entry("li-a", "李", "李", "Li A", "小李"), entry("li-b", "李乙", "李乙", "Li B", "小李")]}
    with pytest.raises(RegistryError, match="小李"):
        registry_from_data(data)
    for item in data["entities"]:
        item["ambiguous"] = ["小李"]
    registry = registry_from_data(data)
    assert registry.lookup("小李") is None
    assert registry.lookup("李乙").id == "li-b"


@pytest.mark.parametrize("broken, problem", [
    ({"entities": [entry("x", "甲", "甲", "X"), entry("x", "乙", "乙", "Y")]}, "duplicate id"),
    ({"entities": [entry("x", "甲", None, "X")]}, "both be given"),
    ({"entities": [entry("X Y", "甲", "甲", "X")]}, "lowercase"),
    ({"entities": [{**entry("x", "甲", "甲", "X"), "type": "animal"}]}, "type"),
    ({"entities": [{**entry("x", "甲", "甲", "X"), "aliases": ["X"]}]}, "not listed in aliases"),
    ({"entities": [entry("x", "甲", "甲", "X")],
      "speaker_labels": [{"labels": ["甲"], "ref": "nobody", "role": "interviewer"}]}, "not a registered entity"),
    ({"entities": [entry("x", "甲", "甲", "X")],
      "speaker_labels": [{"labels": ["甲"], "ref": "x", "role": "narrator"}]}, "role"),
])
def test_validation_names_the_problem(broken, problem):
    with pytest.raises(RegistryError, match=problem):
        registry_from_data(broken)
