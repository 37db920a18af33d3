"""A misspelt key inside a record of a data file (a source, a correction, the convention's counts) is told the key
meant, at its line, once: not the known keys alone, nor the key meant as missing beside it."""

from __future__ import annotations

import pytest

from .test_contributor_mistakes import BODY, EVENT, FRONT, told

ARTICLE_FILE = "articles/2025/tytul.pl.md"

ARTICLE = {"articles/2025/a.pl.md": FRONT.replace("tytul", "a") + BODY}
SOURCE = "url: https://example.org/s\n    title: S\n    publisher: P\n    accessed: 2026-06-01"
CONVENTION = (
    "as_of: 2026-06-01\nhanoi_signatures:\n  total: 4\n  states: 3\n  organisations: 1\n"
    "sources:\n  - url: https://example.org/d\n    title: D\n    publisher: P\n    accessed: 2026-06-01\n"
)
CORRECTION = "corrections:\n  - date: 2026-01-02\n    change: {pl: Poprawiono., en: Corrected.}\n"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "data/timeline/opening.yaml",
            EVENT.replace("  - url:", "  - ulr:"),
            "opening.yaml:7: sources.0.ulr: event 'opening': is not a known key (did you mean `url`?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("    publisher: P", "    publsher: P"),
            "opening.yaml:9: sources.0.publsher: event 'opening': is not a known key (did you mean `publisher`?)",
        ),
        (
            "data/countries.yaml",
            "- code: FR\n  status: signed\n  date: 2025-10-26\n  place: hanoi\n"
            f"  sources:\n  - {SOURCE.replace('url:', 'urll:')}\n",
            "countries.yaml:6: FR.sources.0.urll: is not a known key (did you mean `url`?)",
        ),
        (
            "data/convention.yaml",
            CONVENTION.replace("  - url:", "  - URL:"),
            "convention.yaml:7: sources.0.URL: is not a known key (did you mean `url`?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT + CORRECTION.replace("    change:", "    chnage:"),
            "opening.yaml:13: corrections.0.chnage: event 'opening': is not a known key (did you mean `change`?)",
        ),
        (
            "data/convention.yaml",
            CONVENTION.replace("  total: 4", "  totl: 4"),
            "convention.yaml:3: hanoi_signatures.totl: is not a known key (did you mean `total`?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("  - url:", "  - link:"),
            "opening.yaml:7: sources.0.link: event 'opening': is not a known key (did you mean `url`?)",
        ),
        (
            "data/convention.yaml",
            CONVENTION.replace("  - url:", "  - address:"),
            "convention.yaml:7: sources.0.address: is not a known key (did you mean `url`?)",
        ),
        (  # another tool's word for a key is that key, though spelt nearer another (`site`: `title`)
            "data/convention.yaml",
            CONVENTION.replace("    publisher: P", "    site: P"),
            "convention.yaml:9: sources.0.site: is not a known key (did you mean `publisher`?)",
        ),
        # a language key written otherwise, a text per language left out, an entry-into-force key misspelt
        (
            "data/timeline/opening.yaml",
            EVENT.replace("{pl: Otwarcie,", "{PL: Otwarcie,"),
            "opening.yaml:4: title.PL: event 'opening': is not an archive language (did you mean 'pl'?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT.replace("{pl: Opis.,", "{pol: Opis.,"),
            "opening.yaml:5: description.pol: event 'opening': is not an archive language (did you mean 'pl'?)",
        ),
        (
            "data/timeline/opening.yaml",
            EVENT + "corrections:\n  - date: 2026-01-02\n",
            "opening.yaml:12: corrections.0.change: event 'opening': is missing (add `change:`, and under it, "
            "indented, one line per language: `pl: ...`, `en: ...`)",
        ),
        (
            "data/convention.yaml",
            CONVENTION + "entry_into_force:\n  instrumnts: 40\n  sources: [https://example.org/e]\n",
            "convention.yaml:12: entry_into_force.instrumnts: is not a known key (did you mean `instruments`?)",
        ),
    ],
)
def test_a_key_of_a_data_record_misspelt_or_left_out_is_told_once_as_what_it_is(tmp_path, name, text, expected):
    problems = told(tmp_path, {**ARTICLE, name: text})
    assert problems == [expected], problems


