"""Who speaks each sentence: interview turns, and quotations attributed in narrative.

* A sentence of an interview turn (``Paragraph.kind == "turn"``) is spoken by the
  entity its label names, in the role the registry's ``speaker_labels`` give it
  (curated data: 极客公园/《深网》/「暗涌」 ask as outlets, 张宏江/梁文锋 answer).
  A label the curated voices lack still has a role when it says which side speaks:
  a generic label from the registry's ``role_labels`` (记者, 主持人, 问 ask; 答
  answers) or an outlet in brackets (《智能周刊》, 「科創週刊」) is the interviewer,
  with the registry id of the entity it names or none; a person's name (a registered
  person, or an unregistered name of two to four Han characters) whose turn answers
  an interviewer's turn is the interviewee, and one without a role whose turns mostly
  ask and are answered by the interviewee's is the interviewer.
* A label the registry does not know gets its speaker from the document itself
  (:mod:`corpus.annotate.interview`): the outlet its dateline names asks, the person its
  title names (对话X, 专访X, X:…) answers, and where three voices or more take part (two hosts and a guest)
  the exchange itself says who answers whom; a turn labelled with either name, or with a
  generic label of that side (记者/问/Q, 答/A), speaks for it; a role label before a name
  (主持人林嘉树, 记者 王岚) gives the role, and the name the speaker.  An unregistered speaker
  gets a document-scoped id (``<doc_id>.name.<pinyin>``), recorded in ``Document.names``.  Where two voices
  take part and nothing gave either a side (a podcast's header cleaned away, a lead naming no one), the one whose
  turns mostly ask is the interviewer and the one who answers the interviewee, when both labels look like names.
  A host known only by a nickname (``Otis：``) who remarks as often as asks is the interviewer when it is the one
  other voice beside the interviewee and asks at least once; with two hosts, the guest is the voice that answers most
  of their questions; a lone surname label (``冼：``) answering the reporter is the interviewee; ``问``/``答`` keep the
  side their label says whatever the exchange reads.
* In narrative, a sentence that contains (part of) a quotation gets the quoted person
  as speaker with role ``quoted``, and the part of the quotation inside it as a quote
  span (``Sentence.quote_spans``), when the text names them next to the quotation: a
  person mention (registered, or a name the statistical model found), then a speech verb
  or a colon, then the quotation
  (``梁文鋒告訴我們：“…”``, ``张宏江站了起来：“…”``), or the quotation, then the
  person and a speech verb (``「慌什么。」张宏江淡淡地答``, ``“…”，李沐曾談到``).
  Quotations that follow one another directly share their attribution.  A sentence
  has one speaker: when it holds quotations of two people, the later one's.
* Every other sentence has no speaker.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.annotate.gazetteer import surnames
from corpus.annotate.interview import Sides, sides
from corpus.annotate.mentions import find_mentions
from corpus.annotate.ner import local_id
from corpus.lang import HAN_CLASS, QUESTION_END, SPEECH_VERBS
from corpus.model import Document, Mention, Paragraph
from corpus.registry import Registry, normalise_label

QUOTE_MARKS = {"“": "”", "「": "」", "『": "』", '"': '"'}
# A quotation runs to its closing mark, or to the end of the paragraph when the capture lost it.
QUOTATION = re.compile(
    "|".join(f"{re.escape(o)}[^{re.escape(c)}]*(?:{re.escape(c)}|$)" for o, c in QUOTE_MARKS.items())
)
# 人称/被称/俗称/堪称/号称 name or describe; they do not report speech.
_VERB = "(?<![人被俗堪号號])(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
_CLAUSE = r"[^。！？!?\n被]"  # no sentence end, and no passive (张宏江被称为“…” is not speech)
MASK = "□"  # quotation text is masked while reading the words around it
# Between the speaker and an opening quotation: a speech verb (then at most a short
# clause and a comma/colon), or simply a colon.
BEFORE_QUOTE = re.compile(rf"^{_CLAUSE}{{0,60}}?(?:{_VERB}(?:{_CLAUSE}{{0,20}}?[：:，,])?|[：:])\s*$")
# Between a closing quotation and the speaker: punctuation and a short description
# (小米科技联合创始人); after the speaker: a speech verb within a few characters.
AFTER_QUOTE_GAP = re.compile(rf"^[\s，,]*{_CLAUSE}{{0,20}}$")
AFTER_SPEAKER = re.compile(rf"^{_CLAUSE}{{0,10}}?{_VERB}")
ADJACENT = re.compile(r"^[\s，,、]*$")
# A turn label that is an outlet's name in title or corner brackets asks the questions.
OUTLET_LABEL = re.compile(r"^(?:《[^《》]+》|「[^「」]+」|『[^『』]+』)$")
MIN_EXCHANGE_VOICES = 3  # two hosts or more and a guest: fewer voices are read by the sides of the document
MIN_ASKERS = 2  # the guest answers at least two hosts, at least twice
MAX_ANSWERER_QUESTIONS = 0.25  # an answer may end on a question now and then (…，你說是不是？)
# What an unregistered label must look like to be taken for a person's name: 2–4 Han characters, or one to three
# capitalised Latin words (a host's Latin name: Leo, Mia Chen; Q and A are role labels, AI no name).
PERSON_NAME = re.compile(f"[{HAN_CLASS}]{{2,4}}|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}")


@dataclass(frozen=True)
class Quotation:
    start: int  # span in the paragraph text, quotation marks included
    end: int
    speaker: str | None  # registry id of the person the text attributes it to


def assign_speakers(doc: Document, registry: Registry) -> None:
    """Set ``speaker``/``speaker_role``/``quote_spans`` on every sentence of ``doc`` (clearing old values)."""
    voices = turn_voices(doc, registry)
    for paragraph in doc.paragraphs:
        for sentence in paragraph.sentences:
            sentence.speaker, sentence.speaker_role, sentence.quote_spans = None, None, []
        if paragraph.kind == "turn":
            speaker, role = voices.get(paragraph.speaker_label, (None, None))
            for sentence in paragraph.sentences:
                sentence.speaker, sentence.speaker_role = speaker, role
        else:
            _assign_quotations(paragraph, registry, doc.names)


def turn_speaker(label: str | None, registry: Registry) -> tuple[str | None, str | None]:
    """(entity id, role) for a turn label on its own: a curated voice, or a label naming a side.

    A label only the aliases know gets no role here; :func:`turn_voices` gives a person
    who answers an interviewer the interviewee role.
    """
    if not label:
        return None, None
    curated = registry.speaker(label)
    if curated:
        return curated.ref, curated.role
    written = label.strip().strip("*").rstrip(":：").strip()
    entity = registry.lookup(written)
    role = registry.label_role(label)
    if role is None and OUTLET_LABEL.match(written):
        role = "interviewer"
    return (entity.id if entity else None), role


def turn_voices(doc: Document, registry: Registry) -> dict[str | None, tuple[str | None, str | None]]:
    """(speaker id, role) for every turn label of a document.

    A label the curated voices lack takes the side of the document it names or stands
    for (:func:`_document_voice`), unless an exchange of three voices or more says otherwise
    (:func:`_exchange_roles`: two hosts and a guest).  A person's label without a role is the interviewee
    when one of its turns directly follows an interviewer's turn.  Unregistered speakers
    get document-scoped ids, recorded in ``doc.names``.
    """
    paragraphs = doc.paragraphs
    turns = [p for p in paragraphs if p.kind == "turn"]
    document = sides(doc, registry) if turns else Sides(None, None)
    voices = {p.speaker_label: _document_voice(doc, p.speaker_label, registry, document) for p in turns}
    for label, side in _exchange_roles(turns).items():
        speaker, _ = voices[label]
        if registry.speaker(label or "") or _names_a_role(label, registry):
            continue  # a curated voice keeps its side, and 问/答, 主持人林嘉树 the side their label says
        if speaker is None and not registry.label_role(label or ""):  # a voice no role label names is someone (阿Bon)
            speaker = _unregistered(doc, normalise_label(label or ""), "person")
        voices[label] = (speaker, side)
    answering = {turn.speaker_label for previous, turn in zip(paragraphs, paragraphs[1:])
                 if turn.kind == "turn" and previous.kind == "turn" and previous.speaker_label != turn.speaker_label
                 and voices[previous.speaker_label][1] == "interviewer"}
    for label in answering:
        speaker, role = voices[label]
        if role is None and (_names_a_person(label, speaker, registry, doc.names) or _lone_surname(label, document)):
            voices[label] = (speaker or _unregistered(doc, normalise_label(label or ""), "person"), "interviewee")
    for label in _asking(turns, voices):
        speaker, _ = voices[label]
        if _names_a_person(label, speaker, registry, doc.names):
            voices[label] = (speaker or _unregistered(doc, normalise_label(label or ""), "person"), "interviewer")
    pair = _unsided_pair_roles(turns, voices)
    if all(_names_a_person(label, voices[label][0], registry, doc.names) for label in pair):
        for label, side in pair.items():
            voices[label] = (voices[label][0] or _unregistered(doc, normalise_label(label or ""), "person"), side)
    return voices


def _unsided_pair_roles(turns: list[Paragraph],
                        voices: dict[str | None, tuple[str | None, str | None]]) -> dict[str | None, str]:
    """Roles read from an exchange of two voices that nothing else gave a side (a podcast whose header was cleaned
    away, its lead naming no one: ``阿砚：…？ Wren：…。``): the voice most of whose turns ask is the interviewer, and
    the other, whose turns seldom ask (at most ``MAX_ANSWERER_QUESTIONS``) and who speaks at least ``MIN_ASKERS``
    times, the interviewee."""
    runs = _label_runs(turns)
    counts = Counter(label for label, _ in runs)
    if len(counts) != 2 or any(voices[label][1] for label in counts):
        return {}
    questions = Counter(label for label, text in runs if QUESTION_END.search(text))
    asker, answerer = sorted(counts, key=lambda label: questions[label] / counts[label], reverse=True)
    if 2 * questions[asker] <= counts[asker] or counts[answerer] < MIN_ASKERS \
            or questions[answerer] > MAX_ANSWERER_QUESTIONS * counts[answerer]:
        return {}
    return {asker: "interviewer", answerer: "interviewee"}


def _exchange_roles(turns: list[Paragraph]) -> dict[str | None, str]:
    """Roles read from the exchange alone when three voices or more take part (a podcast's hosts and a guest): the
    one label that answers — at most ``MAX_ANSWERER_QUESTIONS`` of its turns ask, and most of its turns follow
    another label's question (a host may also just remark: ``小鲸：哇，那是一见钟情了。``) — answers the questions
    of at least two labels: it is the interviewee, and every label whose question it answers is an interviewer
    (whatever name the show notes or the lead gave the guest)."""
    runs = _label_runs(turns)
    if len({label for label, _ in runs}) < MIN_EXCHANGE_VOICES:
        return {}
    asked_by: dict[str | None, list[str | None]] = {}  # the asker of each turn of a label; None after no question
    for (previous, question), (label, _) in zip(runs, runs[1:]):
        asked_by.setdefault(label, []).append(previous if QUESTION_END.search(question) else None)
    counts = Counter(label for label, _ in runs)
    questions = Counter(label for label, text in runs if QUESTION_END.search(text))
    answerers = [label for label, askers in asked_by.items()
                 if 2 * askers.count(None) < len(askers) and len(set(askers) - {None}) >= MIN_ASKERS
                 and questions[label] <= MAX_ANSWERER_QUESTIONS * counts[label]]
    if len(answerers) != 1:
        return {}
    answerer = answerers[0]
    return {answerer: "interviewee", **{asker: "interviewer" for asker in set(asked_by[answerer]) - {None}}}


def _label_runs(turns: list[Paragraph]) -> list[tuple[str | None, str]]:
    """(label, text of its last paragraph) for every run of turns of one label: an answer over several paragraphs
    is one turn of the exchange."""
    runs: list[tuple[str | None, str]] = []
    for turn in turns:
        if runs and runs[-1][0] == turn.speaker_label:
            runs[-1] = (turn.speaker_label, turn.text)
        else:
            runs.append((turn.speaker_label, turn.text))
    return runs


def _asking(turns: list[Paragraph], voices: dict[str | None, tuple[str | None, str | None]]) -> set[str | None]:
    """Labels without a role that ask the interviewee: one of their turns is answered by the interviewee's turn right
    after it (溫佩珊：…？ 施孟哲：… when the title names 施孟哲), and most of their turns end in a question, or
    they are the one other voice of the exchange, take turns with the interviewee at least ``MIN_ASKERS`` times and
    ask at least once (a host who remarks as often as asks: ``Otis：这个转折挺大的。``)."""
    questions = Counter(turn.speaker_label for turn in turns if QUESTION_END.search(turn.text))
    counts = Counter(turn.speaker_label for turn in turns)
    answered = {turn.speaker_label for turn, reply in zip(turns, turns[1:])
                if voices[reply.speaker_label][1] == "interviewee" and reply.speaker_label != turn.speaker_label}
    runs = Counter(label for label, _ in _label_runs(turns))
    two_voices = len(runs) == 2 and any(voices[label][1] == "interviewee" for label in runs)
    return {label for label in answered if voices[label][1] is None and (
        2 * questions[label] > counts[label] or (two_voices and runs[label] >= MIN_ASKERS and questions[label] > 0))}


def _document_voice(doc: Document, label: str | None, registry: Registry,
                    document: Sides) -> tuple[str | None, str | None]:
    """A label's curated voice, else the side of the document it names or whose generic label it is."""
    speaker, role = turn_speaker(label, registry)
    if not label or registry.speaker(label):
        return speaker, role
    name = label
    if role is None and speaker is None and (split := role_and_name(label, registry)) is not None:
        role, name = split  # 主持人林嘉树 asks as 林嘉树
    named = None if registry.label_role(name) else document.voice_named(name)  # 记者/答 speak for a side
    if named is not None and (named[1] is None or role in (None, named[1])):
        voice, named_role = named
        role = role or named_role
        speaker = speaker or (voice.id if voice.registered else _unregistered(doc, voice.name, voice.type))
    if speaker is None and name != label and PERSON_NAME.fullmatch(name):
        speaker = _unregistered(doc, name, "person")
    side = document.voice_of(role)
    if speaker is None and side is not None:  # 记者/问/Q ask for the outlet, 答/A answer for the title's person
        speaker = side.id if side.registered else _unregistered(doc, side.name, side.type)
    if speaker is None and role == "interviewer" and OUTLET_LABEL.match(label.strip().strip("*").rstrip(":：").strip()):
        speaker = _unregistered(doc, normalise_label(label), "org")
    return speaker, role


def role_and_name(label: str, registry: Registry) -> tuple[str, str] | None:
    """(role, name) of a label that is a role label of two characters or more, then a name (主持人林嘉树,
    记者 王岚, 嘉宾蔡予宁); a one-character role label (问, 答) before a name is too short to tell."""
    written = normalise_label(label)
    for word in sorted(registry.role_labels, key=len, reverse=True):
        name = written[len(word):].strip()
        if len(word) > 1 and written.startswith(word) and name:
            return registry.role_labels[word], name
    return None


def _unregistered(doc: Document, name: str, kind: str) -> str:
    """The document-scoped id of a name the registry lacks, recorded in ``doc.names``."""
    for known_id, (known_name, known_kind) in doc.names.items():
        if (known_name, known_kind) == (name, kind):
            return known_id
    identifier = local_id(doc.doc_id, name, kind)
    doc.names.setdefault(identifier, (name, kind))
    return identifier


def _names_a_person(label: str | None, speaker: str | None, registry: Registry,
                    names: dict[str, tuple[str, str]]) -> bool:
    if speaker in names:
        return names[speaker][1] == "person"
    if speaker is not None:
        return registry[speaker].type == "person"
    return label is not None and PERSON_NAME.fullmatch(normalise_label(label)) is not None


def _lone_surname(label: str | None, document: Sides) -> bool:
    """Whether a label is a surname on its own (冼：, 歐陽：) that no person the document names bears: the interviewer
    calls the guest so, and the lead's full name went unrecognised (a surname two people bear is neither's)."""
    written = normalise_label(label or "")
    return written in surnames() and not any(normalise_label(person.name).startswith(written)
                                             for person in document.people)


def _names_a_role(label: str | None, registry: Registry) -> bool:
    """Whether a label says its side itself: a role label (问, 答, 主持人), or one before a name (主持人林嘉树)."""
    written = label or ""
    return registry.label_role(written) is not None or role_and_name(written, registry) is not None


def _assign_quotations(paragraph: Paragraph, registry: Registry, names: dict[str, tuple[str, str]]) -> None:
    unregistered = [Mention(s.start + m.start, s.start + m.end, m.text, m.type, m.ref, m.source)
                    for s in paragraph.sentences for m in s.entities
                    if m.type == "person" and m.ref in names]
    for quotation in find_quotations(paragraph.text, registry, unregistered):
        if not quotation.speaker:
            continue
        for sentence in paragraph.sentences:
            start, end = sentence.start, sentence.start + len(sentence.zh)
            if start < quotation.end and quotation.start < end:
                if sentence.speaker != quotation.speaker:
                    sentence.quote_spans = []  # another person's quotation: the sentence is theirs now
                sentence.speaker, sentence.speaker_role = quotation.speaker, "quoted"
                sentence.quote_spans.append((max(quotation.start, start) - start, min(quotation.end, end) - start))


def find_quotations(text: str, registry: Registry, unregistered: list[Mention] | None = None) -> list[Quotation]:
    """Every quotation in a paragraph, with the person the text attributes it to (if any).

    The people are the registry's, and ``unregistered`` person mentions (offsets into
    ``text``) with their document-scoped ids.
    """
    spans = [(m.start(), m.end()) for m in QUOTATION.finditer(text)]
    masked = list(text)
    for start, end in spans:
        masked[start + 1:end - 1] = MASK * max(0, end - start - 2)
    masked_text = "".join(masked)
    people = [m for m in find_mentions(text, registry, statistical=False) + list(unregistered or ())
              if m.type == "person" and m.ref and not any(s < m.start and m.end <= e for s, e in spans)]
    speakers = [_speaker_before(start, masked_text, people) or _speaker_after(end, masked_text, people)
                for start, end in spans]
    _share_between_adjacent(spans, speakers, text)
    return [Quotation(start, end, speaker) for (start, end), speaker in zip(spans, speakers)]


def _speaker_before(quote_start: int, masked: str, people: list[Mention]) -> str | None:
    candidates = [m for m in people if m.end <= quote_start and BEFORE_QUOTE.match(masked[m.end:quote_start])]
    return max(candidates, key=lambda m: m.end).ref if candidates else None


def _speaker_after(quote_end: int, masked: str, people: list[Mention]) -> str | None:
    for mention in sorted((m for m in people if m.start >= quote_end), key=lambda m: m.start):
        if AFTER_QUOTE_GAP.match(masked[quote_end:mention.start]) and AFTER_SPEAKER.match(masked[mention.end:]):
            return mention.ref
    return None


def _share_between_adjacent(spans: list[tuple[int, int]], speakers: list[str | None], text: str) -> None:
    """“…”“…”，李沐曾谈到: quotations separated only by punctuation share one speaker."""
    for _ in range(2):  # forwards, then backwards
        for i in range(1, len(spans)):
            if ADJACENT.match(text[spans[i - 1][1]:spans[i][0]]):
                speakers[i - 1] = speakers[i - 1] or speakers[i]
                speakers[i] = speakers[i] or speakers[i - 1]
