"""A version refused for an error of its own is still compared with the other versions of its article, by what of
it read well: its other problems are told in the same round, never twice, never in a check of a field it got wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive_core import snapshot

from .test_contributor_mistakes import BODY, EVENT, FRONT, TODAY, told

ENGLISH = FRONT.replace("lang: pl", "lang: en")
TRANSLATED = "translation:\n  from: {}\n  by: Jan\n"


def problems_of(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """Every problem, warnings too, as `told` writes them."""
    told(tmp_path, files)
    return [str(problem) for problem in snapshot.take(tmp_path, today=TODAY).problems]


def test_two_refused_files_of_one_version_are_told_as_a_duplicate_at_once(tmp_path):
    """Each refused for a country of its own: that the two are one version was told a round later."""
    first = ENGLISH.replace("lang: en", "lang: en\ncountries: [UE]") + BODY
    second = ENGLISH.replace("2025-10-26", "2024-10-26").replace("lang: en", "lang: en\ncountries: [XX]") + BODY
    problems = told(tmp_path, {"articles/2024/tytul.en.md": second, "articles/2025/tytul.en.md": first})
    assert [problem.split(": ")[1] for problem in problems] == ["countries.0", "countries.0", "translation_key"]
    assert problems[2].startswith("tytul.en.md:6: translation_key: 'tytul' in 'en' is also used by "), problems


def test_two_versions_each_translating_the_other_are_told_though_one_is_refused(tmp_path):
    english = ENGLISH.replace("lang: en", "lang: en\ncountries: [UE]") + TRANSLATED.format("pl") + BODY
    polish = FRONT + TRANSLATED.format("en") + BODY
    problems = told(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": polish})
    assert [problem.split(": ")[1] for problem in problems] == ["countries.0", "translation.from", "translation.from"]
    assert problems[1].startswith("tytul.en.md:11: translation.from: this is a translation from 'pl'"), problems


def test_a_refused_translation_dated_another_day_than_its_original_is_told_at_once(tmp_path):
    english = (
        ENGLISH.replace("2025-10-26", "2025-10-27").replace("lang: en", "lang: en\ncountries: [UE]")
        + TRANSLATED.format("pl")
        + BODY
    )
    problems = told(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": FRONT + BODY})
    assert [problem.split(": ")[1] for problem in problems] == ["date", "countries.0"], problems


def test_a_translation_whose_original_is_refused_is_not_told_its_original_is_missing(tmp_path):
    english = ENGLISH + TRANSLATED.format("pl") + BODY
    polish = FRONT.replace("lang: pl", "lang: pl\ncountries: [UE]") + BODY
    problems = problems_of(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": polish})
    assert [problem.split(": ")[1] for problem in problems] == ["countries.0"], problems


def test_a_field_a_refused_version_got_wrong_is_not_compared(tmp_path):
    """A version whose `translation:` or `countries:` has a problem is told that problem alone."""
    english = ENGLISH.replace("lang: en", "lang: en\ncountries: [UE]") + "translation:\n  from: xx\n  by: Jan\n" + BODY
    polish = FRONT.replace("lang: pl", "lang: pl\ncountries: [FR]") + BODY
    problems = problems_of(tmp_path, {"articles/2025/tytul.en.md": english, "articles/2025/tytul.pl.md": polish})
    assert [problem.split(": ")[1] for problem in problems] == ["countries.0", "translation.from"], problems


def test_two_refused_versions_in_one_language_beside_a_third_are_told_as_one_version_twice(tmp_path):
    """The pair's hint named one of the two English files, and said `the two`: the duplicate, told a round later,
    was the first thing to fix."""
    first = ENGLISH.replace("lang: en", "lang: en\ncountries: [UE]") + BODY
    second = ENGLISH.replace("2025-10-26", "2024-10-26").replace("lang: en", "lang: en\ncountries: [XX]") + BODY
    files = {"articles/2024/tytul.en.md": second, "articles/2025/tytul.en.md": first}
    problems = told(tmp_path, {**files, "articles/2025/tytul.pl.md": FRONT + BODY})
    fields = [problem.split(": ")[1] for problem in problems]
    assert fields == ["countries.0", "countries.0", "translation_key", "translation"], problems
    pair = problems[3]
    versions = r"\S*articles/2024/tytul\.en\.md and \S*articles/2025/tytul\.en\.md"
    said = "have the same translation_key, and none of the versions says"
    assert re.search(rf"the 'en' versions {versions} {said}", pair), pair
    assert "keep one file of each language" in pair, pair


def test_an_event_cannot_name_a_refused_article_by_a_key_no_file_may_have(tmp_path):
    """`cón.pl.md`, refused, made `con` a key events and people could name, though no file may be named by it."""
    article = FRONT.replace("translation_key: tytul", "translation_key: con") + BODY
    event = EVENT + "articles: [con]\n"
    problems = told(tmp_path, {"articles/2025/cón.pl.md": article, "data/timeline/opening.yaml": event})
    assert [problem.split(": ")[1] for problem in problems] == ["translation_key", "articles.0"], problems
    assert problems[1].startswith("opening.yaml:"), problems
    assert "'con'" in problems[1], problems


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: [Tytuł\n---\nTekst.\n",  # a YAML error: nothing of the front-matter is read
        "Tekst artykułu.\n",  # no front-matter
    ],
)
def test_a_file_name_with_spaces_is_told_the_name_to_take_though_its_key_is_not_read(tmp_path, front):
    """`mój tytuł.pl.md` was told its front-matter's problem only: its name, which no key may be, was told a round
    later, once its key read."""
    problems = told(tmp_path, {"articles/2025/mój tytuł.pl.md": front})
    named = [problem for problem in problems if problem.split(": ")[1] == "path"]
    assert len(named) == 1, problems
    assert named[0].startswith("mój tytuł.pl.md:1: path: 'mój tytuł' is no translation_key"), problems
    assert "rename the file to moj-tytul.pl.md, in its folder, and write `translation_key: moj-tytul`" in named[0]
    followed = {"articles/2025/moj-tytul.pl.md": FRONT.replace("tytul", "moj-tytul") + BODY}
    assert told(tmp_path / "followed", followed) == []


LONG_KEY = "k" * 1_100 + ": 1\n"


@pytest.mark.parametrize(
    "text",
    [
        FRONT + LONG_KEY + "\tsummary: Tekst.\n" + BODY,  # the long key first (line 9), then the tab (line 10)
        FRONT.replace("lang: pl\n", "lang: pl\n\tsummary: Tekst.\n" + LONG_KEY) + BODY,  # the tab (5), then the key (6)
    ],
    ids=["key, tab", "tab, key"],
)
def test_a_long_key_and_a_tab_are_told_in_one_round(tmp_path, text):
    """Each was told alone: the other a round later, once the first was fixed."""
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    said = sorted("a tab" if "indented with a tab" in problem else "a key" for problem in problems)
    assert said == ["a key", "a tab"], problems
    assert any("has a key of 1,100 characters" in problem for problem in problems), problems


def test_two_articles_of_one_original_are_warned_though_one_is_refused(tmp_path):
    """The second translation_key of one original was warned about a round later, once the other article read."""
    other = FRONT.replace("translation_key: tytul", "translation_key: drugi").replace("lang: pl", "lang: pl\nx: 1")
    other = other.replace("title: Tytuł", "title: Drugi")  # not the address of the other, which is told at once too
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/drugi.pl.md": other + BODY}
    problems = problems_of(tmp_path, files)
    assert [problem.split(": ")[1] for problem in problems] == ["x", "warning"], problems
    assert re.search(r"tytul\.pl\.md:7: warning: source\.url: is also the original of \S*drugi\.pl\.md", problems[1])


def test_an_event_is_warned_of_a_refused_article_published_after_it(tmp_path):
    """An event listing an article published before it began: told once the article read, a round later."""
    article = FRONT.replace("2025-10-26", "2025-10-20").replace("lang: pl", "lang: pl\nx: 1") + BODY
    event = EVENT + "articles: [tytul]\n"
    problems = problems_of(tmp_path, {"articles/2025/tytul.pl.md": article, "data/timeline/opening.yaml": event})
    assert [problem.split(": ")[1] for problem in problems] == ["x", "warning"], problems
    assert problems[1].split(": ")[0].endswith("opening.yaml:11"), problems  # its `articles:` line


def test_two_refused_versions_in_the_language_after_the_first_are_told_as_one_version_twice(tmp_path):
    """The pair's problem, on the second English file, said `neither` of three files, and not to keep one of them."""
    polish = FRONT.replace("2025-10-26", "2024-10-26") + BODY
    first = ENGLISH.replace("lang: en", "lang: en\ncountries: [UE]") + BODY
    second = ENGLISH.replace("2025-10-26", "2026-01-02").replace("lang: en", "lang: en\ncountries: [XX]") + BODY
    files = {
        "articles/2024/tytul.pl.md": polish,
        "articles/2025/tytul.en.md": first,
        "articles/2026/tytul.en.md": second,
    }
    problems = told(tmp_path, files)
    [pair] = [problem for problem in problems if problem.split(": ")[1] == "translation"]
    assert pair.startswith("tytul.en.md:6: translation: the 'pl' version "), pair
    assert "has the same translation_key, and none of the versions says it is a translation" in pair, pair
    assert "keep one file of each language" in pair, pair


