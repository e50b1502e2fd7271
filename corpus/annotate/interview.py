"""Who asks and who answers in an interview whose voices the registry does not curate.

The document says it itself:

* the interviewer is the outlet its dateline, header or closing notice names (``metadata["outlet"]``,
  read by ingest: ``2024-03-12 来源:星河财经``), else the one its title names in brackets before a cue
  (《深网》对话…), and a reporter its byline names (``metadata["authors"]``
  and ``["interviewers"]``: ``文／苏曼``, ``记者 邱小雨``, a programme's host in its show notes,
  ``主持：Grace``) asks too when a turn is labelled with their name;
* the interviewee is the person its title names after a cue (对话周启明:…, 專訪林雅婷:…; the
  cues are the language layer's, ``interviews.title_cues`` in ``curated/lang/zh.yaml``) or
  before a colon at its start (周启明:…), else the one guest the show notes name (``metadata["guests"]``:
  ``來賓：Leo``), else the person the text above the first turn names after a lead cue
  (本期嘉宾是深蓝储能的郑思远; ``interviews.lead_cues``).

Each side is a :class:`Voice`: the name, and the registry id when the registry knows the
name, else a document-scoped id (:func:`corpus.annotate.ner.local_id`).  A turn label names a
voice by the voice's name, or by a surname or a given name that only one person of the document
has (黄 or 志远: after the lead names 黄志远), by the Latin name the text gives in brackets after a
person's name (Kevin: 林柏豪（Kevin Lin）), or, for the outlet, by a part of its name (新創誌 for
島嶼新創誌); a person the document names on neither side still speaks under their name
(:attr:`Sides.people`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from corpus.annotate.gazetteer import has_surname
from corpus.annotate.name_spans import LIST_CONNECTIVES
from corpus.annotate.ner import local_id
from corpus.clean.notices import NOTICES, outlets_named
from corpus.lang import (ASKING_CREDITS, HAN_CLASS, HONORIFICS, INTERVIEW_LEAD_CUES, INTERVIEW_TITLE_CUES, ROLE_LABELS,
                         alternation)
from corpus.registry import Registry, normalise_label
from corpus.model import Document, Mention, Paragraph, Sentence

# How far after a title cue the interviewee's name may start (对话智源张宏江: an organisation first).
NAME_AFTER_CUE = 12
NAME_SIZES = (3, 2, 4)  # a Han name's length, the commonest first: a surname and a given name of one or two
MAX_SURNAME = 2  # a surname label: one character, or two for a compound surname (欧阳, 司马)
MIN_SHORT_NAME = 2  # an outlet's short name as a label (新創誌 for 島嶼新創誌): at least this many characters
COLON = re.compile(r"\s*[:：]")
HAN_NAME = re.compile(f"[{HAN_CLASS}]+")  # a surname label is Han characters (Q and A are no one's surname)
# A person's other name in brackets right after their name: 林柏豪（Kevin Lin）, 陳詠詩（Ivy）.
LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}")
LATIN_ALIAS = re.compile(rf"\s*[（(](?P<alias>{LATIN_NAME.pattern})[）)]")
# An outlet in title or corner brackets opening the title, right before its cue: 《深网》对话X, 「暗涌」專訪X.
CREDIT_ROLE_JOINERS = re.escape(NOTICES.credit.joiners)  # 采访、整理: two roles of one credit
TITLE_OUTLET = re.compile(r"\s*[《「『](?P<outlet>[^《》「」『』]{2,20})[》」』]\s*")


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
    reporters: tuple[Voice, ...] = ()  # people the byline names: they ask when a label names them
    people: tuple[Voice, ...] = ()  # every person the document names, on a side or not, one voice per id
    aliases: tuple[tuple[str, Voice], ...] = ()  # a person's other name in brackets after theirs (Kevin Lin)
    beside_interviewee: frozenset[str] = frozenset()  # ids of the people a sentence names with the interviewee

    def voice_named(self, label: str) -> Optional[tuple[Voice, Optional[str]]]:
        """The voice the turn label names, with its role (none for a person on neither side).

        A label names a voice by its name; by a surname or a given name that only one person of the
        document has (``黄`` for 黄志远, unless a 黄志明 is named too; ``嘉树`` for 林嘉树); by the other
        name the text gives a person in brackets, or its first word (``Kevin`` for 林柏豪（Kevin Lin）);
        the interviewer's outlet also by a part of its name (``新創誌`` for 島嶼新創誌).
        """
        written = normalise_label(label)
        sided = [(self.interviewer, "interviewer"), (self.interviewee, "interviewee")]
        sided += [(reporter, "interviewer") for reporter in self.reporters]
        for voice, role in sided:  # by name, or a Latin name by its first word (Kelvin for the host Kelvin Chan)
            if voice is not None and written in (normalise_label(voice.name), _latin_first_word(voice.name)):
                return voice, role
        person = self._alias_named(written) or self._person_named(written)
        if person is None:
            return self._outlet_named(written)
        return person, next((role for voice, role in sided if voice is not None and voice.id == person.id), None)

    def _alias_named(self, written: str) -> Optional[Voice]:
        """The one person whose bracketed other name is the label, or begins with it as a word."""
        holders = {voice.id: voice for alias, voice in self.aliases if written in (alias, alias.split(" ")[0])}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _outlet_named(self, written: str) -> Optional[tuple[Voice, Optional[str]]]:
        outlet = self.interviewer
        if outlet is None or len(written) < MIN_SHORT_NAME or written not in normalise_label(outlet.name):
            return None
        return outlet, "interviewer"

    def _person_named(self, written: str) -> Optional[Voice]:
        """The person whose name the label is; else the one person whose full name the label holds after a title
        (厂长 李明远); else the one person whose surname it is (an honorific apart), the interviewee where others of
        the document bear it too but no sentence names them with the interviewee (a relative the lead names apart;
        汤敬之和他的弟弟汤敬民… introduces two who may answer), or whose given name it is."""
        exact = [person for person in self.people if normalise_label(person.name) == written]
        if exact:
            return exact[0]
        titled = {person.id: person for person in self.people  # 厂长 李明远, 港大黃永康教授: a full name inside
                  if len(person.name) > 1 and person.name in written and len(person.name) < len(written)}
        if len(titled) == 1:
            return next(iter(titled.values()))
        surname = honorific().sub("", written) or written
        if not 0 < len(surname) <= MAX_SURNAME or not HAN_NAME.fullmatch(surname):
            return None
        holders = [person for person in self.people
                   if len(person.name) > len(surname) and normalise_label(person.name).startswith(surname)]
        if self.interviewee in holders and not self.beside_interviewee.intersection(each.id for each in holders):
            holders = [self.interviewee]  # 甘 for 甘德榮, whose father 甘永祥 another sentence names
        if len(holders) != 1 and surname == written:  # no surname of one person: a given name (嘉树 for 林嘉树)?
            holders = [person for person in self.people if HAN_NAME.fullmatch(person.name)
                       and 0 < len(person.name) - len(written) <= MAX_SURNAME and person.name.endswith(written)]
        return holders[0] if len(holders) == 1 else None

    def voice_of(self, role: Optional[str]) -> Optional[Voice]:
        """The side's voice: for the interviewer, the outlet, else the one reporter the byline names (several
        reporters under one 记者 label are no one voice)."""
        if role == "interviewer":
            return self.interviewer or (self.reporters[0] if len(self.reporters) == 1 else None)
        return self.interviewee if role == "interviewee" else None


def _latin_first_word(name: str) -> Optional[str]:
    """The first word of a Latin name of two words or more (Kelvin of Kelvin Chan), else None."""
    words = name.split()
    return words[0] if len(words) > 1 and LATIN_NAME.fullmatch(name) else None


@lru_cache(maxsize=1)
def title_cues() -> re.Pattern:
    return re.compile(alternation(INTERVIEW_TITLE_CUES))


@lru_cache(maxsize=1)
def lead_cues() -> re.Pattern:
    """What names the interviewee after it in the lead: the lead's cues (嘉宾, 请到了) and the title's (X专访了Y)."""
    return re.compile(alternation((*INTERVIEW_LEAD_CUES, *INTERVIEW_TITLE_CUES)))


@lru_cache(maxsize=1)
def honorific() -> re.Pattern:
    """An honorific ending a turn label (黄总, 林老師)."""
    return re.compile(alternation(HONORIFICS) + "$")


@lru_cache(maxsize=1)
def cued_name() -> re.Pattern:
    """A Han name of two to four characters right after an interviewer's role label and a colon, alone up to the line
    end, a space, a separator or a bracket (記者：龔以寧, 主持人：蕭以恩　…)."""
    return _cued(label for label in ROLE_LABELS["interviewer"] if len(label) > 1)


@lru_cache(maxsize=1)
def cued_guest() -> re.Pattern:
    """A Han name of two to four characters right after a word that introduces the interviewee and a colon, as
    :func:`cued_name` (特別來賓：甘立衡（晶軌科技執行長）, 对谈嘉宾：阙星野)."""
    return _cued(label for label in (*ROLE_LABELS["interviewee"], *INTERVIEW_LEAD_CUES) if len(label) > 1)


def _cued(labels: Iterable[str]) -> re.Pattern:
    """A name after a role word and a colon or a bar: Han characters (two to four) or a Latin name of one or two
    capitalised words; a Latin name after a space too (主持人 Otis: a host known by a Latin nickname; a Han name after
    a space may run on into the sentence, 记者 王岚表示)."""
    name_end = r"(?=$|[\s｜|／/）)（(])"
    latin = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
    return re.compile(rf"(?:{alternation(labels)})(?:\s*[:：／/｜|]\s*(?P<name>[{HAN_CLASS}]{{2,4}}|{latin})"
                      rf"|[ \u3000]+(?P<latin>{latin})){name_end}")


@lru_cache(maxsize=1)
def reporter_cue() -> re.Pattern:
    """An interviewer's role label right before a name (本报记者王岚, 主持人李然); 问/Q are too short to tell."""
    return re.compile(alternation(label for label in ROLE_LABELS["interviewer"] if len(label) > 1) + r"[\s:：]*$")


