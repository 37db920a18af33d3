"""Country detection: CLDR names in Polish and English, plus the inflected forms of country-names.yaml."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from archive_core import countries
from archive_core.articles import read_article
from archive_core.errors import ContentError, Problem
from tools.check import check
from tools.importer.countries import COUNTRY_NAMES, detect, load_country_forms, read, told

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
        # An apostrophe however typed: CLDR writes `Côte d’Ivoire`, the archive's file `Democratic People's ...`.
        ("Côte d'Ivoire", ("CI",)),
        ("Democratic People’s Republic of Korea", ("KP",)),
        # South Korea's names beside North Korea's, which ends with one of them.
        ("Republic of Korea", ("KR",)),
        ("w Republice Korei, Republikę Korei, z Republiką Korei", ("KR",)),
        ("Korei Południowej, Koreę Południową, Koreą Południową", ("KR",)),
        ("Democratic People's Republic of Korea", ("KP",)),
        ("Democratic People’s Republic of Korea and the Republic of Korea", ("KP", "KR")),
        ("Koreańskiej Republiki Ludowo-Demokratycznej i Korei Północnej", ("KP",)),
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
    the repository's, names the countries of what is imported into it; one that has none has CLDR's names (and the
    Polish case forms made of them: `Wietnamu`)."""
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
    assert read_article(result.path).meta.countries == ("JP", "PL", "VN")
    bare = tmp_path / "bare"
    bare.mkdir()
    result = run_import(capsys, source, bare, *options)
    assert result.code == 0, result.err
    assert read_article(result.path).meta.countries == ("PL", "VN")


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


# A state's name the importer knows none of: told, so that its code is added by hand.
UNKNOWN_STATES = [
    ("The Republic of Korea signed the convention in Hanoi.", "Republic of Korea"),
    ("Przedstawiciel Republiki Korei podpisał konwencję w Hanoi.", "Republiki Korei"),
    ("The Kyrgyz Republic signed on Saturday.", "Kyrgyz Republic"),
    ("Konwencję podpisało też Królestwo Niderlandów.", "Królestwo Niderlandów"),
    ("The Lao People's Democratic Republic signed.", "Lao People's Democratic Republic"),
    ("Podpisało Wielkie Księstwo Iksów i Sułtanat Igreków.", "Wielkie Księstwo Iksów"),
    ("Podpisało Wielkie Księstwo Iksów i Sułtanat Igreków.", "Sułtanat Igreków"),
    # Two names, one after the other: each its own.
    ("The Republic of the Congo and the Democratic Republic of the Congo signed.", "Republic of the Congo"),
    ("The Republic of the Congo and the Democratic Republic of the Congo signed.", "Democratic Republic of the Congo"),
    ("The Republic of Somaliland did not sign.", "Republic of Somaliland"),
    ("Hargeisa Waits: Republic of Somaliland to Stay Away From Hanoi", "Republic of Somaliland"),
]
# Names of a state whose every known name is matched, or no state's name at all: nothing told.
KNOWN_OR_NO_STATES = [
    ("The Czech Republic and the Dominican Republic signed.", ("CZ", "DO")),
    ("The Republic of South Africa and the Islamic Republic of Iran signed.", ("IR", "ZA")),
    ("Przedstawiciele Republiki Białorusi i Rzeczypospolitej Polskiej podpisali.", ("BY", "PL")),
    ("W Republice Południowej Afryki i Federacji Rosyjskiej trwa debata.", ("RU", "ZA")),
    ("The Kingdom of Saudi Arabia and the United Kingdom signed.", ("GB", "SA")),
    ("The Vietnamese Republic of Korea delegation met.", ("KR", "VN")),  # an adjective that is a known name
    ("Koreańska Republika Ludowo-Demokratyczna nie podpisała.", ("KP",)),
    # Known by the Polish case forms of CLDR's names (tools/importer/polish_cases.py).
    ("Delegacja Demokratycznej Republiki Konga podpisała konwencję.", ("CD",)),
    ("Podpisały Wielkie Księstwo Luksemburga i Sułtanat Omanu.", ("LU", "OM")),
    ("Republic officials and the Republican party; dziennik Rzeczpospolita pisze o tym.", ()),
    ("The International Federation of Journalists criticised the convention.", ()),
    # A capital that says nothing of the word: opening a sentence or a line, or in a headline's title case. Only an
    # adjective of a state's name there makes a longer name (`Democratic Peoples Republic of Korea`).
    ("Historic Republic of Korea visit to Hanoi", ("KR",)),
    ("Annual Republic of Korea–Vietnam forum opens in Hanoi", ("KR", "VN")),
    ("Hanoi hosts it. Annual Republic of Korea talks follow.", ("KR",)),
    ("President Lee Makes Historic Republic of Korea Visit to Hanoi", ("KR",)),
    # A kingdom that is no state: every state called one is named by its country's name after `of`, or is GB.
    ("Visitors of the Magic Kingdom, the Animal Kingdom and the Kingdom of Heaven signed.", ()),
]


