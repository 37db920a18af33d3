"""About and methodology: one page per language from `content/about/about.<lang>.md`, linked from every footer.

The page's text is Markdown (no raw HTML) with a YAML front-matter `title:`;
`{repository_url}` in it becomes the REPOSITORY_URL setting. Below the text,
the page lists every correction made to the archive's data and articles, read
from the build context (`country_records`, `country_people`, `timeline_events`,
articles), newest first: a public archive hides none. The log is paginated as
`PAGINATED_TEMPLATES["about"]` says (`CORRECTIONS_PER_PAGE` when the settings
do not name the template): the about page holds the newest, `page/2/` and on
the older, each page linking to every other. Puts `about_pages` into the context: the footer
links to the page only when this plugin is on and the content has the page
(a content folder without `about/` builds without it).
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.about_pages import ABOUT_DIR, AboutPage, read_about_pages
from archive_core.errors import BuildFailed
from archive_core.page_ids import counterpart_anchors
from archive_core.repository import repository_of
from archive_core.timeline_pages import EventPages, events_per_page
from archive_core.urls import save_as
from archive_core.versions import versions

from .corrections import corrections_log

TEMPLATE = "about"
CORRECTIONS_PER_PAGE = 50  # a page of the log stays the same size however many corrections the archive gathers


class AboutGenerator(Generator):
    def generate_context(self) -> None:
        self.pages: dict[str, AboutPage] = {}
        if not (Path(self.path) / ABOUT_DIR).is_dir():
            return  # a content folder without an about page: no page, and no footer link to it
        try:
            self.pages = read_about_pages(Path(self.path), repository_of(self.settings))
        except Exception as exc:
            problem = getattr(exc, "problem", None)
            if problem is None:
                raise
            raise BuildFailed([problem]) from None
        self.context["about_pages"] = self.pages

    def generate_output(self, writer) -> None:
        if not self.pages:
            return
        pages = versions({lang: page.url for lang, page in self.pages.items()}, original=self.settings["DEFAULT_LANG"])
        alternates = pages.alternates(self.settings["SITEURL"])
        event_pages = EventPages(self.context.get("timeline_events") or (), events_per_page(self.settings))
        for lang, page in self.pages.items():
            log = corrections_log(self.context, lang, event_pages)
            writer.write_file(
                save_as(page.url),
                self.get_template(TEMPLATE),
                self.context,
                url=page.url,
                paginated={"articles": log},  # the key page_numbers.html reads: `articles_page`
                template_name=TEMPLATE,
                about=page,
                corrections=log,
                page_lang=lang,
                alternates=alternates,
                language_links=pages.language_links(lang),
                # The headings' ids differ by language: the language switch keeps the reader's (anchors.js).
                anchor_maps={
                    other: counterpart_anchors(page.html, other_page.html)
                    for other, other_page in self.pages.items()
                    if other != lang
                },
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def get_generators(pelican) -> type[Generator]:
    return AboutGenerator


def paginate_the_log(pelican) -> None:
    """Pelican's writer paginates only the templates its settings name: the log is paginated on any site.

    Into a copy: the settings' dict may be the one the caller gave the build, which a next build is given again."""
    templates = pelican.settings.get("PAGINATED_TEMPLATES") or {}
    pelican.settings["PAGINATED_TEMPLATES"] = {TEMPLATE: CORRECTIONS_PER_PAGE, **templates}


def register() -> None:
    signals.initialized.connect(paginate_the_log)
    signals.get_generators.connect(get_generators)