def voice(doc: Document, name: str, kind: str, registry: Registry) -> Voice:
    """A name as a voice: its registry entity when the registry knows it, else a document-scoped id."""
    entity = registry.lookup(normalise_label(name))
    if entity is not None:
        return Voice(name, entity.id, entity.type)
    return Voice(name, local_id(doc.doc_id, normalise_label(name), kind), kind)


def interviewer(doc: Document, registry: Registry) -> Optional[Voice]:
    """The outlet the dateline, header or closing notice names, else the one the title names before its cue, else
    the one the end matter cleaning removed names most often (© 2026 港灣週報, 关注公众号「县域观察」)."""
    outlet = doc.metadata.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        return voice(doc, outlet, "org", registry)
    title = _title(doc)
    named = TITLE_OUTLET.match(title.text) if title is not None else None
    if title is not None and named is not None and title_cues().match(title.text, named.end()) is not None:
        return voice(doc, named.group("outlet"), "org", registry)
    removed = Counter(outlets_named(removed_text(doc))).most_common(1)
    return voice(doc, removed[0][0], "org", registry) if removed else None


def removed_text(doc: Document) -> str:
    """What cleaning removed from the document (notices, credits, end matter), one removal a line."""
    return "\n".join(edit.old for edits in doc.edits for edit in edits if edit.old.strip() and not edit.new.strip())