# The tests' own country names: forms as the archive's, with the sources it cites.
NAMES = (
    "countries:\n"
    "  - code: BY\n    forms: [Białorusi]\n    source: https://pl.wiktionary.org/wiki/Bia%C5%82oru%C5%9B\n"
    "  - code: VN\n    forms: [Vietnamese]\n    source: https://pl.wiktionary.org/wiki/Wietnam\n"
    "  - code: ZA\n    forms: [Republice Południowej Afryki]\n"
    "    source: https://pl.wiktionary.org/wiki/Republika_Po%C5%82udniowej_Afryki\n"
    "  - code: PL\n    forms: [Rzeczypospolitej Polskiej]\n    source: https://pl.wiktionary.org/wiki/Polska\n"
    "  - code: RU\n    forms: [Federacji Rosyjskiej]\n    source: https://pl.wiktionary.org/wiki/Rosja\n"
    "  - code: KR\n    forms: [Republic of Korea, Republika Korei, Republiki Korei]\n"
    "    source: https://pl.wiktionary.org/wiki/Korea_Po%C5%82udniowa\n"
    "  - code: KP\n    forms: [Democratic People's Republic of Korea, Koreańska Republika Ludowo-Demokratyczna]\n"
    "    source: https://pl.wiktionary.org/wiki/Korea_P%C3%B3%C5%82nocna\n"
)


def import_naming(capsys, folder: Path, sentence: str, names: str = ""):
    """The import of a text whose second paragraph is `sentence`, into a content folder of the country names
    `names` (a data/country-names.yaml), or of CLDR's alone."""
    content = folder / "content"
    if names:
        (content / "data").mkdir(parents=True)
        (content / "data" / "country-names.yaml").write_text(names, encoding="utf-8")
    source = folder / "article.txt"
    source.write_text(
        "Konwencja podpisana w Hanoi\n\nPrzedstawiciele 72 państw podpisali w sobotę w Hanoi konwencję ONZ "
        f"o cyberprzestępczości, która otwiera nową erę współpracy.\n\n{sentence}\n",
        encoding="utf-8",
    )
    options = ("--date", "2025-10-26", "--lang", "pl", "--source-url", "https://example.org/a", "--publisher", "PAP")
    result = run_import(capsys, source, content, *options)
    assert result.code == 0, result.err
    return result


@pytest.mark.parametrize(("sentence", "name"), UNKNOWN_STATES)
def test_a_state_s_name_the_importer_knows_none_of_is_told_and_marked_for_review(capsys, tmp_path, sentence, name):
    """`Republic of Korea` is neither CLDR's name of South Korea nor a form of the archive's: the article was
    imported without KR, and nothing told the person who imported it."""
    result = import_naming(capsys, tmp_path, sentence)
    meta = read_article(result.path).meta
    assert "countries" in meta.review
    told = next(line for line in result.err.splitlines() if "warning: review:" in line)
    assert "review: countries may lack a country: the text names what looks like a state's name" in told, told
    assert f"`{name}` (line 5)" in told and "add the code of the country each names, if it names one" in told, told
    problems = [p for p in check(tmp_path / "content") if p.field == "review"]
    assert len(problems) == 1 and "add that country's code to `countries:`" in problems[0].hint


