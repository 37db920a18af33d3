"""Scaffold a new article: `make new TITLE="..." LANG=pl|en [DATE=YYYY-MM-DD] [KEY=translation_key] [SLUG=slug]
[SOURCE_URL=... PUBLISHER=...]`.

Writes content/articles/<year>/<translation_key>.<lang>.md with the required
fields, `...` where only the contributor can fill in a value (the source's
address and publisher; the title when only KEY is given; who translated it),
the optional fields as comments, and an empty body. `make check` refuses the
file, naming each of these, until they are filled in: nothing half-done is
published. Never overwrites a file, nor writes one whose translation_key (in its
language) or address another article of the archive has (`archive_core.clashes`).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, replace
from datetime import date, time, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_core import frontmatter, paths, schema  # noqa: E402
from archive_core.articles import parse_front_matter  # noqa: E402
from archive_core.clashes import Neighbours, clashes  # noqa: E402
from archive_core.errors import ContentError, in_folder  # noqa: E402
from archive_core.layout import ARTICLE_DIRS, PUBLISHERS_FILE, Layout  # noqa: E402
from archive_core.locales import LANGUAGES  # noqa: E402
from archive_core.publishers import known_publisher, load_publishers  # noqa: E402
from archive_core.reading import free_slugs  # noqa: E402
from archive_core.schema import ArticleMeta  # noqa: E402
from archive_core.suggestions import closest, meant_value  # noqa: E402
from archive_core.when import given_date  # noqa: E402
from archive_core.yaml_tags import FrontMatterLoader, quoted  # noqa: E402
from tools.make_inputs import NEW_FIELDS, MakeArguments, by_variable, given, key_name_problem, refusal  # noqa: E402

ARTICLES = ARTICLE_DIRS[0]  # where `make new` writes (the default ARTICLE_PATHS)
PUBLISHERS_IN_REPOSITORY = f"content/{PUBLISHERS_FILE}"
OPTIONAL_FIELDS = """\
# Fill in what applies, remove the '# ', then run `make check`.
# Every field is explained in CONTRIBUTING.md ("Field reference").
# countries: [VN]               # ISO 3166-1 alpha-2 codes in capitals, or EU
# tags: [...]
# summary: ...                  # default: the first paragraph of the text
# translation:                  # only on a translated version
#   from: {other}                    # the original's language
#   by: ...                     # who or what translated it
# editor_note: ...              # a note by the archive's editors, shown apart from the text
"""
# `make check` refuses the file until each `...` is replaced and the text is pasted in. `{publishers}`: the content
# folder's table of publishers, as `make check` names it (content/data/publishers.yaml; the bare `data/...` sent the
# contributor to a folder the repository does not have).
SOURCE_TO_FILL = f"""\
source:
  url: https://{schema.PLACEHOLDER}          # the original's full address
  publisher: {schema.PLACEHOLDER}           # who published it; delete if {{publishers}} has its site
"""


def written(text: str) -> str:
    """`text` as the scaffold writes a value: as it is where the front matter reads it back as this same text
    (`proba-y`, `pl`, `NO`), else in double quotes (`"2025"`, `"null"`, `"~"`, `"1e3"`, `"*x"`, `"a: b"`):
    `translation_key: 2025` was read as a number, and `translation_key: null` as missing."""
    try:
        back = yaml.load(f"value: {text}\n", Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        back = None
    plain = isinstance(back, dict) and list(back) == ["value"] and type(back["value"]) is str and back["value"] == text
    return text if plain and text.isprintable() else quoted(text)


class Refused(Exception):
    """A request that cannot be carried out; the message says what to do instead."""


@dataclass(frozen=True)
class GivenSource:
    """What `make new` is given of the source (SOURCE_URL=, PUBLISHER=); `known`: the table of publishers has a record
    of the address's site, whose name the build takes where the file names none."""

    url: str | None = None
    publisher: str | None = None
    known: bool = False

    def lines(self, publishers: str) -> str:
        if self.url is None and self.publisher is None:
            return SOURCE_TO_FILL.format(publishers=publishers)
        url = f"  url: {quoted(self.url)}\n" if self.url else SOURCE_TO_FILL.splitlines(keepends=True)[1]
        if self.publisher:
            publisher = f"  publisher: {quoted(self.publisher)}\n"
        else:  # a site the table knows is named by it: a line left to delete would be refused as `...`
            publisher = "" if self.known else SOURCE_TO_FILL.format(publishers=publishers).splitlines(True)[2]
        return "source:\n" + url + publisher


