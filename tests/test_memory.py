"""Translation memory: lookup by source text, stale detection, the missing → import round trip,
and what a build does when English is missing and no model is installed."""
import json

import pytest

from corpus import pipeline
from corpus.errors import CorpusError
from corpus.model import Document, Paragraph, Sentence
from corpus.translate import memory


def make_doc(texts):
    sentences = [Sentence(id=f"d.p000.s{i:02d}", doc_id="d", paragraph=0, index=i, zh=t) for i, t in enumerate(texts)]
    return Document("d", "d.txt", paragraphs=[Paragraph(0, "paragraph", "".join(texts), sentences=sentences)])


def test_lookup_by_text_and_stale_detection(tmp_path):
    memory.write(tmp_path / "d.jsonl", [
        memory.MemoryEntry("d.p000.s00", "旧的句子。", ["The old sentence."]),
        memory.MemoryEntry("d.p000.s01", "不变。", ["Unchanged."]),
    ])
    doc = make_doc(["新的句子。", "不变。"])
    tm = memory.load("d", tmp_path)
    missing = memory.apply(doc, tm)
    assert [s.id for s in missing] == ["d.p000.s00"]
    # a memory other than the team's is a user's: its English is theirs, not the team's reference
    assert doc.sentences[1].en_segments == ["Unchanged."] and doc.sentences[1].en_source == "human:d.jsonl"
    assert doc.sentences[0].en_segments == []  # never the stale English
    (record,) = memory.missing_entries(doc, tm)
    assert record["stale"] == {"zh": "旧的句子。", "en": ["The old sentence."]}


def test_the_teams_memory_is_reference_and_an_imported_file_names_itself(tmp_path):
    doc = make_doc(["第一句。"])
    assert memory.load("geekpark-zhang-hongjiang").provenance == "reference"
    (record,) = memory.missing_entries(doc, memory.load("d", tmp_path))
    memory.import_entries(doc, [{**record, "en": ["One."]}], tmp_path, "human:todo.jsonl")
    assert '"source": "human:todo.jsonl"' in (tmp_path / "d.jsonl").read_text(encoding="utf-8")
    memory.apply(doc, memory.load("d", tmp_path))
    assert doc.sentences[0].en_source == "human:todo.jsonl"
    (tmp_path / "d.jsonl").write_text('{"id": "x", "zh": "一。", "en": ["One."], "source": "reference"}\n',
                                      encoding="utf-8")
    with pytest.raises(CorpusError, match="human:<file>"):
        memory.load("d", tmp_path)  # a user's memory cannot pass its English off as the team's


def test_missing_then_import_round_trip(tmp_path):
    doc = make_doc(["第一句。", "第二句。"])
    records = memory.missing_entries(doc, memory.load("d", tmp_path))
    assert [r["zh"] for r in records] == ["第一句。", "第二句。"]
    records[0]["en"] = ["The first sentence."]
    records[1]["en"] = ["The second", "sentence, in two."]
    assert memory.import_entries(doc, records, tmp_path) == 2
    fresh = make_doc(["第一句。", "第二句。"])
    assert memory.apply(fresh, memory.load("d", tmp_path)) == []
    assert fresh.sentences[1].en_segments == ["The second", "sentence, in two."]
    lines = (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["d.p000.s00", "d.p000.s01"]


@pytest.mark.parametrize("change, problem", [
    ({"en": "The second sentence."}, "list of non-empty strings"),  # a bare string, not a list
    ({"en": ["The second sentence.", " "]}, "list of non-empty strings"),
    ({"zh": "第二句!"}, "matches no sentence"),  # the translator edited the source
])
def test_import_refuses_bad_records_and_writes_nothing(tmp_path, change, problem):
    doc = make_doc(["第一句。", "第二句。"])
    good, bad = memory.missing_entries(doc, memory.load("d", tmp_path))
    good["en"], bad["en"] = ["The first sentence."], ["The second sentence."]
    bad.update(change)
    with pytest.raises(CorpusError, match=problem):
        memory.import_entries(doc, [good, bad], tmp_path)
    assert not (tmp_path / "d.jsonl").exists()


def test_memory_file_with_a_string_for_en_names_file_and_line(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"id": "x", "zh": "好", "en": ["Good"]}\n{"id": "y", "zh": "坏", "en": "Bad"}\n',
                                      encoding="utf-8")
    with pytest.raises(CorpusError, match=r"d.jsonl: line 2: .*list of non-empty strings"):
        memory.load("d", tmp_path)


def test_malformed_memory_file_names_file_and_line(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"id": "x", "zh": "好", "en": ["Good"]}\nnot json\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"d.jsonl.*line 2"):
        memory.load("d", tmp_path)


@pytest.fixture
def one_new_seed(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "new.txt").write_text("智源研究院成立于2018年。张宏江是理事长。\n", encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    return seeds


def test_build_without_memory_entry_or_model_fails_clearly_and_writes_nothing(tmp_path, one_new_seed):
    with pytest.raises(pipeline.UntranslatedError) as error:
        pipeline.build(one_new_seed, root=tmp_path / "out", tm_dir=tmp_path / "tm")
    message = str(error.value)
    assert "corpus models install" in message and "--allow-untranslated" in message
    assert not (tmp_path / "out").exists()


def test_allow_untranslated_builds_and_reports_the_sentences(tmp_path, one_new_seed):
    report = pipeline.build(one_new_seed, root=tmp_path / "out", tm_dir=tmp_path / "tm", allow_untranslated=True)
    assert [s.zh for s in report.untranslated] == ["智源研究院成立于2018年。", "张宏江是理事长。"]
    assert all("untranslated" in s.flags for s in report.untranslated)
    assert (tmp_path / "out" / "corpus" / "data" / "sentences.parquet").exists()


def test_prune_drops_orphans_and_keeps_used_entries(tmp_path):
    memory.write(tmp_path / "d.jsonl", [
        memory.MemoryEntry("d.p000.s00", "第一句。", ["The first sentence."]),
        memory.MemoryEntry("d.p000.s01", "因?", ["Because…"]),  # fragment of an old, badly cleaned sentence
        memory.MemoryEntry("d.p000.s02", "第二句。", ["The second sentence."]),
        memory.MemoryEntry("d.p009.s00", "关于我们| 联系方式", ["About Us | Contact"]),  # boilerplate no longer kept
        memory.MemoryEntry("d.p000.s03", "第三句。", []),  # no English yet, but its sentence exists: kept
    ])
    doc = make_doc(["第一句。", "第二句。", "第三句。"])
    tm = memory.load("d", tmp_path)
    removed = memory.prune(doc, tm)
    assert [e.zh for e in removed] == ["因?", "关于我们| 联系方式"]
    assert [e.zh for e in tm.entries] == ["第一句。", "第二句。", "第三句。"]
    assert tm.lookup(doc.sentences[1]).en == ["The second sentence."]
    assert "因?" not in tm.by_zh and "d.p000.s01" not in tm.by_id
    memory.write(tmp_path / "d.jsonl", tm.entries)
    fresh = memory.load("d", tmp_path)
    assert [e.zh for e in fresh.entries] == ["第一句。", "第二句。", "第三句。"]
    assert memory.prune(doc, fresh) == []  # idempotent
    assert memory.apply(make_doc(["第一句。", "第二句。"]), fresh) == []
