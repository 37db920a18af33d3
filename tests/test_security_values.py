"""Values a reader cannot check by eye: a list that repeats a value, characters a reader cannot see or that
reorder the text, a year before 1000 in any file, each refused at its line naming the field; and hidden files
of content/, which the build would skip. See docs/security.md.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import icu
import pytest

from archive_core.text import SYMBOLS_FOR_LETTERS, invisible_problem
from tools.check import check

from .build_helpers import run_build, tree_snapshot
from .test_bad_input import GOOD as GOOD_ARTICLE

ARTICLE = "articles/2025/signing-in-hanoi.en.md"
EVENT = "data/timeline/signing-ceremony.yaml"
EVENT_NAME = "event 'signing-ceremony': "  # what every problem of its file says first
PEOPLE = "data/people.yaml"

CHAIN_FROM_ZZ = "by: X\ntranslation_chain:\n  - {from: zz, to: pl, by: Y}\n  - {from: pl, to: en, by: X}"
ZZ_REFUSED = ":16: translation_chain.0.from: 'zz' is not a language CLDR names in pl and en"

# name: (file, text replaced, its replacement, the problem's `line: field: message` start)
REFUSED: dict[str, tuple[str, str, str, str]] = {
    "a country twice": (ARTICLE, "[BY, EU, VN, ZA]", "[BY, VN, VN]", ":7: countries: lists 'VN' twice"),
    "a topic twice in other case": (ARTICLE, "[ceremony]", "[ceremony, Ceremóny]", ":8: tags.1: 'ceremony' and"),
    "an event's source twice": (
        EVENT,
        "  - https://example.org/events/signing\n",
        "  - https://example.org/events/signing\n  - https://example.org/events/signing\n",
        f":14: sources: {EVENT_NAME}lists 'https://example.org/events/signing' twice, on lines 13 and 14",
    ),
    "an event's country twice": (
        EVENT,
        "countries: [VN]",
        "countries: [VN, VN]",
        f":14: countries: {EVENT_NAME}lists 'VN'",
    ),
    # An event's file is named after its id (`a.yaml` held `id: b`): a reviewer read another address than its own.
    "an event in a file of another name": (
        EVENT,
        "id: signing-ceremony",
        "id: signing-ceremonies",
        ":1: id: event 'signing-ceremonies': 'signing-ceremonies' is not the name of its file, signing-ceremony.yaml",
    ),
    "a person's article twice": (
        PEOPLE,
        "articles: [civil-society-concerns]",
        "articles: [civil-society-concerns, civil-society-concerns]",
        ":21: Quillfeather.articles: lists 'civil-society-concerns' twice",
    ),
    "an override in a title": (ARTICLE, "Convention signed", "Conven\u202etion signed", ":2: title: holds U+202E"),
    "an isolate in an event's title": (EVENT, "en: Signing ceremony", "en: Signing \u2067ceremony", ":8: title.en:"),
    "an override in a person's name": (
        PEOPLE,
        "Quillfeather",
        "Quill\u202efeather",
        ":16: record 3.name: holds U+202E",
    ),
    "a zero-width space in a tag": (ARTICLE, "[ceremony]", "[cere\u200bmony]", ":8: tags.0: holds U+200B"),
    "a BOM in a publisher": (ARTICLE, "Example Agency", "Example\ufeffAgency", ":11: source.publisher: holds U+FEFF"),
    "a line break in a tag": (ARTICLE, "[ceremony]", '["cere\\nmony"]', ":8: tags.0: holds a line break"),
    "a C1 control in a title": (
        ARTICLE,
        '"Convention',
        '"Conven\\u0085tion',
        ":2: title: holds the control character U+0085",
    ),
    # Letters and symbols drawn blank, and labels of nothing else: they passed, and showed an empty title.
    "a Hangul filler in a title": (ARTICLE, "Convention signed", "Convention\u3164signed", ":2: title: holds U+3164"),
    "a title of Hangul fillers": (
        ARTICLE,
        '"Convention signed in Hanoi"',
        '"\\u115f\\u1160"',
        ":2: title: holds U+115F",
    ),
    "a blank Braille pattern in a publisher": (
        ARTICLE,
        "Example Agency",
        "\u2800",
        ":11: source.publisher: holds U+2800",
    ),
    "a title of combining marks": (
        ARTICLE,
        '"Convention signed in Hanoi"',
        '"\\u0301\\u0301"',
        ":2: title: shows nothing: '\u0301\u0301' is only spaces, combining marks",
    ),
    # Look-alike letters of two alphabets in one word: a second topic, person or publisher reading as the first.
    "a tag in Cyrillic and Latin letters": (
        ARTICLE,
        "[ceremony]",
        "[\u0441eremony]",
        ":8: tags.0: 'сeremony' mixes Cyrillic and Latin letters in one word ('с' is Cyrillic, 'e' is Latin)",
    ),
    "a person's name with a Cyrillic letter": (
        PEOPLE,
        "Quillfeather",
        "Quillf\u0435ather",
        ":16: Quillfеather.name: 'Quillfеather' mixes Cyrillic and Latin letters in one word ('е' is Cyrillic,",
    ),
    # A Greek letter as a unit: by ICU's confusables `μ` passes for the micro sign `µ` (accepted below), so it
    # stays refused, and the hint names the symbol to write.
    "a unit with the Greek letter mu in a tag": (
        ARTICLE,
        "[ceremony]",
        "[10μm particles]",
        ":8: tags.0: '10μm' mixes Greek and Latin letters in one word ('μ' is Greek, 'm' is Latin): it reads as a "
        "word it is not (retype the word in one alphabet; as a unit or symbol, write µ (MICRO SIGN) for μ",
    ),
    "a Greek letter in an event's title": (EVENT, "en: Signing ceremony", "en: Signing cerem\u03bfny", ":8: title.en:"),
    "an event's title of variation selectors": (
        EVENT,
        "en: Signing ceremony",
        'en: "\\ufe0f"',
        f":8: title.en: {EVENT_NAME}shows",
    ),
    "an override in prose": (EVENT, "en: The convention", "en: The \u202econvention", ":11: description.en:"),
    # A body keeps the source's text, but no line of it may read other than it is (Trojan Source).
    "an override in a body": (
        ARTICLE,
        "the observer Ostrander",
        "the observer \u202erednatsO",
        ":17: body: holds U+202E",
    ),
    "an override in an about page": ("about/about.en.md", "\n\n", "\n\nThe \u202dtext.\n\n", ":5: body: holds U+202D"),
    # Written by its character reference, it passed, and the page showed the word reversed all the same.
    "an override written by its reference in a body": (
        ARTICLE,
        "the observer Ostrander",
        "the observer &#x202E;rednatsO",
        ":17: body: writes, by its character reference, U+202E",
    ),
    "an override written by its reference in a summary": (
        ARTICLE,
        "slug:",
        'summary: "The observer &#8238;rednatsO."\nslug:',
        ":6: summary: writes, by its character reference, U+202E",
    ),
    "an isolate left open in a body": (
        ARTICLE,
        "observer Ostrander.",
        "observer \u2067Ostrander.",
        ":17: body: holds U+2067",
    ),
    "a closer of nothing in a body": (
        ARTICLE,
        "observer Ostrander.",
        "observer Ostrander.\u2069",
        ":17: body: holds U+2069",
    ),
    "a line separator in prose": (
        ARTICLE,
        "slug:",
        'editor_note: "A note.\\u2028"\nslug:',
        ":6: editor_note: holds U+2028",
    ),
    "a year before 1000 in an event": (
        EVENT,
        "start: 2025-10-25",
        "start: 0025-10-25",
        f":4: date.start: {EVENT_NAME}0025-10-25 is before",
    ),
    "a month before 1000 in an event": (
        EVENT,
        "start: 2025-10-25\n  end: 2025-10-26",
        'start: "0025-10"\n  end: "0025-11"',
        f":4: date.start: {EVENT_NAME}0025-10 is before the year 1000",
    ),
    "a year before 1000 in convention.yaml": (
        "data/convention.yaml",
        "as_of: 2026-06-01",
        "as_of: 0026-06-01",
        ":5: as_of: 0026-06-01 is before the year 1000",
    ),
    "more instruments than there are states": (
        "data/convention.yaml",
        "instruments: 5",
        "instruments: 500",
        ":20: entry_into_force.instruments: 500 is not a count (a whole number, at most 250",
    ),
    "a signature count of 100 digits": (
        "data/convention.yaml",
        "  states: 3",
        "  states: " + "9" * 100,
        ":8: hanoi_signatures.states: 99999999999999999999… is not a count",
    ),
    # Longer, no number is read (yaml_tags.MAX_NUMBER_CHARS): in hex, Python could not print it (a traceback).
    "a signature count of 5,000 hex digits": (
        "data/convention.yaml",
        "  states: 3",
        "  states: 0x" + "f" * 5000,
        ":8: hanoi_signatures.states: cannot be read as a number (int): 5,002 characters, more than any number",
    ),
    "a year before 1000 in countries.yaml": (
        "data/countries.yaml",
        "date: 2025-11-10",
        "date: 0025-11-10",
        ":4: DZ.date: 0025-11-10 is before the year 1000",
    ),
    "a year before 1000 in an article, as text": (
        ARTICLE,
        "date: 2025-10-26",
        'date: "0999-10-26T10:00"',
        ":3: date: 0999-10-26 is before the year 1000",
    ),
    "more topics than an article's main ones": (
        ARTICLE,
        "[ceremony]",
        "[" + ", ".join(f"topic {n}" for n in range(21)) + "]",
        ":8: tags: names 21 topics, more than 20",
    ),
    # A label is shown whole wherever it is named: a tag of one letter and punctuation is the topic `c`, named in
    # full on every page naming it.
    "a tag of one letter and 1,000 marks": (ARTICLE, "[ceremony]", f'["c{"!" * 1000}"]', ":8: tags.0: has 1001 ch"),
    "a person's name of 600 letters": (PEOPLE, "Quillfeather", "Q" * 600, ":16: record 3.name: has 600 characters"),
    "an event's title longer than a headline": (
        EVENT,
        "en: Signing ceremony",
        f"en: {'a' * 301}",
        f":8: title.en: {EVENT_NAME}has",
    ),
    # A tag its value does not fit: PyYAML raised AttributeError, KeyError or IndexError, a traceback of `make check`.
    "a date tagged !!timestamp that is none": (
        ARTICLE,
        "date: 2025-10-26",
        'date: !!timestamp "26 October 2025"',
        ":3: date: is tagged !!timestamp, and its value cannot be read as one",
    ),
    "a yes/no tagged !!bool that is none": (
        EVENT,
        "kind: signing",
        'kind: signing\nverified: !!bool "maybe"',
        f":3: verified: {EVENT_NAME}is tagged !!bool, and its value cannot be read as one",
    ),
    "a key tagged as a date": (ARTICLE, "lang: en", 'lang: en\n!!timestamp "x": 1', ":5: front-matter: a key must be"),
    "a key that is a number": (
        EVENT,
        "kind: signing",
        "kind: signing\n1: one",
        ":3: yaml: event in signing-ceremony.yaml: a key must be plain text",
    ),
    "an empty publisher": (ARTICLE, "publisher: Example Agency", 'publisher: ""', ":11: source.publisher: is empty"),
    "a blank summary": (ARTICLE, "slug:", 'summary: "  "\nslug:', ":6: summary: is empty"),
    "an empty role in a data file": (PEOPLE, "en: researcher", 'en: ""', ":20: Quillfeather.role.en: is empty"),
    # A language each page names: `zz` passed `make check`, and the build failed on a KeyError from CLDR.
    "a step of translation from no language": (ARTICLE, "by: the fixture's authors", CHAIN_FROM_ZZ, ZZ_REFUSED),
    # Days of the archive's before the source's own: a correction dated years before was listed as the oldest.
    "a correction before the source was published": (
        ARTICLE,
        "slug:",
        "corrections:\n  - date: 2020-01-01\n    change: A name.\nslug:",
        ":7: corrections.0.date: 2020-01-01 is before the source was published (2025-10-26, the article's `date:`)",
    ),
    "a source read before it was published": (
        ARTICLE,
        "publisher: Example Agency",
        "publisher: Example Agency\n  accessed: 2025-10-24",
        ":12: source.accessed: 2025-10-24 is before the source was published",
    ),
}

# name: (file, text replaced, its replacement): what real text needs, accepted
ACCEPTED: dict[str, tuple[str, str, str]] = {
    "a no-break space in a title": (ARTICLE, "Convention signed", "Convention\u00a0signed"),
    "a zero-width joiner in prose": (EVENT, "en: The convention", "en: The conv\u200dention"),
    "a direction mark in prose": (EVENT, "en: The convention", "en: The\u200e convention"),
    "an isolate closed on its line, and a direction mark, in a body": (
        ARTICLE,
        "the observer Ostrander.",
        "the observer \u2067\u05d0\u05d1\u2069\u200f Ostrander.",
    ),
    "Vietnamese with combining marks in a name": (PEOPLE, "Quillfeather", "Nguye\u0302\u0303n Văn A"),
    "an emoji with its variation selector in a title": (ARTICLE, "Convention signed", "Convention \u2764\ufe0f signed"),
    "Cyrillic and Latin words side by side in a title": (
        ARTICLE,
        '"Convention signed in Hanoi"',
        '"Конвенция ООН (UNODC) signed"',
    ),
    "a unit with the micro sign in a tag": (ARTICLE, "[ceremony]", "[10µm particles]"),
    "a Greek letter as a symbol, apart, and the increment sign in a title": (
        ARTICLE,
        '"Convention signed in Hanoi"',
        '"IFN-γ and ∆T: β-blockers"',
    ),
    "a title in Korean": (ARTICLE, '"Convention signed in Hanoi"', '"하노이 협약 서명"'),
    "a key left without a value (not given)": (ARTICLE, "slug:", "editor_note:\nslug:"),
    # Where it was published (Hanoi) the day is ahead of the archive's.
    "a source read the day before its date": (ARTICLE, "Example Agency", "E\n  accessed: 2025-10-25"),
}


def _edit(content, name: str, old: str, new: str) -> None:
    path = content / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_refused_at_its_line_naming_the_field(case, content_copy):
    name, old, new, expected = case
    _edit(content_copy, name, old, new)
    errors = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(error.startswith(f"{content_copy / name}{expected}") for error in errors), errors


@pytest.mark.parametrize("case", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_what_real_text_needs_is_accepted(case, content_copy):
    _edit(content_copy, *case)
    assert [str(p) for p in check(content_copy) if p.severity == "error"] == []


# Hidden entries of content/ (a name starting with '.'), which Pelican's IGNORE_FILES and every reader skip:
# name: (path, is it a folder, what check says: "error", "warning", or None for a tool's own file)
HIDDEN: dict[str, tuple[str, bool, str | None]] = {
    "an article": ("articles/2025/.signing.en.md", False, "error"),
    "a timeline event": ("data/timeline/.draft.yaml", False, "error"),
    "a data file": ("data/.people.yml", False, "error"),
    "a raw copy": ("sources/.hanoi.txt", False, "error"),
    "a folder of drafts": ("articles/.drafts", True, "error"),
    "a file of no kind the build reads": ("articles/.notes", False, "warning"),
    "macOS's .DS_Store": ("articles/.DS_Store", False, None),
    "an AppleDouble file": ("articles/2025/._signing-in-hanoi.en.md", False, None),
    "git's .gitkeep": ("data/.gitkeep", False, None),
    "a Vim swap file": ("articles/2025/.signing-in-hanoi.en.md.swp", False, None),
}


@pytest.mark.parametrize("case", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_hidden_entry_is_named_unless_a_tool_made_it(case, content_copy):
    name, is_dir, severity = case
    path = content_copy / name
    if is_dir:
        path.mkdir()
        (path / "x.en.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    else:
        path.write_text(GOOD_ARTICLE, encoding="utf-8")
    problems = [p for p in check(content_copy) if p.path == str(path)]
    assert [p.severity for p in problems] == ([severity] if severity else []), problems
    if severity:
        assert "hidden" in problems[0].message and "leading '.'" in problems[0].hint


def test_an_emacs_lock_is_skipped_and_a_regular_file_named_as_one_is_told_where_it_belongs(content_copy):
    """Emacs locks `x.en.md` with a link `.#x.en.md` (to who holds it); a regular file of that name, an article
    saved or copied under it, was taken for a lock and skipped without a word."""
    folder = content_copy / "articles" / "2025"
    (folder / ".#signing-in-hanoi.en.md").symlink_to("editor@host.4242:1700000000")  # a lock: dangling
    (folder / ".#signing-in-oslo.en.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / ".#notes").write_text("x", encoding="utf-8")
    problems = {Path(p.path).name: p for p in check(content_copy) if Path(p.path).name.startswith(".#")}
    assert sorted(problems) == [".#notes", ".#signing-in-oslo.en.md"], problems
    article, notes = problems[".#signing-in-oslo.en.md"], problems[".#notes"]
    assert (article.severity, notes.severity) == ("error", "warning")
    assert "is a regular file, not a lock: the build skips it, never published" in article.message
    assert article.hint == "rename it signing-in-oslo.en.md if it is content, or delete it"


def test_a_hidden_article_stops_the_build_and_a_hidden_note_does_not(content_copy, tmp_path):
    (content_copy / "articles" / ".notes").write_text("x", encoding="utf-8")
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 0, built.stderr
    said = " ".join((built.stdout + built.stderr).split())  # the log may wrap lines
    assert "articles/.notes: warning: file: is hidden" in said, said
    before = tree_snapshot(tmp_path / "output")
    hidden = content_copy / "articles" / "2025" / ".signing.en.md"
    hidden.write_text(GOOD_ARTICLE, encoding="utf-8")
    refused = run_build(content_copy, tmp_path / "output")
    assert refused.returncode == 1
    assert f"{hidden}: file: is hidden" in refused.stderr
    assert tree_snapshot(tmp_path / "output") == before


def test_a_translation_key_in_three_files_is_named_once_as_a_duplicate(content_copy):
    # Two Polish versions and the English one: one error, naming both Polish files; none saying the two Polish
    # files need a `translation:` (which neither can have: both are in one language).
    original = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    second = content_copy / "articles" / "2024" / "signing-in-hanoi.pl.md"
    second.write_text(original.read_text(encoding="utf-8").replace("date: 2025-10-26", "date: 2024-10-26"), "utf-8")
    errors = [f"{p.path}: {p.field}: {p.message}" for p in check(content_copy) if p.severity == "error"]
    assert errors == [f"{original}: translation_key: 'signing-in-hanoi' in 'pl' is also used by {second}"]


def test_a_translation_whose_original_is_a_translation_too_is_refused(content_copy):
    """`pl` says it is translated from `en`, `en` from `pl`: no version would be the original."""
    original = content_copy / "articles/2025/signing-in-hanoi.pl.md"
    _edit(content_copy, original.relative_to(content_copy), "slug:", "translation:\n  from: en\n  by: X\nslug:")
    errors = [str(p) for p in check(content_copy) if p.severity == "error"]
    for path, other in ((original, "'en' version"), (content_copy / ARTICLE, "'pl' version")):
        said = [e for e in errors if e.startswith(f"{path}:") and f"{other} says it is a translation too" in e]
        assert said, errors


NAMES = """countries:
  - code: VN
    forms: [Wietnamie]
    source: https://pl.wiktionary.org/wiki/Wietnam
  - code: {code}
    forms: [{form}]
    source: https://pl.wiktionary.org/wiki/Polska
