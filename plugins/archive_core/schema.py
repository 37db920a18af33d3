"""The content contract: the one schema every article's front-matter obeys.

`FIELDS` is the single description of the contract; validation, the
documentation and editor tooling are all derived from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from urllib.parse import urlsplit

import yaml
from slugify import slugify

from . import countries
from .errors import NAMES_FILE, ContentError, Problem, in_file_order, key_label
from .field_types import EXAMPLE_DATE, Expected, empty_item, fits, quoted, wrong_type
from .frontmatter import (
    SplitDocument,
    compose,
    keyed,
    node_column,
    node_line,
    value_node,
    written_scalar,
)
from .layout import ARTICLE_NAME, RAW_NAME_RULE, RAW_PATTERN, RAW_SOURCES_DIR, raw_name_for
from .locales import LANGUAGES, is_named_language
from .markdown import LEAD_MAX_CHARS, LEAD_MAX_WORDS
from .paths import portable_name_problem
from .pelican_keys import pelican_key, pelican_shape_hint
from .provenance import (
    ARCHIVES_NAMED,
    SOURCE_ALIASES,
    address_hint,
    another_site_hint,
    another_site_shown,
    archived_copy_problem,
    is_http_url,
    wayback_url,
)
from .scalar_lines import line_finder
from .suggestions import Suggestions, as_slug, meant_hint, meant_value, slug_hint
from .summaries import summary_problems
from .text import TITLE_MAX_CHARS, paragraphs
from .urls import PAGINATION_FOLDER, tag_problem, tag_slug
from .when import YEAR_HINT, YearTooEarly, check_year, date_hint, impossible_date
from .yaml_tags import as_written, naive, written_tag

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_CODE = re.compile(r"[a-z]{2}")
SLUG_MAX_LENGTH = 80


def is_slug(value: str) -> bool:
    """Whether `value` may be written as a `translation_key:` or `slug:`."""
    return SLUG_PATTERN.fullmatch(value) is not None and len(value) <= SLUG_MAX_LENGTH


# Each topic is a page in each language: an article's main subjects are a few; thousands would be thousands of
# pages (and a build as long) from one file.
MAX_TAGS = 20
# Each note's passage is searched for in the whole text: 16,000 notes on a text of 250 KB took `make check` 114 s.
MAX_ANNOTATIONS = 100
# A source published "tomorrow" where it was published (Hanoi is ahead of Warsaw and of CI's UTC) is fine;
# later than that, the date is a typo, and it would head every listing until that day.
MAX_DAYS_AHEAD = timedelta(days=1)


@dataclass(frozen=True)
class Source:
    url: str
    publisher: str | None = None  # None: content/data/publishers.yaml names it by the url's host
    raw: str | None = None  # the raw copy, relative to the content folder: `sources/...`
    accessed: date | None = None  # when the archive read the original
    archived: str | None = None  # an archived copy the contributor gave; None: the page offers a Wayback lookup

    def lookup_as_of(self, published: date) -> str:
        """A lookup of the original in the Wayback Machine as of when it was read (else published): no copy anybody
        checked exists, which a page offers as a lookup, never as an archived copy."""
        return wayback_url(self.url, self.accessed or published)


@dataclass(frozen=True)
class Translation:
    from_lang: str
    by: str


@dataclass(frozen=True)
class TranslationStep:
    """One step from the original to the archived text: `from_lang` -> `to_lang`, by whom."""

    from_lang: str  # ISO 639-1, any language (the original may be neither pl nor en)
    to_lang: str
    by: str


ANNOTATION_KINDS = ("sic", "translation", "quote", "editor")


@dataclass(frozen=True)
class Annotation:
    """A note on one exact passage of the body, shown beside it; the text itself is not changed."""

    text: str  # the passage, verbatim, once in the body
    note: str
    kind: str  # one of ANNOTATION_KINDS


@dataclass(frozen=True)
class ArticleCorrection:
    date: date
    change: str
    reason: str | None = None


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    date: datetime
    lang: str
    translation_key: str
    slug: str
    summary: str | None = None
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: Source | None = None
    translation: Translation | None = None
    editor_note: str | None = None
    review: tuple[str, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    corrections: tuple[ArticleCorrection, ...] = ()
    translation_chain: tuple[TranslationStep, ...] = ()
    # The UTC offset (minutes) `date` was written with: `date` keeps the time as written (for display and
    # order); what states a moment (feeds, structured data) states it with this offset. None: no offset.
    date_offset: int | None = None

    @property
    def editor_note_paragraphs(self) -> tuple[str, ...]:
        return paragraphs(self.editor_note) if self.editor_note else ()


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    kind: str  # shown to contributors: "text", "date", "list of text"...
    description: str


FIELDS: tuple[Field, ...] = (
    Field(
        "title", True, "text", f"The article's title, in the article's language; at most {TITLE_MAX_CHARS} characters."
    ),
    Field("date", True, "date", "Publication date of the source: YYYY-MM-DD, or an ISO datetime."),
    Field("lang", True, "pl | en", "Language of this file."),
    Field("translation_key", True, "slug", "Same value in every language version of one article."),
    Field(
        "slug",
        False,
        "slug",
        "Last part of the URL; default: the title, transliterated (ł->l, ą->a); never `page` (a year's next pages).",
    ),
    Field(
        "summary",
        False,
        "text",
        "One paragraph of inline Markdown (`*emphasis*`, `**strong**`, `[links](https://...)`, "
        "`[words]{lang=vi}`), rendered as the body is and its links under the body's rules, with no image and no "
        "`{static}` link (the body's only are copied); a heading, list, "
        "quotation, code block, table or second paragraph is refused (`\\#`, `\\-`, `1\\.` start it with the "
        f"character itself); at most {LEAD_MAX_WORDS} words and {LEAD_MAX_CHARS} characters as a reader reads "
        f"it, not counting the markup; default: the lead paragraph, cut after its {LEAD_MAX_WORDS}th word or at "
        f"{LEAD_MAX_CHARS} characters.",
    ),
    Field("countries", False, "list of codes", "ISO 3166-1 alpha-2 codes of the countries covered, plus EU."),
    Field(
        "tags",
        False,
        "list of text",
        "Topics, each with its page; case, diacritics and punctuation do not matter (`Prawa człowieka` = "
        "`prawa czlowieka`, `C++` = `C`); "
        f"the address a topic makes is at most 80 characters; at most {MAX_TAGS} topics, the article's main ones. "
        "The search finds the article by each, named in either language (`ratification` finds `ratyfikacja`).",
    ),
    Field(
        "source",
        True,
        "mapping",
        "The original: `url` (http or https), `publisher` (who published it; may be left out when "
        "`content/data/publishers.yaml` knows the url's site), `raw` (the raw copy kept under "
        "`content/sources/`, where there is one: `sources/<file>`), and, where known, `accessed` (when the "
        "archive read it) and `archived` (the address of a copy a public web archive keeps).",
    ),
    Field(
        "translation",
        False,
        "mapping",
        "On a translated version: `from` (the original's language) and `by` (who or what translated it).",
    ),
    Field("editor_note", False, "text", "A note by the archive's editors, shown apart from the source text."),
    Field("review", False, "list of field names", "Fields an importer guessed and an editor should review."),
    Field(
        "annotations",
        False,
        "list of mappings",
        "Notes on exact passages, shown beside them without changing the text: `text` (the passage, verbatim, "
        "found once in the body), `note`, and `kind`: sic (the source's spelling kept), translation "
        "(a translator's note), quote (a quotation translated from a translation), editor; at most "
        f"{MAX_ANNOTATIONS}.",
    ),
    Field(
        "corrections",
        False,
        "list of mappings",
        "Changes made after publication, shown on the page: `date`, `change` and optionally `reason`.",
    ),
    Field(
        "translation_chain",
        False,
        "list of mappings",
        "Every translation between the original and this text, oldest first: `from`, `to` (ISO 639-1 codes) "
        "and `by` (who or what translated it, as it reads after `translated by`; `an unnamed translator` when the "
        "source names nobody).",
    ),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
# The keys of the `source:` mapping.
SOURCE_FIELDS: tuple[Field, ...] = (
    Field("url", True, "url", "The original's full http(s) address."),
    Field("publisher", False, "text", "Who published the original."),
    Field("raw", False, "path", "The raw copy, relative to the content folder: `sources/<file>`."),
    Field("accessed", False, "date", "When the archive read the original."),
    Field(
        "archived",
        False,
        "archive's url",
        f"An archived copy's address, one you opened, kept by a public web archive ({ARCHIVES_NAMED}); "
        "without it, the page offers a lookup in the Wayback Machine "
        "as of `accessed` (else the article's date), never called an archived copy.",
    ),
)
# The keys of the other mappings, each item's for a list of them.
TRANSLATION_FIELDS: tuple[Field, ...] = (
    Field("from", True, "pl | en", "The original's language."),
    Field("by", True, "text", "Who or what translated it."),
)
ANNOTATION_FIELDS: tuple[Field, ...] = (
    Field("text", True, "text", "The passage, verbatim, found once in the body."),
    Field("note", True, "text", "The note."),
    Field("kind", True, "annotation kind", f"One of {', '.join(ANNOTATION_KINDS)}."),
)
CORRECTION_FIELDS: tuple[Field, ...] = (
    Field("date", True, "date", "When the change was made."),
    Field("change", True, "text", "What was changed."),
    Field("reason", False, "text", "Why."),
)
CHAIN_FIELDS: tuple[Field, ...] = (
    Field("from", True, "language code", "The language translated from (ISO 639-1)."),
    Field("to", True, "language code", "The language translated into (ISO 639-1)."),
    Field("by", True, "text", "Who or what translated it."),
)
PARTS: dict[str, tuple[Field, ...]] = {
    "source": SOURCE_FIELDS,
    "translation": TRANSLATION_FIELDS,
    "annotations": ANNOTATION_FIELDS,
    "corrections": CORRECTION_FIELDS,
    "translation_chain": CHAIN_FIELDS,
}
# The YAML type of each kind of field; a kind not here (`pl | en`, a language code) is one of a few values, and
# its own rule names them.
TYPE_OF_KIND: dict[str, Expected] = {
    "text": "text",
    "slug": "text",
    "url": "text",
    "path": "text",
    "date": "date",
    "list of codes": "list of text",
    "list of text": "list of text",
    "list of field names": "list of text",
    "list of mappings": "list of mappings",
    "mapping": "mapping",
}
# What `make new` writes where a value is still to be given; `make check` refuses a file that keeps one.
PLACEHOLDER = "..."
_PLACEHOLDER_TEXT = re.compile(r"[.…\s]*|todo|tbd|fixme|xxx", re.IGNORECASE)
T = TypeVar("T")


class _Invalid(Exception):
    """A value that failed its rule, its problem recorded: what needs the value is skipped."""


_KEY_HINT = "add a word to the key (`-conference`), the same in every version, and name the files by it"
# The fields an article's file name repeats (`<translation_key>.<lang>.md`): a hint proposing a value of one
# proposes the name's (`_Validator.from_name`).
NAMED_FIELDS = ("translation_key", "lang")


def is_translation_key(key: str) -> bool:
    """Whether a valid article could have `key` as its `translation_key:`: a slug that a file can be named by."""
    return is_slug(key) and _key_file_problem(key) is None


def _key_file_problem(key: str) -> str | None:
    """Why no file can be named by `key` (`<key>.<lang>.md`) in every checkout: `con`, a name Windows reserves for
    a device (the file is refused so), or None."""
    unheld = portable_name_problem(f"{key}.pl.md")
    return f"{key}.<lang>.md {unheld}" if unheld else None


class _Validator:
    """Checks one front-matter mapping, recording every independent problem (`problems`): a field's checks stop at
    its first, and a check that needs a value that failed is skipped rather than reported as a second problem."""

    def __init__(self, data: dict[str, Any], doc: SplitDocument, root: yaml.Node | None) -> None:
        self.data = data
        self.doc = doc
        self.root = root  # the front-matter's nodes, which know each field's line
        self.problems: dict[Problem, None] = {}  # in the order found, each once
        # Each a set of names, so that a file of 20,000 bad items is checked in linear time: the fields with a
        # problem and each field they are part of (`source.url`, `source`), those a misspelt key was meant to be
        # among them; the fields whose problem is told, none more of them or of their parts.
        self.failed: set[str] = set()
        self.settled: set[str] = set()

    def fail(
        self, field: str, message: str, hint: str = "", line: int | None = None, code: str | None = None
    ) -> NoReturn:
        """`field`'s problem, told at `line` (default: its value's first line); `code`: `Problem.code`."""
        self.mark(field)
        if not self.told(field):
            node = value_node(self.root, field)
            line = line or node_line(self.root, field) or 2
            column = node_column(node, line - 2)
            problem = Problem(str(self.doc.path), line, field, message, hint, column=column, code=code)
            self.problems[problem] = None
        raise _Invalid(field)

    def quoted(self, field: str, value: Any) -> str:
        """`field`'s value as a message names it (`field_types.quoted`): as the file writes it."""
        return quoted(value, written_scalar(self.doc, field, self.root))

    def text_lines(self, field: str, value: str) -> Callable[[int | None], int | None]:
        """The line of the file where the character at an offset of the text of `field` (`value`, stripped) is
        written; None for no offset."""
        node = value_node(self.root, field)
        if not isinstance(node, yaml.ScalarNode):
            return lambda offset: None
        lead = len(value) - len(value.lstrip())
        find = line_finder(node, self.doc.yaml_text.split("\n"))
        return lambda offset: None if offset is None else find(lead + offset) + 2  # the YAML starts at line 2

    def mark(self, field: str, settled: bool = False) -> None:
        """`field` failed (and is told, when `settled`): so did each field it is part of."""
        self.failed.update(_enclosing(field))
        if settled:
            self.settled.add(field)

    def told(self, field: str) -> bool:
        return any(name in self.settled for name in _enclosing(field))

    def ok(self, field: str) -> bool:
        """Neither `field` nor any of its parts failed."""
        return field not in self.failed

    def attempt(self, check: Callable[..., T], *args: Any) -> T | None:
        """`check(*args)`, or None when it failed (its problem recorded)."""
        try:
            return check(*args)
        except _Invalid:
            return None

    @property
    def named(self) -> dict[str, str]:
        """What the file's name, `<translation_key>.<lang>.md`, gives of the fields it repeats (each valid)."""
        name = ARTICLE_NAME.fullmatch(Path(self.doc.path).name)
        if name is None:
            return {}
        given = {"translation_key": name["key"], "lang": name["lang"]}
        return {
            field: value
            for field, value in given.items()
            if (is_slug(value) if field != "lang" else value in LANGUAGES)
        }

    def missing(self, field: str, otherwise: str | None = None) -> NoReturn:
        """`field` is missing: told the value the file's name gives, where it gives one; else `otherwise`."""
        named = self.from_name(field, f"add `{{}}` {_where(field)}")
        hint, code = named or (otherwise or f"add `{_key(field)}: ...` {_where(field)}", None)
        self.fail(field, "is missing", hint, code=code)

    def from_name(self, field: str, how: str) -> tuple[str, str | None] | None:
        """The hint that gives `field` the value the file's name gives (`how` formatted with `key: value`), and its
        `Problem.code`; for a name whose key no `translation_key:` may be written as (`mój tytuł.pl.md`), the key
        made of it, the file renamed to it. None where the name gives none. Every hint of a field the name repeats
        proposes its value so: a value told to be quoted (`translation_key: "7"`) was then told to be the file's."""
        value = self.named.get(field)
        if value:
            return f"{how.format(f'{_key(field)}: {as_written(value)}')}: the file's name gives it", None
        name = ARTICLE_NAME.fullmatch(Path(self.doc.path).name)
        if field != "translation_key" or name is None or not (key := as_slug(name["key"], SLUG_MAX_LENGTH)):
            return None
        if unheld := _key_file_problem(key):
            return f"{how.format('translation_key: ...')}, not {key!r}: {unheld}; {_KEY_HINT}", NAMES_FILE
        return f"{how.format(f'translation_key: {as_written(key)}')}{self.renamed_for_key(key)}", NAMES_FILE

    def renamed_for_key(self, key: str) -> str:
        """`, and rename the file to <key>.<lang>.md...` where the file's name holds a key no `translation_key:` may
        be written as (`Łódź-Konferencja.pl.md`): a hint to write `key` alone was followed by one to rename the
        file to it, a round each. Nothing where the name is a key: what it contradicts is told with both ways out
        (`file_place`)."""
        name = ARTICLE_NAME.fullmatch(Path(self.doc.path).name)
        if name is None or is_slug(name["key"]):
            return ""
        return f", and {self.renamed_to(key)} (its name starts with the key)"

    def folder_year(self) -> str | None:
        """The year of the article's folder (`articles/2024/`), which its `date:` must be of; None elsewhere."""
        year = Path(self.doc.path).parent.name
        return year if re.fullmatch(r"[0-9]{4}", year) else None

    def dated(self, hint: str) -> str:
        """A hint of `date:`, its example of the year of the file's folder (the example of another year, followed,
        was refused by the next check as of another folder); where it writes a day of another year (`write 2024-10-26`
        of `26/10/2024` in `2025/`), also where the file goes, as `file_place` would tell once the date reads."""
        if (folder := self.folder_year()) is None:
            return hint
        hint = hint.replace(EXAMPLE_DATE, f"{folder}{EXAMPLE_DATE[4:]}")
        years = set(re.findall(r"(?<![0-9])([0-9]{4})-[0-9]{2}-", hint))
        if len(years) != 1 or years == {folder}:
            return hint
        [year] = years
        articles = Path(self.doc.path).parent.parent.name
        return (
            f"{hint}; {year} is not the year of the file's folder {folder}/: if it is right, move the file into "
            f"{articles}/{year}/, under its name"
        )

    def renamed_to(self, key: str) -> str:
        """`rename the file to <key>.<lang>.md, in its folder`, the language the file's name ends in."""
        name = ARTICLE_NAME.fullmatch(Path(self.doc.path).name)
        return f"rename the file to {key}.{name['lang'] if name else '<lang>'}.md, in its folder"

    def text(self, field: str, value: Any, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.missing(field)
            return None
        self.typed(field, value, "text")
        value = value.strip()
        if required and not value:
            self.fail(field, "is empty", f"give `{field}` a value")
        return value or None

    def typed(self, field: str, value: Any, expected: Expected) -> None:
        """Fail, saying what `value` is, unless it is of the type `expected`."""
        if not fits(value, expected):
            written = written_scalar(self.doc, field, self.root)
            tag = written_tag(self.doc.yaml_text, value_node(self.root, field))
            key = "" if _is_index(_key(field)) else _key(field)
            message, hint = wrong_type(value, expected, key, written, tag)
            named = self.from_name(field, "write `{}`") if field in NAMED_FIELDS else None
            hint, code = named or (pelican_shape_hint(field, value) or _main_key_hint(field, value) or hint, None)
            self.fail(field, message, self.dated(hint) if field == "date" else hint, code=code)

    def check_types(self, data: dict[str, Any], fields: tuple[Field, ...], where: str = "") -> None:
        """Every field of `fields` in `data`, and every key of its parts (`source.url`, `corrections.0.date`),
        of the type its kind is (`TYPE_OF_KIND`): before any field's own rule, so that none reads a number
        as a missing text. A value of the wrong type is told once: its field's rules are not checked."""
        for spec in fields:
            name, value = f"{where}{spec.name}", data.get(spec.name)
            if (expected := TYPE_OF_KIND.get(spec.kind)) is None or not self.settle(name, value, expected):
                continue
            if expected == "list of text":
                for index, item in enumerate(value or ()):
                    self.settle(f"{name}.{index}", item, "text")
            elif expected == "mapping" and value and spec.name in PARTS:
                self.check_types(value, PARTS[spec.name], f"{name}.")
            elif expected == "list of mappings" and spec.name in PARTS:
                for index, item in enumerate(value or ()):
                    if self.settle(f"{name}.{index}", item, "mapping"):
                        self.check_types(item or {}, PARTS[spec.name], f"{name}.{index}.")

    def settle(self, field: str, value: Any, expected: Expected) -> bool:
        """True when `value` is of the type `expected`; else its problem is told, and no other of `field`."""
        if fits(value, expected):
            return True
        self.attempt(self.typed, field, value, expected)
        self.mark(field, settled=True)
        return False

    def slug(self, field: str, value: Any, required: bool = False) -> str | None:
        text = self.text(field, value, required)
        if text is not None and not is_slug(text):
            rule = f"use only a-z, 0-9 and single hyphens, at most {SLUG_MAX_LENGTH} characters"
            hint = slug_hint(_key(field), text, rule, SLUG_MAX_LENGTH, shown=as_written)
            proposed = as_slug(text, SLUG_MAX_LENGTH)
            code = NAMES_FILE if field == "translation_key" and proposed else None
            if proposed == PAGINATION_FOLDER:
                hint, code = f"{rule}, and not {PAGINATION_FOLDER!r}, the address of a year page's next pages", None
            elif code and (unheld := _key_file_problem(proposed)):
                hint = f"{rule}, and not {proposed!r}: {unheld}; {_KEY_HINT}"
            elif code and (named := self.named.get(field)) and named != proposed:
                # `Tytuł X` in `tytul.pl.md`: `tytul-x` alone was then told to be the file's key, a round later.
                hint = (
                    f"write `translation_key: {as_written(named)}`, as the file's name gives it ({rule}); if the key "
                    f"is to be {proposed}, write that, and {self.renamed_to(proposed)}"
                )
            elif code:
                renamed = self.renamed_for_key(proposed)
                hint, code = hint + renamed, NAMES_FILE if renamed else None
            self.fail(field, f"{text!r} is not a valid slug", hint, code=code)
        if field == "translation_key" and text is not None and (unheld := _key_file_problem(text)):
            # The file named by it is refused before it is read; a file named otherwise was told to take its name.
            self.fail(field, f"{text!r} names the article's files, and {unheld}", _KEY_HINT, code=NAMES_FILE)
        return text

    def text_list(self, field: str, value: Any, check: Callable[[str, str], None] | None = None) -> tuple[str, ...]:
        """The items of the list `field`, each item's problem told at its own line (`countries.2`; the list fails
        after them all); `check(item_field, item)` fails an item."""
        if value is None:
            return ()
        self.typed(field, value, "list of text")
        items, failed = [], False
        for index, item in enumerate(value):
            if self.settled and self.told(f"{field}.{index}"):
                failed = True
                continue
            item_field = f"{field}.{index}"
            try:
                self.typed(item_field, item, "text")
                if item is None or not item.strip():  # `- ` with nothing, or only a comment, after it
                    self.fail(item_field, *empty_item())
                if check:
                    check(item_field, item)
            except _Invalid:
                failed = True
            else:
                items.append(item.strip())
        if failed:
            raise _Invalid(field)
        return tuple(items)

    def mapping(self, field: str, value: Any, keys: set[str]) -> dict[str, Any] | None:
        """`value`, a mapping of `keys` only: every key it should not have told, its other keys checked still, but
        for the missing one a misspelt key was meant to be."""
        if value is None:
            return None
        self.typed(field, value, "mapping")
        names = Suggestions(sorted(keys), {str(key) for key in value})
        aliases = KEY_ALIASES.get(field.split(".")[0], {})
        for key in value:
            if key not in keys:
                alias = aliases.get(str(key).casefold())
                meant = names.meant(str(key), alias)
                hint = names.hint(str(key), "`{}`", f"known keys: {', '.join(sorted(keys))}", alias)
                line = node_line(self.root, f"{field}.{key}")  # found by the key as written, named escaped
                self.attempt(self.fail, f"{field}.{key_label(key)}", "is not a known key", hint, line)
                if meant and value.get(meant) is None:
                    self.mark(f"{field}.{meant}", settled=True)
        return value


# What other sites and tools call a field: a contributor's first guess, pointed to the archive's own name
# (Pelican's own keys: `pelican_keys`).
FIELD_ALIASES = {
    "topics": "tags",
    "topic": "tags",
    "country": "countries",
    "language": "lang",
    "publisher": "source.publisher",
    "key": "translation_key",
    "translator": "translation.by",
    "note": "editor_note",
    "description": "summary",
}


# The key a record is written as when it is given as one value (`source: https://...`: its `url`), and what that key
# takes: another value (`source: Reuters`, `translation: DeepL`) is not that key's.
MAIN_KEYS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "source": ("url", is_http_url),
    "translation": ("from", lambda value: value in LANGUAGES),
}
MAIN_VALUE_MAX_CHARS = 80  # a value a hint shows whole, to be written in


