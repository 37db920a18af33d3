"""Dates: with or without a time zone offset, in any file; never ahead of the build in any date field.

A date with an offset is read as the wall-clock time it spells (offset dropped), so that dates with and
without one never meet in a comparison (sorting, feeds, the timeline, open data). An offset out of range is
refused as such. Every date of every data file is bounded like an article's. See docs/security.md.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from archive_core.frontmatter import parse_yaml
from tools.check import check

from .build_helpers import run_build
from .test_bad_input import good
from .test_security_text import _edit

ARTICLE = "articles/2025/good-article.en.md"
FAR = "2999-11-29"


@pytest.mark.parametrize(
    "written",
    ["2025-10-26T10:00:00+07:00", "2025-10-26 10:00:00-05:00", "2025-10-26T10:00:00Z", '"2025-10-26T10:00:00+07:00"'],
)
def test_a_date_with_an_offset_is_its_wall_clock_time(written):
    data, _ = parse_yaml(f"date: {written}", "x.md")
    value = data["date"] if isinstance(data["date"], datetime) else datetime.fromisoformat(data["date"])
    if isinstance(data["date"], datetime):
        assert value.tzinfo is None
    assert (value.year, value.month, value.day, value.hour) == (2025, 10, 26, 10)


def test_one_article_with_an_offset_among_others_builds(content_copy, tmp_path):
    """The class: an aware date among naive ones (sorting, feeds, open data, timeline) never meets one."""
    articles = sorted((content_copy / "articles").rglob("*.en.md"))
    text = articles[0].read_text(encoding="utf-8")
    articles[0].write_text(re.sub(r"(?m)^date: (\d{4}-\d\d-\d\d)$", r"date: \1T23:30:00-11:00", text), "utf-8")
    (content_copy / ARTICLE).write_text(good("2025-10-27", '"2025-10-27T01:00:00+14:00"'), encoding="utf-8")
    assert [p for p in check(content_copy) if p.severity == "error"] == []
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert (tmp_path / "output" / "en" / "feed.atom.xml").exists() or any((tmp_path / "output").rglob("*.xml"))


@pytest.mark.parametrize("offset", ["+25:00", "-24:00", "+07:75"])
def test_an_offset_out_of_range_is_refused_as_such(offset, content_copy):
    path = content_copy / ARTICLE
    path.write_text(good("2025-10-27", f"2025-10-27T10:00:00{offset}"), encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(f"{path}:3: date:" in p and "offset" in p and "out of range" in p for p in problems), problems
    assert not any("timedelta" in p for p in problems), problems


# (file, pattern, replacement): a date field of a data file, moved far ahead.
AHEAD = {
    "an event's day": ("data/timeline/signature-mauritius.yaml", r"(?m)^date: \S+$", f"date: {FAR}"),
    "an event's range start": (
        "data/timeline/signing-hanoi.yaml",
        r"start: \S+\n  end: \S+",
        f"start: {FAR}\n  end: 3000-01-01",
    ),
    "an event's range end": ("data/timeline/signing-hanoi.yaml", r"end: \S+", f"end: {FAR}"),
    "a scheduled event past the horizon": ("data/timeline/signature-closes.yaml", r"(?m)^date: \S+$", f"date: {FAR}"),
    "an event source's accessed": ("data/timeline/signing-hanoi.yaml", r"accessed: \S+", f"accessed: {FAR}"),
    "an event source's published": ("data/timeline/signing-hanoi.yaml", r"accessed: \S+", f"published: {FAR}"),
    "an event's correction": ("data/timeline/resolution-74-247.yaml", r"- date: \S+", f"- date: {FAR}"),
    "a country source's accessed": ("data/countries.yaml", r"accessed: \S+", f"accessed: {FAR}"),
}


@pytest.mark.parametrize("case", AHEAD)
def test_no_date_of_any_data_file_is_ahead_of_the_build(case, content_copy):
    name, pattern, new = AHEAD[case]
    name, text, line = _edit(name, pattern, new)
    (content_copy / name).write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{content_copy / name}:{line}:") and FAR in p for p in problems), problems


@pytest.mark.parametrize("written", ["0001-01-01", "0025-10-27", "0999-12-31"])
def test_a_year_of_fewer_than_four_digits_is_refused(written, content_copy):
    """Such a year was published at /en/1/<slug>/ (strftime's `%Y` on Linux), its year page at /en/0001/."""
    year = written[:4]
    path = content_copy / "articles" / year / "good-article.en.md"
    path.parent.mkdir()
    path.write_text(good("2025-10-27", written), encoding="utf-8")
    problems = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(p.startswith(f"{path}:3: date: {written} is before the year 1000") for p in problems), problems
