"""Refuse any output path that would land outside the output folder."""

from __future__ import annotations

import os
from pathlib import Path

from archive_core.errors import BuildFailed, Problem

from .pelican_compat import CheckedWriter


def escapes(output_dir: str | Path, path: str | Path) -> bool:
    """True when `path` (absolute, or relative to `output_dir`) is not inside `output_dir`.

    Pelican's own check compares string prefixes, so `output-evil/` passes
    it for `output/`; this one compares resolved path components, symlinks
    included.
    """
    root = os.path.realpath(output_dir)
    target = os.path.realpath(os.path.normpath(os.path.join(root, path)))
    return os.path.commonpath([root, target]) != root  # os.path: a third of pathlib's time, per written page


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

    def refuse(self, path: str) -> None:
        if escapes(self.output_path, path):
            raise refusal(self.output_path, path)
