"""The names a country is searched by: CLDR's in both languages, then the forms of country-names.yaml."""

from __future__ import annotations

from archive_core.country_names import CountryForms, search_terms

POLAND = CountryForms("PL", ("Polski", "Polsce", "Poland", "Polish"), "https://pl.wiktionary.org/wiki/Polska")


def test_a_country_with_forms_is_searched_by_its_names_and_every_form_once():
    assert search_terms(("PL",), (POLAND,)) == "Polska Poland Polski Polsce Polish"


def test_a_country_without_forms_is_searched_by_its_names_in_both_languages():
    assert search_terms(("VN", "DE"), (POLAND,)) == "Wietnam Vietnam Niemcy Germany"


def test_no_country_no_terms():
    assert search_terms((), (POLAND,)) == ""
