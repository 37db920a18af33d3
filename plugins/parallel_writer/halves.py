"""Write a batch of pages in two processes: the build's, and one forked from it with every object in memory.

Nothing is pickled on the way in: the forked process has the batch already. On
the way back come, per page it wrote, the files it opened, and the warnings
and errors it logged (logged again by the build, so that a build that fails
on a logged error still does). An exception raised in it is raised in the
build; it is killed if it is not done within its time limit.
"""

from __future__ import annotations

import logging
import pickle
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

from archive_core.workers import fork_context

Job = TypeVar("Job")
Written = list[str]  # the files one job opened, in order

TIME_LIMIT_BASE = 60.0  # seconds for the forked process, plus
TIME_LIMIT_PER_PAGE = 1.0  # seconds per page it writes


class HalfFailed(RuntimeError):
    """The forked process could not say what went wrong in a form the build can raise again."""


def write_in_two(jobs: Sequence[Job], write: Callable[[Job], Written]) -> list[tuple[Written, bool]]:
    """`write` every job, every other one (from the second) in a forked process.

    For each job, in the order of `jobs`: what it wrote, and whether the forked process wrote it.
    """
    theirs = list(jobs[1::2])
    limit = TIME_LIMIT_BASE + TIME_LIMIT_PER_PAGE * len(theirs)
    deadline = time.monotonic() + limit
    receiving, sending = fork_context().Pipe(duplex=False)
    process = fork_context().Process(target=_write_and_report, args=(theirs, write, sending), daemon=True)
    process.start()
    sending.close()
    try:
        ours = [write(job) for job in jobs[0::2]]
        if not receiving.poll(max(0.0, deadline - time.monotonic())):
            raise TimeoutError(f"the process writing half of the pages did not finish within {limit:.0f} s")
        try:
            outcome, value, records = receiving.recv()
        except EOFError:
            raise HalfFailed("the process writing half of the pages ended without saying what it wrote") from None
    except BaseException:
        process.kill()
        raise
    finally:
        receiving.close()
        process.join()
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)
    if outcome != "done":
        exception, where = value
        raise exception from HalfFailed(f"raised in the process writing half of the pages:\n{where}")
    written: list[tuple[Written, bool]] = [([], False)] * len(jobs)
    written[0::2] = [(files, False) for files in ours]
    written[1::2] = [(files, True) for files in value]
    return written


def _write_and_report(jobs: list, write: Callable, sending: Connection) -> None:  # pragma: no cover (runs forked)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; this process is killed with it
    root = logging.getLogger()
    records = _Kept(root.getEffectiveLevel())
    root.handlers = [records]  # logged once, by the build
    try:
        payload = ("done", [write(job) for job in jobs])
    except BaseException as exc:  # every failure goes back to the build, with where it was raised
        payload = ("failed", (_raisable(exc), "".join(traceback.format_exception(exc))))
    sending.send((*payload, records.kept))
    sending.close()


def _raisable(exc: BaseException) -> BaseException:
    """`exc`, if it comes through pickling whole; else a HalfFailed with its type and text."""
    try:
        again = pickle.loads(pickle.dumps(exc))  # noqa: S301 (made here, from this process's own exception)
        if type(again) is type(exc) and again.args == exc.args:
            return again
    except Exception:  # noqa: S110 (an exception that cannot be pickled: described instead)
        pass
    return HalfFailed(f"{type(exc).__name__}: {exc}")


class _Kept(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.kept: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append((record.name, record.levelno, record.getMessage()))
