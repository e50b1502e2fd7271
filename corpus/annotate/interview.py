"""Who asks and who answers in an interview whose voices the registry does not curate.

The document says it itself:

* the interviewer is the outlet its dateline or byline names (``metadata["outlet"]``, read by
  ingest: ``2024-03-12 来源:星河财经``);
* the interviewee is the person its title names after a cue (对话周启明:…, 專訪林雅婷:…; the
  cues are the language layer's, ``interviews.title_cues`` in ``curated/lang/zh.yaml``) or
  before a colon at its start (周启明:…).

Each side is a :class:`Voice`: the name, and the registry id when the registry knows the
name, else a document-scoped id (:func:`corpus.annotate.ner.local_id`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from corpus.annotate.ner import local_id
from corpus.lang import INTERVIEW_TITLE_CUES, alternation
from corpus.registry import Registry, normalise_label
from corpus.model import Document

# How far after a title cue the interviewee's name may start (对话智源张宏江: an organisation first).
NAME_AFTER_CUE = 12
COLON = re.compile(r"\s*[:：]")


@dataclass(frozen=True)
class Voice:
    name: str  # as written
    id: str  # registry id, or document-scoped id
    type: str  # person | org

    @property
    def registered(self) -> bool:
        return "." not in self.id


@dataclass(frozen=True)
class Sides:
    interviewer: Optional[Voice]
    interviewee: Optional[Voice]

    def voice_named(self, label: str) -> Optional[tuple[Voice, str]]:
        """The side whose name the turn label is, with its role."""
        written = normalise_label(label)
        for voice, role in ((self.interviewer, "interviewer"), (self.interviewee, "interviewee")):
            if voice is not None and written == normalise_label(voice.name):
                return voice, role
        return None

    def voice_of(self, role: Optional[str]) -> Optional[Voice]:
        return self.interviewer if role == "interviewer" else self.interviewee if role == "interviewee" else None


@lru_cache(maxsize=1)
def title_cues() -> re.Pattern:
    return re.compile(alternation(INTERVIEW_TITLE_CUES))


def voice(doc: Document, name: str, kind: str, registry: Registry) -> Voice:
    """A name as a voice: its registry entity when the registry knows it, else a document-scoped id."""
    entity = registry.lookup(normalise_label(name))
    if entity is not None:
        return Voice(name, entity.id, entity.type)
    return Voice(name, local_id(doc.doc_id, normalise_label(name), kind), kind)


def interviewer(doc: Document, registry: Registry) -> Optional[Voice]:
    outlet = doc.metadata.get("outlet")
    return voice(doc, outlet, "org", registry) if isinstance(outlet, str) and outlet.strip() else None


def interviewee(doc: Document, registry: Registry) -> Optional[Voice]:
    """The person the title names after a cue, or before a colon at its start."""
    title = doc.paragraphs[0] if doc.paragraphs and doc.paragraphs[0].kind == "title" else None
    if title is None:
        return None
    people = [(s.start + m.start, s.start + m.end, m)
              for s in title.sentences for m in s.entities if m.type == "person"]
    cues = [match.end() for match in title_cues().finditer(title.text)]
    for start, end, mention in people:
        after_cue = any(0 <= start - cue <= NAME_AFTER_CUE for cue in cues)
        opens_title = not title.text[:start].strip() and COLON.match(title.text, end) is not None
        if after_cue or opens_title:
            if mention.ref:
                return Voice(mention.text, mention.ref, "person")
            return voice(doc, mention.text, "person", registry)
    return None


def sides(doc: Document, registry: Registry) -> Sides:
    return Sides(interviewer(doc, registry), interviewee(doc, registry))
