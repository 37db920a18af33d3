"""The heads of the written pages for the sitemap, each file read once across builds.

A build that takes most of its pages from the last one (`make html` after an
edit hard-links them) would otherwise read and parse every page's head
again. The heads read are kept, sealed (`archive_core.integrity`), by each
page's path and its file's identity (device, inode, size, modification
time): a page that is the very file read last time is not read again; any
other (rendered again, copied, changed in place) is. The cache is only an
optimization: a missing, broken or foreign one is an empty one.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from archive_core import paths
from archive_core.errors import ContentError
from archive_core.integrity import Seal, unlinked

from .sitemap import PageHead, read_head_of

Identity = tuple[int, int, int, int]
MAX_CACHE_BYTES = 256 << 20  # ~200 bytes a page


@dataclass(frozen=True)
class HeadCache:
    """The heads of the last build's pages, in the file `path` (its folder holds the seal's secret)."""

    path: Path

    @property
    def _usable(self) -> bool:
        return unlinked(self.path.parent, self.path.parent.parent)

    def load(self) -> dict[str, tuple[Identity, PageHead]]:
        if not self._usable:
            return {}
        try:
            sealed = paths.read_bytes(self.path, self.path.parent, MAX_CACHE_BYTES)
        except ContentError:  # missing, or not a plain file in the folder
            return {}
        payload = Seal(self.path.parent).open(self.path.name, sealed)
        try:
            return {name: _decode(entry) for name, entry in json.loads(payload or b"{}").items()}
        except (ValueError, TypeError, AttributeError):
            return {}

    def save(self, heads: dict[str, tuple[Identity, PageHead]]) -> None:
        if not self._usable:
            return
        payload = json.dumps({name: _encode(*entry) for name, entry in heads.items()}, separators=(",", ":"))
        with contextlib.suppress(OSError, ContentError):  # a read-only or full disk: no cache, the same sitemap
            sealed = Seal(self.path.parent).seal(self.path.name, payload.encode())
            if sealed is not None:
                paths.write_file(self.path.parent, self.path.name, sealed, replace=True)


def page_heads(output: Path, cache: HeadCache | None = None) -> list[PageHead]:
    """The head of every `.html` page under `output`, in the order of their paths."""
    known = cache.load() if cache is not None else {}
    seen: dict[str, tuple[Identity, PageHead]] = {}
    for path in sorted(output.rglob("*.html")):
        name = path.relative_to(output).as_posix()
        info = path.stat()
        identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        entry = known.get(name)
        seen[name] = (identity, entry[1] if entry is not None and entry[0] == identity else read_head_of(path))
    if cache is not None:
        cache.save(seen)
    return [head for _identity, head in seen.values()]


def _encode(identity: Identity, head: PageHead) -> list:
    return [list(identity), head.canonical, [list(pair) for pair in head.alternates], head.noindex]


def _decode(entry: list) -> tuple[Identity, PageHead]:
    identity, canonical, alternates, noindex = entry
    if not (
        isinstance(identity, list)
        and len(identity) == 4
        and all(type(number) is int for number in identity)
        and (canonical is None or isinstance(canonical, str))
        and all(isinstance(value, str) for pair in alternates for value in pair)
        and all(len(pair) == 2 for pair in alternates)
        and isinstance(noindex, bool)
    ):
        raise ValueError("not a cached head")
    return tuple(identity), PageHead(canonical, tuple(tuple(pair) for pair in alternates), noindex)


def cache_of(settings: dict) -> HeadCache | None:
    """The cache the setting SITEMAP_HEAD_CACHE names (a file path); None when empty or unset."""
    path = settings.get("SITEMAP_HEAD_CACHE")
    return HeadCache(Path(os.path.abspath(path))) if path else None
