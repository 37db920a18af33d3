"""Hints that propose a value: followed literally, all at once, they end the problem and start no other.

Each test runs `make check` (`tools.check`) on a copy of the fixture archive with articles of its own, writes
every value the hints propose into the files they name, and checks again: only the fixture's own problems
are left. `make new` (`tools.new_article`) is asked again with the KEY= it proposes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from archive_core.errors import Problem, display_path
from archive_core.schema import SLUG_MAX_LENGTH, default_slug
from tools.check import check
from tools.new_article import Refused, scaffold

from .conftest import FIXTURE
from .importer.helpers import run_import

PROPOSED_SLUG = re.compile(r"`slug: (\"?[a-z0-9-]+\"?)`")  # quoted where YAML reads it as no text
TITLE = "Konwencja z Hanoi podpisana"
# Its slug is as long as a slug may be: a number added to it must cut it.
LONG_TITLE = " ".join(["Konwencja z Hanoi podpisana przez sześćdziesiąt pięć państw"] * 3)
PLACES = [("pl", 2025), ("en", 2025), ("pl", 2024)]


def write_article(content: Path, key: str, title: str, lang: str, year: int, slug: str | None = None) -> Path:
    path = content / "articles" / str(year) / f"{key}.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'---\ntitle: "{title}"\ndate: {year}-03-10\nlang: {lang}\ntranslation_key: {key}\n'
        + (f"slug: {slug}\n" if slug else "")
        + f"source:\n  url: https://example.org/{lang}/{key}\n  publisher: Gazeta Testowa\n---\n\nTekst {key}.\n",
        encoding="utf-8",
    )
    return path


def follow_hints(problems: list[Problem], kept: frozenset[str] = frozenset()) -> int:
    """Write every slug a hint proposes into its file, as a contributor would, but in the files `kept` (the articles
    already published, which keep their address); how many were written."""
    followed = 0
    for problem in problems:
        if not (proposed := PROPOSED_SLUG.search(problem.hint or "")) or problem.path in kept:
            continue
        path = Path(problem.path)
        text = path.read_text(encoding="utf-8")
        line = f"slug: {proposed.group(1)}"
        if re.search(r"^slug: .*$", text, re.MULTILINE):
            text = re.sub(r"^slug: .*$", line, text, count=1, flags=re.MULTILINE)
        else:
            text = re.sub(r"^(title: .*)$", rf"\1\n{line}", text, count=1, flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")
        followed += 1
    return followed


def shown(problems: list[Problem]) -> set[tuple[str, str, str]]:
    return {(problem.path, problem.field, problem.message) for problem in problems}


@settings(max_examples=30, deadline=None)
@example(given_slugs=[False] * 3, long=False, taken=set(), also_in_english=0)  # three told one slug
@example(given_slugs=[True, False], long=False, taken={(2, ("pl", 2025))}, also_in_english=0)  # `-2` is taken
@example(given_slugs=[False, False], long=True, taken=set(), also_in_english=0)  # `-2` makes it too long
@example(given_slugs=[False] * 6, long=False, taken={(2, ("en", 2025)), (3, ("pl", 2024))}, also_in_english=3)
@given(
    given_slugs=st.lists(st.booleans(), min_size=2, max_size=6),
    long=st.booleans(),
    taken=st.sets(st.tuples(st.integers(2, 8), st.sampled_from(PLACES)), max_size=4),
    also_in_english=st.integers(0, 3),
)
def test_the_slugs_hints_propose_for_articles_at_one_address_end_the_collision(
    given_slugs: list[bool], long: bool, taken: set[tuple[int, tuple[str, int]]], also_in_english: int
):
    """n articles (2..6) at one address, some by `slug:`, some by title; slugs of the kind a hint proposes taken
    by other articles in this and other languages and years; another collision of the same slug in English."""
    title = LONG_TITLE if long else TITLE
    slug = default_slug(title)
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE, content)
        before = shown(check(content))
        for index, by_slug in enumerate(given_slugs):
            write_article(content, f"same-{index}", title, "pl", 2025, slug if by_slug else None)
        for index in range(also_in_english if also_in_english > 1 else 0):
            write_article(content, f"same-en-{index}", title, "en", 2025)
        for number, (lang, year) in sorted(taken):
            occupied = f"{slug[: SLUG_MAX_LENGTH - len(str(number)) - 1].rstrip('-')}-{number}"
            write_article(content, f"taken-{number}-{lang}-{year}", f"Inny {number}", lang, year, occupied)
        problems = check(content)
        assert problems == check(content)  # the same content, the same hints
        collisions = [problem for problem in problems if "also the address of" in problem.message]
        expected = len(given_slugs) + (also_in_english if also_in_english > 1 else 0)
        assert len(collisions) == expected, problems
        # Each address is kept by one article, whichever it is: the one whose file's name sorts last here.
        langs = {Path(problem.path).name.split(".")[-2] for problem in collisions}
        kept = frozenset(max(p.path for p in collisions if p.path.endswith(f".{lang}.md")) for lang in langs)
        followed = follow_hints(problems, kept)
        assert shown(check(content)) == before
        assert followed == expected - (2 if also_in_english > 1 else 1)


MEANT = re.compile(r"did you mean [`']([\w-]+)[`']\?")


def follow_did_you_mean(problems: list[Problem]) -> None:
    """Write in the name each "did you mean" proposes, at its line (a key, or an item of an inline list); delete
    the line a hint says to delete, as the name it would propose is given already."""
    for problem in sorted(problems, key=lambda problem: (problem.path, -(problem.line or 0))):
        path, hint = Path(problem.path), problem.hint or ""
        lines = path.read_text(encoding="utf-8").split("\n")
        at = (problem.line or 0) - 1
        written = problem.field.rsplit(".", 1)[-1]
        if meant := MEANT.search(hint):
            key = lines[at].lstrip()
            if key.startswith(f"{written}:"):
                lines[at] = lines[at][: len(lines[at]) - len(key)] + meant.group(1) + key[len(written) :]
            else:  # an item of a list: the message names it
                wrong = re.search(r"translation_key '([\w-]+)'", problem.message).group(1)
                lines[at] = lines[at].replace(wrong, meant.group(1))
        elif "is given already" in hint:
            del lines[at]
        path.write_text("\n".join(lines), encoding="utf-8")


TYPOS = ["titel", "tilte", "titl"]


@settings(max_examples=20, deadline=None)
@example(typos=["titel"], with_title=True, aliases=[])  # the field meant is there already
@example(typos=["titel", "tilte"], with_title=False, aliases=[])  # two misspellings of one field
@example(typos=[], with_title=True, aliases=["topics", "keywords"])  # two other sites' names of `tags`
@given(
    typos=st.lists(st.sampled_from(TYPOS), unique=True, max_size=3),
    with_title=st.booleans(),
    aliases=st.lists(st.sampled_from(["topics", "keywords", "category"]), unique=True, max_size=3),
)
def test_what_did_you_mean_proposes_for_misspelt_fields_leaves_no_field_set_twice(
    typos: list[str], with_title: bool, aliases: list[str]
):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE, content)
        before = shown(check(content))
        path = write_article(content, "misspelt", TITLE, "pl", 2025)
        text = path.read_text(encoding="utf-8")
        if not with_title and typos:
            text = text.replace(f'title: "{TITLE}"\n', "")
        added = "".join(f'{typo}: "{TITLE}"\n' for typo in typos) + "".join(f"{alias}: [Inny]\n" for alias in aliases)
        path.write_text(text.replace("source:\n", f"tags: [Konwencja]\n{added}source:\n"), encoding="utf-8")
        for _ in range(len(typos) + len(aliases)):  # a front-matter is told its first problem only
            follow_did_you_mean(check(content))
        assert shown(check(content)) == before


def test_what_did_you_mean_proposes_for_an_events_unknown_articles_lists_none_twice(content_copy):
    event = content_copy / "data" / "timeline" / "signing-ceremony.yaml"
    before = shown(check(content_copy))
    text = event.read_text(encoding="utf-8")
    wrong = "articles: [signing-in-hanoi, signing-in-hanio, lodz-conference, lodz-conferense, lodz-konference]"
    event.write_text(text.replace("articles: [signing-in-hanoi, lodz-conference]", wrong), encoding="utf-8")
    problems = check(content_copy)
    assert len([problem for problem in problems if "no article has" in problem.message]) == 3, problems
    for problem in problems:  # one line holds all: the test writes in the names, the contributor deletes the rest
        wrong = re.search(r"translation_key '([\w-]+)'", problem.message)
        if wrong and "is given already" in (problem.hint or ""):
            event.write_text(event.read_text(encoding="utf-8").replace(f", {wrong.group(1)}", ""), encoding="utf-8")
    follow_did_you_mean([problem for problem in problems if MEANT.search(problem.hint or "")])
    assert shown(check(content_copy)) == before


def test_what_did_you_mean_proposes_for_a_misspelt_field_of_names_sets_none_twice(content_copy):
    before = shown(check(content_copy))
    names = content_copy / "data" / "names.yaml"
    names.write_text("names:\n  - name: Hanoi\n    nmae: Ha Noi\n    other:\n      pl: [Hanoi]\n", encoding="utf-8")
    follow_did_you_mean(check(content_copy))
    assert shown(check(content_copy)) == before


@pytest.mark.parametrize(
    ("name", "line", "written"),
    [
        ("about/about.en.md", "title: About the fixture archive", "Title: About\ntitel: About the fixture archive"),
        ("data/people.yaml", "    en: Belarus's delegate", "    En: Belarus's delegate\n    EN: Belarus's delegate"),
        ("data/timeline/signing-ceremony.yaml", "  start: 2025-10-25", "  Start: 2025-10-25\n  strat: 2025-10-25"),
        ("data/topics.yaml", "    en: ceremony", "    En: ceremony\n    EN: ceremony"),
    ],
    ids=["about page", "role", "date range", "topic"],
)
def test_what_did_you_mean_proposes_for_keys_of_a_closed_set_sets_none_twice(content_copy, name, line, written):
    """`Title:` and `titel:` were both told "did you mean 'title'?": followed, the file held `title:` twice."""
    (content_copy / "data/topics.yaml").write_text("topics:\n  - pl: ceremonia\n    en: ceremony\n", encoding="utf-8")
    path = content_copy / name
    path.write_text(path.read_text(encoding="utf-8").replace(line, written, 1), encoding="utf-8")
    hints = [p.hint for p in check(content_copy) if p.severity == "error"]
    proposed = [match[1] for hint in hints if (match := re.fullmatch(r"did you mean '(\w+)'\?", hint))]
    assert len(proposed) == 1, hints
    assert any(hint.endswith("delete this one, or merge it there") for hint in hints), hints


def test_the_topic_did_you_mean_proposes_is_never_listed_twice_in_an_article(content_copy):
    """An article with the topic meant and its typo: writing the topic in for the typo would list it twice."""
    (content_copy / "data" / "topics.yaml").write_text("topics:\n  - {pl: ratyfikacja, en: ratification}\n", "utf-8")
    before = shown(check(content_copy))
    both = write_article(content_copy, "both-spellings", "Oba", "pl", 2026)
    typo = write_article(content_copy, "typo-only", "Literówka", "pl", 2026)
    for path, tags in ((both, ["ratyfikacja", "ratyfikcja"]), (typo, ["ratyfikcja"])):
        listed = "".join(f"  - {tag}\n" for tag in tags)
        path.write_text(path.read_text(encoding="utf-8").replace("source:\n", f"tags:\n{listed}source:\n"), "utf-8")
    [warning] = [problem for problem in check(content_copy) if "nearly name one topic" in problem.message]
    meant = MEANT.search(warning.hint).group(1)
    delete = set(re.search(r" In (.+), where ", warning.hint).group(1).split(", "))
    for path, line in re.findall(r"(\S+\.md):(\d+) 'ratyfikcja'", warning.message):
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        if display_path(path) in delete:
            del lines[int(line) - 1]
        else:
            lines[int(line) - 1] = lines[int(line) - 1].replace("ratyfikcja", meant)
        Path(path).write_text("\n".join(lines), encoding="utf-8")
    assert shown(check(content_copy)) == before


@pytest.mark.parametrize(
    ("lang", "key"),
    [("en", "signing-in-hano"), ("en", "lodz-conferense"), ("pl", "civil-society-concern"), ("pl", "lodz-conferenc")],
)
def test_the_key_make_new_proposes_for_a_translation_is_one_it_translates(content_copy, lang, key):
    """`make new KEY=<a typo> LANG=...`: the KEY= it proposes makes the translation, never an article already
    there in that language."""
    with pytest.raises(Refused) as refused:
        scaffold(content_copy, "", lang, None, key)
    if meant := re.search(r"did you mean KEY=([\w-]+)\?", str(refused.value)):
        assert scaffold(content_copy, "", lang, None, meant.group(1)).is_file()


def test_the_file_make_new_writes_names_no_other_content_folder(tmp_path, monkeypatch):
    """Its comment sent the contributor to content/data/publishers.yaml: with ARCHIVE_CONTENT elsewhere, another
    folder's file, which tells nothing of this one's publishers."""
    content = tmp_path / "archive"
    shutil.copytree(FIXTURE, content)
    monkeypatch.chdir(tmp_path)
    text = scaffold(content, "Nowy artykuł", "pl", None).read_text(encoding="utf-8")
    assert "publishers.yaml" in text and "content/" not in text, text


@pytest.mark.parametrize("same_title", [True, False], ids=["same address", "own address"])
def test_the_names_make_import_proposes_for_another_article_at_a_files_place_import_it_beside(
    content_copy, tmp_path, capsys, same_title
):
    """An import whose file would replace another article's: the KEY= (and SLUG=) its refusal proposes import
    it beside that one, and `make check` finds nothing new."""
    before = shown(check(content_copy))
    title = "Konferencja o konwencji w Łodzi" if same_title else "Druga konferencja w Łodzi"
    source = tmp_path / "source.txt"
    source.write_text(f"{title}\nEksperci znów rozmawiali w Łodzi.\nSource: https://example.org/pl/lodz-2\n", "utf-8")
    options = ["--key", "lodz-conference", "--date", "2025-11-05", "--lang", "pl", "--publisher", "Gazeta Testowa"]
    refused = run_import(capsys, source, content_copy, "--title", title, *options)
    assert refused.code == 1 and "already exists and differs" in refused.err, refused.err
    names = re.search(r"if it is another article, import it with (KEY=\S+)(?: (SLUG=\S+))?\)", refused.err)
    assert bool(names.group(2)) == same_title, refused.err
    proposed = [f"--{name.split('=')[0].lower()}={name.split('=')[1]}" for name in names.groups() if name]
    imported = run_import(capsys, source, content_copy, "--title", title, *options, *proposed)
    assert imported.code == 0, imported.err
    assert shown(check(content_copy)) == before


@pytest.mark.parametrize("listed_there", [True, False], ids=["listed there", "not listed there"])
def test_the_record_a_country_form_is_moved_to_by_its_hint_lists_it_once(content_copy, listed_there):
    """`Wietnam` in Poland's record of country-names.yaml is CLDR's name of VN: moved as the hint says, it is in
    VN's record once, and `make check` finds nothing new."""
    before = shown(check(content_copy))
    forms = {"PL": ["Wietnam", "Polsce"], "VN": ["Wietnam", "Wietnamu"] if listed_there else ["Wietnamu"]}

    def write() -> None:
        records = "".join(
            f"  - code: {code}\n    forms: [{', '.join(names)}]\n    source: https://example.org/{code}\n"
            for code, names in forms.items()
        )
        (content_copy / "data" / "country-names.yaml").write_text(f"countries:\n{records}", encoding="utf-8")

    write()
    [told] = [problem for problem in check(content_copy) if "is CLDR's name of" in problem.message]
    forms["PL"].remove("Wietnam")
    if moved := re.search(r"move it to the record of (\w+)", told.hint):
        forms[moved.group(1)].append("Wietnam")
    write()
    assert shown(check(content_copy)) == before


