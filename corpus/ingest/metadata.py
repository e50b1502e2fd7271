"""Document metadata: what the text states (rules in curated/metadata_rules.yaml)
and what it does not (curated/metadata.yaml, keyed by seed file name)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from corpus.ingest.metadata_lines import LIST_FIELDS, iso_date, line_metadata
from corpus.patterns import expand

CURATED = Path(__file__).resolve().parent.parent / "curated"


@lru_cache(maxsize=None)
def _rules() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    data = yaml.safe_load((CURATED / "metadata_rules.yaml").read_text(encoding="utf-8"))
    definitions = data.get("definitions")
    return tuple(
        (
            rule["field"],
            re.compile(expand(rule["pattern"], definitions)),
            re.compile(rule["split"]) if rule.get("split") else None,
        )
        for rule in data["rules"]
    )


def extract_metadata(raw: str, normalise: Callable[[str], str] = lambda line: line) -> dict:
    """Fields stated by the text itself.  A single-valued field stated by a line of fields
    (datelines, headers, show notes: :mod:`corpus.ingest.metadata_lines`) comes first; the rules
    then add what those lines do not state: a single-valued field takes the first line its first
    matching rule matches; a list field (rules with ``split``) collects the items of every line
    each of its rules matches, in order, then those of the lines of fields, without repeats."""
    lines = [normalise(line.strip().replace("\u00a0", " ")) for line in raw.splitlines()]
    read = line_metadata(lines)
    found: dict = {field: value for field, value in read.items() if field not in LIST_FIELDS}
    for field, pattern, split in _rules():
        if field in found and split is None:
            continue
        for line in lines:
            match = pattern.search(line)
            if match:
                value = _value(match)
                if split is None:
                    found[field] = value
                    break
                known = found.setdefault(field, [])
                known.extend(item for item in (v.strip() for v in split.split(value)) if item and item not in known)
    for field in LIST_FIELDS:
        if field in read:
            known = found.setdefault(field, [])
            known.extend(item for item in read[field] if item not in known)
    return found


def _value(match: re.Match[str]) -> str:
    """The ``value`` group; a rule without one (a date) gives the ISO date that its ``year``,
    ``month`` and ``day`` groups spell."""
    parts = match.groupdict()
    if "value" in parts:
        return parts["value"].strip()
    return iso_date(match)


def load_curated_metadata(path: Path | None = None) -> dict:
    """Curated metadata per seed file name: doc_id and what the text does not state."""
    path = path or CURATED / "metadata.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return (data or {}).get("documents", {})
