"""A content cache: re-reading an unchanged article costs a hash and an unpickle.

An entry is keyed on the file's path and bytes and on the code version: the
source of the modules that turn a file into an `ArticleDocument`
(archive_core) and the versions of the libraries they call.
`read_article` reads no Pelican setting, so no setting is part of the key;
a setting that ever shapes a document must be added to `code_version()`.
The folder is safe to delete; an unreadable or corrupt entry is a miss.
Only documents are cached, never problems: a broken file is read again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .articles import ArticleDocument

PLUGINS_DIR = Path(__file__).resolve().parent.parent
CODE_DIRS = ("archive_core",)
LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "PyYAML", "babel", "python-slugify", "Unidecode")


@cache
def code_version() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}\n".encode())
    for folder in CODE_DIRS:
        for path in sorted((PLUGINS_DIR / folder).glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ContentCache:
    folder: Path

    def key(self, path: str | Path, data: bytes) -> str:
        digest = hashlib.sha256(code_version().encode())
        digest.update(str(path).encode() + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> ArticleDocument | None:
        try:
            with self._entry(key).open("rb") as handle:
                doc = pickle.load(handle)  # noqa: S301 (our own cache folder, written by store())
        except Exception:  # missing, truncated, or from an incompatible version: read the file again
            return None
        return doc if isinstance(doc, ArticleDocument) else None

    def store(self, key: str, doc: ArticleDocument) -> None:
        """Atomic (write then rename), so that a crash never leaves half an entry under its name."""
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(doc, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except OSError:
            pass  # a read-only or full disk makes the cache useless, not the build wrong
