"""`make check`: every content problem as `path:line: field: message (hint)`, exit 1 on errors."""

from __future__ import annotations

import builtins
import io
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import markdown_reader
from archive_core import country_records, events, people, reading
from archive_core.checks import CHECKS
from archive_core.errors import Problem
from archive_core.links import copied_files
from archive_core.snapshot import take
from tools.check import check as check_content

from .build_helpers import run_build
from .conftest import CONTENT, FIXTURE, ROOT, build_site

LINE = re.compile(
    r"^(?P<path>[^:]+):(?:(?P<line>\d+):)? (?:warning: )?(?P<field>[\w.-]+): (?P<message>.+) \((?P<hint>.+)\)$"
)


def run_check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.check", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def problem_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("checked ")]


def test_the_real_content_has_no_errors():
    result = run_check(CONTENT)
    assert result.returncode == 0, result.stderr
    assert [line for line in problem_lines(result) if ": warning: " not in line] == []  # warnings are for editors


def test_every_registered_check_returns_problems(content_copy):
    snapshot = take(content_copy)
    for check in CHECKS:
        problems = check(snapshot)
        assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems), check


SOURCE = "source:\n  url: https://example.org/x\n  publisher: X\n"


def test_all_problems_at_once_in_the_agreed_format(content_copy):
    articles = content_copy / "articles" / "2025"
    en = articles / "signing-in-hanoi.en.md"
    en.write_text(
        en.read_text(encoding="utf-8") + "\nSee [gone]({filename}/articles/2025/gone.pl.md).\n", encoding="utf-8"
    )
    (articles / "bad-date.pl.md").write_text(
        f"---\ntitle: Zła data\ndate: 2025-02-30\nlang: pl\ntranslation_key: bad-date\n{SOURCE}---\nTekst.\n",
        encoding="utf-8",
    )
    (articles / "bad-country.pl.md").write_text(
        f"---\ntitle: Kraj\ndate: 2025-10-26\nlang: pl\ntranslation_key: bad-country\ncountries: [XX]\n{SOURCE}---\n"
        "Tekst.\n",
        encoding="utf-8",
    )
    (articles / "scaffold.pl.md").write_text(
        "---\ntitle: '...'\ndate: 2025-10-26\nlang: pl\ntranslation_key: scaffold\nsource:\n  url: https://...\n"
        "  publisher: ...\n---\n\n",
        encoding="utf-8",
    )
    result = run_check(content_copy)
    assert result.returncode == 1
    lines = [line for line in problem_lines(result) if ": warning: " not in line]
    assert len(lines) == 7, result.stderr
    for line in lines:
        assert LINE.match(line), line
    assert any("bad-date.pl.md:3: date: impossible date" in line for line in lines)
    assert any("bad-country.pl.md:6: countries.0: 'XX' is not a known country code" in line for line in lines)
    assert any(re.search(r"signing-in-hanoi\.en\.md:\d+: body: link '\{filename\}.*gone", line) for line in lines)
    # every field of the scaffold still to fill, at once
    scaffold = [line.split("scaffold.pl.md:", 1)[1] for line in lines if "scaffold.pl.md:" in line]
    assert [line.split(" (")[0] for line in scaffold] == [
        "2: title: is still the placeholder '...'",
        "7: source.url: is still the placeholder 'https://...'",
        "8: source.publisher: is still the placeholder '...'",
        "9: body: is empty",
    ]
    assert "Traceback" not in result.stderr


def test_every_independent_problem_of_a_file_in_one_check_and_one_build(content_copy, tmp_path):
    # `source:` as text, a date as Poles write it and a language in capitals took three runs of `make check`;
    # a correction dated against the date that failed is not told as a second problem of that date.
    (content_copy / "articles" / "2025" / "three.pl.md").write_text(
        "---\ntitle: Trzy błędy\ndate: 26.10.2025\nlang: PL\ntranslation_key: three\n"
        "source: https://example.org/three\ncorrections:\n  - date: 2025-10-01\n    change: Poprawiono.\n---\n"
        "Tekst.\n",
        encoding="utf-8",
    )
    result = run_check(content_copy)
    assert result.returncode == 1
    told = [line.split("three.pl.md:", 1)[1].split(" (")[0] for line in problem_lines(result) if "three.pl.md:" in line]
    assert told == [
        "3: date: '26.10.2025' is not a date",
        "4: lang: must be one of pl, en, not 'PL'",
        "6: source: is text, not a mapping",
    ], result.stderr
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 1
    assert [line for line in built.stderr.splitlines() if LINE.match(line)] == problem_lines(result)


