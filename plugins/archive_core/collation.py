"""Sorting in each language's own alphabetical order (Ł after L, Ś after S in Polish), by ICU."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu

from .locales import BABEL_LOCALES


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(BABEL_LOCALES[lang]))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key for `sorted()` that orders text as a dictionary in `lang` does."""
    return _collator(lang).getSortKey


def collated(names: list[str], lang: str) -> list[str]:
    return sorted(names, key=sort_key(lang))