def test_a_refused_article_at_another_s_address_is_told_both_at_once(tmp_path):
    """A typo in `date:` was told alone: once fixed, the next round told that the article took another's address."""
    second = FRONT.replace("translation_key: tytul", "translation_key: drugi").replace("2025-10-26", "2025-10-62")
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/drugi.pl.md": second + BODY}
    problems = told(tmp_path, files)
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["drugi.pl.md:2", "title"],  # the address, by the year of its folder: its date did not read
        ["drugi.pl.md:3", "date"],
        ["tytul.pl.md:2", "title"],
    ], problems
    assert "makes the address 'tytul', which is also the address of " in problems[0], problems
    assert "give this one `slug: tytul-2`" in problems[0], problems  # the article that reads keeps the address


def test_a_refused_article_whose_address_is_not_known_is_not_compared(tmp_path):
    """Its title refused and no `slug:`: no address is made of a title that did not read."""
    second = FRONT.replace("translation_key: tytul", "translation_key: drugi").replace("title: Tytuł", "title: [Tytuł]")
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/drugi.pl.md": second + BODY})
    assert [problem.split(": ")[1] for problem in problems] == ["title"], problems
    assert problems[0].startswith("drugi.pl.md:2: title: is a list"), problems


def test_a_refused_article_s_broken_link_is_told_with_its_own_problem(tmp_path):
    """Its body is read whatever its front-matter says: the link was told a round after its `countries:`."""
    text = FRONT + "countries: [UE]\n---\nZob. [inny]({filename}/articles/2025/brak.pl.md).\n"
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["tytul.pl.md:9", "countries.0"],
        ["tytul.pl.md:11", "body"],
    ], problems
    assert "points to an article that is not in the archive" in problems[1], problems


