"""A newcomer's path through CONTRIBUTING.md, and the documents generated from the content schema."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from datetime import date, datetime
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

from archive_core import country_records, events, frontmatter, instruments, provenance, publishers, schema
from archive_core.data import load_data
from archive_core.errors import ContentError
from archive_core.locales import LANGUAGES
from archive_core.other_names import parse_names
from archive_core.yaml_tags import FrontMatterLoader
from tools import docs, names_docs, new_article
from tools.front_matter_docs import json_schema

from .build_helpers import cache_environment
from .conftest import CONTENT, ROOT, build_site
from .html_helpers import read_page

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def make(*args: str, content: Path) -> subprocess.CompletedProcess:
    """`make ...` as a contributor types it, on a copy of the content."""
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "ARCHIVE_CONTENT": str(content), "LANG": "C.UTF-8"}
    env.update(cache_environment())
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )


def documented_commands(name: str) -> list[str]:
    """Every `make <name> ...` line inside a ```sh block of CONTRIBUTING.md."""
    blocks = re.findall(r"```sh\n(.*?)```", CONTRIBUTING, re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith(f"make {name}")]


def title_of(command: str) -> str:
    return next(arg.removeprefix("TITLE=") for arg in shlex.split(command) if arg.startswith("TITLE="))


# The newcomer's path


@pytest.mark.parametrize(
    "documented_path",
    ["content/articles/2025/ceremonia-otwarcia-konwencji-z-hanoi.pl.md", "content/articles/2025/tytul-artykulu.pl.md"],
)
def test_newcomer_adds_an_article_with_make_new(content_copy: Path, tmp_path: Path, documented_path: str):
    assert documented_path in CONTRIBUTING
    for step in ("make devserver", "make check"):
        assert step in CONTRIBUTING
    [command] = [c for c in documented_commands("new") if schema.default_slug(title_of(c)) in documented_path]

    created = make(*shlex.split(command)[1:], content=content_copy)
    assert created.returncode == 0, created.stderr
    assert "next: replace each `...`, paste the source's text below" in created.stdout, created.stdout
    article = content_copy / documented_path.removeprefix("content/")
    assert article.exists()

    # The scaffold, untouched, is refused: the file named, and each thing still to fill in.
    checked = make("check", content=content_copy)
    assert checked.returncode != 0
    name = documented_path.removeprefix("content/")
    # Hints name the folder checked: a contributor's is content/, this copy is elsewhere.
    left = [line.replace(f"{content_copy}/", "content/") for line in checked.stderr.splitlines() if name in line]
    assert [line.split(": ")[1] for line in left] == ["source.url", "source.publisher", "body"], checked.stderr
    # ...in the very words CONTRIBUTING.md quotes.
    quoted = re.search(r"```text\n(.*?)```", CONTRIBUTING, re.DOTALL).group(1).splitlines()
    if name in quoted[0]:
        assert [line.split(name)[1] for line in left] == [line.split(name)[1] for line in quoted]
    assert "3 error(s)" in checked.stderr
    # ...and never published: the build stops, naming it.
    with pytest.raises(SystemExit) as refused:
        build_site(tmp_path / "refused", content_copy)
    assert f"{name}:" in str(refused.value)

    # The newcomer fills in the source and pastes the text, as the file's comments say.
    text = article.read_text(encoding="utf-8")
    text = re.sub(r"url: https://\.\.\..*", "url: https://example.org/original", text)
    text = re.sub(r"publisher: \.\.\..*", "publisher: Przykładowy Wydawca", text)
    article.write_text(text + "Pierwszy akapit tekstu źródła.\n\nDrugi akapit.\n", encoding="utf-8")
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr
    assert "0 error(s)" in checked.stderr

    # The preview shows it: the page, its place on the language's home page, its feed, and the other
    # language's home page, which lists it as only in Polish.
    site = build_site(tmp_path / "output", content_copy)
    slug = article.name.removesuffix(".pl.md")
    page = read_page(site / "pl" / "2025" / slug / "index.html")
    assert "Pierwszy akapit tekstu źródła." in page.text
    assert "https://example.org/original" in page.links
    assert f"/pl/2025/{slug}/" in read_page(site / "pl" / "index.html").links
    assert f"/pl/2025/{slug}/" in (site / "pl" / "feed.atom.xml").read_text(encoding="utf-8")
    assert read_page(site / "en" / "index.html").link_langs[f"/pl/2025/{slug}/"] == "pl"

    # Running the same command again never overwrites the work.
    again = make(*shlex.split(command)[1:], content=content_copy)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert "Pierwszy akapit" in article.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["TITLE=Nowy artykuł", "LANG=pl"], ["LANG=en", "KEY=committee-approves-draft"]])
def test_the_files_a_scaffold_names_are_in_the_repository(content_copy: Path, args: list[str]):
    """The scaffold said to delete `publisher:` when `the archive's data/publishers.yaml` knows the site: there is no
    `data/` at the top of the repository, as there is no such file to open."""
    created = make("new", *args, content=content_copy)
    assert created.returncode == 0, created.stderr
    [path] = re.findall(r"^created (.*)$", created.stdout, flags=re.MULTILINE)
    comments = [line.split("#", 1)[1] for line in Path(path).read_text(encoding="utf-8").splitlines() if "#" in line]
    named = re.findall(r"[\w./-]+\.(?:md|yaml)\b", " ".join(comments))
    assert [name for name in named if not (ROOT / name).exists()] == [], comments


def test_make_new_scaffolds_a_translation_from_its_original(content_copy: Path, tmp_path: Path):
    # The Polish article has no English version yet: KEY= starts one from it, title still to write.
    result = make("new", "LANG=en", "KEY=committee-approves-draft", content=content_copy)
    assert result.returncode == 0, result.stderr
    article = content_copy / "articles" / "2024" / "committee-approves-draft.en.md"  # the original's date
    text = article.read_text(encoding="utf-8")
    assert 'url: "https://example.org/pl/projekt"' in text and "countries: [DZ, VN]" in text
    assert "translation:\n  from: pl\n" in text
    checked = make("check", content=content_copy)
    assert checked.returncode != 0
    left = [line.split(": ")[1] for line in checked.stderr.splitlines() if article.name in line]
    assert left == ["title", "translation.by", "body"], checked.stderr
    # A translation is not the source's text: neither the command nor the check asks to paste that.
    assert "write the translation of its whole text" in result.stdout and "paste" not in result.stdout
    assert "next: replace each `...`, write" in result.stdout, result.stdout  # its title and translator
    assert "body: is empty (write the translation of the original's whole text" in checked.stderr

    text = text.replace('title: "..."', 'title: "The committee approves the draft"')
    text = re.sub(r"by: \.\.\..*", "by: a volunteer", text)
    article.write_text(text + "After three years of talks, the committee approves the draft.\n", encoding="utf-8")
    assert make("check", content=content_copy).returncode == 0
    site = build_site(tmp_path / "output", content_copy)
    page = read_page(site / "en" / "2024" / "the-committee-approves-the-draft" / "index.html")
    assert page.alternates["pl"] == "/pl/2024/komitet-zatwierdza-projekt-konwencji/"
    assert page.alternates["x-default"] == page.alternates["pl"]


def test_a_translation_of_a_translated_original_keeps_its_chain(content_copy: Path, tmp_path: Path):
    # The Polish original is itself a translation of a German report: the English version says so too.
    original = content_copy / "articles" / "2024" / "committee-approves-draft.pl.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(
        text.replace("\n---\n", "\ntranslation_chain:\n  - from: de\n    to: pl\n    by: a volunteer\n---\n", 1),
        encoding="utf-8",
    )
    assert make("new", "LANG=en", "KEY=committee-approves-draft", content=content_copy).returncode == 0
    article = content_copy / "articles" / "2024" / "committee-approves-draft.en.md"
    text = article.read_text(encoding="utf-8")
    assert re.search(
        r"translation_chain:.*\n  - from: de\n    to: pl\n    by: \"a volunteer\"\n"
        r"  - from: pl\n    to: en\n    by: \.\.\.\n",
        text,
    ), text
    checked = make("check", content=content_copy)
    left = [line.split(": ")[1] for line in checked.stderr.splitlines() if article.name in line]
    assert left == ["title", "translation.by", "translation_chain.1.by", "body"], checked.stderr

    text = text.replace('title: "..."', 'title: "The committee approves the draft"')
    article.write_text(text.replace("by: ...", "by: another volunteer") + "The committee approves.\n", encoding="utf-8")
    assert make("check", content=content_copy).returncode == 0
    site = build_site(tmp_path / "output", content_copy)
    page = read_page(site / "en" / "2024" / "the-committee-approves-the-draft" / "index.html")
    assert "German" in page.text, page.text


@pytest.mark.parametrize(
    "args, message",
    [
        (["TITLE=Tytuł"], "LANG is missing"),
        (["LANG=pl"], "TITLE is missing"),
        (["TITLE=Tytuł", "LANG=de"], "LANG must be one of pl, en"),
        (["TITLE=Tytuł", "LANG=English"], "LANG must be one of pl, en, not 'English': make new TITLE=\"...\" LANG=en"),
        (["TITLE=Tytuł", "LANG=pl", "DATE=2025-02-30"], "DATE '2025-02-30' is not a date: February 2025 has 28 days"),
        (["TITLE=Tytuł", "LANG=pl", "DATE=26.10.2025"], "DATE '26.10.2025' is not a date (write 2025-10-26: dates"),
        (["TITLE=Tytuł", "LANG=pl", "DATE=2025-10-6"], "DATE '2025-10-6' is not a date (write 2025-10-06: dates"),
        (["TITLE=???", "LANG=pl"], "no letters or digits to make a translation_key of: add KEY="),
        (["TITLE=x", "LANG=pl", "KEY=Not A Slug"], "translation_key: 'Not A Slug' is not a valid slug"),
        (
            ["LANG=en", "KEY=lodz-conferense"],  # a translation of a mistyped key: it made a new article, untitled
            "no article has translation_key 'lodz-conferense' (did you mean KEY=lodz-conference?)",
        ),
        (
            ["LANG=en", "KEY=signing-in-hano"],  # the key it is near has its English version: nothing to propose
            "no article has translation_key 'signing-in-hano': to translate an article",
        ),
        (
            ["LANG=pl", "KEY=signing-in-hanoi"],  # the original's own language: it said to fix a valid translation
            "signing-in-hanoi.pl.md: translation_key: 'signing-in-hanoi' in 'pl' already exists, in this file",
        ),
        (  # another article at an address the archive has: `make check` told it only once the file was written
            ["TITLE=Konwencja podpisana w Hanoi", "LANG=pl", "DATE=2025-05-01", "KEY=nowa"],
            "title: makes the address 'konwencja-podpisana-w-hanoi', which is also the address of ",
        ),
        (
            ["TITLE=Nowa", "LANG=pl", "DATE=2025-05-01", "SLUG=konwencja-podpisana-w-hanoi"],
            "give it SLUG=konwencja-podpisana-w-hanoi-2)",
        ),
        (["TITLE=Nowa", "LANG=pl", "SLUG=Nowa Strona"], "slug: 'Nowa Strona' is not a valid slug"),
        (  # a new article whose title is one the archive has in its language: told as a translation to make
            ["TITLE=Signing in Hanoi", "LANG=en", "SOURCE_URL=https://example.org/x", "PUBLISHER=X"],
            "signing-in-hanoi.en.md: translation_key: 'signing-in-hanoi' in 'en' already exists, in this file (if it "
            "is that article, edit that file; if it is another, give it KEY=signing-in-hanoi-2)",
        ),
        (  # a title that makes an original's key in the other language: it was told to give the TITLE= it gave
            ["TITLE=Committee approves draft", "LANG=en", "SOURCE_URL=https://example.org/x", "PUBLISHER=X"],
            "translation_key 'committee-approves-draft' (made of the title) is that of ",
        ),
        (
            ["TITLE=Committee approves draft", "LANG=en", "SOURCE_URL=https://example.org/x", "PUBLISHER=X"],
            "leave SOURCE_URL= and PUBLISHER= out (if it is another article, give it KEY=committee-approves-draft-2)",
        ),
    ],
)
def test_make_new_refuses_bad_requests_clearly(content_copy: Path, args: list[str], message: str):
    before = sorted(content_copy.rglob("*"))
    result = make("new", *args, content=content_copy)
    assert result.returncode != 0
    assert message in result.stderr
    assert sorted(content_copy.rglob("*")) == before


@pytest.mark.parametrize(
    ("date", "said"),
    [
        (
            "2025-02-30",
            "'2025-02-30' is not a date: February 2025 has 28 days, not 30 (use a real calendar date, YYYY-MM-DD)",
        ),
        ("2025-13-01", "'2025-13-01' is not a date: there is no month 13"),
        ("26.10.2025", "'26.10.2025' is not a date (write 2025-10-26: dates are YYYY-MM-DD)"),
    ],
)
def test_make_import_says_what_is_wrong_with_a_date_and_what_to_write(content_copy: Path, date: str, said: str):
    # A date written as YYYY-MM-DD but not in the calendar was told to be written as YYYY-MM-DD.
    raw = content_copy / "sources" / "article.txt"
    raw.write_text("Delegations met in Hanoi to sign the convention.\n", encoding="utf-8")
    before = sorted(content_copy.rglob("*"))
    result = make("import", f"SRC={raw}", f"DATE={date}", "SOURCE_URL=https://example.org/a", content=content_copy)
    assert result.returncode != 0
    assert said in result.stderr, result.stderr
    assert sorted(content_copy.rglob("*")) == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["import", "SRC=x.txt", "DATE=26.10.2025"], "make import: DATE '26.10.2025' is not a date (write 2025-10-26"),
        (["import", "SRC=x.txt", "FORCE=maybe"], "FORCE must be 1 or 0 (yes or no), not 'maybe'"),
        (["import", "SRC=x.txt", "LANG=polski"], "make import: LANG must be one of pl, en, not 'polski': LANG=pl"),
        (["devserver", "PORT=99999"], "make devserver: PORT must be a whole number from 1 to 65535, not '99999'"),
    ],
)
def test_a_value_given_to_make_is_refused_by_its_name_alone(content_copy: Path, args: list[str], said: str):
    """`make import DATE=26.10.2025` printed a usage of `--date`, `--source-url`... and `argument --date: ...`:
    options the contributor never typed, under names make does not take."""
    result = make(*args, content=content_copy)
    assert result.returncode != 0
    refusal = [line for line in result.stderr.splitlines() if not line.startswith("make: ***")]
    assert len(refusal) == 1 and said in refusal[0], result.stderr
    assert "usage:" not in result.stderr and "--" not in refusal[0], result.stderr


def test_the_shells_own_lang_is_not_taken_for_the_articles(content_copy: Path):
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_CONTENT": str(content_copy), "LANG": "pl"}
    result = subprocess.run(
        ["make", "new", "TITLE=Tytuł"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode != 0
    assert "LANG is missing" in result.stderr


# The YAML CONTRIBUTING.md shows, by the first key of its example: the keys the checker of each kind takes, and of
# its records (a source, a correction, a translation step).
def _example_keys() -> dict[str, tuple[frozenset[str], dict[str, frozenset[str]]]]:
    parts = {name: frozenset(field.name for field in fields) for name, fields in schema.PARTS.items()}
    records = {
        "sources": provenance.SOURCE_KEYS,
        "corrections": provenance.CORRECTION_KEYS,
        "instrument": instruments.KEYS,
    }
    return {
        "title": (frozenset(schema.FIELD_NAMES), parts),  # an article's front-matter
        "translation_chain": (frozenset(schema.FIELD_NAMES), parts),
        "host": (publishers.KEYS, {}),  # content/data/publishers.yaml
        "code": (country_records.KEYS, records),  # content/data/countries.yaml
        "id": (frozenset(events.FIELDS), records),  # a timeline event
        "topics": (frozenset({"topics"}), {"topics": frozenset(LANGUAGES)}),  # content/data/topics.yaml
    }


def yaml_examples() -> list[dict]:
    """Each ```yaml example of CONTRIBUTING.md, read (a list of records as its first record)."""
    examples = []
    for block in re.findall(r"^```yaml\n(.*?)^```", CONTRIBUTING, flags=re.MULTILINE | re.DOTALL):
        read = yaml.safe_load(block.replace("---\n", ""))
        examples.append(read[0] if isinstance(read, list) else read)
    return examples


def test_every_key_a_yaml_example_shows_is_one_the_checker_takes():
    """A key renamed or dropped in the code, and left in an example, is what a stranger copies first."""
    kinds = _example_keys()
    examples = yaml_examples()
    assert len(examples) >= 5  # the check reads what it should
    for example in examples:
        kind = next(iter(example))
        assert kind in kinds, f"an example of a kind this test does not know: {example}"
        keys, records = kinds[kind]
        assert set(example) <= keys, (kind, set(example) - keys)
        for name, value in example.items():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict) and name in records:
                    assert set(item) <= records[name], (kind, name, set(item) - records[name])


# Documents generated from the schema


def test_generated_documents_are_up_to_date():
    assert docs.stale() == [], "run `make docs` and commit the result"


def test_field_reference_names_every_field():
    block = CONTRIBUTING.split(docs.BEGIN)[1].split(docs.END)[0]
    assert [row.split("`")[1] for row in block.strip().splitlines()[2:]] == list(schema.FIELD_NAMES)


