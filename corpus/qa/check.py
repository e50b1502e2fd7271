"""Translation quality checks (``corpus check``): each check scores, the thresholds decide.

Checks, per sentence pair:
- ``missing``: a Chinese sentence without English;
- ``han``: Han characters in the English outside a parenthesised gloss;
- ``numbers``: a quantity the Chinese states (Arabic digits, with 万/亿 units,
  percentages, years, month-day dates) that the English does not state;
- ``names``: an English spelling that collapses to a registry name (case,
  spaces, hyphens ignored) without being one of its registered forms, e.g.
  "Wudao" for "Wu Dao" or "Zhang Hong-jiang" for "Zhang Hongjiang";
- ``unnamed``: a Chinese mention of a registry person, organisation or work
  whose sentence's English holds none of the entity's English forms (the forms
  projection accepts, :mod:`corpus.annotate.projection`), e.g. 幻方 rendered
  "Magic Square" or dropped; a mention listed in ``curated/name_exceptions.yaml``
  (a pronoun, a merged repetition) passes, and an exception no mention needs any
  more is reported as stale;
- ``length``: a length ratio (English characters per Chinese unit: a Han character
  or a run of Latin letters/digits, see ``zh_length``) far outside the document's
  distribution.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from corpus.annotate.projection import project_pairs
from corpus.errors import CorpusError
from corpus.lang import EN_MONTHS, HAN, HAN_CLASS
from corpus.lang.numerals import EN_SCALES, ZH_MAGNITUDES, magnitude
from corpus.lang.numerals import EN_WORDS as NUMBER_WORDS
from corpus.model import Document, Mention, Sentence
from corpus.registry import Registry

CURATED = Path(__file__).resolve().parent.parent / "curated"
LATIN_RUN = re.compile(r"[A-Za-z0-9]+(?:[.'’\-][A-Za-z0-9]+)*")
GLOSS = re.compile(rf"[(（][{HAN_CLASS}·、\s]+[)）]")

ZH_NUMBER = re.compile(r"(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)\s*(" + "|".join(ZH_MAGNITUDES) + r")?(?:\s*(%|％))?")

EN_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*-?\s*(" + "|".join(EN_SCALES) + "))?", re.I)
EN_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)", re.I)
EN_WORDS = {**NUMBER_WORDS, "hundred": int(EN_SCALES["hundred"])}  # "a hundred" states 100 as a word
MONTHS = {month.lower(): number for number, month in enumerate(EN_MONTHS, 1)}
EN_WORD = re.compile(r"[a-z]+", re.I)


@lru_cache(maxsize=None)
def thresholds() -> dict:
    return yaml.safe_load((CURATED / "checks.yaml").read_text(encoding="utf-8"))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


Quantity = tuple[float, bool]  # (value, is a percentage)


def zh_quantities(text: str) -> list[Quantity]:
    """Quantities stated with Arabic digits in Chinese text, scaled by 万/亿 units."""
    return [
        (float(number) * float(magnitude(unit)), bool(percent))
        for number, unit, percent in ZH_NUMBER.findall(text)
    ]


def en_quantities(text: str) -> list[Quantity]:
    """Quantities in English: digits (with thousands separators and scale words), number words, months."""
    values = []
    for match in EN_NUMBER.finditer(text):
        number, scale = match.groups()
        percent = bool(EN_PERCENT.match(text, match.end()))
        values.append((float(number.replace(",", "")) * float(EN_SCALES.get((scale or "").lower(), 1)), percent))
    for match in EN_WORD.finditer(text):
        word = match.group()
        lowered = word.lower()
        if lowered in EN_WORDS:
            values.append((float(EN_WORDS[lowered]), bool(EN_PERCENT.match(text, match.end()))))
        elif lowered in MONTHS and word[0].isupper():
            values.append((float(MONTHS[lowered]), False))
    return values


def missing_quantities(zh: str, en: str) -> list[float]:
    available = en_quantities(en)
    missing = []
    for value, percent in zh_quantities(zh):
        match = next((i for i, (v, p) in enumerate(available) if _close(v, value) and p == percent), None)
        if match is None:
            missing.append(value)
        else:
            available.pop(match)
    return missing


def zh_length(text: str) -> int:
    """Length of Chinese text in word-like units: one per Han character, one per run of Latin
    letters or digits (a name, an acronym, a number); punctuation and mojibake residue ('?') count nothing."""
    return len(HAN.findall(text)) + len(LATIN_RUN.findall(text))


def han_outside_gloss(en: str) -> list[str]:
    stripped = GLOSS.sub("", en) if thresholds()["han_in_english"]["allow_parenthesised_gloss"] else en
    return HAN.findall(stripped)


def _fold(name: str) -> str:
    """Spelling-insensitive key; acronyms (MOST, FAIR) keep their case so common words don't match them."""
    squeezed = re.sub(r"[\s\-‐·.'’]", "", name)
    return squeezed if squeezed.isupper() else squeezed.casefold()


def name_variants(registry: Registry) -> dict[str, tuple[str, set[str]]]:
    """Folded English name → (entity id, its registered English spellings)."""
    variants: dict[str, tuple[str, set[str]]] = {}
    for entity in registry.entities.values():
        spellings = set(entity.latin_aliases)
        for spelling in spellings:
            key = _fold(spelling)
            if len(key) >= 4:
                variants[key] = (entity.id, spellings)
    return variants


