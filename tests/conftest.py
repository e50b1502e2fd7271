"""Shared fixtures (the shipped seeds prepared once per test session, the tiny MT model) and settings."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No timed assertions: a property fails on its property, never because an example was slow on a busy machine
# (hypothesis's default 200 ms deadline per example).
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def prepared_docs():
    """The five seeds through the text stages (ingest → clean → structure → segment → script)."""
    from corpus import pipeline

    return {doc.doc_id: doc for doc in pipeline.prepare(SEEDS)}


@pytest.fixture(scope="session")
def seed_text():
    def read(prefix: str) -> str:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """The tiny .argosmodel (random weights), built the way a user would: by running the script."""
    output = tmp_path_factory.mktemp("model") / "translate-zh_en-tiny.argosmodel"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_tiny_argos_model.py"), str(output)], check=True,
                   capture_output=True)
    return output