def as_json(value):
    """What the YAML front-matter is as JSON: dates as ISO strings."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def front_matter_of(text: str) -> dict:
    return as_json(yaml.load(text.split("---\n")[1], Loader=FrontMatterLoader))  # noqa: S506 (a safe loader)


@cache  # once, not once per article: the archive grows to thousands
def validator() -> jsonschema.protocols.Validator:
    committed = json.loads((ROOT / "docs" / "front-matter.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()
    cls = jsonschema.validators.validator_for(committed)
    cls.check_schema(committed)
    return cls(committed)


@pytest.mark.parametrize("path", sorted((CONTENT / "articles").rglob("*.md")), ids=lambda p: p.name)
def test_every_article_validates_against_the_json_schema(path: Path):
    errors = [error.message for error in validator().iter_errors(front_matter_of(path.read_text(encoding="utf-8")))]
    assert not errors, errors


VALID = 'title: "T"\ndate: 2025-10-26\nlang: en\ntranslation_key: t\n'
SOURCE = "source:\n  url: https://example.org/a\n"


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "no source",
        "countries: [NO, EU]",
        "date2: x",
        "slug: Not-A-Slug",
        "countries: [XX]",
        "source:\n  url: ftp://example.org/",
        "source:\n  publisher: VNA",
        "source:\n  url: https://example.org/\n  raw: sources/a.txt",
        "source:\n  url: https://example.org/\n  raw: sources/../a.txt",
        "source:\n  url: https://example.org/\n  raw: /etc/passwd",
        "source:\n  url: https://example.org/\n  archived: x",
        "translation:\n  from: pl\n  by: someone",
        "translation:\n  from: en\n  by: someone",
        "translation:\n  from: pl",
        "review: [titel]",
        "tags: [1]",
        "slug: page",
        "summary: " + "word " * 80,
        # 80 words as a reader reads them, more as Markdown, and over 1,000 characters (the links' addresses); the
        # bounds on the rendered text are make check's alone (CONTRIBUTING.md, "Field reference").
        "summary: '"
        + "*word* " * 70
        + " ".join(f'[word](https://example.org/{"a" * 40} "a title")' for _ in range(10))
        + "'",
        "source:\n  url: https://łódź.pl/",
        "source:\n  url: https://xn--d-uga0v.pl/",
        "source:\n  url: 'https://example.org/a b'",
        "source:\n  url: https://user:password@example.org/",
        "source:\n  url: https://example.org:65535/a",
        "source:\n  url: https://example.org:65536/a",
        "source:\n  url: https://[2001:db8::1]/a",
        "source:\n  url: https://example/a",
        "translation_chain:\n  - {from: vi, to: en, by: someone}",
        "translation_chain:\n  - {from: zz, to: en, by: someone}",
    ],
)
def test_json_schema_agrees_with_the_archives_validator(extra: str):
    fields = VALID if extra == "no source" else VALID + (extra if "source:" in extra else SOURCE + extra)
    text = f"---\n{fields}\n---\n"
    doc = frontmatter.split(text, "example.en.md")
    try:
        schema.validate(frontmatter.load(doc), doc)
        accepted_by_archive = True
    except ContentError:
        accepted_by_archive = False
    accepted_by_schema = validator().is_valid(front_matter_of(text))
    assert accepted_by_schema == accepted_by_archive, extra


@pytest.mark.parametrize("name", sorted(schema.PARTS))
def test_the_json_schema_gives_each_part_the_keys_make_check_reads_described(name: str):
    """A mapping's keys (`source.url`) and a list item's (`corrections.0.date`) come from `schema.PARTS`, which
    `make check` reads: an editor shows the description of each, and a key added there is in the schema too."""
    field = json_schema()["properties"][name]
    part = field["items"] if field["type"] == "array" else field
    fields = schema.PARTS[name]
    assert list(part["properties"]) == [f.name for f in fields]
    assert part["required"] == [f.name for f in fields if f.required]
    assert part["additionalProperties"] is False
    assert [part["properties"][f.name].get("description") for f in fields] == [f.description for f in fields]


def kept_raw_copy(content: Path, name: str) -> Path:
    """A raw English text kept in the content folder's `sources/`, as CONTRIBUTING.md says to keep one."""
    raw = content / "sources" / name
    raw.write_text(
        "Delegations met in Hanoi to sign the United Nations Convention against Cybercrime this weekend.\n\n"
        "A second paragraph, long enough for the importer to tell the language of the text it reads.\n",
        encoding="utf-8",
    )
    return raw


