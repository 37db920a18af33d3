"""The content cache holds every field a document can have, and trusts no entry it did not seal for that key."""

from __future__ import annotations

import ast
import dataclasses
import sys
import types
import typing
from datetime import date, datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

from archive_core.articles import ArticleDocument
from archive_core.cache import CODE_DIRS, LIBRARIES, PLUGINS_DIR, ContentCache, _decode, _encode
from archive_core.integrity import Seal


def example(kind):
    """A value of the type `kind`, every optional field filled: so that a field added later is covered too."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        return example(next(arg for arg in args if arg is not type(None)))
    if origin is tuple:
        return (example(args[0]), example(args[0]))
    if origin is dict:
        return {example(args[0]): example(args[1])}
    if origin is list:
        return [example(args[0])]
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{field.name: example(hints[field.name]) for field in dataclasses.fields(kind)})
    return {
        str: "tekst ł",
        int: 7,
        float: 0.5,
        bool: True,
        datetime: datetime(2025, 10, 26, 9, 30, tzinfo=timezone(timedelta(hours=7))),
        date: date(2025, 10, 26),
    }[kind]


def test_every_field_of_a_document_round_trips():
    doc = example(ArticleDocument)
    assert _decode(_encode(doc)) == doc


def test_an_entry_is_trusted_only_under_its_own_key_and_seal(tmp_path: Path):
    cache = ContentCache(tmp_path / "cache")
    doc = example(ArticleDocument)
    key, other = cache.key("a.md", b"a"), cache.key("b.md", b"b")
    cache.store(key, doc)
    assert cache.load(key) == doc
    cache._entry(other).parent.mkdir(parents=True, exist_ok=True)
    cache._entry(other).write_bytes(cache._entry(key).read_bytes())  # an entry for other content
    assert cache.load(other) is None
    payload = cache._entry(key).read_bytes()[32:]
    cache._entry(key).write_bytes(Seal(tmp_path / "elsewhere").seal(key, payload))  # sealed by another secret
    assert cache.load(key) is None


def imported_modules(folder: Path) -> set[str]:
    """The top-level modules the Python files of `folder` import (absolute imports)."""
    names: set[str] = set()
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_every_library_the_code_imports_is_part_of_the_key():
    """An entry holds what the code made of a file; the code's libraries made it too. A library upgraded (`tld`'s
    list of top-level domains, which marks a link that shows its address; ICU's data) must make every entry a miss,
    as an edit of the code does: else a warm cache builds another site than a cold one."""
    distributions = metadata.packages_distributions()
    imported = set().union(*(imported_modules(PLUGINS_DIR / folder) for folder in CODE_DIRS))
    libraries = {
        distribution
        for name in imported - sys.stdlib_module_names - set(CODE_DIRS)
        for distribution in distributions.get(name, [name])
    }
    assert sorted(libraries - set(LIBRARIES)) == []
