"""The entity registry: curated people, organisations, places and works, with their names.

The data lives in ``corpus/curated/entities.yaml`` (reviewed by hand); this module
only loads it, checks it and answers look-ups.  An alias is any written form of an
entity's name, in either Chinese script or in Latin script; every alias belongs to
exactly one entity unless every entity claiming it lists it under ``ambiguous``
(an ambiguous alias then resolves to no entity).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from corpus.errors import CorpusError
from corpus.lang import ROLE_LABELS, has_han, undecorated
from corpus.model import REGISTRY_TYPES, VOICE_ROLES, EntityType, WorkSubtype

DEFAULT_PATH = Path(__file__).resolve().parent / "curated" / "entities.yaml"
ENTITY_TYPES = frozenset(str(entity_type) for entity_type in REGISTRY_TYPES)
SPEAKER_ROLES = frozenset(str(role) for role in VOICE_ROLES)
# Brackets that surround outlet names and titles in the texts (《深网》, 「暗涌」); they are
# punctuation, not part of the name, so look-ups ignore them.
NAME_BRACKETS = "《》「」『』〈〉"
WORK_SUBTYPES = frozenset(str(subtype) for subtype in WorkSubtype)
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*\Z")
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")  # a year, a month or a day, as precise as the text
AFFILIATION_DATES = ("from", "to", "when")
AFFILIATION_FIELDS = frozenset({"role", "org", "name", "evidence", *AFFILIATION_DATES})


class RegistryError(CorpusError):
    """The entity registry file breaks one of its rules; lists every problem found."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: invalid entity registry:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class Affiliation:
    """A person's role in an organisation, dated only where a text states the date (``evidence`` quotes it)."""

    role: str
    org: Optional[str] = None  # the organisation's registry id, or
    name: Optional[str] = None  # its English name when the registry has no entry for it
    start: Optional[str] = None  # ``from`` in the registry file: YYYY, YYYY-MM or YYYY-MM-DD
    end: Optional[str] = None  # ``to``
    when: Optional[str] = None  # a single date (a graduation, say) instead of a span
    evidence: Optional[str] = None  # the words of a shipped text that state the dates


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    en: str  # the English rendering translators must use
    zh_hans: Optional[str] = None  # None only for names the texts write in Latin script alone
    zh_hant: Optional[str] = None
    pinyin: Optional[str] = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    ambiguous: tuple[str, ...] = ()  # aliases this entity knowingly shares with others
    en_adjective: Optional[str] = None  # 中国 in 中国学者 is "Chinese" in English
    # The Chinese title is an ordinary word too (异类 "outlier"): it names the work only inside 《》.
    title_in_brackets_only: bool = False
    subtype: Optional[str] = None  # works only: a WorkSubtype (a book, or an artefact such as a model)
    wikidata: Optional[str] = None  # the Wikidata item (Q…), only where a curator is sure of it
    affiliations: tuple[Affiliation, ...] = ()  # people only

    @property
    def zh_aliases(self) -> tuple[str, ...]:
        return tuple(a for a in self.aliases if has_han(a))

    @property
    def latin_aliases(self) -> tuple[str, ...]:
        """English/Latin-script forms, ``en`` first: what projection looks for in English text."""
        rest = [a for a in self.aliases if not has_han(a) and a != self.en]
        return (self.en, *rest)


@dataclass(frozen=True)
class SpeakerLabel:
    """A turn label as the texts write it, resolved to the entity speaking and its role."""

    labels: tuple[str, ...]
    ref: str
    role: str
    voices: tuple[str, ...] = ()  # journalists the byline credits with the outlet's questions


@dataclass(eq=False)  # identity-hashed, so matchers built from it can be cached per registry
class Registry:
    entities: dict[str, Entity]
    speaker_labels: list[SpeakerLabel] = field(default_factory=list)
    path: str = ""
    # Labels that name a side, not an entity (记者, 主持人, 问 → interviewer; 答 → interviewee), normalised.
    role_labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        claims: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            for alias in entity.aliases:
                claims[alias].add(entity.id)
        self._alias_to_id = {alias: next(iter(ids)) for alias, ids in claims.items() if len(ids) == 1}
        self._label_to_speaker = {
            normalise_label(label): speaker for speaker in self.speaker_labels for label in speaker.labels
        }

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __len__(self) -> int:
        return len(self.entities)

    def lookup(self, name: str) -> Optional[Entity]:
        """The entity a written name (alias, brackets ignored) unambiguously refers to."""
        entity_id = self._alias_to_id.get(name) or self._alias_to_id.get(name.strip(NAME_BRACKETS))
        return self.entities[entity_id] if entity_id else None

    def aliases(self) -> dict[str, str]:
        """Every unambiguous alias → entity id."""
        return dict(self._alias_to_id)

    def speaker(self, label: str) -> Optional[SpeakerLabel]:
        """The curated speaker entry for a turn label as written (any script, brackets optional)."""
        return self._label_to_speaker.get(normalise_label(label))

    def label_role(self, label: str) -> Optional[str]:
        """The role a generic turn label (``记者``, ``问``, ``答``) names: the language's role labels and
        the registry file's own."""
        return self.role_labels.get(normalise_label(label))


