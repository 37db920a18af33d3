"""WCAG 2.2, 3.1.2 Language of Parts: on the fixture archive's pages, every text in a known language other than the
page's says so (`lang`): another language's article titles, summaries and topic names, and a source's title whose
record gives its language (`lang:`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

LANGUAGES = ("pl", "en")
# The fixture's source whose record gives its language (tests/fixtures/content/data/convention.yaml), and one that
# does not: its title is shown unmarked, in whatever language the page is.
SOURCE_IN_ENGLISH = ("https://example.org/depositary/status", "Fixture depositary status page")
SOURCE_UNSAID = "https://example.org/depositary/entry-into-force"
COUNTRIES = {"pl": "pl/kraje/index.html", "en": "en/countries/index.html"}


def language_of(element: lxml.html.HtmlElement) -> str | None:
    """The language a reader's software reads `element` in: its own `lang`, else its nearest ancestor's."""
    return next((e.get("lang") for e in (element, *element.iterancestors()) if e.get("lang")), None)


def shown_elements(site: Path) -> Iterator[tuple[str, lxml.html.HtmlElement]]:
    """Each element a reader is shown (not the head, not a hidden part) of every page, with the page's path."""
    for path in site.rglob("*.html"):
        body = lxml.html.parse(str(path)).getroot().find("body")
        if body is None:
            continue
        for element in body.iter():
            if isinstance(element.tag, str) and element.tag not in ("script", "style") and not is_hidden(element):
                yield str(path.relative_to(site)), element


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    return any(e.get("hidden") is not None for e in (element, *element.iterancestors()))


@pytest.fixture(scope="module")
def texts_by_language(fixture_site: Path) -> dict[str, str]:
    """Every article title and topic name of the fixture, with its language, as the page of its own shows it; a
    text both languages write alike is no part of one."""
    found: dict[str, set[str]] = {}
    for path in fixture_site.rglob("*.html"):
        page = lxml.html.parse(str(path)).getroot()
        heading = page.find(".//main//h1") if page.find(".//article") is not None else None
        if heading is not None and (lang := language_of(heading)) in LANGUAGES:
            found.setdefault(heading.text_content().strip(), set()).add(lang)
    return {text: langs.pop() for text, langs in found.items() if len(langs) == 1 and text}


def test_every_text_of_another_language_says_its_language(fixture_site: Path, texts_by_language: dict[str, str]):
    unmarked = [
        (page, element.tag, text, language_of(element), texts_by_language[text])
        for page, element in shown_elements(fixture_site)
        if (text := element.text_content().strip()) in texts_by_language
        and language_of(element) != texts_by_language[text]
    ]
    assert unmarked == []
    assert any(lang == "en" for lang in texts_by_language.values()), "the fixture has English titles to check"


@pytest.mark.parametrize("page_lang", LANGUAGES)
def test_a_source_title_is_marked_with_the_language_its_record_gives(fixture_site: Path, page_lang: str):
    page = lxml.html.parse(str(fixture_site / COUNTRIES[page_lang])).getroot()
    url, title = SOURCE_IN_ENGLISH
    (link,) = page.xpath("//a[@href=$url]", url=url)
    assert link.text_content() == title and language_of(link) == "en"
    assert link.get("lang") == ("en" if page_lang != "en" else None)  # said once, where it differs
    # The archived copy's link ends with the title, for a list of the page's links: in its language too.
    (named,) = [e for e in page.iter("bdi") if e.text_content() == title]
    assert language_of(named) == "en"
    (unsaid,) = page.xpath("//a[@href=$url]", url=SOURCE_UNSAID)
    assert unsaid.get("lang") is None and language_of(unsaid) == page_lang
