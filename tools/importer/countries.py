"""Which countries an article mentions: CLDR names (Babel) plus the forms in the content folder's
data/country-names.yaml: the folder the article is imported into (DEST), whose file `make check` reads."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from archive_core import paths
from archive_core.country_names import CountryForms, names_to_codes, parse_country_names
from archive_core.data import load_data, recording, with_yaml_problems
from archive_core.errors import ContentError
from archive_core.layout import COUNTRY_NAMES_FILE

from . import ROOT
from .decoding import composed

COUNTRY_NAMES = ROOT / "content" / COUNTRY_NAMES_FILE


def load_country_forms(path: Path = COUNTRY_NAMES) -> tuple[CountryForms, ...]:
    """The file's records (archive_core.country_names); ContentError telling every problem of the file, at its
    line, as `make check` tells them: what the YAML reading found in its values among its records' problems."""
    # a data file that is not there means none: CLDR's names alone; there as `make check` finds it, in its capitals
    if not paths.named_as_written(path.parent.parent, path):
        return ()
    with recording() as data_files:
        try:
            records, problems = parse_country_names(load_data(path, path.parent.parent))  # inside content/
        except ContentError as exc:  # the file cannot be read at all
            records, problems = (), list(exc.problems)
    problems = with_yaml_problems(data_files.values(), problems)
    if problems:
        raise ContentError(*problems)
    return records


@cache
def _names(path: Path) -> dict[str, str]:
    """Every name form -> its country code: every name the archive knows a country by (country_names.names_to_codes),
    the one table the search and the `countries:` hint read too."""
    return names_to_codes(load_country_forms(path))


@cache
def _pattern(path: Path) -> re.Pattern[str]:
    alternatives = sorted(_names(path), key=len, reverse=True)  # longest first: "Republika Południowej Afryki"
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


def detect(text: str, path: Path = COUNTRY_NAMES) -> tuple[str, ...]:
    """The sorted codes of the countries named in `text`: `Wietnamu`, `Belarus`, `UE` -> BY, EU, VN."""
    names = _names(path)
    return tuple(sorted({names[match.group(1)] for match in _pattern(path).finditer(composed(text))}))