PERSON = "- name: Jan Kowalski\n  country: PL\n  role: {pl: minister, en: Minister}\n  articles: [tytul]\n"


@pytest.mark.parametrize(
    ("front", "warned"),
    [
        (FRONT.replace("lang: pl", "lang: pl\ncountries: [UE]"), True),  # words that read: warned at once
        (FRONT.replace("title: Tytuł", "title: [Jan Kowalski]"), False),  # the name may be in the title refused
    ],
    ids=["the title read", "the title refused"],
)
def test_a_person_a_refused_version_does_not_name_is_warned_with_its_problem(tmp_path, front, warned):
    problems = problems_of(tmp_path, {"articles/2025/tytul.pl.md": front + BODY, "data/people.yaml": PERSON})
    people = [problem for problem in problems if "people.yaml:4: warning: Jan Kowalski.articles.0: " in problem]
    assert len(people) == warned, problems
    assert len(problems) == 1 + warned, problems


def test_a_file_only_a_refused_version_links_is_told_which_article_links_it(tmp_path):
    """It was told that "an article with errors of its own may link it": not which, among every file of a pull
    request."""
    text = FRONT + "countries: [UE]\n---\n![Mapa]({static}/images/mapa.png)\n"
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "mapa.png").write_bytes(b"\x89PNG")
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": text})
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["tytul.pl.md:9", "countries.0"],
        ["mapa.png:None", "file"],
    ]
    linked = f"({tmp_path}/articles/2025/tytul.pl.md links it, and has errors of its own: fix those, and the file is "
    assert problems[1].endswith(linked + "published with it)"), problems


def test_a_scaffold_whose_title_is_still_to_write_is_not_compared_by_the_address_of_its_key(tmp_path):
    """`make new KEY=tytul` leaves `title: ...`, and the key stands for the slug meanwhile: an article at the address
    `tytul` was told to share it, though the title to be written makes another."""
    other = FRONT.replace("translation_key: tytul", "translation_key: inny").replace(
        "lang: pl", "lang: pl\nslug: tytul"
    )
    scaffold = FRONT.replace("title: Tytuł", "title: ...")
    problems = told(tmp_path, {"articles/2025/inny.pl.md": other + BODY, "articles/2025/tytul.pl.md": scaffold + BODY})
    assert [problem.split(": ")[:2] for problem in problems] == [["tytul.pl.md:2", "title"]], problems


