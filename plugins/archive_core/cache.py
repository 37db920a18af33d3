"""A content cache: re-reading an unchanged article costs a hash and a JSON decode.

An entry is keyed on the file's path and the hash of the bytes it was made
from, and on the code version: the source of the modules that turn a file
into an `ArticleDocument` (archive_core) and the versions of the libraries
they import (`LIBRARIES`). `read_article` reads no Pelican setting, so no setting is part of
the key; a setting that ever shapes a document must be added to
`code_version()`.

An entry is JSON (never a pickle: loading it cannot run code) under a seal
(`archive_core.integrity`) that binds it to its key and to this machine's
secret: an entry swapped for another key, truncated, edited or committed to
the repository is a miss, and the file is read again. The folder is safe to
delete; a folder reached through a symbolic link is not used. Only documents
are cached, never problems: a broken file is read again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sys
from datetime import date, datetime
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

from archive_core import errors, paths, provenance, schema
from archive_core.errors import ContentError
from archive_core.integrity import Seal, unlinked

from . import articles, markdown
from .articles import ArticleDocument

PLUGINS_DIR = Path(__file__).resolve().parent.parent
CODE_DIRS = ("archive_core",)
# Every distribution the code of CODE_DIRS imports (tests/test_cache.py beside it checks it), and Unidecode, which
# python-slugify imports when it is installed: a new release of one can change what a file reads as (tld's list of
# top-level domains marks a link that shows its address; ICU's data), and makes every entry a miss, as an edit of the
# code does.
LIBRARIES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "PyYAML",
    "babel",
    "python-slugify",
    "Unidecode",
    "text-unidecode",
    "tld",
    "idna",
    "pyicu-wheels",
    "MarkupSafe",
    "pelican",
)
# The classes an entry may hold: the dataclasses of the modules that make a document, by module and name.
# Decoding builds nothing else; a field of another type is not cached (`store` says nothing, the build is the same).
_MODULES = (schema, provenance, articles, markdown, errors)
_CLASSES = {
    f"{cls.__module__}.{cls.__qualname__}": cls
    for module in _MODULES
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
}
MAX_ENTRY_BYTES = 4 * paths.MAX_FILE_BYTES


@cache
def code_version() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}\n".encode())
    for folder in CODE_DIRS:
        for path in sorted((PLUGINS_DIR / folder).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclasses.dataclass(frozen=True)
class ContentCache:
    folder: Path

    def key(self, path: str | Path, data: bytes) -> str:
        digest = hashlib.sha256(code_version().encode())
        digest.update(str(path).encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    @cached_property
    def _usable(self) -> bool:
        """No part of the folder is a link: looked at once per cache (a build makes its own)."""
        return unlinked(self.folder, self.folder.parent.parent)

    def load(self, key: str) -> ArticleDocument | None:
        """The document stored under `key`, if its seal holds; else None (read the file again)."""
        if not self._usable:
            return None
        try:
            sealed = paths.read_bytes(self._entry(key), self.folder, MAX_ENTRY_BYTES)
        except ContentError:  # missing, or not a plain file in the folder
            return None
        payload = Seal(self.folder).open(key, sealed)
        if payload is None:
            return None
        try:
            doc = _decode(json.loads(payload))
        except (ValueError, TypeError, KeyError):
            return None
        return doc if isinstance(doc, ArticleDocument) else None

    def store(self, key: str, doc: ArticleDocument) -> None:
        """Atomic (write then rename), so that a crash never leaves half an entry under its name."""
        if not self._usable:
            return
        try:
            payload = json.dumps(_encode(doc), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except TypeError:  # a field the cache cannot hold (archive_core/tests/test_cache.py shows there is none)
            return
        with contextlib.suppress(OSError, ContentError):  # a read-only or full disk: no cache, the same build
            sealed = Seal(self.folder).seal(key, payload)
            if sealed is not None:
                paths.write_file(self.folder, Path(key[:2]) / f"{key}.json", sealed, replace=True)


def _encode(value: Any) -> Any:
    name = f"{type(value).__module__}.{type(value).__qualname__}"
    if dataclasses.is_dataclass(value) and name in _CLASSES:
        return {"@": name, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple | list):
        return {"@": type(value).__name__, "items": [_encode(item) for item in value]}
    if isinstance(value, dict):
        return {"@": "dict", "items": [[_encode(key), _encode(item)] for key, item in value.items()]}
    if isinstance(value, datetime):  # before date: a datetime is a date
        return {"@": "datetime", "iso": value.isoformat()}
    if isinstance(value, date):
        return {"@": "date", "iso": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"the content cache cannot hold {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        kind = value["@"]
        if kind in ("tuple", "list"):
            items = [_decode(item) for item in value["items"]]
            return tuple(items) if kind == "tuple" else items
        if kind == "dict":
            return {_decode(key): _decode(item) for key, item in value["items"]}
        if kind == "datetime":
            return datetime.fromisoformat(value["iso"])
        if kind == "date":
            return date.fromisoformat(value["iso"])
        cls = _CLASSES[kind]
        return cls(**{f.name: _decode(value[f.name]) for f in dataclasses.fields(cls)})
    if isinstance(value, list):
        raise TypeError("a list is stored as {'@': 'list'}")
    return value
