"""The repository's `.cache/` and `output/` as each test found them: a test writes under its tmp folders only.

A test that wrote there (a build's records in `.cache/build/`, a site in `output/`) would leave a developer's
`make html` a state it did not make, and a local `make test` would not start as CI's does on a fresh clone.
The repository's `conftest.py` checks every test, a plugin's too: what it changed there fails it, at its
teardown, by name. A folder is compared by its identity only (a test may add a file for a moment and remove it), a
file by its identity, size and modification time; two levels deep (`.cache/build/<record>`, `.cache/content/<folder>`,
`output/en/<folder>`): the content cache's entries are tests/test_suite_cache.py's. `make html` or the devserver
running in the same clone meanwhile would fail the test it overlaps.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCHED = (ROOT / ".cache", ROOT / "output")
DEPTH = 2


def listing(folder: Path, depth: int = DEPTH) -> dict[str, tuple[int, ...]]:
    """Every entry of `folder` down to `depth` levels: a folder as its inode, anything else as inode, size, time."""
    entries: dict[str, tuple[int, ...]] = {}
    try:
        scanned = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return entries
    for entry in scanned:
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            entries[entry.path] = (info.st_ino,)
            if depth > 1:
                entries.update(listing(Path(entry.path), depth - 1))
        else:
            entries[entry.path] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return entries


def repository_state() -> dict[str, tuple[int, ...]]:
    state: dict[str, tuple[int, ...]] = {}
    for folder in WATCHED:
        state.update(listing(folder))
    return state


def changes(before: dict[str, tuple[int, ...]], after: dict[str, tuple[int, ...]]) -> list[str]:
    """What differs, each path with how: added, removed or changed."""
    told = {(False, True): "added", (True, False): "removed", (True, True): "changed"}
    return [
        f"{told[path in before, path in after]}: {os.path.relpath(path, ROOT)}"
        for path in sorted(before.keys() | after.keys())
        if before.get(path) != after.get(path)
    ]
