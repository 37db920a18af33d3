"""The names a country is searched by: CLDR's in both languages, then the forms of country-names.yaml."""

from __future__ import annotations

import pytest

from archive_core.country_names import CountryForms, CountryNameIndex, parse_country_names, search_terms
from archive_core.data import load_data

POLAND = CountryForms("PL", ("Polski", "Polsce", "Poland", "Polish"), "https://pl.wiktionary.org/wiki/Polska")


def test_a_country_with_forms_is_searched_by_its_names_and_every_form_once():
    assert search_terms(("PL",), (POLAND,)) == "Polska Poland Polski Polsce Polish"


def test_a_country_without_forms_is_searched_by_its_names_in_both_languages():
    assert search_terms(("VN", "DE"), (POLAND,)) == "Wietnam Vietnam Niemcy Germany"


def test_a_country_is_searched_by_the_other_names_cldr_gives_it():
    # CLDR's variant and short names (alt="variant", alt="short"), which Babel leaves out: through ICU.
    assert "Ivory Coast" in search_terms(("CI",), ())
    assert "Wybrzeże Kości Słoniowej" in search_terms(("CI",), ())
    assert "East Timor" in search_terms(("TL",), ())
    assert "Palestyna" in search_terms(("PS",), ())


FRANCE = CountryForms("FR", ("Francji", "francuska", "French"), "https://pl.wiktionary.org/wiki/Francja")
KOREAS = (
    CountryForms("KR", ("Republic of Korea",), "https://pl.wiktionary.org/wiki/Korea_Po%C5%82udniowa"),
    CountryForms(
        "KP", ("Democratic People's Republic of Korea",), "https://pl.wiktionary.org/wiki/Korea_P%C3%B3%C5%82nocna"
    ),
)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Police in Spain and France arrested eleven people.", ("ES", "FR")),  # CLDR's names, in either language
        ("Zatrzymania we Francji. Francuska policja.", ("FR",)),  # the file's forms, one opening a sentence
        ("Ivory Coast and Wybrzeże Kości Słoniowej", ("CI",)),  # CLDR's other names, of words
        ("Stany Zjednoczone, Polsce", ("PL", "US")),
        # Never case-folded: `mali` (Polish: small), `polish` and `turkey` are not countries, nor a name's part alone.
        ("mali przedsiębiorcy polish the turkey, Ivory and Coast", ()),
        ("", ()),
        # A name inside a longer one names the longer one's country alone.
        ("Sudan and South Sudan", ("SD", "SS")),
        ("South Sudan, Papua New Guinea, Demokratyczna Republika Konga", ("CD", "PG", "SS")),
        ("the Democratic People's Republic of Korea", ("KP",)),
        ("the Democratic People’s Republic of Korea and the Republic of Korea", ("KP", "KR")),
    ],
)
def test_the_countries_a_text_names_in_any_of_their_names(text, codes):
    assert CountryNameIndex((POLAND, FRANCE, *KOREAS)).named_in(text) == codes


def test_no_country_no_terms():
    assert search_terms((), (POLAND,)) == ""


def _parsed(tmp_path, forms: str) -> list:
    path = tmp_path / "country-names.yaml"
    path.write_text(
        f"countries:\n  - code: VN\n    forms: [{forms}]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
    )
    return parse_country_names(load_data(path, tmp_path))[1]


@pytest.mark.parametrize(("form", "other"), [("Laos", "LA"), ("Niemcy", "DE"), ("niemcy", "DE")])
def test_a_form_that_is_cldr_s_name_of_another_country_is_refused(tmp_path, form, other):
    """The importer matches CLDR's names and these forms as one list: the form would take the other's name."""
    (problem,) = _parsed(tmp_path, f"Wietnamu, {form}")
    assert (problem.field, problem.line) == ("countries.0.forms.1", 3)
    assert f"{form!r} is CLDR's name of {other}" in problem.message


def test_a_form_that_is_cldr_s_name_of_its_own_country_passes(tmp_path):
    assert _parsed(tmp_path, "Wietnam, Vietnam, Wietnamu") == []


def test_a_key_beside_countries_is_told_not_read_as_nothing(tmp_path):
    """A second list under a key misspelt (`countrie:`) was dropped untold: its forms never searched."""
    path = tmp_path / "country-names.yaml"
    path.write_text(
        "countries:\n  - code: VN\n    forms: [Wietnamu]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
        "countrie:\n  - code: PL\n    forms: [Polsce]\n    source: https://pl.wiktionary.org/wiki/Polska\n"
    )
    (problem,) = parse_country_names(load_data(path, tmp_path))[1]
    assert (problem.field, problem.line, problem.message) == ("countrie", 5, "is not a known key")


def test_the_index_of_each_version_of_the_data_file_is_kept_a_bounded_number_of_times():
    """A devserver session reads country-names.yaml again at each edit of it: each version's records are an index of
    their own (a form added is found at once, never the last version's index), and only the last few are kept."""
    from archive_core.country_names import COUNTRY_NAME_INDEXES_KEPT, country_name_index

    country_name_index.cache_clear()
    for number in range(COUNTRY_NAME_INDEXES_KEPT * 3):
        edited = CountryForms("FR", (f"Franciszkowo{number}",), FRANCE.source)
        assert country_name_index((POLAND, edited)).named_in(f"We Franciszkowo{number}.") == ("FR",)
        assert country_name_index((POLAND, edited)).named_in("We Franciszkowo0.") == (("FR",) if number == 0 else ())
    assert country_name_index.cache_info().currsize <= COUNTRY_NAME_INDEXES_KEPT


def test_the_table_of_names_holds_every_name_the_search_knows_and_no_shared_one():
    from archive_core.country_names import names_to_codes

    names = names_to_codes((POLAND, CountryForms("FR", ("Francji", "Kongo"), "https://example.org/fr")))
    # CLDR's names in each language, its variant and short names, the file's forms (and opening a sentence).
    assert [names[name] for name in ("Czechy", "Czechia", "Czech Republic", "Republika Czeska", "USA")] == [
        "CZ",
        "CZ",
        "CZ",
        "CZ",
        "US",
    ]
    assert (names["Polsce"], names["Francji"], names["Polish"]) == ("PL", "FR", "PL")
    assert "Kongo" not in names  # CLDR's Polish name of CG, and (here) a form of FR: a name of neither
