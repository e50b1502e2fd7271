"""The translation checks catch planted errors, and pass the shipped corpus."""
import pytest

from corpus.model import Document, Paragraph, Sentence
from corpus.translate import check

REGISTRY = [
    {"id": "wu-dao", "type": "work", "zh_hans": "悟道", "en": "Wu Dao", "aliases": ["悟道", "Wu Dao"]},
    {"id": "zhang-hongjiang", "type": "person", "zh_hans": "张宏江", "en": "Zhang Hongjiang", "aliases": []},
    {"id": "most", "type": "org", "zh_hans": "科技部", "en": "MOST", "aliases": []},
]


def doc_with(pairs):
    sentences = [
        Sentence(id=f"d.p000.s{i:02d}", doc_id="d", paragraph=0, index=i, zh=zh, en_segments=[en] if en else [], en_source="reference")
        for i, (zh, en) in enumerate(pairs)
    ]
    return Document("d", "d.txt", paragraphs=[Paragraph(0, "paragraph", "".join(s.zh for s in sentences), sentences=sentences)])


GOOD = [("起步就需要5000万美金，训练一次需要上千万美金。", "Getting started takes 50 million US dollars, and one training run costs tens of millions."),
        ("2018年，智源研究院成立，70%的预算用于大模型。", "In 2018 BAAI was founded, with 70% of its budget going to large models."),
        ("悟道 2.0 发布于3月20日，参数1.75万亿。", "Wu Dao 2.0 was released on March 20 with 1.75 trillion parameters."),
        ("他搭载了1100块GPU。", "It carried 1,100 GPUs."),
        ("大多数人不知道。", "Most people did not know.")]


def problems(pairs):
    return [(c, d) for _, c, d in check.check_document(doc_with(pairs), REGISTRY).problems]


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


def test_gloss_may_carry_han():
    assert problems(GOOD + [("悟道发布了。", "Wu Dao (悟道) was released.")]) == []


def test_length_outlier_is_caught():
    padded = GOOD * 3 + [("他搭载了很多很多的GPU芯片。", "It did.")]
    assert any(c == "length" for c, _ in problems(padded))


def test_shipped_corpus_passes_the_checks():
    import corpus

    loaded = corpus.load()
    reports = [check.check_document(doc, loaded.entities) for doc in loaded]
    assert all(r.translated == r.sentences for r in reports)
    assert [p for r in reports for p in r.problems] == []
