"""A build fingerprint: one hash of every input of a build, and the proof that it still holds afterwards.

When the fingerprint of the inputs equals the one recorded for an output
folder, that folder is what a build would write again, and `tools.build`
leaves it untouched. Inputs: the resolved settings (so `make publish` after
`make html` is a new build), every file of the content folder, the theme,
the plugins, the tools, the requirement pins and the Python version.

While it hashes, `take` notes each file's identity (size, times, inode); a
build records its fingerprint only if `unchanged` finds every input as it
was noted, after the build: an edit made during a build makes the next one
build again. The content folder is listed by `archive_core.paths`, so a
link out of it, a loop or a FIFO anywhere in it is a problem, never read.
A record is sealed (`archive_core.integrity`) and bound to the output
folder's inode: a record or an `output/` committed to the repository, or
copied from elsewhere, never makes a build "up to date". Anything that
writes into an output folder outside `tools.build` (the devserver's
incremental updates) calls `forget`.

A second, portable fingerprint leaves out where the repository is: the same
inputs in another folder (the base of a change, out of git, for `make diff`)
give the same value, so `make diff` knows when output/ is already the base's
site, or the change's. It hashes the settings files and what they read from
the environment, not the resolved settings (which hold the folder's path).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core import paths  # noqa: E402
from archive_core.cache_place import cache_place_problem  # noqa: E402
from archive_core.errors import ContentError, Problem  # noqa: E402
from archive_core.integrity import Seal, unlinked  # noqa: E402

STORE = ROOT / ".cache" / "build"
# The records elsewhere, for a process that must leave the repository's `.cache/` as it is (the tests'). Read from
# the environment only: a make variable cannot set it (tools/make_inputs.py).
RECORDS_VARIABLE = "ARCHIVE_BUILD_RECORDS"


def store() -> Path:
    """Where the build records are kept: `.cache/build/`, or the folder `ARCHIVE_BUILD_RECORDS` names (outside the
    repository, or in its `.cache/`: never where a build reads, copies or publishes files)."""
    given = os.environ.get(RECORDS_VARIABLE)
    if not given:
        return STORE
    folder = Path(os.path.abspath(given))
    if problem := cache_place_problem(folder, ROOT / "content"):
        raise SystemExit(f"{RECORDS_VARIABLE}={given!r} {problem} (unset it: {STORE} is the default)")
    return folder


CODE_INPUTS = ("theme", "plugins", "tools")
SKIPPED_DIRS = frozenset({"__pycache__", "tests", "bench", ".pytest_cache"})
# Settings that say where a build writes, not what: the staging folder is new for every build.
WHERE_SETTINGS = frozenset({"OUTPUT_PATH"})
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")

Identity = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


@dataclass(frozen=True)
class Inputs:
    value: str
    code: str  # the same, of everything but the content folder's files
    files: dict[str, str]  # each content file (relative to the content folder): the hash of its bytes
    code_files: dict[str, str]  # each code input (relative to the repository): the hash of its bytes
    identities: dict[str, Identity | None]  # every input file as it was when hashed
    content_dir: Path
    problems: tuple[Problem, ...]  # entries of the content folder that were refused, unread


def _code_inputs(root: Path = ROOT) -> tuple[list[Path], list[Problem]]:
    """The pins and every file of the code folders of the repository at `root`, listed as content is
    (`paths.list_files`): a link out of the repository (`theme/static/x -> /etc/...`, which Pelican would
    copy into the site), a loop, a FIFO or a device is a problem naming it, never read."""
    files, problems = sorted(root.glob("requirements*.txt")), []
    for name in CODE_INPUTS:
        listing = paths.list_files(root, root / name)
        problems += [  # the root here is the repository
            replace(p, message=p.message.replace("content folder", "repository"), hint=p.hint.replace(
                "content folder", "repository")) for p in listing.problems
        ]  # fmt: skip
        files += [
            path
            for path in listing.files
            if not SKIPPED_DIRS.intersection(path.relative_to(root).parts) and not path.name.endswith(".pyc")
        ]
    return files, problems


def canonical_settings(settings: dict[str, Any]) -> str:
    """The settings as stable text: the same settings give the same text in any process."""
    return json.dumps(
        {key: _stable(value) for key, value in sorted(settings.items()) if key not in WHERE_SETTINGS},
        sort_keys=True,
        ensure_ascii=False,
    )


def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return [[_stable(key), _stable(item)] for key, item in sorted(value.items(), key=lambda kv: repr(kv[0]))]
    if isinstance(value, list | tuple):
        return [_stable(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_stable(item) for item in value), key=repr)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, re.Pattern):
        return f"re:{value.pattern}"
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return _ADDRESS.sub("", f"{type(value).__qualname__}:{value!r}")


def _identity(path: str | Path) -> Identity | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _file_hash(real: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with open(real, "rb", buffering=0) as stream:  # a regular file: checked by paths.regular_file
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def take(content_dir: Path, settings: dict[str, Any]) -> Inputs:
    """The fingerprint of a build with `settings` (resolved) of `content_dir`, and what it was taken from."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{sys.version}\n{canonical_settings(settings)}\n".encode())
    identities: dict[str, Identity | None] = {}
    code, problems = _code_inputs()
    code_files: dict[str, str] = {}
    for path in code:
        identities[str(path)] = _identity(path)
        name = str(path.relative_to(ROOT))
        code_files[name] = _file_hash(str(path))
        digest.update(f"{name}\0{code_files[name]}\0".encode())
    code_value = digest.hexdigest()
    files: dict[str, str] = {}
    listing = paths.content_listing(content_dir)
    problems += listing.errors  # its warnings (a hidden file of no kind the build reads) are the checks' to show
    for path in listing.files:
        try:
            real = paths.regular_file(path, content_dir)
        except ContentError as exc:
            problems += exc.problems
            continue
        identities[str(path)] = _identity(real)  # before reading: an edit after this is seen by `unchanged`
        name = str(path.relative_to(content_dir))
        files[name] = _file_hash(real)
        digest.update(f"{name}\0{files[name]}\0".encode())
    return Inputs(digest.hexdigest(), code_value, files, code_files, identities, content_dir, tuple(problems))