def _main_key_hint(field: str, value: Any) -> str | None:
    """For a record written as its main key's value (`source: https://...`), how to write that key."""
    key, takes = MAIN_KEYS.get(field, ("", None))
    if takes is None or not isinstance(value, str) or not takes(value.strip()):
        return None
    shown = value.strip() if len(value.strip()) <= MAIN_VALUE_MAX_CHARS and "\n" not in value.strip() else "..."
    return f"write `{field}:` alone on its line, and under it, indented, `{key}: {shown}`"


# The same for the keys of a field's records: what other tools, or the words of a record, call them.
KEY_ALIASES: dict[str, dict[str, str]] = {
    "source": SOURCE_ALIASES,
    "translation": {"translator": "by", "translated_by": "by", "lang": "from", "language": "from"},
    "annotations": {"passage": "text", "quote": "text", "comment": "note", "type": "kind"},
    "corrections": {"text": "change", "description": "change", "why": "reason"},
    "translation_chain": {"translator": "by", "translated_by": "by", "into": "to"},
}


def _summary(v: _Validator, value: Any) -> str | None:
    """Inline Markdown, shown on every page that lists the article, in its feed entry and in its page's head:
    one paragraph, its links as the body's, bounded as the lead on what a reader reads (`summaries`)."""
    summary = v.text("summary", value)
    if summary is None or is_placeholder(summary):  # `...` is told as a placeholder (`unfinished`), not as no words
        return summary
    line = v.text_lines("summary", value)
    for offset, message, hint in summary_problems(summary):
        v.attempt(v.fail, "summary", message, hint, line(offset))
    return summary


