"""The MT test set (sacrebleu-ready files) and ``corpus score``."""
from __future__ import annotations

import pytest
import sacrebleu

from corpus.cli import main
from corpus.errors import CorpusError
from corpus.export.testset import export_testset
from corpus.model import Document, Paragraph, Sentence
from corpus.score import OVERALL, score_file


def document(doc_id: str, pairs: list[tuple[str, list[str], str]]) -> Document:
    sentences = [Sentence(id=f"{doc_id}.p000.s{i:02d}", doc_id=doc_id, paragraph=0, index=i, zh=zh,
                          zh_hans=zh + "简", zh_hant=zh + "繁", en_segments=en, en_source=source)
                 for i, (zh, en, source) in enumerate(pairs)]
    return Document(doc_id, f"{doc_id}.txt", paragraphs=[Paragraph(0, "paragraph", "", sentences=sentences)])


DOCS = [
    document("b-doc", [("他来了。", ["He came."], "reference"), ("机器。", ["Machine."], "mt:argos:x:1")]),
    document("a-doc", [("我们走吧。", ["Let us go.", "Now."], "reference"), ("没有。", [], ""),
                       ("好\n的。", ["Fine,\tthen."], "reference")]),
]


@pytest.fixture()
def testset(tmp_path):
    export_testset(DOCS, tmp_path)
    return tmp_path / "testset"


def lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def test_testset_holds_only_human_references_line_aligned_in_doc_order(testset):
    assert lines(testset / "zhen.ids") == ["a-doc.p000.s00", "a-doc.p000.s02", "b-doc.p000.s00"]
    assert lines(testset / "zhen.zh") == ["我们走吧。", "好 的。", "他来了。"]
    assert lines(testset / "zhen.zh_Hans") == ["我们走吧。简", "好 的。简", "他来了。简"]
    assert lines(testset / "zhen.zh_Hant") == ["我们走吧。繁", "好 的。繁", "他来了。繁"]
    assert lines(testset / "zhen.en") == ["Let us go. Now.", "Fine, then.", "He came."]


def test_scores_match_sacrebleu_per_document_and_overall(testset, tmp_path):
    hypotheses = ["Let us go now.", "Fine then.", "He comes."]
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("\n".join(hypotheses) + "\n", encoding="utf-8")
    report = score_file(hyp, testset)
    assert [(s.scope, s.lines) for s in report.scores] == [("a-doc", 2), ("b-doc", 1), (OVERALL, 3)]
    references = lines(testset / "zhen.en")
    overall = report.scores[-1].values
    assert overall["BLEU"] == pytest.approx(sacrebleu.corpus_bleu(hypotheses, [references]).score)
    assert overall["chrF++"] == pytest.approx(sacrebleu.corpus_chrf(hypotheses, [references], word_order=2).score)
    assert overall["TER"] == pytest.approx(sacrebleu.corpus_ter(hypotheses, [references]).score)
    b_doc = sacrebleu.corpus_bleu(hypotheses[2:], [references[2:]]).score
    assert report.scores[1].values["BLEU"] == pytest.approx(b_doc)
    assert report.signatures["BLEU"].startswith("nrefs:1|") and "version:" in report.signatures["TER"]
    assert "chrF++: nrefs:1" in report.format() and "nw:2" in report.signatures["chrF++"]


def test_a_document_alone_accepts_its_own_lines_or_the_whole_file(testset, tmp_path):
    whole, alone = tmp_path / "whole.txt", tmp_path / "alone.txt"
    whole.write_text("x\ny\nHe came.\n", encoding="utf-8")
    alone.write_text("He came.\n", encoding="utf-8")
    for hyp in (whole, alone):
        (scores,) = score_file(hyp, testset, "b-doc").scores
        assert (scores.scope, scores.lines, scores.values["TER"], scores.values["chrF++"]) == ("b-doc", 1, 0.0, 100.0)
    with pytest.raises(CorpusError, match="no document 'c-doc'"):
        score_file(alone, testset, "c-doc")


@pytest.mark.parametrize("content", ["one line\n", "a\nb\nc\nd\n", ""])
def test_a_hypothesis_file_with_another_line_count_is_refused(testset, tmp_path, capsys, content):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text(content, encoding="utf-8")
    assert main(["score", str(hyp), "--testset", str(testset)]) == 1
    error = capsys.readouterr().err
    assert str(hyp) in error and "(3 lines)" in error


def test_the_command_prints_the_table_and_signatures(testset, tmp_path, capsys):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("Let us go. Now.\nFine, then.\nHe came.\n", encoding="utf-8")
    assert main(["score", str(hyp), "--testset", str(testset)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["document", "lines", "BLEU", "chrF++", "TER"]
    assert out[3].split() == [OVERALL, "3", "100.00", "100.00", "0.00"]
    assert out[4].startswith("BLEU: nrefs:1|case:mixed")
