"""Search for any Pelican site with Pagefind: the index at the end of every build, letters Pagefind cannot fold folded.

Settings (all optional; see README.md): SEARCH_INDEX, SEARCH_FOLDING,
SEARCH_PAGES, SEARCH_PAGE_TEMPLATE, SEARCH_EXCLUDE_SELECTORS,
SEARCH_INDEX_TIMEOUT. They are checked when Pelican starts
(`settings.search_settings`).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from blinker import signal
from pelican import signals
from pelican.generators import Generator

from .indexing import IndexPlan, IndexReport, build_planned_index, plan_index
from .rendering import also_folded, with_folded_terms
from .settings import search_settings

logger = logging.getLogger(__name__)
# Sent by the build's `finalized` receiver, every page written, just before the pages are read for the index and
# Pagefind's service (the build's largest process) starts: a receiver may let go of what the build no longer
# needs, such as the articles' rendered content. Sender: the Pelican object.
index_starting = signal("search_index_starting")


class SearchPageGenerator(Generator):
    """Writes the search page of each language in SEARCH_PAGES, with the theme's SEARCH_PAGE_TEMPLATE."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        search = search_settings(self.settings)
        for lang, url in search.pages.items():
            writer.write_file(
                f"{url}index.html" if url.endswith("/") else url,
                self.get_template(search.page_template),
                self.context,
                url=url,
                page_lang=lang,
                search_pages=search.pages,
                relative_urls=self.settings["RELATIVE_URLS"],
            )


def check_settings(pelican) -> None:
    search_settings(pelican.settings)  # a wrong value stops the build here, before anything is read


def add_template_helpers(generator) -> None:
    search = search_settings(generator.settings)
    generator.env.globals["search_url"] = search.page_url
    generator.env.filters["search_folding"] = with_folded_terms if search.folding == "template" else _unchanged
    generator.env.filters["search_also_folded"] = also_folded if search.folding != "off" else _unchanged


def _unchanged(html):
    return html


class _Indexing:
    """One build's search index: the pages read for it here (`plan_index`), then Pagefind run on a thread of its
    own while the other `finalized` receivers run (the sitemap reads every page too), its work in its process."""

    def __init__(self, pelican) -> None:
        self.search = search_settings(pelican.settings)
        self.started = time.perf_counter()
        previous = Path(self.search.previous_output) if self.search.previous_output else None
        self.plan: IndexPlan = plan_index(
            Path(pelican.output_path),
            folding=self.search.folding,
            timeout=self.search.index_timeout,
            previous=previous if previous is not None and previous.is_dir() else None,
        )
        self.report: IndexReport | None = None
        self.failure: BaseException | None = None
        # A daemon: a build that stops does not wait at exit for what is left of the index (see `abandon`).
        self.thread = threading.Thread(target=self._run, name="search-index", daemon=True)
        # Waited for instead of the thread: Python 3.11 marks a thread ended when a signal's exception interrupts
        # a `join` of it (CPython issue #90882), so a second `join`, after the build's SIGTERM, would not wait.
        self.done = threading.Event()

    def _run(self) -> None:
        try:
            self.report = build_planned_index(self.plan, self.search.exclude_selectors)
        except BaseException as exc:  # raised again by `finish`, in the build's thread
            self.failure = exc
        finally:
            self.done.set()

    def abandon(self) -> None:
        """Pagefind ended now, not waited for: the build failed or was stopped before `finish`.

        The index's thread sees the stop at its next look at Pagefind (which it then ends) or between two steps
        of its own; it is given ABANDON_WAIT seconds for that, and never more: it writes only into the build's
        staging folder, which the failed build removes (and a later build's `clean_leftovers` too).
        """
        self.plan.stop.set()
        if self.thread.ident is not None:  # started
            self.done.wait(ABANDON_WAIT)

    def finish(self) -> None:
        self.done.wait()
        if self.failure is not None:
            raise self.failure
        report = self.report
        languages = ", ".join(f"{lang}: {count}" for lang, count in sorted(report.pages_by_lang.items()))
        elapsed = time.perf_counter() - self.started
        taken = f"; taken from the last build: {', '.join(report.taken)}" if report.taken else ""
        logger.info("search: indexed %d pages (%s) in %.1f s%s", report.pages, languages, elapsed, taken)


ABANDON_WAIT = 5.0  # seconds; Pagefind is ended about a second after the stop (pagefind_compat.kill_service)
_indexing: dict[int, _Indexing] = {}  # by the build (its Pelican object's id), from start to finish


def start_index(pelican) -> None:
    if not search_settings(pelican.settings).index:  # a build whose pages are read, not searched
        return
    abandon_index()  # one build at a time: what a failed build left is ended
    index_starting.send(pelican)
    _indexing[id(pelican)] = indexing = _Indexing(pelican)
    indexing.thread.start()


def abandon_index() -> None:
    """After a failed or stopped build: the index it started is not waited for (at exit, or in a devserver)."""
    while _indexing:
        _indexing.popitem()[1].abandon()


def finish_index(pelican) -> None:
    """The index done (its failure raised here), after every other `finalized` receiver."""
    indexing = _indexing.get(id(pelican))
    if indexing is not None:
        indexing.finish()  # kept in `_indexing` until it is over: a build stopped meanwhile abandons it
        del _indexing[id(pelican)]


def wait_for_the_index_last(pelican) -> None:
    # Connected once every plugin has connected its own receivers (at `initialized`): it comes after theirs.
    signals.finalized.connect(finish_index)


def get_generators(pelican) -> type[Generator] | None:
    return SearchPageGenerator if search_settings(pelican.settings).pages else None


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
    signals.initialized.connect(wait_for_the_index_last)
    signals.finalized.connect(start_index)