def test_the_date_a_translation_is_told_to_take_from_its_original_of_another_year_ends_the_problem(content_copy):
    """An original's date corrected to another year, and its file moved as `make check` says: its translation,
    told to take the same date, is told the folder of that year too, so that the hint followed ends it."""
    before = shown(check(content_copy))
    original = write_article(content_copy, "date-moved", TITLE, "pl", 2025)
    translation = write_article(content_copy, "date-moved", "Hanoi Convention signed", "en", 2025)
    text = translation.read_text(encoding="utf-8").replace("https://example.org/en/", "https://example.org/pl/")
    translation.write_text(text.replace("\n---\n", "\ntranslation:\n  from: pl\n  by: Test\n---\n", 1), "utf-8")
    assert shown(check(content_copy)) == before
    moved = content_copy / "articles" / "2026" / original.name
    moved.parent.mkdir(exist_ok=True)
    original.rename(moved)
    moved.write_text(moved.read_text(encoding="utf-8").replace("date: 2025-03-10", "date: 2026-01-05"), "utf-8")
    [told] = [problem for problem in check(content_copy) if problem.path == str(translation)]
    assert told.field == "date" and "2026-01-05" in told.message, told
    to = re.search(r"move this file to (\S+),", told.hint).group(1)
    translation.write_text(translation.read_text(encoding="utf-8").replace("2025-03-10", "2026-01-05"), "utf-8")
    translation.rename(to)
    assert shown(check(content_copy)) == before


