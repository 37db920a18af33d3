"""A newcomer's path through CONTRIBUTING.md, and the documents generated from the content schema."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
import yaml

from archive_core import frontmatter, schema
from archive_core.errors import ContentError
from archive_core.frontmatter import FrontMatterLoader
from tools import docs
from tools.front_matter_docs import json_schema

from .conftest import CONTENT, ROOT, build_site
from .html_helpers import read_page

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def make(*args: str, content: Path) -> subprocess.CompletedProcess:
    """`make ...` as a contributor types it, on a copy of the content."""
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "ARCHIVE_CONTENT": str(content), "LANG": "C.UTF-8"}
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
    article = content_copy / documented_path.removeprefix("content/")
    assert article.exists()

    # The scaffold passes `make check` as it is.
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr
    assert "0 error(s)" in checked.stderr

    # The newcomer pastes the text and fills in the source, as the file's comments say.
    text = article.read_text(encoding="utf-8")
    text = text.replace("# source:\n#   url: https://...", "source:\n  url: https://example.org/original")
    article.write_text(text + "Pierwszy akapit tekstu źródła.\n\nDrugi akapit.\n", encoding="utf-8")
    checked = make("check", content=content_copy)
    assert checked.returncode == 0, checked.stderr

    # The preview shows it: the page, its place on the language's home page, its feed.
    site = build_site(tmp_path / "output", content_copy)
    slug = article.name.removesuffix(".pl.md")
    page = read_page(site / "pl" / "2025" / slug / "index.html")
    assert "Pierwszy akapit tekstu źródła." in page.text
    assert "https://example.org/original" in page.links
    assert f"/pl/2025/{slug}/" in read_page(site / "pl" / "index.html").links
    assert f"/pl/2025/{slug}/" in (site / "pl" / "feed.atom.xml").read_text(encoding="utf-8")

    # Running the same command again never overwrites the work.
    again = make(*shlex.split(command)[1:], content=content_copy)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert "Pierwszy akapit" in article.read_text(encoding="utf-8")


def test_make_new_scaffolds_a_translation_with_the_originals_key(content_copy: Path):
    result = make("new", "TITLE=Signing ceremony", "LANG=en", "DATE=2025-10-26", "KEY=hanoi-2025", content=content_copy)
    assert result.returncode == 0, result.stderr
    assert (content_copy / "articles" / "2025" / "hanoi-2025.en.md").exists()
    assert make("check", content=content_copy).returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["TITLE=Tytuł"], "LANG is missing"),
        (["TITLE=Tytuł", "LANG=de"], "LANG must be one of pl, en"),
        (["TITLE=Tytuł", "LANG=pl", "DATE=2025-02-30"], "DATE '2025-02-30' is not a date"),
        (["LANG=pl"], "TITLE is missing"),
        (["TITLE=???", "LANG=pl"], "no letters or digits to make a translation_key of: add KEY="),
        (["TITLE=x", "LANG=pl", "KEY=Not A Slug"], "translation_key: 'Not A Slug' is not a valid slug"),
    ],
)
def test_make_new_refuses_bad_requests_clearly(content_copy: Path, args: list[str], message: str):
    before = sorted(content_copy.rglob("*"))
    result = make("new", *args, content=content_copy)
    assert result.returncode != 0
    assert message in result.stderr
    assert sorted(content_copy.rglob("*")) == before


def test_the_shells_own_lang_is_not_taken_for_the_articles(content_copy: Path):
    env = {"PATH": "/usr/bin:/bin", "ARCHIVE_CONTENT": str(content_copy), "LANG": "pl"}
    result = subprocess.run(
        ["make", "new", "TITLE=Tytuł"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode != 0
    assert "LANG is missing" in result.stderr


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


@pytest.mark.parametrize(
    "extra",
    [
        "countries: [NO, EU]",
        "date2: x",
        "slug: Not-A-Slug",
        "countries: [XX]",
        "source:\n  url: ftp://example.org/",
        "source:\n  publisher: VNA",
        "translation:\n  from: pl\n  by: someone",
        "translation:\n  from: en\n  by: someone",
        "translation:\n  from: pl",
        "review: [titel]",
        "tags: [1]",
    ],
)
def test_json_schema_agrees_with_the_archives_validator(extra: str):
    text = f"---\n{VALID}{extra}\n---\n"
    doc = frontmatter.split(text, "example.en.md")
    try:
        schema.validate(frontmatter.load(doc), doc)
        accepted_by_archive = True
    except ContentError:
        accepted_by_archive = False
    accepted_by_schema = validator().is_valid(front_matter_of(text))
    assert accepted_by_schema == accepted_by_archive, extra
