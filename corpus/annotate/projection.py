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

English spans never overlap; each Chinese mention is projected at most once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from corpus.annotate.quantities import english_patterns
from corpus.annotate.registry import Registry
from corpus.model import Mention

WORD_EDGE_BEFORE = r"(?<![A-Za-z0-9])"
WORD_EDGE_AFTER = r"(?![A-Za-z0-9]|[.,]\d)"
QUANTITY_TYPES = frozenset({"date", "time", "amount", "percent"})
NAME_TYPES = frozenset({"person", "org", "place", "work", "misc"})


def project(mentions: list[Mention], zh: str, en: str, registry: Registry) -> tuple[list[Mention], list[Mention]]:
    """Project ``mentions`` of ``zh`` onto ``en``: (English mentions, unprojected Chinese mentions).

    English mentions carry the Chinese mention's type and ref, ``source="projection"``
    and offsets into ``en``.  ``zh`` is accepted for symmetry with the caller's data and
    for future context-sensitive strategies; the projection itself needs only the mentions.
    """
    taken = bytearray(len(en))
    projected: dict[int, Mention] = {}
    passes = (
        lambda m: _patterns(m, registry),
        lambda m: [f"(?i:{p})" for p in _patterns(m, registry)],
        lambda m: _name_parts(m, registry),
    )
    for patterns_for in passes:
        for index, mention in enumerate(mentions):
            if index in projected:
                continue
            for pattern in patterns_for(mention):
                span = _first_free(pattern, en, taken)
                if span:
                    start, end = span
                    taken[start:end] = b"\x01" * (end - start)
                    projected[index] = Mention(start, end, en[start:end], mention.type, ref=mention.ref,
                                               source="projection")
                    break
    english = sorted(projected.values(), key=lambda m: m.start)
    unprojected = [m for i, m in enumerate(mentions) if i not in projected]
    return english, unprojected


def projection_rate(pairs: list[tuple[list[Mention], list[Mention]]]) -> float:
    """Share of Chinese mentions projected, over (projected, unprojected) results."""
    done = sum(len(english) for english, _ in pairs)
    total = done + sum(len(rest) for _, rest in pairs)
    return done / total if total else 0.0


def _first_free(pattern: str, en: str, taken: bytearray) -> tuple[int, int] | None:
    for match in _compiled(pattern).finditer(en):
        if match.end() > match.start() and not any(taken[match.start():match.end()]):
            return match.start(), match.end()
    return None


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
    chinese = "".join(ch for ch in text if "\u3400" <= ch <= "\u9fff")
    if not chinese:
        return [text] if text.strip() and text.isascii() else []
    syllables = [s for s in lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore") if s.isalpha()]
    if not syllables:
        return []
    if kind == "person" and len(syllables) >= 2:
        surname, given = syllables[0].capitalize(), "".join(syllables[1:]).capitalize()
        return [f"{surname} {given}", f"{given} {surname}"]
    return [" ".join(s.capitalize() for s in syllables), "".join(syllables).capitalize()]