@dataclass(frozen=True)
class Checked:
    """A front-matter checked: its metadata, or every problem found in it (in the file's order); and the notes
    that are as they must be, by their index, whose passages are looked for in the body either way."""

    meta: ArticleMeta | None
    problems: tuple[Problem, ...]
    annotations: tuple[tuple[int, Annotation], ...]
    # Of READ_FIELDS, those that read well, by name, as `ArticleMeta` holds them (all of them where `meta` is).
    read: Mapping[str, Any]


# The fields that say which version of which article a file is, and what its versions are compared by (`versions`).
VERSION_FIELDS = ("date", "lang", "translation_key", "translation", "source", "countries")
# And those that make its address and its words (`title`, `slug`, `summary`): of a refused article, the checks of
# several files compare what of these read well (`articles.RefusedArticle`).
READ_FIELDS = (*VERSION_FIELDS, "title", "slug", "summary")


def validate(data: dict[str, Any], doc: SplitDocument) -> ArticleMeta:
    """The article's metadata; ContentError with every problem of the front-matter, in the file's order."""
    checked = check(data, doc, compose(doc))
    if checked.meta is None:
        raise ContentError(*checked.problems)
    return checked.meta


def check(data: dict[str, Any], doc: SplitDocument, root: yaml.Node | None, told: Iterable[Problem] = ()) -> Checked:
    """`root`: the front-matter's nodes (`frontmatter.load_with_nodes`); `told`: the problems already found in the
    front-matter's values (`frontmatter.parse_yaml`), told with the others; no other problem of their fields is,
    but of a list's items (a value listed twice, a list set twice says nothing of the others)."""
    v = _Validator(data, doc, root)
    for problem in told:
        v.problems[problem] = None
        v.mark(problem.field, settled=not isinstance(_value(data, problem.field), list))
    names = Suggestions(FIELD_NAMES, {str(key) for key in data})
    for key in data:
        if key not in FIELD_NAMES:
            v.attempt(_unknown_field, v, key, names)
    v.check_types(data, FIELDS)
    title = v.attempt(v.text, "title", data.get("title"), True)  # at most TITLE_MAX_CHARS (`frontmatter`)
    published = v.attempt(_date, v, data.get("date"))
    lang = v.attempt(_lang, v, data.get("lang"))
    key = v.attempt(v.slug, "translation_key", data.get("translation_key"), True)
    slug = v.attempt(_slug, v, data.get("slug"), title, key, lang)
    source = v.attempt(_source, v, data.get("source"), published)
    translation = v.attempt(_translation, v, data.get("translation"), lang)
    review = v.attempt(_review, v, data.get("review"))
    tags = v.attempt(_tags, v, data.get("tags"))
    meta = dict(
        summary=v.attempt(_summary, v, data.get("summary")),
        countries=v.attempt(v.text_list, "countries", data.get("countries"), partial(_check_country, v)),
        editor_note=v.attempt(v.text, "editor_note", data.get("editor_note")),
        annotations=v.attempt(_annotations, v, data.get("annotations")),
        corrections=v.attempt(_corrections, v, data.get("corrections"), published),
        translation_chain=v.attempt(_translation_chain, v, data.get("translation_chain"), lang, translation),
    )
    notes = meta["annotations"] or ()
    meta["annotations"] = tuple(annotation for _, annotation in notes)
    values = dict(date=published, lang=lang, translation_key=key, translation=translation, source=source,
                  countries=meta["countries"], title=title, slug=slug, summary=meta["summary"])  # fmt: skip
    read = {name: value for name, value in values.items() if v.ok(name) and (value is not None or name != "slug")}
    if v.problems:
        return Checked(None, tuple(in_file_order(v.problems)), notes, read)
    article = ArticleMeta(
        title=title,
        date=published,
        lang=lang,
        translation_key=key,
        slug=slug,
        source=source,
        translation=translation,
        review=review,
        tags=tags,
        **meta,
    )
    return Checked(article, (), notes, read)


