"""`corpus entities`: unknown names for curation and mentions the English lacks."""
from __future__ import annotations

from corpus.annotate import annotate
from corpus.registry import load_registry
from corpus.annotate.curation import curation_report
from corpus.model import Document, Paragraph, Sentence


def document(*pairs: tuple[str, str]) -> Document:
    sentences = [Sentence(f"t.p000.s{i:02d}", "t", 0, i, zh, en_segments=[en] if en else [])
                 for i, (zh, en) in enumerate(pairs)]
    return Document(
        "t", "t.txt", "", paragraphs=[Paragraph(0, "paragraph", "".join(zh for zh, _ in pairs), None, sentences)]
    )


def test_unknown_names_are_proposed_but_never_registered_and_paraphrased_names_are_unprojected():
    registry = load_registry()
    doc = document(("张宏江在杭州认识了王小明。", "Zhang Hongjiang met Wang Xiaoming in Hangzhou."),
                   ("张宏江笑了。", "He laughed."),
                   ("张宏江没有英文。", ""))
    annotate(doc, registry)
    report = curation_report([doc], registry)
    unknown = {surface for surface, _ in report.unknown}
    assert "王小明" in unknown and "张宏江" not in unknown
    # proposed for the registry, never added to it: the new document's mention has a document-scoped id
    assert registry.lookup("王小明") is None
    assert [m.ref for s in doc.sentences for m in s.entities if m.text == "王小明"] == ["t.name.wang-xiaoming"]
    assert ("t.p000.s01", "张宏江", "person", "zhang-hongjiang") in report.unprojected
    assert all(sid != "t.p000.s00" for sid, *_ in report.unprojected)
    assert report.mentions == sum(len(s.entities) for s in doc.sentences[:2])  # untranslated sentences not counted
    assert 0 < report.projection_rate < 1
    assert "王小明" in report.format() and "projection rate" in report.format()
