"""Checks shared by the end-matter tests: what cleaning keeps of a text, and that it can be undone."""
from __future__ import annotations

from corpus.clean import clean
from corpus.editlog import revert_all
from corpus.model import Document
from corpus.structure import parse


def cleaned(raw: str) -> str:
    """The cleaned text of ``raw``, checking that the edit log restores ``raw`` and that cleaning is idempotent."""
    text, passes = clean(raw)
    assert revert_all(text, passes) == raw  # nothing lost but what the log holds
    assert clean(text)[0] == text  # idempotent
    return text


def assert_end_matter_goes(raw: str, kept: str, labels: list[str]) -> None:
    """``raw`` cleans to ``kept``, the edit log restores ``raw``, and the turns are ``labels``, in order (end matter
    after the last turn is nobody's turn)."""
    text, passes = clean(raw)
    assert text == kept
    assert revert_all(text, passes) == raw
    doc = parse(Document(doc_id="t", source_file="t.txt", cleaned=text))
    assert [p.speaker_label for p in doc.paragraphs if p.kind == "turn"] == labels


def assert_shuffled_notices_go(title: str, article: list[str], notices: list[str], random) -> None:
    """Article lines and notice lines shuffled under ``title``: every notice goes, every article line stays in its
    order, the edit log restores the capture, and cleaning again changes nothing."""
    lines = article + notices
    random.shuffle(lines)
    raw = "\n".join([title, *lines])
    text, passes = clean(raw)
    assert text == "\n".join([title, *(line for line in lines if line in article)])
    assert revert_all(text, passes) == raw
    assert clean(text)[0] == text
