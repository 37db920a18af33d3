"""The checks that look at several files at once, over a content snapshot.

Each is `(snapshot) -> list[Problem]`; `snapshot.take` runs every one of
`CHECKS` after reading, so `make check`, the build and the devserver report
exactly the same problems. A check of one file alone belongs where the file
is read (`articles`, `events`, `country_records`, `people`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import paths
from .about_pages import check_about
from .agreement import (
    Lines,
    adoption_problems,
    article_date_warnings,
    as_of_problems,
    early_source_warnings,
    entry_into_force_problems,
    event_record_problems,
    record_date_problems,
    source_problems,
)
from .articles import read_article
from .convention import CONVENTION_FILE
from .country_data import check_counts
from .errors import ContentError, Problem, display_path
from .events import check_figures
from .layout import ARTICLE_SUFFIX, COUNTRIES_FILE, EVENTS_DIR, PEOPLE_FILE, Layout, meant_data_file
from .links import (
    UNREACHABLE,
    broken_link_problems,
    copied_files,
    copied_type_problem,
    linked_unreachable,
    name_hint,
    unreachable_characters,
)
from .locales import LANGUAGES
from .paths import PORTABLE_HINT
from .people import worded_people
from .people_named import unnamed_people
from .provenance import same_address
from .reading import url_collisions
from .schema import is_placeholder
from .sources import unreferenced_raw_sources
from .sources_table import sources_table_problems
from .tag_spellings import check_tag_spellings
from .versions import (
    country_mismatch_warnings,
    date_mismatch_problems,
    duplicate_problems,
    missing_counterpart_warnings,
    original_mismatch_warnings,
    translated_original_problems,
    untranslated_date_problems,
    untranslated_pair_problems,
)

if TYPE_CHECKING:
    from .articles import ArticleDocument, RefusedArticle
    from .snapshot import ContentSnapshot


def check_content_tree(snapshot: ContentSnapshot) -> list[Problem]:
    """Every entry of the content folder no build may read, anywhere in it: links out, loops, FIFOs, devices."""
    return snapshot.listing.problems


def told_once(problems: list[Problem], content_dir: Path) -> list[Problem]:
    """`problems`, but a name no checkout can hold of a file a link is told to rename (`c?d.pdf`, linked): told at
    the link alone, whose hint renames the file and the link, and so ends both."""
    linked = linked_unreachable(problems, content_dir)
    if not linked:
        return problems
    return [
        problem
        for problem in problems
        if not (problem.hint == PORTABLE_HINT and os.path.abspath(problem.path) in linked)
    ]


UNLINKED_FILE = "is not linked by any article that reads without errors, and would not be published"
UNLINKED_FILE_HINT = (
    "an article with errors of its own may link it with {static}: fix those first; else link it, or move or remove it"
)
LINKED_BY_REFUSED_HINT = "{} links it, and has errors of its own: fix those, and the file is published with it"


def check_unknown_files(snapshot: ContentSnapshot) -> list[Problem]:
    """A file of the content folder that no part of the build reads nor copies: nothing is dropped silently."""
    copied = copied_files(snapshot.content_dir, snapshot.articles)
    # A file a version refused for errors of its own links: the first such version by path, whatever the order they
    # were read in (the devserver puts a file it reads again after the others).
    linked_by: dict[Path, str] = {}
    for refused in sorted(snapshot.refused_versions, key=lambda refused: os.path.abspath(refused.path)):
        for target in copied_files(snapshot.content_dir, [refused]):
            linked_by.setdefault(target, refused.path)
    layout, content_dir = snapshot.layout, Path(os.path.abspath(snapshot.content_dir))  # as the listing names it
    problems = []
    # Most files are in the folders read whole (articles): found by their name's start, before `is_read`.
    read = tuple(os.path.join(content_dir, folder, "") for folder in layout.read_folders)
    # An article with an error is not read, nor are its links: a file only it links may be copied once it reads.
    unread_articles = any(problem.severity == "error" for problem in snapshot.reading_problems)
    for path in snapshot.listing.files:
        if str(path).startswith(read) or layout.is_read(path.relative_to(content_dir)):
            continue
        if Path(os.path.realpath(path)) in copied or path.resolve() in copied:
            continue
        if unread_articles and copied_type_problem(path) is None:
            by = linked_by.get(Path(os.path.realpath(path))) or linked_by.get(path.resolve())
            hint = LINKED_BY_REFUSED_HINT.format(display_path(by)) if by else UNLINKED_FILE_HINT
            problems.append(Problem(str(path), None, "file", UNLINKED_FILE, hint))
            continue
        problems.append(Problem(str(path), None, "file", "is not read by the build and would never be published",
                                _unread_file_hint(path, content_dir, layout)))  # fmt: skip
    return problems


def _unread_file_hint(path: Path, content_dir: Path, layout: Layout) -> str:
    """Where the file goes: for one named as an article is (a translation saved in `pl/`), its article's place;
    for one named nearly as a data file is, that file's name; for one no link can reach, a name one can."""
    relative = path.relative_to(content_dir)
    if copied_type_problem(path) is None and (characters := unreachable_characters(relative)):
        return f"its path has {characters}, {UNREACHABLE}: {name_hint(content_dir, relative.as_posix())}; or remove it"
    if meant := meant_data_file(path.relative_to(content_dir)):
        # Renamed, it would overwrite the data file: there in any capitals, which macOS and Windows take for one name
        # (`data/Publishers.yaml` for `data/publishers.yaml`), beside this file, not this file itself.
        if paths.found_in_any_case(content_dir, content_dir / meant) not in (None, content_dir / relative):
            return f"did you mean {meant.as_posix()}? it is there already: merge this file into it, delete this one"
        return f"did you mean {meant.as_posix()}? rename it"
    if not path.name.endswith(ARTICLE_SUFFIX):
        return layout.hint()
    key, _, lang = path.name.removesuffix(ARTICLE_SUFFIX).rpartition(".")
    try:  # an article saved anywhere (`pl/litwa.md`) is told the place its front-matter gives
        meta = read_article(path, content_dir).meta
        place = layout.article_path(meta.date.year, meta.translation_key, meta.lang).as_posix()
    except ContentError:  # its own problems are told once it is where the build reads it
        if not key or lang not in LANGUAGES:
            return layout.hint()
        place = f"{layout.article_dirs[0]}/<year of its date>/{path.name}"
    pattern = f"{layout.article_dirs[0]}/<year>/<translation_key>.<lang>{ARTICLE_SUFFIX}"
    return f"an article's file is {pattern}, by its front-matter: move it to {place}"