def article_text(
    title: str,
    lang: str,
    published: date,
    key: str,
    original: ArticleMeta | None = None,
    slug: str | None = None,
    publishers: str = PUBLISHERS_IN_REPOSITORY,
    source: GivenSource | None = None,
) -> str:
    """The new file: the required fields, placeholders (`...`) for what only the contributor can give, an empty body.

    A translation of `original` starts from its source, countries and tags, and says what it translates. `slug`:
    given (SLUG=), else made from the title. `publishers`: the table of publishers, as the contributor finds it.
    `source`: what SOURCE_URL= and PUBLISHER= give of a new article's source.
    """
    other = next(other for other in LANGUAGES if other != lang)
    head = [
        f"title: {quoted(title or schema.PLACEHOLDER)}",
        f"date: {_written_date(published, original)}",
        f"lang: {written(lang)}",
        f"translation_key: {written(key)}",
        *([f"slug: {quoted(slug)}"] if slug else []),
    ]
    if original is None:
        given_source = (source or GivenSource()).lines(publishers)
        return "---\n" + "\n".join(head) + "\n" + given_source + OPTIONAL_FIELDS.format(other=other) + "---\n\n"
    source = original.source
    head += ["source:", f"  url: {quoted(source.url)}"]
    if source.publisher:
        head.append(f"  publisher: {quoted(source.publisher)}")
    if original.countries:
        head.append(f"countries: [{', '.join(map(written, original.countries))}]")
    head += [
        "translation:",
        f"  from: {written(original.lang)}",
        f"  by: {schema.PLACEHOLDER}                       # who or what translated it",
        *_chain(original, lang),
        "# tags: [...]",
        "# summary: ...                  # default: the first paragraph of the text",
        "# editor_note: ...              # a note by the archive's editors, shown apart from the text",
    ]
    return "---\n" + "\n".join(head) + "\n---\n\n"


def _chain(original: ArticleMeta, lang: str) -> list[str]:
    """The original's translation_chain (it is itself translated from a source in another language, such as
    `vi`), and this translation as its next step: else this page would name only the archive's original."""
    if not original.translation_chain:
        return []
    steps = [*original.translation_chain, schema.TranslationStep(original.lang, lang, schema.PLACEHOLDER)]
    lines = ["translation_chain:                # every translation from the source, oldest first"]
    for step in steps:
        by = schema.PLACEHOLDER if step.by == schema.PLACEHOLDER else quoted(step.by)
        lines += [f"  - from: {written(step.from_lang)}", f"    to: {written(step.to_lang)}", f"    by: {by}"]
    return lines


def original_of(content_dir: Path, key: str, lang: str) -> ArticleMeta | None:
    """The version of `key` in another language that is not itself a translation, if it reads cleanly."""
    for path in sorted((content_dir / ARTICLES).glob(f"*/{key}.*.md")):
        try:
            doc = frontmatter.split(frontmatter.read_text(path), path)
            values, root = frontmatter.load_with_nodes(doc)
            meta = schema.validate(values, doc)
        except ContentError:
            continue
        if meta.lang != lang and meta.translation is None and meta.source is not None:
            return replace(meta, date_offset=frontmatter.written_offset(root, "date"))
    return None


def _written_date(published: date, original: ArticleMeta | None) -> str:
    """`date:` as the new file writes it: a translation on its original's day takes its time and offset too (the
    moment its source was published, which feeds and structured data state, and the order of one day's articles)."""
    if original is None or published != original.date.date():
        return published.isoformat()
    moment = original.date
    if original.date_offset is not None:
        return moment.replace(tzinfo=timezone(timedelta(minutes=original.date_offset))).isoformat()
    return moment.isoformat() if moment.time() != time() else published.isoformat()


