"""How many processes the build may use, and how it starts them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from multiprocessing.context import BaseContext

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def default_workers() -> int:
    """One per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_context() -> BaseContext:
    """Forked workers start at once, with every module and object of the build already in memory.

    Each dies with the process that started it: a build killed while a worker writes to a pipe (a
    devserver stopped with SIGTERM, CI's time limit) would otherwise leave the worker blocked for good.
    """
    if not can_fork():
        return multiprocessing.get_context()
    return _ForkContextDyingWithParent()


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when `parent`, the process that forked it, ends (Linux).

    Elsewhere, nothing: there a worker left behind ends at its own time limit or at its next write.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only forked workers need it

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # it ended before the line above: no signal will come
        os._exit(1)


if can_fork():  # ForkProcess and ForkContext exist where `fork` does

    class _ProcessDyingWithParent(multiprocessing.context.ForkProcess):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._forked_by = os.getpid()

        def run(self) -> None:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # stopped as a worker, not as the build it was forked from
            die_with_parent(self._forked_by)
            super().run()

    class _ForkContextDyingWithParent(multiprocessing.context.ForkContext):
        Process = _ProcessDyingWithParent
