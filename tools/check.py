"""Check all content without building the site: `path:line: field: message (hint)`.

Exit status 0 when there are no errors (warnings are printed), 1 otherwise.

It takes the same content snapshot as the build (`archive_core.snapshot`), so
it reports exactly the problems a build would stop on. A check of several
files is one line in `archive_core.checks.CHECKS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.errors import Problem, report  # noqa: E402
from archive_core.snapshot import take  # noqa: E402
from archive_core.workers import default_workers  # noqa: E402


def check(content_dir: Path) -> list[Problem]:
    return list(take(content_dir, workers=default_workers()).problems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "content", type=Path, nargs="?", default=Path(os.environ.get("ARCHIVE_CONTENT", ROOT / "content"))
    )
    args = parser.parse_args(argv)
    problems = check(args.content)
    report(problems)
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    print(f"checked {args.content}: {len(errors)} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
