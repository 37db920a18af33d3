"""The search plugin's settings, typed and checked when Pelican starts (as MkDocs checks a plugin's config).

A wrong value stops the build at once with one line naming the setting, what
it must be, and an example, instead of failing half-way through a build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FOLDING_MODES = ("pages", "template", "off")


class SettingsError(SystemExit):
    """A setting of the search plugin has a value it cannot use: the build stops before it starts."""

    def __init__(self, name: str, message: str, example: str) -> None:
        super().__init__(f"search plugin: {name} {message} (for example: {name} = {example})")


@dataclass(frozen=True)
class SearchSettings:
    index: bool = True  # SEARCH_INDEX: write the Pagefind index at the end of every build
    folding: str = "pages"  # SEARCH_FOLDING: where the ASCII forms of unfoldable words come from
    pages: Mapping[str, str] = field(default_factory=dict)  # SEARCH_PAGES: language -> URL of its search page
    page_template: str = "search"  # SEARCH_PAGE_TEMPLATE: the theme's template for those pages
    exclude_selectors: tuple[str, ...] = ()  # SEARCH_EXCLUDE_SELECTORS: parts of indexed pages Pagefind skips
    index_timeout: float | None = None  # SEARCH_INDEX_TIMEOUT: seconds one run of Pagefind may take (None: by pages)
    # SEARCH_PREVIOUS_OUTPUT: the output folder of this site's last build (same settings, same Pagefind), for the
    # build tool to set: a language none of whose pages changed takes its index from there (see reuse.py)
    previous_output: str | None = None

    def page_url(self, lang: str) -> str | None:
        """The search page in `lang`, else the first one; None when the site has none."""
        return self.pages.get(lang) or next(iter(self.pages.values()), None)


def search_settings(settings: Mapping[str, Any]) -> SearchSettings:
    """The plugin's settings from Pelican's, each checked; raises SettingsError on the first wrong one."""
    defaults = SearchSettings()
    index = settings.get("SEARCH_INDEX", defaults.index)
    if not isinstance(index, bool):
        raise SettingsError("SEARCH_INDEX", f"must be True or False, not {index!r}", "False")
    folding = settings.get("SEARCH_FOLDING", defaults.folding)
    if folding not in FOLDING_MODES:
        raise SettingsError("SEARCH_FOLDING", f"must be one of {', '.join(map(repr, FOLDING_MODES))}", '"pages"')
    pages = settings.get("SEARCH_PAGES", defaults.pages)
    if not isinstance(pages, Mapping) or not all(
        isinstance(lang, str) and isinstance(url, str) and url and not url.startswith("/")
        for lang, url in pages.items()
    ):
        raise SettingsError(
            "SEARCH_PAGES",
            f"must map a language to the site-relative URL of its search page, not {pages!r}",
            '{"en": "search/"}',
        )
    template = settings.get("SEARCH_PAGE_TEMPLATE", defaults.page_template)
    if not isinstance(template, str) or not template:
        raise SettingsError("SEARCH_PAGE_TEMPLATE", f"must be a template name, not {template!r}", '"search"')
    selectors = settings.get("SEARCH_EXCLUDE_SELECTORS", defaults.exclude_selectors)
    if isinstance(selectors, str) or not all(isinstance(selector, str) for selector in selectors):
        raise SettingsError(
            "SEARCH_EXCLUDE_SELECTORS", f"must be a list of CSS selectors, not {selectors!r}", '[".meta"]'
        )
    timeout = settings.get("SEARCH_INDEX_TIMEOUT", defaults.index_timeout)
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0):
        raise SettingsError("SEARCH_INDEX_TIMEOUT", f"must be a number of seconds above 0, not {timeout!r}", "600")
    previous = settings.get("SEARCH_PREVIOUS_OUTPUT", defaults.previous_output)
    if previous is not None and (not isinstance(previous, str) or not previous):
        raise SettingsError(
            "SEARCH_PREVIOUS_OUTPUT", f"must be the path of the last build's output, not {previous!r}", '"output"'
        )
    return SearchSettings(index, folding, dict(pages), template, tuple(selectors), timeout, previous)
