"""Language versions of a page: hreflang alternates with the one x-default policy, the language switch,
and the pairing of an article's versions by translation_key."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from archive_core.errors import Problem, display_path
from archive_core.locales import LANGUAGES
from archive_core.provenance import same_address
from archive_core.schema import ArticleMeta, is_placeholder
from archive_core.yaml_tags import as_written


class Versioned(Protocol):
    lang: str
    translation_key: str
    url: str


@dataclass(frozen=True)
class Alternate:
    """One `<link rel="alternate" hreflang>`."""

    hreflang: str
    url: str


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switch: the same content in `lang`, or its home page."""

    lang: str
    url: str
    available: bool  # False: no version in `lang` yet; `url` is that language's home page


def group(articles: Iterable[Versioned]) -> dict[str, dict[str, Versioned]]:
    groups: dict[str, dict[str, Versioned]] = defaultdict(dict)
    for article in articles:
        groups[article.translation_key][article.lang] = article
    return groups


@dataclass(frozen=True)
class Versions:
    """One page in the archive's languages: its URL in each (site-relative), and its `x-default`."""

    urls: dict[str, str]  # in LANGUAGES order; only the languages the page exists in
    x_default: str

    def alternates(self, siteurl: str) -> list[Alternate]:
        """The page's `<link rel="alternate" hreflang>`: one per language, then `x-default`."""
        links = [Alternate(lang, f"{siteurl}/{url}") for lang, url in self.urls.items()]
        return [*links, Alternate("x-default", f"{siteurl}/{self.x_default}")]

    def language_links(self, current: str, home_urls: Mapping[str, str] | None = None) -> list[LanguageLink]:
        """The language switch of the version in `current`: the other versions, or (none yet) `home_urls[lang]`."""
        return [
            LanguageLink(lang, self.urls[lang], True)
            if lang in self.urls
            else LanguageLink(lang, home_urls[lang], False)
            for lang in LANGUAGES
            if lang != current
        ]


def versions(
    urls: Mapping[str, str], *, original: str | None = None, current: str | None = None, neutral: str | None = None
) -> Versions:
    """The versions of a page, with the archive's one `x-default` policy.

    `x-default` is the page for a reader whose language is none of the archive's: the
    page's language-neutral version when it has one (`neutral`: the language chooser
    at `/` for the home pages); else its `original` (the language an article was
    written in; for the site's own pages, DEFAULT_LANG, the language the site is
    written in first); else, when the archive does not hold the original, the
    `current` version itself.
    """
    ordered = {lang: urls[lang] for lang in LANGUAGES if lang in urls}
    if neutral is not None:
        default = neutral
    else:
        default = ordered.get(original) or ordered.get(current) or next(iter(ordered.values()))
    return Versions(ordered, default)


