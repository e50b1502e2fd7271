"""What each page shows, computed from the loaded corpus: plain data for the templates.

A document page is its paragraphs in reading order, each holding the
alignment links that start in it; a link holds its Chinese sentences (every
script layer already marked up) and its English segments.  Nothing here
re-runs a pipeline stage: it rearranges what ``corpus.load()`` returns.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup

from corpus.api import Corpus
from corpus.export.rows import en_segment_id
from corpus.model import Document, Link, Mention, Paragraph, Sentence
from corpus.script import character_readings
from corpus.site import markup

# BCP 47 tags of the layers (the pinyin tag as registered for the Hanyu Pinyin transcription).
SCRIPT_LANG = {"hans": "zh-Hans", "hant": "zh-Hant"}
PINYIN_LANG = "zh-Latn-pinyin"


@dataclass
class SentenceView:
    id: str
    layers: dict[str, Markup]  # orig, hans, hant: the Chinese in each script, mentions marked where offsets hold
    ruby: Optional[Markup]  # the original script over its pinyin; None where they do not line up
    pinyin: str
    flags: list[str]
    speaker: Optional[str]  # registry id of a quotation's speaker (turn speakers are on the paragraph)
    role: Optional[str]


@dataclass
class SegmentView:
    id: str
    html: Markup


@dataclass
class LinkView:
    type: str
    zh: list[SentenceView]
    en: list[SegmentView]
    score: float

    @property
    def grouped(self) -> bool:
        """More than one sentence on a side (1-2, 2-1, ...): shown as one bracketed group."""
        return len(self.zh) > 1 or len(self.en) > 1

    @property
    def unaligned(self) -> bool:
        return not self.zh or not self.en


@dataclass
class ParagraphView:
    index: int
    kind: str
    speaker_label: Optional[str]
    speaker: Optional[str]
    role: Optional[str]
    links: list[LinkView] = field(default_factory=list)


def entity_names(corpus: Corpus) -> dict[str, dict]:
    return {e["id"]: e for e in corpus.entities}


def document_view(doc: Document) -> list[ParagraphView]:
    """The paragraphs of ``doc``, each with the links whose first Chinese sentence it holds.

    A link with no Chinese sentence (0-1) goes to the paragraph of the link before it.
    """
    sentences, segments = doc.sentences, _segments(doc)
    views = {p.index: _paragraph_view(p) for p in doc.paragraphs}
    current = doc.paragraphs[0].index if doc.paragraphs else 0
    for link in doc.links or _one_to_one(doc):
        if link.zh:
            current = sentences[link.zh[0]].paragraph
        views[current].links.append(
            LinkView(link.type, [_sentence_view(doc, sentences[i]) for i in link.zh], [segments[j] for j in link.en],
                     link.score)
        )
    return list(views.values())


def _one_to_one(doc: Document) -> list[Link]:
    """Sentence-by-sentence links for a document without an alignment (an untranslated build)."""
    links, en = [], 0
    for i, sentence in enumerate(doc.sentences):
        count = len(sentence.en_segments)
        links.append(Link((i,), tuple(range(en, en + count))))
        en += count
    return links


def _paragraph_view(paragraph: Paragraph) -> ParagraphView:
    first = paragraph.sentences[0] if paragraph.sentences else None
    turn = paragraph.kind == "turn" and first is not None
    return ParagraphView(paragraph.index, paragraph.kind, paragraph.speaker_label,
                         first.speaker if turn and first else None, first.speaker_role if turn and first else None)


def _sentence_view(doc: Document, sentence: Sentence) -> SentenceView:
    quotes = sentence.quote_spans if sentence.speaker_role == "quoted" else []

    def layer(text: str) -> Markup:  # offsets are into zh: moved onto a layer whose conversion changed the length
        if len(text) == len(sentence.zh):
            return markup.marked(text, sentence.entities, quotes, sentence.speaker)
        spans = markup.moved_spans(sentence.zh, text, [(m.start, m.end) for m in sentence.entities] + list(quotes))
        mentions = [Mention(start, end, text[start:end], m.type, m.ref)
                    for (start, end), m in zip(spans, sentence.entities)]
        return markup.marked(text, mentions, spans[len(sentence.entities):], sentence.speaker)

    return SentenceView(
        id=sentence.id,
        layers={"orig": layer(sentence.zh), "hans": layer(sentence.zh_hans), "hant": layer(sentence.zh_hant)},
        ruby=sentence_ruby(sentence),
        pinyin=sentence.pinyin,
        flags=list(sentence.flags),
        speaker=sentence.speaker if sentence.speaker_role == "quoted" else None,
        role=sentence.speaker_role,
    )


def sentence_ruby(sentence: Sentence) -> Optional[Markup]:
    """The original script over the syllables the pinyin column is made of; the simplified text where
    conversion changed the length (the readings are per character of the simplified form)."""
    readings = character_readings(sentence.zh_hans, sentence.zh)
    text = sentence.zh if len(sentence.zh) == len(sentence.zh_hans) else sentence.zh_hans
    return markup.ruby(text, readings)


def _segments(doc: Document) -> list[SegmentView]:
    """Every English segment of ``doc`` in order, with the mentions projected onto it."""
    views = []
    for sentence in doc.sentences:
        offset = 0
        for k, segment in enumerate(sentence.en_segments):
            inside = [
                Mention(m.start - offset, m.end - offset, m.text, m.type, m.ref)
                for m in sentence.en_entities
                if offset <= m.start and m.end <= offset + len(segment)
            ]
            views.append(SegmentView(en_segment_id(sentence, k), markup.marked(segment, inside)))
            offset += len(segment) + 1  # Sentence.en joins the segments with one space
    return views


def metadata_view(doc: Document) -> list[tuple[str, str]]:
    """The document's metadata as (label, value) lines, in a fixed order; absent fields left out."""
    meta = doc.metadata
    lines = [
        ("Outlet", meta.get("outlet")),
        ("Original outlet", meta.get("original_outlet")),
        ("Date", meta.get("date") or meta.get("date_note")),
        ("Authors", ", ".join(meta.get("authors") or [])),
        ("Editors", ", ".join(meta.get("editors") or [])),
        ("Interviewers", ", ".join(meta.get("interviewers") or [])),
        ("Genre", meta.get("genre")),
        ("Script", SCRIPT_LANG.get(doc.script, doc.script)),
        ("Source file", f"{doc.source_file} ({doc.encoding})"),
        ("Cleaning edits", str(sum(len(edits) for edits in doc.edits))),
    ]
    return [(label, str(value)) for label, value in lines if value]


