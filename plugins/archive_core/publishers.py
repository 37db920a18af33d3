"""The table of known publishers (content/data/publishers.yaml), by the host of an article's source.url.

An article names its publisher in `source.publisher`; where it does not, the
table may: one record per site, with the name (one for every language, or one
per language) and the page that states it. A site is its host as
`provenance.same_address` compares addresses (letter case, a final dot, `www.`
and the `xn--` form of a name do not tell two sites apart): the record of
`www.example.org` is the publisher of `https://example.org/a`, and a second
record of it as `example.org` is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import paths
from .data import YAML_FIELD, Checks, DataFile, Record, load_data, out_of_order, telling_yaml_problems
from .errors import ContentError, Problem, in_file_order
from .layout import PUBLISHERS_FILE
from .locales import LANGUAGES
from .provenance import address_hint, another_site_shown, is_http_url, same_host
from .suggestions import meant_key

KEYS = frozenset({"host", "name", "source"})
HOST_PATTERN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


@dataclass(frozen=True)
class Publisher:
    host: str
    name: dict[str, str]  # by language
    source: str  # the page that states the name


def host_of(url: str) -> str:
    """`www.vietnamplus.vn` (lower case, no port) of an http(s) address: as the address writes it."""
    return (urlsplit(url).hostname or "").lower()


def site_of(host: str) -> str:
    """The site a host is, as the table knows it: `WWW.Łódź.pl.` and `xn--d-uga0v.pl` are one (`same_host`)."""
    return same_host(host)


# By site: its publisher, or None when the file's record of the site is refused (its problems told).
PublisherTable = dict[str, Publisher | None]


def known_publisher(table: PublisherTable, url: str) -> Publisher | None:
    """The record of the site of the address `url`, whatever the form of its host; None if the table has none, or
    if no host can be read (`https://[x`: the address's own check tells why, naming its field)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return table.get(site_of(host or ""))


@telling_yaml_problems
def load_publishers(content_dir: Path) -> tuple[PublisherTable, list[Problem]]:
    """The table by site, and every problem in it; no file is an empty table, and so is a file refused whole."""
    table, problems = read_publishers(content_dir)
    return ({} if table is None else table), problems


@telling_yaml_problems
def read_publishers(content_dir: Path) -> tuple[PublisherTable | None, list[Problem]]:
    """`load_publishers`, where a file refused whole (YAML cannot read it, it is no list) is no table (None): what
    it names is not known, and no article is also told its site is missing from it. A site whose record is refused
    is in the table as None, for the same reason."""
    path = Path(content_dir) / PUBLISHERS_FILE
    if not paths.named_as_written(content_dir, path):  # a link is read (and refused if it leads out) by load_data
        return {}, []
    try:
        data_file = load_data(path, content_dir, record_key="host")
    except ContentError as exc:
        return None, list(exc.problems)
    if data_file.data is None:
        return {}, []
    if not isinstance(data_file.data, list):
        return None, [data_file.problem([], YAML_FIELD, "must be a list of records", "start each with `- host: ...`")]
    table: PublisherTable = {}
    first_line: dict[str, int | None] = {}  # each site -> the line of its record
    problems = []
    refused: set[int] = set()  # the records told an error, which have no place in the order until fixed
    for index, item in enumerate(data_file.data):
        try:
            publisher = _publisher(data_file, index, item)
        except ContentError as exc:
            problems += exc.problems
            refused.add(index)
            if isinstance(item, dict) and (host := written_host(_host_written(item))):
                table.setdefault(site_of(host), None)
            continue
        site = site_of(publisher.host)
        if table.get(site) is not None:
            first = table[site].host
            hint = "keep one per site" if first == publisher.host else f"keep one per site: {first} is the same site"
            message = f"is the site of the record on line {first_line[site]} too"
            problems.append(data_file.problem([index, "host"], data_file.field([index, "host"]), message, hint))
            refused.add(index)
            continue
        table[site] = publisher
        first_line[site] = data_file.line(index, "host")
    return table, in_file_order([*problems, *out_of_order(data_file, "host", refused)])


def _host_written(item: dict) -> Any:
    """The host a record names, under `host:` or a key meant as it (`hots:`, `host` holding a zero-width space): the
    site of a record refused is known, and no article of it is told its publisher is missing beside the record."""
    if "host" in item:
        return item["host"]
    return next((value for key, value in item.items() if meant_key(str(key), ("host",), item, "")[1] == "host"), None)


def written_host(value: Any) -> str | None:
    """The host `value` names: itself, in small letters and without a final dot (`WWW.X.ORG.`), or the host of an
    address written in its place (`https://www.x.org/`). The hint gave `www.example.org` for the first."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower().rstrip(".")
    host = value if HOST_PATTERN.fullmatch(value) else (urlsplit(value if "//" in value else "").hostname or "")
    return host if HOST_PATTERN.fullmatch(host) else None


def _publisher(data_file: DataFile, index: int, item: Any) -> Publisher:
    """The record; ContentError with every problem of it."""
    record = Record(data_file, [index], data_file.record_label(index))
    if not isinstance(item, dict):
        raise record.fail([], "is not a mapping", "write `- host: ...` and the fields indented under it")
    checks = Checks()
    checks.unknown_keys(record, item, KEYS)
    host = item.get("host")
    if not isinstance(host, str) or not HOST_PATTERN.fullmatch(host):
        meant = written_host(host)
        hint = f"write the host alone: {meant}" if meant else "write it as the address has it: www.example.org"
        checks.add(record.fail(["host"], f"{record.quoted(['host'], host)} is not a site's host name", hint))
    name = item.get("name")
    names = None
    if isinstance(name, str) and name.strip():
        names = dict.fromkeys(LANGUAGES, name.strip())
    elif (
        isinstance(name, dict)
        and set(name) == set(LANGUAGES)
        and all(isinstance(v, str) and v.strip() for v in name.values())
    ):
        names = {lang: name[lang].strip() for lang in LANGUAGES}
    else:
        checks.add(
            record.fail(["name"], "must be text, or text for each of " + ", ".join(LANGUAGES), "name: Example News")
        )
    if names and isinstance(host, str) and HOST_PATTERN.fullmatch(host):
        for lang, text in names.items():  # the text of every link to an article's original on this site
            if shown := another_site_shown(text, f"https://{host}/"):
                keys = ["name"] if isinstance(name, str) else ["name", lang]
                message = f"shows the address of {shown}, and names the publisher of {host}"
                hint = "it is the text of the link to every original on the site: name the publisher in words"
                checks.add(record.fail(keys, message, hint))
                break
    source = item.get("source")
    if source is None:
        checks.add(
            record.fail(
                ["source"], "is missing", "add `source: https://...`, the page that states the publisher's name"
            )
        )
    elif not isinstance(source, str) or not is_http_url(source):
        checks.add(
            record.fail(
                ["source"],
                f"{record.quoted(['source'], source)} is not an http(s) address",
                address_hint(source, "the page that states the publisher's name"),
            )
        )
    checks.done()
    return Publisher(host=host, name=names, source=source)
