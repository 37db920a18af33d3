"""Names and slugs from CLDR, each language's alphabetical order, regions from CLDR containment."""

from __future__ import annotations

import pytest

from archive_core.collation import collated
from countries.regions import continent
from countries.views import country_links


@pytest.mark.parametrize(
    ("code", "lang", "name", "url"),
    [
        ("VN", "pl", "Wietnam", "pl/kraje/wietnam/"),
        ("BY", "pl", "Białoruś", "pl/kraje/bialorus/"),
        ("ZA", "pl", "Republika Południowej Afryki", "pl/kraje/republika-poludniowej-afryki/"),
        ("VN", "en", "Vietnam", "en/countries/vietnam/"),
        ("BY", "en", "Belarus", "en/countries/belarus/"),
        ("ZA", "en", "South Africa", "en/countries/south-africa/"),
        ("EU", "pl", "Unia Europejska", "pl/kraje/unia-europejska/"),
    ],
)
def test_cldr_names_and_localized_slugs(code, lang, name, url):
    (link,) = country_links([code], lang)
    assert (link.name, link.url) == (name, url)


def test_polish_order_puts_l_stroke_after_l_and_s_acute_after_s():
    names = ["Łotwa", "Szwecja", "Święta Lucia", "Litwa", "Luksemburg", "Szwajcaria", "Mali", "Sri Lanka"]
    assert collated(names, "pl") == [
        "Litwa",
        "Luksemburg",
        "Łotwa",
        "Mali",
        "Sri Lanka",
        "Szwajcaria",
        "Szwecja",
        "Święta Lucia",
    ]


def test_country_links_follow_each_languages_order():
    codes = ["LV", "SE", "LK", "LT", "LU", "CH"]
    polish = [link.name for link in country_links(codes, "pl")]
    assert polish == ["Litwa", "Luksemburg", "Łotwa", "Sri Lanka", "Szwajcaria", "Szwecja"]
    assert polish != sorted(polish)  # code-point order would put Łotwa last
    english = [link.name for link in country_links(codes, "en")]
    assert english == ["Latvia", "Lithuania", "Luxembourg", "Sri Lanka", "Sweden", "Switzerland"]


@pytest.mark.parametrize(
    ("code", "region"), [("VN", "142"), ("ZA", "002"), ("BY", "150"), ("MX", "019"), ("EU", "150")]
)
def test_regions_come_from_cldr_containment(code, region):
    assert continent(code) == region