IMPORTED_AS = ["DATE=2025-10-26", "SOURCE_URL=https://www.example.org/a", "PUBLISHER=Example News"]


def test_the_documented_import_command_imports_a_raw_text_as_written(content_copy: Path):
    """`make import` exactly as CONTRIBUTING.md shows it, on a raw text with no 'Source:' line of its own."""
    [command] = documented_commands("import")
    kept_raw_copy(content_copy, "article.txt")
    args = [arg.replace("SRC=content/", f"SRC={content_copy}/") for arg in shlex.split(command)[1:]]
    imported = make(*args, content=content_copy)
    assert imported.returncode == 0, imported.stderr
    # It says what it did as the steps quote it (`make new` says `created ...`), then what is left to do.
    [said] = re.findall(r"^imported .*$", CONTRIBUTING, flags=re.MULTILINE)
    placeholders = {"<year>": "2025", "<translation_key>": "[a-z0-9-]+", "<lang>": "en"}
    pattern = re.escape(said.replace("content/", f"{content_copy}/"))
    for placeholder, value in placeholders.items():
        pattern = pattern.replace(re.escape(placeholder), value)
    said_line, next_line = imported.stdout.splitlines()
    assert re.fullmatch(pattern, said_line), (said, imported.stdout)
    assert next_line.startswith("next: compare ") and next_line.endswith("then run `make check`"), imported.stdout
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr


