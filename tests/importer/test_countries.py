"""Country detection: CLDR names in Polish and English, plus the inflected forms of country-names.yaml."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from archive_core import countries
from archive_core.errors import ContentError, Problem
from tools.check import check
from tools.importer.countries import COUNTRY_NAMES, detect, load_country_forms


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
