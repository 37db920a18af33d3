"""Errors that name the file, the line, the field, and how to fix it."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .text import drawn_blank


@dataclass(frozen=True)
class Problem:
    """One problem in one content file, printable as `path:line: field: message (hint)`."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"
    # Where on its line the value starts (0-based), when known: two problems of one line (`[XX, 2025-13-01]`) are
    # told in the order the line writes them. Not shown, and no part of what a problem is.
    column: int | None = dataclasses.field(default=None, compare=False, repr=False)
    # What the hint does beyond the field, when another check would tell it again (`NAMES_FILE`); not shown, and
    # no part of what a problem is: a check asks for it, never for the hint's words, which may be reworded.
    code: str | None = dataclasses.field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        # Shown safely, as the path is: a message or hint may quote what the file writes (`before `x\u202e``), and a
        # field may be a key it writes (`? "..."`: YAML takes a key of any length).
        path, field = display_path(self.path), bounded(shown(self.field))
        message, hint = bounded(shown(self.message)), bounded(shown(self.hint))
        where = f"{path}:{self.line}" if self.line else path
        text = f"{where}: {field}: {message}"
        if self.severity == "warning":
            text = f"{where}: warning: {field}: {message}"
        return f"{text} ({hint})" if hint else text


# A `Problem.code`: its hint tells what to name the file (`rename the file to moj-tytul.pl.md`), which no other
# problem of the file is then to tell (`file_place`).
NAMES_FILE = "names-file"


class ContentError(Exception):
    """A content file that cannot be published as it is: one problem, or several found at once."""

    def __init__(self, problem: Problem, *more: Problem) -> None:
        super().__init__(problem, *more)
        self.problem = problem
        self.problems = (problem, *more)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in told(self.problems))


# The most problems told of one file: a file may hold tens of thousands (a value each, 50,000 values in a front-matter),
# all found and counted, of which a contributor reads the first; more would bury the other files' under them.
TOLD_PER_FILE = 100


