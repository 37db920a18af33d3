"""What a page tells the search index about itself: kind, date, countries, summary.

Templates render a `SearchFacets` with `partials/search_facets.html` as
Pagefind filters, metadata and a sort key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from archive_core.address_words import address_word
from archive_core.countries import code_words, country_name
from archive_core.country_names import CountryNameIndex
from archive_core.other_names import NamesTable
from archive_core.schema import ArticleMeta
from archive_core.spellings import BRITISH, american_spellings
from archive_core.summaries import plain_text

KINDS = ("article", "timeline", "country")

NO_NAMES = NamesTable()


@dataclass(frozen=True)
class SearchFacets:
    kind: str  # one of KINDS
    date: date | None  # the year filter and the sort key
    countries: tuple[str, ...]  # names in the page's language
    summary: str  # plain text
    date_label: str = ""  # the date as shown, when not the whole day: `grudzień 2024`, `25–26 October 2025`
    date_iso: str = ""  # the same for `<time datetime>`: `2024-12`
    codes: tuple[str, ...] = ()  # the countries' codes, for their other names (`country_search_terms`)
    last_day: date | None = None  # the end of a range of days (a session: 29 July - 9 August 2024)
    publishers: tuple[str, ...] = ()  # who published the page's sources (an article's original)
    names: str = ""  # every name of each thing the page names (content/data/names.yaml), `·`-separated
    addresses: tuple[str, ...] = ()  # the addresses of the page's sources (an article's original)
    named_codes: tuple[str, ...] = ()  # the countries its text names, not among `codes` (`named_countries`)
    spellings: str = ""  # the American spellings of its British words (`organization`), space-separated

    @property
    def address_words(self) -> str:
        """The addresses of the page's sources as the index holds them (`address_word`), space-separated."""
        return " ".join(dict.fromkeys(address_word(url) for url in self.addresses))

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""

    @property
    def topic(self) -> str:
        """What a country page is the archive's page on: its country.

        Searched as the `topic` metadata field, weighted high (docs/search-relevance.md), so that
        "Polska" finds the country's page first; the template adds the name as written without
        Polish letters (the search plugin's `search_also_folded`), for "Bialorus". Other pages have no topic.
        """
        return " ".join(self.countries) if self.kind == "country" else ""

    @property
    def topic_codes(self) -> str:
        """A country page's country by its ISO codes (`c0vn c0vnm`: `countries.code_words`), which no page's text
        writes: the search page searches a code typed that no page holds as a word so (`VN`, `vnm`). Other pages have
        none."""
        return " ".join(code_words(code) for code in self.codes) if self.kind == "country" else ""

    @property
    def days(self) -> tuple[date, ...]:
        """The days the page is dated to, every day of a range; none for a month or no date."""
        if not self.date or self.iso != self.date.isoformat():
            return ()
        span = ((self.last_day or self.date) - self.date).days
        return tuple(self.date + timedelta(days=offset) for offset in range(span + 1))

    @property
    def months(self) -> tuple[int, ...]:
        """The months (1-12) the page is dated in, each once, for a date as precise as a month: a reader types
        "grudzień 2025" for what the page dates "3 grudnia 2025". None for a year alone or no date."""
        if not self.date or len(self.iso) == len("2025"):
            return ()
        end = self.last_day or self.date
        span = (end.year - self.date.year) * 12 + end.month - self.date.month
        return tuple(dict.fromkeys((self.date.month - 1 + offset) % 12 + 1 for offset in range(span + 1)))

    def in_language(self, lang: str) -> SearchFacets:
        """What the page tells the index of `lang`, which has no version of it (the search plugin's stand-ins):
        the same facets with the countries' names in `lang`. No summary, country terms or publishers: the page's
        own stay, the same in any language. Its sources' addresses stay: pasted, they find it in either language."""
        names = tuple(sorted((country_name(code, lang) for code in self.codes), key=str.casefold))
        return replace(self, countries=names, summary="", codes=(), publishers=(), named_codes=(), spellings="")

    @property
    def iso(self) -> str:
        """`2025-10-26`, or `date_iso` when given (`2024-12`)."""
        return self.date_iso or (self.date.isoformat() if self.date else "")


def page_facets(
    kind: str,
    lang: str,
    when: date | datetime | None = None,
    countries: tuple[str, ...] = (),
    summary: str = "",
    date_label: str = "",
    date_iso: str = "",
    last_day: date | None = None,
    publishers: tuple[str | None, ...] = (),
) -> SearchFacets:
    """Facets for any page: `page_facets("timeline", "pl", when=..., countries=("VN",))`.

    `date_label` and `date_iso` are for a date that is not a single day (a month, a range);
    by default the date is shown as a day in the page's language. `last_day` ends a range of days.
    `publishers`: of the page's sources, each once (None, an unnamed one, left out).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown search kind {kind!r}; known: {', '.join(KINDS)}")
    day = when.date() if isinstance(when, datetime) else when
    names = tuple(sorted((country_name(code, lang) for code in countries), key=str.casefold))
    return SearchFacets(
        kind=kind,
        date=day,
        countries=names,
        summary=" ".join(summary.split()),
        date_label=date_label,
        date_iso=date_iso,
        codes=tuple(sorted(set(countries))),
        last_day=last_day,
        publishers=tuple(dict.fromkeys(name for name in publishers if name)),
    )


def article_facets(
    meta: ArticleMeta,
    summary_html: str,
    body_html: str = "",
    names: NamesTable = NO_NAMES,
    country_names: CountryNameIndex | None = None,
) -> SearchFacets:
    """Facets of an archive article: its date, countries, summary (HTML the reader rendered; its text is kept), the
    publisher of its original, the other names of what its title, note, summary or body names (`names`), the
    countries they name that it is not about (`country_names`), and the American spellings of its British words."""
    summary = plain_text(summary_html)
    body = plain_text(body_html) if names.things or country_names or meta.lang == BRITISH else ""
    written = (meta.title, meta.editor_note or "", summary, body)
    facets = page_facets(
        "article",
        meta.lang,
        when=meta.date,
        countries=meta.countries,
        summary=summary,
        publishers=(meta.source.publisher if meta.source else None,),
    )
    addresses = (meta.source.url,) if meta.source else ()
    named = named_countries("\n".join(written), facets.codes, country_names)
    return replace(
        facets,
        names=names.search_terms("\n".join(written)),
        addresses=addresses,
        named_codes=named,
        spellings=american_spellings("\n".join(written), meta.lang),
    )


def named_countries(text: str, codes: tuple[str, ...], country_names: CountryNameIndex | None) -> tuple[str, ...]:
    """The countries `text` names in any of their names (`France`, `Francji`) that are not among `codes` (whose names
    the page carries already): each a hidden search term of the page, in all its names, so that `Francja` finds on
    the English site the page that writes `France` (docs/search-relevance.md, "What a page is found by")."""
    return tuple(code for code in country_names.named_in(text) if code not in codes) if country_names else ()