def test_a_missing_original_is_only_a_warning(content_copy):
    (content_copy / "articles" / "2023" / "negotiations-open.pl.md").unlink()
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in problem_lines(result) if "translation.from" in line]
    assert len(warnings) == 1 and "negotiations-open.en.md" in warnings[0]
    assert "warning: translation.from:" in warnings[0] and LINE.match(warnings[0])


def test_a_publisher_left_out_is_taken_from_the_table_without_a_warning(content_copy):
    # `make new` says the line may be deleted when content/data/publishers.yaml knows the site: doing so is clean.
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    assert problem_lines(result) == [], result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr
    [article] = [doc for doc in take(content_copy).articles if doc.path.endswith("civil-society-concerns.en.md")]
    assert "publisher:" not in Path(article.path).read_text(encoding="utf-8")
    assert article.meta.source.publisher == "Example Network"  # tests/fixtures/content/data/publishers.yaml


def test_a_country_added_to_one_version_only_is_a_warning(content_copy):
    # A correction that adds a country to one version would list the article on one language's country page.
    path = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    path.write_text(path.read_text(encoding="utf-8").replace("[BY, EU, VN, ZA]", "[BY, EU, PL, VN, ZA]"), "utf-8")
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in problem_lines(result) if "countries" in line]
    assert LINE.match(line)
    assert "signing-in-hanoi.pl.md:7: warning: countries: lists BY, EU, PL, VN, ZA, but the 'en' version " in line
    assert "lists BY, EU, VN, ZA (one text covers the same countries in every language" in line


def test_a_raw_copy_no_article_points_to_is_a_warning(content_copy):
    (content_copy / "sources" / "stray.txt").write_text("Tekst.\n", encoding="utf-8")
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    assert any(
        "stray.txt: warning: file: no article points to this raw copy" in line and LINE.match(line)
        for line in problem_lines(result)
    ), result.stderr


@pytest.mark.parametrize(
    ("place", "save", "error"),
    [
        ("articles/2025", lambda text: text.replace("date: 2025-10-26", "date: 2025-13-26").encode(), ":3: date:"),
        ("articles/2025", lambda text: text.replace("\n", "\r").encode(), ":1: file: its lines end with a bare CR"),
        ("articles/2025", lambda text: text.encode("utf-16"), ": file: the file is UTF-16-LE text"),
        ("article/2025", str.encode, ": file: is not read by the build"),
    ],
    ids=["an impossible date", "bare CR line ends", "UTF-16", "a folder the build does not read"],
)
def test_an_article_with_a_mistake_still_points_to_its_raw_copy(content_copy, place, save, error):
    (content_copy / "sources" / "kept.txt").write_text("Tekst.\n", encoding="utf-8")
    article = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    text = article.read_text(encoding="utf-8").replace("source:\n", "source:\n  raw: sources/kept.txt\n", 1)
    article.unlink()
    saved = content_copy / place / article.name
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(save(text))
    result = run_check(content_copy)
    assert result.returncode != 0
    assert not [line for line in problem_lines(result) if "kept.txt" in line], result.stderr
    assert [line for line in problem_lines(result) if f"{place}/signing-in-hanoi.en.md{error}" in line], result.stderr