def credited(doc: Document) -> list[str]:
    """The people the credits cleaning removed name as asking (``interviews.asking_credits``: 採訪／溫佩珊,
    采访、整理｜戴欣然, 記者：麥曉晴)."""
    asking = set(ASKING_CREDITS)
    return [name for role, names in NOTICES.credit.named(removed_text(doc))
            if asking.intersection(re.split(f"[{CREDIT_ROLE_JOINERS}]", role)) for name in names]


def reporters(doc: Document, registry: Registry) -> tuple[Voice, ...]:
    """The people the byline names as authors or interviewers, and those the lead names after 记者/主持人."""
    names = [name for field in ("authors", "interviewers") for name in doc.metadata.get(field) or ()
             if isinstance(name, str) and name.strip()] + credited(doc)
    byline = [voice(doc, name, "person", registry) for name in dict.fromkeys(names)]
    lead = [_person(doc, m, registry) for s in _lead_sentences(doc) for m in s.entities
            if m.type == "person" and reporter_cue().search(s.zh[:m.start])]
    return _distinct(byline + lead + _cued_names(doc, registry))


def _cued_names(doc: Document, registry: Registry) -> list[Voice]:
    """Names standing alone after an interviewer's role label in a line above the first turn (``2026年5月9日　記者：X``
    ending the line or before a space or a bar), or in a line cleaning removed (a programme's header line, ``主持人：X　
    特別來賓：Y（…）　節目長度：…``): a dateline's reporter that the statistical model did not type, a host the header
    named."""
    texts = [s.zh for s in _lead_sentences(doc)] + removed_text(doc).split("\n")
    return [voice(doc, match.group("name") or match.group("latin"), "person", registry) for text in texts
            for match in cued_name().finditer(text)]


