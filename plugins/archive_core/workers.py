"""How many processes the build may use, and how it starts them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.context import BaseContext
from types import TracebackType

PR_SET_PDEATHSIG = 1  # linux/prctl.h
HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def default_workers() -> int:
    """One per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_context() -> BaseContext:
    """Forked workers start at once, with every module and object of the build already in memory.

    Each dies with the process that started it: a build killed while a worker writes to a pipe (a devserver
    stopped with SIGTERM, CI's time limit) would otherwise leave the worker blocked for good. Each is a daemon,
    and SIGINT and SIGTERM are held while it is forked (`SignalsHeldOverFork`).
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


class SignalsHeldOverFork:
    """SIGINT and SIGTERM held back while a worker is forked, then handed, in each process, to its handler.

    A handler that raises (Ctrl-C's KeyboardInterrupt, the build's `Stopped`) must not run inside `fork()`:
    the at-fork callbacks (logging's `_releaseLock`) run Python code there, an exception raised in one is
    only printed ("Exception ignored in ..."), and the lock it was to release stays held, so the next log
    line hangs the process. Held, the signal reaches the parent once `fork()` has returned, and the child
    at the start of `run()`. Only the main thread runs Python's handlers: a fork elsewhere swaps none.

    They are also blocked in the forking thread (`pthread_sigmask`), which the child inherits: a signal sent to
    the child before it runs Python again (multiprocessing's exit ends a daemon with SIGTERM as soon as it is
    started) reaches a Python handler there, and Python drops what came before `PyOS_AfterFork_Child`; blocked,
    it waits in the kernel until `run()` has put the worker's own handlers in place.

    The build holds them so over its swap of the new site into place too (`tools/build.py`): a stop raised just
    after the rename would leave it unsure whether the new site was in place.
    """

    def __init__(self) -> None:
        self.handlers: dict[int, signal.Handlers | object] = {}
        self.arrived: list[tuple[int, int]] = []  # (the process it reached, the signal): the child inherits the list
        self.mask: set[int] = set()  # the forking thread's blocked signals before: the child inherits it

    def _hold(self, signum: int, _frame: object) -> None:
        self.arrived.append((os.getpid(), signum))

    def __enter__(self) -> SignalsHeldOverFork:
        self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
        try:
            if threading.current_thread() is threading.main_thread():
                for signum in HELD_SIGNALS:
                    if signal.getsignal(signum) is not None:  # None: set outside Python, left alone
                        self.handlers[signum] = signal.signal(signum, self._hold)
        except BaseException:  # a signal another thread took ran its handler here: nothing stays held
            self.release(self.handlers)
            raise
        return self

    def release(self, handlers: dict[int, signal.Handlers | object]) -> None:
        """Put `handlers` back and unblock, then raise, in this process, the first signal held for it."""
        raised: BaseException | None = None
        for signum, handler in handlers.items():
            try:
                signal.signal(signum, handler)
            except BaseException as exc:  # a handler put back before ran, and raised: the others go back all the same
                raised = raised or exc
                signal.signal(signum, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)
        if raised is not None:
            raise raised
        if held := [signum for pid, signum in self.arrived if pid == os.getpid()]:
            signal.raise_signal(held[0])

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release(self.handlers)


if can_fork():  # ForkProcess and ForkContext exist where `fork` does

    class _ProcessDyingWithParent(multiprocessing.context.ForkProcess):
        def __init__(self, *args, daemon: bool | None = None, **kwargs) -> None:
            # A daemon: the build's exit ends it rather than waits for it. A build stopped while a pool starts
            # its workers leaves them waiting for work that will never come (ProcessPoolExecutor has no thread
            # to send them their end yet); multiprocessing would wait for them at exit, for ever.
            super().__init__(*args, daemon=True if daemon is None else daemon, **kwargs)
            self._forked_by = os.getpid()
            self._signals = SignalsHeldOverFork()

        def start(self) -> None:
            with self._signals:
                super().start()

        def run(self) -> None:
            # stopped as a worker, not as the build it was forked from: SIGTERM ends it; Ctrl-C, which the terminal
            # sends to every process of the build, is the build's to handle (it ends its workers), not a traceback
            # from each worker
            self._signals.release({signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: signal.SIG_DFL})
            die_with_parent(self._forked_by)
            super().run()

    class _ForkContextDyingWithParent(multiprocessing.context.ForkContext):
        Process = _ProcessDyingWithParent
