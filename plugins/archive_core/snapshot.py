"""One snapshot of the content: every article, event, country record and person, read once, and every problem.

`make check`, the build and the devserver all take their view of the content
from `take()`, so they read each file once and report exactly the same
problems: those of each file as it is read, then those of `checks.CHECKS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from . import about_pages
from .articles import ArticleDocument, RefusedArticle
from .cache import ContentCache
from .checks import CHECKS, told_once
from .country_data import CountryData, load_country_data
from .country_names import CountryForms, load_country_names
from .data import DataFile, recording, with_yaml_problems
from .errors import BuildFailed, Problem, by_file, in_folder
from .events import Event, load_events
from .layout import ARTICLE_DIRS, ARTICLE_SUFFIX, Layout
from .other_names import NamesTable, load_names
from .paths import Listing, content_listing
from .reading import article_files, read_articles
from .schema import SLUG_MAX_LENGTH, is_slug, is_translation_key
from .sources import with_publishers
from .suggestions import as_slug
from .topics import TopicPair, load_topic_pairs

# Where a build keeps its snapshot in Pelican's context, for every plugin (and the reader) to share.
CONTEXT_KEY = "content_snapshot"


@dataclass(frozen=True)
class ContentSnapshot:
    content_dir: Path
    articles: tuple[ArticleDocument, ...]  # the articles that read cleanly, in file order
    events: tuple[Event, ...]  # timeline events without problems
    countries: CountryData  # country records and people without problems
    reading_problems: tuple[Problem, ...] = ()  # of each article file as it was read, its source's included
    data_problems: tuple[Problem, ...] = ()  # of the curated data files (countries, people, timeline, ...)
    problems: tuple[Problem, ...] = field(default=(), compare=False)  # all of them, checks included: see `checked`
    topic_pairs: tuple[TopicPair, ...] = ()  # content/data/topics.yaml: a topic's Polish and English names
    country_forms: tuple[CountryForms, ...] = ()  # content/data/country-names.yaml: names CLDR lacks
    names: NamesTable = field(default_factory=NamesTable)  # content/data/names.yaml: other names of one thing
    layout: Layout = field(default_factory=Layout)  # where each kind of file is (ARTICLE_PATHS: a setting)
    # The curated data files as read, by absolute path: where the checks that compare them find lines.
    data_files: Mapping[Path, DataFile] = field(default_factory=dict, compare=False, repr=False)
    # The article files refused, for problems of their own or for their place, by what of each read well and its
    # place does not contradict (`reading.read_articles`): the checks of several files compare them too.
    refused_versions: tuple[RefusedArticle, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity != "error"]

    @cached_property
    def translation_keys(self) -> frozenset[str]:
        """The articles that exist: what events and people may refer to."""
        return frozenset(doc.meta.translation_key for doc in self.articles)

    @cached_property
    def refused_articles(self) -> frozenset[str]:
        """The article files refused for an error of their own (absolute paths), which their problems tell."""
        read = {os.path.abspath(doc.path) for doc in self.articles}
        failed = {os.path.abspath(problem.path) for problem in self.reading_problems if problem.severity == "error"}
        return frozenset(path for path in failed - read if path.endswith(ARTICLE_SUFFIX))

    @cached_property
    def referable_keys(self) -> frozenset[str]:
        """The translation_keys events and people may name: the articles read, and those refused for an error of
        their own, by their file's name (`<translation_key>.<lang>.md`). What names a refused article waits until
        it reads: one typo in an article made every event and person naming it say there is no such article. A
        name no key may be (`łódź-konferencja`) is the key its file is told to take (`lodz-konferencja`), which a
        hint may propose. Only a key a valid article could have: not `con` of a refused `cón.pl.md`, which names a
        device on Windows (`schema.is_translation_key`)."""
        named = (Path(path).name.removesuffix(ARTICLE_SUFFIX).rpartition(".")[0] for path in self.refused_articles)
        keys = (key if is_slug(key) else as_slug(key, SLUG_MAX_LENGTH) for key in named)
        return self.translation_keys | {key for key in keys if key and is_translation_key(key)}

    @cached_property
    def _by_path(self) -> dict[str, ArticleDocument]:
        return {os.path.abspath(doc.path): doc for doc in self.articles}

    @cached_property
    def listing(self) -> Listing:
        """Every entry of the content folder as it is when first asked: one walk for all of `CHECKS`."""
        return content_listing(self.content_dir)

    def document(self, path: str | Path) -> ArticleDocument | None:
        return self._by_path.get(os.path.abspath(path))

    def checked(self) -> ContentSnapshot:
        """This snapshot with `problems`: reading problems, those of every check, then those of the data files.

        Each problem once: the content tree and the listing of the articles can name one entry twice. Each file's
        problems together, in the file's line order (`errors.by_file`).
        """
        found = told_once([problem for check in CHECKS for problem in check(self)], self.content_dir)
        problems = dict.fromkeys((*self.reading_problems, *found, *self.data_problems))
        return replace(self, problems=in_folder(by_file(problems), self.content_dir))

    def _read_order(self, article: ArticleDocument | RefusedArticle) -> tuple[int, tuple[str, ...]]:
        """Where `article` comes in the files `take` reads (`reading.article_files`): by article folder, in the
        layout's order, then as a sorted walk lists them, by the parts of their paths."""
        path = Path(os.path.abspath(article.path))
        content_dir = Path(os.path.abspath(self.content_dir))
        folders = self.layout.article_dirs
        for index, folder in enumerate(folders):
            if path.is_relative_to(content_dir / folder):
                return index, path.relative_to(content_dir / folder).parts
        return len(folders), path.parts

    def updated(self, paths: Iterable[Path]) -> ContentSnapshot:
        """This snapshot with the articles at `paths` read again (each an article file), and checked again."""
        paths = [Path(path) for path in paths]
        again = {os.path.abspath(path) for path in paths}
        docs, problems, refused = read_articles(self.content_dir, paths, self.layout)
        docs, source_problems = with_publishers(self.content_dir, docs)
        problems += source_problems
        # In the order a check reads the files (`take`), whichever were read again: of equals, the first read is the
        # one a check names (the spelling of a tag a hint proposes).
        order = self._read_order
        articles = sorted((*(doc for doc in self.articles if os.path.abspath(doc.path) not in again), *docs), key=order)
        reading = (*(p for p in self.reading_problems if os.path.abspath(p.path) not in again), *problems)
        kept = [article for article in self.refused_versions if os.path.abspath(article.path) not in again]
        snapshot = replace(
            self,
            articles=tuple(articles),
            reading_problems=tuple(reading),
            refused_versions=tuple(sorted((*kept, *refused), key=order)),
        )
        if snapshot.referable_keys != self.referable_keys:  # events and people refer to articles by key
            snapshot = _with_data(snapshot)
        return snapshot.checked()


