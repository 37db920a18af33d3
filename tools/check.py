"""Check all content without building the site: `path:line: field: message (hint)`.

Exit status 0 when there are no errors (warnings are printed), 1 otherwise.

It takes the same content snapshot as the build (`archive_core.snapshot`), with
the article folders the build's settings name (ARTICLE_PATHS), so it reports
exactly the problems a build would stop on. A check of several files is one
line in `archive_core.checks.CHECKS`.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.errors import Problem, report, shown  # noqa: E402
from archive_core.layout import ARTICLE_DIRS  # noqa: E402
from archive_core.snapshot import take  # noqa: E402
from archive_core.workers import default_workers  # noqa: E402

SETTINGS = ROOT / "pelican.conf.py"


def article_dirs(settings_file: Path | None = SETTINGS) -> list[str] | tuple[str, ...]:
    """The article folders (ARTICLE_PATHS) the settings file names, as Pelican reads them."""
    if settings_file is None:
        return ARTICLE_DIRS
    # The settings file is run as Pelican runs it; Pelican itself (slow to import) only
    # when the file leaves ARTICLE_PATHS to Pelican (unset, or a string it replaces with its default).
    settings = runpy.run_path(str(settings_file))
    if isinstance(settings.get("ARTICLE_PATHS"), list):
        return settings["ARTICLE_PATHS"]
    from pelican.settings import read_settings

    return read_settings(str(settings_file))["ARTICLE_PATHS"]


def check(content_dir: Path, settings_file: Path | None = SETTINGS) -> list[Problem]:
    """Every problem of `content_dir`, its articles where the settings file's ARTICLE_PATHS puts them; a path that is
    no folder (a typo in ARCHIVE_CONTENT) is one, not an empty archive checked clean."""
    if not Path(content_dir).is_dir():
        return [
            Problem(
                str(content_dir),
                None,
                "file",
                "is not a folder: nothing was checked",
                "give the content folder to check: the repository's content/, or a copy of it as ARCHIVE_CONTENT=...",
            )
        ]
    return list(take(content_dir, article_dirs(settings_file), workers=default_workers()).problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "content", type=Path, nargs="?", default=Path(os.environ.get("ARCHIVE_CONTENT", ROOT / "content"))
    )
    parser.add_argument("-s", "--settings", type=Path, default=SETTINGS, help="the build's settings file")
    args = parser.parse_args(argv)
    problems = check(args.content, args.settings)
    report(problems)
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    print(f"checked {shown(str(args.content))}: {len(errors)} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