def interviewee(doc: Document, registry: Registry) -> Optional[Voice]:
    """The person the title names after a cue or before a colon at its start, else the one guest the show notes
    name, else the person after a lead cue, else the one person the title names, else the first person the lead
    names on their own (第三代負責人、X船廠董事總經理陳柏霖…: an interview introduces whom it asks before the first
    turn), the reporters apart."""
    guest = guests(doc, registry)
    return (_title_interviewee(doc, registry) or (guest[0] if len(guest) == 1 else None)
            or _lead_interviewee(doc, registry) or _introduced_person(doc, registry))


def _introduced_person(doc: Document, registry: Registry) -> Optional[Voice]:
    """The one person the title names, else the first person the text above the first turn names (the lead
    introduces whom the interview asks before anyone it mentions about them: 五十一歲的X…師父是Y) unless it names
    them in a list with others (X、Y和Z都…: no one is singled out), not counting the reporters; None where none is,
    or the title names several."""
    asking = {each.id for each in reporters(doc, registry)}
    title = _title(doc)
    if title is not None:
        in_title = _distinct([_person(doc, m, registry) for s in title.sentences for m in s.entities
                              if m.type == "person"])
        in_title = tuple(each for each in in_title if each.id not in asking)
        if in_title:
            return in_title[0] if len(in_title) == 1 else None
    for sentence in _lead_sentences(doc):
        named = [m for m in sentence.entities if m.type == "person"]
        for mention in named:
            person = _person(doc, mention, registry)
            if person.id not in asking:
                return None if _listed(sentence.zh, mention, named) else person
    return None


def _listed(text: str, mention: Mention, people: list[Mention]) -> bool:
    """Whether a name stands in a list with another person's: only a connective (、, 和, 與…) between them."""
    return any(text[a.end:b.start].strip() in LIST_CONNECTIVES
               for a, b in ((mention, other) if other.start >= mention.end else (other, mention) for other in people
                            if other is not mention))


def voice_types(doc: Document) -> dict[str, str]:
    """The hosts and guests a programme's credit line names (ingest's ``metadata["interviewers"]`` and ``["guests"]``:
    主持：Mandy ｜ 嘉賓：譚家輝（…）), each a person over the document, and a Latin name's first word too (Siti for Siti
    Rahmah): the line that said so was cleaned away, and a Latin name in a turn has no other evidence."""
    names = [name for field in ("interviewers", "guests") for name in doc.metadata.get(field) or ()
             if isinstance(name, str) and name.strip()]
    return {part: "person" for name in names for part in dict.fromkeys((name, name.split(" ")[0]))}


def guests(doc: Document, registry: Registry) -> tuple[Voice, ...]:
    """The guests a programme's show notes name (``metadata["guests"]``: 來賓：Leo, 嘉宾：贺知远), and those a line
    that cleaning removed names after a word introducing the interviewee (``特別來賓：甘立衡（…）``: a lost header)."""
    names = [name for name in doc.metadata.get("guests") or () if isinstance(name, str) and name.strip()]
    names += [match.group("name") or match.group("latin") for match in cued_guest().finditer(removed_text(doc))]
    return tuple(voice(doc, name, "person", registry) for name in dict.fromkeys(names))


def _title(doc: Document) -> Optional[Paragraph]:
    return doc.paragraphs[0] if doc.paragraphs and doc.paragraphs[0].kind == "title" else None


def _title_interviewee(doc: Document, registry: Registry) -> Optional[Voice]:
    title = _title(doc)
    if title is None:
        return None
    people = [(s.start + m.start, s.start + m.end, m)
              for s in title.sentences for m in s.entities if m.type == "person"]
    cues = [match.end() for match in title_cues().finditer(title.text)]
    for start, end, mention in people:
        after_cue = any(0 <= start - cue <= NAME_AFTER_CUE for cue in cues)
        opens_title = not title.text[:start].strip() and COLON.match(title.text, end) is not None
        if after_cue or opens_title:
            return _person(doc, mention, registry)
    named = {mention.text: mention for _, _, mention in people}
    if cues and len(named) == 1:  # 專訪車險新創創辦人X：… — a long description between the cue and the one person named
        return _person(doc, next(iter(named.values())), registry)
    name = _unrecognised_title_name(title.text, cues, "".join(s.zh for s in _lead_sentences(doc)))
    return voice(doc, name, "person", registry) if name is not None and not people else None


