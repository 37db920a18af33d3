"""A saved page's date line above its text is the page's date, not the article's lead: never the summary, nor the
title derived from the lead; it stays in the text, verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.articles import read_article
from archive_core.datelines import dateline_date, is_dateline, split_dateline

from .helpers import body_of, run_import

LEAD = "Estonia podpisała w poniedziałek w siedzibie ONZ w Nowym Jorku Konwencję przeciwko cyberprzestępczości."
PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Estonia podpisuje konwencję | Serwis</title></head>
<body><article><h1>Estonia podpisuje konwencję</h1>
<p class="date">{dateline}</p>
<p>{lead}</p>
<p>Estonia nie podpisała konwencji w Hanoi, tłumacząc to potrzebą konsultacji z parlamentem.</p>
<p>Konwencja pozostaje otwarta do podpisu do 31 grudnia 2026 r.</p>
</article></body></html>
"""


@pytest.mark.parametrize("dateline", ["3 lutego 2026", "Wtorek, 3 lutego 2026 r., godz. 10:15", "03.02.2026"])
def test_the_date_line_of_a_saved_page_is_not_its_summary(capsys, tmp_path, dateline):
    source = tmp_path / "page.html"
    source.write_text(PAGE.format(dateline=dateline, lead=LEAD), encoding="utf-8")
    options = ("--date", "2026-02-03", "--source-url", "https://www.example.org/estonia")
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.summary == LEAD
    assert body_of(result.path).lstrip().startswith(dateline)  # kept, verbatim, where the page has it


def import_text(capsys, folder: Path, text: str, *options: str) -> Path:
    """The article the text imports into, its date and address given."""
    source = folder / "source.txt"
    source.write_text(text, encoding="utf-8")
    given = ("--date", "2026-02-03", "--source-url", "https://www.example.org/estonia", *options)
    result = run_import(capsys, source, folder / "content", *given)
    assert result.code == 0, result.err
    return result.path


def test_a_title_derived_from_a_text_is_not_its_date_line(capsys, tmp_path):
    meta = read_article(import_text(capsys, tmp_path, f"3 lutego 2026\n\n{LEAD}\n\n(PAP)\n")).meta
    assert meta.title.startswith("Estonia podpisała"), meta.title
    assert meta.summary == LEAD


# Date lines naming the place (and the agency), alone above the lead: the page's date, never the summary.
PLACED = [
    ("Wilno, 14 stycznia 2026", "2026-01-14"),
    ("WARSZAWA, 3 grudnia 2025 r.", "2025-12-03"),
    ("Hanoi (PAP), 25 października 2025", "2025-10-25"),
    ("Nowy Jork, 3 lutego 2026 (PAP)", "2026-02-03"),
    ("HANOI, October 25, 2025", "2025-10-25"),
    ("Hanoi, 25.10.2025, godz. 10:15", "2025-10-25"),
    ("UNITED NATIONS, Sept. 25, 2025", "2025-09-25"),  # AP's and British abbreviation (CLDR's en_GB)
    ("Warszawa, 25 X 2025 r.", "2025-10-25"),  # a month in Roman numerals, as Polish writes dates
    ("Hanoi, 3.XII.2025", "2025-12-03"),
    ("4 IV 2026", "2026-04-04"),
    # The Polish words a date goes with, as English pages write `Published`, `on`: "of the day", "published on".
    ("Warszawa, dnia 25 X 2025 r.", "2025-10-25"),
    ("Opublikowano: 25 X 2025, godz. 10:15", "2025-10-25"),
    ("Data publikacji: 4 IV 2026 r.", "2026-04-04"),
    ("Warszawa, dn. 3.XII.2025", "2025-12-03"),
    # ISO 8601's date, as pages and feeds write one in figures: it was taken for a date line, but gave no day.
    ("2025-10-25", "2025-10-25"),
    ("Hanoi, 2025-10-25 10:15", "2025-10-25"),
]
# Date lines opening the lead, before a dash: the text after the dash is the lead.
OPENING = [
    ("Hanoi (PAP) - ", None),
    ("HANOI, Oct 25 (Reuters) - ", None),  # no year: the day cannot be read
    ("Wilno, 14 stycznia 2026 r. – ", "2026-01-14"),
    ("HANOI, October 25, 2025 (Reuters) — ", "2025-10-25"),
    ("NEW YORK, Sept 24, 2025 (AP) — ", "2025-09-24"),
    ("Hanoi, 25 X 2025 r. (PAP) – ", "2025-10-25"),
]