def test_a_warning_is_told_as_the_steps_say_and_stops_nothing(content_copy: Path):
    """A newcomer's first import leaves warnings (the date the importer read, the sources table's row), and the
    steps said only `fix them until it says 0 error(s)`: what a `warning:` line is, and that it fails nothing."""
    assert "`path:line: warning: field: message (hint)`" in " ".join(CONTRIBUTING.split())
    raw = kept_raw_copy(content_copy, "article.txt")
    imported = make("import", f"SRC={raw}", *IMPORTED_AS, content=content_copy)
    assert imported.returncode == 0, imported.stderr
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr
    told = (checked.stdout + checked.stderr).splitlines()
    warnings = [line for line in told if ": warning: " in line]
    assert warnings, told
    for line in warnings:
        assert re.fullmatch(r"[^ :]+:[0-9]+: warning: [a-z_.]+: .+ [(].+[)]", line), line
    assert re.search(r": 0 error[(]s[)], [1-9][0-9]* warning[(]s[)]$", told[-1]), told


def test_make_import_names_the_content_folder_it_imports_into(content_copy: Path):
    """With ARCHIVE_CONTENT elsewhere, the next step named `content/sources/README.md` and a DEST refused was told to
    import into `content/` or give `DEST=content`: the repository's folder, not the one imported into."""
    raw = kept_raw_copy(content_copy, "article.txt")
    given = [f"SRC={raw}", *IMPORTED_AS]
    refused = make("import", *given, f"DEST={content_copy}/sources", content=content_copy)
    assert refused.returncode != 0
    assert f"give DEST={content_copy})" in refused.stderr, refused.stderr
    imported = make("import", *given, content=content_copy)
    assert imported.returncode == 0, imported.stderr
    assert f"to the table of {content_copy}/sources/README.md," in imported.stdout, imported.stdout
    assert " content/" not in imported.stdout + imported.stderr + refused.stderr