def normalise_label(label: str) -> str:
    """``**「暗涌」：**`` → ``暗涌``, ``▍阿槐`` → ``阿槐``: drop decoration (:func:`corpus.lang.undecorated`), brackets,
    colons and whitespace around a label."""
    return undecorated(undecorated(label).rstrip(":：")).strip(NAME_BRACKETS).strip()


def validate(data: dict) -> list[str]:
    """Every rule the registry file breaks, as readable problems (empty when valid)."""
    problems: list[str] = []
    entries = data.get("entities") or []
    ids: set[str] = set()
    claims: dict[str, list[str]] = defaultdict(list)
    ambiguous: dict[str, set[str]] = defaultdict(set)
    orgs = {entry.get("id") for entry in entries if entry.get("type") == EntityType.ORG}
    for position, entry in enumerate(entries):
        where = f"entities[{position}] ({entry.get('id', '?')})"
        for key in ("id", "type", "en", "aliases"):
            if not entry.get(key):
                problems.append(f"{where}: missing {key}")
        entity_id = entry.get("id", "")
        if entity_id in ids:
            problems.append(f"{where}: duplicate id {entity_id!r}")
        ids.add(entity_id)
        if entity_id and (entity_id != entity_id.lower() or not entity_id.isascii() or " " in entity_id
                          or "." in entity_id):
            # "." is reserved for document-scoped ids of unregistered names (<doc_id>.name.<pinyin>)
            problems.append(f"{where}: id must be lowercase ascii without spaces or dots")
        if entry.get("type") not in ENTITY_TYPES:
            problems.append(f"{where}: type {entry.get('type')!r} is not one of {sorted(ENTITY_TYPES)}")
        problems.extend(f"{where}: {problem}" for problem in entry_field_problems(entry, orgs))
        hans, hant = entry.get("zh_hans"), entry.get("zh_hant")
        if bool(hans) != bool(hant):
            problems.append(f"{where}: zh_hans and zh_hant must both be given (or both null for Latin-only names)")
        aliases = entry.get("aliases") or []
        for name in (hans, hant, entry.get("en")):
            if name and name not in aliases:
                problems.append(f"{where}: {name!r} is not listed in aliases")
        for alias in set(aliases):
            claims[alias].append(entity_id)
        for alias in entry.get("ambiguous") or []:
            ambiguous[alias].add(entity_id)
    for alias, owners in claims.items():
        if len(owners) > 1 and not all(owner in ambiguous[alias] for owner in owners):
            problems.append(f"alias {alias!r} is claimed by {owners} but not marked ambiguous by all of them")
    for position, speaker in enumerate(data.get("speaker_labels") or []):
        where = f"speaker_labels[{position}]"
        if speaker.get("ref") not in ids:
            problems.append(f"{where}: ref {speaker.get('ref')!r} is not a registered entity")
        if speaker.get("role") not in SPEAKER_ROLES:
            problems.append(f"{where}: role {speaker.get('role')!r} is not one of {sorted(SPEAKER_ROLES)}")
        for voice in speaker.get("voices") or []:
            if voice not in ids:
                problems.append(f"{where}: voice {voice!r} is not a registered entity")
        if not speaker.get("labels"):
            problems.append(f"{where}: no labels")
    roles_of: dict[str, set[str]] = defaultdict(set)
    for role, labels in role_labels(data).items():
        if role not in SPEAKER_ROLES:
            problems.append(f"role_labels: role {role!r} is not one of {sorted(SPEAKER_ROLES)}")
        for label in labels or []:
            roles_of[normalise_label(label)].add(role)
    for label, roles in roles_of.items():
        if len(roles) > 1:
            problems.append(f"role_labels: {label!r} is listed under {sorted(roles)}")
    return problems