def scaffold(
    content_dir: Path,
    title: str,
    lang: str,
    published: date | None,
    key: str | None = None,
    slug: str | None = None,
    source: GivenSource | None = None,
) -> Path:
    """Write the new article and return its path; Refused if it cannot.

    `published` defaults to the original's date for a translation, to today otherwise.
    """
    title = title.strip()
    if not title and not key:
        raise Refused('TITLE is missing: make new TITLE="The article\'s title" LANG=pl (or KEY= of the original)')
    if not lang:
        raise Refused(f'LANG is missing: make new TITLE="..." LANG={LANGUAGES[0]} (or {", ".join(LANGUAGES[1:])})')
    if lang not in LANGUAGES:
        meant = meant_value(lang, LANGUAGES) or LANGUAGES[0]
        raise Refused(f'LANG must be one of {", ".join(LANGUAGES)}, not {lang!r}: make new TITLE="..." LANG={meant}')
    given_as_key = bool(key)
    key = key or schema.default_slug(title)
    if not key:
        raise Refused(f"the title {title!r} has no letters or digits to make a translation_key of: add KEY=...")
    if unheld := key_name_problem(key, lang, given_as_key):
        raise Refused("{} ({})".format(*unheld))
    # A version in LANG already there is told first: whatever else is given, there is nothing to make at that key.
    if there := _already_there(content_dir, key, lang, _as_another(title, lang, published, key, slug)):
        raise Refused(there)
    original = original_of(content_dir, key, lang)
    if original is None and not title:
        raise Refused(_no_original(content_dir, key, lang))
    if original is not None and source is not None:
        another = _as_another(title, lang, published, key, slug)
        raise Refused(_source_of_a_translation(content_dir, original, given_as_key, another))
    if source is not None and source.url:
        source = replace(source, known=known_publisher(load_publishers(content_dir)[0], source.url) is not None)
    published = published or (original.date.date() if original else date.today())
    path = content_dir / Layout().article_path(published.year, key, lang)
    publishers = _shown(content_dir / PUBLISHERS_FILE)
    if not publishers.isprintable():  # a folder named with a line break would end the comment, and write YAML
        publishers = PUBLISHERS_IN_REPOSITORY
    text = article_text(title, lang, published, key, original, slug, publishers, source)
    try:
        new = parse_front_matter(text.encode("utf-8"), path)
    except ContentError as exc:
        [problem] = in_folder(exc.problems[:1], content_dir)
        hint = by_variable(problem.hint, problem.field, NEW_FIELDS)
        raise Refused(f"cannot scaffold this article: {problem.field}: {problem.message} ({hint})") from None
    if found := clashes(content_dir, new):  # its key in another year, its address another article's
        raise Refused("\n".join(map(str, found)))
    try:  # through the one function that writes content: inside content_dir, links followed, never overwriting
        return paths.write_file(content_dir, path.relative_to(content_dir), text.encode("utf-8"))
    except ContentError as exc:
        raise Refused(f"{_shown(path)} {exc.problem.message} ({exc.problem.hint})") from None


def _source_of_a_translation(
    content_dir: Path, original: ArticleMeta, given_as_key: bool, another: ArticleMeta | None
) -> str:
    """Why SOURCE_URL= is refused where the key is an original's in another language: with KEY=, the contributor
    asked for its translation; a key made of TITLE= may as well be another article's, which the hint names a key."""
    key = original.translation_key
    made = "" if given_as_key else " (made of the title)"
    other = "give TITLE= for a new article of its own"
    if not given_as_key:
        other = f"give it {_names_of_another(content_dir, key, another)}"
    return (
        f"translation_key {key!r}{made} is that of "
        f"{_shown(content_dir / Layout().article_path(original.date.year, key, original.lang))}, and a translation "
        f"takes the source of its original, {original.source.url}: leave SOURCE_URL= and PUBLISHER= out (if it is "
        f"another article, {other})"
    )


def _already_there(content_dir: Path, key: str, lang: str, another: ArticleMeta | None) -> str | None:
    """Why there is nothing to make: the article has a version in `lang` already. `another`: the article asked for,
    as another one, whose free names are proposed (where its fields make none, the free key alone)."""
    existing = sorted((content_dir / ARTICLES).glob(f"*/{key}.{lang}.md"))
    if not existing:
        return None
    names = _names_of_another(content_dir, key, another)
    return (  # told as a clash is (`clashes`): the file it meets, the field, the names that part them
        f"{_shown(existing[0])}: translation_key: {key!r} in {lang!r} already exists, in this file (if it is that "
        f"article, edit that file; if it is another, give it {names})"
    )


def _names_of_another(content_dir: Path, key: str, another: ArticleMeta | None) -> str:
    """`KEY=...`, and `SLUG=...` where `another`'s address is taken too (one title in one year makes the address of
    the article there: KEY= alone was refused again, for SLUG=); where its fields make no article, the free key."""
    return (
        Neighbours.of(content_dir, another).names_of_another(another)
        if another
        else f"KEY={_free_key(content_dir, key)}"
    )


def _as_another(title: str, lang: str, published: date | None, key: str, slug: str | None) -> ArticleMeta | None:
    """The article asked for as a new one of its own (no translation), if its fields make one."""
    if not title:
        return None
    text = article_text(title, lang, published or date.today(), key, None, slug)
    try:
        return parse_front_matter(text.encode("utf-8"), Path(f"{key}.{lang}.md")).meta
    except ContentError:
        return None


