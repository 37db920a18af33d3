"""The publisher an import takes from the agency credit that ends a source's text, and the endings that name none."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from archive_core.articles import read_article

from .helpers import body_of, run_import

LEAD = (
    "Kenya has signed the United Nations Convention against Cybercrime at a ceremony in Hanoi, the Ministry of "
    "Foreign Affairs of Kenya said on Monday, and will now prepare the law that ratification needs."
)
URL = "https://www.example.org/kenya-signs"  # a site content/data/publishers.yaml does not know


@pytest.mark.parametrize(
    ("ending", "publisher"),
    [
        ("The convention enters into force 90 days after the fortieth ratification.\n\n(PAP)", "PAP"),
        ("The convention enters into force 90 days after the fortieth ratification. (Reuters)", "Reuters"),
        ("“It is a first step,” the minister said.” (AFP/PAP)", "AFP/PAP"),
        ("It enters into force after forty ratifications.\n\n(Agence France-Presse)", "Agence France-Presse"),
        ("It was signed for the bloc by the European Union (EU)", None),  # an abbreviation, not a credit
        ("It enters into force after forty ratifications.\n\n(Reporting by Jane Doe; Editing by John Smith)", None),
        ("It enters into force after forty ratifications. (Reporting by Jane Doe in Nairobi and John Smith)", None),
    ],
)
def test_the_credit_that_ends_the_text_is_its_publisher(capsys, tmp_path, ending, publisher):
    source = tmp_path / "source.txt"
    source.write_text(f"Kenya signs UN cybercrime convention\n\n{LEAD}\n\n{ending}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", "--date", "2025-10-27", "--source-url", URL)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.source.publisher == publisher
    assert ending.split("\n\n")[-1] in body_of(result.path)  # the credit stays in the text, verbatim
    if publisher is None:
        assert "source.publisher" in result.err and "PUBLISHER=" in result.err


def import_lead(capsys, folder, lead: str, *options: str):
    source = folder / "source.txt"
    source.parent.mkdir(parents=True)
    source.write_text(f"Kenya signs UN cybercrime convention\n\n{lead}\n\n(PAP)\n", encoding="utf-8")
    result = run_import(capsys, source, folder / "content", "--date", "2025-10-27", "--source-url", URL, *options)
    assert result.code == 0, result.err
    return read_article(result.path)


def test_a_lead_longer_than_a_summary_may_be_is_not_made_the_summary(capsys, tmp_path):
    # The summary is bounded (archive_core.schema); the build cuts the body's first paragraph instead.
    long = import_lead(capsys, tmp_path / "long", " ".join([LEAD] * 4))  # over 80 words
    assert long.meta.summary is None and long.summary_html.endswith("…</p>\n")
    assert import_lead(capsys, tmp_path / "short", LEAD).meta.summary == LEAD
    # Bounded in characters too: text written without spaces is one word however long.
    unspaced = import_lead(capsys, tmp_path / "unspaced", "条约" * 600, "--lang", "en")
    assert unspaced.meta.summary is None and unspaced.summary_html == f"<p>{'条约' * 500}…</p>\n"


def test_a_lead_that_looks_like_markdown_is_its_summary_as_written(capsys, tmp_path):
    # A summary is Markdown (archive_core.summaries): the importer writes the lead escaped, as it writes the body.
    lead = f"# {LEAD} It *was* [signed](here) by 2_000_000 <b>people</b> &amp; `more`."
    doc = import_lead(capsys, tmp_path / "markup", lead)
    assert doc.meta.summary is not None
    assert doc.summary_html == doc.html.split("\n")[0] + "\n"  # shown as the body's first paragraph is
    assert Markup(doc.summary_html).striptags() == lead  # noqa: S704 (the reader's own HTML, reduced to text)


GIVEN_URL = ("--date", "2025-10-27", "--source-url", URL, "--lang", "en")


def test_a_source_line_naming_another_address_than_source_url_stays_in_the_text(capsys, tmp_path):
    """A `Źródło: https://...` line is the article's address only where it is that address: with SOURCE_URL given
    another, it cites a page the text refers to (a ministry's statement), and it was dropped, with no word said."""
    cited = "Źródło: https://www.gov.pl/web/cyfryzacja/komunikat"
    source = tmp_path / "source.txt"
    source.write_text(f"Komunikat ministerstwa\n\n{LEAD}\n\n{cited}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", *GIVEN_URL)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.source.url == URL
    assert body_of(result.path).rstrip().endswith(cited)
    assert "source.url: the text's line 5 names https://www.gov.pl/web/cyfryzacja/komunikat" in result.err


def test_a_source_line_naming_source_url_is_the_address_not_text(capsys, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text(f"Kenya signs\n\n{LEAD}\n\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "content", *GIVEN_URL)
    assert result.code == 0, result.err
    assert "Source:" not in body_of(result.path) and "source.url" not in result.err
