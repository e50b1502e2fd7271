"""Persons written in parts (corpus/annotate/person_forms.py): names joined by an interpunct, Tibetan names."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus.annotate import find_mentions, load_registry
from corpus.annotate.mentions import words
from corpus.annotate.person_forms import has_person_form, tibetan_names, with_interpunct_parts
from corpus.model import Mention

REGISTRY = load_registry()


def names(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, REGISTRY) if m.type in ("person", "org", "place")}


def test_a_name_in_parts_takes_the_part_across_the_interpunct_and_is_a_person():
    for text, found, whole in (("議員瓦旦‧尤命表示支持", "‧尤命", "瓦旦‧尤命"),
                               ("頭目烏杜夫・勒巴克說，祭典延期。", "烏杜夫", "烏杜夫・勒巴克"),
                               ("牧師撒韻·武荖回到部落", "撒韻", "撒韻·武荖")):
        start = text.index(found)
        mention = Mention(start, start + len(found), found, "place", source="ner")
        joined = with_interpunct_parts(mention, words(text, REGISTRY), text)
        assert (joined.text, joined.type) == (whole, "person"), text
    text = "他说，比赛明天开始。"  # no interpunct: unchanged, whatever its type
    mention = Mention(3, 5, "比赛", "org", source="ner")
    assert with_interpunct_parts(mention, words(text, REGISTRY), text) is mention


def test_two_tibetan_name_elements_are_a_person_unless_inside_an_organisation():
    text = "牧民次仁顿珠和卓玛拉姆都来了。"
    found = tibetan_names(text, [Mention(4, 6, "顿珠", "place", source="ner")])
    assert [(m.text, m.type) for m in found] == [("次仁顿珠", "person"), ("卓玛拉姆", "person")]
    text = "格桑德吉基金会成立。"
    organisation = Mention(0, 7, "格桑德吉基金会", "org", source="ner")
    assert tibetan_names(text, [organisation]) == [organisation]
    assert has_person_form("扎西平措") and has_person_form("拉娃‧谷幸") and not has_person_form("扎西")
    assert not has_person_form("东周") and not has_person_form("新加坡")


def test_a_tibetan_name_listed_with_a_place_stays_a_person():
    assert ("扎西平措", "person") in names("画师扎西平措和玉树州的工匠都来了。")


INTERPUNCT_PIECES = st.sampled_from(["瓦旦", "‧", "·", "尤命", "說", "，", "議員", "扎西", "平措", "和", "在", "花蓮",
                                     "・", "A", "公司"])


@settings(max_examples=60, deadline=None)
@given(st.lists(INTERPUNCT_PIECES, min_size=1, max_size=12).map("".join))
@example("瓦旦‧‧‧")  # a run of interpuncts after a name
def test_joined_names_are_spans_of_the_text_and_stable(text):
    found = words(text, REGISTRY)
    for mention in find_mentions(text, REGISTRY):
        joined = with_interpunct_parts(mention, found, text)
        assert text[joined.start:joined.end] == joined.text
        assert with_interpunct_parts(joined, found, text) == joined
    named = tibetan_names(text, [])
    assert all(text[m.start:m.end] == m.text for m in named)
    assert tibetan_names(text, named) == named