def provenance_view(doc: Document) -> list[tuple[str, int]]:
    """Where the English came from: each source (reference translation, MT engine and model) and its count."""
    counts = Counter(_source_label(s.en_source) for s in doc.sentences)
    return sorted(counts.items(), key=lambda item: -item[1])


def _source_label(source: str) -> str:
    if source == "reference":
        return "reference translation by the project team"
    if source.startswith("mt:"):
        _mt, engine, model, version = (source.split(":", 3) + ["", "", ""])[:4]
        return f"machine translation: {engine}, model {model}, version {version}"
    return "untranslated"


def title(doc: Document) -> tuple[str, str]:
    """The Chinese and English titles; the first sentence and the document id stand in where none is stated."""
    meta = doc.metadata
    zh = meta.get("title_zh") or (doc.sentences[0].zh if doc.sentences else doc.doc_id)
    return zh, meta.get("title_en") or doc.doc_id


@dataclass
class MentionLine:
    sentence: Sentence
    doc_id: str
    before: str
    text: str
    after: str


def mentions_of(corpus: Corpus, entity_id: str, context: int = 24) -> list[MentionLine]:
    """Every Chinese mention of ``entity_id`` as a keyword-in-context line, in corpus order."""
    return [
        MentionLine(s, s.doc_id, s.zh[max(0, m.start - context):m.start], s.zh[m.start:m.end],
                    s.zh[m.end:m.end + context])
        for s in corpus.sentences
        for m in s.entities
        if m.ref == entity_id
    ]