def check_translations(snapshot: ContentSnapshot) -> list[Problem]:
    """Duplicate (translation_key, lang) pairs, translations of translations, pairs with no translation and
    translations (or versions of such a pair) dated another day than their original of the same source (errors);
    translations whose original is missing, versions that list different countries, translations of another source
    (warnings). A version refused for problems of its own is compared by the fields of it that read well: none is
    told in a check of a field it got wrong, nor kept waiting by one it got wrong elsewhere."""
    lines = {doc.path: doc for doc in (*snapshot.articles, *snapshot.refused_versions)}
    versions = partial(_versions, snapshot)
    present = {(meta.translation_key, meta.lang) for _, meta in versions()}
    return [
        replace(problem, line=_line(lines[problem.path], problem.field)) if problem.line is None else problem
        for problem in [
            *duplicate_problems(versions()),
            *translated_original_problems(versions("translation")),
            *untranslated_pair_problems(versions("translation")),
            *date_mismatch_problems(versions("translation", "date", "source")),
            *untranslated_date_problems(versions("translation", "date", "source")),
            *missing_counterpart_warnings(versions("translation"), present),
            *country_mismatch_warnings(versions("countries")),
            *original_mismatch_warnings(versions("translation", "source")),
        ]
    ]


def _versions(snapshot: ContentSnapshot, *fields: str) -> list[tuple[str, Any]]:
    """Every version of an article, by path and metadata: those read, and those refused (`snapshot.refused_versions`)
    whose `fields` (and translation_key and lang) read well, in the order of their paths, which does not depend
    on which of them read."""
    read = [(doc.path, doc.meta) for doc in snapshot.articles]
    refused = [
        (article.path, article.meta)
        for article in snapshot.refused_versions
        if article.has("translation_key", "lang", *fields)
    ]
    return sorted([*read, *refused], key=lambda version: str(version[0]))


