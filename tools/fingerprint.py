"""A build fingerprint: one hash of every input of a build, kept beside the cache.

When the fingerprint of the inputs equals the one stored for an output
folder, that folder is what a build would write again, and `tools.build`
leaves it untouched. Inputs: the content folder, the theme, the plugins, the
tools, the settings files and the plain values they give (some come from the
environment: SITEURL, the port), the requirement pins, the Python version
and the overrides. Anything that writes into an output folder outside `tools.build`
(the devserver's incremental updates) calls `forget`.

A second, portable fingerprint leaves out where the repository is: the same
inputs in another folder (the base of a change, out of git, for `make diff`)
give the same value, so `make diff` knows when output/ is already the
base's site, or the change's.
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


# What the settings read from the environment; the portable fingerprint takes them from there.
ENVIRONMENT = ("ARCHIVE_PORT", "SITEURL", "REPOSITORY_URL", "REPOSITORY_BRANCH")


def portable(root: Path, content_dir: Path, overrides: dict) -> str:
    """The inputs of a build of the repository at `root`, wherever it is: files by their paths inside it."""
    digest = hashlib.blake2b(digest_size=32)
    environment = {name: os.environ.get(name) for name in ENVIRONMENT}
    other = sorted((name, value) for name, value in overrides.items() if name != "PATH")
    digest.update(f"{sys.version}\n{sorted(environment.items())!r}\n{other!r}\n".encode())
    inputs = [
        *sorted(root.glob("*.conf.py")),
        root / "requirements.txt",
        *(f for name in CODE_INPUTS for f in _files(root / name)),
    ]
    for path in inputs:
        if path.is_file():
            digest.update(f"{path.relative_to(root)}\0".encode() + path.read_bytes() + b"\0")
    for path in _files(content_dir):
        digest.update(f"content/{path.relative_to(content_dir)}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _record(output: Path, kind: str = "fingerprint") -> Path:
    name = hashlib.blake2b(str(output.resolve()).encode(), digest_size=16).hexdigest()
    return STORE / f"{name}.{kind}"


def matches(output: Path, value: str, kind: str = "fingerprint") -> bool:
    try:
        return output.is_dir() and _record(output, kind).read_text() == value
    except OSError:
        return False


def remember(output: Path, value: str, kind: str = "fingerprint") -> None:
    try:
        STORE.mkdir(parents=True, exist_ok=True)
        _record(output, kind).write_text(value)
    except OSError:
        pass  # without a record the next build is simply a full one


def forget(output: Path) -> None:
    for kind in ("fingerprint", "portable"):
        _record(output, kind).unlink(missing_ok=True)
