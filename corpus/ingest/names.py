"""Which files of a seed folder are documents, and the document id each one gets from its name.

The id becomes file names and ``xml:id`` prefixes, so it must be an XML name
(ASCII letters, digits, ``_ . -``, not starting with a digit, ``.`` or ``-``).
Chinese names are transliterated (``新闻.txt`` → ``xinwen``) so that ids stay
readable and distinct; ids that collide, ignoring case (as file systems on
macOS and Windows do), or that an export reserves, get the next free
``-2``, ``-3`` … in file-name order, so the same folder always gives the same ids.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from corpus.lang import HAN_CLASS
CURATED = Path(__file__).resolve().parent.parent / "curated" / "document_ids.yaml"
DOC_ID_PREFIX = "doc-"
FALLBACK_ID = "doc"  # a name with nothing readable left in it
_NOT_ID_CHARACTER = re.compile(r"[^A-Za-z0-9_.-]+")
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


@lru_cache(maxsize=None)
def _curated() -> dict:
    return yaml.safe_load(CURATED.read_text(encoding="utf-8"))


def seed_extensions() -> tuple[str, ...]:
    return tuple(_curated()["seed_extensions"])


def reserved_ids() -> frozenset[str]:
    return frozenset(name.casefold() for name in _curated()["reserved"])


def seed_files(directory: Path) -> tuple[list[Path], list[str]]:
    """The seed documents of ``directory`` in file-name order, and one line per entry skipped, saying why."""
    accepted, skipped = [], []
    for path in sorted(Path(directory).iterdir()):
        if path.name.startswith("."):
            skipped.append(f"{path.name}: a hidden file")
        elif path.is_dir():
            skipped.append(f"{path.name}/: a folder (seeds are read from the top level of the folder only)")
        elif not path.is_file():
            skipped.append(f"{path.name}: not a regular file")
        elif path.suffix.lower() not in seed_extensions():
            skipped.append(f"{path.name}: not a text-file extension ({', '.join(seed_extensions())})")
        else:
            accepted.append(path)
    return accepted, skipped


def transliterate(name: str) -> str:
    """Han runs as toneless pinyin, one word per run (``张宏江 访谈`` → ``zhanghongjiang fangtan``);
    accented Latin letters without their accents (``café`` → ``cafe``)."""
    from pypinyin import lazy_pinyin

    name = _HAN_RUN.sub(lambda run: f" {''.join(lazy_pinyin(run.group()))} ", name)
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def doc_id_for(path: Path) -> str:
    """The file name without extension, transliterated and made an XML name: other characters become
    ``-``, and a name that does not start with a letter or ``_`` (the shipped seed files are named
    ``005_<hash>.txt``) gets ``doc-``."""
    name = _NOT_ID_CHARACTER.sub("-", transliterate(path.stem)).strip("-.")
    if not name:
        return FALLBACK_ID
    return name if re.match(r"[A-Za-z_]", name) else DOC_ID_PREFIX + name


def unique_ids(wanted: list[str], fixed: set[str]) -> list[str]:
    """``wanted`` with each id that an earlier one, one in ``fixed`` or a reserved name already
    takes (ignoring case) made free by the smallest suffix ``-2``, ``-3`` …, in order."""
    taken = {name.casefold() for name in fixed} | reserved_ids()
    unique = []
    for name in wanted:
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{name}-{number}"
        taken.add(candidate.casefold())
        unique.append(candidate)
    return unique
