from datetime import date, datetime

import pytest

from archive_core.facets import page_facets


def test_country_names_in_the_page_language_sorted():
    facets = page_facets("article", "pl", when=datetime(2025, 10, 26, 12), countries=("VN", "BY", "EU"))
    assert facets.countries == ("Białoruś", "Unia Europejska", "Wietnam")
    assert facets.year == "2025"
    assert page_facets("article", "en", countries=("VN",)).countries == ("Vietnam",)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown search kind 'blog'"):
        page_facets("blog", "pl")


def test_a_date_that_is_not_a_day_keeps_its_own_label_and_iso_form():
    facets = page_facets("timeline", "en", when=datetime(2024, 12, 1), date_label="December 2024", date_iso="2024-12")
    assert (facets.year, facets.iso, facets.date_label) == ("2024", "2024-12", "December 2024")
    assert page_facets("article", "en", when=datetime(2025, 10, 26, 12)).iso == "2025-10-26"
    assert page_facets("country", "en", countries=("VN",)).iso == ""


def test_a_date_that_is_a_day_or_a_range_of_days_has_its_days_and_a_month_has_none():
    month = page_facets("timeline", "en", when=datetime(2024, 12, 1), date_label="December 2024", date_iso="2024-12")
    assert month.days == ()  # "1/12/2024" would name a day the event may not have happened on
    assert page_facets("article", "en", when=datetime(2025, 10, 26, 12)).days == (date(2025, 10, 26),)
    assert page_facets("country", "en", countries=("VN",)).days == ()
    session = page_facets("timeline", "en", when=date(2024, 7, 30), date_iso="2024-07-30", last_day=date(2024, 8, 2))
    assert session.days == (date(2024, 7, 30), date(2024, 7, 31), date(2024, 8, 1), date(2024, 8, 2))


def test_a_country_page_has_its_country_as_topic():
    assert page_facets("country", "pl", countries=("BY",)).topic == "Białoruś"
    assert page_facets("country", "en", countries=("PL",)).topic == "Poland"
    assert page_facets("article", "pl", countries=("BY",)).topic == ""


def test_a_country_page_has_its_countrys_iso_codes_and_other_pages_none():
    assert page_facets("country", "pl", countries=("BY",)).topic_codes == "c0by c0blr"
    assert page_facets("country", "en", countries=("EU",)).topic_codes == "c0eu"  # no alpha-3
    assert page_facets("article", "en", countries=("VN",)).topic_codes == ""


def test_the_months_a_page_is_dated_in_a_month_or_a_range_of_them_and_none_for_a_year():
    assert page_facets("article", "pl", when=datetime(2025, 12, 3, 9)).months == (12,)
    month = page_facets("timeline", "en", when=datetime(2024, 12, 1), date_label="December 2024", date_iso="2024-12")
    assert month.months == (12,)
    session = page_facets("timeline", "en", when=date(2024, 11, 29), date_iso="2024-11-29", last_day=date(2025, 2, 2))
    assert session.months == (11, 12, 1, 2)
    assert page_facets("timeline", "en", when=date(2024, 1, 1), date_label="2024", date_iso="2024").months == ()
    assert page_facets("country", "en", countries=("VN",)).months == ()


def test_publishers_are_named_once_and_left_to_the_page_in_another_language():
    facets = page_facets("timeline", "en", publishers=("UNODC", None, "UNODC", "Reuters"))
    assert facets.publishers == ("UNODC", "Reuters")
    assert facets.in_language("pl").publishers == ()  # the page's own stay in its stand-in


def test_a_sources_address_is_one_word_without_its_scheme_www_or_fragment():
    from archive_core.address_words import address_word

    assert address_word("https://www.un.org/en/x-y/#top") == "w03org0302un0200002en002002xy002"
    assert address_word("HTTP://un.org/en/x-y") == address_word("un.org/en/x-y/")
