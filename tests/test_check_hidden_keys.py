"""A key written with a character no reader sees (a zero-width space pasted from a web page, a no-break space): told
once, at the key's own line, as the key it was meant to be ("retype it"), in articles and data files alike, and
named there as Python escapes it; nothing that only follows from it (a field missing, a date not read, an article's
publisher that the record's site would give) is told beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.check import check

from .conftest import FIXTURE

# (file, the line as the fixture writes it, the key on it): one of each kind of key the archive reads.
KEYS = [
    ("articles/2025/lodz-conference.pl.md", "countries: [PL]", "countries"),
    ("articles/2025/lodz-conference.pl.md", "source:", "source"),
    ("articles/2025/lodz-conference.pl.md", "  url: https://example.org/pl/lodz", "url"),
    ("about/about.en.md", "title: About the fixture archive", "title"),
    ("data/countries.yaml", "  status: unknown", "status"),
    ("data/people.yaml", "    en: Ivan Prykladov", "en"),
    ("data/people.yaml", "    en: Belarus's delegate", "en"),
    ("data/publishers.yaml", "- host: www.example.net", "host"),
    ("data/convention.yaml", '      pl: "„Sygnatariusze: 4” (fikcyjna liczba)."', "pl"),
    ("data/timeline/signing-ceremony.yaml", "  start: 2025-10-25", "start"),
    ("data/timeline/signing-ceremony.yaml", "kind: signing", "kind"),
    ("data/timeline/entry-into-force.yaml", "upcoming: true", "upcoming"),
]


# The data files the fixture has none of, each written with one entry.
EXTRA = {
    "data/topics.yaml": "topics:\n  - pl: ceremonia\n    en: ceremony\n",
    "data/names.yaml": "names:\n  - name: Hanoi\n    other:\n      en: [Ha Noi]\n",
    "data/country-names.yaml": (
        "countries:\n  - code: VN\n    forms: [Wietnamie]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
    ),
}
KEYS += [
    ("data/topics.yaml", "topics:", "topics"),
    ("data/topics.yaml", "    en: ceremony", "en"),
    ("data/names.yaml", "names:", "names"),
    ("data/names.yaml", "    other:", "other"),
    ("data/names.yaml", "      en: [Ha Noi]", "en"),
    ("data/country-names.yaml", "countries:", "countries"),
    ("data/country-names.yaml", "    forms: [Wietnamie]", "forms"),
]


@pytest.mark.parametrize("hidden", ["\u200b", "\u00a0"], ids=["zero-width space", "no-break space"])
@pytest.mark.parametrize(("name", "line", "key"), KEYS, ids=[f"{name}:{key}" for name, _, key in KEYS])
def test_a_key_holding_a_hidden_character_is_told_once_as_the_key_meant(
    tmp_path: Path, name: str, line: str, key: str, hidden: str
):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for extra, text in EXTRA.items():
        (content / extra).write_text(text, encoding="utf-8")
    assert [problem for problem in check(content) if problem.severity == "error"] == []
    path = content / name
    lines = path.read_text(encoding="utf-8").split("\n")
    assert line in lines, (name, line)
    at = lines.index(line)
    written = key[0] + hidden + key[1:]
    lines[at] = line.replace(f"{key}:", f"{written}:", 1)
    path.write_text("\n".join(lines), encoding="utf-8")

    errors = [problem for problem in check(content) if problem.severity == "error"]

    assert [(Path(p.path).relative_to(content).as_posix(), p.line) for p in errors] == [(name, at + 1)], errors
    [problem] = errors
    assert problem.field.endswith(repr(written)), problem.field  # escaped, as in every file: `'k\u200bind'`
    retype = "which shows as a space or as nothing: retype it"
    assert f"{retype} `{key}`" in problem.hint or f"{retype} '{key}'" in problem.hint, problem.hint


@pytest.mark.parametrize("hidden", ["\u3164", "\u2800"], ids=["hangul filler", "blank braille pattern"])
@pytest.mark.parametrize(
    ("name", "line", "key"), [KEYS[0], KEYS[4], KEYS[7]], ids=["article", "countries", "publishers"]
)
def test_a_key_holding_a_letter_drawn_blank_is_told_escaped_and_retyped(
    tmp_path: Path, name: str, line: str, key: str, hidden: str
):
    """A letter drawn as nothing (a Hangul filler, the blank Braille pattern) is no space nor format character: such
    a key was named as written, showing nothing odd (`cㅤountries`), and told "did you mean `countries`?" of a line
    that shows that."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / name
    path.write_text(path.read_text(encoding="utf-8").replace(line, line.replace(key, key[0] + hidden + key[1:], 1), 1))

    [problem] = [problem for problem in check(content) if problem.severity == "error"]

    assert problem.field.endswith(f"'{key[0]}\\u{ord(hidden):04x}{key[1:]}'"), problem.field
    assert f"which shows as a space or as nothing: retype it `{key}`" in problem.hint, problem.hint