def take(
    content_dir: Path,
    article_dirs: Iterable[str] = ARTICLE_DIRS,
    workers: int = 1,
    cache: ContentCache | None = None,
    progress: Callable[..., None] | None = None,
    today: date | None = None,
) -> ContentSnapshot:
    """Read every content file under `content_dir` once, and check it all.

    The result does not depend on `workers` or `cache` (see `reading.read_articles`).
    `progress(total=n)` is called once the article files are known, then
    `progress(advance=n)` as they are read.
    """
    content_dir = Path(content_dir)
    layout = Layout.of(article_dirs)
    about_pages.forget()
    files, problems = article_files(content_dir, layout)
    advance = None
    if progress is not None:
        progress(total=len(files))

        def advance(count: int) -> None:
            progress(advance=count)

    docs, read_problems, refused = read_articles(
        content_dir, files, layout, workers=workers, cache=cache, progress=advance
    )
    # Each article names its publisher from here on: given, or taken from data/publishers.yaml.
    docs, source_problems = with_publishers(content_dir, docs)
    reading = (*problems, *read_problems, *source_problems)
    snapshot = ContentSnapshot(
        content_dir, tuple(docs), (), CountryData(), reading, layout=layout, refused_versions=tuple(refused)
    )
    return _with_data(snapshot, today).checked()


def shared(context: dict, content_dir: Path) -> ContentSnapshot:
    """The build's snapshot, kept in Pelican's `context`: the one taken there (by the reader), or one taken now.

    A build stops on any error of it (every problem is listed), as `make check` would.
    """
    snapshot = context.get(CONTEXT_KEY)
    if snapshot is None:
        snapshot = context[CONTEXT_KEY] = take(content_dir)
    if snapshot.errors:
        raise BuildFailed(snapshot.problems)
    return snapshot


def _with_data(snapshot: ContentSnapshot, today: date | None = None) -> ContentSnapshot:
    keys = snapshot.referable_keys
    with recording() as data_files:
        countries, country_problems = load_country_data(snapshot.content_dir, keys, today)
        events, event_problems = load_events(snapshot.content_dir, keys)
        topic_pairs, topic_problems = load_topic_pairs(snapshot.content_dir)
        country_forms, name_problems = load_country_names(snapshot.content_dir)
        names, other_name_problems = load_names(snapshot.content_dir)
    return replace(
        snapshot,
        events=tuple(events),
        countries=countries,
        topic_pairs=topic_pairs,
        country_forms=country_forms,
        names=names,
        data_files=data_files,
        data_problems=tuple(
            with_yaml_problems(
                data_files.values(),
                (*country_problems, *event_problems, *topic_problems, *name_problems, *other_name_problems),
            )
        ),
    )
