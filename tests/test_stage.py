"""Per-document stages: one calling convention, declared inputs, checked order."""
from __future__ import annotations

import pytest

from corpus import clean, pipeline, script, segment, stage, structure
from corpus.model import Document


def test_the_text_stages_run_in_an_order_where_each_reads_what_an_earlier_one_filled():
    assert [s.name for s in pipeline.TEXT_STAGES] == ["clean", "structure", "segment", "script"]


@pytest.mark.parametrize("moved", ["structure", "segment", "script"])
def test_a_stage_moved_before_what_it_reads_is_refused_with_its_name(moved):
    stages = [clean.STAGE, structure.STAGE, segment.STAGE, script.STAGE]
    position = [s.name for s in stages].index(moved)
    stages.insert(0, stages.pop(position))
    with pytest.raises(ValueError, match=f"stage '{moved}' reads"):
        stage.in_order(stages)


def test_running_the_stages_fills_the_document():
    doc = Document("d", "d.txt", raw="第一句。第二句！\n\n**第三段**")
    assert stage.run(doc, pipeline.TEXT_STAGES) is doc
    assert [p.text for p in doc.paragraphs] == ["第一句。第二句！", "第三段"]
    assert [s.zh for s in doc.sentences] == ["第一句。", "第二句！", "第三段"]
    assert doc.script == "hans" and doc.sentences[0].pinyin == "Dì-yī jù."
    assert doc.edits  # the markdown bold markers went through the edit log
