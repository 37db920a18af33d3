"""Check all content without building the site: `path:line: field: message (hint)`.

Exit status 0 when there are no errors (warnings are printed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.errors import Problem, report  # noqa: E402
from bilingual.pairing import duplicate_problems, missing_counterpart_warnings  # noqa: E402
from markdown_reader.collection import article_files, read_articles  # noqa: E402
from timeline.events import check_timeline  # noqa: E402


def check(content_dir: Path) -> list[Problem]:
    files, problems = article_files(content_dir, ["articles"])
    docs, read_problems = read_articles(content_dir, files)
    documents = [(doc.path, doc.meta) for doc in docs]
    problems += check_timeline(content_dir)
    return [*problems, *read_problems, *duplicate_problems(documents), *missing_counterpart_warnings(documents)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("content", type=Path, nargs="?", default=ROOT / "content")
    args = parser.parse_args(argv)
    problems = check(args.content)
    report(problems)
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    print(f"checked {args.content}: {len(errors)} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