def _line(doc: ArticleDocument | RefusedArticle, field: str) -> int | None:
    """The line of `field`, or of `translation_key` for a field the file does not have (`translation`)."""
    return doc.line(field) or doc.line("translation_key")


def check_shared_sources(snapshot: ContentSnapshot) -> list[Problem]:
    """Two articles (two translation_keys) with one original: the same article archived twice (warnings); of a
    version refused for problems of its own, by its `source:` where that read well."""
    first: dict[str, tuple[str, str]] = {}  # the address, as compared -> (translation_key, path) of its first
    lines = {doc.path: doc for doc in (*snapshot.articles, *snapshot.refused_versions)}
    problems = []
    for path_, meta in _versions(snapshot, "source"):
        if meta.source is None or is_placeholder(meta.source.url):
            continue
        address = same_address(meta.source.url)
        key, path = first.setdefault(address, (meta.translation_key, path_))
        if key != meta.translation_key:
            problems.append(
                Problem(
                    path_,
                    lines[path_].line("source.url"),
                    "source.url",
                    f"is also the original of {display_path(path)} (translation_key {key!r})",
                    "one original is one article: give both versions one translation_key, or keep one",
                    "warning",
                )
            )
    return problems


def check_internal_links(snapshot: ContentSnapshot) -> list[Problem]:
    """`{filename}` links to content that is missing or not published (not to an article refused for an error of
    its own, which is told: the link waits until it reads); those of a version refused for problems of its own
    too, whose body is read whatever its front-matter says."""
    return broken_link_problems(
        snapshot.content_dir, snapshot.articles, snapshot.refused_articles, snapshot.refused_versions
    )


def check_urls(snapshot: ContentSnapshot) -> list[Problem]:
    """Two articles that would be written to the same page; of a version refused for problems of its own, by its
    address where that can be known."""
    return url_collisions([*snapshot.articles, *snapshot.refused_versions])


# What an editor checks of each field the importer puts under `review:`.
REVIEW_CHECKS = {
    "title": "the importer made it of a sentence of the text, as it found no title (its warning said which): give "
    "the source's own headline, if it has one",
    "date": "the importer read it from the text's date line: check that it is the day the source was published",
    "lang": "given by LANG= against what the text reads as: check the text's language",
    "countries": "the text names what looks like a state's name that the importer knows none of (its warning named "
    "it): add that country's code to `countries:` if the article names one",
}


def check_review_fields(snapshot: ContentSnapshot) -> list[Problem]:
    """A `review:` list names fields the importer guessed, or was given against the text: an editor must confirm
    them (a warning at the `review:` line, saying what to check of each)."""
    return [
        Problem(
            doc.path,
            doc.line("review"),
            "review",
            "marked by the importer, to review: " + ", ".join(doc.meta.review),
            "; ".join(f"{field}: {REVIEW_CHECKS.get(field, 'check its value')}" for field in doc.meta.review)
            + "; then delete the `review:` line",
            "warning",
        )
        for doc in snapshot.articles
        if doc.meta.review
    ]


def check_raw_sources(snapshot: ContentSnapshot) -> list[Problem]:
    """Raw copies in `sources/` that no article points to (warnings); a missing one is found as it is read.
    An article the build refuses (an error in it, or a place it is not read from) still names its raw copy."""
    read = {os.path.abspath(doc.path) for doc in snapshot.articles}
    content_dir = Path(os.path.abspath(snapshot.content_dir))  # as the listing names it
    misplaced = {
        os.path.abspath(path)
        for path in snapshot.listing.files
        if path.suffix == ".md" and not snapshot.layout.is_read(path.relative_to(content_dir))
    }
    unread = snapshot.refused_articles | (misplaced - read)
    return unreferenced_raw_sources(snapshot.content_dir, snapshot.articles, unread)