def unchanged(inputs: Inputs) -> bool:
    """True when every input file is still as `take` found it, and the content folder holds no other."""
    listed = {str(path) for path in paths.content_listing(inputs.content_dir).files}
    content = {name for name in inputs.identities if Path(name).is_relative_to(inputs.content_dir)}
    if listed != content:
        return False
    # os.stat follows links: a name's identity is its target's, as `take` noted it
    return all(_identity(name) == identity for name, identity in inputs.identities.items())


# What the settings files read from the environment; the portable fingerprint takes them from there.
ENVIRONMENT = ("ARCHIVE_PORT", "SITEURL", "REPOSITORY_URL", "REPOSITORY_BRANCH", "REPOSITORY_FORGE")


def portable(
    root: Path,
    content_dir: Path,
    overrides: dict[str, Any],
    settings_file: str = "pelican.conf.py",
    taken: Inputs | None = None,
) -> str | None:
    """The inputs of a build of the repository at `root`, wherever it is: files by their paths inside it.

    None when the content folder holds an entry no build may read (such a folder is never "already built").
    `taken`: what `take` found of this repository and `content_dir`, whose file hashes are used, not made again.
    """
    digest = hashlib.blake2b(digest_size=32)
    environment = sorted((name, os.environ.get(name) or None) for name in ENVIRONMENT)
    other = sorted((name, _stable(value)) for name, value in overrides.items() if name != "PATH")
    # The settings file by name: a `make publish` build is not the `make html` build `make diff` compares.
    digest.update(f"{sys.version}\n{environment!r}\n{other!r}\n{settings_file}\n".encode())
    if taken is not None and (root != ROOT or taken.content_dir != content_dir):
        raise ValueError(f"the inputs taken of {ROOT} and {taken.content_dir}, not of {root} and {content_dir}")
    hashes = _input_hashes(root, content_dir) if taken is None else _taken_hashes(taken)
    if hashes is None:
        return None
    settings_files = {path.name: _file_hash(str(path)) for path in sorted(root.glob("*.conf.py")) if path.is_file()}
    for name, value in [*settings_files.items(), *hashes]:
        digest.update(f"{name}\0{value}\0".encode())
    return digest.hexdigest()


def _taken_hashes(taken: Inputs) -> list[tuple[str, str]] | None:
    if taken.problems:
        return None
    return [*taken.code_files.items(), *((f"content/{name}", value) for name, value in taken.files.items())]


def _input_hashes(root: Path, content_dir: Path) -> list[tuple[str, str]] | None:
    """(path inside the repository, hash) of every code input, then of every content file as `content/...`."""
    code, problems = _code_inputs(root)
    listing = paths.content_listing(content_dir)
    if problems or listing.errors:
        return None
    hashes = [(str(path.relative_to(root)), _file_hash(str(path))) for path in code]
    for path in listing.files:
        try:
            real = paths.regular_file(path, content_dir)
        except ContentError:
            return None
        hashes.append((f"content/{path.relative_to(content_dir)}", _file_hash(real)))
    return hashes


KINDS = ("fingerprint", "portable", "pages")  # "pages": tools/edits.py


def _record(output: Path, kind: str = "fingerprint") -> Path:
    name = hashlib.blake2b(os.path.abspath(output).encode(), digest_size=16).hexdigest()
    return store() / f"{name}.{kind}"


def _bound(output: Path, value: str) -> bytes | None:
    """`value` bound to the output folder itself (its inode): another folder at that path is another output."""
    try:
        info = os.stat(output, follow_symlinks=False)
    except OSError:
        return None
    return f"{value}\n{info.st_dev}:{info.st_ino}".encode()


def matches(output: Path, value: str | None, kind: str = "fingerprint") -> bool:
    bound = None if value is None else _bound(output, value)
    return bound is not None and _opened(output, kind, 4096) == bound


def recall(output: Path, kind: str, limit: int) -> str | None:
    """The value remembered as `kind` for `output`, if its record is sealed here and bound to this folder."""
    opened = _opened(output, kind, limit)
    if opened is None:
        return None
    value, _, bound = opened.decode("utf-8", "replace").rpartition("\n")
    return value if _bound(output, value) == opened and bound else None


def _opened(output: Path, kind: str, limit: int) -> bytes | None:
    record = _record(output, kind)
    if not output.is_dir() or output.is_symlink() or not unlinked(record.parent, ROOT):
        return None
    try:
        sealed = paths.read_bytes(record, record.parent, limit=limit)
    except ContentError:
        return None
    return Seal(record.parent).open(record.name, sealed)


def remember(output: Path, value: str | None, kind: str = "fingerprint") -> None:
    record = _record(output, kind)
    bound = None if value is None else _bound(output, value)
    if bound is None or not unlinked(record.parent, ROOT):
        return
    try:
        sealed = Seal(record.parent).seal(record.name, bound)
        if sealed is not None:
            paths.write_file(record.parent, record.name, sealed, replace=True)
    except (OSError, ContentError):
        pass  # without a record the next build is simply a full one


def forget(output: Path) -> None:
    """Drop the records of `output` (an OSError if it cannot: a record that stays would be a lie)."""
    for kind in KINDS:
        _record(output, kind).unlink(missing_ok=True)
