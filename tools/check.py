"""Check all content without building the site: `path:line: field: message (hint)`.

Exit status 0 when there are no errors (warnings are printed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.errors import Problem, report  # noqa: E402
from bilingual.pairing import duplicate_problems, missing_counterpart_warnings  # noqa: E402
from countries import check_countries  # noqa: E402
from markdown_reader.collection import article_files, read_articles  # noqa: E402
from markdown_reader.document import ArticleDocument  # noqa: E402


def check(content_dir: Path) -> list[Problem]:
    files, problems = article_files(content_dir, ["articles"])
    docs, read_problems = read_articles(content_dir, files)
    documents = [(doc.path, doc.meta) for doc in docs]
    problems += review_warnings(docs)
    problems += check_countries(content_dir)
    return [*problems, *read_problems, *duplicate_problems(documents), *missing_counterpart_warnings(documents)]


def review_warnings(docs: list[ArticleDocument]) -> list[Problem]:
    """A `review:` list names fields the importer guessed: an editor must confirm them."""
    hint = "check these fields, then delete the `review:` line"
    message = "guessed by the importer, to review: "
    return [
        Problem(d.path, None, "review", message + ", ".join(d.meta.review), hint, "warning")
        for d in docs
        if d.meta.review
    ]


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