@pytest.mark.parametrize(
    ("place", "changes", "said"),
    [
        (
            "2026/signing-in-hanoi.pl.md",
            [("date: 2025-10-26", "date: 2026-01-02")],
            [
                "translation_key: 'signing-in-hanoi' in 'pl' is also used by content/articles/20",
                "(an article has one file per language, each with the same translation_key: delete the file that "
                "repeats this version; if the two are different articles, give one of them a translation_key of its "
                "own, and its file that name)",
            ],
        ),
        (
            "2025/later-article.pl.md",
            [("translation_key: signing-in-hanoi", "translation_key: later-article")],
            ["slug: 'konwencja-podpisana-w-hanoi' is also the address of content/articles/2025/"],
        ),
        (
            "2025/signing-in-hanoi.en.md",
            [("lang: pl", "lang: en")],
            ["version content/articles/2025/signing-in-hanoi.", "has the same translation_key, and neither"],
        ),
        (
            "2025/signing-in-hanoi.en.md",
            [("lang: pl", "lang: en\ntranslation:\n  from: pl\n  by: X"), ("countries: [", "countries: [PL, ")],
            ["version content/articles/2025/signing-in-hanoi.", "lists BY, EU, "],
        ),
        (
            "2025/later-article.pl.md",
            [("translation_key: signing-in-hanoi", "translation_key: later-article"), ("slug: konwencja-", "slug: ")],
            ["is also the original of content/articles/2025/"],
        ),
    ],
    ids=["a version twice", "an address twice", "two originals", "other countries", "one source twice"],
)
def test_a_problem_of_two_files_names_them_as_hint_and_path_do(content_copy, place, changes, said):
    # The newcomer's second file: a copy of the fixture's Polish article, changed.
    text = (content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md").read_text(encoding="utf-8")
    for change in changes:
        text = text.replace(*change)
    (content_copy / "articles" / place).parent.mkdir(exist_ok=True)
    (content_copy / "articles" / place).write_text(text, encoding="utf-8")
    result = subprocess.run(  # from the content's parent, given its full path, as `make check` runs
        [sys.executable, "-m", "tools.check", str(content_copy)],
        cwd=content_copy.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert any(all(part in line for part in said) for line in problem_lines(result)), result.stderr


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            ("url: https://example.org/pl/hanoi", "url: https://example.org/en/hanoi"),
            "signing-in-hanoi.en.md:10: warning: source.url: is https://example.org/en/hanoi, but the original, ",
        ),
    ],
    ids=["another source"],
)
def test_a_translation_that_gives_another_original_than_its_original_is_a_warning(content_copy, change, said):
    # A translator's guess: the source the other language's page. (Of one source, another day is an error:
    # tests/test_security_versions.py.)
    translation = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    translation.write_text(translation.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    result = run_check(content_copy)
    assert result.returncode == 0, result.stderr
    assert [line for line in problem_lines(result) if said in line and LINE.match(line)], result.stderr
    assert not [line for line in problem_lines(result) if line.split(":")[0].endswith(".pl.md")], result.stderr


@pytest.mark.parametrize(
    ("file", "change"),
    [
        (
            "data/timeline/negotiations-session.yaml",
            ("title:\n  pl: Sesja negocjacyjna\n  en: Negotiating session\n", "title: Sesja\n"),
        ),
        ("data/timeline/negotiations-session.yaml", ("description:", "descripton:")),
        ("data/countries.yaml", ("  place: hanoi\n", "  place: hanoi\n  corrections: 2026-01-01\n")),
        ("data/countries.yaml", ("- code: JP\n", "- code: JP\n  note: [a, b]\n")),
    ],
    ids=["a title of one language", "a description misspelled", "corrections not a list", "a note not a text"],
)
def test_every_problem_of_a_data_file_is_one_line(content_copy, file, change):
    # A hint that showed the YAML to write on lines of its own broke `path:line: field: message (hint)` in two.
    path = content_copy / file
    path.write_text(path.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    lines = problem_lines(run_check(content_copy))
    assert [line for line in lines if file in line], lines
    assert [line for line in lines if not LINE.match(line)] == []


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ("names:\n  - name: Hanoi\n    other: {en: [Hà Nội, 42]}\n", ":3: names.0.other.en.1: is a number"),
        ("names:\n  - name: Hanoi\n    other: {en: [Hanoi convention]}\n  - name: Hanoi Convention\n    other:"
         " {pl: [Konwencja z Hanoi]}\n", ":4: names.1.name: 'Hanoi Convention' is a name of 'Hanoi' (entry 1) too"),
        ("names:\n  - name: Hanoi\n    other: {en: ['Ha\u202eNoi']}\n", ":3: names.0.other.en.0: holds U+202E"),
        ("names:\n  - name: Hanoi\n    other: {en: ['data-pagefind-meta']}\n", ":3: text: holds 'data-pagefind-'"),
    ],
    ids=["a name that is not text", "a name of two things", "a direction override", "the index's marker"],
)  # fmt: skip
def test_make_check_refuses_a_bad_names_file_at_its_line(content_copy, names, said):
    (content_copy / "data" / "names.yaml").write_text(names, encoding="utf-8")
    result = run_check(content_copy)
    assert result.returncode == 1, result.stderr
    (line,) = [line for line in problem_lines(result) if "names.yaml" in line]
    assert said in line and LINE.match(line), line