def _unknown_field(v: _Validator, key: Any, names: Suggestions) -> None:
    label = key_label(key)
    # The key's own line (a mapping's value starts on the next): a label quoted (`'source name'`) is no key to look up.
    found = keyed(v.root).get(str(key)) if isinstance(v.root, yaml.MappingNode) else None
    line = found[0].start_mark.line + 2 if found else node_line(v.root, str(key))
    if pelican := pelican_key(str(key), FIELD_NAMES):
        field = pelican.instead
        hint = f"{pelican.hint}: {names.propose(field, '`{}`')}" if field in FIELD_NAMES else pelican.hint
        v.attempt(v.fail, label, "is not a known field", hint, line)
    else:
        alias = FIELD_ALIASES.get(str(key).lower())
        known = f"did you mean {_shown_field(alias)}?" if alias else f"known fields: {', '.join(FIELD_NAMES)}"
        hint = names.hint(str(key), "`{}`", known, alias if alias in FIELD_NAMES else None)
        v.attempt(v.fail, label, "is not a known field", hint, line)
        field = names.meant(str(key), alias)
    if field and _value(v.data, field) is None:  # the field the key was meant to be: not told again as missing
        v.mark(field if field.split(".")[0] in v.data else field.split(".")[0], settled=True)  # `url:`: `source`


