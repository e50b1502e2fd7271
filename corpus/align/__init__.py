"""Sentence alignment of Chinese and English (stage ``corpus/align``).

``align_texts`` (ours: Gale–Church lengths + CC-CEDICT, numbers, Latin tokens
and pinyin names) and ``gale_church_align`` (the length-only baseline) align
two sentence lists; ``align_document``/``construction_links`` work on a
Document; ``align_files`` serves the CLI; ``format_links``/``parse_links``
speak the Vecalign text format; ``score_alignments`` is Vecalign's strict/lax
evaluation.
"""
from corpus.align.aligner import align_texts, gale_church_align, score_links
from corpus.align.document import align_document, construction_links, link_agreement
from corpus.align.evaluate import Scores, score_alignments
from corpus.align.files import align_files, split_english
from corpus.align.gold_format import format_links, parse_links

__all__ = [
    "Scores", "align_document", "align_files", "align_texts", "construction_links", "format_links",
    "gale_church_align", "link_agreement", "parse_links", "score_alignments", "score_links", "split_english",
]