def test_the_build_refuses_exactly_what_make_check_reports(content_copy, tmp_path):
    # `make html` is one process: the build runs the checks of `make check` on the snapshot it builds from.
    en = content_copy / "articles" / "2025" / "signing-in-hanoi.en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nSee [gone]({filename}/gone.pl.md).\n", encoding="utf-8")
    (content_copy / "data" / "timeline" / "notes.txt").write_text("draft", encoding="utf-8")
    (content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md").unlink()  # warnings: original, raw copy
    checked = problem_lines(run_check(content_copy))
    assert len(checked) == 4, checked
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 1
    assert [line for line in built.stderr.splitlines() if LINE.match(line)] == checked


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """How many times each content file is read and parsed."""
    counts: Counter = Counter()

    def counting(read, path_at=0):
        def counted(*args, **kwargs):
            counts[str(args[path_at])] += 1
            return read(*args, **kwargs)

        return counted

    # An article is parsed from the bytes the reader read (`parse_article(data, path)`), or read whole.
    monkeypatch.setattr(reading, "parse_article", counting(reading.parse_article, path_at=1))
    monkeypatch.setattr(markdown_reader, "read_article", counting(markdown_reader.read_article))
    for module in (events, country_records, people):
        monkeypatch.setattr(module, "load_data", counting(module.load_data))
    return counts


def test_a_build_reads_and_checks_each_file_once(reads, tmp_path):
    build_site(tmp_path / "output", FIXTURE, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR="")
    articles = sorted((FIXTURE / "articles").rglob("*.md"))
    data = [FIXTURE / "data" / "countries.yaml", FIXTURE / "data" / "people.yaml"]
    data += sorted((FIXTURE / "data" / "timeline").glob("*.yaml"))
    assert reads == Counter({str(path): 1 for path in [*articles, *data]})


def count_opens(monkeypatch, content: Path) -> Counter:
    """Every open of a file under `content` for reading, by relative path, until `monkeypatch.undo()`.

    Any reader is counted, not only the ones `reads` knows: `open()`, and `os.open` as archive_core.paths
    reads (not its O_PATH looks at a path); not the build fingerprint's (tools/fingerprint.py hashes the
    bytes of every input, and parses none).
    """
    content = content.resolve()
    opened: Counter = Counter()
    real_open, real_os_open = io.open, os.open

    def count(file) -> None:
        if isinstance(file, str | os.PathLike) and not _called_from("tools.fingerprint"):
            path = Path(file).resolve()
            if path.is_relative_to(content) and path.is_file():
                opened[path.relative_to(content).as_posix()] += 1

    def counting_open(file, *args, **kwargs):
        count(file)
        return real_open(file, *args, **kwargs)

    def counting_os_open(file, flags, *args, **kwargs):
        if not flags & getattr(os, "O_PATH", 0):
            count(file)
        return real_os_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(os, "open", counting_os_open)
    return opened


@pytest.fixture(params=["content", "with-a-copied-image"])
def any_content(request, tmp_path) -> Path:
    """content/ as it is, and an archive whose article shows an image, which the build copies (a valid archive
    opens a file no reader parses: the test failed on it)."""
    if request.param == "content":
        return CONTENT.resolve()
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "images").mkdir()
    (content / "images" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    article = content / "articles" / "2024" / "civil-society-concerns.en.md"
    article.write_text(article.read_text("utf-8") + "\n![A map]({static}/images/map.png)\n", encoding="utf-8")
    return content.resolve()


def test_a_build_opens_each_content_file_once_besides_the_fingerprint(monkeypatch, tmp_path, any_content):
    content = any_content
    opened = count_opens(monkeypatch, content)
    build_site(tmp_path / "output", content, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR="", SEARCH_INDEX=False)
    monkeypatch.undo()
    assert opened, "the build read no content file through open()"
    assert {name: count for name, count in opened.items() if count > 1} == {}
    # The raw copies are not read; their folder's README is, for its table (`sources_table`).
    parsed = [
        p
        for p in content.rglob("*")
        if p.suffix in {".md", ".yaml"} and (p.parent.name != "sources" or p.name == "README.md")
    ]
    copied = copied_files(content, take(content).articles)  # what `{static}` links publish, copied once
    assert sorted(opened) == sorted(p.relative_to(content).as_posix() for p in [*parsed, *copied])


def test_a_publisher_or_raw_copy_problem_is_at_its_line_with_the_article_read_once(monkeypatch, content_copy):
    # Found once every article is read (archive_core.sources), at the line the parser saw: no file read again.
    no_publisher = content_copy / "articles" / "2023" / "negotiations-open.en.md"  # example.org: not in the table
    no_publisher.write_text(no_publisher.read_text(encoding="utf-8").replace("  publisher: Dziennik Przykładowy\n", ""))
    no_raw = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    text = no_raw.read_text(encoding="utf-8").replace("raw: sources/signing-in-hanoi.pl.txt", "raw: sources/gone.txt")
    no_raw.write_text(text, encoding="utf-8")
    opened = count_opens(monkeypatch, content_copy)
    problems = take(content_copy).problems
    monkeypatch.undo()
    found = {(Path(p.path).name, p.line, p.field, p.severity) for p in problems if p.field.startswith("source")}
    assert found == {
        ("negotiations-open.en.md", 8, "source.publisher", "error"),  # at `source:`, which lacks it
        ("signing-in-hanoi.pl.md", text.split("\n").index("  raw: sources/gone.txt") + 1, "source.raw", "error"),
    }
    articles = [p.relative_to(content_copy).as_posix() for p in content_copy.rglob("*.md") if "articles" in p.parts]
    assert {name: opened[name] for name in articles} == dict.fromkeys(articles, 1)


def _called_from(module: str) -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__") == module:
            return True
        frame = frame.f_back
    return False


@pytest.mark.parametrize("slug_given", [True, False], ids=["by slug", "by title"])
def test_two_articles_at_one_address_are_each_told_at_the_line_that_makes_it(content_copy, slug_given):
    first = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    text = first.read_text(encoding="utf-8").replace("translation_key: signing-in-hanoi", "translation_key: other")
    if not slug_given:
        text = text.replace("slug: konwencja-podpisana-w-hanoi\n", "")
    others = [content_copy / "articles" / "2025" / f"other{n}.pl.md" for n in ("", "-2")]
    for other in others:
        other.write_text(text.replace("translation_key: other", f"translation_key: {other.stem[:-3]}"), "utf-8")
    problems = [p for p in check_content(content_copy) if "also the address of" in p.message]
    assert sorted(Path(p.path).name for p in problems) == ["other-2.pl.md", "other.pl.md", "signing-in-hanoi.pl.md"]
    for problem in problems:
        lines = Path(problem.path).read_text(encoding="utf-8").split("\n")
        field = "slug" if slug_given or problem.path == str(first) else "title"
        assert problem.field == field and lines[problem.line - 1].startswith(f"{field}:"), problem
        assert problem.severity == "error" and "`slug:" in problem.hint, problem
        named = {Path(p.path).name for p in problems} - {Path(problem.path).name}
        assert all(name in problem.message for name in named), problem


@pytest.mark.parametrize("place", [".", "pl", "en/2025", "article/2025"])
def test_an_article_file_the_build_does_not_read_is_told_where_articles_go(content_copy, place):
    """A translation saved beside its original's folder (`content/pl/`, the content folder itself) was told only
    "move or remove it", with the list of every folder: it is told the folder an article's file goes in."""
    article = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    moved = content_copy / place / article.name
    moved.parent.mkdir(parents=True, exist_ok=True)
    article.rename(moved)
    result = run_check(content_copy)
    told = [LINE.match(line) for line in problem_lines(result) if line.startswith(f"{moved}: file:")]
    assert len(told) == 1 and told[0], result.stderr
    assert "articles/<year>/<translation_key>.<lang>.md" in told[0]["hint"]
    assert "articles/2025/signing-in-hanoi.pl.md" in told[0]["hint"]  # its date's year, as the file is named


@pytest.mark.parametrize("fields", [["date"], ["title", "lang"]])
def test_fields_to_review_are_told_at_the_review_line_with_what_to_check_of_each(content_copy, fields):
    """`review: [date]` was told with no line, and a hint about a guessed title and a LANG= whatever it named."""
    path = content_copy / "articles" / "2025" / "lodz-conference.pl.md"
    text = path.read_text(encoding="utf-8").replace(
        "countries: [PL]\n", f"countries: [PL]\nreview: [{', '.join(fields)}]\n"
    )
    path.write_text(text, encoding="utf-8")
    [problem] = [p for p in check_content(content_copy) if p.path == str(path)]
    assert (problem.severity, problem.field) == ("warning", "review"), problem
    assert text.split("\n")[problem.line - 1].startswith("review: ["), problem
    told = {"title": "the source's own headline", "date": "the day the source was published", "lang": "LANG="}
    assert all((told[field] in problem.hint) == (field in fields) for field in told), problem.hint


def test_a_date_typo_and_an_address_taken_are_told_in_one_make_check(content_copy):
    """A contributor's new article with a typo in `date:` was told the date alone; once it was fixed, the next
    `make check` told that its title made the address of an article already in the archive."""
    original = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    text = original.read_text(encoding="utf-8").replace("translation_key: signing-in-hanoi", "translation_key: again")
    text = re.sub(r"^date: 2025-10-(\d\d)", r"date: 2025-10-\1x", text, count=1, flags=re.MULTILINE)
    added = content_copy / "articles" / "2025" / "again.pl.md"
    added.write_text(text, encoding="utf-8")
    result = run_check(content_copy)
    assert result.returncode == 1, result.stderr
    told = [LINE.match(line) for line in problem_lines(result) if line.startswith(f"{added}:")]
    assert all(told) and [match["field"] for match in told] == ["date", "slug"], result.stderr
    assert "also the address of" in told[1]["message"], result.stderr
    # Either may be the one published: each is told a slug of its own; the one with an error, likelier the new one,
    # is proposed the first free one.
    assert "give this one `slug: konwencja-podpisana-w-hanoi-2`" in told[1]["hint"], result.stderr


@pytest.mark.parametrize("name", ["no-such-folder", "a-file"])
def test_a_content_folder_that_is_not_there_is_refused_not_checked_clean(tmp_path, name):
    """Found playing a contributor: `ARCHIVE_CONTENT=` with a typo in its path was checked, `0 error(s)`, as an empty
    archive: the copy meant was never read."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = run_check(tmp_path / name)
    assert result.returncode == 1, result.stderr
    assert f"{tmp_path / name}: file: is not a folder" in result.stderr, result.stderr
    assert "ARCHIVE_CONTENT" in result.stderr and ": 1 error(s)" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("name", "text", "renamed"),
    [
        ("proba-y.pl.markdown", None, "proba-y.pl.md"),
        ("proba-y.pl.MD", None, "proba-y.pl.md"),
        ("proba-y.pl.txt", None, "proba-y.pl.md"),
        ("proba-y.txt", None, "proba-y.md"),  # no language in the name: its front matter says it is an article
        ("notes.txt", "draft\n", None),
        ("signing-in-hanoi.pl.txt", None, None),  # a rename would overwrite the article of that name
    ],
)
def test_an_article_saved_under_another_extension_is_told_its_name(content_copy, name, text, renamed):
    """`proba-y.pl.markdown` with valid front matter was told to move out of content/articles: the writer, following
    it, lost the article; it is told the name to give it, and a file that is no article the hint it had."""
    article = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    written = text or article.read_text(encoding="utf-8").replace("translation_key: signing-in-hanoi", "x: 1")
    (content_copy / "articles" / "2025" / name).write_text(written, encoding="utf-8")
    [problem] = [p for p in check_content(content_copy) if p.path.endswith(name)]
    assert (problem.field, problem.message) == ("file", "is not a Markdown article"), problem
    if renamed:
        assert problem.hint.startswith(f"rename it to {renamed}:"), problem
    else:
        assert "; move other files out of " in problem.hint and "rename" not in problem.hint, problem


def test_an_article_sharing_a_published_ones_address_does_not_get_it_by_its_files_name(content_copy):
    """A newcomer's `aaa-...` given the slug of a published article was told it keeps the address, and the published
    one to change its slug (its URL, live, would break): the order of their names decided. Neither is told to keep it
    or to change by that order; each is told the other, and the slug to give it if it is the one added last."""
    published = content_copy / "articles" / "2025" / "signing-in-hanoi.pl.md"
    text = published.read_text(encoding="utf-8").replace("translation_key: signing-in-hanoi", "translation_key: aaa")
    added = content_copy / "articles" / "2025" / "aaa.pl.md"
    added.write_text(text, encoding="utf-8")
    told = {Path(p.path).name: p for p in check_content(content_copy) if "also the address of" in p.message}
    assert sorted(told) == ["aaa.pl.md", "signing-in-hanoi.pl.md"], told
    proposed = set()
    for name, other in [("aaa.pl.md", "signing-in-hanoi.pl.md"), ("signing-in-hanoi.pl.md", "aaa.pl.md")]:
        problem = told[name]
        assert problem.severity == "error" and other in problem.message and "keeps it" not in problem.hint, problem
        assert "keep the address of the article already published" in problem.hint, problem
        proposed.add(re.search(r"if this one was added after it, give this one `slug: ([a-z0-9-]+)`", problem.hint)[1])
    assert len(proposed) == 2 and "konwencja-podpisana-w-hanoi" not in proposed, told
