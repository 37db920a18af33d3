"""The theme's gettext catalogs (theme/translations/<lang>/LC_MESSAGES/messages.po), compiled in memory with Babel.

Templates use them through the ui_i18n plugin; a plugin that writes text
outside a template (a citation file) marks its strings with `N_()` so that
`make messages` extracts them, and translates them with `translations()`.
"""

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
    path = catalog_path(translations_dir, lang)
    return _compiled(path, path.stat().st_mtime_ns)


def N_(message: str) -> str:
    """Marks `message` for extraction; translate it later with `translations(...).gettext`."""
    return message
