"""Annotation: entity mentions (Chinese and projected English) and speakers.

``annotate(doc)`` is what the build calls; the registry it reads is :mod:`corpus.registry`;
the pieces are importable on their own:
:func:`~corpus.annotate.mentions.find_mentions`,
:func:`~corpus.annotate.projection.project`,
:func:`~corpus.annotate.speakers.assign_speakers`.
"""
from __future__ import annotations

from corpus.annotate import mention_classifier
from corpus.annotate.company_names import company_short_forms
from corpus.annotate.interview import voice_types
from corpus.annotate.mentions import dictionary, find_mentions, unknown_candidates
from corpus.annotate.name_spans import document_types, typed_over_document
from corpus.annotate.person_forms import given_names, without_address_forms
from corpus.annotate.ner import local_ids, registry_only_documents
from corpus.annotate.org_spans import known_names
from corpus.annotate.short_forms import defined_short_forms, with_short_forms
from corpus.annotate.projection import project
from corpus.registry import Registry, load_registry
from corpus.annotate.speakers import assign_speakers
from corpus.model import Document, Mention
from corpus.segment import corrupted_spans
from corpus.stage import Stage

__all__ = ["annotate", "stage", "assign_speakers", "find_mentions", "project", "unknown_candidates"]


def annotate(doc: Document, registry: Registry | None = None) -> None:
    """Fill ``entities``, ``en_entities`` (offsets into ``Sentence.en``) and speakers of every sentence.

    Registry mentions carry the registry id; names only the statistical model found carry a
    document-scoped ``<doc_id>.name.<pinyin>`` id (:mod:`corpus.annotate.ner`); dates, amounts … none.
    In a sentence flagged ``corrupted`` no model mention touches an unrecovered run: the model reads
    names into mojibake (工程师王振东 damaged reads as 淌ν跽穸赋); a registry name matches exactly or not at all.
    """
    registry = registry or load_registry()
    statistical = doc.doc_id not in registry_only_documents()
    for sentence in doc.sentences:
        sentence.entities = find_mentions(sentence.zh, registry, statistical)
    short_forms, types = set(), document_types(doc.sentences) | voice_types(doc)
    if statistical:
        short_forms = (defined_short_forms(doc.sentences) | known_names(doc.sentences, dictionary(registry))
                       | company_short_forms(doc.sentences))
    for sentence in doc.sentences:
        if short_forms:
            sentence.entities = with_short_forms(sentence.entities, sentence.zh, short_forms)
        if "corrupted" in sentence.flags:
            sentence.entities = [m for m in sentence.entities if m.source != "ner" or not _damaged(m, sentence.zh)]
    typed_over_document(doc.sentences, types)
    if statistical:
        given_names(doc.sentences)
        without_address_forms(doc.sentences)
    if statistical and mention_classifier.enabled():  # the rules' names are final: the learned stage types them
        mention_classifier.classify(doc, registry)
    link_unregistered(doc)
    for sentence in doc.sentences:
        sentence.en_entities = (
            project(sentence.entities, sentence.zh, sentence.en, registry)[0] if sentence.en_segments else []
        )
    assign_speakers(doc, registry)


def _damaged(mention: Mention, text: str) -> bool:
    return any(mention.overlaps(start, end) for start, end in corrupted_spans(text))


def link_unregistered(doc: Document) -> None:
    """Give the model's mentions (names the registry lacks) their document-scoped ids."""
    found = [m for s in doc.sentences for m in s.entities if m.source == "ner"]
    ids = local_ids(doc.doc_id, [(m.text, m.type) for m in found])
    for mention in found:
        mention.ref = ids[mention.text, mention.type]
    doc.names = {identifier: name for name, identifier in ids.items()}


def stage(registry: Registry) -> Stage:
    """The annotate stage, with ``registry``."""
    def run(doc: Document) -> Document:
        annotate(doc, registry)
        return doc

    return Stage("annotate", run, reads=("sentences", "en_segments"),
                 fills=("entities", "en_entities", "speaker", "speaker_role", "names"))