# `such as files/a-b.pdf, linked as {static}/files/a-b.pdf`; `without escapes: {static}/images/map.png`;
# `read from the article's own folder (articles/2025/): write {static}/images/map.png`
PROPOSED_NAME = re.compile(r"such as (\S+), linked as (\{static\}\S+?)\)?(?:;|$)")
PROPOSED_LINK = re.compile(r"(?:without escapes:|: write) (\{static\}\S+)$")


@pytest.mark.parametrize(
    ("files", "links"),
    [
        (["images/map.png"], ["{static}/images/map%2Epng"]),
        # The hint said to write `{attach}/images/map.png`, which is refused for the folder it copies into.
        (["images/map.png"], ["{attach}/images/map%2Epng"]),
        (["images/łodź.png"], ["{attach}/images/%C5%82od%C5%BA.png"]),
        (["files/a b.pdf"], ["{static}/files/a%20b.pdf"]),
        (["files/a&b.pdf", "files/a;b.pdf"], ["{static}/files/a&b.pdf", "{static}/files/a;b.pdf"]),
        # The hint named the file `map.png`, its name already: the folder's `ę` is what no link reaches.
        (["zdjęcia/map.png"], ["{static}/zdjęcia/map.png"]),
        # `lodz.png` is there: renamed so, `łódź.png` would have replaced it.
        (["images/łódź.png", "images/lodz.png"], ["{static}/images/łódź.png", "{static}/images/lodz.png"]),
        (["files/a#b.pdf"], ["{static}/files/a#b.pdf"]),
        # Renamed where it is, at the root or in a folder the site writes into, it would take an address of the site's.
        (["łódź.png"], ["{static}/łódź.png"]),
        (["en/łódź.png"], ["{static}/en/łódź.png"]),  # was told "does not exist", and the file to be linked
        (["files/raport 1.pdf"], []),  # linked by no article: told as a file
        # Told the file "does not exist", and to put it there: the path is read from the article's folder.
        (["images/mapa.png"], ["{static}images/mapa.png"]),
        (["images/mapa.png"], ["{static}/images/mapa.PNG"]),  # found on macOS and Windows, not on the host
        (["images/mapa.png"], ["{static}images/Mapa.png"]),  # both
        (["images/mapa.png"], ["{filename}/images/mapa.png"]),  # "an article that is not in the archive"
    ],
)
def test_the_names_and_paths_hints_propose_for_copied_files_end_the_problem(content_copy, files, links):
    before = shown(check(content_copy))
    for name in files:
        (content_copy / name).parent.mkdir(parents=True, exist_ok=True)
        (content_copy / name).write_bytes(b"%PDF-1.4\n" if name.endswith(".pdf") else b"\x89PNG\r\n\x1a\n")
    article = content_copy / "articles" / "2025" / "hints-files.en.md"
    write_article(content_copy, "hints-files", "Files", "en", 2025)
    body = "".join(f"\n[A file]({link})\n" for link in links)
    article.write_text(article.read_text(encoding="utf-8") + body, encoding="utf-8")
    problems = [problem for problem in check(content_copy) if shown([problem]) - before]
    assert problems
    text = article.read_text(encoding="utf-8")
    for problem in problems:
        if named := PROPOSED_NAME.search(problem.hint or ""):
            renamed, link = named.groups()
            old = Path(problem.path) if problem.field == "file" else None
            if old is None:
                [old] = [content_copy / name for name in files if f"points to {name}," in problem.message]
            (content_copy / renamed).parent.mkdir(parents=True, exist_ok=True)
            old.rename(content_copy / renamed)
            written = written_link(text, problem.message)
            text = text.replace(written, link) if written else text + f"\n[A file]({link})\n"
        elif proposed := PROPOSED_LINK.search(problem.hint or ""):
            text = text.replace(written_link(text, problem.message), proposed.group(1))
        else:
            pytest.fail(f"no name or path proposed: {problem}")
    article.write_text(text, encoding="utf-8")
    assert shown(check(content_copy)) == before


def written_link(text: str, message: str) -> str | None:
    """The link a problem's message names (`link '{static}/zdj%C4%99cia/map.png'`) as the article writes it."""
    if not (told := re.search(r"link '([^']+)'", message)):
        return None
    return told.group(1) if f"({told.group(1)})" in text else unquote(told.group(1))