def check_sources_table(snapshot: ContentSnapshot) -> list[Problem]:
    """content/sources/README.md's table lists each raw copy an article points to, with that article."""
    return sources_table_problems(snapshot.content_dir, snapshot.articles)


def check_signature_counts(snapshot: ContentSnapshot) -> list[Problem]:
    """The country records list no more signatures at Hanoi than the depositary counts (convention.yaml)."""
    lines, convention = _lines(snapshot), Path(snapshot.content_dir) / CONVENTION_FILE
    return check_counts(
        snapshot.content_dir, snapshot.countries, lambda key: lines.line(convention, ["hanoi_signatures", key])
    )


def check_event_figures(snapshot: ContentSnapshot) -> list[Problem]:
    """Every figure a timeline event states is the one convention.yaml records."""
    convention = snapshot.countries.convention
    there = paths.named_as_written(snapshot.content_dir, Path(snapshot.content_dir) / CONVENTION_FILE)
    if convention is None and there:
        return []  # the file is there, but refused: its own problems say why (it is not missing)
    lines = _lines(snapshot)
    return [
        replace(problem, line=lines.line(Path(problem.path), problem.field.split(".")))
        for problem in check_figures(snapshot.events, convention)
    ]


def _lines(snapshot: ContentSnapshot) -> Lines:
    return Lines(snapshot.content_dir, snapshot.data_files)


def check_record_dates(snapshot: ContentSnapshot) -> list[Problem]:
    """Signature and ratification dates of countries.yaml within the signature period the timeline records.

    Not while an event is refused: with the ceremony's file refused, another signing would pass for the opening."""
    if _timeline_refused(snapshot):
        return []
    return record_date_problems(_lines(snapshot), snapshot.countries.records, snapshot.events)


def check_adoption(snapshot: ContentSnapshot) -> list[Problem]:
    """The timeline's adoption of the convention is not after its opening for signature (not while an event is
    refused: another signing would pass for the opening)."""
    return [] if _timeline_refused(snapshot) else adoption_problems(_lines(snapshot), snapshot.events)


def _timeline_refused(snapshot: ContentSnapshot) -> bool:
    timeline = os.path.join(os.path.abspath(snapshot.content_dir), EVENTS_DIR, "")
    return any(os.path.abspath(p.path).startswith(timeline) for p in snapshot.data_problems if p.severity == "error")


def check_event_countries(snapshot: ContentSnapshot) -> list[Problem]:
    """A signing or ratification event and the records of the countries it names say the same."""
    return event_record_problems(_lines(snapshot), snapshot.countries.records, snapshot.events, _refused(snapshot))


def _refused(snapshot: ContentSnapshot) -> frozenset[str] | None:
    """The codes of the records of countries.yaml refused for an error of their own, which is reported: an event
    naming one is not told the record is missing (and to add a second); None when a refused record has no code
    that can be told (`Estonia`, `record 3`) or the whole file was refused."""
    countries = os.path.abspath(os.path.join(snapshot.content_dir, COUNTRIES_FILE))
    there = paths.named_as_written(snapshot.content_dir, countries)
    if there and Path(countries) not in snapshot.data_files:  # its YAML refused whole
        return None
    labels = {
        problem.field.split(".")[0]
        for problem in snapshot.data_problems
        if problem.severity == "error" and os.path.abspath(problem.path) == countries
    }
    codes = {label.upper() for label in labels}
    return frozenset(codes) if all(len(code) == 2 and code.isalpha() for code in codes) else None


def check_as_of(snapshot: ContentSnapshot) -> list[Problem]:
    """convention.yaml's `as_of` is not older than a source the country records were read from."""
    return as_of_problems(_lines(snapshot), snapshot.countries.convention, snapshot.countries.records)