def _shown_field(field: str) -> str:
    """How a hint names `field`: `tags`, or `url:` under `source:`."""
    *outer, key = field.split(".")
    return f"`{key}:` under `{outer[0]}:`" if outer else f"`{key}`"


def _lang(v: _Validator, lang: Any) -> str:
    if lang is None:
        v.missing("lang", "lang: pl or lang: en")
    if lang not in LANGUAGES:
        hint = meant_hint(lang, LANGUAGES, "lang: pl or lang: en")
        meant = meant_value(lang[0] if isinstance(lang, list) and len(lang) == 1 else lang, LANGUAGES)
        name = ARTICLE_NAME.fullmatch(Path(v.doc.path).name)
        # `lang: 7` in `tytul.pl.md`: `lang: en`, one of the two proposed, was then told to be the file's `pl`.
        if (named := v.named.get("lang")) and meant is None:
            hint = f"write `lang: {named}`: the file's name gives it"
        elif named and name and meant != named:
            hint = (
                f"write `lang: {meant}` if the text is in {meant!r}, and rename the file to {name['key']}.{meant}.md, "
                f"in its folder; if it is in {named!r}, as the file's name says, write `lang: {named}`"
            )
        v.fail(
            "lang",
            f"must be one of {', '.join(LANGUAGES)}, not {v.quoted('lang', lang)}"
            if lang is not None
            else "is missing",
            hint,
        )
    return lang


def _slug(v: _Validator, value: Any, title: str | None, key: str | None, lang: str | None) -> str | None:
    slug = v.slug("slug", value)
    if slug is None:
        if not v.ok("title"):
            return None  # made from a value that failed: its problem is told
        slug = default_slug(title)
        if not slug and is_placeholder(title):
            # A title still to be written (`make new` with KEY only) leaves the address to the translation_key.
            if not v.ok("translation_key"):
                return None
            slug = key
    if not slug:
        v.fail("slug", "cannot be derived from the title", "set `slug:` explicitly")
    if slug == PAGINATION_FOLDER:
        v.fail(
            "slug",
            f"{slug!r} is the address of the year page's next pages (/{lang or '<lang>'}/<year>/{slug}/2/)",
            "set another `slug:`",
        )
    elif slug and (unheld := portable_name_problem(slug)):  # the folder of the article's page: en/2025/<slug>/
        v.fail("slug", f"{slug!r} names the folder of the article's page, which {unheld}", "set another `slug:`")
    return slug


