"""Country codes the archive accepts, and their names from CLDR."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from .locales import BABEL_LOCALES

# CLDR lists some territory codes that are not ISO 3166-1 countries.
# EU (the European Union) is a party to the convention, so it stays.
_NOT_COUNTRIES = frozenset({"EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def known_codes() -> frozenset[str]:
    territories = Locale.parse("en").territories
    return frozenset(code for code in territories if re.fullmatch(r"[A-Z]{2}", code) and code not in _NOT_COUNTRIES)


def is_known(code: str) -> bool:
    return code in known_codes()


@cache
def country_name(code: str, lang: str) -> str:
    """`Wietnam` / `Vietnam`, from CLDR via Babel."""
    return Locale.parse(BABEL_LOCALES[lang]).territories[code]
