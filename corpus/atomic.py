"""Write-then-rename, so a failed build never leaves a half-written file."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".tmp") as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)  # temporary files are private; published files are not
    os.replace(handle.name, path)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Yield an empty staging directory; on success its files replace ``target``'s, one rename each.

    Files in ``target`` that the build no longer produces are removed; nothing
    in ``target`` changes if the body raises.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.staging."))
    try:
        yield staging
        produced = {p.relative_to(staging) for p in staging.rglob("*") if p.is_file()}
        for relative in sorted(produced):
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, destination)
        if target.exists():
            for stale in sorted(p for p in target.rglob("*") if p.is_file()):
                if stale.relative_to(target) not in produced:
                    stale.unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