def told(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` as they are told, in their order: of each file, the first TOLD_PER_FILE, then one saying how many
    more it has (an error if one of those is)."""
    problems = list(problems)
    totals: dict[str, int] = {}
    untold_errors: set[str] = set()
    for problem in problems:
        totals[problem.path] = totals.get(problem.path, 0) + 1
        if totals[problem.path] > TOLD_PER_FILE and problem.severity == "error":
            untold_errors.add(problem.path)
    shown: list[Problem] = []
    counted: dict[str, int] = {}
    for problem in problems:
        count = counted[problem.path] = counted.get(problem.path, 0) + 1
        if count <= TOLD_PER_FILE:
            shown.append(problem)
        if count == TOLD_PER_FILE and totals[problem.path] > TOLD_PER_FILE:
            more = totals[problem.path] - TOLD_PER_FILE
            shown.append(
                Problem(
                    problem.path, None, "file", f"and {more:,} more problem(s), not told",
                    "fix those told above and check the file again: its first problems often cause the rest",
                    severity="error" if problem.path in untold_errors else "warning",
                )
            )  # fmt: skip
    return shown


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """By line, as a contributor reads the file; on one line, by column where known, else in the order found."""
    return sorted(problems, key=lambda problem: (problem.line or 0, getattr(problem, "column", None) or 0))


def by_file(problems: Iterable[Problem]) -> list[Problem]:
    """By file, then in each file's order (`in_file_order`), stable: a file's reading problems, then those the checks
    of several files find in it, had made its lines run backwards; and the files in the order of their paths, which
    does not depend on which files were read again (the devserver's `ContentSnapshot.updated`)."""
    files: dict[str, list[Problem]] = {}
    for problem in problems:
        files.setdefault(os.path.abspath(problem.path), []).append(problem)
    return [problem for path in sorted(files) for problem in in_file_order(files[path])]


# `content/` where a hint names the repository's content folder (`add it to content/data/publishers.yaml`), not a
# part of another path (`.cache/content/`).
_CONTENT_FOLDER = re.compile(r"(?<![\w./\\-])content/")


def in_folder(problems: Iterable[Problem], content_dir: str | Path) -> tuple[Problem, ...]:
    """`problems`, whose hints name the content folder `content/`, with each naming `content_dir` instead, as a
    problem names its file: followed where ARCHIVE_CONTENT points elsewhere, `content/...` was another folder."""
    folder = display_path(os.path.abspath(content_dir)).rstrip("/")
    if folder == "content":
        return tuple(problems)
    return tuple(
        dataclasses.replace(problem, hint=_CONTENT_FOLDER.sub(lambda _: f"{folder}/", problem.hint))
        if "content/" in problem.hint
        else problem
        for problem in problems
    )


def key_label(key: object) -> str:
    """How a problem names a key as written (`titel`): quoted and escaped as Python writes it where it holds more
    than letters, digits, `_`, `.` and `-` (`'lang\\xa0'`, `'source name'`), so that a hidden character shows, and
    `path:line: field:` stays parseable; alike in articles and data files."""
    text = str(key)
    blank = {char for char in text if drawn_blank(char)}  # letters drawn as nothing, which `repr` leaves as they are
    if not blank and re.fullmatch(r"[\w.-]+", text):
        return text
    label = repr(text)
    for char in blank:
        label = label.replace(char, f"\\u{ord(char):04x}")
    return label


def display_path(path: str) -> str:
    """Relative to the working directory when the file is below it: as a problem names its own file, so that a
    message naming another file names it the same way. Shown safely (`shown`): a file's name is untrusted."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return bounded(shown(str(path) if relative.startswith("..") else relative), SHOWN_PATH_MAX_CHARS)


def shown(text: str) -> str:
    """`text` with each character a terminal or a CI log would act on or hide written as Python escapes it: a
    control character (`\\x1b[2J` clears a terminal), a line end (a CI log reads a line that opens with `::` as
    a command), a character that reorders the text after it (`\\u202e`)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


# The most of a message or a hint a problem shows: one that quotes what a file writes whole (a note's passage of
# 900 KB made a line of 900 KB) is shown by its start and its end, what it says of the value.
SHOWN_MAX_CHARS = 4_000
# The most of a path shown: a path the content names is short (`paths.MAX_PATH_CHARS`), but one given to make
# (`SRC=`, `DEST=`) may be any length; its start and its end (the file's name) are what say which it is.
SHOWN_PATH_MAX_CHARS = 500


def bounded(text: str, limit: int = SHOWN_MAX_CHARS) -> str:
    """`text` whole when it holds at most `limit` characters, else by its start and its end."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]}… ({len(text) - 2 * half:,} characters not shown) …{text[-half:]}"


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
        return "\n".join(str(p) for p in told(self.problems))


def report(problems: Iterable[Problem], stream=None) -> None:
    """Print `problems` as they are told (`told`: the first of each file, then how many more)."""
    stream = stream or sys.stderr
    for problem in told(problems):
        print(problem, file=stream)


class ToolFailed(RuntimeError):
    """A program the build runs (Pagefind...) is missing, failed or hung.

    Its message is one line: the tool, what went wrong, and what to do.
    """


# What to do about a file the system would not write or read, by its errno; `{path}` is the file or folder.
_DISK_HINTS: dict[int, str] = {
    errno.ENOSPC: "the disk of {path} is full: free some space",
    errno.EDQUOT: "the disk quota of {path} is used up: free some space, or ask for a larger quota",
    errno.EFBIG: "a file is larger than the system lets this user write (ulimit -f, or a quota): raise the limit",
    errno.EACCES: "check the permissions of {path}: the build must be able to write it",
    errno.EPERM: "check the permissions and attributes (immutable, append-only) of {path}",
    errno.EROFS: "{path} is on a read-only file system: build into a folder that can be written",
    errno.ENAMETOOLONG: "{path} is longer than the file system allows: build into a folder with a shorter path",
    errno.EMFILE: "too many files open at once: raise the limit (ulimit -n) and build again",
    errno.ENFILE: "the system has too many files open: close other programs and build again",
    errno.ENOENT: "{path} disappeared while the site was built: was it deleted or moved? build again",
    errno.ENOTDIR: "a part of {path} is a file where a folder should be: move that file away",
    errno.EISDIR: "{path} is a folder where a file should be: move that folder away",
    errno.EIO: "the disk reported an input/output error at {path}: check the disk",
}


def disk_hint(exc: OSError, fallback: str | Path) -> str:
    """What to do about `exc`, naming its file (else `fallback`, the folder written to)."""
    path = exc.filename if exc.filename is not None else fallback
    hint = _DISK_HINTS.get(exc.errno or 0, "check the disk and the permissions of {path}")
    return hint.format(path=os.fsdecode(path) if isinstance(path, bytes) else path)