def test_the_row_make_import_says_to_add_is_the_one_make_check_asks_for(content_copy: Path):
    """The `next:` line said to add the raw file's and the article's names (`x.en.md`) to the sources table, and
    `make check` then warned of the row so written: the table lists the article's path (`articles/<year>/...`)."""
    raw = kept_raw_copy(content_copy, "hanoi-report.txt")
    given = [f"SRC={raw}", *IMPORTED_AS]
    imported = make("import", *given, "TITLE=Delegations meet in Hanoi", content=content_copy)
    assert imported.returncode == 0, imported.stderr
    [told] = [line for line in imported.stdout.splitlines() if line.startswith("next: ")]
    row = re.search(r"the row (\|.*\|) to the table", told)
    assert row, told
    table = content_copy / "sources" / "README.md"
    table.write_text(table.read_text(encoding="utf-8") + row[1] + "\n", encoding="utf-8")
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr
    assert "0 warning(s)" in checked.stderr, checked.stderr


def names_validator() -> jsonschema.protocols.Validator:
    committed = json.loads(names_docs.NAMES_SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == names_docs.json_schema()
    cls = jsonschema.validators.validator_for(committed)
    cls.check_schema(committed)
    return cls(committed)


NAMES_ENTRY = "names:\n  - name: Hanoi\n    other:\n      en: [{0}]\n"


@pytest.mark.parametrize(
    "other",
    [
        "Hà Nội",
        "{name: Ha Noi, source: 'https://example.org/a'}",
        "{name: Ha Noi, source: 'javascript:alert(1)'}",
        "{name: Ha Noi}",
        "{name: Ha Noi, source: 'https://example.org/a', lang: vi}",
        "'   '",
        "'" + "x" * 101 + "'",
        "42",
    ],
)
def test_the_names_json_schema_agrees_with_make_check(tmp_path: Path, other: str):
    path = tmp_path / "names.yaml"
    path.write_text(NAMES_ENTRY.format(other), encoding="utf-8")
    _table, problems = parse_names(load_data(path, tmp_path))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert names_validator().is_valid(data) == (problems == []), (other, problems)


def test_the_real_names_file_validates_against_its_json_schema():
    path = CONTENT / "data" / "names.yaml"
    if path.exists():
        assert list(names_validator().iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))) == []


