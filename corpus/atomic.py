"""Write-then-rename, so a failed build never leaves a half-written file."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".tmp") as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)  # temporary files are private; published files are not
    os.replace(handle.name, path)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


@dataclass(frozen=True)
class Target:
    """A published directory and the files in it that a build owns (``pattern``, a glob)."""

    path: Path
    pattern: str = "**/*"


@contextmanager
def staged_directories(targets: Sequence[Target]) -> Iterator[list[Path]]:
    """Yield one empty staging directory per target; on success their files replace the targets'.

    Nothing in any target changes if the body raises: every artifact is written
    before the first rename, and directories made only to hold the staging
    directories are removed again.  Owned files in a target that the build no
    longer produces are removed; files outside ``pattern`` (e.g. a package's
    ``__init__.py`` beside generated XML) are left alone.
    """
    stagings = []
    made: list[Path] = []  # parent directories this call created, outermost first
    try:
        for target in targets:
            missing = [d for d in (target.path.parent, *target.path.parent.parents) if not d.exists()]
            target.path.parent.mkdir(parents=True, exist_ok=True)
            made += reversed(missing)
            stagings.append(Path(tempfile.mkdtemp(dir=target.path.parent, prefix=f".{target.path.name}.staging.")))
        yield stagings
        for target, staging in zip(targets, stagings):
            _replace_owned_files(target, staging)
        made.clear()  # success: the directories hold the published files
    finally:
        for staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)
        for directory in reversed(made):
            with suppress(OSError):  # not empty: something else was put there meanwhile
                directory.rmdir()


def _replace_owned_files(target: Target, staging: Path) -> None:
    produced = {p.relative_to(staging) for p in staging.glob(target.pattern) if p.is_file()}
    for relative in sorted(produced):
        destination = target.path / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, destination)
    if target.path.exists():
        for stale in sorted(p for p in target.path.glob(target.pattern) if p.is_file()):
            if stale.relative_to(target.path) not in produced:
                stale.unlink()
