"""Errors that name the file, the line, the field, and how to fix it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in one content file, printable as `path:line: field: message (hint)`."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        path = _display_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        text = f"{where}: {self.field}: {self.message}"
        if self.severity == "warning":
            text = f"{where}: warning: {self.field}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """A content file that cannot be published as it is: one problem, or several found at once."""

    def __init__(self, problem: Problem, *more: Problem) -> None:
        super().__init__("\n".join(str(p) for p in (problem, *more)))
        self.problem = problem
        self.problems = (problem, *more)


def _display_path(path: str) -> str:
    """Relative to the working directory when the file is below it."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith("..") else relative


def content_error(path: str | Path, line: int | None, field: str, message: str, hint: str = "") -> ContentError:
    return ContentError(Problem(str(path), line, field, message, hint))


class BuildFailed(SystemExit):
    """Stops a Pelican build after printing every problem found.

    A SystemExit rather than an Exception, because Pelican logs and skips
    ordinary exceptions raised while reading content, and prints a traceback
    for the rest; the archive must instead stop with a readable report.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(1)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def report(problems: Iterable[Problem], stream=None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        print(problem, file=stream)


class ToolFailed(RuntimeError):
    """A program the build runs (Pagefind...) is missing, failed or hung.

    Its message is one line: the tool, what went wrong, and what to do.
    """
