"""The Polish case forms of countries' names (tools/importer/polish_cases.py), and the countries an import finds by
them: every form made where the declension is regular, and no country taken for another whose name shares a stem."""

from __future__ import annotations

import pytest

from archive_core.articles import read_article
from tools.importer.countries import detect
from tools.importer.polish_cases import case_forms

from .helpers import FIXTURES, a_content_folder, run_import


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Rumunia", {"Rumunii", "Rumunię", "Rumunią"}),
        ("Francja", {"Francji", "Francję", "Francją"}),
        ("Litwa", {"Litwy", "Litwie", "Litwę", "Litwą"}),
        ("Dominika", {"Dominiki", "Dominice", "Dominikę", "Dominiką"}),
        ("Polska", {"Polski", "Polsce", "Polskę", "Polską"}),
        ("Kambodża", {"Kambodży", "Kambodżę", "Kambodżą"}),
        ("Czad", {"Czadu", "Czadowi", "Czadem", "Czadzie"}),
        ("Irak", {"Iraku", "Irakowi", "Irakiem"}),
        ("Izrael", {"Izraela", "Izraelowi", "Izraelem", "Izraelu"}),
        ("Niger", {"Nigru", "Nigrowi", "Nigrem", "Nigrze"}),
        ("Maroko", {"Maroka", "Maroku", "Marokiem"}),
        ("Czechy", {"Czechom", "Czechami", "Czechach"}),
        ("Gwinea Równikowa", {"Gwinei Równikowej", "Gwineę Równikową", "Gwineą Równikową"}),
        ("Papua-Nowa Gwinea", {"Papui-Nowej Gwinei", "Papui Nowej Gwinei", "Papuą-Nową Gwineą"}),
        ("Bośnia i Hercegowina", {"Bośni i Hercegowiny", "Bośni i Hercegowinie", "Bośnię i Hercegowinę"}),
        ("Sudan Południowy", {"Sudanu Południowego", "Sudanowi Południowemu", "Sudanie Południowym"}),
        ("Sri Lanka", {"Sri Lanki", "Sri Lance", "Sri Lankę", "Sri Lanką"}),
        ("Zjednoczone Emiraty Arabskie", {"Zjednoczonych Emiratów Arabskich", "Zjednoczonym Emiratom Arabskim"}),
        ("Republika Zielonego Przylądka", {"Republiki Zielonego Przylądka", "Republice Zielonego Przylądka"}),
    ],
)
def test_the_case_forms_of_a_country_s_name(name, forms):
    assert forms <= set(case_forms(name))


@pytest.mark.parametrize("name", ["Mali", "Peru", "Chile", "Seszele", "Kongo (DRK)", "Wlk. Bryt.", "Côte d’Ivoire"])
def test_a_name_the_declension_does_not_read_gives_no_form(name):
    assert case_forms(name) == ()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("delegacje Rumunii, Nigru, Nigerii, Dominikany i Czadu", ("DO", "NE", "NG", "RO", "TD")),
        ("w Nigrze i w Nigerii; z Nigrem i z Nigerią", ("NE", "NG")),
        ("z Rumunią, Czadem i Dominiką; w Dominice", ("DM", "RO", "TD")),
        # A name inside a longer one names the longer one's country alone.
        ("Gwinei Bissau, Papui-Nowej Gwinei oraz Gwinei Równikowej", ("GQ", "GW", "PG")),
        ("w Papui Nowej Gwinei", ("PG",)),
        ("w Gwinei", ("GN",)),
        ("Indonezję i Indie", ("ID", "IN")),
        ("w Bośni i Hercegowinie", ("BA",)),
        ("Demokratycznej Republiki Konga i Republiki Konga", ("CD", "CG")),
        ("w Sudanie Południowym i w Sudanie", ("SD", "SS")),
        ("Zjednoczonych Emiratów Arabskich, Arabii Saudyjskiej i Nowej Zelandii", ("AE", "NZ", "SA")),
        ("w Sri Lance i Timorze Wschodnim", ("LK", "TL")),
        # A place whose name holds a country's, but is none: not that country.
        ("na Nowej Gwinei, w Irlandii Północnej i w Nowym Meksyku", ()),
        ("on New Guinea, in Northern Ireland, New Mexico, New Jersey and the Niger Delta", ()),
        ("Papua New Guinea and Ireland; Papui-Nowej Gwinei i Irlandii", ("IE", "PG")),
        # A Polish town whose name is a plural country's -ów (Węgry's genitive is Węgier): no country.
        ("Urodził się w Węgrów, mieszka pod Warszawą: Komorów, Czechów", ()),
        ("z Węgrami, na Komorach, w Czechach", ("CZ", "HU", "KM")),  # their other cases still are
        # A form that is a Polish noun's nominative, its country's nominative none: no country.
        ("Toga sędziego wisiała w szafie. Konga grała do rana.", ()),
        ("w Togo i Kongu; z Togiem", ("CG", "TG")),
    ],
)
def test_a_country_is_found_by_its_polish_case_forms_and_no_other_by_them(text, codes):
    assert detect(text) == codes


INFLECTED_COUNTRIES = (
    "AE", "BA", "CD", "CG", "DM", "DO", "GQ", "GW", "ID", "IN", "LK", "NE", "NG", "PG", "RO", "SD", "SS", "TD",
)  # fmt: skip


@pytest.mark.parametrize(
    ("fixture", "codes"),
    [
        ("pl-inflected-countries.txt", INFLECTED_COUNTRIES),
        ("en-un-press-release.txt", ("DM", "DO", "GQ", "GW", "NE", "NG", "PG", "RO", "VN")),
    ],
)
def test_an_import_proposes_exactly_the_countries_a_text_names_in_any_case(capsys, tmp_path, fixture, codes):
    """Precision first: every country the text names, and none whose name is part of another's or a place's."""
    options = ("--date", "2025-10-26", "--source-url", "https://example.org/a", "--publisher", "Example News")
    result = run_import(capsys, FIXTURES / "other" / fixture, a_content_folder(tmp_path), *options)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.countries == codes
