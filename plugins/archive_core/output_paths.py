"""Refuse any output path that would land outside the output folder."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from archive_core.errors import BuildFailed, Problem
from archive_core.paths import FILE_PATH, FOLDER_PATH, too_long_problem

from .pelican_compat import CheckedWriter


def escapes(output_dir: str | Path, path: str | Path, resolved: dict[str, str] | None = None) -> bool:
    """True when `path` (absolute, or relative to `output_dir`) is not inside `output_dir`.

    Pelican's own check compares string prefixes, so `output-evil/` passes
    it for `output/`; this one compares resolved path components, symlinks
    included. `resolved` keeps the real path of each folder already resolved
    (a writer's: the folders of one build), so that a page costs one `lstat`,
    not one per component of its path (about 40, twice per page).
    """
    resolved = {} if resolved is None else resolved
    root = _real(str(output_dir), resolved)
    joined = os.path.normpath(os.path.join(root, path))
    folder, name = os.path.split(joined)
    target = os.path.realpath(joined) if os.path.islink(joined) else os.path.join(_real(folder, resolved), name)
    # Both absolute and normalized: inside when `root` is a whole-component prefix (`output-evil/` is not).
    return target != root and not target.startswith(root.rstrip(os.sep) + os.sep)


def _real(folder: str, resolved: dict[str, str]) -> str:
    """The real path of the absolute `folder`, component by component from the ones already resolved.

    A folder is kept once it exists as a folder: one not made yet could still become a link.
    """
    if (real := resolved.get(folder)) is not None:
        return real
    parent, name = os.path.split(folder)
    if not os.path.isabs(folder) or parent == folder or not name:
        return os.path.realpath(folder)
    real = os.path.join(_real(parent, resolved), name)
    if os.path.islink(real):
        real = os.path.realpath(real)
    if os.path.isdir(real):
        resolved[folder] = real
    return real


def relative_posix(output_dir: str | Path, path: str | Path) -> str:
    """`path` (absolute, or relative to `output_dir`) from `output_dir`, with `/`, as `os.path.relpath` and
    `as_posix` give it: for a path inside, by cutting the folder off the normalized path (every file a build
    writes is checked twice, and relpath's and pathlib's work was most of a check)."""
    root = os.path.abspath(output_dir)
    joined = os.path.normpath(os.path.join(root, path))
    if joined.startswith(root + os.sep) and root != os.sep:
        relative = joined[len(root) + 1 :]
    else:
        relative = os.path.relpath(joined, root)
    return relative if os.sep == "/" else Path(relative).as_posix()


def refusal(output_dir: str | Path, path: str | Path) -> BuildFailed:
    return BuildFailed(
        [
            Problem(
                str(path),
                None,
                "save_as",
                f"would be written outside the output folder {output_dir}",
                "slugs and save_as paths must stay inside output/; check the slug and the plugin that writes it",
            )
        ]
    )


class GuardedWriter(CheckedWriter):
    """Pelican's writer, but every file it opens must be inside the output folder."""

    @cached_property
    def resolved_folders(self) -> dict[str, str]:
        """The real path of each output folder this writer has checked (see `escapes`)."""
        return {}

    def refuse(self, path: str) -> None:
        if escapes(self.output_path, path, self.resolved_folders):
            raise refusal(self.output_path, path)
        written = f"output/{relative_posix(self.output_path, path)}"  # where `make html` writes it
        folder = written.rsplit("/", 1)[0]
        if problem := too_long_problem(written, FILE_PATH) or too_long_problem(folder, FOLDER_PATH):
            hint = "a page's address is made of its slug, topic or key: shorten the one that makes this one"
            raise BuildFailed([Problem(str(path), None, "save_as", problem, hint)])
