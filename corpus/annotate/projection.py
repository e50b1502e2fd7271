"""Projection of Chinese mentions onto the English translation of the same sentence.

For each Chinese mention the English text is searched for the forms it should take
there, in passes from the surest to the loosest, so a sure match is never taken by a
loose one:

1. registry entities: the English name, then the other Latin aliases (case-sensitive);
   dates, times, amounts and percentages: their normalised English forms
   (:mod:`corpus.annotate.quantities`); names the registry does not know: their
   pinyin (``王大锤`` → ``Wang Dachui`` / ``Dachui Wang``);
2. the same, case-insensitive;
3. people only: one word of the English name (``Zhang`` for Zhang Hongjiang, ``Altman``
   for Sam Altman) — translators often shorten a name they have already given in full.

English spans never overlap or nest; each Chinese mention is projected at most once.  Within a
pass, every occurrence of every mention's forms is a candidate, and candidates are taken best
first: an occurrence standing on its own before one inside a longer capitalised name (``Beijing``
in "founded in Beijing" before the one in "the Beijing Academy of Artificial Intelligence"), then
the occurrence whose relative position in the English is nearest the mention's relative position in
the Chinese (the two ``中国`` of a sentence go to the ``China``/``Chinese`` in the same order, not
both to the first), then the longer.  A taken occurrence is not offered again, and an occurrence
inside a longer one of the same mention's forms is not offered at all (``20 million`` inside
``20 million yuan``).  Finally the mentions of one entity take its spans in the Chinese order.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from pypinyin import Style, lazy_pinyin

from corpus.annotate.quantities import english_patterns
from corpus.lang import is_han
from corpus.registry import Registry
from corpus.model import Mention

WORD_EDGE_BEFORE = r"(?<![A-Za-z0-9])"
WORD_EDGE_AFTER = r"(?![A-Za-z0-9]|[.,]\d)"
QUANTITY_TYPES = frozenset({"date", "time", "amount", "percent"})
NAME_TYPES = frozenset({"person", "org", "place", "work", "misc"})
NAME_WORD_AFTER = re.compile(r"[ -][A-Z][a-z]")
NAME_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+[ -]$")
CLAUSE_OPENERS = tuple(".!?:;\"“‘(")


def project(mentions: list[Mention], zh: str, en: str, registry: Registry) -> tuple[list[Mention], list[Mention]]:
    """Project ``mentions`` of ``zh`` onto ``en``: (English mentions, unprojected Chinese mentions).

    English mentions carry the Chinese mention's type and ref, ``source="projection"``
    and offsets into ``en``.
    """
    pairs = project_pairs(mentions, zh, en, registry)
    english = sorted((target for _, target in pairs if target), key=lambda m: m.start)
    return english, [mention for mention, target in pairs if target is None]


def project_pairs(mentions: list[Mention], zh: str, en: str,
                  registry: Registry) -> list[tuple[Mention, Mention | None]]:
    """Each of ``mentions`` with its English mention in ``en`` (None where none was found), in input order."""
    taken = bytearray(len(en))
    spans: dict[int, tuple[int, int]] = {}
    passes = (
        lambda m: _patterns(m, registry),
        lambda m: [f"(?i:{p})" for p in _patterns(m, registry)],
        lambda m: _name_parts(m, registry),
    )
    for patterns_for in passes:
        candidates = sorted(
            (_rank(mention, zh, start, end, en), index, start, end)
            for index, mention in enumerate(mentions) if index not in spans
            for start, end in _outermost(_occurrences(pattern, en) for pattern in patterns_for(mention))
        )
        for _, index, start, end in candidates:
            if index not in spans and not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                spans[index] = (start, end)
    spans = _in_chinese_order(mentions, spans)
    return [(mention, _english(mention, en, *spans[index]) if index in spans else None)
            for index, mention in enumerate(mentions)]


def _in_chinese_order(mentions: list[Mention], spans: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """The spans of one entity's mentions handed out again in the Chinese order.

    The full name is usually given first and shortened after (``Alex Smola`` … ``Smola``), but
    the shortened form is only looked for in the last pass, after the full name went to
    whichever mention stood nearer to it.
    """
    by_entity: dict[str, list[int]] = {}
    for index in sorted(spans):
        by_entity.setdefault(mentions[index].ref or mentions[index].text, []).append(index)
    ordered = dict(spans)
    for indices in by_entity.values():
        ordered.update(zip(indices, sorted(spans[index] for index in indices)))
    return ordered


def projection_rate(pairs: list[tuple[list[Mention], list[Mention]]]) -> float:
    """Share of Chinese mentions projected, over (projected, unprojected) results."""
    done = sum(len(english) for english, _ in pairs)
    total = done + sum(len(rest) for _, rest in pairs)
    return done / total if total else 0.0


def _english(mention: Mention, en: str, start: int, end: int) -> Mention:
    return Mention(start, end, en[start:end], mention.type, ref=mention.ref, source="projection")


def _occurrences(pattern: str, en: str) -> list[tuple[int, int]]:
    return [match.span() for match in _compiled(pattern).finditer(en) if match.end() > match.start()]


def _outermost(occurrences: Iterable[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The occurrences of one mention's forms that no other of its occurrences contains.

    ``20 million yuan`` and ``20 million`` are both forms of ``2000万元``; the longer says more.
    """
    spans = {span for group in occurrences for span in group}
    return [(start, end) for start, end in spans
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)]


