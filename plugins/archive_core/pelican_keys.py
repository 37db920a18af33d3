"""Pelican's own front-matter keys, as a contributor who knows Pelican writes them: what the archive does instead.

Pelican's documented metadata ("File metadata", its docs/content.rst) and the keys its readers give a meaning
(`pelican.readers.METADATA_PROCESSORS`): `title`, `date`, `slug`, `summary`, `lang` and `tags` the archive takes
as Pelican does; `translation` in another shape (`PELICAN_SHAPES`); the others not at all (`PELICAN_KEYS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .suggestions import closest

# Every key Pelican's docs list under "File metadata", as it reads them in any capitals (`Title:`).
PELICAN_METADATA = frozenset({
    "title", "date", "modified", "tags", "keywords", "category", "slug", "author", "authors", "summary", "lang",
    "translation", "status", "template", "save_as", "url",
})  # fmt: skip
_METADATA_LINE = re.compile(r"([A-Za-z_]+):(?:\s|$)")


@dataclass(frozen=True)
class PelicanKey:
    hint: str
    # The archive's field doing its job: not told missing beside it; one of the front-matter's top level is
    # proposed ("did you mean `tags`?") after the hint.
    instead: str | None = None


_AUTHOR = PelicanKey(
    "the archive has no author field: name who published the original with `publisher:` under `source:`",
    "source.publisher",
)
_ADDRESS = "an article's address is /<lang>/<year>/<slug>/, made by the archive"

PELICAN_KEYS: dict[str, PelicanKey] = {
    "status": PelicanKey(
        "the archive has no drafts or hidden articles: every article in the content folder is published; "
        "delete the line, and keep the file out of the pull request until it is ready"
    ),
    "category": PelicanKey("the archive has no categories, only topics", "tags"),
    "keywords": PelicanKey("the archive's keywords are its topics", "tags"),
    "author": _AUTHOR,
    "authors": _AUTHOR,
    "modified": PelicanKey(
        "`date` is the original's publication date; a change made to the article after it is published is an "
        "item of `corrections:` (`date`, `change`, `reason`), shown on its page"
    ),
    "template": PelicanKey("every article is shown with the theme's article template: delete the line"),
    "save_as": PelicanKey(f"{_ADDRESS}: set its last part with `slug:`"),
    "url": PelicanKey(
        f"the original's address goes in `url:` under `source:`; {_ADDRESS}, its last part set with `slug:`",
        "source.url",
    ),
}

# Pelican's keys the archive takes with another kind of value, and the hint of a value of Pelican's kind.
PELICAN_SHAPES: dict[str, tuple[type, str]] = {
    "translation": (
        bool,
        "`translation:` says what this version translates: `from:` (the original's language) and `by:` (who or "
        "what translated it), indented under it; an original has none",
    ),
}


def pelican_key(written: str, fields: Iterable[str]) -> PelicanKey | None:
    """The Pelican key `written` is, in any capitals or nearly spelt (`Status`, `categroy`, `save-as`), unless it
    is nearer one of the archive's `fields` (`tag`: `tags`)."""
    return PELICAN_KEYS.get(closest(written.replace("-", "_"), [*fields, *PELICAN_KEYS]) or "")


def pelican_shape_hint(field: str, value: Any) -> str | None:
    """The hint for `value` of the archive's `field` written as Pelican writes it (`translation: true`)."""
    kind, hint = PELICAN_SHAPES.get(field, (None, ""))
    return hint if kind is not None and isinstance(value, kind) else None


def metadata_block_hint(first_line: str) -> str | None:
    """For a file that starts with Pelican's own metadata lines (`Title: ...`, no '---' around them), where the
    front-matter's two '---' lines go."""
    found = _METADATA_LINE.match(first_line)
    if not found or found[1].casefold() not in PELICAN_METADATA:
        return None
    key = found[1]
    case = f", its field names in lower case, `{key.casefold()}:`" if key != key.casefold() else ""
    return (
        f"put a '---' line above `{key}:` and another after the last field: the front-matter is YAML between two "
        f"'---' lines{case}"
    )
