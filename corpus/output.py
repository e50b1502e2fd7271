"""Where a build publishes, and how it becomes visible all at once.

Two kinds of destination:

* :class:`Checkout`, the shipped corpus in this checkout: ``corpus/data``,
  ``corpus/tei/*.xml`` and ``alignments`` are tracked files, replaced through a
  journal (:func:`corpus.atomic.staged_directories`).
* :class:`BuildFolder`, a folder given with ``--out``: every build is written
  into a version directory of its own under ``.corpus-build/``, with a manifest
  of its files; ``.corpus-build/current``, a symbolic link, is switched to it in
  one rename, and ``corpus`` and ``alignments`` in the folder are links through
  it.  A reader sees the previous build or the new one, never a mixture.  The
  build owns only what its manifests list: other files in the folder are never
  changed, and a non-empty folder that is not a build folder is refused unless
  ``force``.

Both check that they can write before the pipeline runs, hold a lock while
they build (a second build into the same place is refused), and clean up
after builds that were killed.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from corpus import atomic
from corpus.atomic import OutputError

STATE = ".corpus-build"  # the build's own files in a destination: lock, versions, journal
ENTRIES = ("corpus", "alignments")  # what a build folder shows, as links into the current version
USER_MEMORY = "tm"  # the user's translation memory, in their build folder
USER_REGISTRY = "entities.yaml"  # the user's registry entries, in their build folder
USER_FILES = (USER_MEMORY, USER_REGISTRY)  # the user's own files a build folder may hold
MANIFEST = "manifest.json"
CURRENT = "current"
VERSION_PREFIX = "v-"
KEPT_PREFIX = "kept-"  # a replaced version that holds files a user put there through the links

Notice = Callable[[str], None]


@dataclass(frozen=True)
class Staging:
    """The directories a build writes its artifacts into before they are published."""

    data: Path
    alignments: Path
    tei: Path


def _check_writable(folder: Path) -> None:
    """Refuse a folder that is a file, or one that cannot be made or written, naming it and the cause."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file, not a folder; give a folder to build into")
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir():
        raise OutputError(f"{folder}: {existing} is a file, so the folder cannot be made; give another folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"{folder}: permission denied: {existing} is not writable; give a folder you can write to")


class Checkout:
    """The shipped corpus of this checkout, whose outputs are tracked files."""

    def __init__(self, root: Path):
        self.root = root
        self.state = root / STATE
        self.targets = [atomic.Target(root / "corpus" / "data"), atomic.Target(root / "alignments"),
                        atomic.Target(root / "corpus" / "tei", "*.xml")]  # the directory is also a package
        self.readme: Path | None = root / "README.md"

    def check(self) -> None:
        _check_writable(self.root)

    @contextmanager
    def session(self, notice: Notice = lambda message: None) -> Iterator[None]:
        with atomic.locked(self.state / "lock", self.root):
            if atomic.finish_interrupted(self.state / "journal.json"):
                notice(f"completed the publication of a build that was stopped while moving files into {self.root}")
            for stale in atomic.remove_stale_staging(self.targets):
                notice(f"removed {stale}, left by a build that was stopped")
            yield

    @contextmanager
    def publish(self, notice: Notice = lambda message: None) -> Iterator[Staging]:
        with atomic.staged_directories(self.targets, self.state / "journal.json") as (data, alignments, tei):
            yield Staging(data, alignments, tei)


class BuildFolder:
    """A folder given with ``--out``: versions, a manifest each, and one link that says which is current."""

    readme = None  # the dataset card is the checkout's README; a build folder has its own files only

    def __init__(self, root: Path, force: bool = False):
        self.root = root
        self.force = force
        self.state = root / STATE

    def check(self) -> None:
        """Refuse, before anything runs, a folder the build must not or cannot write."""
        _check_writable(self.root)
        if not self.root.exists():
            return
        for name in ENTRIES:
            entry = self.root / name
            if (entry.exists() or entry.is_symlink()) and not self._is_entry_link(entry):
                raise OutputError(f"{entry}: exists and was not written by corpus build, which publishes its "
                                  f"output under that name; move it away, or build into another folder")
        foreign = sorted(p.name for p in self.root.iterdir()
                         if p.name not in (STATE, *USER_FILES) and not self._is_entry_link(p))
        if foreign and not self.state.is_dir() and not self.force:
            listed = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
            raise OutputError(f"{self.root}: not empty ({listed}) and not a folder corpus build made; give a new or "
                              "empty folder, or add --force to build beside these files (they are never changed)")

    def _is_entry_link(self, path: Path) -> bool:
        return path.name in ENTRIES and path.is_symlink() and os.readlink(path) == f"{STATE}/{CURRENT}/{path.name}"

    @contextmanager
    def session(self, notice: Notice = lambda message: None) -> Iterator[None]:
        """Lock the folder and retire what killed builds left; a folder this call made goes if nothing was published."""
        made = next((p for p in reversed((self.root, *self.root.parents)) if not p.exists()), None)
        try:
            with atomic.locked(self.state / "lock", self.root):
                for version in self._versions():
                    if version != self._current():
                        self._retire(version, notice)
                yield
        finally:
            if made is not None and not (self.state / CURRENT).is_symlink():
                shutil.rmtree(made, ignore_errors=True)

    def _current(self) -> Path | None:
        link = self.state / CURRENT
        return self.state / os.readlink(link) if link.is_symlink() else None

    def _versions(self) -> list[Path]:
        return sorted(p for p in self.state.glob(f"{VERSION_PREFIX}*") if p.is_dir() and not p.is_symlink())

    def _retire(self, version: Path, notice: Notice) -> None:
        """Remove a version that is not current: the files its manifest lists; one without a manifest was
        never published, so everything in it is ours.  Anything else (put there through the links) stays, in
        ``kept-v-*`` beside the versions, which no build touches."""
        manifest = version / MANIFEST
        if not manifest.exists():
            shutil.rmtree(version, ignore_errors=True)
            return
        for relative in json.loads(manifest.read_text(encoding="utf-8"))["files"]:
            with suppress(FileNotFoundError):
                (version / relative).unlink()
        for directory in sorted((p for p in version.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            with suppress(OSError):
                directory.rmdir()
        foreign = sorted(p.relative_to(version).as_posix() for p in version.rglob("*")
                         if p != manifest and (p.is_symlink() or not p.is_dir()))
        if not foreign:
            manifest.unlink()
            version.rmdir()
            return
        # Out of the versions before the manifest goes: a version without one is removed whole by the next build.
        kept = self.state / f"{KEPT_PREFIX}{version.name}"
        os.rename(version, kept)
        (kept / MANIFEST).unlink()
        notice(f"kept {kept} for files corpus build did not write: {', '.join(foreign[:5])}")

    @contextmanager
    def publish(self, notice: Notice = lambda message: None) -> Iterator[Staging]:
        """Yield a new version's directories; when the body returns, make that version current in one rename."""
        self.state.mkdir(parents=True, exist_ok=True)
        version = Path(tempfile.mkdtemp(dir=self.state, prefix=VERSION_PREFIX))
        version.chmod(0o755)  # temporary directories are private; a published build is not
        try:
            yield Staging(version / "corpus" / "data", version / "alignments", version / "corpus" / "tei")
            write_manifest(version)
            previous = self._current()
            link = self.state / f".{CURRENT}.{version.name}"
            os.symlink(version.name, link)
            os.replace(link, self.state / CURRENT)  # the switch: the new build is visible from here on
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            raise
        for name in ENTRIES:
            if not (self.root / name).is_symlink():
                os.symlink(f"{STATE}/{CURRENT}/{name}", self.root / name)
        if previous is not None and previous != version:
            self._retire(previous, notice)


def write_manifest(version: Path) -> None:
    """The files of a version and their SHA-256: what the build owns, and may remove when it is replaced."""
    files = sorted(p for p in version.rglob("*") if p.is_file())
    manifest = {"files": {p.relative_to(version).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                          for p in files}}
    atomic.write_text(version / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


def destination(root: Path, checkout: Path, force: bool = False) -> Checkout | BuildFolder:
    """The checkout's own outputs when ``root`` is ``checkout``, else a build folder."""
    return Checkout(root) if root.resolve() == checkout.resolve() else BuildFolder(root, force)