@pytest.mark.parametrize(("sentence", "codes"), KNOWN_OR_NO_STATES)
def test_a_state_s_name_the_importer_knows_is_not_told(capsys, tmp_path, sentence, codes):
    result = import_naming(capsys, tmp_path, sentence, NAMES)
    meta = read_article(result.path).meta
    assert (meta.countries, meta.review) == (codes, ()), result.err
    assert "countries may lack" not in result.err


@pytest.mark.parametrize(
    ("sentence", "codes", "name"),
    [
        ("The Republic of Korea signed.", ("KR",), None),
        ("Prezydent Republiki Korei podpisał.", ("KR",), None),
        ("The Democratic People's Republic of Korea did not sign.", ("KP",), None),
        ("The Democratic People’s Republic of Korea did not sign.", ("KP",), None),  # a typographic apostrophe
        ("The DPRK (Democratic People's Republic of Korea) and the Republic of Korea", ("KP", "KR"), None),
        # A longer name ending with KR's: not KR, and told.
        ("The Democratic Peoples Republic of Korea did not sign.", (), "Democratic Peoples Republic of Korea"),
        ("Ludowo-Demokratyczna Republika Korei nie podpisała.", (), "Ludowo-Demokratyczna Republika Korei"),
        ("Democratic Peoples Republic of Korea Rejects Convention", (), "Democratic Peoples Republic of Korea"),
        ("Hanoi. Democratic Peoples Republic of Korea did not sign.", (), "Democratic Peoples Republic of Korea"),
        ("Delegacja Ludowo-Demokratycznej Republiki Korei", (), "Ludowo-Demokratycznej Republiki Korei"),
    ],
)
def test_north_korea_is_never_taken_for_the_republic_of_korea(capsys, tmp_path, sentence, codes, name):
    """`Republic of Korea` (KR) ends `Democratic People's Republic of Korea` (KP): a longer name ending with a
    known one is another state's, so it is told, not taken for the state the known name names."""
    result = import_naming(capsys, tmp_path, sentence, NAMES)
    meta = read_article(result.path).meta
    assert meta.countries == codes, result.err
    assert ("countries" in meta.review) == (name is not None)
    if name is not None:
        assert f"`{name}` (line 5; it ends with KR's name `" in result.err, result.err


def test_a_saved_page_naming_a_state_the_importer_knows_none_of_is_told_at_its_line(capsys, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Seventy-two states sign</title></head>\n'
        "<body><article><h1>Seventy-two states sign</h1>\n<p>Seventy-two states signed the convention in Hanoi on "
        "Saturday, the first day it was open for signature.</p>\n<p>The Democratic Peoples Republic of Korea did "
        "not; the Republic of Korea did.</p>\n</article></body></html>\n",
        encoding="utf-8",
    )
    result = run_import(
        capsys, page, tmp_path / "content", "--date", "2025-10-26", "--source-url", "https://example.org/a"
    )
    assert result.code == 0, result.err
    assert read_article(result.path).meta.review == ("countries",)
    assert "`Democratic Peoples Republic of Korea` (line 5), `Republic of Korea` (line 5);" in result.err


def test_many_names_like_a_state_s_are_told_the_first_ten_and_how_many_more():
    found = read(" ".join(f"Republic of Xy{letter}." for letter in "abcdefghijkl"))
    told_names = told(found.unknown, "")
    assert "`Republic of Xya`, " in told_names and "`Republic of Xyj`, and 2 more;" in told_names
    assert "Xyk" not in told_names
