"""Curated data grown around the fixture archive: many timeline events (dated, upcoming, each with a correction, all
about one country, all citing one article, the first citing every article given) and one person named in many
articles, each with a topic of its own. Every file passes `make check`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml

COUNTRY = "VN"
PERSON = "Anh Growthova"
FIRST_DAY = date(2019, 1, 1)


def event_id(n: int) -> str:
    return f"growth-event-{n:04d}"


def article_key(n: int) -> str:
    return f"growth-person-{n:04d}"


def add_events(content: Path, count: int, cited: list[str]) -> list[str]:
    """`count` events about COUNTRY, one every fifth day from 2019 (every tenth one upcoming), each corrected once,
    each citing the first article of `cited`, the first event citing them all."""
    folder = content / "data" / "timeline"
    for n in range(count):
        day = FIRST_DAY + timedelta(days=5 * n)
        event = {
            "id": event_id(n),
            "kind": "negotiation-session",
            **({"upcoming": True} if n % 10 == 9 else {"date": day}),
            "title": {"pl": f"Wydarzenie wzrostu {n}", "en": f"Growth event {n}"},
            "description": {"pl": f"Opis wydarzenia {n}.", "en": f"The description of event {n}."},
            "sources": [f"https://example.org/growth/events/{n}"],
            "countries": [COUNTRY],
            "articles": cited if n == 0 else cited[:1],
            "corrections": [{"date": date(2026, 11, 1), "change": {"pl": f"Poprawka {n}.", "en": f"Correction {n}."}}],
        }
        (folder / f"{event_id(n)}.yaml").write_text(yaml.safe_dump(event, allow_unicode=True), encoding="utf-8")
    return [event_id(n) for n in range(count)]


def add_person_articles(content: Path, count: int) -> list[str]:
    """`count` Polish articles, each naming PERSON (of COUNTRY), who is added to the people, each with a topic of
    its own."""
    keys = [article_key(n) for n in range(count)]
    for n, key in enumerate(keys):
        day = FIRST_DAY + timedelta(days=n)
        folder = content / "articles" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{key}.pl.md").write_text(
            f'---\ntitle: "Osoba cytowana {n}"\ndate: {day.isoformat()}\nlang: pl\ntranslation_key: {key}\n'
            f"tags: [temat-{n:04d}]\nsource:\n  url: https://example.org/growth/person/{n}\n"
            "  publisher: Wydawca\n---\n\n"
            f"{PERSON} mówi po raz {n}.\n",
            encoding="utf-8",
        )
    people = content / "data" / "people.yaml"
    person = {"name": PERSON, "country": COUNTRY, "role": {"pl": "ministra", "en": "minister"}, "articles": keys}
    text = people.read_text(encoding="utf-8")
    people.write_text(text + yaml.safe_dump([person], allow_unicode=True), encoding="utf-8")
    return keys
