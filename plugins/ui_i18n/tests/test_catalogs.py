"""Every UI string in the templates is translated in both catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from archive_core.i18n import catalog_path
from archive_core.locales import LANGUAGES, day_search_words, held_date, long_date, month_names, numeric_dates

ROOT = Path(__file__).resolve().parents[3]
THEME = ROOT / "theme"


def template_messages() -> set[str]:
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(THEME), method_map, options):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_string_is_translated(lang):
    with catalog_path(THEME / "translations", lang).open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string and not m.fuzzy}
    missing = template_messages() - translated
    assert not missing, f"untranslated in {lang}: {sorted(missing)} (run `make messages`, then translate)"


def test_polish_catalog_is_really_polish():
    with catalog_path(THEME / "translations", "pl").open("rb") as handle:
        catalog = read_po(handle)
    same = [m.id for m in catalog if m.id and m.string == m.id and len(m.id) > 12]
    assert not same, f"Polish entries copied from English: {same}"


def test_dates():
    from datetime import date

    assert long_date(date(2025, 10, 26), "pl") == "26 października 2025"
    assert long_date(date(2019, 12, 27), "en") == "27 December 2019"


def test_a_day_in_figures_is_written_as_each_language_writes_it_with_and_without_leading_zeros():
    from datetime import date

    assert numeric_dates(date(2025, 10, 25), "pl") == ("25.10.2025",)
    assert numeric_dates(date(2025, 10, 25), "en") == ("25/10/2025", "10/25/2025")  # British and American order
    assert numeric_dates(date(2024, 8, 8), "pl") == ("8.08.2024", "08.08.2024", "8.8.2024")  # CLDR pads the month only
    assert numeric_dates(date(2024, 8, 8), "en") == ("08/08/2024", "8/8/2024")
    assert numeric_dates(date(2025, 4, 3), "en") == ("03/04/2025", "3/4/2025", "4/3/2025", "04/03/2025")


def test_a_day_is_held_in_the_search_index_as_words_no_number_a_reader_types_begins():
    from datetime import date

    # Each form's figures joined (as Pagefind joins a typed `7.10.2025`), and the ISO form, after a letter.
    assert day_search_words(date(2025, 10, 7), "pl") == ("d7102025", "d07102025", "d20251007")
    assert day_search_words(date(2025, 10, 25), "en") == ("d25102025", "d10252025", "d20251025")
    assert held_date("2024-12") == "d202412"


def test_a_month_has_its_name_alone_and_in_a_date_each_once():
    assert month_names(12, "pl") == ("grudzień", "grudnia")
    assert month_names(5, "pl") == ("maj", "maja")
    assert month_names(12, "en") == ("December",)


def test_a_count_is_written_as_each_language_writes_it():
    from archive_core.locales import local_number

    assert [local_number(n, "en") for n in (7, 1004, 12345)] == ["7", "1,004", "12,345"]
    # CLDR's minimum grouping digits: Polish groups from five digits on (with a no-break space), as Intl does
    assert [local_number(n, "pl") for n in (7, 1004, 12345)] == ["7", "1004", "12\u00a0345"]
