"""A user's own registry entries, added to the team's for the builds of their seeds.

The file (``entities.yaml`` in the build folder) has the form of the team's
``corpus/curated/entities.yaml``: ``entities``, ``speaker_labels`` and
``role_labels`` (generic turn labels, added to the language's in
``corpus/curated/lang/zh.yaml``), each optional.  Its entries are added to the
team's and the whole is validated as one registry, so an id or alias that clashes with the
team's is reported with the user's file named.  The team's file is never written.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from corpus.registry import DEFAULT_PATH, Registry, RegistryError, load_registry, registry_from_data


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RegistryError(str(path), [f"not a readable YAML file: {error}"]) from None
    if not isinstance(data, dict):
        raise RegistryError(str(path), ["expected a mapping with entities, speaker_labels and/or role_labels"])
    return data


def with_additions(additions: Path) -> Registry:
    """The team's registry plus the entries in ``additions``; the team's alone when there is no such file."""
    if not additions.exists():
        return load_registry()
    team, user = _read(DEFAULT_PATH), _read(additions)
    merged = {
        **team,
        "entities": [*(team.get("entities") or []), *(user.get("entities") or [])],
        "speaker_labels": [*(team.get("speaker_labels") or []), *(user.get("speaker_labels") or [])],
        "role_labels": user.get("role_labels") or {},  # added to the language's (corpus/curated/lang/zh.yaml)
    }
    return registry_from_data(merged, str(additions))
