"""Valid articles generated around what a content folder holds, as contributors would add them.

`grow(content)` adds, whatever `content` already holds: a pair newer than
every article, an article older than every one, articles with no translation
in each language, translated pairs both ways, in several years (enough that
each language's home page has a second page), one whose publisher comes from
the table of publishers where the table has one, one with a raw copy, and one
whose lead (what listing pages show of it) links to another article and to a
footnote, and one of the newest day with the newest pair's title, at its address
plus `-2` (listed before it, its translation key sorting after the other's, but after it by URL); and articles as
varied as strangers write them (`vary`: forty countries, a country no other names, none, a title of 300
characters, one title in both languages, markup in a title, twenty topics, every optional field...).
Every file passes `make check`. Every key, file and title carries a prefix (`growth`, else `growth2`...) that no name
in `content` holds (`free_prefix`), so that none is a key, file or address of an article `content` has.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import count
from pathlib import Path

from archive_core.layout import Layout
from archive_core.publishers import load_publishers
from archive_core.schema import default_slug
from archive_core.snapshot import take
from tools.check import article_dirs

PAGE_FILLERS = 22  # more than a home page holds (DEFAULT_PAGINATION = 20)
COUNTRIES = ("PL", "VN", "NO", "BR", "EU", "KE", "JP")


@dataclass(frozen=True)
class Planned:
    key: str
    day: date
    langs: tuple[str, ...]  # the first is the original
    countries: tuple[str, ...] = ()
    publisher_from_table: bool = False
    raw: bool = False
    lead_links_to: Planned | None = None  # its lead links to this article's first version, and to a footnote
    title_of: Planned | None = None  # this article's titles, at their address plus `-2`, as `make check` asks


def free_prefix(content: Path) -> str:
    """`growth`, else `growth2`, `growth3`...: the first that no file's path in `content`, no article's key and no
    article's slug holds."""
    docs = take(content).articles
    names = [path.relative_to(content).as_posix().lower() for path in content.rglob("*")]
    names += [name.lower() for doc in docs for name in (doc.meta.translation_key, doc.meta.slug)]
    return next(
        prefix for n in count(1) if not any((prefix := f"growth{n if n > 1 else ''}") in name for name in names)
    )


def grow(content: Path) -> list[Planned]:
    prefix = free_prefix(content)
    docs = take(content).articles
    days = [doc.meta.date.date() for doc in docs] or [date(2025, 10, 26)]
    newest, oldest = max(days), min(days)
    # Never in the future (the check refuses it): the newest is a day after the others, or today, or on the
    # day of an article already dated tomorrow (the latest the check allows).
    today = date.today()
    newest_day = max(newest, min(newest + timedelta(days=1), today))
    newest_pair = Planned(f"{prefix}-newest-pair", newest_day, ("pl", "en"), ("PL", "VN"), raw=True)
    oldest_polish = Planned(f"{prefix}-oldest-polish", oldest - timedelta(days=400), ("pl",), ("NO",))
    plan = [
        newest_pair,
        Planned(f"{prefix}-same-title", newest_day, ("pl", "en"), ("PL",), title_of=newest_pair),
        oldest_polish,
        Planned(f"{prefix}-english-only", newest - timedelta(days=3), ("en",), ("BR", "EU"),
                lead_links_to=oldest_polish),
        Planned(f"{prefix}-polish-only", date(2024, 2, 29), ("pl",), ("KE",), publisher_from_table=True),
        Planned(f"{prefix}-english-original", min(date(2026, 1, 15), today), ("en", "pl"), ("JP",)),
        *(
            Planned(f"{prefix}-filler-{n:02d}", min(date(2019 + n % 8, 1 + n % 12, 1 + n), today),
                    ("pl", "en")[: 1 + n % 2], (COUNTRIES[n % len(COUNTRIES)],))
            for n in range(PAGE_FILLERS)
        ),
    ]  # fmt: skip
    hosts = sorted(load_publishers(content)[0])
    for article in plan:
        for lang in article.langs:
            write_article(content, article, lang, hosts[0] if article.publisher_from_table and hosts else None, prefix)
    vary(content, newest_day, [doc.meta.countries for doc in docs], prefix)
    return plan