def test_a_file_two_refused_versions_link_is_told_the_same_whichever_was_read_again(tmp_path):
    """The devserver reads an edited file again and puts it after the others: the file was told that the other
    refused version links it, where `make check` named the first."""
    linking = FRONT.replace("lang: pl", "lang: pl\ncountries: [UE]") + "---\n![Mapa]({static}/images/mapa.png)\n"
    files = {f"articles/2025/{key}.pl.md": linking.replace("tytul", key).replace("Tytuł", key) for key in "ab"}
    told(tmp_path, {**files, "images/mapa.png": ""})
    taken = snapshot.take(tmp_path, today=TODAY)
    again = taken.updated([tmp_path / "articles/2025/a.pl.md"])
    assert [str(problem) for problem in again.problems] == [str(problem) for problem in taken.problems]
    [image] = [problem for problem in taken.problems if problem.path.endswith("mapa.png")]
    assert image.hint.startswith(f"{tmp_path}/articles/2025/a.pl.md links it"), image


@pytest.mark.parametrize(
    "folder", ["\u0662\u0660\u0662\u0665", "\uff12\uff10\uff12\uff15"], ids=["arabic-indic", "fullwidth"]
)
def test_a_refused_article_in_a_folder_of_digits_of_another_script_is_given_no_year(tmp_path, folder):
    """`٢٠٢٥/` (2025 in Arabic-Indic digits) read as the year 2025: an article published there was told an address
    clash with a file in a folder no article is read from, whose date did not read."""
    second = FRONT.replace("translation_key: tytul", "translation_key: drugi").replace("2025-10-26", "2025-10-62")
    problems = told(
        tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, f"articles/{folder}/drugi.pl.md": second + BODY}
    )
    assert [problem.split(": ")[:2] for problem in problems] == [["drugi.pl.md:3", "date"]], problems


LINK_TO_NOTHING = "---\nZob. [inny]({filename}/articles/2025/brak.pl.md).\n"


@pytest.mark.parametrize(
    ("name", "front", "first"),
    [
        ("articles/2024/tytul.pl.md", FRONT, "tytul.pl.md:3: date: 2025-10-26 is of 2025"),  # valid, misplaced
        ("articles/2024/tytul.pl.md", FRONT + "countries: [UE]\n", "tytul.pl.md:3: date: "),  # refused and misplaced
        ("articles/2025/tytul.pl.md", FRONT.replace("key: tytul", "key: Tytul X"), "tytul.pl.md:5: translation_key: "),
        ("articles/2025/tytul.pl.md", FRONT.replace("lang: pl", "lang: polski"), "tytul.pl.md:4: lang: "),
    ],
    ids=["misplaced", "refused and misplaced", "its key does not read", "its lang does not read"],
)
def test_a_misplaced_article_or_one_whose_key_or_lang_does_not_read_is_told_its_broken_link_at_once(
    tmp_path, name, front, first
):
    """Such an article was kept out of the checks of several files: its broken link was told a round later."""
    problems = told(tmp_path, {name: front + LINK_TO_NOTHING})
    assert problems[0].startswith(first), problems
    links = [problem for problem in problems if ": body: link '{filename}/articles/2025/brak.pl.md'" in problem]
    assert len(links) == 1, problems


SECOND = FRONT.replace("translation_key: tytul", "translation_key: drugi")


@pytest.mark.parametrize(
    "second",
    [
        SECOND.replace("translation_key: drugi", "translation_key: drugj"),  # misspelt: its file is misplaced
        SECOND.replace("translation_key: drugi", "translation_key: drugj") + "countries: [UE]\n",
        SECOND.replace("translation_key: drugi", "translation_key: Drugi X"),  # no key may be written so
    ],
    ids=["misspelt key", "misspelt key and a country", "invalid key"],
)
def test_an_article_whose_key_is_wrong_is_told_it_takes_another_s_address_at_once(tmp_path, second):
    """Its address does not depend on its key: told a round later, once the key was fixed."""
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/drugi.pl.md": second + BODY})
    titles = [problem for problem in problems if ": title: makes the address 'tytul'" in problem]
    assert [problem.split(":")[0] for problem in titles] == ["drugi.pl.md", "tytul.pl.md"], problems
    assert "give this one `slug: tytul-2`" in titles[0], problems


