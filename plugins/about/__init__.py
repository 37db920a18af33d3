"""About and methodology: one page per language from `content/about/about.<lang>.md`, linked from every footer.

The page's text is Markdown (no raw HTML) with a YAML front-matter `title:`;
`{repository_url}` in it becomes the REPOSITORY_URL setting. Below the text,
the page lists every correction made to the archive's data and articles, read
from the build context (`country_records`, `country_people`, `timeline_events`,
articles), newest first. Puts `about_pages` into the context: the footer
links to the page only when this plugin is on and the content has the page
(a content folder without `about/` builds without it).
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from archive_core.errors import BuildFailed, content_error
from archive_core.frontmatter import load, read_text, split
from archive_core.locales import LANGUAGES
from archive_core.urls import save_as, section_url
from archive_core.versions import versions

from .corrections import corrections_log
from .render import render_markdown

ABOUT_DIR = Path("about")


class AboutPage:
    def __init__(self, lang: str, title: str, html: str) -> None:
        self.lang = lang
        self.title = title
        self.html = html
        self.url = section_url("about", lang)


def read_about(content_dir: Path, lang: str, repository_url: str) -> AboutPage:
    path = content_dir / ABOUT_DIR / f"about.{lang}.md"
    if not os.path.lexists(path):
        raise content_error(path, None, "file", "is missing", f"write the about page in {lang}, or turn off `about`")
    doc = split(read_text(path, content_dir), path)
    meta = load(doc)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise content_error(path, 2, "title", "is missing", "add `title: ...` to the front-matter")
    for key in meta:
        if key != "title":
            raise content_error(path, 2, str(key), "is not a known field", "the about page has only `title:`")
    return AboutPage(lang, title.strip(), render_markdown(doc.body.replace("{repository_url}", repository_url)))


class AboutGenerator(Generator):
    def generate_context(self) -> None:
        self.pages: dict[str, AboutPage] = {}
        if not (Path(self.path) / ABOUT_DIR).is_dir():
            return  # a content folder without an about page: no page, and no footer link to it
        try:
            self.pages = {
                lang: read_about(Path(self.path), lang, self.settings.get("REPOSITORY_URL", "")) for lang in LANGUAGES
            }
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
        for lang, page in self.pages.items():
            writer.write_file(
                save_as(page.url),
                self.get_template("about"),
                self.context,
                url=page.url,
                about=page,
                corrections=corrections_log(self.context, lang),
                page_lang=lang,
                alternates=alternates,
                language_links=pages.language_links(lang),
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def get_generators(pelican) -> type[Generator]:
    return AboutGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
