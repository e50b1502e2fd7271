"""Sentence alignment of Chinese and English (stage ``corpus/align``).

``align_texts`` (ours: lexical similarity from CC-CEDICT, numbers, Latin tokens
and a lexicon learned from the bitext, plus lengths, searched coarse to fine)
and ``gale_church_align`` (the length-only baseline) align two sentence lists;
``align_document``/``construction_links`` work on a Document; ``align_files`` serves the CLI;
``format_links``/``parse_links``
speak the Vecalign text format; ``score_alignments`` is Vecalign's strict/lax
evaluation and ``evaluation_report`` adds the per-link-type confusion.
"""
from corpus.align.aligner import align_texts, gale_church_align, score_links
from corpus.align.document import align_document, construction_links, link_agreement
from corpus.align.evaluate import Scores, evaluation_report, score_alignments
from corpus.align.files import align_file_links, align_files, read_gold, split_english
from corpus.align.gold_format import format_links, parse_links

__all__ = [
    "Scores", "align_document", "align_file_links", "align_files", "align_texts", "construction_links",
    "evaluation_report", "format_links", "gale_church_align", "link_agreement", "parse_links", "read_gold",
    "score_alignments", "score_links", "split_english",
]
