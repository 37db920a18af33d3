"""What a citation of one page says: title, authors, dates, the archive's URL and the original's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from archive_core.i18n import N_
from archive_core.summaries import plain_text

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class Reference:
    key: str  # the citation key: `hanoi-convention-signing-ceremony-en`
    kind: str  # "article" or "country"
    lang: str
    title: str
    authors: tuple[str, ...]  # organisations, cited as written
    container: str  # the archive's name, in the page's language
    issued: date  # the article's date; a country page's as-of date
    url: str  # the archived page, absolute
    page_url: str  # the same, site-relative (where the reference files are written)
    original_url: str | None = None
    original_accessed: date | None = None
    original_archived: str | None = None  # the archived copy the source gave (`archived:`), never a lookup
    translator: str | None = None
    translated_from: str | None = None
    abstract: str | None = None  # the article's summary (or lead) as plain text

    @property
    def files(self) -> dict[str, str]:
        """Site-relative addresses of the reference files, beside the page: `<page>/cite.bib`."""
        return {fmt: f"{self.page_url}cite.{extension}" for fmt, extension in EXTENSIONS.items()}


EXTENSIONS = {"bibtex": "bib", "ris": "ris", "csl": "json"}


def article_reference(article, siteurl: str, gettext: Gettext) -> Reference:
    """`article`: a Pelican article whose `archive` is archive_core.schema.ArticleMeta."""
    meta = article.archive
    source = meta.source
    published = meta.date.date()
    return Reference(
        key=f"{meta.translation_key}-{meta.lang}",
        kind="article",
        lang=meta.lang,
        title=meta.title,
        authors=(source.publisher,) if source and source.publisher else (),
        container=gettext(N_("Hanoi Convention Archive")),
        issued=published,
        url=f"{siteurl}/{article.url}",
        page_url=article.url,
        original_url=source.url if source else None,
        original_accessed=source.accessed if source else None,
        original_archived=source.archived if source else None,  # as given: a lookup nobody checked is no copy
        translator=meta.translation.by if meta.translation else None,
        translated_from=meta.translation.from_lang if meta.translation else None,
        # The metadata, not `article.summary`: that is memoized at its first reading, and read here, before Pelican
        # resolves the summary's {filename} links, it would keep them unresolved on every listing.
        abstract=" ".join(plain_text(article.metadata.get("summary") or "").split()) or None,
    )


def country_reference(page, as_of: date, siteurl: str, gettext: Gettext) -> Reference:
    """`page`: a country page (plugins/countries' CountryPage, read through the build context)."""
    record = page.record
    first = record.sources[0] if record.sources else None
    site_name = gettext(N_("Hanoi Convention Archive"))
    return Reference(
        key=f"country-{page.code.lower()}-{page.lang}",
        kind="country",
        lang=page.lang,
        title=gettext(N_("%(country)s: status in the UN Convention against Cybercrime")) % {"country": page.name},
        authors=(site_name,),
        container=site_name,
        issued=as_of,
        url=f"{siteurl}/{page.url}",
        page_url=page.url,
        original_url=first.url if first else None,
        original_accessed=first.accessed if first else None,
        original_archived=first.archived if first else None,
    )
