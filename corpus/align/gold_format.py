"""The Vecalign/Bertalign alignment text format: one link per line, ``[0, 1]:[2]``.

Indices are zero-based positions in the two sentence lists; an empty list
marks a deletion/insertion (``[3]:[]``).  Vecalign writes Python list
literals (``[0, 1]``) and appends ``:<cost>`` to its output; :func:`parse_links`
accepts both that and the compact ``[0,1]:[2]``.
"""
from __future__ import annotations

import re

from corpus.model import Link

_LINE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(\S+))?\s*$")


def _indices(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def format_links(links: list[Link], *, with_scores: bool = False) -> str:
    """One ``[zh…]:[en…]`` line per link (with ``:score`` appended when asked), newline-terminated."""
    lines = []
    for link in links:
        line = f"{list(link.zh)}:{list(link.en)}"
        if with_scores:
            line += f":{link.score:.6f}"
        lines.append(line + "\n")
    return "".join(lines)


def parse_links(text: str) -> list[Link]:
    """Inverse of :func:`format_links`; blank lines are ignored, anything else malformed raises ValueError."""
    links = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise ValueError(f"line {number}: not an alignment link: {line!r}")
        score = float(match.group(3)) if match.group(3) else 0.0
        links.append(Link(_indices(match.group(1)), _indices(match.group(2)), score))
    return links
