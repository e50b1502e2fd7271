"""The one document model every stage reads and returns.

A seed flows through the stages as a :class:`Document`; each stage fills in
more of it and nothing goes back upstream.  Offsets are Python ``str``
indices (code points), never bytes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Optional


class Vocabulary(str, Enum):
    """A closed vocabulary: each member is its string value, in comparisons and in every output,
    so ``ParagraphKind.TITLE == "title"`` and serialised bytes do not change.  Member order is
    part of the published data (the dataset's class-label ids follow it): append, never reorder."""

    def __str__(self) -> str:
        return str(self.value)


class ParagraphKind(Vocabulary):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TURN = "turn"


class SpeakerRole(Vocabulary):
    INTERVIEWER = "interviewer"
    INTERVIEWEE = "interviewee"
    QUOTED = "quoted"  # only in narrative: the curated voices are interviewers and interviewees


class EntityType(Vocabulary):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    WORK = "work"
    MISC = "misc"
    DATE = "date"
    TIME = "time"
    AMOUNT = "amount"
    PERCENT = "percent"
    TITLE = "title"  # a title in 《》 the registry does not know


# The types a registry entity may have; the others are found by rules.
REGISTRY_TYPES = (EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.WORK, EntityType.MISC)


class WorkSubtype(Vocabulary):
    """What a registry ``work`` is (its ``subtype``): a text with a title, or an artefact."""

    BOOK = "book"
    REPORT = "report"
    REGULATION = "regulation"
    CHANNEL = "channel"  # a video channel: a series of works under one title
    PROJECT = "project"
    MODEL = "model"  # a trained model or a family of them (GPT-3, 悟道)
    APP = "app"
    SOFTWARE = "software"
    HARDWARE = "hardware"
    PLATFORM = "platform"  # a computing installation (萤火一号)
    ARCHITECTURE = "architecture"
    ALGORITHM = "algorithm"


# Works that are made things, not texts: products, models, programs, machines and methods (TEI ``object``).
ARTEFACT_SUBTYPES = frozenset({WorkSubtype.MODEL, WorkSubtype.APP, WorkSubtype.SOFTWARE, WorkSubtype.HARDWARE,
                               WorkSubtype.PLATFORM, WorkSubtype.ARCHITECTURE, WorkSubtype.ALGORITHM})
# The roles a curated voice may have; ``quoted`` is found in narrative.
VOICE_ROLES = (SpeakerRole.INTERVIEWER, SpeakerRole.INTERVIEWEE)


class MentionSource(Vocabulary):
    REGISTRY = "registry"
    RULE = "rule"
    JIEBA = "jieba"
    NER = "ner"  # the statistical named-entity model: a name the registry lacks
    PROJECTION = "projection"


class Script(Vocabulary):
    HANS = "hans"
    HANT = "hant"


@dataclass(frozen=True)
class Edit:
    """One change made by cleaning: ``text[start:end]`` was ``old`` and became ``new``.

    ``start``/``end`` index the text *before* the pass that made the edit;
    ``rule`` names the rule (e.g. ``boilerplate.related_news``) and ``reason``
    says why, for a reviewer reading the edit log.
    """

    start: int
    end: int
    old: str
    new: str
    rule: str
    reason: str


@dataclass
class Mention:
    """A typed span in a sentence (Chinese or English), optionally linked to the registry."""

    start: int
    end: int
    text: str
    type: str  # an EntityType
    ref: Optional[str] = None  # entity registry id
    source: str = MentionSource.REGISTRY  # a MentionSource

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the span shares a character with ``[start, end)``."""
        return start < self.end and self.start < end


@dataclass
class Sentence:
    id: str  # "<doc_id>.p<paragraph:03d>.s<index:02d>"
    doc_id: str
    paragraph: int
    index: int
    zh: str  # cleaned text in the document's original script
    start: int = 0  # offset of the sentence in its paragraph text
    zh_hans: str = ""
    zh_hant: str = ""
    pinyin: str = ""
    flags: list[str] = field(default_factory=list)
    en_segments: list[str] = field(default_factory=list)  # English sentences (1..n) for this zh sentence
    en_source: str = ""  # "reference" | "mt:<engine>:<model>:<version>" | "" (untranslated)
    speaker: Optional[str] = None  # registry id
    speaker_role: Optional[str] = None  # a SpeakerRole
    # Role quoted: where zh holds the speaker's words, (start, end) offsets into zh in text
    # order, quotation marks included; the rest of the sentence is the narrative framing them.
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    en_entities: list[Mention] = field(default_factory=list)

    @property
    def en(self) -> str:
        return " ".join(self.en_segments)


@dataclass
class Paragraph:
    index: int
    kind: str  # a ParagraphKind
    text: str  # paragraph text (for a turn: without the speaker label)
    speaker_label: Optional[str] = None  # label as written, e.g. "「暗涌」" or "张宏江"
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    """A sentence-alignment link between zh sentences and English segments of one document.

    ``zh`` are indices into ``Document.sentences``; ``en`` are indices into
    ``Document.en_segments`` (the English sentences in document order).  Either
    side may be empty (1-0 / 0-1 links).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 0.0

    @property
    def type(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass
class Document:
    doc_id: str
    source_file: str
    raw: str = ""  # decoded raw seed text
    encoding: str = "utf-8"
    script: str = ""  # a Script (the detected original script); "" before detection
    cleaned: str = ""
    edits: list[list[Edit]] = field(default_factory=list)  # one list per cleaning pass, in order
    metadata: dict = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # Names the registry lacks that annotation found (entity mentions, speakers):
    # document-scoped id ("<doc_id>.name.<pinyin>") → (name as written, type).
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    # What the qa stage found, (sentence id, check, detail): reported by the build, not published,
    # and no part of what makes two documents the same.
    problems: list[tuple[str, str, str]] = field(default_factory=list, compare=False)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def en_segments(self) -> list[str]:
        return [segment for s in self.sentences for segment in s.en_segments]
