"""Write a batch of pages in two processes: the build's, and one forked from it with every object in memory.

Nothing is pickled on the way in: the forked process has the batch already. On
the way back come, per page it wrote, the files it opened, and the warnings
and errors it logged (logged again by the build, so that a build that fails
on a logged error still does). An exception raised in it is raised in the
build; it is killed if it is not done within its time limit.
"""

from __future__ import annotations

import logging
import os
import pickle
import selectors
import signal
import time
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

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
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the forked process; its work is checked by the build that reads it)
        os.close(reading)
        _write_and_report(theirs, write, writing)
    os.close(writing)
    try:
        ours = [write(job) for job in jobs[0::2]]
        report = _read(reading, TIME_LIMIT_BASE + TIME_LIMIT_PER_PAGE * len(theirs))
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(reading)
        os.waitpid(pid, 0)
    if not report:
        raise HalfFailed("the process writing half of the pages ended without saying what it wrote")
    outcome, value, records = pickle.loads(report)  # noqa: S301 (the build's own fork, through its own pipe)
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)
    if outcome != "done":
        exception, where = value
        raise exception from HalfFailed(f"raised in the process writing half of the pages:\n{where}")
    written: list[tuple[Written, bool]] = [([], False)] * len(jobs)
    written[0::2] = [(files, False) for files in ours]
    written[1::2] = [(files, True) for files in value]
    return written


def _write_and_report(jobs: list, write: Callable, pipe: int) -> None:  # pragma: no cover (runs forked)
    root = logging.getLogger()
    records = _Kept(root.getEffectiveLevel())
    root.handlers = [records]  # logged once, by the build
    try:
        payload = ("done", [write(job) for job in jobs])
    except BaseException as exc:  # every failure goes back to the build, with where it was raised
        payload = ("failed", (_raisable(exc), "".join(traceback.format_exception(exc))))
    try:
        data = pickle.dumps((*payload, records.kept))
        with os.fdopen(pipe, "wb") as stream:
            stream.write(data)
    finally:
        os._exit(0)  # no cleanup of the build's objects: they are the build's, not this process's


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


def _read(pipe: int, limit: float) -> bytes:
    """Everything the forked process sends, until it closes the pipe; TimeoutError after `limit` seconds."""
    chunks, deadline = [], time.monotonic() + limit
    with selectors.DefaultSelector() as selector:
        selector.register(pipe, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                raise TimeoutError(f"the process writing half of the pages did not finish within {limit:.0f} s")
            chunk = os.read(pipe, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
