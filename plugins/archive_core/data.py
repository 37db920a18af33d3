"""Curated data files (YAML under content/data/): safe loading with line numbers for errors."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import yaml

from . import paths
from .errors import ContentError, Problem, in_file_order, key_label
from .field_types import Expected, empty_item, quoted, wrong_type
from .frontmatter import YAML_FIELD, decode, keyed, parse_yaml
from .suggestions import Suggestions, meant_keys
from .yaml_tags import record_name, written_tag

Key = str | int
_TAGS_NOT_ALLOWED = "tags are not allowed"  # how the hint of a value told with its tag starts (`wrong_type`'s too)
T = TypeVar("T")
P = ParamSpec("P")
# A check of one item of a list: its (message, hint), or None when the item is good.
ItemCheck = Callable[[str], tuple[str, str] | None]


@dataclass(frozen=True)
class DataFile:
    """A parsed YAML data file that can say on which line any value stands."""

    path: Path
    data: Any
    root: yaml.Node | None
    # What the YAML reading found in its values (`recording`): written twice, left empty, an invisible character, or
    # none YAML could read (each None in `data`).
    yaml_problems: tuple[Problem, ...] = ()
    text: str = ""  # the YAML, which the nodes' marks point into
    # The key each record of a list of records is named by (`code`, `host`, `name`), where the file is one.
    record_key: str | None = None

    def line(self, *keys: Key) -> int | None:
        """1-based line of `data[k1][k2]...`, or of the deepest part of it that exists."""
        node, line = self.root, None
        for key in keys:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, key)
        return node.start_mark.line + 1 if node is not None else line

    def record_label(self, index: int) -> str:
        """What every problem calls the record at `index` of a list of records: the name its `record_key` gives it
        (`DZ`, `www.example.org`), else its place (`record 3`), from the one function the YAML reading names it by
        (`yaml_tags.record_name`), whatever its reader makes of its values."""
        items = self.root.value if isinstance(self.root, yaml.SequenceNode) else []
        item = items[index] if 0 <= index < len(items) else None
        return record_name(item, index, self.record_key) if self.record_key else str(index)

    def field(self, keys: Sequence[Key]) -> str:
        """The field of the value at `keys` as every problem names it, the YAML reading's too: its keys from the
        file's top (`as_of`, `sources.0.title`), a list of records' item by its label (`PL.sources.0.title`), the
        whole file `yaml`."""
        if not keys:
            return YAML_FIELD
        head = [self.record_label(keys[0])] if self.record_key and isinstance(keys[0], int) else [key_label(keys[0])]
        return ".".join([*head, *(key_label(key) for key in keys[1:])])

    def has_finding(self, *keys: Key) -> bool:
        """Whether the YAML reading found something in the value at `keys` (`yaml_problems`: a key set twice, a
        value it could not read): what was read there may not be what the file means, so nothing that depends
        on it is checked, here or against other files, until that is fixed."""
        node = self.root
        for key in keys:
            node = _child(node, key) if node is not None else None
        if node is None or not self.yaml_problems:
            return False
        end = node.end_mark.line + (0 if node.end_mark.column == 0 else 1)  # a block ends a line before
        lines = range(node.start_mark.line + 1, max(end, node.start_mark.line + 1) + 1)
        return any(problem.line in lines for problem in self.yaml_problems)

    def key_line(self, *keys: Key) -> int | None:
        """1-based line of the key of `data[k1]...[kn]` (a block value starts on the line after it)."""
        node = self.root
        for key in keys[:-1]:
            node = _child(node, key) if node is not None else None
        last = keys[-1]
        if isinstance(node, yaml.MappingNode) and isinstance(last, str) and (found := keyed(node, True).get(last)):
            return found[0].start_mark.line + 1
        return self.line(*keys)

    def written(self, *keys: Key) -> str | None:
        """The value at `keys` as the file writes it, if it is one plain scalar (`2023`, not YAML's reading)."""
        node = self._node(*keys)
        if not isinstance(node, yaml.ScalarNode) or node.style:
            return None
        return node.value

    def tag(self, *keys: Key) -> str | None:
        """The tag the value at `keys` is written with (`!!int`), if any (`yaml_tags.written_tag`)."""
        return written_tag(self.text, self._node(*keys))

    def _node(self, *keys: Key) -> yaml.Node | None:
        node = self.root
        for key in keys:
            node = _child(node, key) if node is not None else None
        return node

    def problem(self, keys: Sequence[Key], field: str, message: str, hint: str = "") -> Problem:
        """The problem of the value at `keys`; a value written with a tag (`kind: !!int 5`) is told with it, whatever
        its reader's check found (`wrong_type` says so itself, its hint first: the message may quote the value), as
        the front-matter's are."""
        line = self.line(*keys)
        if (tag := self.tag(*keys)) is not None and not hint.startswith(_TAGS_NOT_ALLOWED):
            message = f"{message} (tagged {tag})"
            hint = (
                f"{_TAGS_NOT_ALLOWED}: delete the tag, and {hint}" if hint else f"{_TAGS_NOT_ALLOWED}: delete the tag"
            )
        return Problem(str(self.path), line, field, message, hint, column=self.column(line, *keys))

    def column(self, line: int | None, *keys: Key) -> int | None:
        """Where the value at `keys` starts on `line` (1-based), if it starts there: its place among a line's
        problems."""
        node = self.root
        for key in keys:
            node = _child(node, key) if node is not None else None
        return node.start_mark.column if node is not None and line == node.start_mark.line + 1 else None


class Record:
    """One record of a data file (or the whole file): each of its problems names the file, the line of the
    value, and the field after the record's label (`VN.status`); `prefix` goes before the message."""

    def __init__(self, data_file: DataFile, base: Sequence[Key] = (), label: str = "", prefix: str = "") -> None:
        self.file = data_file
        self.base = list(base)
        self.label = label
        self.prefix = prefix

    def field(self, keys: Sequence[Key]) -> str:
        """The field of the value at `keys`, as its problems name it: `VN.sources.0`; the record itself, `VN`."""
        return ".".join([*([self.label] if self.label else []), *(key_label(k) for k in keys)]) or YAML_FIELD

    def fail(self, keys: Sequence[Key], message: str, hint: str = "") -> ContentError:
        """The error of the value at `keys` (below the record); raise it, or keep its `problem`."""
        return ContentError(self.file.problem([*self.base, *keys], self.field(keys), f"{self.prefix}{message}", hint))

    def wrong_type(self, keys: Sequence[Key], value: Any, expected: Expected) -> ContentError:
        """The error of the value at `keys` that is not of the type `expected`: what it is, how to write it."""
        key = str(keys[-1]) if keys and not isinstance(keys[-1], int) else ""
        where = (*self.base, *keys)
        return self.fail(keys, *wrong_type(value, expected, key, self.file.written(*where), self.file.tag(*where)))

    def quoted(self, keys: Sequence[Key], value: Any) -> str:
        """The value at `keys` as a message names it (`field_types.quoted`): as the file writes it."""
        return quoted(value, self.file.written(*self.base, *keys))

    def text_items(self, keys: Sequence[Key], value: Any, check: ItemCheck | None = None) -> tuple[str, ...]:
        """The items of the list at `keys`, stripped; ContentError when any is bad, after every item is checked:
        each bad one told at its own line (`countries.2`), as what it is (a number, a list), empty, or as
        `check(item)` says, a (message, hint). An item YAML could not read (None) is told as empty here, and
        by the YAML reading, which tells it instead (`with_yaml_problems`)."""
        if not isinstance(value, list):
            raise self.wrong_type(keys, value, "list of text")
        problems: list[Problem] = []
        items: list[str] = []
        for index, item in enumerate(value):
            where = [*keys, index]
            if item is not None and not isinstance(item, str):
                problems += self.wrong_type(where, item, "text").problems
            elif item is None or not item.strip():
                problems += self.fail(where, *empty_item()).problems
            elif check is not None and (found := check(item.strip())) is not None:
                problems += self.fail(where, *found).problems
            else:
                items.append(item.strip())
        if problems:
            raise ContentError(*problems)
        return tuple(items)


def unknown_key_problems(
    data_file: DataFile, where: Sequence[Key], item: dict, known: Sequence[str], label: str
) -> list[Problem]:
    """Each key of the mapping `item` (at `where`) not in `known`, told at its own line as the key meant (`PL:`, or
    `en:` holding a zero-width space: "retype it 'en'"), where a record or entry of a closed set of keys was told
    as a whole, at another line, of a key its line shows as right."""
    problems = []
    unknown = [key for key in item if key not in known]
    hints = meant_keys(map(str, unknown), known, item, f"known keys: {', '.join(known)}")
    for key, (hint, _) in zip(unknown, hints, strict=True):
        field = f"{label}.{key_label(key)}" if label else key_label(key)  # `label` "": the file's own keys
        problem = data_file.problem([*where, key], field, "is not a known key", hint)
        problems.append(replace(problem, line=data_file.key_line(*where, key)))
    return problems


class Checks:
    """The independent checks of one file or record, every problem kept: a contributor fixes it in one round, not
    one per field. A check that needs a value that failed is not made (`attempt` gave None), so that nothing that
    only follows from a problem is told."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # The fields misspelt keys were meant to be, which the record lacks: whatever is told of them (missing,
        # needed by another field) only follows from the misspelling, told with "did you mean".
        self.misspelt: set[str] = set()

    def add(self, error: ContentError) -> None:
        self.problems += (problem for problem in error.problems if problem.field not in self.misspelt)

    def unknown_keys(
        self,
        record: Record,
        item: dict,
        known: Collection[str],
        *,
        kin: Iterable[set[str]] = (),
        where: Sequence[Key] = (),
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        """Each key of `item` not in `known` told, with the known one it was likely meant to be ("did you mean");
        nothing is told after that of the field it was meant to be, if `item` lacks it, nor of its `kin` (fields
        that stand in for one another: `source` and `sources`). `where`: the keys of `item` below the record's
        (a source of its `sources`), whose own are told as keys; `aliases`: what other tools call a known one."""
        noun = "key" if where else "field"
        names = Suggestions(sorted(known), {str(key) for key in item})
        for key in item:
            if key in known:
                continue
            alias = (aliases or {}).get(str(key).casefold())
            meant = names.meant(str(key), alias)
            hint = names.hint(str(key), "`{}`", f"known {noun}s: {', '.join(sorted(known))}", alias)
            [problem] = record.fail([*where, str(key)], f"is not a known {noun}", hint).problems
            self.problems.append(replace(problem, line=record.file.key_line(*record.base, *where, key)))
            if meant is not None and meant not in item:
                group = next((group for group in kin if meant in group), {meant})
                self.misspelt.update(record.field([*where, name]) for name in group if name not in item)

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


# The files `load_data` reads while `recording()` is on: the checks that compare files find lines in them
# without reading any file a second time; and who records them tells what the YAML reading found in their values
# (`with_yaml_problems`), kept rather than raised (a value YAML could not read is None meanwhile), so that each is
# told with the rest.
_recording: ContextVar[dict[Path, DataFile] | None] = ContextVar("archive_data_files", default=None)


@contextmanager
def recording() -> Iterator[dict[Path, DataFile]]:
    """Every data file read in the block, by its absolute path; their readers' problems go through
    `with_yaml_problems`."""
    files: dict[Path, DataFile] = {}
    token = _recording.set(files)
    try:
        yield files
    finally:
        _recording.reset(token)


def load_data(
    path: Path,
    root: str | Path | None = None,
    record_key: str | None = None,
    prefix: Callable[[Any], str] | None = None,
) -> DataFile:
    """Parse `path`, read inside `root` (default: its own folder), with the archive's safe YAML reading
    (`frontmatter.parse_yaml`); raises ContentError naming file and line. `record_key`: the file is a list of
    records, which the errors name by that key (`DZ.date`). `prefix`: what goes before the message of each
    problem the reading finds, given the data read (None when there is none), as the file's reader prefixes its
    own (`event 'x': `), so that a contributor reads one file's problems alike.

    A file that holds nothing (no text but comments, `[]`, `{}`) is refused: a data file that is not there
    means "none", so an empty one is a file emptied by mistake (every country's status gone from the site)."""
    raw = paths.read_bytes(path, root)
    files = _recording.get()
    found: list[Problem] = []
    text = decode(raw, path) if raw.strip() else ""  # a file that is no UTF-8 text is told as the file's alone
    try:
        data, root_node = (
            (None, None) if not text else parse_yaml(text, path, record_key=record_key, told=found, unreadable=found)
        )
    except ContentError as exc:
        raise ContentError(*_prefixed(exc.problems, prefix, None)) from None
    if found and data is None:  # the file is one value, and YAML could not read it
        raise ContentError(*_prefixed(found, prefix, None))
    found = _prefixed(found, prefix, data)
    if found and files is None:  # no one records what the reading found: it is raised
        raise ContentError(*in_file_order(found))
    if data is None or (isinstance(data, list | dict) and not data):
        line = root_node.start_mark.line + 1 if root_node is not None else 1
        raise ContentError(Problem(str(path), line, YAML_FIELD, "the file holds nothing", _EMPTY_HINT))
    data_file = DataFile(Path(path), data, root_node, tuple(found), text, record_key)
    if files is not None:
        files[Path(os.path.abspath(path))] = data_file
    return data_file


def _prefixed(problems: Iterable[Problem], prefix: Callable[[Any], str] | None, data: Any) -> list[Problem]:
    if prefix is None:
        return list(problems)
    before = prefix(data)
    return [replace(problem, message=f"{before}{problem.message}") for problem in problems]


_EMPTY_HINT = "write its records, or delete the file: a data file that is not there means none"


def telling_yaml_problems(load: Callable[P, tuple[T, list[Problem]]]) -> Callable[P, tuple[T, list[Problem]]]:
    """`load`, a reader of data files that returns what it read and its problems, telling what the YAML reading found
    in their values with its own problems, in one round, whoever calls it: called where no one recorded the files
    (`recording`), a file YAML found a value in (`end: 2999-02-30`) was refused with that alone, and what its
    reader tells of the rest (`start: 2999-10-25`, past the horizon) only once that was fixed."""

    @functools.wraps(load)
    def told_with_yaml_problems(*args: P.args, **kwargs: P.kwargs) -> tuple[T, list[Problem]]:
        if _recording.get() is not None:  # told by who records
            return load(*args, **kwargs)
        with recording() as files:
            read, problems = load(*args, **kwargs)
        return read, with_yaml_problems(files.values(), problems)

    return told_with_yaml_problems


def with_yaml_problems(files: Iterable[DataFile], problems: Iterable[Problem]) -> list[Problem]:
    """`problems`, those the readers of `files` found, with what the YAML reading found in their values told among
    them (each file's in its order), and none that follows from such a finding (`_Findings.follow`)."""
    found = {os.path.abspath(data_file.path): _Findings(data_file) for data_file in files if data_file.yaml_problems}
    problems = list(problems)
    if not found:
        return problems
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        path = os.path.abspath(problem.path)
        if path not in found or not found[path].follow(problem):
            by_file.setdefault(path, []).append(problem)
    for path, findings in found.items():
        by_file[path] = in_file_order([*by_file.get(path, ()), *findings.problems])
    return [problem for in_file in by_file.values() for problem in in_file]


class _Findings:
    """What the YAML reading found in one data file, indexed so that each of its reader's problems is matched in
    about constant time (a file may hold thousands of both)."""

    def __init__(self, data_file: DataFile) -> None:
        self.problems = data_file.yaml_problems
        self.fields = {problem.field for problem in self.problems}
        values = _values(data_file.root)
        self.settled: dict[int, set[str]] = {}  # by line, the keys whose value a finding settles there
        # What holds a finding's value directly, by its key at its lines: nothing further out, which holds other
        # values too (a list's head names a problem of its other items, `topics`, or of its length, `names`).
        self.holders: set[tuple[str, int]] = set()
        for problem in self.problems:
            value = values.get((problem.field.rsplit(".", 1)[-1], problem.line or 0))
            if value is None:
                continue
            if not value.is_list:
                for line in value.lines:
                    self.settled.setdefault(line, set()).add(value.name)
            if (holder := value.holder) is not None:
                self.holders.update((holder.name, line) for line in (holder.lines.start, holder.start))

    def follow(self, problem: Problem) -> bool:
        """`problem` follows from a finding: it is of its field or of what holds it directly (`is missing`, `must be
        a list of text`, for a value read as None), or it stands in the lines of the value a finding settles and names
        its key (the value kept of a key set twice: `title.en` for `title`)."""
        if problem.field in self.fields or (problem.field.rsplit(".", 1)[-1], problem.line) in self.holders:
            return True
        keys = self.settled.get(problem.line or 0)
        return bool(keys) and any(part in keys for part in problem.field.split("."))


@dataclass(frozen=True)
class _Value:
    """A value of a data file, as a finding of it is matched: by its key (or index), with the lines from that key to
    the value's end, the line the value starts at, and what holds it."""

    name: str
    lines: range
    start: int
    is_list: bool
    holder: _Value | None


def _values(root: yaml.Node | None) -> dict[tuple[str, int], _Value]:
    """Each value below `root`, by its key (or index) and a line a finding of it stands at: its key's, or any of a
    text's; the deepest at a line. A list is settled by none: as in an article, a list set twice or holding a value
    twice says nothing of its items, each checked still."""
    values: dict[tuple[str, int], _Value] = {}
    stack: list[tuple[yaml.Node, _Value | None]] = [(root, None)] if root is not None else []
    while stack:  # a value comes after what holds it: the deepest one at a line is kept
        node, holder = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            children = [(str(index), item, item) for index, item in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            children = [(str(key.value), key, value) for key, value in node.value]
        else:
            continue
        for name, key, child in children:
            end = child.end_mark.line + (0 if child.end_mark.column == 0 else 1)  # a block ends a line before
            lines = range(key.start_mark.line + 1, max(end, key.start_mark.line + 1) + 1)
            value = _Value(name, lines, child.start_mark.line + 1, isinstance(child, yaml.SequenceNode), holder)
            values.update(
                ((name, line), value) for line in (lines if isinstance(child, yaml.ScalarNode) else lines[:1])
            )
            stack.append((child, value))
    return values


def _child(node: yaml.Node, key: Key) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):  # a key set twice: the value read, the last
        found = keyed(node, last=True).get(key)
        return found[1] if found else None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def out_of_order(data_file: DataFile, key: str, refused: Collection[int] = ()) -> list[Problem]:
    """A warning at each record of a file kept sorted by `key` (countries by code, publishers by host) that stands
    out of its place, saying before which record it goes: the records kept are the longest run already in order, so
    that the records moved as told are as few as can be, and the file is sorted once they are. A record its reader
    `refused` (by index: a code `mu` for `MU`, a second record of one country) has no place until it is fixed."""
    records = data_file.data if isinstance(data_file.data, list) else []
    keyed = [
        (index, item[key])
        for index, item in enumerate(records)
        if index not in refused and isinstance(item, dict) and isinstance(item.get(key), str)
    ]
    kept = _longest_in_order([value for _, value in keyed])
    anchors = [keyed[position] for position in sorted(kept)]
    # The records that go before one kept record (or to the end), in the order they go in: moved one by one, each
    # before that record, two of one gap would end in the order they were moved in, and the next run warn again.
    gaps: dict[int | None, list[tuple[int, str]]] = {}
    for position, (index, value) in enumerate(keyed):
        if position not in kept:
            after = next((i for i, v in anchors if v > value), None)
            gaps.setdefault(after, []).append((index, value))
    problems = []
    for after, group in gaps.items():
        place = (
            f"before that of {records[after][key]} (line {data_file.line(after)})"
            if after is not None
            else "to the end of the file"
        )
        if len(group) == 1:
            where = f"move this record {place}"
        else:
            named = [f"{value} (line {data_file.line(index)})" for index, value in sorted(group, key=lambda r: r[1])]
            where = f"move the records of {', '.join(named[:-1])} and {named[-1]}, in this order, {place}"
        for index, _ in group:
            line = data_file.line(index, key)
            problems.append(
                Problem(
                    str(data_file.path),
                    line,
                    data_file.field([index, key]),
                    f"is out of order: the file is kept sorted by {key}",
                    where,
                    "warning",
                    column=data_file.column(line, index, key),
                )
            )
    return sorted(problems, key=lambda problem: problem.line or 0)


def _longest_in_order(values: Sequence[str]) -> set[int]:
    """The positions of a longest run of `values`, not necessarily adjacent, that is in order (ties kept)."""
    best: list[int] = [1] * len(values)
    before: list[int | None] = [None] * len(values)
    for i, value in enumerate(values):
        for j in range(i):
            if values[j] <= value and best[j] + 1 > best[i]:
                best[i], before[i] = best[j] + 1, j
    end = max(range(len(values)), key=best.__getitem__, default=None)
    kept: set[int] = set()
    while end is not None:
        kept.add(end)
        end = before[end]
    return kept
