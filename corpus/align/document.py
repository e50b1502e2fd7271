"""Alignment of a :class:`~corpus.model.Document`: by the aligner, by construction, and their agreement.

Our translation stage writes 1..n English segments per Chinese sentence, so
the document is aligned *by construction*; :func:`construction_links` reads
those links off, and :func:`align_document` re-derives them blind with the
aligner.  :func:`link_agreement` compares the two (strict/lax F1 with the
construction links as gold) as a check on both the aligner and the
translation output.
"""
from __future__ import annotations

from collections.abc import Sequence

from corpus.align.aligner import AlignerSettings, align_texts, score_links
from corpus.align.evaluate import Scores, score_alignments
from corpus.model import Document, Link
from corpus.stage import Stage


def align_document(document: Document, *, settings: AlignerSettings | None = None) -> list[Link]:
    """Our aligner run on the document's zh sentences and its English segments."""
    return align_texts([s.zh for s in document.sentences], document.en_segments, settings=settings)


def construction_links(document: Document) -> list[Link]:
    """One link per zh sentence to its own English segments (1-n; 1-0 when untranslated), scored by our model."""
    links = []
    next_segment = 0
    for index, sentence in enumerate(document.sentences):
        count = len(sentence.en_segments)
        links.append(Link((index,), tuple(range(next_segment, next_segment + count))))
        next_segment += count
    if not links:
        return []
    return score_links([s.zh for s in document.sentences], document.en_segments, links)


def link_agreement(documents: Sequence[Document]) -> Scores:
    """How well the blind aligner reproduces the construction links over translated documents."""
    translated = [d for d in documents if d.en_segments]
    return score_alignments([construction_links(d) for d in translated], [align_document(d) for d in translated])


def link_document(document: Document) -> Document:
    """The align stage: the document's links are its construction links (our English is aligned by
    construction; the aligner's model scores each link)."""
    document.links = construction_links(document)
    return document


STAGE = Stage("align", link_document, reads=("sentences", "en_segments"), fills=("links",))
