"""Language detection with py3langid: Polish, English, and what cannot be told."""

from __future__ import annotations

import pytest

from archive_core.articles import read_article
from tools.importer.language import MIN_PROBABILITY, detect_language, identify

from ..conftest import SEED
from .helpers import FIXTURES, run_import

POLISH = "Wietnam zobowiązuje się do pełnego, poważnego i odpowiedzialnego wypełniania zobowiązań."
POLISH_WITHOUT_DIACRITICS = "Wietnam zobowiazuje sie do pelnego, powaznego i odpowiedzialnego wypelniania zobowiazan."
ENGLISH = "Viet Nam commits to fully implementing the obligations of the convention."
GERMAN = "Die Konvention wurde in Hanoi von zweiundsiebzig Staaten unterzeichnet, darunter auch Deutschland."
URL = "https://example.org/article"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (SEED.read_text(encoding="utf-8"), "pl"),
        (POLISH, "pl"),
        (POLISH_WITHOUT_DIACRITICS, "pl"),  # typed without Polish letters: still Polish
        (ENGLISH, "en"),
        ((FIXTURES / "news-page.html").read_text(encoding="utf-8"), "en"),
    ],
    ids=["seed", "polish", "polish-ascii", "english", "english-page"],
)
def test_polish_and_english_are_told_apart(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Konwencja z Hanoi",  # a few words are too short to tell, even if they look Polish
        "Hanoi convention opens",
        "Hanoi, 25-26.10.2025: 72 / 64. UNODC, ONZ, UE.",
        "asdkj qwe zxcm qwpeoi lkjh mnbv",
    ],
    ids=["empty", "short-pl", "short-en", "numbers-and-acronyms", "nonsense"],
)
def test_too_short_or_ambiguous_text_is_not_guessed(text):
    assert detect_language(text) is None


def test_another_language_is_neither_polish_nor_english():
    guess = identify(GERMAN)
    assert guess is not None and guess.code == "de" and guess.probability >= MIN_PROBABILITY
    assert detect_language(GERMAN) is None


@pytest.mark.parametrize(("text", "lang"), [(POLISH, "pl"), (ENGLISH, "en")])
def test_a_long_text_is_told_as_a_short_one_is(text, lang):
    """The model's sureness fell as a text repeating itself grew: a Polish sentence repeated to 4.6 million
    characters (a source just within the importer's bound) was Polish at 0.07, and its import refused as of a
    language that cannot be told."""
    assert detect_language(f"{text}\n\n" * 50_000) == lang


def test_detection_is_deterministic():
    mixed = f"{POLISH} {ENGLISH} {POLISH}"
    assert len({identify(mixed) for _ in range(20)}) == 1


