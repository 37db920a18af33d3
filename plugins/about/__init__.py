"""About and methodology: one page per language from `content/about/about.<lang>.md`, linked from every footer.

The page's text is Markdown (no raw HTML) with a YAML front-matter `title:`;
`{repository_url}` in it becomes the REPOSITORY_URL setting. Below the text,
the page lists the newest `CORRECTIONS_SHOWN` corrections made to the archive's
data and articles, read from the build context (`country_records`,
`country_people`, `timeline_events`, articles), and how many there are in all
(each page shows its own corrections). Puts `about_pages` into the context: the footer
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
from archive_core.timeline_pages import EventPages, events_per_page
from archive_core.urls import save_as
from archive_core.versions import versions

from .corrections import corrections_log

CORRECTIONS_SHOWN = 50  # the page stays the same size however many corrections the archive gathers


class AboutGenerator(Generator):
    def generate_context(self) -> None:
        self.pages: dict[str, AboutPage] = {}
        if not (Path(self.path) / ABOUT_DIR).is_dir():
            return  # a content folder without an about page: no page, and no footer link to it
        try:
            self.pages = read_about_pages(Path(self.path), self.settings.get("REPOSITORY_URL", ""))
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
                self.get_template("about"),
                self.context,
                url=page.url,
                about=page,
                corrections=log[:CORRECTIONS_SHOWN],
                corrections_total=len(log),
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


def register() -> None:
    signals.get_generators.connect(get_generators)
