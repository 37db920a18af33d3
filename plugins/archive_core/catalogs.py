"""The theme's gettext catalogs, compiled with Babel when first asked for (no `.mo` files are committed)."""

from __future__ import annotations

import io
from functools import cache
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"


def catalog_path(translations_dir: Path, lang: str) -> Path:
    return translations_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _compiled(po_path: Path, mtime_ns: int) -> GNUTranslations:
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parts[-3])
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return GNUTranslations(buffer)


def translations(translations_dir: Path, lang: str) -> GNUTranslations:
    """The catalog of `lang` under `translations_dir` (compiled again only when the `.po` file changes)."""
    path = catalog_path(translations_dir, lang)
    return _compiled(path, path.stat().st_mtime_ns)
