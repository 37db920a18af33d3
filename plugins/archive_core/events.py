"""Curated timeline events: one YAML file per event under content/data/timeline/, checked in full."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from archive_core import countries, paths, yaml_tags
from archive_core.convention import Convention
from archive_core.data import Checks, DataFile, ItemCheck, Record, load_data, telling_yaml_problems
from archive_core.errors import ContentError, Problem, in_file_order
from archive_core.layout import EVENT_SUFFIX, EVENTS_DIR
from archive_core.locales import LANGUAGES
from archive_core.page_ids import is_reserved
from archive_core.provenance import Citation, Correction, Fields, Localized, said
from archive_core.schema import MAX_DAYS_AHEAD
from archive_core.suggestions import Suggestions, as_slug, meant_hint, meant_key, meant_keys, slug_hint

from .when import When, date_hint, parse_point, parse_range

# What an event is; `article` is reserved for the archive's own articles on the timeline.
KINDS: tuple[str, ...] = (
    "resolution",
    "negotiation-session",
    "approval",
    "adoption",
    "signing",
    "signature-period",
    "ratification",
    "entry-into-force",
)
# Kinds whose date can be ahead of the build: a step the convention's text fixes in advance (the last day of
# the signature period), at most SCHEDULED_HORIZON ahead. Any other event happened: its date is not ahead.
SCHEDULED_KINDS: frozenset[str] = frozenset({"signature-period"})
SCHEDULED_HORIZON = timedelta(days=10 * 366)
FIELDS: tuple[str, ...] = (
    "id",
    "kind",
    "date",
    "upcoming",
    "title",
    "description",
    "sources",
    "countries",
    "articles",
    "verified",
    "note",
    "corrections",
    "figures",
)
# Figures an event's description may state, each kept once in content/data/convention.yaml.
FIGURES: tuple[str, ...] = ("hanoi_signatures",)
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    when: When | None  # None: an upcoming step whose date is not known yet
    title: dict[str, str]
    description: dict[str, str]
    sources: tuple[Citation, ...]
    countries: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # translation_keys
    path: str = ""
    verified: bool = True  # False: the sources do not confirm all of it; `note` says what
    note: Localized | None = None
    corrections: tuple[Correction, ...] = ()
    figures: tuple[str, ...] = ()  # the convention's figures its description states (checked against convention.yaml)


# The most event files, and bytes of them, the timeline is read from: each file is read, checked against the
# others and written into pages, linearly (docs/performance.md, "Timeline events"), and neither was bounded: a pull
# request could add 100,000 files, or thousands of 2 MB each. A timeline of a treaty holds tens or hundreds.
MAX_EVENT_FILES = 5_000
MAX_EVENT_BYTES = 10_000_000


def event_files(content_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Every event file; anything else in the folder is a problem, not skipped. More files or bytes than the
    timeline is read from is one problem, naming the folder, and no file is read."""
    listing = paths.list_files(content_dir, content_dir / EVENTS_DIR, folder_suffixes=(EVENT_SUFFIX,))
    files, problems = [], listing.problems
    for path in listing.files:
        if path.suffix == EVENT_SUFFIX:
            files.append(path)
        else:
            problems.append(
                Problem(str(path), None, "file", "is not a timeline event", f"name event files <id>{EVENT_SUFFIX}")
            )
    if (too_many := _too_many(content_dir / EVENTS_DIR, files)) is not None:
        return [], [*problems, too_many]
    return files, problems


def _too_many(folder: Path, files: list[Path]) -> Problem | None:
    size = sum(path.stat().st_size for path in files) if len(files) <= MAX_EVENT_FILES else 0
    if len(files) <= MAX_EVENT_FILES and size <= MAX_EVENT_BYTES:
        return None
    what = f"{len(files):,} event files" if size == 0 else f"{size:,} bytes of event files"
    most = f"{MAX_EVENT_FILES:,} files" if size == 0 else f"{MAX_EVENT_BYTES:,} bytes"
    return Problem(
        str(folder),
        None,
        "file",
        f"holds {what}, more than the {most} the timeline is read from: none of them was read",
        "a treaty's timeline holds tens or hundreds of events of a few hundred bytes: check that the folder holds "
        "only this archive's events, one short record each",
    )


