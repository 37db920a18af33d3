"""A content cache: re-reading an unchanged article costs a hash and a JSON decode.

An entry is keyed on the file's path and the hash of the bytes it was made
from, and on the code version: the source of the modules that turn a file
into an `ArticleDocument` (archive_core, markdown_reader) and the versions of
the libraries they call. `read_article` reads no Pelican setting, so no
setting is part of the key; a setting that ever shapes a document must be
added to `code_version()`.

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
from datetime import datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from archive_core import paths
from archive_core.errors import ContentError
from archive_core.integrity import Seal, unlinked
from archive_core.schema import ArticleMeta, Source, Translation

from .document import ArticleDocument
from .render import SiteLink

PLUGINS_DIR = Path(__file__).resolve().parent.parent
CODE_DIRS = ("archive_core", "markdown_reader")
LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "PyYAML", "babel", "python-slugify", "Unidecode")
# The classes an entry may hold, by name: decoding builds nothing else.
_CLASSES = {cls.__name__: cls for cls in (ArticleDocument, ArticleMeta, Source, Translation, SiteLink)}
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

    def _usable(self) -> bool:
        return unlinked(self.folder, self.folder.parent.parent)

    def load(self, key: str) -> ArticleDocument | None:
        """The document stored under `key`, if its seal holds; else None (read the file again)."""
        if not self._usable():
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
        if not self._usable():
            return
        with contextlib.suppress(OSError, ContentError):  # a read-only or full disk: no cache, the same build
            payload = json.dumps(_encode(doc), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            sealed = Seal(self.folder).seal(key, payload)
            if sealed is not None:
                paths.write_file(self.folder, Path(key[:2]) / f"{key}.json", sealed, replace=True)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, tuple):
        return {"@": "tuple", "items": [_encode(item) for item in value]}
    if isinstance(value, datetime):
        return {"@": "datetime", "iso": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"the content cache cannot hold {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        kind = value["@"]
        if kind == "tuple":
            return tuple(_decode(item) for item in value["items"])
        if kind == "datetime":
            return datetime.fromisoformat(value["iso"])
        cls = _CLASSES[kind]
        return cls(**{f.name: _decode(value[f.name]) for f in dataclasses.fields(cls)})
    if isinstance(value, list):
        raise TypeError("lists are stored as tuples")
    return value
