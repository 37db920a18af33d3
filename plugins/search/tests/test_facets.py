from datetime import datetime

import pytest

from search.facets import page_facets


def test_country_names_in_the_page_language_sorted():
    facets = page_facets("article", "pl", when=datetime(2025, 10, 26, 12), countries=("VN", "BY", "EU"))
    assert facets.countries == ("Białoruś", "Unia Europejska", "Wietnam")
    assert facets.year == "2025"
    assert page_facets("article", "en", countries=("VN",)).countries == ("Vietnam",)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown search kind 'blog'"):
        page_facets("blog", "pl")
