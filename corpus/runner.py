"""Where a build's per-document work runs: this process, worker processes, or a Dask cluster.

:func:`ordered_map` applies a plain function to tasks and yields the results in
task order, whichever runs them, so the build writes the same bytes however it
was spread.  At most a few tasks per worker are in flight at a time: results
stream through the caller instead of piling up in memory.

Where worker processes start by fork (Linux's default), the caller's ``prepare``
runs on the first task in this process before the pool starts: whatever it loaded
on first use (CC-CEDICT, jieba's dictionaries, compiled patterns, curated data) is
then inherited, copy on write, by every worker instead of being loaded again in
each.  A model whose threads would not survive a fork must therefore be cached per
process id (the NER session), and one whose thread pool leaves a forked child
hanging must not run in ``prepare`` at all (CTranslate2's OpenMP: libgomp is not
fork-safe), and where it already ran in this process (a build before, in the
same process), the caller asks for workers that are not forked from it: they
are spawned, fresh interpreters with this process's environment as it is now (a
forkserver would keep the environment of its own start, such as an earlier
ARGOS_PACKAGES_DIR).  Under spawn or forkserver, and on a Dask
cluster, each worker loads what it needs once, on first use.

Dask (``distributed``) rather than Ray for the cluster: its scheduler is a
plain address a user points at (``tcp://host:8786``, started with
``dask scheduler`` and ``dask worker``, or by dask-jobqueue on Slurm/PBS and
dask-kubernetes), the client is an ordinary ``concurrent.futures``-style API
with nothing to install beyond pip packages, and a ``LocalCluster`` of
processes runs the same code path in the tests.
"""
from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")
IN_FLIGHT_PER_WORKER = 2  # enough to keep a worker busy while the caller writes the previous result
# Workers that inherit nothing from this process but its current environment.
_FRESH = "spawn"


class _Pending(Protocol):
    def result(self) -> Any: ...


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(function: Callable[[Task], Result], tasks: Iterable[Task], jobs: int = 1,
                cluster: Optional[str] = None, prepare: Optional[Callable[[Task], object]] = None,
                fork: bool = True) -> Iterator[Result]:
    """``function(task)`` for each task, in order: here (``jobs`` 1), in ``jobs`` processes, or on the Dask
    scheduler at ``cluster``.  ``function`` must be importable by name (a module-level function).
    ``prepare``: run here on the first task before forking workers; ``fork``: False where workers forked from
    this process would not work (see the module's docstring)."""
    if cluster is not None:
        yield from _on_cluster(function, tasks, cluster)
    elif jobs <= 1:
        yield from map(function, tasks)
    else:
        tasks = iter(tasks)
        context = multiprocessing.get_context(None if fork else _FRESH)
        if prepare is not None and context.get_start_method() == "fork":
            first = list(itertools.islice(tasks, 1))
            for task in first:
                prepare(task)  # before the fork: loads what every worker would otherwise load itself
            tasks = itertools.chain(first, tasks)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_end_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            yield from _windowed(pool.submit, function, tasks, jobs * IN_FLIGHT_PER_WORKER)


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _end_with_parent(parent: int) -> None:
    """A worker ends when the build process does.  A build killed outright (SIGKILL, the OOM killer) cannot
    end its pool, and the workers would wait for work forever: they hold the task pipe's write end themselves,
    so they never see it close.  SIGKILL, not SIGTERM: forked workers inherit the build's handlers, and an
    orphan has nothing to save.  Linux only (prctl); elsewhere such workers wait until ended by hand."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build ended before the request took effect
        os._exit(1)


def _on_cluster(function: Callable[[Task], Result], tasks: Iterable[Task], address: str) -> Iterator[Result]:
    from distributed import Client

    with Client(address) as client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(call: Callable[[Task], Result], task: Task) -> Future:
            return client.submit(call, task, pure=False)

        yield from _windowed(submit, function, tasks, workers * IN_FLIGHT_PER_WORKER)


def _windowed(submit: Callable[..., _Pending], function: Callable[[Task], Result], tasks: Iterable[Task],
              window: int) -> Iterator[Result]:
    pending: deque[_Pending] = deque()
    for task in tasks:
        pending.append(submit(function, task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class _Bar:
    """Per-document progress: count, rate, and the running totals given to :meth:`update`."""

    def __init__(self, bar: Any):
        self.bar = bar
        self.totals: dict[str, int] = {}

    def update(self, **counts: int) -> None:
        for name, count in counts.items():
            self.totals[name] = self.totals.get(name, 0) + count
        if self.bar is not None:
            self.bar.set_postfix(self.totals, refresh=False)
            self.bar.update(1)


@contextmanager
def progress_bar(total: int, what: str, shown: bool) -> Iterator[_Bar]:
    """A tqdm bar on stderr when ``shown``; otherwise counts are kept and nothing is printed."""
    if not shown:
        yield _Bar(None)
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=what, unit="doc", dynamic_ncols=True, smoothing=0.1) as bar:
        yield _Bar(bar)