def test_make_docs_writes_only_what_changed_and_says_so(tmp_path: Path):
    same, other, missing = tmp_path / "same.json", tmp_path / "other.json", tmp_path / "missing.json"
    same.write_text("{}\n", encoding="utf-8")
    other.write_text("{}\n", encoding="utf-8")
    before = same.stat()
    assert docs.write_changed({same: "{}\n", other: "[]\n", missing: "[]\n"}) == [other, missing]
    assert (same.stat().st_ino, same.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert other.read_text(encoding="utf-8") == missing.read_text(encoding="utf-8") == "[]\n"


def test_make_docs_says_nothing_was_written_when_every_document_is_up_to_date(capsys):
    assert docs.stale() == [], "run `make docs` and commit the result"  # so that the run below writes nothing
    times = {path: path.stat().st_mtime_ns for path in docs.generated()}
    assert docs.main([]) == 0
    said = capsys.readouterr().out
    assert "wrote" not in said and "up to date" in said and "nothing written" in said
    assert {path: path.stat().st_mtime_ns for path in times} == times


def test_make_new_writes_the_source_given_and_leaves_out_a_publisher_the_table_knows(content_copy: Path):
    """Found playing a contributor: `make new ... SOURCE_URL=...` dropped the address without a word, and the file
    said `url: https://...` still to fill in."""
    url = "https://www.example.net/viet-nam-ratifies"  # a site publishers.yaml knows
    created = make(
        "new", "TITLE=Wietnam ratyfikuje", "LANG=pl", "DATE=2025-11-12", f"SOURCE_URL={url}", content=content_copy
    )
    assert created.returncode == 0, created.stderr
    # Nothing is left as `...` but the commented optional fields': the next step was still "replace each `...`".
    assert "next: paste the source's text below" in created.stdout, created.stdout
    article = content_copy / "articles" / "2025" / "wietnam-ratyfikuje.pl.md"
    text = article.read_text(encoding="utf-8")
    assert f'  url: "{url}"\n' in text and "publisher:" not in text, text
    article.write_text(text + "Zgromadzenie Narodowe ratyfikowało konwencję.\n", encoding="utf-8")
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr
    named = make(
        "new", "TITLE=Inny", "LANG=pl", "SOURCE_URL=https://example.org/x", "PUBLISHER=Example", content=content_copy
    )
    [written] = (content_copy / "articles").rglob("inny.pl.md")  # in today's year, which may turn meanwhile
    assert '  publisher: "Example"\n' in written.read_text(encoding="utf-8"), named.stderr


def test_make_new_refuses_a_source_address_it_cannot_publish_by_its_name(content_copy: Path):
    refused = make("new", "TITLE=Inny", "LANG=pl", "SOURCE_URL=javascript:alert(1)", content=content_copy)
    assert refused.returncode != 0
    assert "source.url: 'javascript:alert(1)' is not an http(s) address" in refused.stderr, refused.stderr
    assert "give another with SOURCE_URL=..." in refused.stderr, refused.stderr


@pytest.mark.parametrize("address", ["https://[x", "http://[::1", "https://example.org:99999/"])
def test_make_new_refuses_an_address_whose_host_cannot_be_read_by_its_name(address: str, content_copy: Path):
    """`SOURCE_URL='https://[x'` ended in a traceback: the publishers' table was asked for its host before the
    address's own check could tell what is wrong with it."""
    refused = make("new", "TITLE=Inny", "LANG=pl", f"SOURCE_URL={address}", content=content_copy)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr, refused.stderr
    assert f"source.url: {address!r}" in refused.stderr and "SOURCE_URL=" in refused.stderr, refused.stderr
    assert not list((content_copy / "articles").rglob("inny.pl.md"))


@pytest.mark.parametrize("hidden", ["\u2028", "\u0085", "\u007f"], ids=["line-separator", "next-line", "delete"])
@pytest.mark.parametrize("variable", ["TITLE", "PUBLISHER", "SLUG"])
def test_make_new_refuses_a_character_no_reader_sees_by_the_variable_that_gave_it(
    variable, hidden, content_copy: Path, capsys
):
    """`make new PUBLISHER=...` with a U+2028 in it was refused as the file's (`front-matter: ...`, to fix by pressing
    Enter), with U+007F as `text:`: the contributor, who has no file yet, was not told which value to give again."""
    given = {"TITLE": "Inny", "PUBLISHER": "Example", "SLUG": "inny", variable: f"In{hidden}ny"}
    argv = ["--title", given["TITLE"], "--lang", "pl", "--source-url", "https://example.org/x"]
    argv += ["--publisher", given["PUBLISHER"], "--slug", given["SLUG"], "--content", str(content_copy)]
    assert new_article.main(argv) == 1
    refused = capsys.readouterr().err
    assert f"give another with {variable}=..." in refused, refused
    assert list((content_copy / "articles").rglob("inny.pl.md")) == []


@pytest.mark.parametrize(
    ("written", "copied"),
    [
        ("2025-10-26T06:15:00+02:00", "2025-10-26T06:15:00+02:00"),
        ("2024-12-31T23:30:00-05:00", "2024-12-31T23:30:00-05:00"),  # the next day in Warsaw: the source's day kept
        ("2025-10-26 21:40", "2025-10-26T21:40:00"),
        ("2025-10-26T08:00:00Z", "2025-10-26T08:00:00+00:00"),
        ("2025-10-26", "2025-10-26"),
    ],
)
def test_make_new_starts_a_translation_from_its_original_s_moment(
    content_copy: Path, written: str, copied: str, capsys
):
    """A translation's scaffold had only the original's day (`date: 2025-10-26` of `2025-10-26T06:15:00+02:00`): its
    feed entry and structured data stated another moment for the same source, and the two versions stood in another
    order among their day's articles on each home page."""
    folder = content_copy / "articles" / written[:4]
    folder.mkdir(exist_ok=True)
    (folder / "timed.pl.md").write_text(
        f'---\ntitle: "Komunikat"\ndate: {written}\nlang: pl\ntranslation_key: timed\nsource:\n'
        "  url: https://example.org/timed\n  publisher: Przegląd\n---\n\nKomunikat.\n",
        encoding="utf-8",
    )
    assert new_article.main(["--key", "timed", "--lang", "en", "--content", str(content_copy)]) == 0, (
        capsys.readouterr()
    )
    translation = (folder / "timed.en.md").read_text(encoding="utf-8")
    assert f"\ndate: {copied}\n" in translation, translation
    assert moment(folder / "timed.en.md") == moment(folder / "timed.pl.md")


def moment(path: Path) -> tuple[datetime, int | None]:
    """The date-time a file's `date:` gives, as `make check` reads it, and the offset it was written with."""
    doc = frontmatter.split(frontmatter.read_text(path), path)
    values, root = frontmatter.load_with_nodes(doc)
    return schema.validate(values, doc).date, frontmatter.written_offset(root, "date")


def test_make_new_refuses_a_source_for_a_translation_which_takes_its_original_s(content_copy: Path):
    args = ("LANG=en", "KEY=committee-approves-draft", "SOURCE_URL=https://example.org/other")
    refused = make("new", *args, content=content_copy)
    assert refused.returncode != 0
    assert "a translation takes the source of its original" in refused.stderr, refused.stderr
    assert not (content_copy / "articles" / "2024" / "committee-approves-draft.en.md").exists()


AWKWARD = ["2025", "null", "Null", "~", "yes", "1e3", "0x10", "*x", "&x", "!x", "%x", "@x", "a: b", "a #b", " x"]


@pytest.mark.parametrize("value", AWKWARD)
def test_the_scaffold_reads_back_every_value_it_was_given(value: str):
    """`make new TITLE=2025 LANG=pl` was refused: the scaffold wrote `translation_key: 2025`, which reads as a number
    (and `translation_key: null`, of TITLE=Null, as missing), though `slug:` beside it was quoted. Each value it
    writes, read by `make check`'s reader, gives back the value given."""
    source = new_article.GivenSource(url=f"https://example.org/{value}", publisher=value)
    text = new_article.article_text(value, "pl", date(2025, 10, 26), value, slug=value, source=source)
    meta = frontmatter.load(frontmatter.split(text, "x.pl.md"))
    assert meta["title"] == meta["translation_key"] == meta["slug"] == meta["source"]["publisher"] == value, text
    assert (meta["lang"], meta["date"], meta["source"]["url"]) == ("pl", date(2025, 10, 26), source.url), text


@pytest.mark.parametrize("title", ["2025", "Null"])
def test_make_new_writes_a_file_make_check_takes_whatever_the_title(content_copy: Path, title: str):
    created = make("new", f"TITLE={title}", "LANG=pl", "DATE=2025-10-26", content=content_copy)
    assert created.returncode == 0, created.stderr
    text = (content_copy / "articles" / "2025" / f"{title.lower()}.pl.md").read_text(encoding="utf-8")
    assert f'translation_key: "{title.lower()}"\n' in text, text


def test_the_documented_ratified_records_are_valid(tmp_path: Path):
    """The ratification and the accession CONTRIBUTING.md shows, with a real address, pass the record checks."""
    shown = [example for example in yaml_examples() if example.get("status") == "ratified"]
    assert {example["instrument"]["kind"] for example in shown} == {"ratification", "accession"}
    for index, example in enumerate(shown):
        text = yaml.safe_dump([example]).replace("https://treaties.un.org/...", "https://treaties.un.org/doc/x.xml")
        path = tmp_path / str(index) / "data" / "countries.yaml"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        assert country_records.load_records(path.parent.parent, date(2026, 6, 1))[1] == [], text
