"""Check all content without building the site: `path:line: field: message (hint)`.

Exit status 0 when there are no errors (warnings are printed), 1 otherwise.

Every check is a function `(content_dir) -> list[Problem]` that a plugin
exposes; registering one is one line in CHECKS.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core.errors import ContentError, Problem, report  # noqa: E402
from archive_core.paths import check_tree  # noqa: E402
from bilingual.checks import check_translations  # noqa: E402
from countries import check_countries  # noqa: E402
from markdown_reader.checks import (  # noqa: E402
    check_articles,
    check_internal_links,
    check_review_fields,
    check_sources,
    check_urls,
)
from timeline.events import check_timeline  # noqa: E402

Check = Callable[[Path], list[Problem]]

CHECKS: tuple[Check, ...] = (
    check_tree,  # links out of the content folder, loops, FIFOs and devices, anywhere in it
    check_articles,  # schema, YAML, encoding, placement, unsafe links
    check_translations,  # duplicate (translation_key, lang); missing originals (warning)
    check_internal_links,  # {filename} links to missing content
    check_urls,  # two articles at one address
    check_review_fields,  # fields the importer guessed (warning)
    check_sources,  # source.publisher named or in data/publishers.yaml; source.raw present
    check_countries,  # content/data/countries.yaml, people.yaml
    check_timeline,  # content/data/timeline/*.yaml
)


def check(content_dir: Path, checks: Iterable[Check] = CHECKS) -> list[Problem]:
    problems: list[Problem] = []
    for run in checks:
        try:
            problems += run(content_dir)
        except ContentError as exc:  # a check that stops at its first problem (e.g. unreadable YAML)
            problems.append(exc.problem)
    return list(dict.fromkeys(problems))  # the tree and the articles' listing can name one entry twice


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