def check_entry_into_force(snapshot: ContentSnapshot) -> list[Problem]:
    """A dated entry into force is the 90th day after the last ratification it needs; an upcoming one has not got
    them all."""
    data = snapshot.countries
    ratified = [data.records[code] for code in data.summary.ratified]
    return entry_into_force_problems(_lines(snapshot), data.convention, ratified, snapshot.events)


def check_event_articles(snapshot: ContentSnapshot) -> list[Problem]:
    """An event lists no article published before it began (warnings); of a version refused for problems of its
    own, by its `date:` where that read well."""
    dates: dict[str, date] = {}
    for _, meta in _versions(snapshot, "date"):
        day = meta.date.date()
        key = meta.translation_key
        dates[key] = min(dates.get(key, day), day)
    return article_date_warnings(_lines(snapshot), snapshot.events, dates)


def check_event_sources(snapshot: ContentSnapshot) -> list[Problem]:
    """A source of an event that has happened, or of a signature or ratification, published or read before the fact
    (warnings)."""
    return early_source_warnings(_lines(snapshot), snapshot.countries.records, snapshot.events)


def check_people_articles(snapshot: ContentSnapshot) -> list[Problem]:
    """Each person of people.yaml is named in every version of the articles listed for them (warnings); of a
    version refused for problems of its own, where its title and summary read well, in those and its body."""
    data_file = _lines(snapshot).file(snapshot.content_dir / PEOPLE_FILE)
    if data_file is None:
        return []
    worded = [
        doc
        for doc in snapshot.refused_versions
        if doc.has("translation_key", "lang", "title") and doc.summary_html is not None
    ]
    # A person refused for an error of its own is compared by its name and the keys it lists that exist, if its name
    # reads well.
    people = worded_people(data_file, snapshot.referable_keys, snapshot.countries.people)
    return unnamed_people(data_file, people, [*snapshot.articles, *worded])


def check_cited_pages(snapshot: ContentSnapshot) -> list[Problem]:
    """One page cited by several records with one title and one publisher."""
    return source_problems(_lines(snapshot), snapshot.events)


def check_about_pages(snapshot: ContentSnapshot) -> list[Problem]:
    """The about pages, read and rendered as the build reads them; a file of about/ that is no about page."""
    return check_about(snapshot.content_dir)


Check = Callable[["ContentSnapshot"], list[Problem]]

CHECKS: tuple[Check, ...] = (
    check_content_tree,  # links out of the content folder, loops, FIFOs and devices, anywhere in it
    check_translations,  # duplicate (translation_key, lang); translations of translations; missing originals;
    # pairs with no translation; versions with different countries (warning)
    check_shared_sources,  # two articles with one original (warning)
    check_internal_links,  # {filename} links to missing content
    check_urls,  # two articles at one address
    check_tag_spellings,  # a tag that nearly names another topic (warning)
    check_review_fields,  # fields the importer guessed or was given against the text (warning)
    check_raw_sources,  # raw copies in sources/ no article points to (warning)
    check_sources_table,  # sources/README.md's table against the articles made from each raw copy (warning)
    check_signature_counts,  # countries.yaml against convention.yaml
    check_event_figures,  # timeline events against convention.yaml
    check_record_dates,  # countries.yaml's dates against the signature period of the timeline
    check_adoption,  # the timeline's adoption against its opening for signature
    check_event_countries,  # a signing or ratification event against the records of its countries
    check_as_of,  # convention.yaml's as_of against the sources of countries.yaml
    check_entry_into_force,  # a dated entry into force against the ratifications
    check_event_articles,  # an event listing an article published before it (warning)
    check_event_sources,  # a source published or read before the fact it cites (warning)
    check_people_articles,  # a person listed for an article that does not name them (warning)
    check_cited_pages,  # one page cited with two titles or two publishers
    check_about_pages,  # content/about/about.<lang>.md
    check_unknown_files,  # a file no part of the build reads
)
