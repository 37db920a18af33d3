"""Country detection: CLDR names in Polish and English, plus the inflected forms of country-names.yaml."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from archive_core import countries
from archive_core.articles import read_article
from archive_core.errors import ContentError, Problem
from tools.check import check
from tools.importer.countries import COUNTRY_NAMES, detect, load_country_forms

from .helpers import run_import


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Minister spraw wewnętrznych Białorusi, Iwan Władimirowicz", ("BY",)),
        ("świadczy o gościnności Wietnamu", ("VN",)),
        ("pani Mmamiloko Kubayi, południowoafrykańska minister sprawiedliwości", ("ZA",)),
        ("19 krajów i Unia Europejska (UE) oraz", ("EU",)),
        ("Wietnamski minister bezpieczeństwa publicznego", ("VN",)),  # an adjective opening a sentence
        ("Polska i Japonia podpisały; w Republice Południowej Afryki", ("JP", "PL", "ZA")),  # CLDR + a case form
        ("Viet Nam signed first; South Africa, Belarus and the European Union followed", ("BY", "EU", "VN", "ZA")),
        ("South African and Belarusian ministers; the Vietnamese host", ("BY", "VN", "ZA")),
        ("Nigeria", ("NG",)),  # not Niger: whole names only
        ("19 krajów Azji i Pacyfiku, 21 krajów Afryki oraz 12 krajów Ameryki Łacińskiej", ()),  # regions
        ("Organizacji Narodów Zjednoczonych, ONZ, w Hanoi", ()),
    ],
)
def test_detects_countries_in_polish_and_english(text, codes):
    assert detect(text) == codes


def test_every_record_is_a_known_country_with_a_source():
    records = load_country_forms()
    assert {"VN", "BY", "ZA", "EU"} <= {r.code for r in records}
    assert all(countries.is_known(r.code) and r.forms and r.source.startswith("https://") for r in records)
    assert len({r.code for r in records}) == len(records)
    assert COUNTRY_NAMES.parent.name == "data"


def problems_told(path: Path, forms_of_vietnam: str) -> list[Problem]:
    """What loading a file of a record of VN with those forms and a record of an unknown country tells."""
    path.write_text(
        f"countries:\n  - code: VN\n    forms: [{forms_of_vietnam}]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
        "  - code: XX\n    forms: [Iksji]\n    source: https://example.org\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_country_forms(path)
    return list(info.value.problems)


def test_a_bad_record_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "country-names.yaml"
    assert str(problems_told(path, "Wietnamu")[0]).startswith(
        f"{path}:5: countries.1.code: 'XX' is not a known country code"
    )


def test_a_form_written_with_decomposed_accents_is_found_in_composed_text_and_the_other_way(tmp_path):
    """A form typed decomposed (NFD: `c` then U+0327) is the same name: it matched no text as imported (composed),
    and the file's check never compared it with CLDR's names or the other countries' forms."""
    path = tmp_path / "data" / "country-names.yaml"
    path.parent.mkdir()
    form = unicodedata.normalize("NFD", "Curaçaowie")
    assert form != "Curaçaowie"
    path.write_text(
        f"countries:\n  - code: CW\n    forms: [{form}]\n    source: https://pl.wiktionary.org/wiki/Curaçao\n",
        encoding="utf-8",
    )
    assert detect("Na Curaçaowie podpisano.", path) == ("CW",)
    assert detect(unicodedata.normalize("NFD", "Na Curaçaowie podpisano."), path) == ("CW",)


def test_every_problem_of_the_file_is_told_as_make_check_tells_them(tmp_path):
    """A finding of the YAML reading (a form listed twice) was raised alone, before the records were read: the
    importer told it, and `make check` told it with the bad record after it; fixed one, the other came next."""
    path = tmp_path / "data" / "country-names.yaml"
    path.parent.mkdir()
    told = problems_told(path, "Wietnamu, Wietnamu")
    assert [str(problem) for problem in told] == [
        str(problem) for problem in check(tmp_path) if problem.path == str(path)
    ]
    assert [problem.line for problem in told] == [3, 5]


def test_an_import_finds_countries_by_the_names_of_its_own_content_folder(capsys, tmp_path):
    """DEST is the content folder `make check` reads (content/, or ARCHIVE_CONTENT): its country-names.yaml, not
    the repository's, names the countries of what is imported into it; one that has none has CLDR's names."""
    source = tmp_path / "article.txt"
    source.write_text(
        "Konwencja podpisana w Hanoi\n\nPrzedstawiciele Wietnamu i Kraju Kwitnącej Wiśni podpisali konwencję "
        "o cyberprzestępczości w sobotę w Hanoi, a Polska zapowiedziała ratyfikację.\n",
        encoding="utf-8",
    )
    options = ("--date", "2025-10-26", "--lang", "pl", "--source-url", "https://example.org/a", "--publisher", "PAP")
    own = tmp_path / "own"
    (own / "data").mkdir(parents=True)
    (own / "data" / "country-names.yaml").write_text(
        "countries:\n  - code: JP\n    forms: [Kraju Kwitnącej Wiśni]\n"
        "    source: https://pl.wikipedia.org/wiki/Japonia\n",
        encoding="utf-8",
    )
    result = run_import(capsys, source, own, *options)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.countries == ("JP", "PL")
    bare = tmp_path / "bare"
    bare.mkdir()
    result = run_import(capsys, source, bare, *options)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.countries == ("PL",)


def test_a_country_names_file_linked_out_of_the_content_folder_is_refused(capsys, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("Konwencja podpisana w Hanoi\n\nPolska podpisała konwencję w sobotę w Hanoi.\n", encoding="utf-8")
    outside = tmp_path / "outside.yaml"
    outside.write_text("countries: []\n", encoding="utf-8")
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "data" / "country-names.yaml").symlink_to(outside)
    options = ("--date", "2025-10-26", "--lang", "pl", "--source-url", "https://example.org/a", "--publisher", "PAP")
    result = run_import(capsys, source, content, *options)
    assert result.code == 1 and "country-names.yaml" in result.err and "nothing was written" in result.err


def test_an_import_tells_the_first_problems_of_a_file_and_how_many_more(capsys, tmp_path):
    """As `make check` and the build tell them (`errors.told`): a file of thousands of problems buried the rest."""
    source = tmp_path / "article.txt"
    source.write_text("Konwencja podpisana w Hanoi\n\nPolska podpisała konwencję w sobotę w Hanoi.\n", encoding="utf-8")
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    (content / "data" / "country-names.yaml").write_text(
        "countries:\n" + "".join(f"  - {number}\n" for number in range(150)), encoding="utf-8"
    )
    options = ("--date", "2025-10-26", "--lang", "pl", "--source-url", "https://example.org/a", "--publisher", "PAP")
    result = run_import(capsys, source, content, *options)
    assert result.code == 1 and "nothing was written" in result.err, result.err
    told = [line for line in result.err.splitlines() if line.startswith(str(content / "data" / "country-names.yaml"))]
    assert len(told) == 101 and told[-1].endswith(
        "and 50 more problem(s), not told (fix those told above and check "
        "the file again: its first problems often cause the rest)"
    ), told


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("the Czech Republic and Viet Nam signed", ("CZ", "VN")),  # CLDR's variant name of CZ
        ("Republika Czeska i USA", ("CZ", "US")),
        ("Ivory Coast", ("CI",)),
    ],
)
def test_detects_countries_by_every_name_the_search_knows(text, codes):
    """`the Czech Republic` was found by the search but not by the importer: CLDR's variant and short names."""
    assert detect(text) == codes