def _unrecognised_title_name(title: str, cues: list[int], lead: str) -> Optional[str]:
    """The name that ends the title's cued clause right before its colon, where no person was recognised in the
    title (專訪蘭陽染坊主人翁綺雯：…, 主人翁 being a word as well): a surname and a given name (three characters, else
    two or four) that the lead writes again."""
    for cue in cues:
        colon = COLON.search(title, cue)
        clause = title[cue:colon.start()] if colon is not None else ""
        if not HAN_NAME.fullmatch(clause) or len(clause) > NAME_AFTER_CUE + NAME_SIZES[-1]:
            continue
        for size in NAME_SIZES:
            name = clause[-size:]
            if len(clause) >= size and has_surname(name) and name in lead:
                return name
    return None


def _lead_interviewee(doc: Document, registry: Registry) -> Optional[Voice]:
    """The first person named after a lead cue, in the same sentence, above the first turn."""
    for sentence in _lead_sentences(doc):
        cue = lead_cues().search(sentence.zh)
        named = [m for m in sentence.entities if m.type == "person" and cue is not None and m.start >= cue.end()]
        if named:
            return _person(doc, min(named, key=lambda m: m.start), registry)
    return None


def _lead_sentences(doc: Document) -> Iterator[Sentence]:
    """The sentences of the paragraphs and headings above the first turn (嘉宾:郑思远 may be a short line)."""
    for paragraph in doc.paragraphs:
        if paragraph.kind == "turn":
            return
        if paragraph.kind in ("paragraph", "heading"):
            yield from paragraph.sentences


def _person(doc: Document, mention: Mention, registry: Registry) -> Voice:
    return Voice(mention.text, mention.ref, "person") if mention.ref else voice(doc, mention.text, "person", registry)


def people(doc: Document, registry: Registry, named_in_metadata: tuple[Voice, ...]) -> tuple[Voice, ...]:
    """Every person the document's text names, then the reporters and guests (``named_in_metadata``), as first
    named."""
    found = [_person(doc, m, registry) for s in doc.sentences for m in s.entities if m.type == "person"]
    return _distinct(found + list(named_in_metadata))


def _distinct(voices: list[Voice]) -> tuple[Voice, ...]:
    """One voice per id, as first written, in order."""
    first: dict[str, Voice] = {}
    for each in voices:
        first.setdefault(each.id, each)
    return tuple(first.values())


def aliases(doc: Document, registry: Registry) -> tuple[tuple[str, Voice], ...]:
    """(other name, person) for every person the text names with a Latin name in brackets after theirs; else,
    when there is none, every person named in Latin letters under that name (``Kevin`` for Kevin Lin)."""
    bracketed, latin = [], []
    for sentence in doc.sentences:
        for mention in (m for m in sentence.entities if m.type == "person"):
            alias = LATIN_ALIAS.match(sentence.zh, mention.end)
            if alias is not None:
                bracketed.append((alias.group("alias"), _person(doc, mention, registry)))
            elif LATIN_NAME.fullmatch(mention.text):
                latin.append((mention.text, _person(doc, mention, registry)))
    return tuple(bracketed or latin)


def sides(doc: Document, registry: Registry) -> Sides:
    """The document's sides; the interviewee is one of its people even where only the title named them (a surname
    label, 翁：, then names them)."""
    asking = reporters(doc, registry)
    answering = interviewee(doc, registry)
    named = asking + guests(doc, registry) + ((answering,) if answering is not None else ())
    return Sides(interviewer(doc, registry), answering, asking, people(doc, registry, named), aliases(doc, registry),
                 _named_beside(doc, answering, registry))


def _named_beside(doc: Document, person: Optional[Voice], registry: Registry) -> frozenset[str]:
    """The ids of the other people the sentences that name ``person`` name."""
    if person is None:
        return frozenset()
    beside: set[str] = set()
    for sentence in doc.sentences:
        ids = {_person(doc, m, registry).id for m in sentence.entities if m.type == "person"}
        if person.id in ids:
            beside |= ids - {person.id}
    return frozenset(beside)
