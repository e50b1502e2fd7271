"""The translation checks catch planted errors, and pass the shipped corpus."""
import pytest

from corpus.annotate import find_mentions
from corpus.registry import load_registry
from corpus.registry import registry_from_data
from corpus.model import Document, Paragraph, Sentence
from corpus.qa import check

REGISTRY = registry_from_data(
    {
        "entities": [
            {
                "id": "wu-dao",
                "type": "work",
                "zh_hans": "悟道",
                "zh_hant": "悟道",
                "en": "Wu Dao",
                "aliases": ["悟道", "Wu Dao"],
            },
            {
                "id": "zhang-hongjiang",
                "type": "person",
                "zh_hans": "张宏江",
                "zh_hant": "張宏江",
                "en": "Zhang Hongjiang",
                "aliases": ["张宏江", "張宏江", "Zhang Hongjiang"],
            },
            {
                "id": "most",
                "type": "org",
                "zh_hans": "科技部",
                "zh_hant": "科技部",
                "en": "MOST",
                "aliases": ["科技部", "MOST"],
            },
            {
                "id": "high-flyer",
                "type": "org",
                "zh_hans": "幻方",
                "zh_hant": "幻方",
                "en": "High-Flyer",
                "aliases": ["幻方", "High-Flyer"],
            },
        ]
    }
)


def doc_with(pairs):
    sentences = [
        Sentence(id=f"d.p000.s{i:02d}", doc_id="d", paragraph=0, index=i, zh=zh, en_segments=[en] if en else [],
                 en_source="reference", entities=find_mentions(zh, REGISTRY))
        for i, (zh, en) in enumerate(pairs)
    ]
    return Document(
        "d", "d.txt", paragraphs=[Paragraph(0, "paragraph", "".join(s.zh for s in sentences), sentences=sentences)]
    )


GOOD = [
    (
        "起步就需要5000万美金，训练一次需要上千万美金。",
        "Getting started takes 50 million US dollars, and one training run costs tens of millions.",
    ),
    (
        "2018年，智源研究院成立，70%的预算用于大模型。",
        "In 2018 BAAI was founded, with 70% of its budget going to large models.",
    ),
    ("悟道 2.0 发布于3月20日，参数1.75万亿。", "Wu Dao 2.0 was released on March 20 with 1.75 trillion parameters."),
    ("他搭载了1100块GPU。", "It carried 1,100 GPUs."),
    ("大多数人不知道。", "Most people did not know."),
]


def problems(pairs, exceptions=()):
    return [(c, d) for _, c, d in check.check_document(doc_with(pairs), REGISTRY, list(exceptions)).problems]


def test_good_translations_pass():
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    "planted, expected",
    [
        (("他搭载了1100块GPU。", "It carried 1,000 GPUs."), ("numbers", "1100")),
        (("起步就需要5000万美金。", "Getting started takes 5 million US dollars."), ("numbers", "5e+07")),
        (("70%的预算。", "Seventy of the budget."), ("numbers", "70")),
        (("悟道发布了。", "Wudao was released."), ("names", "Wudao")),
        (("张宏江说。", "Zhang Hong-jiang said so."), ("names", "Zhang Hong-jiang")),
        (("张宏江说。", "张宏江 said so."), ("han", "张宏江")),
        (("张宏江说。", ""), ("missing", "no English")),
    ],
)
def test_planted_errors_are_caught(planted, expected):
    assert expected in problems(GOOD + [planted])


MAGIC_SQUARE = ("幻方成立了。", "Magic Square was founded.")  # sentence d.p000.s05 after GOOD
MAGIC_SQUARE_EXCUSED = check.NameException("d.p000.s05", "幻方", "test: pretend the name is left implicit")


def test_unnamed_registry_name_is_caught():
    assert problems(GOOD + [MAGIC_SQUARE]) == [("unnamed", "幻方 (high-flyer): no English form of the name")]


def test_name_given_once_for_two_mentions_leaves_one_unnamed():
    assert problems(GOOD + [("幻方说，幻方很大。", "High-Flyer says it is big.")]) == [
        ("unnamed", "幻方 (high-flyer): no English form of the name")]


def test_listed_exception_excuses_the_mention():
    assert problems(GOOD + [MAGIC_SQUARE], [MAGIC_SQUARE_EXCUSED]) == []


def test_exception_no_mention_needs_is_stale():
    named = ("幻方成立了。", "High-Flyer was founded.")
    assert problems(GOOD + [named], [MAGIC_SQUARE_EXCUSED]) == [
        ("unnamed", "stale exception for 幻方: the English names it or the mention is gone")]


def test_exception_for_another_document_is_not_judged():
    elsewhere = check.NameException("other.p000.s05", "幻方", "test: a document this build does not hold")
    assert problems(GOOD, [elsewhere]) == []


def test_gloss_may_carry_han():
    assert problems(GOOD + [("悟道发布了。", "Wu Dao (悟道) was released.")]) == []


def test_length_outlier_is_caught():
    padded = GOOD * 3 + [("他搭载了很多很多的GPU芯片。", "It did.")]
    assert any(c == "length" for c, _ in problems(padded))


def test_shipped_corpus_passes_the_checks():
    import corpus

    loaded = corpus.load()
    registry, exceptions = load_registry(), check.name_exceptions()
    reports = [check.check_document(doc, registry, exceptions) for doc in loaded]
    assert all(r.translated == r.sentences for r in reports)
    assert [p for r in reports for p in r.problems] == []
