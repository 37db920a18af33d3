"""Other names of one thing (content/data/names.yaml): which pages name a thing, and the file's contract."""

from __future__ import annotations

import pytest

from archive_core.data import load_data
from archive_core.other_names import MAX_ENTRIES, MAX_NAME_CHARS, MAX_NAMES, NamedThing, NamesTable, parse_names

CONVENTION = NamedThing(("Hanoi Convention", "Konwencja z Hanoi", "UN Convention against Cybercrime"))
PLACE = NamedThing(("Hanoi", "Hà Nội", "Hanoj"))
TABLE = NamesTable((CONVENTION, PLACE))

GOOD = """\
names:
  - name: Hanoi Convention
    other:
      pl: [Konwencja z Hanoi]
      en:
        - name: UN Convention against Cybercrime
          source: https://treaties.un.org/doc/x.xml
"""


@pytest.mark.parametrize(
    "text",
    [
        "Podpisano Konwencja z Hanoi.",
        "podpisano KONWENCJA Z HANOI",
        "konwencja z\n  Hanoi, wreszcie",  # spacing and line breaks between the words
        "the UN Convention against Cybercrime.",
        "Konwencja z Hanoi\u0301"[:-1],  # composed or not, one name
    ],
)
def test_a_text_that_writes_any_name_names_the_thing(text):
    assert CONVENTION in TABLE.named_in(text)


@pytest.mark.parametrize("text", ["Konwencja z Hanojem", "Hanoian", "Convention on Cybercrime", ""])
def test_a_name_matches_whole_words_only(text):
    assert CONVENTION not in TABLE.named_in(text)


def test_the_terms_are_every_name_of_each_thing_named_once():
    assert TABLE.search_terms("Konwencja z Hanoi") == (
        "Hanoi Convention · Konwencja z Hanoi · UN Convention against Cybercrime · Hanoi · Hà Nội · Hanoj"
    )


def test_a_text_that_writes_no_name_gets_no_terms():
    assert TABLE.search_terms("Delegacje omawiały harmonogram prac.") == ""


def test_a_decomposed_name_matches_composed_text():
    table = NamesTable((NamedThing(("Hanoi", "Ha\u0300 No\u0302\u0323i")),))
    assert table.named_in("here in H\u00e0 N\u1ed9i") == table.things


def _problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "names.yaml"
    path.write_text(text, encoding="utf-8")
    _table, problems = parse_names(load_data(path, tmp_path))
    return [str(problem) for problem in problems]


def test_a_good_file_reads_every_name_in_order(tmp_path):
    path = tmp_path / "names.yaml"
    path.write_text(GOOD, encoding="utf-8")
    table, problems = parse_names(load_data(path, tmp_path))
    assert problems == []
    assert table.things == (CONVENTION,)


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("  - name: Hanoi Convention\n", "  - nam: Hanoi Convention\n", ":2: names.0.nam:", "did you mean `name`?"),
        (
            "      pl: [Konwencja z Hanoi]",
            "      pl: [Konwencja z Hanoi, 2025]",
            ":4: names.0.other.pl.1:",
            "in quotes",
        ),
        ("      pl: [Konwencja z Hanoi]", "      pl: [' ']", ":4: names.0.other.pl.0: is an empty item", "remove it"),
        ("      pl: [Konwencja z Hanoi]", "      pl: ['—']", ":4: names.0.other.pl.0: '—' has no word", "letters"),
        ("      pl: [Konwencja z Hanoi]", "      zz: [Konwencja z Hanoi]", ":4: names.0.other.zz:", "ISO 639-1"),
        ("      pl: [Konwencja z Hanoi]", "      pl: Konwencja z Hanoi", ":4: names.0.other.pl:", "pl: [name"),
        (
            "source: https://treaties",
            "source: javascript:alert(1)//treaties",
            ":7: names.0.other.en.0.source:",
            "the page",
        ),
        (
            "          source: https://treaties.un.org/doc/x.xml\n",
            "",
            ":6: names.0.other.en.0.source: is missing",
            "uses",
        ),
        ("    other:\n", "    others:\n", ":3: names.0.others:", "did you mean `other`?"),
    ],
)
def test_a_bad_entry_is_refused_at_its_line_with_its_field_and_a_hint(tmp_path, old, new, where, message):
    assert old in GOOD
    (problem,) = _problems(tmp_path, GOOD.replace(old, new))
    assert where in problem and message in problem, problem


def test_a_name_of_two_entries_is_refused_at_the_second(tmp_path):
    second = "  - name: Hanoi\n    other:\n      en: [hanoi  convention]\n"
    (problem,) = _problems(tmp_path, GOOD + second)
    assert ":10: names.1.other.en.0: 'hanoi convention' is a name of 'Hanoi Convention' (entry 1) too" in problem


def test_a_file_of_another_shape_is_refused(tmp_path):
    (problem,) = _problems(tmp_path, "- name: Hanoi\n")
    assert ": yaml: the file holds one key, `names`, a list (names: [- name:" in problem


def test_the_bounds_are_enforced(tmp_path):
    entry = "  - name: Thing {0}\n    other: {{en: [Other {0}]}}\n"
    (problem,) = _problems(tmp_path, "names:\n" + "".join(entry.format(i) for i in range(MAX_ENTRIES + 1)))
    assert f"has {MAX_ENTRIES + 1} entries, more than {MAX_ENTRIES}" in problem
    many = ", ".join(f"Name {i}" for i in range(MAX_NAMES))
    (problem,) = _problems(tmp_path, f"names:\n  - name: Thing\n    other: {{en: [{many}]}}\n")
    assert ":3: names.0.other: 'Thing' has" in problem and f"more than {MAX_NAMES}" in problem
    (problem,) = _problems(tmp_path, f"names:\n  - name: {'x' * (MAX_NAME_CHARS + 1)}\n    other: {{en: [y]}}\n")
    assert f":2: names.0.name: has {MAX_NAME_CHARS + 1} characters, more than {MAX_NAME_CHARS}" in problem
