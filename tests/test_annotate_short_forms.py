"""Short forms a document defines in brackets (corpus/annotate/short_forms.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.annotate import load_registry
from corpus.annotate.mentions import dictionary
from corpus.annotate.org_spans import known_names
from corpus.annotate.short_forms import defined_short_forms, with_short_forms
from corpus.model import Mention, Sentence


def sentence(text: str, *names: tuple[str, str, str]) -> Sentence:
    found = Sentence(id="d.p001.s01", doc_id="d", paragraph=1, index=1, zh=text)
    found.entities = [Mention(text.index(name), text.index(name) + len(name), name, kind, source=source)
                      for name, kind, source in names]
    return found


def test_a_bracketed_short_form_of_an_organisation_is_defined():
    defining = sentence("工業技術研究院（工研院）與華為（深圳）合作",
                        ("工業技術研究院", "org", "ner"), ("華為", "org", "registry"))
    assert defined_short_forms([defining]) == {"工研院"}  # 深圳 is not made of 華為's characters


def test_every_occurrence_of_a_short_form_is_the_organisation_and_beats_the_models_span():
    text = "國發基金加碼投資儲能，工研院與經濟部協助"
    mentions = [Mention(0, 10, "國發基金加碼投資儲能", "org", source="ner"),
                Mention(15, 18, "經濟部", "org", ref="moea", source="registry")]
    found = with_short_forms(mentions, text, {"國發基金", "工研院", "經濟部協"})
    assert [(m.text, m.source) for m in found] == [("國發基金", "ner"), ("工研院", "ner"), ("經濟部", "registry")]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["工研院", "國發基金", "研", "院", "的", "，", "工研"]), max_size=12).map("".join),
       st.sets(st.sampled_from(["工研院", "國發基金", "研院", "工研"])))
def test_short_form_mentions_are_spans_of_the_text_disjoint_and_stable(text, short_forms):
    found = with_short_forms([], text, short_forms)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert with_short_forms(found, text, short_forms) == found


def test_a_person_the_model_found_that_starts_an_organisation_name_is_its_brand():
    sentences = [sentence("峰飞航空完成融资", ("峰飞航空", "org", "ner")),
                 sentence("峰飞的工程师李明远说", ("峰飞", "person", "ner"), ("李明远", "person", "ner")),
                 sentence("张宏江表示", ("张宏江", "person", "registry"))]
    names = known_names(sentences, dictionary(load_registry()))
    assert {"峰飞航空", "峰飞"} <= names and "李明远" not in names
    for found in sentences:
        found.entities = with_short_forms(found.entities, found.zh, names)
    assert [(m.text, m.type) for s in sentences for m in s.entities] == [
        ("峰飞航空", "org"), ("峰飞", "org"), ("李明远", "person"), ("张宏江", "person")]