def _check_country(v: _Validator, field: str, code: str) -> None:
    if not countries.is_known(code):
        v.fail(field, f"{code!r} is not a known country code", countries.item_hint(code))


def _source(v: _Validator, value: Any, published: datetime | None) -> Source:
    source_data = v.mapping("source", value, _keys("source"))
    if source_data is None:
        v.fail(
            "source",
            "is missing",
            "every archived article names its original: `source:` with `url:` and `publisher:` indented under it",
        )
    url = v.attempt(_source_url, v, source_data.get("url"))
    raw = v.attempt(v.text, "source.raw", source_data.get("raw"))
    if raw is not None and not RAW_PATTERN.fullmatch(raw):
        if raw.startswith(f"{RAW_SOURCES_DIR}/") and ".." not in raw.split("/"):  # a name `raw:` cannot take
            told = f"{raw!r} is not a name `raw:` takes: {RAW_NAME_RULE}"
            hint = f"rename the file {raw_name_for(raw)}, and write that here"
        else:
            told = f"{raw!r} is not a file under {RAW_SOURCES_DIR}/"
            hint = f"give the raw copy's path relative to the content folder: {RAW_SOURCES_DIR}/<file>"
        v.attempt(v.fail, "source.raw", told, hint)
    archived = v.attempt(v.text, "source.archived", source_data.get("archived"))
    if archived is not None and not is_http_url(archived):
        v.attempt(
            v.fail,
            "source.archived",
            f"{archived!r} is not an http(s) address",
            address_hint(archived, "the archived copy's full address"),
        )
    elif archived is not None and (problem := archived_copy_problem(archived)):
        v.attempt(v.fail, "source.archived", *problem)
    accessed = source_data.get("accessed")
    publisher = v.attempt(v.text, "source.publisher", source_data.get("publisher"))
    if publisher and url and is_http_url(url) and (shown := another_site_shown(publisher, url)):
        message = f"shows the address of {shown}, and the link to the original goes to {urlsplit(url).hostname}"
        v.attempt(v.fail, "source.publisher", message, another_site_hint("publisher"))
    return Source(
        url=url,
        publisher=publisher,
        raw=raw,
        accessed=v.attempt(_accessed, v, accessed, published) if accessed is not None else None,
        archived=archived,
    )


def _source_url(v: _Validator, value: Any) -> str:
    url = v.text("source.url", value, required=True)
    if not is_http_url(url) and not is_placeholder(url):  # a scaffold's `https://...`: see `unfinished`
        v.fail(
            "source.url",
            f"{url!r} is not an http(s) address",
            address_hint(url, "give the full https://... address of the original"),
        )
    return url


def _accessed(v: _Validator, value: Any, published: datetime | None) -> date:
    day = _date(v, value, "source.accessed")
    return _after_publication(v, day, published, "source.accessed")


def _translation(v: _Validator, value: Any, lang: str | None) -> Translation | None:
    translation_data = v.mapping("translation", value, _keys("translation"))
    if translation_data is None:
        return None
    from_lang = translation_data.get("from")
    others = " or ".join(lang_ for lang_ in LANGUAGES if lang_ != lang)
    if from_lang == lang and lang is not None:
        # A version is not translated from its own language: either side may be the slip (`lang: en` in a `.pl.md`
        # translation from English), so both are named.
        v.attempt(
            v.fail,
            "translation.from",
            f"is {from_lang!r}, the language of this file itself (`lang: {lang}`)",
            f"a translation is from the other version's language: write `from: {others}`; or, if this file's text is "
            f"in {others}, correct `lang:`",
        )
    elif from_lang not in LANGUAGES:
        v.attempt(
            v.fail,
            "translation.from",
            f"must be the other archive language, not {v.quoted('translation.from', from_lang)}"
            if from_lang is not None
            else "is missing",
            # `translation:` pairs the archive's versions; an original in another language is a chain's step
            f"`translation:` is only on a version translated from the archive's {others} version; a text "
            f"translated from a source in {from_lang!r} records that as `translation_chain: [{{from: "
            f"{from_lang}, to: {lang}, by: ...}}]` instead"
            if isinstance(from_lang, str) and LANGUAGE_CODE.fullmatch(from_lang)
            else meant_hint(
                from_lang,
                [code for code in LANGUAGES if code != lang],
                f"write `from: {others}`, the original's language",
            ),
        )
    by = v.text("translation.by", translation_data.get("by"), required=True)
    return Translation(from_lang=from_lang, by=by)


def _review(v: _Validator, value: Any) -> tuple[str, ...]:
    def check_name(field: str, name: str) -> None:
        if name.strip() not in FIELD_NAMES:
            v.fail(field, f"{name.strip()!r} is not a field name", f"known fields: {', '.join(FIELD_NAMES)}")

    return v.text_list("review", value, check_name)


def _tags(v: _Validator, value: Any) -> tuple[str, ...]:
    topics: dict[str, str] = {}  # the first spelling of each topic, by its address

    def check_tag(field: str, tag: str) -> None:
        if problem := tag_problem(tag):
            v.fail(field, *problem)
        if (first := topics.setdefault(tag_slug(tag), tag)) != tag:
            v.fail(
                field,
                f"{first!r} and {tag!r} are one topic (case, diacritics and punctuation do not count)",
                "keep one",
            )

    named = [item for item in value if isinstance(item, str) and item.strip()] if isinstance(value, list) else []
    if len(named) > MAX_TAGS:  # told beside its items' problems: each other item is a topic more
        v.attempt(v.fail, "tags", f"names {len(named)} topics, more than {MAX_TAGS}", "keep the article's main topics")
    tags = v.text_list("tags", value, check_tag)
    if not v.ok("tags"):
        raise _Invalid("tags")
    return tags


def unfinished(
    data: dict[str, Any], doc: SplitDocument, root: yaml.Node | None, told: Container[str] = ()
) -> list[Problem]:
    """Every value `make new` left to fill in, and an empty body: all at once, so that a
    contributor sees what is left of a scaffold in one `make check`. Read from the front-matter as it is
    (`data`), so that they are told with its other problems; none of a field in `told` (whose problem is)."""
    hints = {
        "title": "write the article's title, in the article's language",
        "source.url": "give the original's full https://... address",
        "source.publisher": "name who published the original, or delete the line when "
        "content/data/publishers.yaml knows its site",
        "translation.by": "say who or what translated it",
        "summary": "write a summary, or delete the line to use the lead paragraph",
        "editor_note": "write the note, or delete the line",
    }
    values = {field: _value(data, field) for field in hints}
    chain = data.get("translation_chain")
    for index, step in enumerate(chain if isinstance(chain, list) else ()):
        values[f"translation_chain.{index}.by"] = step.get("by") if isinstance(step, dict) else None
        hints[f"translation_chain.{index}.by"] = "say who or what translated it"
    placeholders = [(field, value) for field, value in values.items()
                    if isinstance(value, str) and is_placeholder(value) and field not in told]  # fmt: skip
    problems = [
        Problem(
            doc.path, node_line(root, field) or 2, field, f"is still the placeholder {value.strip()!r}", hints[field]
        )
        for field, value in placeholders
    ]
    if not doc.body.strip():
        problems.append(
            Problem(
                doc.path,
                doc.body_line - 1,
                "body",
                "is empty",
                "write the translation of the original's whole text below the second '---' line"
                if data.get("translation")
                else "paste the source's text, verbatim, below the second '---' line",
            )
        )
    return problems


