"""Short forms a document defines in brackets (corpus/annotate/short_forms.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
