"""Write-then-rename, so a failed build never leaves a half-written file; a lock per output folder.

:func:`staged_directories` publishes several directories of a checkout (where
they are tracked files and cannot be a symlink) through a journal: every file
is staged first, the journal of the moves is written in one rename, then the
moves run, and a build killed among them is completed by the next one
(:func:`finish_interrupted`), so the checkout ends as the old build or the new
one, whole.  Folders given with ``--out`` switch in one rename instead
(:mod:`corpus.output`).
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from corpus.errors import CorpusError

STAGING_MARK = ".staging."


class OutputError(CorpusError):
    """An output folder the build may not or cannot write; names the folder, the cause and the fix."""


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".tmp") as handle:
        handle.write(data)
    os.chmod(handle.name, 0o644)  # temporary files are private; published files are not
    os.replace(handle.name, path)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


_HELD_LOCKS: set[int] = set()  # descriptors of the lock files this process holds (see _let_go_of_held_locks)


def _let_go_of_held_locks() -> None:
    """In a process forked while a lock is held (a build's worker), stop sharing the lock.

    An flock belongs to the open file, which a forked child shares: a worker left running after its build
    was killed outright (SIGKILL, the OOM killer) would keep the folder locked as long as it lives, and
    every later build would be refused.  The descriptor is pointed at /dev/null rather than closed, so that
    its number is not reused while the inherited file object still names it.
    """
    if _HELD_LOCKS:
        null = os.open(os.devnull, os.O_RDONLY)
        for descriptor in _HELD_LOCKS:
            os.dup2(null, descriptor)
        os.close(null)
        _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_let_go_of_held_locks)


@contextmanager
def locked(lock_file: Path, folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` for the body; refuse at once if another build holds it.

    The file stays (removing a lock file races with the next build); the kernel drops the
    lock when its holder exits, killed or not, and processes forked meanwhile do not hold it.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise OutputError(f"{folder}: another build (process {holder}) is writing to this folder; "
                              "wait for it to finish, or build into another folder") from None
        _HELD_LOCKS.add(handle.fileno())
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            _HELD_LOCKS.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the body is done, then deliver them; SIGKILL cannot be held.

    Python runs signal handlers in the main thread only, whichever thread the kernel picked, so
    swapping the handlers holds them for the whole process (a signal mask would not: the
    libraries' worker threads would still take the signal).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: held.append(signum))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)  # None: set outside Python
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


@dataclass(frozen=True)
class Target:
    """A published directory and the files in it that a build owns (``pattern``, a glob)."""

    path: Path
    pattern: str = "**/*"


def staging_directories(target: Target) -> list[Path]:
    """The staging directories a build of ``target`` made beside it (left behind if it was killed)."""
    parent = target.path.parent
    return sorted(parent.glob(f".{target.path.name}{STAGING_MARK}*")) if parent.is_dir() else []


@contextmanager
def staged_directories(targets: Sequence[Target], journal: Path) -> Iterator[list[Path]]:
    """Yield one empty staging directory per target; on success their files replace the targets'.

    Nothing in any target changes if the body raises: every artifact is written
    before the journal, and directories made only to hold the staging
    directories are removed again.  Owned files in a target that the build no
    longer produces are removed; files outside ``pattern`` (e.g. a package's
    ``__init__.py`` beside generated XML) are left alone.  Call with the lock
    held, after :func:`finish_interrupted`.
    """
    stagings = []
    made: list[Path] = []  # parent directories this call created, outermost first
    try:
        for target in targets:
            missing = [d for d in (target.path.parent, *target.path.parent.parents) if not d.exists()]
            target.path.parent.mkdir(parents=True, exist_ok=True)
            made += reversed(missing)
            stagings.append(Path(tempfile.mkdtemp(dir=target.path.parent, prefix=f".{target.path.name}{STAGING_MARK}")))
        yield stagings
        moves = [{"target": str(target.path), "pattern": target.pattern, "staging": str(staging),
                  "files": sorted(p.relative_to(staging).as_posix() for p in staging.glob(target.pattern)
                                  if p.is_file())}
                 for target, staging in zip(targets, stagings)]
        with signals_deferred():  # Ctrl-C or kill during the moves takes effect once they are done
            write_text(journal, json.dumps(moves, ensure_ascii=False))  # from here on, the new build is published
            made.clear()  # success: the directories hold the published files
            finish_interrupted(journal)
    finally:
        for staging in stagings if not journal.exists() else []:  # a journal still needs them: the next build
            shutil.rmtree(staging, ignore_errors=True)           # completes the moves it lists
        for directory in reversed(made):
            with suppress(OSError):  # not empty: something else was put there meanwhile
                directory.rmdir()


def finish_interrupted(journal: Path) -> bool:
    """Complete the moves a journal lists (each is skipped once done), then drop it; say whether there was one."""
    if not journal.exists():
        return False
    for move in json.loads(journal.read_text(encoding="utf-8")):
        target, staging, produced = Path(move["target"]), Path(move["staging"]), set(move["files"])
        for relative in sorted(produced):
            if (staging / relative).exists():
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / relative, target / relative)
        if target.exists():
            for stale in sorted(p for p in target.glob(move["pattern"]) if p.is_file()):
                if stale.relative_to(target).as_posix() not in produced:
                    stale.unlink()
    journal.unlink()
    return True


def remove_stale_staging(targets: Sequence[Target]) -> list[Path]:
    """Remove the staging directories of earlier builds that were killed; return them."""
    stale = [staging for target in targets for staging in staging_directories(target)]
    for staging in stale:
        shutil.rmtree(staging, ignore_errors=True)
    return stale