# Topics enough for the most an article may have (20), none near another's spelling (which `make check` warns of).
TWENTY_TOPICS = (
    "privacy", "encryption", "extradition", "evidence", "jurisdiction", "ratification", "human rights", "journalism",
    "surveillance", "children", "fraud", "ransomware", "botnets", "cooperation", "reservations", "declarations",
    "secretariat", "funding", "training", "data retention",
)  # fmt: skip
# Countries few archives name, for an article of a country no other article names (the first not yet named).
RARE_COUNTRIES = ("IS", "LI", "MC", "SM", "AD", "VA")


def vary(content: Path, newest_day: date, named: list, prefix: str = "growth") -> None:
    """Articles as varied as strangers write them: on the newest day, one title in both languages, a title of 300
    characters, forty countries, a country no other article names, no country, markup in the title, a body with a
    footnote, a table and a quotation, twenty topics, a time whose offset puts it on another day in UTC, two of one
    day whose keys sort against the times they were published, and every optional field (summary with a link,
    annotations, corrections, a chain of translations). Every title opens with "Archive growth" ("Wzrost
    archiwum growth"), `prefix` for `growth`, as the others', so that none makes the address of an article of
    `content`."""
    records = [record.code for record in take(content).countries.records.values()]
    used = {code for codes in named for code in codes or ()} | set(records)
    lone = next(code for code in RARE_COUNTRIES if code not in used)
    long_title = (
        f"Wzrost archiwum {prefix}: bardzo długi tytuł o konwencji przeciwko cyberprzestępczości, jej podpisaniu "
        "w Hanoi, "
        "ratyfikacjach, zastrzeżeniach, deklaracjach, stanowisku Unii Europejskiej, organizacji pozarządowych "
        "i ekspertów praw człowieka oraz harmonogramie kolejnych sesji Konferencji Stron i jej organów pomocniczych"
    )
    rich = (
        'summary: "The *Hanoi* Convention, per [UNODC](https://www.unodc.org/), and [Hà Nội]{lang=vi}"',
        "annotations:", '  - text: "seventy-two states"', "    kind: sic", '    note: "72 signatures."',
        "corrections:", "  - date: 2025-11-14", '    change: "The count was corrected."', '    reason: "A typo."',
        "translation_chain:", "  - from: vi", "    to: en", '    by: "an unnamed translator"',
    )  # fmt: skip
    body = ("Delegates of seventy-two states signed it.[^1]\n\n> A minister's words.\n\n| State | Day |\n|---|---|\n"
            "| Norway | 2025-10-25 |\n\n[^1]: A note.")  # fmt: skip
    for key, lang, title, day, countries, extra in (
        (f"{prefix}-same-day", "en", f"Archive {prefix}: the newest day, once more", newest_day, ["VN"], ()),
        (f"{prefix}-one-title", "pl", f"Archive {prefix}: COP29 Baku", date(2024, 11, 20), ["EU"],
         (f"slug: {prefix}-cop29-pl",)),
        (f"{prefix}-one-title", "en", f"Archive {prefix}: COP29 Baku", date(2024, 11, 20), ["EU"], ()),
        (f"{prefix}-long-title", "pl", long_title[:300], date(2025, 11, 2), ["EU"], ()),
        (f"{prefix}-forty-countries", "en", f"Archive {prefix}: forty states", date(2025, 10, 25), records[:40], ()),
        (f"{prefix}-lone-country", "en", f"Archive {prefix}: a country alone", date(2025, 12, 1), [lone], ()),
        (f"{prefix}-no-country", "pl", f"Wzrost archiwum {prefix}: bez kraju", date(2025, 11, 15), None, ()),
        (f"{prefix}-markup", "en", f'Archive {prefix} Q&A: "<script>" & the <b>treaty</b>', date(2025, 11, 3),
         ["VN"], ()),
        (f"{prefix}-topics", "en", f"Archive {prefix}: twenty topics", date(2025, 11, 6), [], (
            f"tags: [{', '.join(TWENTY_TOPICS)}]",)),
        (f"{prefix}-offset", "en", f"Archive {prefix}: late in Hanoi", "2025-10-26T01:30:00+07:00", ["VN"], ()),
        (f"{prefix}-a-evening", "en", f"Archive {prefix}: the evening's", "2025-11-20T21:40:00+01:00", ["VN"], ()),
        (f"{prefix}-z-morning", "en", f"Archive {prefix}: the morning's", "2025-11-20T06:15:00+01:00", ["VN"], ()),
        (f"{prefix}-every-field", "en", f"Archive {prefix}: every field", date(2025, 11, 12), ["VN", "EU"], rich),
    ):  # fmt: skip
        lines = [
            "---",
            f"title: {json.dumps(title, ensure_ascii=False)}",
            f"date: {day}",
            f"lang: {lang}",
            f"translation_key: {key}",
            *([] if countries is None else [f"countries: [{', '.join(countries)}]"]),
            "source:",
            f"  url: https://example.org/growth/{key}",
            "  publisher: Wydawca Przykładowy",
            *extra,
        ]
        if key == f"{prefix}-one-title" and lang == "en":
            lines += ["translation:", "  from: pl", "  by: the tests"]
        text = body if key == f"{prefix}-every-field" else f"Article {key} added by a test, in {lang}."
        path = content / Layout.of(article_dirs()).article_path(int(str(day)[:4]), key, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join([*lines, "---", "", text, ""]), encoding="utf-8")  # fmt: skip