@pytest.mark.parametrize(("dateline", "day"), PLACED)
def test_a_date_line_with_its_place_is_the_pages_date_not_its_summary(capsys, tmp_path, dateline, day):
    source = tmp_path / "page.html"
    source.write_text(PAGE.format(dateline=dateline, lead=LEAD), encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", "--source-url", "https://www.example.org/estonia")
    assert result.code == 0, result.err
    meta = read_article(result.path).meta
    assert meta.summary == LEAD
    assert meta.date.date().isoformat() == day  # the page's own date, or, where it gives none, its date line's
    # The warning names the day read and the line it was read from (it named the docs' example, `Wilno, 14 stycznia
    # 2026`, whatever the line).
    told = f"warning: review: date {day} was read from the text's date line, `{dateline}`, as no DATE= was given"
    assert ("date" in meta.review) == (told in result.err), result.err
    assert body_of(result.path).lstrip().startswith(dateline)


@pytest.mark.parametrize(("opening", "day"), OPENING)
def test_a_date_line_opening_the_lead_is_not_the_summary_nor_the_title(capsys, tmp_path, opening, day):
    source = tmp_path / "source.txt"
    source.write_text(f"{opening}{LEAD}\n\nDruga część tekstu.\n\n(PAP)\n", encoding="utf-8")
    options = ("--source-url", "https://www.example.org/estonia", *(() if day else ("--date", "2026-02-03")))
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    meta = read_article(result.path).meta
    assert meta.summary == LEAD and meta.title.startswith("Estonia podpisała"), meta
    assert meta.date.date().isoformat() == (day or "2026-02-03")
    assert ("date" in meta.review) == (day is not None)  # read from the date line: to review
    told = f"date {day} was read from the text's date line, `{opening.strip()}`, as no DATE="
    assert (told in result.err) == (day is not None), result.err
    assert body_of(result.path).lstrip().startswith(opening.strip())  # kept, verbatim


@pytest.mark.parametrize(
    "dateline", ["25 października 2025 r.", "25.10.2025", "October 25, 2025", "2025-10-25", "Hanoi, 2025-10-25 10:15"]
)
def test_a_text_s_date_line_gives_its_date_to_review(capsys, tmp_path, dateline):
    """A text's date line in ISO 8601's figures (`2025-10-25`) was taken for a date line, but gave no day: the
    import was refused for want of DATE=, where the same date in words or in day-first figures was read."""
    source = tmp_path / "source.txt"
    source.write_text(f"Estonia podpisuje konwencję\n\n{dateline}\n\n{LEAD}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", "--source-url", "https://www.example.org/estonia")
    assert result.code == 0, result.err
    meta = read_article(result.path).meta
    assert meta.date.date().isoformat() == "2025-10-25" and "date" in meta.review
    assert meta.summary == LEAD and body_of(result.path).lstrip().startswith(dateline)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Unia Europejska - wspólny front",  # a place alone before a dash
        "Minister powiedział, że 3 lutego 2026 podpisze",
        "Wilno, stolica Litwy, przyjęło delegacje.",
        "II sesja Konferencji Stron 2026",  # a Roman numeral that is no month, among other words
        "Hanoi, 25 x 2025",  # a Roman month is written in capitals
    ],
)
def test_a_sentence_is_not_a_date_line(paragraph):
    assert not is_dateline(paragraph) and split_dateline(paragraph) is None and dateline_date(paragraph) is None


@pytest.mark.parametrize("dateline", ["Hanoi, 31 lutego 2026", "Hanoi, 2026-02-31", "2026-13-01"])
def test_a_date_line_the_calendar_has_no_day_of_gives_no_date(dateline):
    assert is_dateline(dateline) and dateline_date(dateline) is None


@pytest.mark.parametrize("paragraph", ["¹", "3 lutego 2026¹", "Hanoi, ② lutego 2026", "Wilno, 14 stycznia ²⁰²⁶"])
def test_a_digit_no_number_is_written_with_is_no_date(paragraph):
    # Found by fuzzing: `¹` and `②` are digits to str.isdigit() but no number int() reads, and a source
    # holding one alone on a line ended the import in a traceback.
    assert dateline_date(paragraph) is None