def entry_field_problems(entry: dict, orgs: set[str]) -> list[str]:
    """What is wrong with an entry's subtype, Wikidata id and affiliations (``orgs``: the registered org ids)."""
    problems = []
    subtype = entry.get("subtype")
    if subtype is not None and (entry.get("type") != EntityType.WORK or subtype not in WORK_SUBTYPES):
        problems.append(f"subtype {subtype!r}: only works have one, one of {sorted(WORK_SUBTYPES)}")
    wikidata = entry.get("wikidata")
    if wikidata is not None and not WIKIDATA_ID.match(str(wikidata)):
        problems.append(f"wikidata {wikidata!r} is not a Wikidata item id (Q followed by digits)")
    affiliations = entry.get("affiliations") or []
    if affiliations and entry.get("type") != EntityType.PERSON:
        problems.append("only people have affiliations")
    for number, affiliation in enumerate(affiliations):
        where = f"affiliations[{number}]"
        unknown = sorted(set(affiliation) - AFFILIATION_FIELDS)
        if unknown:
            problems.append(f"{where}: unknown fields {unknown} (a comma in an unquoted value splits it)")
        if not affiliation.get("role"):
            problems.append(f"{where}: missing role")
        if (affiliation.get("org") is None) == (affiliation.get("name") is None):
            problems.append(f"{where}: give either org (a registry id) or name")
        elif affiliation.get("org") is not None and affiliation["org"] not in orgs:
            problems.append(f"{where}: org {affiliation['org']!r} is not a registered organisation")
        dates = {key: str(affiliation[key]) for key in AFFILIATION_DATES if affiliation.get(key) is not None}
        problems.extend(f"{where}: {key} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                        for key, value in dates.items() if not DATE.match(value))
        if "when" in dates and len(dates) > 1:
            problems.append(f"{where}: when is a single date; it excludes from and to")
        if dates and not affiliation.get("evidence"):
            problems.append(f"{where}: a date needs the evidence that states it")
    return problems


def affiliation_from_data(entry: dict) -> Affiliation:
    dates = {key: str(entry[key]) if entry.get(key) is not None else None for key in AFFILIATION_DATES}
    return Affiliation(role=entry["role"], org=entry.get("org"), name=entry.get("name"), start=dates["from"],
                       end=dates["to"], when=dates["when"], evidence=entry.get("evidence"))


def registry_from_data(data: dict, path: str = "<data>") -> Registry:
    problems = validate(data)
    if problems:
        raise RegistryError(path, problems)
    entities = {
        entry["id"]: Entity(
            id=entry["id"],
            type=entry["type"],
            en=entry["en"],
            zh_hans=entry.get("zh_hans"),
            zh_hant=entry.get("zh_hant"),
            pinyin=entry.get("pinyin"),
            aliases=tuple(entry["aliases"]),
            description=entry.get("description", ""),
            ambiguous=tuple(entry.get("ambiguous") or ()),
            en_adjective=entry.get("en_adjective"),
            title_in_brackets_only=bool(entry.get("title_in_brackets_only", False)),
            subtype=entry.get("subtype"),
            wikidata=entry.get("wikidata"),
            affiliations=tuple(affiliation_from_data(a) for a in entry.get("affiliations") or ()),
        )
        for entry in data["entities"]
    }
    speakers = [
        SpeakerLabel(
            labels=tuple(speaker["labels"]),
            ref=speaker["ref"],
            role=speaker["role"],
            voices=tuple(speaker.get("voices") or ()),
        )
        for speaker in data.get("speaker_labels") or []
    ]
    roles = {normalise_label(label): role for role, labels in role_labels(data).items() for label in labels}
    return Registry(entities=entities, speaker_labels=speakers, path=path, role_labels=roles)


def role_labels(data: dict) -> dict[str, list[str]]:
    """Generic turn labels by role: the language's (``corpus/curated/lang/zh.yaml``), then those a
    registry file adds under its own ``role_labels`` (a user's labels are checked against the language's)."""
    added = data.get("role_labels") or {}
    roles = dict.fromkeys([*ROLE_LABELS, *added])  # in order, so that problems are reported in file order
    return {role: [*ROLE_LABELS.get(role, ()), *(added.get(role) or [])] for role in roles}


@lru_cache(maxsize=4)
def _load(path: str) -> Registry:
    with open(path, encoding="utf-8") as handle:
        return registry_from_data(yaml.safe_load(handle) or {}, path)


def load_registry(path: str | Path | None = None) -> Registry:
    """Load and validate the registry (default: ``corpus/curated/entities.yaml``); cached per path."""
    return _load(str(Path(path or DEFAULT_PATH).resolve()))