def duplicate_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Two files with the same (translation_key, lang) are an error."""
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for path, meta in documents:
        key = (meta.translation_key, meta.lang)
        if key in seen:
            problems.append(
                Problem(
                    path,
                    None,
                    "translation_key",
                    f"{meta.translation_key!r} in {meta.lang!r} is also used by {display_path(seen[key])}",
                    "an article has one file per language, each with the same translation_key: delete the file "
                    "that repeats this version; if the two are different articles, give one of them a "
                    "translation_key of its own, and its file that name",
                )
            )
        else:
            seen[key] = path
    return problems


def missing_counterpart_warnings(
    documents: Sequence[tuple[str, ArticleMeta]], present: Collection[tuple[str, str]] | None = None
) -> list[Problem]:
    """A file marked as a translation whose original is not in the archive (`present`: the (translation_key, lang)
    of every version there, default those of `documents`)."""
    if present is None:
        present = {(meta.translation_key, meta.lang) for _, meta in documents}
    return [
        Problem(
            path,
            None,
            "translation.from",
            f"this is a translation from {meta.translation.from_lang!r}, but no {meta.translation.from_lang!r} "
            "version was read (it is missing, or has an error of its own)",
            _original_hint(path, meta, documents),
            severity="warning",
        )
        for path, meta in documents
        if meta.translation and (meta.translation_key, meta.translation.from_lang) not in present
    ]


def _original_hint(path: str, meta: ArticleMeta, documents: Sequence[tuple[str, ArticleMeta]]) -> str:
    """How to give the translation `meta` its original: where a version in the original's language has its source
    under another key (`tytol.en.md` translating `tytul.pl.md`, key and name misspelt alike), that key first."""
    hint = "add the original, or remove `translation:` if this is the original"
    if meta.source is None or is_placeholder(meta.source.url):
        return hint
    address = same_address(meta.source.url)
    original = next(
        (
            (other_path, other)
            for other_path, other in documents
            if other.lang == meta.translation.from_lang
            and other.translation is None
            and other.source is not None
            and same_address(other.source.url) == address
        ),
        None,
    )
    if original is None:
        return hint
    key = original[1].translation_key
    return (
        f"if its original is {display_path(original[0])}, of the same source, write "
        f"`translation_key: {as_written(key)}` and rename the file to {key}.{meta.lang}.md, in its folder; else {hint}"
    )


def untranslated_pair_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Versions of one article none of which says it is a translation: every one would be shown as the original,
    with no translator credited, and each page would name itself the `x-default` of the pair. Reported once,
    on the version read last, naming the first."""
    problems = []
    for versions_ in _untranslated(documents):
        (first, original) = versions_[0]
        # Two of one language are not a translation of each other: duplicate_problems names them.
        others = [(path, meta) for path, meta in versions_ if meta.lang != original.lang]
        if not others:
            continue
        path, meta = others[-1]
        named = [other for other, version in versions_ if version.lang == original.lang]
        languages = " or ".join(sorted({original.lang, meta.lang}))
        add = (
            "add `translation:` to the version that was translated, with `from:` the original's language "
            f"({languages}) and `by:` who or what translated it; or give the two different translation_keys if they "
            "are different articles"
        )
        if len(named) == 1:
            said = f"the {original.lang!r} version {display_path(first)} has the same translation_key, and"
        else:
            files = ", ".join(map(display_path, named[:-1])) + f" and {display_path(named[-1])}"
            said = f"the {original.lang!r} versions {files} have the same translation_key, and"
        if len(versions_) == 2:
            said += " neither"
        else:  # one version in several files (either language's): which of them stays is the first thing to settle
            said += " none of the versions"
            add = "keep one file of each language (each other is told at its translation_key), then " + add.replace(
                "the two", "them"
            )
        problems.append(Problem(path, None, "translation", f"{said} says it is a translation", add))
    return problems


