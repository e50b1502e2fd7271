"""Curated regular expressions that name a sub-pattern once and use it by name.

A curated file (cleaning rules, metadata rules) writes ``<<NAME>>`` where a named
sub-pattern belongs: the language layer's (``patterns`` in ``curated/lang/zh.yaml``:
Han characters, names and roles in bylines) or the file's own ``definitions``, which
add to them.  Shared by the stages that read such files.
"""
from __future__ import annotations

import re

from corpus import lang

_DEFINITION = re.compile(r"<<([A-Z_]+)>>")


def expand(pattern: str, definitions: dict[str, str] | None = None) -> str:
    """``pattern`` with each ``<<NAME>>`` replaced by its definition (itself expanded), from
    ``definitions`` or else the language layer: a sub-pattern is named once, not repeated."""
    definitions = {"HAN": f"[{lang.HAN_CLASS}]", **lang.data("zh")["patterns"], **(definitions or {})}
    for _ in range(len(definitions) + 1):
        expanded = _DEFINITION.sub(lambda m: definitions[m.group(1)], pattern)
        if expanded == pattern:
            return pattern
        pattern = expanded
    raise ValueError(f"circular <<definitions>> in {pattern!r}")
