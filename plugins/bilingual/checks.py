"""The bilingual checks for `make check`: `(content_dir) -> list[Problem]`."""

from __future__ import annotations

from pathlib import Path

from archive_core.checks import read_content
from archive_core.errors import Problem
from archive_core.versions import duplicate_problems, missing_counterpart_warnings


def check_translations(content_dir: Path) -> list[Problem]:
    """Duplicate (translation_key, lang) pairs (errors); translations whose original is missing (warnings)."""
    documents = [(doc.path, doc.meta) for doc in read_content(content_dir)[0]]
    return [*duplicate_problems(documents), *missing_counterpart_warnings(documents)]
