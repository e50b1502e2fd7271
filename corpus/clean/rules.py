"""The shape every cleaning rule has, and the few helpers they share.

A rule *finds*: ``find(text) -> list[Edit]`` says what it would change and
why, without changing anything (OpusFilter's score/accept split).  A pass
groups rules whose edits are applied together; :func:`resolve` decides which
edits of a pass win where two rules claim the same characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

import yaml

from corpus.model import Edit
from corpus.patterns import expand

CURATED = Path(__file__).resolve().parent.parent / "curated" / "cleaning"


class Rule(Protocol):
    def find(self, text: str) -> list[Edit]: ...


Finder = Callable[[str], list[Edit]]


@dataclass(frozen=True)
class RegexRule:
    """Replace each match of ``pattern`` by ``replace`` (an ``re`` template such as ``\\g<1>``)."""

    rule: str
    reason: str
    pattern: re.Pattern[str]
    replace: str = ""

    def find(self, text: str) -> list[Edit]:
        edits = []
        literal = "\\" not in self.replace
        for match in self.pattern.finditer(text):
            old = match.group(0)
            new = self.replace if literal else match.expand(self.replace)
            if new != old:
                edits.append(Edit(match.start(), match.end(), old, new, self.rule, self.reason))
        return edits


def removal(offset: int, old: str, rule: str, reason: str, score: float, threshold: float,
            evidence: Iterable[str] = ()) -> Edit:
    """The edit that removes ``old`` (at ``offset``) for a rule that scored it: the reason names the score, the
    threshold it reached and, where given, the evidence found (``… (score 5 ≥ 4: 转载, 授权)``)."""
    found = ", ".join(evidence)
    why = f"{reason} (score {score} ≥ {threshold}{': ' + found if found else ''})"
    return Edit(offset, offset + len(old), old, "", rule, why)


def compile_pattern(pattern: str, flags: Iterable[str] = ()) -> re.Pattern[str]:
    value = 0
    for flag in flags:
        value |= getattr(re, flag.upper())
    return re.compile(pattern, value)


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """A curated cleaning file (``corpus/curated/cleaning/<name>``), parsed once."""
    return yaml.safe_load((CURATED / name).read_text(encoding="utf-8"))


def regex_rules(entries: Iterable[dict], definitions: dict[str, str] | None = None) -> tuple[RegexRule, ...]:
    """``RegexRule`` s from YAML entries ``{rule, reason, pattern, replace?, flags?}``;
    ``<<NAME>>`` in a pattern stands for ``definitions[NAME]`` (see :func:`expand`)."""
    return tuple(
        RegexRule(
            rule=entry["rule"],
            reason=entry["reason"].strip(),
            pattern=compile_pattern(expand(entry["pattern"], definitions), entry.get("flags", ())),
            replace=entry.get("replace", ""),
        )
        for entry in entries
    )


_GROUP_REFERENCE = re.compile(r"\\g<(\d+)>|\\(\d+)")


def _shifted_reference(match: re.Match[str], shift: int) -> str:
    """A group reference of a rule's replacement, renumbered for the rule's place in a combined pattern."""
    return f"\\g<{int(match.group(1) or match.group(2)) + shift}>"


class RuleSet:
    """Several ``RegexRule`` s searched in ONE scan of the text.

    The patterns become branches of one alternation (earlier rules win where two
    match at the same offset), each with its own inline flags; group references
    in replacement templates are renumbered to the combined pattern's groups.
    One scan instead of one per rule is what keeps cleaning fast on large texts.
    """

    def __init__(self, rules: Iterable[RegexRule], whole_lines: bool = False):
        """``whole_lines``: every pattern must match a whole line (one ``^…$`` around
        the alternation, so the scan tests each position once, not once per rule)."""
        self.rules = tuple(rules)
        branches, templates, group = [], [], 1
        for rule in self.rules:
            flags = "".join(
                letter for letter, value in (("i", re.I), ("m", re.M), ("s", re.S)) if rule.pattern.flags & value
            )
            body = f"(?{flags}:{rule.pattern.pattern})" if flags else rule.pattern.pattern
            branches.append(f"({body})")
            shift = group
            templates.append(_GROUP_REFERENCE.sub(partial(_shifted_reference, shift=shift), rule.replace))
            group += 1 + rule.pattern.groups
        alternation = "|".join(branches)
        if whole_lines:
            alternation = f"^(?:{alternation})$"
        self.pattern = re.compile(alternation, re.MULTILINE if whole_lines else 0) if branches else None
        self._branch_group = {}
        group = 1
        for index, rule in enumerate(self.rules):
            self._branch_group[group] = (rule, templates[index])
            group += 1 + rule.pattern.groups

    def find(self, text: str) -> list[Edit]:
        if self.pattern is None:
            return []
        edits = []
        for match in self.pattern.finditer(text):
            # each branch is wrapped in a group that closes last, so lastindex names the branch
            assert match.lastindex is not None  # every branch is a group
            rule, template = self._branch_group[match.lastindex]
            old = match.group(0)
            new = match.expand(template) if "\\" in template else template
            if new != old:
                edits.append(Edit(match.start(), match.end(), old, new, rule.rule, rule.reason))
        return edits


def resolve(edits: Iterable[Edit]) -> list[Edit]:
    """Non-overlapping edits for one pass: the earlier-starting edit wins, then the
    one listed first (rules are listed in priority order, and ``sorted`` is stable)."""
    accepted: list[Edit] = []
    end = -1
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start >= end:
            accepted.append(edit)
            end = edit.end
    return accepted


def lines_with_offsets(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for each ``\\n``-separated line of ``text[start:]``, offsets into ``text``."""
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield start, text[start:]
            return
        yield start, text[start:end]
        start = end + 1
