"""People records: names and roles per language, the articles that name them."""

from __future__ import annotations

from pathlib import Path

from archive_core import snapshot
from archive_core.checks import check_people_articles
from archive_core.people import load_people
from archive_core.tests.effort import cpu_seconds


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


ARTICLE = (
    "---\ntitle: {title}\ndate: 2025-10-26\nlang: {lang}\ntranslation_key: {key}\n"
    "source:\n  url: https://example.org/{key}\n  publisher: Example\n{translation}---\n{body}\n"
)


def _article(content_dir: Path, key: str, lang: str, body: str, title: str = "Tytuł") -> None:
    folder = content_dir / "articles" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    translation = "translation:\n  from: pl\n  by: Jan\n" if lang == "en" else ""
    text = ARTICLE.format(title=title, lang=lang, key=key, translation=translation, body=body)
    (folder / f"{key}.{lang}.md").write_text(text, encoding="utf-8")


def test_a_person_listed_for_an_article_that_does_not_name_them_is_told_at_that_item(tmp_path):
    """people.yaml listed an article that never names the person (a slip of the key, or another person's article)
    and the country page showed them as quoted there: nothing told it."""
    _article(tmp_path, "a", "pl", "Przemawiał wiceminister Pham The Tung.")
    _article(tmp_path, "a", "en", "Deputy Minister Pham The Tung spoke.")
    _article(tmp_path, "b", "pl", "Głos zabrali Iwana Władimirowicza i inni.", title="Inny")  # declined: named
    _article(tmp_path, "b", "en", "Nobody is named here.")
    _article(tmp_path, "c", "pl", "Tekst bez nazwisk.")
    _article(tmp_path, "c", "en", "A text in which the minister, PHAM  THE  TUNG, is named in capitals.")
    write(
        tmp_path,
        "- name: Pham The Tung\n  country: VN\n  role: {pl: wiceminister, en: Deputy Minister}\n"
        "  articles: [a, b, c]\n"
        "- name: {pl: Iwan Władimirowicz, en: Ivan Vladimirovich}\n  country: BY\n"
        "  role: {pl: minister, en: Minister}\n  articles:\n    - a\n    - b\n",
    )
    problems = [p for p in snapshot.take(tmp_path).problems if p.path.endswith("people.yaml")]
    assert [(p.line, p.field, p.severity) for p in problems] == [
        (4, "Pham The Tung.articles.1", "warning"),  # in neither version of b
        (4, "Pham The Tung.articles.2", "warning"),  # not in c's Polish version
        (9, "Iwan Władimirowicz.articles.0", "warning"),  # in neither version of a
        (10, "Iwan Władimirowicz.articles.1", "warning"),  # not in b's English version
    ], problems
    folder = tmp_path / "articles" / "2025"
    assert [p.message for p in problems] == [
        f"'Pham The Tung' is not named in {folder / 'b.en.md'} nor in {folder / 'b.pl.md'}",
        f"'Pham The Tung' is not named in {folder / 'c.pl.md'}",
        f"'Ivan Vladimirovich' or 'Iwan Władimirowicz' is not named in {folder / 'a.en.md'} nor in "
        f"{folder / 'a.pl.md'}",
        f"'Ivan Vladimirovich' is not named in {folder / 'b.en.md'}",
    ]
    assert problems[0].hint == (
        "list only the articles that name the person, spelt as each article spells the name (`name: {pl: ..., "
        "en: ...}` where the versions differ); or correct the key"
    )


def test_many_people_listed_for_a_long_article_are_checked_in_a_bounded_time(tmp_path):
    """Each person listed for an article read its every word: 400 people listed for one article of 100,000 words,
    each named by a word it holds and one it does not, cost the listings times the words (docs/performance.md, "The
    people check")."""
    text = " ".join(f"słowo{index % 1_000}" for index in range(100_000))
    _article(tmp_path, "a", "pl", text)
    _article(tmp_path, "a", "en", text)
    write(
        tmp_path,
        "".join(
            f"- name: Słowo1 Kowalski{index}\n  country: PL\n  role: {{pl: x, en: y}}\n  articles: [a]\n"
            for index in range(400)
        ),
    )
    taken = snapshot.take(tmp_path)
    assert not taken.errors, taken.errors[:3]
    problems: list = []
    seconds = cpu_seconds(lambda: problems.extend(check_people_articles(taken)))
    assert len(problems) == 400, problems[:3]
    assert seconds < 2, seconds


def test_a_version_listed_for_many_people_finds_each_as_the_first_did(tmp_path):
    """From the fourth name looked for in a version on, a name is found by its rarest word: declined, in capitals,
    at the text's start or end, all as before."""
    text = "Pham The Tung mówił. Głos zabrali Iwana Władimirowicza i PHAM THE TUNG, potem Nguyen"
    _article(tmp_path, "a", "pl", text)
    _article(tmp_path, "a", "en", text)
    names = ["Pham The Tung", "Iwan Władimirowicz", "Tung Pham", "The Tung", "Kowalski", "Nguyen", "Mówił Głos",
             "Nguyen Van", "Pham"]  # fmt: skip
    write(
        tmp_path,
        "".join(f"- name: {name}\n  country: VN\n  role: {{pl: x, en: y}}\n  articles: [a]\n" for name in names),
    )
    problems = [p for p in snapshot.take(tmp_path).problems if p.path.endswith("people.yaml")]
    assert [p.field for p in problems] == ["Tung Pham.articles.0", "Kowalski.articles.0", "Nguyen Van.articles.0"]
