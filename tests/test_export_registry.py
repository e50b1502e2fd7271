"""Export formats behind one interface, and the model's closed vocabularies in every exporter."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import atomic, output, pipeline
from corpus.export import base, publish, rows, tei
from corpus.model import Document, EntityType, ParagraphKind, Script, SpeakerRole
from corpus.registry import ENTITY_TYPES, SPEAKER_ROLES


def test_every_published_directory_is_written_by_registered_formats():
    assert {"parquet", "edit-log", "tei", "xces", "moses", "tmx"} <= set(base.FORMATS)
    assert {export.target for export in base.FORMATS.values()} == set(base.Target)


def test_a_format_is_registered_once():
    with pytest.raises(ValueError, match="'tei' is registered twice"):
        base.register("tei", base.Target.TEI, "again")(lambda release, directory: tei.TeiWriter(release, directory))


def test_a_new_format_is_one_registered_writer(tmp_path, monkeypatch):
    formats: dict[str, base.Format] = {}  # only the new format, so the test writes nothing else
    monkeypatch.setattr(base, "FORMATS", formats)
    monkeypatch.setattr(publish, "FORMATS", formats)
    monkeypatch.setattr(publish.card, "update_readme", lambda *args: False)

    class IdsWriter:
        def __init__(self, directory: Path):
            self.directory, self.ids = directory, []

        def add(self, doc: Document) -> None:
            self.ids.append(doc.doc_id)

        def close(self) -> None:
            atomic.write_text(self.directory / "ids.txt", " ".join(self.ids))

    @base.register("ids", base.Target.ALIGNMENTS, "document ids")
    def open_ids(release: base.Release, directory: Path) -> IdsWriter:
        return IdsWriter(directory)

    destination = output.destination(tmp_path / "out", pipeline.ROOT, False)
    destination.check()
    with destination.session(lambda message: None):
        publish.write_all([Document("a", "a.txt"), Document("b", "b.txt")], [], destination, tmp_path)
    assert (tmp_path / "out" / "alignments" / "ids.txt").read_text(encoding="utf-8") == "a b"


def test_class_labels_follow_the_model_vocabularies():
    assert rows.ENTITY_TYPES == [e.value for e in EntityType]
    assert rows.PARAGRAPH_KINDS == [k.value for k in ParagraphKind]
    assert rows.SCRIPTS == [s.value for s in Script]
    assert rows.SPEAKER_ROLES == ["none", *(r.value for r in SpeakerRole)]
    assert set(tei.SPEAKER_ROLES) == {r.value for r in SpeakerRole}
    assert set(tei.PARAGRAPH_ELEMENTS) == set(ParagraphKind)
    assert set(tei.MENTION_ELEMENTS) == set(EntityType)
    assert ENTITY_TYPES < set(EntityType) and SPEAKER_ROLES < set(SpeakerRole)


@pytest.mark.parametrize("member", [*EntityType, *ParagraphKind, *SpeakerRole, *Script])
def test_a_vocabulary_member_serialises_as_its_value(member):
    assert member == member.value and str(member) == f"{member}" == member.value
    assert json.dumps({"k": member}) == json.dumps({"k": member.value})