def inconsistent_names(en: str, variants: dict[str, tuple[str, set[str]]]) -> list[str]:
    """English word sequences (1–4 words) that fold to a registry name but are not a registered spelling."""
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’.\-]*", en))
    found = []
    for i in range(len(words)):
        for j in range(i, min(i + 4, len(words))):
            surface = en[words[i].start():words[j].end()].rstrip(".")
            key = _fold(surface)
            if key in variants and surface not in variants[key][1]:
                found.append(surface)
    return found


@dataclass(frozen=True)
class NameException:
    """A mention whose English rightly carries no name (a pronoun, a merged repetition), and why."""

    sentence: str  # sentence id
    mention: str  # the Chinese mention as written
    reason: str


def name_exceptions(path: Path = CURATED / "name_exceptions.yaml") -> list[NameException]:
    """The curated exceptions to the ``unnamed`` check; one entry excuses one mention."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["exceptions"] or []
    fields = {"sentence", "mention", "reason"}
    if bad := [entry for entry in entries if set(entry) != fields or not all(entry.values())]:
        raise CorpusError(f"{path}: each exception needs exactly {sorted(fields)}, non-empty: {bad}")
    return [NameException(**entry) for entry in entries]


def unnamed_mentions(sentence: Sentence, registry: Registry) -> list[Mention]:
    """Chinese mentions of registry entities of the checked types that projection found no English form for."""
    checked_types = thresholds()["unnamed"]["entity_types"]
    # All of the sentence's mentions are projected together, as the build does, so that two mentions
    # never claim the same English words and the check agrees with the English annotation.
    return [
        mention
        for mention, english in project_pairs(sentence.entities, sentence.zh, sentence.en, registry)
        if english is None and mention.ref in registry and mention.type in checked_types
    ]


def _document_of(sentence_id: str) -> str:
    return sentence_id.rsplit(".", 2)[0]  # ids are "{doc_id}.p000.s00" (segment.sentence_id)


def _unexcused(unnamed: list[tuple[str, Mention]], exceptions: list[NameException]) -> list[tuple[str, str, str]]:
    """Problems: the unnamed mentions no exception excuses, then the exceptions left unused (stale)."""
    unused = list(exceptions)
    problems = []
    for sentence_id, mention in unnamed:
        excuse = next((e for e in unused if (e.sentence, e.mention) == (sentence_id, mention.text)), None)
        if excuse:
            unused.remove(excuse)
        else:
            problems.append((sentence_id, "unnamed", f"{mention.text} ({mention.ref}): no English form of the name"))
    problems += [
        (e.sentence, "unnamed", f"stale exception for {e.mention}: the English names it or the mention is gone")
        for e in unused
    ]
    return problems


@dataclass
class CheckReport:
    doc_id: str
    sentences: int = 0
    translated: int = 0
    reference: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (sentence id, check, detail)
    ratios: list[float] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(check for _, check, _ in self.problems)


def check_document(doc: Document, registry: Registry, exceptions: list[NameException]) -> CheckReport:
    """Check one annotated document; only the exceptions for its sentences are used or reported
    stale, so checking a build of other seeds does not call the shipped corpus's exceptions stale."""
    report = CheckReport(doc.doc_id)
    variants = name_variants(registry)
    judged: list[tuple[Sentence, float]] = []
    unnamed: list[tuple[str, Mention]] = []
    for s in doc.sentences:
        report.sentences += 1
        if not s.en.strip():
            report.problems.append((s.id, "missing", "no English"))
            continue
        report.translated += 1
        report.reference += s.en_source == "reference"
        if han := han_outside_gloss(s.en):
            report.problems.append((s.id, "han", "".join(han)))
        if missing := missing_quantities(s.zh, s.en):
            report.problems.append((s.id, "numbers", ", ".join(f"{v:g}" for v in missing)))
        for surface in inconsistent_names(s.en, variants):
            report.problems.append((s.id, "names", surface))
        unnamed += [(s.id, mention) for mention in unnamed_mentions(s, registry)]
        zh_chars = zh_length(s.zh)
        if zh_chars >= thresholds()["length_ratio"]["min_zh_chars"]:
            ratio = math.log(len(s.en) / zh_chars)
            judged.append((s, ratio))
            report.ratios.append(len(s.en) / zh_chars)
    report.problems += _unexcused(unnamed, [e for e in exceptions if _document_of(e.sentence) == doc.doc_id])
    report.problems += _length_outliers(judged)
    return report


def _length_outliers(judged: list[tuple[Sentence, float]]) -> list[tuple[str, str, str]]:
    if len(judged) < 10:
        return []
    logs = [r for _, r in judged]
    median = statistics.median(logs)
    spread = statistics.median(abs(r - median) for r in logs) * 1.4826 or 1e-9
    limit = thresholds()["length_ratio"]["max_robust_z"]
    return [
        (s.id, "length", f"ratio {math.exp(r):.2f} (z={(r - median) / spread:+.1f})")
        for s, r in judged
        if abs(r - median) / spread > limit
    ]


def format_reports(reports: list[CheckReport]) -> str:
    checks = ["missing", "han", "numbers", "names", "unnamed", "length"]
    header = ["doc_id", "sents", "reference", "mt", "median en/zh", *checks]
    rows = [header]
    for r in reports:
        median = f"{statistics.median(r.ratios):.2f}" if r.ratios else "-"
        rows.append(
            [
                r.doc_id,
                str(r.sentences),
                str(r.reference),
                str(r.translated - r.reference),
                median,
                *(str(r.counts[c]) for c in checks),
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    for r in reports:
        lines += [f"  {sid}  {check}: {detail}" for sid, check, detail in r.problems]
    return "\n".join(lines)
