"""Read every article of a content folder, collecting all problems at once."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archive_core import paths
from archive_core.errors import ContentError, Problem, display_path, in_file_order

from .articles import ArticleDocument, ArticleRefused, RefusedArticle, parse_article
from .cache import ContentCache
from .file_place import misplaced, misplaced_refused
from .layout import ARTICLE_SUFFIX, Layout
from .locales import LANGUAGES
from .paths import portable_name_problem
from .schema import SLUG_MAX_LENGTH, default_slug, is_slug
from .urls import PAGINATION_FOLDER
from .workers import fork_context
from .yaml_tags import as_written

# Below this many files per process, starting a pool costs more than it saves.
MIN_FILES_PER_WORKER = 32
CHUNK_SIZE = 64


def article_files(content_dir: Path, layout: Layout) -> tuple[list[Path], list[Problem]]:
    """All files under the article folders; anything that is not `.md` is a problem, not skipped.

    Listed by `paths.list_files`: a link leaving the content folder, a loop, a
    FIFO or device, a folder named like an article, each is a problem too.
    """
    files, problems = [], []
    for folder in layout.article_dirs:
        listing = paths.list_files(content_dir, content_dir / folder, folder_suffixes=(ARTICLE_SUFFIX,))
        problems += listing.problems
        for path in listing.files:
            if path.suffix == ARTICLE_SUFFIX:
                files.append(path)
            else:
                named = f"articles are named <translation_key>.<lang>{ARTICLE_SUFFIX}"
                renamed = _article_name(path, content_dir)
                hint = (
                    f"rename it to {renamed}: {named}"
                    if renamed
                    else f"{named}; move other files out of content/{folder}"
                )
                problems.append(Problem(str(path), None, "file", "is not a Markdown article", hint))
    return files, problems


def _article_name(path: Path, content_dir: Path) -> str | None:
    """The name an article saved under another extension is read by, where its name or its text says it is one:
    `<something>.<lang>.<other extension>` (`proba-y.pl.markdown`, `.pl.txt`), `.md` in other capitals (`.pl.MD`),
    or a file whose first line is the front matter's `---`; None where that name is another file's (the hint to
    move the file out stays: a rename would overwrite it), or the file is none of these. Told to move it out of the
    article folders, a writer lost the article."""
    stem = path.stem[: -len(ARTICLE_SUFFIX)] if path.stem.lower().endswith(ARTICLE_SUFFIX) else path.stem
    if not stem:
        return None
    renamed = path.with_name(stem + ARTICLE_SUFFIX)
    said = (
        path.suffix.lower() == ARTICLE_SUFFIX
        or Path(stem).suffix[1:] in LANGUAGES
        or _opens_front_matter(path, content_dir)
    )
    # Not over another file, in any capitals (`.MD` renamed `.md` is the file itself where names ignore case): on
    # every file system, which a checkout on macOS or Windows could not hold beside it on Linux.
    there = paths.found_in_any_case(content_dir, renamed)
    if not said or (there is not None and not _same_file(path, there)):
        return None
    return renamed.name


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _opens_front_matter(path: Path, content_dir: Path) -> bool:
    """Whether the file's first line is `---` (a byte order mark before it, as an editor may save it, aside); the
    file is opened only where it is a regular one inside the content folder, and one line of it read."""
    try:
        with open(paths.regular_file(path, content_dir), "rb") as file:
            first = file.readline(64)
    except (ContentError, OSError):
        return False
    return first.removeprefix(b"\xef\xbb\xbf").rstrip() == b"---"


def expected_path(content_dir: Path, doc: ArticleDocument, layout: Layout) -> Path:
    """Where the article belongs by its front-matter, in the article folder it was found in."""
    meta = doc.meta
    path, folder = Path(os.path.abspath(doc.path)), Path(os.path.abspath(content_dir))
    found_at = path.relative_to(folder) if path.is_relative_to(folder) else None
    return content_dir / layout.article_path(meta.date.year, meta.translation_key, meta.lang, found_at)


def read_articles(
    content_dir: Path,
    files: Iterable[Path],
    layout: Layout,
    workers: int = 1,
    cache: ContentCache | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[ArticleDocument], list[Problem], list[RefusedArticle]]:
    """Read `files` in order; the result is the same whatever `workers` and `cache` are: the articles read, every
    problem, and the articles refused, for problems of their own or for their place, by what of each read well and
    its place does not contradict (`articles.RefusedArticle`), which the checks of several files compare.

    Files missing from `cache` are read by `workers` processes (forked, so they
    start at once with the plugins already imported), in chunks, and results
    come back in the order of `files`. Every problem is collected.
    """
    files = list(files)
    results: list[ArticleDocument | RefusedArticle | None] = [None] * len(files)
    jobs: list[_Job] = []
    for index, path in enumerate(files):
        try:
            data = paths.read_bytes(path, content_dir)  # the one read of the file: the cache key is its hash
        except ContentError as exc:
            results[index] = RefusedArticle(str(path), exc.problems)
            continue
        key = cache.key(path, data) if cache is not None else None
        results[index] = cache.load(key) if cache is not None and key else None
        if results[index] is None:
            jobs.append(_Job(index, Path(path), data, key, cache))
    if progress and len(jobs) < len(files):
        progress(len(files) - len(jobs))
    for job, result in zip(jobs, _read_all(jobs, workers, progress), strict=True):
        results[job.index] = result
    docs, problems, refused = [], [], []
    for path, result in zip(files, results, strict=True):
        if isinstance(result, RefusedArticle):
            # Its other problems told in the same run: what its path contradicts, of the fields that read well.
            unread = misplaced_refused(Path(path), result, content_dir, layout)
            problems.extend(in_file_order([*result.problems, *unread]) if unread else result.problems)
            refused.append(result.placed(unread) if unread else result)
            continue
        expected = expected_path(content_dir, result, layout)
        problems += result.warnings
        if Path(path) != expected and Path(path).resolve() != expected.resolve():
            unread = misplaced(Path(path), expected, result, content_dir)
            problems += unread
            refused.append(RefusedArticle.of(result).placed(unread))
            continue
        docs.append(result)
    return docs, problems, refused


def url_collisions(docs: Iterable[ArticleDocument | RefusedArticle]) -> list[Problem]:
    """Two articles that would be published at the same address (same language, year and slug): an error in
    each, at the line of what makes its address (`slug:` where given, else the `title` it is made from),
    naming the others' files and lines. The build publishes none of them while the error stands.

    Which of them the site already publishes at that address is not known here (the content folder keeps no record
    of it, and a file's name, or its order, tells nothing of it: a newcomer's `aaa-...` sorts first), so none is told
    it keeps the address: each is told to keep the address of the article already published and is proposed a slug
    of its own (the one its title makes, where it gives another `slug:`, as a file copied from another article does;
    else `free_slugs`), for the case it is one added after it. The slugs proposed are all different and no other
    article's, so the hints, followed for all but any one of the articles, leave no two articles at one address.
    An article refused for problems of its own is compared where its address can be known (`_address`)."""
    by_address: dict[tuple[str, int, str], list[ArticleDocument | RefusedArticle]] = {}
    for doc in docs:
        if (address := _address(doc)) is not None:
            by_address.setdefault(address, []).append(doc)
    taken = {slug for _, _, slug in by_address}
    problems = []
    for (lang, year, slug), group in sorted(by_address.items()):
        if len(group) < 2:
            continue
        # Slugs proposed in this order, each the next free: a refused article, likelier the one being written, is
        # proposed the first of them before an article that reads (order alone, not which is told to change).
        group = sorted(group, key=lambda doc: (isinstance(doc, RefusedArticle), str(doc.path)))
        proposed = {}
        for doc in [*group[1:], group[0]]:
            proposed[str(doc.path)] = new = _own_slug(doc, taken) or free_slugs(slug, 1, taken)[0]
            taken.add(new)
        for doc in group:
            field = _address_field(doc)
            others = ", ".join(
                f"{display_path(other.path)}:{other.line(_address_field(other)) or 1}"
                for other in group
                if other is not doc
            )
            said = f"{slug!r} is" if field == "slug" else f"makes the address {slug!r}, which is"
            hint = (
                "two articles cannot share one address: keep the address of the article already published (its "
                "links would break), and if this one was added after it, give this one "
                f"`slug: {as_written(proposed[str(doc.path)])}`, which no other article has"
            )
            problems.append(
                Problem(doc.path, doc.line(field), field, f"{said} also the address of {others} ({lang}, {year})", hint)
            )
    return problems


def _own_slug(doc: ArticleDocument | RefusedArticle, taken: set[str]) -> str | None:
    """The slug `doc`'s own title makes, where it gives another `slug:` (a file copied to write another article keeps
    the address of the one copied), and no other article has it."""
    if not doc.line("slug") or doc.meta.title is None:
        return None
    own = default_slug(doc.meta.title)
    if not is_slug(own) or own in taken or own == PAGINATION_FOLDER or portable_name_problem(own):
        return None
    return own


def free_slugs(slug: str, count: int, taken: set[str]) -> list[str]:
    """`count` slugs made of `slug` and a number (`-2`, `-3`...), each valid and none in `taken` or the
    pagination folder: the base is cut at a hyphen where the number would make the slug too long."""
    found: list[str] = []
    number = 1
    while len(found) < count:
        number += 1
        suffix = f"-{number}"
        base = slug[: SLUG_MAX_LENGTH - len(suffix)]
        if len(base) < len(slug) and slug[len(base)] != "-" and "-" in base:  # not in the middle of a word
            base = base[: base.rindex("-")]
        candidate = base.rstrip("-") + suffix
        if candidate not in taken and candidate != PAGINATION_FOLDER:
            found.append(candidate)
    return found


def _address(doc: ArticleDocument | RefusedArticle) -> tuple[str, int, str] | None:
    """(lang, year, slug) of the page `doc` is published at; of a refused article, where its lang and slug (given,
    or made of its title) read well, the year of its date, or, where its date did not read, of its folder
    (`<year>/`, which a date of another year is told to agree with: `file_place`); else None."""
    meta = doc.meta
    if isinstance(doc, ArticleDocument):
        return meta.lang, meta.date.year, meta.slug
    folder = Path(doc.path).parent.name if doc.folder_known else ""  # dated another year: its year is one of two
    # ASCII digits: `\d` takes `٢٠٢٥` (Arabic-Indic) for 2025 too, a folder no article is read from.
    year = meta.date.year if meta.date is not None else int(folder) if re.fullmatch(r"[0-9]{4}", folder) else None
    if meta.lang is None or meta.slug is None or year is None:
        return None
    return meta.lang, year, meta.slug


def _address_field(doc: ArticleDocument | RefusedArticle) -> str:
    """`slug` where the file gives one; else `title`, which the slug is made from."""
    return "slug" if doc.line("slug") else "title"


@dataclass(frozen=True)
class _Job:
    index: int  # in the list of files read
    path: Path
    data: bytes  # as read once, by `read_articles`
    key: str | None  # in the content cache; None when there is no cache
    cache: ContentCache | None


def _read_one(job: _Job) -> ArticleDocument | RefusedArticle:
    """Parse one file, and store it in the content cache where it is parsed (in the worker: in parallel)."""
    try:
        doc = parse_article(job.data, job.path)
    except ArticleRefused as exc:
        return exc.refused
    except ContentError as exc:  # its front-matter could not be read: nothing of it read well
        return RefusedArticle(str(job.path), exc.problems)
    if job.cache is not None and job.key:
        job.cache.store(job.key, doc)
    return doc


def _read_all(
    jobs: list[_Job], workers: int, progress: Callable[[int], None] | None
) -> Iterator[ArticleDocument | RefusedArticle]:
    if workers <= 1 or len(jobs) < MIN_FILES_PER_WORKER * 2:
        for job in jobs:
            yield _read_one(job)
            if progress:
                progress(1)
        return
    workers = min(workers, len(jobs) // MIN_FILES_PER_WORKER)
    chunksize = max(1, min(CHUNK_SIZE, len(jobs) // (workers * 4)))
    with ProcessPoolExecutor(workers, mp_context=fork_context()) as pool:
        for result in pool.map(_read_one, jobs, chunksize=chunksize):
            yield result
            if progress:
                progress(1)
