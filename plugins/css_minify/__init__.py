"""The theme's stylesheets minified in the output: the theme keeps its commented source, readers get the rules."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import rcssmin
from pelican import signals


def minify_folder(folder: Path) -> list[Path]:
    """Minify every `.css` file under `folder` in place, each replaced whole (a hard link to it stays as it was:
    a build may have linked files from the last output). Links and files outside `folder` are left alone."""
    root = folder.resolve()
    done = []
    for sheet in sorted(folder.rglob("*.css")):
        if sheet.is_symlink() or not sheet.is_file() or not sheet.resolve().is_relative_to(root):
            continue
        source = sheet.read_text(encoding="utf-8")
        minified = rcssmin.cssmin(source)
        if minified == source:
            continue
        handle, temporary = tempfile.mkstemp(dir=sheet.parent, prefix=".minify-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(minified)
            os.chmod(temporary, 0o644)
            os.replace(temporary, sheet)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        done.append(sheet)
    return done


def minify_theme_stylesheets(pelican) -> None:
    minify_folder(Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"])


def register() -> None:
    signals.finalized.connect(minify_theme_stylesheets)