@pytest.mark.parametrize(
    "byline",
    ["By Jane Doe", "By JANE DOE and John Smith", "Autor: Jan Kowalski", "Autorka: Anna Nowak, PAP", "Oprac. J. Nowak"],
)
def test_a_byline_above_the_lead_is_not_the_summary_nor_the_title(capsys, tmp_path, byline):
    """A byline (`By Jane Doe`) stood above the lead as its first paragraph, and every listing showed it as the
    article's summary, as a derived title the byline; it stays in the text, verbatim."""
    path = import_text(capsys, tmp_path, f"{byline}\n\n{LEAD}\n\nDruga część tekstu.\n\n(PAP)\n")
    meta = read_article(path).meta
    assert meta.summary == LEAD
    assert meta.title.startswith("Estonia podpisała"), meta.title
    assert body_of(path).lstrip().startswith(byline)


def test_a_sentence_opening_with_by_is_a_lead(capsys, tmp_path):
    lead = "By 2030 every state must ratify the convention, the ministry said in Hanoi on Saturday."
    path = import_text(capsys, tmp_path, f"Ratification deadline\n\n{lead}\n\n(PAP)\n", "--lang", "en")
    assert read_article(path).meta.summary == lead


BYLINED_PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Estonia podpisuje konwencję | Serwis</title></head>
<body><article><h1>Estonia podpisuje konwencję</h1>
{above}
<div class="share-buttons"><a href="/share">Udostępnij na Facebooku</a></div>
<p>{lead}</p>
<p>Estonia nie podpisała konwencji w Hanoi, tłumacząc to potrzebą konsultacji z parlamentem.</p>
<p>Konwencja pozostaje otwarta do podpisu do 31 grudnia 2026 r.</p>
</article></body></html>
"""


@pytest.mark.parametrize(
    ("above", "shown"),
    [
        ('<p class="byline">Autor: Jan Kowalski</p>', ["Autor: Jan Kowalski"]),
        ('<p class="author">By Jane Doe</p>', ["By Jane Doe"]),
        ('<p id="article-author">Oprac. J. Nowak</p>', ["Oprac. J. Nowak"]),
        ('<p class="timestamp"><time datetime="2026-02-03">3 lutego 2026</time></p>', ["3 lutego 2026"]),
        (
            '<div class="article-meta"><span class="byline">Autorka: Anna Nowak</span>'
            '<p class="meta-date">Wilno, 3 lutego 2026</p></div>',
            ["Autorka: Anna Nowak", "Wilno, 3 lutego 2026"],
        ),
    ],
)
def test_a_saved_pages_byline_and_date_line_stay_in_the_text_whatever_their_class(capsys, tmp_path, above, shown):
    """trafilatura drops an element by words of its class or id (`byline`, `author`, `meta`, `timestamp`): the
    byline and the date line above the lead, text a reader sees in the article, were left out with no word said.
    They stay, verbatim and in their place; the page's furniture beside them (a share button) is still left out."""
    source = tmp_path / "page.html"
    source.write_text(BYLINED_PAGE.format(above=above, lead=LEAD), encoding="utf-8")
    options = ("--date", "2026-02-03", "--source-url", "https://www.example.org/estonia")
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    paragraphs = [line for line in body_of(result.path).split("\n\n") if line.strip()]
    assert [p.strip() for p in paragraphs[: len(shown) + 1]] == [*shown, LEAD]
    assert "Facebook" not in body_of(result.path)
    assert read_article(result.path).meta.summary == LEAD


@pytest.mark.parametrize(
    "hidden",
    [
        '<p class="byline mobile-only">Autor: Jan Kowalski</p>',
        '<p id="date-print"><time datetime="2026-02-03">3 lutego 2026</time></p>',
    ],
)
def test_a_byline_or_date_line_the_pages_style_sheet_hides_is_not_imported(capsys, tmp_path, hidden):
    """A byline or date line kept from trafilatura by its class or id is still hidden by the page's style sheet
    through that class or id (a copy for phones, one for print): no reader of the page sees it."""
    style = "<style>.mobile-only, #date-print { display: none }</style></head>"
    page = BYLINED_PAGE.format(above=hidden, lead=LEAD).replace("</head>", style, 1)
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    options = ("--date", "2026-02-03", "--source-url", "https://www.example.org/estonia")
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    assert "Jan Kowalski" not in body_of(result.path) and "3 lutego" not in body_of(result.path)
