"""People records: names and roles per language, the articles that name them."""

from __future__ import annotations

from pathlib import Path

from archive_core.people import load_people


def write(content_dir: Path, text: str) -> None:
    (content_dir / "data").mkdir(parents=True, exist_ok=True)
    (content_dir / "data" / "people.yaml").write_text(text, encoding="utf-8")


def test_name_in_one_spelling_or_per_language(tmp_path):
    write(
        tmp_path,
        "- name: Pham The Tung\n  country: VN\n  role: {pl: wiceminister, en: Deputy Minister}\n  articles: [a]\n"
        "- name: {pl: Iwan Władimirowicz, en: Ivan Vladimirovich}\n  country: BY\n"
        "  role: {pl: minister, en: Minister}\n  articles: [a]\n",
    )
    people, problems = load_people(tmp_path, {"a"})
    assert problems == []
    assert people[0].name == {"pl": "Pham The Tung", "en": "Pham The Tung"}
    assert people[1].name["en"] == "Ivan Vladimirovich"


def test_unknown_article_and_country_and_missing_role(tmp_path):
    write(
        tmp_path,
        "- name: A\n  country: VN\n  role: {pl: x, en: y}\n  articles: [missing]\n"
        "- name: B\n  country: QQ\n  role: {pl: x, en: y}\n  articles: [a]\n"
        "- name: C\n  role: {pl: x}\n  articles: [a]\n",
    )
    _, problems = load_people(tmp_path, {"a"})
    messages = [str(p) for p in problems]
    assert "people.yaml:4: A.articles.0: 'missing' is not an article in the archive" in messages[0]
    assert "people.yaml:6: B.country: 'QQ' is not a known country code" in messages[1]
    assert "people.yaml:10: C.role: needs a text in each of pl, en" in messages[2]


def test_a_name_given_in_one_language_only_is_told_which_language_is_missing(tmp_path):
    write(
        tmp_path,
        "- name: {pl: Iwan Władimirowicz}\n  role: {pl: minister, en: Minister}\n  articles: [a]\n"
        "- name: {pl: Anna, en: Anna, de: Anna}\n  role: {pl: x, en: y}\n  articles: [a]\n"
        "- role: {pl: x, en: y}\n  articles: [a]\n",
    )
    people, problems = load_people(tmp_path, {"a"})
    assert people == []
    assert [(p.line, p.field, p.message) for p in problems] == [
        (1, "Iwan Władimirowicz.name.en", "is missing"),
        (4, "Anna.name.de", "is not an archive language"),
        (7, "record 3.name", "is missing"),
    ]


def test_a_country_named_in_words_is_told_its_code_or_to_delete_the_line(tmp_path):
    """The hint ended 'or leave out', of nothing: what to leave out was the line."""
    write(tmp_path, "- name: Jan Kowalski\n  country: Poland\n  role: {pl: minister, en: minister}\n  articles: [a]\n")
    [problem] = load_people(tmp_path, {"a"})[1]
    assert problem.field == "Jan Kowalski.country", problem
    assert problem.hint == (
        "write PL: a country is its ISO 3166-1 alpha-2 code, in capitals, or EU; or delete the line for a person of "
        "no country (a UN official)"
    ), problem