def _free_key(content_dir: Path, key: str) -> str:
    """A translation_key made of `key` that no article file of the archive has (`-2`, `-3`...)."""
    return free_slugs(key, 1, {path.name.split(".")[0] for path in (content_dir / ARTICLES).glob("*/*.md")})[0]


def _no_original(content_dir: Path, key: str, lang: str) -> str:
    """Why KEY= without TITLE= (a translation, as CONTRIBUTING.md has it) found nothing to translate."""
    others = sorted((content_dir / ARTICLES).glob(f"*/{key}.*.md"))
    if others:
        return (
            f"{_shown(others[0])} has translation_key {key!r}, but it is not an original in another language that "
            "reads cleanly (`make check` says what is wrong with it): fix it first, or give TITLE= for a new article"
        )
    close = closest(key, _translatable(content_dir, lang))
    guess = f" (did you mean KEY={close}?)" if close else ""
    return (
        f"no article has translation_key {key!r}{guess}: to translate an article, give KEY= its translation_key; "
        f'to start a new one, give its title: make new TITLE="..." LANG={lang}'
    )


def _translatable(content_dir: Path, lang: str) -> list[str]:
    """The translation_keys KEY= can take for `lang`: those of articles with a version in another language and
    none in `lang` (one that has it would be refused as already there)."""
    langs: dict[str, set[str]] = {}
    for path in (content_dir / ARTICLES).glob("*/*.md"):
        key, _, version = path.name.removesuffix(".md").rpartition(".")
        langs.setdefault(key, set()).add(version)
    return sorted(key for key, versions in langs.items() if lang not in versions)


def counterparts(content_dir: Path, path: Path) -> list[Path]:
    """The other language versions, when the new file says it translates one of them."""
    if "\ntranslation:\n" not in frontmatter.read_text(path):
        return []
    key, lang = path.name.removesuffix(".md").rsplit(".", 1)
    return [p for other in LANGUAGES if other != lang for p in (content_dir / ARTICLES).glob(f"*/{key}.{other}.md")]


def _placeholders_left(text: str) -> bool:
    """Whether a field of the scaffold `text` is left for the contributor (`...`, `https://...`; a commented optional
    field's `...` is none), as `make check` would refuse it."""

    def left(value: object) -> bool:
        if isinstance(value, dict):
            return any(left(item) for item in value.values())
        if isinstance(value, list):
            return any(left(item) for item in value)
        return isinstance(value, str) and bool(value) and schema.is_placeholder(value)

    return left(yaml.safe_load(text.split("---\n", 2)[1]))


def _shown(path: Path) -> str:
    return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = MakeArguments("new", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # Each defaults to the value `make new NAME=...` passes (see tools.make_inputs).
    parser.add_argument("--title", default=given("TITLE") or "")
    parser.add_argument("--lang", default=given("LANG") or "")
    parser.add_argument(
        "--date",
        default=given("DATE") or "",
        help="YYYY-MM-DD, the source's publication date; default: the original's, or today",
    )
    parser.add_argument("--key", default=given("KEY") or "", help="translation_key; default: the title, transliterated")
    parser.add_argument(
        "--slug", default=given("SLUG") or "", help="the last part of the URL; default: made of the title"
    )
    parser.add_argument("--source-url", default=given("SOURCE_URL") or "", help="the original's full address")
    parser.add_argument("--publisher", default=given("PUBLISHER") or "", help="who published it")
    parser.add_argument("--content", type=Path, default=Path(os.environ.get("ARCHIVE_CONTENT", ROOT / "content")))
    args = parser.parse_args(argv)
    given_source = GivenSource(args.source_url or None, args.publisher or None)
    try:
        try:
            published = given_date(args.date) if args.date else None
        except ValueError as exc:
            raise Refused(f"DATE {exc}") from None
        source = given_source if given_source != GivenSource() else None
        path = scaffold(args.content, args.title, args.lang, published, args.key or None, args.slug or None, source)
    except Refused as exc:
        print(f"make new: {refusal(str(exc))}", file=sys.stderr)
        return 1
    print(f"created {_shown(path)}")
    originals = counterparts(args.content, path)
    for other in originals:
        print(f"  a translation of {_shown(other)}: its source and countries are copied; fill in `translation.by`")
    body = "write the translation of its whole text" if originals else "paste the source's text"
    # Only where a field is still `...`: with SOURCE_URL= and a publisher given or known, none is, and the `...` of
    # the commented optional fields are not to fill in.
    fill = "replace each `...`, " if _placeholders_left(path.read_text(encoding="utf-8")) else ""
    print(f"next: {fill}{body} below the second '---' line,")
    print("      preview with `make devserver`, and check with `make check`: it names what is left (CONTRIBUTING.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