def test_a_source_in_another_language_must_be_given_a_language(capsys, tmp_path):
    source = tmp_path / "german.txt"
    source.write_text(f"{GERMAN}\n{GERMAN}\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 1
    expected = (
        "german.txt: lang: the source reads as German (de), not Polish or English (the archive keeps Polish and "
        "English texts: import the source's Polish or English translation, saying what it was translated from and "
        'by whom, as in TRANSLATED_FROM=de TRANSLATED_BY="..." (its `translation_chain`; CONTRIBUTING.md, '
        '"Translations"); if it is Polish or English after all, give it: make import LANG=pl or LANG=en)'
    )
    assert expected in result.err


@pytest.mark.parametrize(
    ("text", "given", "expected"),
    [
        (GERMAN, "pl", "the text reads as German (de), not Polish (the archive keeps Polish and English texts"),
        (ENGLISH * 2, "pl", "the text reads as English (en), not Polish (import it again with LANG=en; if it is"),
    ],
    ids=["german-as-polish", "english-as-polish"],
)
def test_a_language_given_against_the_text_is_written_for_review(capsys, tmp_path, text, given, expected):
    # The model may be wrong, so LANG= is obeyed; but a German text given LANG=pl would be published as Polish
    # without a word: the file says `review: [lang]` (a warning of `make check`) and the import says why.
    source = tmp_path / "source.txt"
    source.write_text(f"{text}\n{text}\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", given, "--title", "T")
    assert result.code == 0, result.err
    assert f"warning: lang: LANG={given} was given, but {expected}" in result.err
    assert "\nreview: [lang]\n" in result.path.read_text(encoding="utf-8")
    # The last line says what happened: the language was given, not guessed.
    [review] = [line for line in result.err.splitlines() if ": warning: review: " in line]
    assert review.endswith(
        "warning: review: lang was given (LANG=), but the text reads as another language: it was kept as given: "
        "check, then delete the `review:` line"
    ), review


def test_a_language_given_as_the_text_reads_is_not_for_review(capsys, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text(f"{POLISH}\n{POLISH}\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", "--lang", "pl", "--title", "T")
    assert result.code == 0 and "warning: lang" not in result.err
    assert "review:" not in result.path.read_text(encoding="utf-8")


def test_a_translation_from_a_third_language_is_imported_with_its_chain(capsys, tmp_path):
    # The Polish translation of a German report: the archive's original, whose chain says how it came to be.
    source = tmp_path / "source.txt"
    source.write_text(f"{POLISH}\n{POLISH}\nSource: {URL}\n", encoding="utf-8")
    options = ("--date", "2025-10-26", "--title", "T", "--translated-from", "de", "--translated-by", "PAP: the agency")
    result = run_import(capsys, source, tmp_path / "out", *options)
    assert result.code == 0, result.err
    text = result.path.read_text(encoding="utf-8")
    assert '\ntranslation_chain:\n  - from: de\n    to: pl\n    by: "PAP: the agency"\n' in text
    [step] = read_article(result.path).meta.translation_chain
    assert (step.from_lang, step.to_lang, step.by) == ("de", "pl", "PAP: the agency")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--translated-from", "de"], 'TRANSLATED_FROM needs TRANSLATED_BY="..."'),
        (["--translated-by", "X"], "TRANSLATED_BY is given without TRANSLATED_FROM"),
        (["--translated-from", "DE", "--translated-by", "X"], "TRANSLATED_FROM must be a language's ISO 639-1 code"),
        (["--translated-from", "de: x", "--translated-by", "X"], "two small letters (de, vi), not 'de: x'"),
        (["--translated-from", "en", "--translated-by", "X"], "TRANSLATED_FROM=en is the archive's own language"),
    ],
)
def test_a_bad_translation_chain_is_refused_before_writing(capsys, tmp_path, options, message):
    source = tmp_path / "source.txt"
    source.write_text(f"{POLISH}\n{POLISH}\nSource: {URL}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26", *options)
    assert refused.value.code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ngày 25/10/2025, lễ mở ký Công ước của Liên hợp quốc về chống tội phạm mạng đã diễn ra tại Hà Nội.",
            "Vietnamese",
        ),
        # Russian or Bulgarian, the model cannot tell, but surely neither Polish nor English: it was told as a text
        # whose language cannot be told, and offered LANG=pl or LANG=en.
        (
            "25 октября 2025 года в Ханое открыта для подписания конвенция ООН против киберпреступности.",
            "another language than Polish or English, most likely Russian (ru) or Bulgarian (bg)",
        ),
        (
            "Le 25 octobre 2025, la convention des Nations Unies contre la cybercriminalité a été ouverte à Hanoï.",
            "French",
        ),
    ],
)
def test_a_source_in_a_third_language_is_refused_naming_it(capsys, tmp_path, text, name):
    source = tmp_path / "source.txt"
    source.write_text(f"{text}\n\n{text}\n\nSource: {URL}\n", encoding="utf-8")
    result = run_import(capsys, source, tmp_path / "out", "--date", "2025-10-26")
    assert result.code == 1 and f"source.txt: lang: the source reads as {name}" in result.err, result.err
    assert "TRANSLATED_FROM=" in result.err and "nothing was written" in result.err
