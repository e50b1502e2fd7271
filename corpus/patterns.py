"""Curated regular expressions that name a sub-pattern once and use it by name.

A curated file (cleaning rules, metadata rules) lists ``definitions`` and writes
``<<NAME>>`` where one belongs; shared by the stages that read such files.
"""
from __future__ import annotations

import re

_DEFINITION = re.compile(r"<<([A-Z_]+)>>")


def expand(pattern: str, definitions: dict[str, str] | None = None) -> str:
    """``pattern`` with each ``<<NAME>>`` replaced by ``definitions[NAME]`` (itself expanded):
    curated files name a sub-pattern once instead of repeating it."""
    if not definitions:
        return pattern
    for _ in range(len(definitions) + 1):
        expanded = _DEFINITION.sub(lambda m: definitions[m.group(1)], pattern)
        if expanded == pattern:
            return pattern
        pattern = expanded
    raise ValueError(f"circular <<definitions>> in {pattern!r}")