@telling_yaml_problems
def load_events(content_dir: Path, article_keys: Iterable[str]) -> tuple[list[Event], list[Problem]]:
    """All events, and every problem in them (an event with a problem, or one the YAML reading found something
    in, is not returned)."""
    files, problems = event_files(content_dir)
    known_articles = frozenset(article_keys)
    events: list[Event] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            data = load_data(path, content_dir, prefix=lambda read, path=path: f"{event_name(read, path)}: ")
        except ContentError as exc:
            problems += exc.problems
            continue
        event, found = validate_event(data, known_articles)
        problems += found
        if event is None:
            continue
        if event.id in seen:
            problems.append(
                data.problem(
                    ["id"],
                    "id",
                    f"event {event.id!r} is also the id of {seen[event.id]}",
                    "give every event its own id: it is the anchor of its entry",
                )
            )
            continue
        seen[event.id] = str(path)
        if not data.has_finding():  # a key set twice, told as such: checked against no other file until fixed
            events.append(event)
    return events, problems


def check_figures(events: Iterable[Event], convention: Convention | None) -> list[Problem]:
    """Every figure an event states is the one convention.yaml records, in each language's description."""
    problems = []
    for event in events:
        if not event.figures:
            continue
        if convention is None:
            problems.append(
                Problem(event.path, None, "figures", f"event {event.id!r} states figures, but there is no "
                        "data/convention.yaml to check them against", "add the file, or remove `figures:`")
            )  # fmt: skip
            continue
        expected = {"hanoi_signatures": (convention.hanoi_total, convention.hanoi_states)}
        for name in event.figures:
            for number in expected[name]:
                for lang, text in event.description.items():
                    if not re.search(rf"(?<![\d.,]){number}(?!\d|[.,]\d)", text):
                        problems.append(
                            Problem(event.path, None, f"description.{lang}", f"event {event.id!r} states {name}, "
                                    f"but its text does not give {number}, as data/convention.yaml records it",
                                    "make the text and convention.yaml agree (or say why they differ)")
                        )  # fmt: skip
    return problems


def event_name(data: Any, path: Path) -> str:
    """How every problem of an event file names the event: by its id as read, or by its file without one."""
    raw_id = data.get("id") if isinstance(data, dict) else None
    return f"event {raw_id!r}" if isinstance(raw_id, str) and raw_id else f"event in {path.name}"


class _Record(Checks):
    """Collects the problems of one event file, each naming the event and the field."""

    def __init__(self, data: DataFile) -> None:
        super().__init__()
        self.file = data
        self.data = data.data
        self.name = event_name(self.data, data.path)
        self.record = Record(data, prefix=f"{self.name}: ")

    def fail(self, keys: list, message: str, hint: str = "") -> None:
        self.add(self.record.fail(keys, message, hint))  # no keys: the whole file, `yaml`

    def text(self, keys: list, value: Any, hint: str) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.fail(keys, "is missing", hint)
            return None
        if not isinstance(value, str):
            self.add(self.record.wrong_type(keys, value, "text"))
            return None
        return " ".join(value.split())

    def translated(self, field: str) -> dict[str, str]:
        value = self.data.get(field)
        example = (
            f"write `{field}:` alone on its line, and under it, indented, one line per language: `pl: ...`, `en: ...`"
        )
        if not isinstance(value, dict):
            self.fail([field], "is missing" if value is None else "must give one text per language", example)
            return {}
        meant = set()  # the languages keys written otherwise were meant to be: not told missing beside them
        for lang in value:
            if lang not in LANGUAGES:
                hint, language = meant_key(lang, LANGUAGES, {*value, *meant}, f"use {' and '.join(LANGUAGES)}")
                self.fail([field, lang], "is not an archive language", hint)
                meant.add(language)
        texts = {}
        for lang in (lang for lang in LANGUAGES if lang not in meant):
            text = self.text([field, lang], value.get(lang), f"add the {field} in {lang}: `{lang}: ...` under {field}")
            if text:
                texts[lang] = text
        return texts

    def codes(self, field: str, check: ItemCheck) -> tuple[str, ...]:
        """The list `field` (none when it is left out), each bad item told at its line."""
        value = self.data.get(field)
        if value is None:
            return ()
        try:
            return self.record.text_items([field], value, check)
        except ContentError as exc:
            self.add(exc)
            return ()


