"""A build fingerprint: one hash of every input of a build, kept beside the cache.

When the fingerprint of the inputs equals the one stored for an output
folder, that folder is what a build would write again, and `tools.build`
leaves it untouched. Inputs: the content folder, the theme, the plugins, the
tools, the settings files and the plain values they give (some come from the
environment: SITEURL, the port), the requirement pins, the Python version
and the overrides. Anything that writes into an output folder outside `tools.build`
(the devserver's incremental updates) calls `forget`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / ".cache" / "build"
CODE_INPUTS = ("theme", "plugins", "tools")
SKIPPED_DIRS = frozenset({"__pycache__", "tests", "bench", ".pytest_cache"})


def _files(folder: Path) -> Iterable[Path]:
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and not name.endswith(".pyc"):
                yield Path(directory, name)


def fingerprint(content_dir: Path, settings_files: Iterable[Path], overrides: dict) -> str:
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{sys.version}\n{sorted(overrides.items())!r}\n".encode())
    inputs = [
        *(Path(p) for p in settings_files),
        *sorted(ROOT.glob("requirements*.txt")),
        *(f for name in CODE_INPUTS for f in _files(ROOT / name)),
    ]
    for path in inputs:
        digest.update(f"{path.relative_to(ROOT)}\0".encode() + path.read_bytes() + b"\0")
    for path in _files(content_dir):
        digest.update(f"{path.relative_to(content_dir)}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def plain(settings: dict) -> dict:
    """The settings of plain value, as the settings files and the environment made them (SITEURL, the
    port of LOCAL_SITEURL...): part of the fingerprint. Not OUTPUT_PATH, a new folder for every build."""
    return {
        name: value
        for name, value in settings.items()
        if name.isupper() and name != "OUTPUT_PATH" and isinstance(value, str | int | float | bool | type(None))
    }


def _record(output: Path) -> Path:
    name = hashlib.blake2b(str(output.resolve()).encode(), digest_size=16).hexdigest()
    return STORE / f"{name}.fingerprint"


def matches(output: Path, value: str) -> bool:
    try:
        return output.is_dir() and _record(output).read_text() == value
    except OSError:
        return False


def remember(output: Path, value: str) -> None:
    try:
        STORE.mkdir(parents=True, exist_ok=True)
        _record(output).write_text(value)
    except OSError:
        pass  # without a record the next build is simply a full one


def forget(output: Path) -> None:
    _record(output).unlink(missing_ok=True)
