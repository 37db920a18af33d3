"""The site's URL scheme."""

from __future__ import annotations

from archive_core import countries, urls
from archive_core.locales import LANGUAGES
from archive_core.urls import country_url, page_url, save_as, section_url


def test_page_url_is_what_a_static_host_serves():
    assert page_url("index.html") == ""
    assert page_url("pl/2025/x/index.html") == "pl/2025/x/"
    assert page_url("404.html") == "404.html"


def test_save_as_and_page_url_are_inverses():
    for url in (section_url("timeline", "pl"), country_url("VN", "en"), "en/", "404.html"):
        assert page_url(save_as(url)) == url


def test_every_code_the_schema_accepts_has_a_page_in_every_language():
    for code in countries.known_codes():
        for lang in LANGUAGES:
            assert country_url(code, lang).startswith(section_url("countries", lang)), (code, lang)


def test_the_pages_anchors_are_spelt_once():
    assert urls.year_anchor(2025) == "year-2025" and urls.year_anchor(2025).startswith(urls.YEAR_ANCHOR_PREFIX)
    assert urls.month_anchor(3) == "m-03" and urls.month_anchor(3, continued_on=2) == "m-03-2"
    assert urls.article_anchor("signing") == "article-signing"