def write_article(content: Path, article: Planned, lang: str, table_host: str | None, prefix: str = "growth") -> Path:
    original = article.langs[0]
    number = article.key.removeprefix(f"{prefix}-")
    named = (article.title_of or article).key.removeprefix(f"{prefix}-")
    title = (
        f"Wzrost archiwum {prefix}: {named} – łączność" if lang == "pl" else f"Archive {prefix}: {named} – connectivity"
    )
    lines = [
        "---",
        f'title: "{title}"',
        f"date: {article.day.isoformat()}",
        f"lang: {lang}",
        f"translation_key: {article.key}",
        *([f"slug: {default_slug(title)}-2"] if article.title_of else []),
        f"countries: [{', '.join(article.countries)}]",
        f"tags: [{'wzrost' if lang == 'pl' else 'growth'}]",
        "source:",
    ]
    if table_host:
        lines.append(f"  url: https://{table_host}/growth/{article.key}")
    else:
        lines += [f"  url: https://example.org/growth/{article.key}", "  publisher: Wydawca Przykładowy"]
    if article.raw and lang == original:
        raw = Path("sources") / f"{article.key}.txt"
        (content / raw).parent.mkdir(parents=True, exist_ok=True)
        (content / raw).write_text(f"Surowy tekst: {article.key}.\n", encoding="utf-8")
        lines.append(f"  raw: {raw.as_posix()}")
    if lang != original:
        lines += ["translation:", f"  from: {original}", "  by: the tests"]
    body = (
        f"Artykuł {number} dodany przez test: Białoruś, Łódź i włączenie państw."
        if lang == "pl"
        else f"Article {number} added by a test: Belarus, Lodz and the states joining."
    )
    layout = Layout.of(article_dirs())
    if target := article.lead_links_to:
        linked = layout.article_path(target.day.year, target.key, target.langs[0]).as_posix()
        body = f"{body} It follows [an earlier one]({{filename}}/{linked})[^1].\n\nMore text.\n\n[^1]: A footnote."
    path = content / layout.article_path(article.day.year, article.key, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([*lines, "---", "", body, ""]), encoding="utf-8")
    return path


def untranslate(content: Path) -> list[Path]:
    """Delete every translated version whose original is in `content`: each article is left in the language it was
    written in, as an archive is before anyone translates it (with content/ as it is, a language with no article of
    its own). A version another file links to is kept, so that the archive stays valid. Returns the deleted files."""
    docs = take(content).articles
    originals = {(doc.meta.translation_key, doc.meta.lang) for doc in docs if doc.meta.translation is None}
    translated = [
        Path(doc.path)
        for doc in docs
        if doc.meta.translation and (doc.meta.translation_key, doc.meta.translation.from_lang) in originals
    ]
    kept = {path: path.read_bytes() for path in translated}
    for path in translated:
        path.unlink()
    told = "\n".join(str(problem) for problem in take(content).errors)
    for path in [path for path in translated if path.name in told]:  # linked from elsewhere: kept
        path.write_bytes(kept.pop(path))
    return sorted(kept)