def test_a_count_of_the_convention_left_out_is_told_missing(tmp_path):
    problems = told(tmp_path, {**ARTICLE, "data/convention.yaml": CONVENTION.replace("  total: 4\n", "")})
    assert problems == [
        "convention.yaml:3: hanoi_signatures.total: is missing (add `total: N` under it: "
        "a whole number, at most 250, as the depositary gives it)"
    ], problems


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("{instruments: 40}", ":11: entry_into_force.sources: is missing ("),
        ("{instruments: 40, sources: []}", ":11: entry_into_force.sources: the figure needs a source ("),
        ("{sources: [https://example.org/e]}", ":11: entry_into_force.instruments: is missing ("),
    ],
)
def test_the_entry_into_force_figure_is_told_each_part_it_lacks(tmp_path, entry, expected):
    problems = told(tmp_path, {**ARTICLE, "data/convention.yaml": CONVENTION + f"entry_into_force: {entry}\n"})
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize(
    ("lines", "field", "meant"),
    [
        ("", "source.link", "url"),
        ("translation:\n  from: en\n  translator: DeepL\n", "translation.translator", "by"),
        ("translation:\n  language: en\n  by: DeepL\n", "translation.language", "from"),
        ("annotations:\n  - passage: Tekst\n    note: n\n    kind: sic\n", "annotations.0.passage", "text"),
        ("annotations:\n  - text: Tekst\n    note: n\n    type: sic\n", "annotations.0.type", "kind"),
        ("annotations:\n  - quote: Tekst\n    note: n\n    kind: sic\n", "annotations.0.quote", "text"),
        ("corrections:\n  - date: 2025-11-01\n    text: Poprawiono.\n", "corrections.0.text", "change"),
    ],
)
def test_a_key_of_a_record_named_as_other_tools_name_it_is_told_the_archive_s_and_nothing_more(
    tmp_path, lines, field, meant
):
    text = FRONT.replace("  url:", "  link:") if not lines else FRONT
    problems = told(tmp_path, {ARTICLE_FILE: text + lines + BODY})
    assert [p.split(": ", 1)[1] for p in problems] == [f"{field}: is not a known key (did you mean `{meant}`?)"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "source:\n  url: https://example.org/a\n  publisher: Example\n",
            "source: https://example.org/a\n",
            "source: is text, not a mapping (write `source:` alone on its line, and under it, indented, "
            "`url: https://example.org/a`)",
        ),
        (
            "translation_key: tytul\n",
            "translation_key: tytul\ntranslation: en\n",
            "translation: is text, not a mapping (write `translation:` alone on its line, and under it, indented, "
            "`from: en`)",
        ),
    ],
)
def test_a_record_written_as_its_main_key_s_value_is_told_to_write_that_key(tmp_path, old, new, expected):
    problems = told(tmp_path, {ARTICLE_FILE: FRONT.replace(old, new) + BODY})
    assert [p.split(": ", 1)[1] for p in problems if "not a mapping" in p] == [expected], problems


@pytest.mark.parametrize(
    ("old", "new", "wrong"),
    [
        ("source:\n  url: https://example.org/a\n  publisher: Example\n", "source: Reuters\n", "`url: Reuters`"),
        ("translation_key: tytul\n", "translation_key: tytul\ntranslation: DeepL\n", "`from: DeepL`"),
    ],
)
def test_a_record_written_as_a_value_its_main_key_does_not_take_is_not_told_to_write_it_there(
    tmp_path, old, new, wrong
):
    """`source: Reuters` names the publisher, not the original's address; `translation: DeepL` who translated."""
    problems = told(tmp_path, {ARTICLE_FILE: FRONT.replace(old, new) + BODY})
    [problem] = [p for p in problems if "not a mapping" in p]
    assert wrong not in problem, problem


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("data/timeline/opening.yaml", EVENT.replace("kind: signing", "kind: [signing]"), "kind: event 'opening': "),
        (
            "data/countries.yaml",
            "- code: FR\n  status: [ratified]\n  date: 2025-10-26\n  source: https://example.org/fr\n",
            "FR.status: ",
        ),
        (
            "data/countries.yaml",
            "- code: PL\n  status: signed\n  date: 2025-10-25\n  place: [Hanoi]\n  source: https://example.org/pl\n",
            "PL.place: ",
        ),
        (ARTICLE_FILE, FRONT.replace("lang: pl", "lang: [pl]") + BODY, "lang: "),
        (ARTICLE_FILE, FRONT + "translation:\n  from: [en]\n  by: X\n" + BODY, "translation.from: "),
    ],
)
def test_a_value_of_a_closed_set_written_as_a_list_is_told_the_value(tmp_path, name, text, expected):
    problems = [p for p in told(tmp_path, {**ARTICLE, name: text}) if expected in p]
    assert len(problems) == 1 and "(one value, not a list: did you mean '" in problems[0], problems


def test_two_language_keys_meant_as_the_same_language_propose_it_once(tmp_path):
    event = EVENT.replace("{pl: Opis.,", "{pol: Opis., PL: X,")
    problems = told(tmp_path, {**ARTICLE, "data/timeline/opening.yaml": event})
    assert problems == [
        "opening.yaml:5: description.pol: event 'opening': is not an archive language (did you mean 'pl'?)",
        "opening.yaml:5: description.PL: event 'opening': is not an archive language (use pl and en)",
    ], problems