def validate_event(data: DataFile, known_articles: frozenset[str]) -> tuple[Event | None, list[Problem]]:
    record = _Record(data)
    if not isinstance(data.data, dict):
        record.fail([], "the file is not a set of `field: value` lines", "see CONTRIBUTING.md, Adding a timeline event")
        return None, record.problems
    record.unknown_keys(record.record, data.data, FIELDS, kin=[{"date", "upcoming"}])  # either stands for the other

    event_id = record.text(["id"], data.data.get("id"), "add `id: a-short-slug`, the entry's anchor")
    if event_id and not ID_PATTERN.fullmatch(event_id):
        rule = "use only a-z, 0-9 and single hyphens"
        if (slug := as_slug(event_id)) and is_reserved(slug):  # `Main`: `main`, which the page keeps for itself
            hint = f"{rule}; not {slug!r}, which is reserved for the page's own anchors"
        else:
            hint = slug_hint("id", event_id, rule, shown=yaml_tags.as_written)
        if slug and not is_reserved(slug) and f"{slug}{EVENT_SUFFIX}" != data.path.name:
            hint += f"; and name the file {slug}{EVENT_SUFFIX}"
        record.fail(["id"], f"{event_id!r} is not a valid id", hint)
    elif event_id and is_reserved(event_id):
        record.fail(["id"], f"{event_id!r} is reserved for the page's own anchors", "choose another id")
    elif event_id and data.path.name != f"{event_id}{EVENT_SUFFIX}":
        record.fail(
            ["id"],
            f"{event_id!r} is not the name of its file, {data.path.name}",
            f"name the file {event_id}{EVENT_SUFFIX}: an event's file is named after its id, which is the address "
            "of its entry and never changes once published",
        )

    kind = data.data.get("kind")
    if kind not in KINDS:
        record.fail(
            ["kind"],
            "is missing" if kind is None else f"{record.record.quoted(['kind'], kind)} is not a known kind",
            meant_hint(kind, KINDS),
        )

    when = _when(record)
    title = record.translated("title")
    description = record.translated("description")
    sources = _sources(record)
    extra = _provenance(record)
    figures = record.codes(
        "figures",
        lambda name: None if name in FIGURES else (f"{name!r} is not a known figure", f"one of: {', '.join(FIGURES)}"),
    )
    country_codes = record.codes(
        "countries",
        lambda code: (
            None if countries.is_known(code) else (f"{code!r} is not a known country code", countries.item_hint(code))
        ),
    )
    given = record.data.get("articles")
    keys = Suggestions(
        sorted(known_articles), {key for key in given if isinstance(key, str)} if isinstance(given, list) else set()
    )
    article_keys = record.codes(
        "articles",
        lambda key: (
            None
            if key in known_articles
            else (
                f"no article has the translation_key {key!r}",
                keys.hint(key, "{!r}", "give the translation_key of an article in content/articles"),
            )
        ),
    )

    if record.problems:
        return None, in_file_order(record.problems)
    return Event(
        id=event_id,
        kind=kind,
        when=when,
        title=title,
        description=description,
        sources=sources,
        countries=country_codes,
        articles=article_keys,
        path=str(data.path),
        figures=figures,
        **extra,
    ), []


def _when(record: _Record) -> When | None:
    value, upcoming = record.data.get("date"), record.data.get("upcoming", False)
    if upcoming is not True and upcoming is not False:
        record.fail(["upcoming"], f"{record.record.quoted(['upcoming'], upcoming)} is not true or false",
                    _UPCOMING_HINTS[said(upcoming)])  # fmt: skip
        if value is None:  # missing or not: what `upcoming:` was meant to be says
            return None
        upcoming = False  # a date given is checked as one all the same: told in the same run
    if upcoming:
        if value is not None:
            record.fail(["date"], "an upcoming event has no date", "remove `date:` or `upcoming: true`")
        return None
    if value is None:
        record.fail(["date"], "is missing", "add `date: YYYY-MM-DD` (or YYYY-MM, or YYYY), or `upcoming: true`")
        return None
    if isinstance(value, dict):
        unknown = [key for key in value if key not in ("start", "end")]
        hints = meant_keys(unknown, ("start", "end"), value, "a range has `start:` and `end:`")
        for key, (hint, _) in zip(unknown, hints, strict=True):
            record.fail(["date", key], "is not a known key", hint)
        if unknown:  # a `start:` or `end:` written otherwise is not missing: told as the key it was meant to be
            return None
        written = (record.file.written("date", "start"), record.file.written("date", "end"))
        # Each day past the horizon is told before the range is read: a start of 2999 for 2025 made an end
        # "before the start", and the year to fix was not named.
        points = _points_read(value, written)
        ahead = {key for key, (day, _) in points.items() if _ahead(record, ["date", key], day)}
        if ahead == {"start"} and "end" in points and points["end"][1] == points["start"][1]:
            return None  # the end is before that start only through its year: "before the start" named the end
        try:
            when = parse_range(value.get("start"), value.get("end"), written)
        except ValueError as exc:
            field, message, *written_value = exc.args
            hint = "use real dates, YYYY-MM-DD, YYYY-MM or YYYY, end after start"
            record.fail(["date", field], message, date_hint(written_value[0], hint, True) if written_value else hint)
            return None
        return None if ahead else when
    try:
        start, precision = parse_point(value, record.file.written("date"))
    except ValueError as exc:
        hint = "use a real date: YYYY-MM-DD, YYYY-MM or YYYY"
        if isinstance(value, str) and (both := _WRITTEN_RANGE.fullmatch(value.strip())):
            hint = f"a range is written `date: {{start: {both[1]}, end: {both[2]}}}`"
        record.fail(["date"], str(exc), date_hint(value, hint, in_timeline=True))
        return None
    return None if _ahead(record, ["date"], start) else When(start, precision)


