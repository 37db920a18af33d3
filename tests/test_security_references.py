"""What names an article (a timeline event, a person's record, a `{filename}` link) while that article is refused for
an error of its own, or a country whose record is refused: only the refused file's error is told. One typo in an
article's front-matter made every file that named it say there was no such article, and sent its writer to the
wrong files. See docs/security.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive_core.snapshot import take
from tools.check import check

# Each only version of an article the fixture archive names elsewhere: lodz-conference by the timeline's signing
# ceremony, civil-society-concerns by Quillfeather's record in people.yaml; a link to each is added.
NAMED = ["articles/2025/lodz-conference.pl.md", "articles/2024/civil-society-concerns.en.md"]
LINKING = "articles/2025/signing-in-hanoi.en.md"
BREAKS = {
    "an impossible date": lambda text: re.sub(r"^date: .*$", "date: 2025-13-45", text, count=1, flags=re.MULTILINE),
    "YAML that does not parse": lambda text: text.replace('title: "', 'title: ["', 1),
    "a missing field": lambda text: text.replace("lang: ", "# lang: ", 1),
}
REFERENCES = ("signing-ceremony.yaml", "people.yaml", LINKING)


def _linked(content: Path) -> None:
    links = "".join(f"\nSee [this]({{filename}}/{name}).\n" for name in NAMED)
    linking = content / LINKING
    linking.write_text(linking.read_text(encoding="utf-8") + links, encoding="utf-8")


def _errors(problems) -> list[str]:
    return [str(p) for p in problems if p.severity == "error"]


@pytest.mark.parametrize("break_it", BREAKS.values(), ids=BREAKS.keys())
def test_what_names_an_article_with_an_error_of_its_own_waits_for_it(break_it, content_copy):
    _linked(content_copy)
    assert _errors(check(content_copy)) == []
    for name in NAMED:
        path = content_copy / name
        path.write_text(break_it(path.read_text(encoding="utf-8")), encoding="utf-8")
    errors = _errors(check(content_copy))
    assert errors, "the broken articles must be refused"
    assert all(error.startswith(tuple(str(content_copy / name) for name in NAMED)) for error in errors), errors


def test_what_names_an_article_that_is_not_there_is_still_refused(content_copy):
    _linked(content_copy)
    for name in NAMED:
        (content_copy / name).unlink()
    errors = _errors(check(content_copy))
    for reference in REFERENCES:
        assert any(reference in error.split(":")[0] for error in errors), (reference, errors)


def test_an_edit_that_breaks_an_article_tells_its_error_alone_and_one_that_fixes_it_tells_none(content_copy):
    """The devserver's path (`ContentSnapshot.updated`), which reads only the edited file again."""
    _linked(content_copy)
    snapshot = take(content_copy)
    assert _errors(snapshot.problems) == []
    paths = [content_copy / name for name in NAMED]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(BREAKS["an impossible date"](text), encoding="utf-8")
    broken = snapshot.updated(paths)
    assert {p.path for p in broken.errors} == {str(path) for path in paths}, _errors(broken.problems)
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    assert _errors(broken.updated(paths).problems) == []


# YAML that refuses countries.yaml whole, though its problem names one record (`DZ: merge keys (<<) are not allowed`):
# the timeline's signing event said VN had no record, and to add one (a second).
WHOLE_FILE = {
    "a merge key": "  <<: {place: hanoi}\n",
    "a key that is no text": "  ? [a, b]\n  : 1\n",
}


@pytest.mark.parametrize("written", WHOLE_FILE.values(), ids=WHOLE_FILE.keys())
def test_an_event_naming_a_country_of_a_refused_file_is_not_told_its_record_is_missing(written, content_copy):
    countries = content_copy / "data/countries.yaml"
    countries.write_text(countries.read_text(encoding="utf-8").replace("- code: DZ\n", f"- code: DZ\n{written}"))
    errors = _errors(check(content_copy))
    assert errors and all(error.startswith(f"{countries}:") for error in errors), errors