def _value(data: dict[str, Any], field: str) -> Any:
    """The value of `source.url` in `data`, or None."""
    for key in field.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def is_placeholder(value: str) -> bool:
    """`...`, `TODO`, or an address whose site is `...` (`https://...`)."""
    if _PLACEHOLDER_TEXT.fullmatch(value.strip()):
        return True
    try:
        host = urlsplit(value.strip()).netloc
    except ValueError:
        return False
    return bool(host) and _PLACEHOLDER_TEXT.fullmatch(host) is not None


def _keys(field: str, required: bool = False) -> set[str]:
    """The keys of the mapping `field` (of each item of a list of them), or its required keys: `PARTS`."""
    return {part.name for part in PARTS[field] if part.required or not required}


def _items(v: _Validator, field: str, value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The items (with their index) of a list of mappings with the keys `PARTS` gives `field`, each required key
    present; every other item's problems told."""
    keys, required = _keys(field), _keys(field, required=True)
    if value is None:
        return []
    v.typed(field, value, "list of mappings")
    return [
        (index, item)
        for index, item in enumerate(value)
        if v.attempt(_item, v, f"{field}.{index}", item, keys, required) is not None
    ]


def _item(v: _Validator, name: str, item: Any, keys: set[str], required: set[str]) -> dict[str, Any]:
    v.mapping(name, item, keys)
    if item is None:
        v.fail(name, *empty_item(f"keys: {', '.join(sorted(keys))}"))
    given = [v.attempt(v.text, f"{name}.{key}", item.get(key), True) for key in sorted(required - {"date"})]
    if None in given:
        raise _Invalid(name)
    return item


def _annotations(v: _Validator, value: Any) -> tuple[tuple[int, Annotation], ...]:
    """The notes that are as they must be, each with its index (every other one's problem told)."""
    if isinstance(value, list) and len(value) > MAX_ANNOTATIONS:
        v.fail(
            "annotations",
            f"has {len(value)} notes, more than {MAX_ANNOTATIONS}",
            "note the passages a reader must not misread; say the rest in `editor_note:`",
        )
    found = ((index, v.attempt(_annotation, v, index, item)) for index, item in _items(v, "annotations", value))
    return tuple((index, annotation) for index, annotation in found if annotation is not None)


def _annotation(v: _Validator, index: int, item: dict[str, Any]) -> Annotation:
    kind = item.get("kind")
    if kind not in ANNOTATION_KINDS:
        v.fail(
            f"annotations.{index}.kind",
            f"must be one of {', '.join(ANNOTATION_KINDS)}, not {v.quoted(f'annotations.{index}.kind', kind)}",
            meant_hint(
                kind,
                ANNOTATION_KINDS,
                "sic: the source's spelling kept; translation: a translator's note; quote: a quotation translated "
                "from a translation; editor: any other note of the archive's editors",
            ),
        )
    return Annotation(
        text=v.text(f"annotations.{index}.text", item["text"], required=True),
        note=v.text(f"annotations.{index}.note", item["note"], required=True),
        kind=kind,
    )


def _after_publication(v: _Validator, day: datetime, published: datetime | None, field: str) -> date:
    """`day`, when the archive read or corrected the article: never before the source was published (a day's
    slack: the source's date is where it was published, ahead of the archive's in Hanoi). Such a day passed, and
    a correction dated years before was listed last in the corrections log, as the oldest. Not compared with a
    `date:` that failed (its problem is told)."""
    if published is not None and day.date() < published.date() - timedelta(days=1):
        v.fail(
            field,
            f"{day.date().isoformat()} is before the source was published ({published.date().isoformat()}, the "
            "article's `date:`)",
            "the archive reads and corrects an article after it is published: check both dates",
        )
    return day.date()


def _corrections(v: _Validator, value: Any, published: datetime | None) -> tuple[ArticleCorrection, ...]:
    found = (v.attempt(_correction, v, index, item, published) for index, item in _items(v, "corrections", value))
    return tuple(sorted((c for c in found if c is not None), key=lambda correction: correction.date))


def _correction(v: _Validator, index: int, item: dict[str, Any], published: datetime | None) -> ArticleCorrection:
    field = f"corrections.{index}.date"
    day = v.attempt(_date, v, item.get("date"), field)
    correction = ArticleCorrection(
        date=v.attempt(_after_publication, v, day, published, field) if day is not None else None,
        change=v.attempt(v.text, f"corrections.{index}.change", item["change"], True),
        reason=v.attempt(v.text, f"corrections.{index}.reason", item.get("reason")),
    )
    if not v.ok(f"corrections.{index}"):
        raise _Invalid(field)
    return correction


def _translation_chain(
    v: _Validator, value: Any, lang: str | None, translation: Translation | None
) -> tuple[TranslationStep, ...]:
    items = _items(v, "translation_chain", value)
    steps = [v.attempt(_step, v, index, item) for index, item in items]
    if not v.ok("translation_chain"):
        return ()  # how the steps join is not told of steps that failed
    for index, (before, after) in enumerate(pairwise(steps)):
        if before.to_lang != after.from_lang:
            v.attempt(
                v.fail, f"translation_chain.{index + 1}.from", f"must be {before.to_lang!r}, the step before's `to`"
            )
    v.attempt(_chain_loop, v, steps)
    if steps and lang is not None and steps[-1].to_lang != lang:
        v.attempt(
            v.fail,
            f"translation_chain.{len(steps) - 1}.to",
            f"must be {lang!r}, this file's language",
            f"the last step ends in this file's language; or correct `lang: {lang}` if the file is in "
            f"{steps[-1].to_lang!r}",
        )
    if steps and translation and v.ok("translation") and steps[-1].from_lang != translation.from_lang:
        v.fail("translation_chain", "its last step does not match `translation.from`", "make the two agree")
    return tuple(steps)


def _chain_loop(v: _Validator, steps: list[TranslationStep]) -> None:
    """A step that translates into a language the text was in before (`vi` to `en`, then `en` to `vi`; `en` to
    `en`): the chain loops, and the page would name translations that gave back a text the chain had. Every loop is
    told at once, each at its last step, naming the step it starts at; the steps told, all deleted, leave a chain
    that joins and loops no more."""
    if not v.ok("translation_chain"):
        return
    loops = _loops(steps)
    for first, last, nested in loops:
        steps_told = f"step {first + 1}" if first == last else f"steps {first + 1} to {last + 1}"
        lines = _step_lines(v.root, first, last)
        # A step before another: its `to:` is that step's `from:` too. The last one's is the file's language. With
        # another loop in the chain, or inside this one, a corrected `to:` would leave a loop: deleting is the way.
        alone = len(loops) == 1 and not nested and last + 1 < len(steps)
        correct = f", or correct this `to:` and the `from:` of step {last + 2}" if alone else ""
        v.attempt(
            v.fail,
            f"translation_chain.{last}.to",
            f"{steps[last].to_lang!r} is the language step {first + 1} translates from: the chain loops",
            f"each step translates into a language the text was not in yet: delete {steps_told}"
            f"{f' ({lines})' if lines else ''}{correct}",
        )


def _loops(steps: list[TranslationStep]) -> list[tuple[int, int, bool]]:
    """The runs of steps to delete, as (first, last, whether it holds a loop of its own), in order: each loop
    erased as it closes (the text's languages kept since the last loop), a loop around loops told whole, so that
    the runs, all deleted, leave no loop (told one a run, a loop inside another was told again once deleted)."""
    kept: list[tuple[str, int]] = []  # the text's languages since the last loop, each with the step from it
    loops: list[tuple[int, int, bool]] = []
    for index, step in enumerate(steps):
        kept.append((step.from_lang, index))
        at = next((position for position, (lang, _) in enumerate(kept) if lang == step.to_lang), None)
        if at is None:
            continue
        first = kept[at][1]
        del kept[at:]
        inside = [loop for loop in loops if loop[0] >= first]
        loops = [*loops[: len(loops) - len(inside)], (first, index, bool(inside))]
    return loops


def _step_lines(root: yaml.Node | None, first: int, last: int) -> str:
    """The lines of steps `first` to `last` of the chain, to delete: none where they share a line with steps kept
    (`translation_chain: [{...}, {...}]`), whose lines, deleted, would delete those too."""
    chain = value_node(root, "translation_chain")
    if not isinstance(chain, yaml.SequenceNode) or chain.flow_style:
        return ""
    start = chain.value[first].start_mark.line + 2
    # The step's last line: that of its last value (a block mapping ends where the next item starts), a value that
    # ends at a line's start (`by: >-` and its lines) ending on the line before.
    step = chain.value[last]
    ends = [value for _, value in step.value] if isinstance(step, yaml.MappingNode) else [step]
    end = max((node.end_mark.line + (1 if node.end_mark.column == 0 else 2) for node in ends), default=start)
    return f"line {start}" if end <= start else f"lines {start} to {end}"


def _step(v: _Validator, index: int, item: dict[str, Any]) -> TranslationStep:
    for key in ("from", "to"):
        v.attempt(_language_code, v, f"translation_chain.{index}.{key}", item.get(key))
    by = v.text(f"translation_chain.{index}.by", item["by"], True)
    if not v.ok(f"translation_chain.{index}"):
        raise _Invalid(f"translation_chain.{index}")
    return TranslationStep(item["from"], item["to"], by)


def _language_code(v: _Validator, field: str, code: Any) -> None:
    if not isinstance(code, str) or not LANGUAGE_CODE.fullmatch(code):
        v.fail(field, f"{v.quoted(field, code)} is not a language code", "ISO 639-1: vi, pl, en")
    if not is_named_language(code):
        v.fail(
            field,
            f"{code!r} is not a language CLDR names in {' and '.join(LANGUAGES)}",
            "ISO 639-1: vi, pl, en; each page names the language of every step",
        )


def _enclosing(field: str) -> list[str]:
    """`field` and each field it is part of: `source.url`, `source`."""
    parts = field.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts) + 1)]