_UPCOMING_HINTS = {
    True: "write `upcoming: true`: a next step with no date yet",
    False: "write `upcoming: false`, or delete the line: an event with a date is not upcoming",
    None: "upcoming: true marks a next step with no date yet; delete the line for an event with a date",
}
# Two dates written as one: `2025-10-25 - 2025-10-26`, `2025-10-25–2025-10-26`, `2025-10-25 to 2025-10-26`.
_WRITTEN_RANGE = re.compile(r"([0-9]{4}(?:-[0-9]{2}){0,2})\s*(?:[-–—]|\bto\b|\.\.)\s*([0-9]{4}(?:-[0-9]{2}){0,2})")


def _points_read(value: dict, written: tuple[str | None, str | None]) -> dict[str, tuple[date, str]]:
    """The first day and precision of each of a range's `start:` and `end:` that is a date, by key (what is not is
    told by `parse_range`)."""
    points = {}
    for key, as_written in zip(("start", "end"), written, strict=True):
        try:
            points[key] = parse_point(value.get(key), as_written)
        except ValueError:
            continue
    return points


def _ahead(record: _Record, keys: list, day: date) -> bool:
    """Whether `day` is later than tomorrow (or, for a scheduled kind, than the horizon): then told at `keys`."""
    today = date.today()
    kind = record.data.get("kind")  # refused already if it is not a known kind, and checked on: any YAML value
    scheduled = isinstance(kind, str) and kind in SCHEDULED_KINDS
    if day <= today + (SCHEDULED_HORIZON if scheduled else MAX_DAYS_AHEAD):
        return False
    hint = (
        "check the year: a date fixed in advance is at most ten years ahead"
        if scheduled
        else "an event of the timeline has happened: check the year, or mark a next step `upcoming: true`"
    )
    record.fail(keys, f"{day.isoformat()} is in the future (the build's date is {today.isoformat()})", hint)
    return True


def _sources(record: _Record) -> tuple[Citation, ...]:
    value = record.data.get("sources")
    hint = "list where the fact is published: `sources: [{url: https://..., publisher: ..., accessed: YYYY-MM-DD}]`"
    if value is None or value == []:
        record.fail(["sources"], "an event needs at least one source", hint)
        return ()
    if not isinstance(value, list):
        record.fail(["sources"], "must be a list of sources", hint)
        return ()
    fields = Fields(record.file, [], prefix=f"{record.name}: ")
    found = [record.attempt(fields.citation, ["sources", index], item) for index, item in enumerate(value)]
    record.attempt(fields.cited_once, ["sources"], value, found)
    return tuple(citation for citation in found if citation is not None)


def _provenance(record: _Record) -> dict[str, Any]:
    """`verified`, `note` and `corrections`, each problem recorded rather than raised."""
    fields = Fields(record.file, [], prefix=f"{record.name}: ")
    found: dict[str, Any] = {}
    readers = {
        "verified": lambda value: fields.verified(["verified"], value),
        "note": lambda value: fields.localized(["note"], value),
        "corrections": lambda value: fields.corrections(["corrections"], value),
    }
    for key, read in readers.items():
        if record.data.get(key) is not None and (value := record.attempt(read, record.data[key])) is not None:
            found[key] = value
    if found.get("verified") is False and "note" not in found:
        record.fail(["note"], "an event marked `verified: false` must say why", "note: {pl: ..., en: ...}")
    return found
