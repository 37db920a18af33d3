"""Regions (continents) from CLDR's territory containment, through ICU."""

from __future__ import annotations

from collections import Counter
from functools import cache

import icu


@cache
def continent(code: str) -> str:
    """The CLDR code of the continent that contains `code`: `150` (Europe) for PL.

    A grouping such as EU has no continent of its own: it gets the one that
    most of its members share.
    """
    region = icu.Region.getInstance(code)
    found = region.getContainingRegion(icu.URegionType.CONTINENT)
    if found is not None:
        return found.getRegionCode()
    members = [continent(member) for member in region.getContainedRegions()]
    if not members:
        raise ValueError(f"CLDR knows no continent for {code!r}")
    return Counter(members).most_common(1)[0][0]