def _is_index(name: str) -> bool:
    """Whether a part of a field's name is a list's index (`0` of `corrections.0`), written in ASCII digits: `¹` is a
    digit to str.isdigit(), and no index int() reads."""
    return name.isascii() and name.isdigit()


def _key(field: str) -> str:
    """The key as it is written in the file: `change` of `corrections.0.change`."""
    return field.rsplit(".", 1)[-1]


def _where(field: str) -> str:
    """Where the key of `field` goes: `to the front-matter`, `under `source:``, `to item 1 of `corrections:``."""
    parent = field.split(".")[:-1]
    if not parent:
        return "to the front-matter"
    if _is_index(parent[-1]):
        return f"to item {int(parent[-1]) + 1} of `{'.'.join(parent[:-1])}:`"
    return f"under `{'.'.join(parent)}:`"


def default_slug(title: str) -> str:
    """`Białoruś i Łódź` -> `bialorus-i-lodz`."""
    return slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True, save_order=True)


def _date(v: _Validator, value: Any, field: str = "date") -> datetime:
    published = _parse_date(v, value, field)
    try:
        check_year(published)
    except YearTooEarly as exc:
        v.fail(field, str(exc), YEAR_HINT)
    latest = date.today() + MAX_DAYS_AHEAD
    if published.date() > latest:
        v.fail(
            field,
            f"{published.date().isoformat()} is in the future (the build's date is {date.today().isoformat()})",
            "the date is when the source was published: check the year"
            if field == "date"
            else "a date of the archive is when something happened: check the year",
        )
    return published


def _parse_date(v: _Validator, value: Any, field: str) -> datetime:
    if value is None:
        v.fail(field, "is missing", "add `date: YYYY-MM-DD`")
    if isinstance(value, datetime):
        return naive(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError as exc:
            if "offset" in str(exc):
                v.fail(
                    field, f"the time zone offset in {value!r} is out of range", "an offset is from -23:59 to +23:59"
                )
        else:
            # Python reads seconds in an offset (`+07:00:30`); the feed, Open Graph and JSON-LD state the moment
            # with the offset as written (`frontmatter.written_offset`), hours and minutes, as publishers print it.
            if (offset := parsed.utcoffset()) is not None and offset % timedelta(minutes=1):
                v.fail(field, f"the time zone offset in {value!r} has seconds", "write it in hours and minutes: +07:00")
            return naive(parsed)
    if isinstance(value, str) and (mistake := impossible_date(value)) is not None:  # as it is told unquoted
        v.fail(field, mistake.message, mistake.hint)
    hint = date_hint(value, f"write the date as YYYY-MM-DD, for example {EXAMPLE_DATE}")
    v.fail(field, f"{v.quoted(field, value)} is not a date", v.dated(hint) if field == "date" else hint)
    raise AssertionError("unreachable")