def country_mismatch_warnings(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Versions of one article that list different countries: a country added to one version only puts the
    article on that language's country page and not on the other's (warnings, on each version after the first)."""
    first: dict[str, tuple[str, ArticleMeta]] = {}
    problems = []
    for path, meta in documents:
        other_path, other = first.setdefault(meta.translation_key, (path, meta))
        if other_path == path or set(other.countries) == set(meta.countries):
            continue
        problems.append(
            Problem(
                path,
                None,
                "countries",
                f"lists {', '.join(sorted(meta.countries)) or 'no country'}, but the {other.lang!r} version "
                f"{display_path(other_path)} lists {', '.join(sorted(other.countries)) or 'no country'}",
                "one text covers the same countries in every language: give both versions the same `countries:`",
                severity="warning",
            )
        )
    return problems


def original_mismatch_warnings(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Translations with another original (`source.url`) than their original: each page would show its own, and
    the translation would not be of its original (warnings, on the translation). Of one source, another day is
    an error (`date_mismatch_problems`); of another, that source's day."""
    originals = {meta.translation_key: (path, meta) for path, meta in documents if meta.translation is None}
    problems = []
    for path, meta in documents:
        if meta.translation is None or meta.translation_key not in originals or meta.source is None:
            continue
        original_path, original = originals[meta.translation_key]
        if original.source is None:
            continue
        urls = (meta.source.url, original.source.url)
        if not any(map(is_placeholder, urls)) and same_address(urls[0]) != same_address(urls[1]):
            problems.append(
                Problem(
                    path,
                    None,
                    "source.url",
                    f"is {urls[0]}, but the original, {display_path(original_path)}, has {urls[1]}",
                    "a translation gives its original's source: copy the original's `source:`; or give the two "
                    "different translation_keys if they are different articles",
                    severity="warning",
                )
            )
    return problems


def translated_original_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """A translation whose original says it is a translation too (`pl` from `en`, `en` from `pl`): no version
    would be the original, and each page would credit a translator for the other."""
    translated = {
        (meta.translation_key, meta.lang): (path, meta.translation) for path, meta in documents if meta.translation
    }
    return [
        Problem(
            path,
            None,
            "translation.from",
            f"this is a translation from {meta.translation.from_lang!r}, but the {meta.translation.from_lang!r} "
            f"version says it is a translation too (from {original.from_lang!r}): the two name each other as "
            "the original",
            # Told in both files: each hint, followed, must end both (`remove it from it`, followed in each, left
            # neither saying it is a translation, which is refused too).
            f"one version is the original: remove `translation:` from that one, this file or "
            f"{display_path(other)}, and keep it in the other",
        )
        for path, meta in documents
        if meta.translation
        and (found := translated.get((meta.translation_key, meta.translation.from_lang))) is not None
        for other, original in [found]
    ]


def date_mismatch_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """A translation dated another day than its original, of the same source: `date` is the day the source was
    published, one day for both, and the two versions were listed in different years and months, with each
    page stating another publication date. (A translation of another source, such as a publisher's own
    English edition, has that source's date.) Errors, on the translation."""
    versions_ = {(meta.translation_key, meta.lang): (path, meta) for path, meta in documents}
    problems = []
    for path, meta in documents:
        if meta.translation is None:
            continue
        original_path, original = versions_.get((meta.translation_key, meta.translation.from_lang), (None, None))
        if original is None or original.source is None or meta.source is None:
            continue
        if same_address(original.source.url) != same_address(meta.source.url):
            continue
        if original.date.date() != meta.date.date():
            problems.append(
                Problem(
                    path,
                    None,
                    "date",
                    f"is {meta.date.date().isoformat()}, but the {original.lang!r} original "
                    f"{display_path(original_path)}, of the same source, is dated {original.date.date().isoformat()}",
                    "the date is the day the source was published: give both versions the same `date:`"
                    + _moved_with(path, original.date.year),
                )
            )
    return problems


def untranslated_date_problems(documents: Sequence[tuple[str, ArticleMeta]]) -> list[Problem]:
    """Two versions of one source, neither of which says it is a translation (`untranslated_pair_problems`), dated
    two days: told with the pair, on the version told it, so that the translation, once marked, is not told a round
    later that it is dated another day than its original (`date_mismatch_problems`). Either may be the original."""
    problems = []
    for pair in _untranslated(documents):
        if len(pair) != 2 or pair[0][1].lang == pair[1][1].lang:
            continue
        (other_path, other), (path, meta) = pair
        if other.source is None or meta.source is None or other.date.date() == meta.date.date():
            continue
        if same_address(other.source.url) != same_address(meta.source.url):
            continue
        hint = (
            "the date is the day the source was published, one for both versions: as you add `translation:` to the "
            "version that was translated, give it the original's `date:`"
        )
        if other.date.year != meta.date.year:
            this, that = _in_year(path, other.date.year), _in_year(other_path, meta.date.year)
            hint += (
                f", and move its file into that year's folder: {display_path(path)} to {display_path(this)}, if it "
                f"is the translation; {display_path(other_path)} to {display_path(that)}, if it is"
            )
        message = (
            f"is {meta.date.date().isoformat()}, but the {other.lang!r} version {display_path(other_path)}, of the "
            f"same source, is dated {other.date.date().isoformat()}"
        )
        problems.append(Problem(path, None, "date", message, hint))
    return problems


def _untranslated(documents: Sequence[tuple[str, ArticleMeta]]) -> Iterable[list[tuple[str, ArticleMeta]]]:
    """The versions of each article that do not say they are a translation, by translation_key."""
    untranslated: dict[str, list[tuple[str, ArticleMeta]]] = defaultdict(list)
    for path, meta in documents:
        if meta.translation is None:
            untranslated[meta.translation_key].append((path, meta))
    return untranslated.values()


def _in_year(path: str, year: int) -> Path:
    """The article file `path` moved into the folder of `year`."""
    file = Path(path)
    return file.parent.parent / f"{year:04d}" / file.name


def _moved_with(path: str, year: int) -> str:
    """What else the original's date asks of the translation at `path` when it is of another year: the folder of
    its year (an article's place repeats its date), so that the hint followed ends the problem in one step."""
    if Path(path).parent.name == f"{year:04d}":
        return ""
    return f"; with the original's, move this file to {display_path(_in_year(path, year))}, its year's folder"
