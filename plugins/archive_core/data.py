"""Curated data files (YAML under content/data/): safe loading with line numbers for errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from . import paths
from .errors import ContentError, Problem, in_file_order
from .field_types import Expected, wrong_type
from .frontmatter import decode, parse_yaml

Key = str | int
T = TypeVar("T")


@dataclass(frozen=True)
class DataFile:
    """A parsed YAML data file that can say on which line any value stands."""

    path: Path
    data: Any
    root: yaml.Node | None
    unreadable: tuple[Problem, ...] = ()  # the values YAML could not read, each None in `data` (`recording`)

    def line(self, *keys: Key) -> int | None:
        """1-based line of `data[k1][k2]...`, or of the deepest part of it that exists."""
        node, line = self.root, None
        for key in keys:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, key)
        return node.start_mark.line + 1 if node is not None else line

    def written(self, *keys: Key) -> str | None:
        """The value at `keys` as the file writes it, if it is one plain scalar (`2023`, not YAML's reading)."""
        node = self.root
        for key in keys:
            node = _child(node, key) if node is not None else None
        if not isinstance(node, yaml.ScalarNode) or node.style:
            return None
        return node.value

    def problem(self, keys: Sequence[Key], field: str, message: str, hint: str = "") -> Problem:
        return Problem(str(self.path), self.line(*keys), field, message, hint)


class Record:
    """One record of a data file (or the whole file): each of its problems names the file, the line of the
    value, and the field after the record's label (`VN.status`); `prefix` goes before the message."""

    def __init__(self, data_file: DataFile, base: Sequence[Key] = (), label: str = "", prefix: str = "") -> None:
        self.file = data_file
        self.base = list(base)
        self.label = label
        self.prefix = prefix

    def fail(self, keys: Sequence[Key], message: str, hint: str = "") -> ContentError:
        """The error of the value at `keys` (below the record); raise it, or keep its `problem`."""
        field = ".".join(str(k) for k in keys)
        field = f"{self.label}.{field}" if self.label else field
        return ContentError(self.file.problem([*self.base, *keys], field, f"{self.prefix}{message}", hint))

    def wrong_type(self, keys: Sequence[Key], value: Any, expected: Expected) -> ContentError:
        """The error of the value at `keys` that is not of the type `expected`: what it is, how to write it."""
        key = str(keys[-1]) if keys and not isinstance(keys[-1], int) else ""
        return self.fail(keys, *wrong_type(value, expected, key, self.file.written(*self.base, *keys)))


class Checks:
    """The independent checks of one file or record, every problem kept: a contributor fixes it in one round, not
    one per field. A check that needs a value that failed is not made (`attempt` gave None), so that nothing that
    only follows from a problem is told."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, error: ContentError) -> None:
        self.problems += error.problems

    def attempt(self, check: Callable[..., T], *args: Any) -> T | None:
        """`check(*args)`, or None when it raised ContentError (its problems kept)."""
        try:
            return check(*args)
        except ContentError as exc:
            self.add(exc)
            return None

    def done(self) -> None:
        """Raise ContentError with every problem kept, in the file's order."""
        if self.problems:
            raise ContentError(*in_file_order(self.problems))


def record_label(name: Any, index: int) -> str:
    """What a list item's problems call it: its name (code, host...) when it has a usable one, else its place."""
    return name if isinstance(name, str) and name else f"record {index + 1}"


# The files `load_data` reads while `recording()` is on: the checks that compare files find lines in them
# without reading any file a second time; and who records them tells their values YAML could not read
# (`with_unreadable`), which are read as None meanwhile rather than raised, so that each is told with the rest.
_recording: ContextVar[dict[Path, DataFile] | None] = ContextVar("archive_data_files", default=None)


@contextmanager
def recording() -> Iterator[dict[Path, DataFile]]:
    """Every data file read in the block, by its absolute path; their readers' problems go through
    `with_unreadable`."""
    files: dict[Path, DataFile] = {}
    token = _recording.set(files)
    try:
        yield files
    finally:
        _recording.reset(token)


def load_data(path: Path, root: str | Path | None = None, record_key: str | None = None) -> DataFile:
    """Parse `path`, read inside `root` (default: its own folder), with the archive's safe YAML reading
    (`frontmatter.parse_yaml`); raises ContentError naming file and line. `record_key`: the file is a list of
    records, which the errors name by that key (`DZ.date`).

    A file that holds nothing (no text but comments, `[]`, `{}`) is refused: a data file that is not there
    means "none", so an empty one is a file emptied by mistake (every country's status gone from the site)."""
    raw = paths.read_bytes(path, root)
    files = _recording.get()
    unreadable: list[Problem] | None = [] if files is not None else None
    data, root_node = (
        (None, None)
        if not raw.strip()
        else parse_yaml(decode(raw, path), path, record_key=record_key, unreadable=unreadable)
    )
    if unreadable and data is None:  # the file is one value, and YAML could not read it
        raise ContentError(*unreadable)
    if data is None or (isinstance(data, list | dict) and not data):
        line = root_node.start_mark.line + 1 if root_node is not None else 1
        raise ContentError(Problem(str(path), line, "yaml", "the file holds nothing", _EMPTY_HINT))
    data_file = DataFile(path=Path(path), data=data, root=root_node, unreadable=tuple(unreadable or ()))
    if files is not None:
        files[Path(os.path.abspath(path))] = data_file
    return data_file


_EMPTY_HINT = "write its records, or delete the file: a data file that is not there means none"


def with_unreadable(files: Iterable[DataFile], problems: Iterable[Problem]) -> list[Problem]:
    """`problems`, those the readers of `files` found, with the values YAML could not read in them told among them
    (each file's in its order), and none that follows from one, read as None: a problem of its field or of what
    holds it (`is missing`, `must be a list of text`), or at its line of a field named with another head (a
    reader's `convention.as_of` for `as_of`, `code` for `countries.0.code`)."""
    failed: dict[str, list[Problem]] = {}
    for data_file in files:
        for problem in data_file.unreadable:
            failed.setdefault(os.path.abspath(problem.path), []).append(problem)
    problems = list(problems)
    if not failed:
        return problems
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        path = os.path.abspath(problem.path)
        if not any(_follows(problem, value) for value in failed.get(path, ())):
            by_file.setdefault(path, []).append(problem)
    for path, told in failed.items():
        by_file[path] = in_file_order([*by_file.get(path, ()), *told])
    return [problem for found in by_file.values() for problem in found]


def _follows(problem: Problem, unreadable: Problem) -> bool:
    """`problem` is one of the value `unreadable` names, or of what holds it."""
    told, value = problem.field.split("."), unreadable.field.split(".")
    if any(told == value[:depth] for depth in range(1, len(value) + 1)):
        return True
    shorter = min(len(told), len(value))
    return problem.line == unreadable.line and told[-shorter:] == value[-shorter:]


def _child(node: yaml.Node, key: Key) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next((value for k, value in node.value if getattr(k, "value", None) == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None
