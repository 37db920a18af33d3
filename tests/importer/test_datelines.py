"""A saved page's date line above its text is the page's date, not the article's lead: never the summary, nor the
title derived from the lead; it stays in the text, verbatim."""

from __future__ import annotations

import pytest

from archive_core.articles import read_article

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


def test_a_title_derived_from_a_text_is_not_its_date_line(capsys, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text(f"3 lutego 2026\n\n{LEAD}\n\n(PAP)\n", encoding="utf-8")
    options = ("--date", "2026-02-03", "--source-url", "https://www.example.org/estonia")
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    meta = read_article(result.path).meta
    assert meta.title.startswith("Estonia podpisała"), meta.title
    assert meta.summary == LEAD
