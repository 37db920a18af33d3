"""What plugins write through Pelican's writer: a page of one language with its versions, and non-HTML files
(through the writer too, so that the output guard and the devserver see them)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .urls import save_as
from .versions import Versions


def write_page(
    generator: Any,
    writer: Any,
    template: str,
    url: str,
    lang: str,
    page_versions: Versions,
    homes: Mapping[str, str] | None = None,
    articles: Iterable[Any] | None = None,
    paginated_as: str | None = None,
    **context: Any,
) -> None:
    """Write the page at `url` (site-relative) from `generator`'s `template`, in `lang`: with the hreflang
    alternates and the language switch of `page_versions` (`homes`: where the switch leads where the page has
    no version), and `context` (the page's own objects). `articles`: the page lists them, paginated as
    PAGINATED_TEMPLATES says for `template` (or for `paginated_as`, where another template's pages are split alike)."""
    if articles is not None:
        context.update(paginated={"articles": list(articles)}, template_name=paginated_as or template)
    writer.write_file(
        save_as(url),
        generator.get_template(template),
        generator.context,
        url=url,
        page_lang=lang,
        alternates=page_versions.alternates(generator.settings["SITEURL"]),
        language_links=page_versions.language_links(lang, homes),
        relative_urls=generator.settings["RELATIVE_URLS"],
        **context,
    )


def written_together(writer: Any) -> contextlib.AbstractContextManager:
    """`with written_together(writer):` around a generator's pages: the writer's way of writing many pages at once
    (parallel_writer's `in_two_processes`), where it has one; else each is written as it comes."""
    together = getattr(writer, "in_two_processes", None)
    return together() if callable(together) else contextlib.nullcontext()


class TextDocument:
    """Stands in for a template: `writer.write_file(path, TextDocument(text), context)` writes `text` as it is.

    `text` may be a function that makes it: called only if the file is written here, not when a writer links
    it from the last build (after an edit) or has another process write it.
    """

    def __init__(self, text: str | Callable[[], str]) -> None:
        self._text = text

    def render(self, context: dict) -> str:
        text = self._text() if callable(self._text) else self._text
        return text if text.endswith("\n") else text + "\n"


def absolute_siteurl(settings: dict) -> str:
    """`SITEURL` when it is absolute (a publish build), else `LOCAL_SITEURL` (where `make serve` serves)."""
    siteurl = settings.get("SITEURL", "")
    return siteurl if siteurl.startswith(("http://", "https://")) else settings.get("LOCAL_SITEURL", siteurl)


def records_json(data: Mapping[str, Any]) -> str:
    """`data` as JSON, each key on a line, and each item of a list on a line of its own: a record a line.

    A diff of two builds shows which records changed. (Python writes JSON in C only without `indent=`:
    an indented dump of 10,000 records was a second and a half of an update.)
    """

    def value(item: Any) -> str:
        if isinstance(item, list) and item:
            return "[\n" + ",\n".join(f"    {_json(record)}" for record in item) + "\n  ]"
        return _json(item)

    return "{\n" + ",\n".join(f"  {_json(key)}: {value(item)}" for key, item in data.items()) + "\n}\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