"""


@pytest.mark.parametrize(
    ("code", "form", "expected"),
    [
        ("PL", "Polsce, Wietnamie", ":6: countries.1.forms.1: 'Wietnamie' is a form of VN too"),
        # Matched opening a sentence too: one record's `wietnamie` there is another's `Wietnamie`. It passed, and the
        # importer tagged a sentence starting so with the country of the record read last.
        (
            "PL",
            "Polsce, wietnamie",
            ":6: countries.1.forms.1: 'wietnamie' is a form of VN too, as written or opening a sentence",
        ),
        ("VN", "Wietnamowi", ":5: countries.1.code: is the code of the record on line 2 too"),
        # Decomposed accents (NFD) are the same name: it passed, and the importer could not match it.
        (
            "PL",
            unicodedata.normalize("NFD", "Côte d’Ivoire"),
            ":6: countries.1.forms.0: 'Côte d’Ivoire' is CLDR's name of CI",
        ),
    ],
)
def test_a_country_name_form_names_one_country(code, form, expected, content_copy):
    """The importer finds the countries an article names by these forms: one form, one country."""
    path = content_copy / "data" / "country-names.yaml"
    path.write_text(NAMES.format(code=code, form=form), encoding="utf-8")
    errors = [str(p) for p in check(content_copy) if p.severity == "error"]
    assert any(e.startswith(f"{path}{expected}") for e in errors), errors
    path.write_text(NAMES.format(code="PL", form="Polsce"), encoding="utf-8")
    assert [str(p) for p in check(content_copy) if p.severity == "error"] == []


def test_two_articles_with_one_original_are_named(content_copy):
    """The same source archived twice, under two translation_keys: a warning on each later version."""
    path = content_copy / "articles/2024/civil-society-concerns.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"url: .*", "url: https://EXAMPLE.org/pl/hanoi/#part", text, count=1), encoding="utf-8")
    warnings = [str(p) for p in check(content_copy) if p.severity == "warning" and p.field == "source.url"]
    later = content_copy / "articles/2025/signing-in-hanoi.en.md"
    assert any(w.startswith(f"{later}:10: warning: source.url: is also the original of {path}") for w in warnings)


def test_each_symbol_named_for_a_greek_letter_is_drawn_as_it_and_belongs_to_no_alphabet():
    checker = icu.SpoofChecker()
    for letter, symbol in SYMBOLS_FOR_LETTERS.items():
        assert checker.getSkeleton(0, letter) == checker.getSkeleton(0, symbol), letter
        assert icu.Script.getScript(symbol).getName() == "Common", symbol
        assert invisible_problem(f"10{symbol}m", prose=False) is None
        assert symbol in invisible_problem(f"10{letter}m", prose=False).hint


# A value YAML reads as something other than text: the hint quotes it as written, never as Python shows what
# YAML made of it (`inf` for `1.0e+400`, `16` for `0x10`, `b'hello'` for a `!!binary` value).
@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("1.0e+400", 'summary: "1.0e+400"'),
        ("0x10", 'summary: "0x10"'),
        ("!!binary aGVsbG8=", "delete !!binary, and write the value as it is: `summary: aGVsbG8=`"),  # text so
        ("!!float 2", 'summary: "2"'),
        ("[a, b]", 'summary: "..."'),
        ("!!set {a, b}", 'summary: "..."'),
    ],
)
def test_a_value_that_is_not_text_is_quoted_in_the_hint_as_written(written, hint, content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    path.write_text(GOOD_ARTICLE.replace("lang: en\n", f"lang: en\nsummary: {written}\n"), encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:5: summary: is ") and hint in p for p in problems), problems


# A field that takes one of a few words (`lang`, `translation.from`) quotes a value of another YAML type as the file
# writes it, or says what it is: it quoted Python's reading (`datetime.date(2025, 10, 26)`, `b'hello'`, `nan`), and a
# list whole (one of 2,000 items made a line of 14 KB).
NOT_A_WORD = {
    "a date": ("2025-10-26", "not 2025-10-26 "),
    "not a number": (".nan", "not .nan "),
    "binary data": (
        "!!binary aGVsbG8=",
        "is tagged !!binary, which makes `aGVsbG8=` binary data, not text",
    ),  # the tag told
    "a long list": ("[" + ", ".join(f"x{i}" for i in range(2_000)) + "]", "not a list "),
}


@pytest.mark.parametrize(("value", "said"), NOT_A_WORD.values(), ids=NOT_A_WORD.keys())
@pytest.mark.parametrize(
    ("old", "field"), [("lang: en\n", "lang"), ("lang: en\n", "translation.from")], ids=["lang", "translation.from"]
)
def test_a_value_of_another_type_than_a_word_is_quoted_as_written(old, field, value, said, content_copy):
    path = content_copy / "articles/2025/good-article.en.md"
    new = f"lang: {value}\n" if field == "lang" else f"lang: en\ntranslation:\n  from: {value}\n  by: X\n"
    path.write_text(GOOD_ARTICLE.replace(old, new), encoding="utf-8")
    [told] = [str(p) for p in check(content_copy) if p.path == str(path) and p.field == field]
    assert said in told and len(told) < 300, told
    assert said.startswith("is tagged") or f": {field}: must be " in told, told


def test_a_language_no_page_can_name_stops_the_build_at_its_line_not_with_a_traceback(content_copy, tmp_path):
    _edit(content_copy, ARTICLE, "by: the fixture's authors", CHAIN_FROM_ZZ)
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 1 and "Traceback" not in built.stderr, built.stderr
    assert f"{content_copy / ARTICLE}{ZZ_REFUSED}" in built.stderr


# A tag YAML makes no value of, on a text, a list, keys or the whole file: on all but a text, PyYAML's own words
# were told ("YAML error: could not determine a constructor for the tag ..."), at no field.
UNREAD_TAGS = {
    "a Python object on keys": (
        ARTICLE, "source:\n", "source: !!python/object:__main__.X\n", ":9: source: ", "!!python/object:__main__.X"
    ),
    "a Python call on a list": (
        ARTICLE, "countries: [BY, EU, VN, ZA]", "countries: !!python/object/apply:os.system [ls]", ":7: countries: ",
        "!!python/object/apply:os.system",
    ),
    "a Python name on a text": (
        ARTICLE, 'title: "Convention', 'title: !!python/name:os.system "Convention', ":2: title: ",
        "!!python/name:os.system",
    ),
    "binary data on a list": (ARTICLE, "tags: [ceremony]", "tags: !!binary [ceremony]", ":8: tags: ", "!!binary"),
    "a tag of one's own on a list": (ARTICLE, "tags: [ceremony]", "tags: !foo [ceremony]", ":8: tags: ", "!foo"),
    "a tag of one's own on keys inside keys": (
        ARTICLE, "  url: https://example.org/pl/hanoi", "  url: !foo {a: b}", ":10: source.url: ", "!foo"
    ),
    "a tag on the whole front-matter": (ARTICLE, 'title: "Con', '!foo\ntitle: "Con', ":2: front-matter: ", "!foo"),
    "an ordered mapping of no pairs": (ARTICLE, "tags: [ceremony]", "tags: !!omap [ceremony]", ":8: tags: ", "!!omap"),
    "a list's tag on keys": (ARTICLE, "source:\n", "source: !!seq\n", ":9: source: ", "!!seq"),
    "keys' tag on a list": (ARTICLE, "tags: [ceremony]", "tags: !!map [ceremony]", ":8: tags: ", "!!map"),
    "a Python object in a timeline event": (
        EVENT, "title:\n  pl", "title: !!python/object:x\n  pl", f":6: title: {EVENT_NAME}", "!!python/object:x"
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", UNREAD_TAGS.values(), ids=UNREAD_TAGS.keys())
def test_a_tag_yaml_makes_no_value_of_is_told_at_its_field_in_the_archives_words(case, content_copy):
    name, old, new, where, tag = case
    _edit(content_copy, name, old, new)
    errors = [p for p in check(content_copy) if p.severity == "error"]
    told = [p for p in errors if str(p).startswith(f"{content_copy / name}{where}is tagged {tag}, ")]
    assert told and all("tags are not allowed" in p.hint for p in told), [str(p) for p in errors]
    assert not any("YAML error" in str(p) or "constructor" in str(p) for p in errors), [str(p) for p in errors]


def test_a_text_starting_with_an_exclamation_mark_is_told_to_be_quoted_not_cut(content_copy):
    """YAML reads a value's leading `!word` as a tag: a title "!Signed in Hanoi" written without quotes was told to
    delete the tag, which is the title's first word."""
    _edit(content_copy, ARTICLE, 'title: "Convention signed in Hanoi"', "title: !Signed in Hanoi")
    told = [p for p in check(content_copy) if p.severity == "error" and p.path == str(content_copy / ARTICLE)]
    [title] = [p for p in told if p.field == "title"]
    assert title.line == 2 and "is tagged !Signed" in title.message, str(title)
    assert '"!Signed in Hanoi"' in title.hint, str(title)
