"""The content cache holds every field a document can have, and trusts no entry it did not seal for that key."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from archive_core.articles import ArticleDocument
from archive_core.cache import ContentCache, _decode, _encode
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
