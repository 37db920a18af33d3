"""Inline SVG drawings of a saved page: a chart's name stays in the text, where the chart stands; its labels are
not put in the text, and never dropped silently: the import report lists them at their line."""

from __future__ import annotations

from archive_core.articles import read_article

from .helpers import body_of, run_import

LEAD = "Estonia podpisała w poniedziałek w siedzibie ONZ w Nowym Jorku Konwencję przeciwko cyberprzestępczości."
PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Podpisy konwencji | Serwis</title></head>
<body><header><svg aria-hidden="true"><title>Serwis</title><path d="M0 0"/></svg></header>
<article><h1>Podpisy konwencji</h1>
<p>{lead}</p>
<p>Estonia nie podpisała konwencji w Hanoi, tłumacząc to potrzebą konsultacji z parlamentem.</p>
<figure>
<svg role="img" viewBox="0 0 100 50"><title>Podpisy według regionów</title><desc>Europa wyprzedza Azję.</desc>
<g><text x="1">Europa</text><text x="2">30</text><text x="3">Azja <tspan>20</tspan></text></g></svg>
<figcaption>Wykres 1. Liczba podpisów.</figcaption>
</figure>
<p>Konwencja pozostaje otwarta do podpisu do 31 grudnia 2026 r., a kolejne państwa zapowiadają podpisy.</p>
<p>Share <svg><title>Udostępnij</title><path d="M1 1"/></svg></p>
</article></body></html>
"""


def imported(capsys, tmp_path):
    source = tmp_path / "page.html"
    source.write_text(PAGE.format(lead=LEAD), encoding="utf-8")
    options = ("--date", "2026-02-03", "--source-url", "https://www.example.org/podpisy")
    result = run_import(capsys, source, tmp_path / "content", *options)
    assert result.code == 0, result.err
    return source, result


def test_a_charts_name_is_kept_where_it_stands_and_its_labels_reported(capsys, tmp_path):
    source, result = imported(capsys, tmp_path)
    body = body_of(result.path)
    # The name and description, verbatim, before the figure's caption, after the text before it.
    order = [
        body.index(text)
        for text in (
            "Estonia nie podpisała",
            "Podpisy według regionów",
            "Europa wyprzedza Azję.",
            "Wykres 1.",
            "Konwencja pozostaje",
        )
    ]
    assert order == sorted(order), body
    assert "Europa 30" not in body and "Azja 20" not in body  # labels: no reading order, not the text
    assert (
        f"{source}:8: dropped the labels of a drawing (inline SVG); its name 'Podpisy według regionów' / "
        "'Europa wyprzedza Azję.' is kept as a paragraph: 'Europa 30 Azja 20'"
    ) in result.err
    assert read_article(result.path).meta.summary == LEAD


def test_decoration_is_left_out_and_a_named_icon_reported(capsys, tmp_path):
    source, result = imported(capsys, tmp_path)
    body = body_of(result.path)
    assert "Udostępnij" not in body and "Serwis" not in body.split("Podpisy")[0]
    assert (
        f"{source}:13: dropped the name of a drawing without labels (inline SVG: an icon?): 'Udostępnij'" in result.err
    )
    assert "'Serwis'" not in result.err  # hidden from every reader (aria-hidden): decoration, nothing lost
