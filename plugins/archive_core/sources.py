"""Each article's source against the content folder: its publisher named or known, its raw copy there.

Run as the content snapshot is taken (`snapshot.take`, `ContentSnapshot.updated`):
by the build, before any page is written, by `make check` and by the devserver.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from . import paths
from .articles import ArticleDocument
from .data import recording, with_yaml_problems
from .errors import ContentError, Problem
from .layout import RAW_NAME_RULE, raw_name_for
from .publishers import PUBLISHERS_FILE, PublisherTable, host_of, known_publisher, read_publishers, site_of
from .schema import RAW_PATTERN, RAW_SOURCES_DIR
from .suggestions import closest
from .wide_text import decode_wide

RAW_README = "README.md"
_TABLE = f"content/{PUBLISHERS_FILE.as_posix()}"
# Spaces, not `\s`: `^\s+` spans line ends, so each line of a run of empty lines started a scan of the rest
# of the run, and a file of 200,000 empty lines took 100 s (quadratic).
_RAW_LINE = re.compile(rf"^[ \t]+raw:[ \t]*[\"']?({RAW_PATTERN.pattern})", re.MULTILINE)


def with_publishers(content_dir: Path, docs: Iterable[ArticleDocument]) -> tuple[list[ArticleDocument], list[Problem]]:
    """`docs`, each naming its publisher, and every problem.

    An article without `source.publisher` gets the one the table of publishers
    gives its url's site, as `make new` promises (no warning: leaving the field
    out is how an article says "the table's publisher"); with none there, it
    is an error.
    A `source.raw` must be a file inside the content folder's `sources/`.
    """
    with recording() as data_files:
        table, problems = read_publishers(content_dir)
    problems = with_yaml_problems(data_files.values(), problems)
    sources = (Path(content_dir) / RAW_SOURCES_DIR).resolve()
    published = []
    for doc in docs:
        source = doc.meta.source
        if source is not None and source.publisher is None and table is not None:  # else the file's refusal is told
            host = host_of(source.url)
            known = known_publisher(table, source.url)
            if known is None:
                if site_of(host) not in table:  # else its record there is refused, and told
                    problems.append(_problem(doc, "source.publisher", "is missing", _missing_hint(table, host)))
            else:  # the table is the archive's record of who publishes that site: the field may be left out
                name = known.name[doc.meta.lang]
                doc = replace(doc, meta=replace(doc.meta, source=replace(source, publisher=name)))
        elif source is not None and table and (warning := _nearly_named(doc, table)):
            problems.append(warning)
        if source is not None and source.raw is not None:
            raw = (Path(content_dir) / source.raw).resolve()
            # named as written, as the folders list it: `sources/Raw.txt` is not `sources/raw.txt` (macOS opens it)
            written = paths.named_as_written(content_dir, Path(content_dir) / source.raw)
            if not raw.is_relative_to(sources) or not written or not raw.is_file():
                problems.append(
                    _problem(
                        doc,
                        "source.raw",
                        f"{source.raw!r} is not a file in the content folder's {RAW_SOURCES_DIR}/",
                        _raw_missing_hint(Path(content_dir), source.raw),
                    )
                )
        published.append(doc)
    return published, problems


def unreferenced_raw_sources(
    content_dir: Path, docs: Iterable[ArticleDocument], unread: Iterable[str] = ()
) -> list[Problem]:
    """Raw copies in `sources/` that no article points to (warnings). An article file that could not be read
    (`unread`: it has errors of its own) still counts for the `raw:` line it holds: a mistake elsewhere in it
    does not make its raw copy a stray."""
    folder = Path(content_dir) / RAW_SOURCES_DIR
    named = {doc.meta.source.raw for doc in docs if doc.meta.source and doc.meta.source.raw}
    for path in unread:
        if not path.endswith(".md"):
            continue
        try:  # read as every content file is: inside the content folder, a regular file, not too large
            data = paths.read_bytes(path, content_dir)
        except ContentError:  # a link out, a loop, a FIFO, a file too large: refused as it was read
            continue
        named.update(_RAW_LINE.findall(_as_text(data)))
    # a copy `raw:` names in other capitals is told there, with the name to write: not a second time as a stray
    named_alike = {paths.same_name_elsewhere(name) for name in named}
    return [
        Problem(str(path), None, "file", "no article points to this raw copy", _raw_hint(relative), "warning")
        for path in paths.list_files(content_dir, folder).files
        if path.name != RAW_README
        and paths.same_name_elsewhere(relative := path.relative_to(content_dir).as_posix()) not in named_alike
    ]


def _raw_missing_hint(content_dir: Path, raw: str) -> str:
    """How to name a raw copy `raw:` names no file of: the one it names in other capitals, where there is one (the
    site is built on a file system that tells them apart, where macOS and Windows found it)."""
    found = paths.found_in_any_case(content_dir, content_dir / raw)
    named = found.relative_to(os.path.abspath(content_dir)).as_posix() if found is not None else ""
    if found is not None and found.is_file() and RAW_PATTERN.fullmatch(named):
        return f"the file is named {named}, and the build tells capitals apart: write `raw: {named}`"
    return f"put the raw copy in content/{RAW_SOURCES_DIR}/ and give its name, or delete the line"


def _raw_hint(relative: str) -> str:
    """How an article names the raw copy at `relative`: a name `raw:` cannot take (`sources/a b.txt`) renamed first,
    or the hint, followed, was refused."""
    if RAW_PATTERN.fullmatch(relative):
        return f"add `raw: {relative}` under `source:` of the article made from it"
    renamed = raw_name_for(relative)
    return (
        f"`raw:` takes a name of {RAW_NAME_RULE}: rename it {renamed}, and add `raw: {renamed}` under `source:` of "
        "the article made from it"
    )


def _as_text(data: bytes) -> str:
    """The text of a file the reader refused, as near as it can be read: UTF-16 or UTF-32 (Notepad's
    "Unicode"), or UTF-8 with what is not replaced; lines ended by a bare CR (an old Mac's) ended by LF."""
    wide = decode_wide(data)
    text = wide[1] if wide else data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# How near a name or host must be to the table's to be taken for a misspelling of it (difflib's ratio): `Reuter` and
# `Reuters`, `www.reuters.con` and `www.reuters.com`; not `AP` and `Reuters`.
NEARLY = 0.85


def _missing_hint(table: PublisherTable, host: str) -> str:
    """How to name the publisher of a site the table has no record of; where a record's host nearly spells it
    (`www.reuters.con`), the table's misspelling is likelier the slip than the article's address."""
    hint = f"name who published the original (`publisher:` under `source:`), or add its site {host} to {_TABLE}"
    hosts = [publisher.host for publisher in table.values() if publisher is not None]
    if (near := closest(host, hosts, NEARLY)) is None:
        return hint
    return f"{_TABLE} has a record of {near}: if that is this site, correct its host to {host}; else {hint}"


def _nearly_named(doc: ArticleDocument, table: PublisherTable) -> Problem | None:
    """A warning where the article names its publisher nearly as the table names its site's, a misspelling of it
    (`Reuter`), which would be published as written: giving a publisher says it is another than the table's."""
    source = doc.meta.source
    known = known_publisher(table, source.url)
    if known is None or source.publisher in known.name.values():  # its name in either language
        return None
    name = known.name[doc.meta.lang]
    if closest(source.publisher, [name], NEARLY) is None:
        return None
    return _problem(
        doc,
        "source.publisher",
        f"{source.publisher!r} is nearly {name!r}, the name {_TABLE} gives {known.host}",
        "delete the `publisher:` line if it is that publisher (the table's name is then taken); keep it if this "
        "page's publisher is another: this is only a warning",
        "warning",
    )


def _problem(doc: ArticleDocument, field: str, message: str, hint: str, severity: str = "error") -> Problem:
    return Problem(doc.path, doc.line(field), field, message, hint, severity)
