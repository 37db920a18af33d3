"""The language versions of a page: one x-default policy for every kind of page, and the language switch."""

from __future__ import annotations

from archive_core.versions import Alternate, LanguageLink, versions

HOMES = {"pl": "pl/", "en": "en/"}


def test_alternates_in_the_archive_languages_order_then_x_default():
    page = versions({"en": "en/timeline/", "pl": "pl/os-czasu/"}, original="pl")
    assert page.alternates("https://e.org") == [
        Alternate("pl", "https://e.org/pl/os-czasu/"),
        Alternate("en", "https://e.org/en/timeline/"),
        Alternate("x-default", "https://e.org/pl/os-czasu/"),
    ]


def test_x_default_is_the_neutral_version_then_the_original_then_the_page_itself():
    urls = {"pl": "pl/2025/a/", "en": "en/2025/a/"}
    assert versions(HOMES, original="pl", neutral="").x_default == ""  # the language chooser at /
    assert versions(urls, original="en", current="pl").x_default == "en/2025/a/"
    # A translation whose original is not in the archive: each version is its own x-default.
    assert versions({"en": "en/2025/a/"}, original=None, current="en").x_default == "en/2025/a/"
    assert versions({"en": "en/2025/a/"}, original="pl", current="en").x_default == "en/2025/a/"


def test_the_language_switch_falls_back_to_the_home_page_of_a_missing_language():
    page = versions({"en": "en/2025/a/"}, current="en")
    assert page.language_links("en", HOMES) == [LanguageLink("pl", "pl/", False)]
    both = versions({"pl": "pl/2025/a/", "en": "en/2025/a/"}, original="pl")
    assert both.language_links("pl") == [LanguageLink("en", "en/2025/a/", True)]