def _rank(mention: Mention, zh: str, start: int, end: int, en: str) -> tuple[bool, float, int]:
    """Sort key of a candidate English span for ``mention``: smaller is better."""
    position_gap = abs((mention.start + mention.end) / (2 * len(zh)) - (start + end) / (2 * len(en)))
    return _inside_longer_name(en, start, end), position_gap, start - end


def _inside_longer_name(en: str, start: int, end: int) -> bool:
    """Whether ``en[start:end]`` is joined to a capitalised word, as ``Beijing`` in ``Beijing Academy``.

    A capitalised word that opens the sentence or a clause (``In Beijing``, ``. But China``)
    is capitalised for that reason, not as part of a name.
    """
    if NAME_WORD_AFTER.match(en, end):
        return True
    before = NAME_WORD_BEFORE.search(en[:start])
    return before is not None and en[:before.start()].rstrip()[-1:] not in ("", *CLAUSE_OPENERS)


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(WORD_EDGE_BEFORE + "(?:" + pattern + ")" + WORD_EDGE_AFTER)


def _patterns(mention: Mention, registry: Registry) -> list[str]:
    if mention.type in QUANTITY_TYPES:
        return english_patterns(mention.type, mention.text)
    if mention.ref and mention.ref in registry:
        entity = registry[mention.ref]
        names = [*entity.latin_aliases, *([entity.en_adjective] if entity.en_adjective else [])]
        return [_flexible(name) for name in names]
    if mention.type in NAME_TYPES:
        return [_flexible(form) for form in transliterations(mention.text, mention.type)]
    return []


def _name_parts(mention: Mention, registry: Registry) -> list[str]:
    if mention.type != "person":
        return []
    full = registry[mention.ref].en if mention.ref and mention.ref in registry else None
    names = [full] if full else transliterations(mention.text, "person")[:1]
    return [re.escape(part) for name in names for part in re.split(r"[ ·]", name) if len(part) >= 2]


def _flexible(name: str) -> str:
    """A name as translators vary it: spaced, hyphenated or run together (``Wu Dao`` ~ ``Wudao``), plural."""
    pattern = re.escape(name).replace(r"\ ", r"[\s-]?")
    return pattern + "(?:s|es)?" if name[-1:].isalpha() else pattern


def transliterations(text: str, kind: str) -> list[str]:
    """Pinyin renderings of a Chinese name the registry does not know.

    A person: ``王大锤`` → ``Wang Dachui``, ``Dachui Wang``; anything else: the
    syllables capitalised and joined, spaced and unspaced (``Hai Dian``, ``Haidian``).
    """
    chinese = "".join(ch for ch in text if is_han(ch))
    if not chinese:
        return [text] if text.strip() and text.isascii() else []
    syllables = [s for s in lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore") if s.isalpha()]
    if not syllables:
        return []
    if kind == "person" and len(syllables) >= 2:
        surname, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
        return [f"{surname} {given}", f"{given} {surname}"]
    return [" ".join(s.capitalize() for s in syllables), "".join(syllables).capitalize()]