@pytest.mark.parametrize(
    ("name", "second"),
    [
        ("articles/2024/drugi.pl.md", SECOND),  # dated 2025 in 2024/: its year is one of two
        ("articles/2025/drugi.en.md", SECOND),  # `lang: pl` in a file named .en.md: its language is one of two
    ],
    ids=["date", "lang"],
)
def test_a_misplaced_article_whose_address_is_one_of_two_is_not_compared_by_either(tmp_path, name, second):
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, name: second + BODY})
    assert [problem.split(": ")[1] for problem in problems] == ["date" if "2024" in name else "lang"], problems


def test_a_misplaced_article_s_link_relative_to_its_folder_waits_until_it_is_in_its_place(tmp_path):
    """Dated 2025 in 2024/, a link to a file beside it names a file of 2024/ now, and of 2025/ once moved."""
    text = FRONT + "---\nZob. [en]({filename}tytul.en.md).\n"
    english = ENGLISH + TRANSLATED.format("pl") + BODY
    problems = told(tmp_path, {"articles/2024/tytul.pl.md": text, "articles/2025/tytul.en.md": english})
    assert [problem.split(": ")[1] for problem in problems] == ["date"], problems


PERSON_OF_DRUGI = PERSON.replace("[tytul]", "[drugi]")


def test_a_person_a_misplaced_version_does_not_name_is_warned_with_its_problem(tmp_path):
    """Misplaced, but of a key and language its place agrees with: the person it does not name was warned a round
    later."""
    files = {"articles/2024/drugi.pl.md": SECOND + BODY, "data/people.yaml": PERSON_OF_DRUGI}
    problems = problems_of(tmp_path, files)
    assert any("people.yaml:4: warning: Jan Kowalski.articles.0: " in problem for problem in problems), problems


COPY = FRONT.replace("translation_key: tytul", "translation_key: wietnam").replace("lang: pl", "lang: pl\nslug: tytul")


def test_an_article_copied_with_its_slug_is_proposed_the_slug_its_own_title_makes(tmp_path):
    """A file copied to write another article kept `slug:`: it was told `slug: tytul-2`, the address of the article it
    was copied from and a number, for a text of another title."""
    copied = COPY.replace("title: Tytuł", "title: Wietnam ratyfikuje konwencję")
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/wietnam.pl.md": copied + BODY})
    assert [problem.split(": ")[:2] for problem in problems] == [
        ["tytul.pl.md:2", "title"],
        ["wietnam.pl.md:5", "slug"],
    ]
    assert "give this one `slug: wietnam-ratyfikuje-konwencje`, which" in problems[1], problems
    followed = copied.replace("slug: tytul", "slug: wietnam-ratyfikuje-konwencje")
    assert told(tmp_path, {"articles/2025/wietnam.pl.md": followed + BODY}) == []


def test_an_article_of_the_same_title_at_another_s_address_is_proposed_a_numbered_slug(tmp_path):
    problems = told(tmp_path, {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/wietnam.pl.md": COPY + BODY})
    assert "give this one `slug: tytul-2`, which" in problems[1], problems


def test_a_person_refused_for_one_article_key_is_warned_of_the_others_at_once(tmp_path):
    """Found playing a contributor: a record listing a misspelt key was refused whole, and that it lists an article
    that does not name the person was told a round later, once the key was fixed."""
    person = PERSON.replace("[tytul]", "[tytul, drugj]")
    named = (
        SECOND.replace("title: Tytuł", "title: Jan Kowalski w Hanoi").replace("example.org/a", "example.org/b") + BODY
    )
    files = {"articles/2025/tytul.pl.md": FRONT + BODY, "articles/2025/drugi.pl.md": named, "data/people.yaml": person}
    problems = problems_of(tmp_path, files)
    assert [problem.split(": ")[1:3] for problem in problems] == [
        ["warning", "Jan Kowalski.articles.0"],
        ["Jan Kowalski.articles.1", "'drugj' is not an article in the archive (did you mean 'drugi'?)"],
    ], problems
    told(tmp_path, {"data/people.yaml": PERSON.replace("[tytul]", "[drugi]")})  # both hints followed
    assert problems_of(tmp_path, {}) == []
