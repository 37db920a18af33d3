"""Fuzzing the reader: random and mutated front-matter and Markdown never end in anything but ContentError."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_core.articles import read_article

from .fuzzing import VALID_ARTICLE, assert_clean_outcome, front_matter_documents, markdown_bodies, mutated

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def article_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "articles" / "2025" / "fuzz-article.pl.md"


def read_bytes_as_article(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert_clean_outcome(lambda: read_article(path))


def test_the_seed_of_the_mutations_is_valid(article_path):
    article_path.parent.mkdir(parents=True, exist_ok=True)
    article_path.write_text(VALID_ARTICLE, encoding="utf-8")
    assert read_article(article_path).meta.translation_key == "fuzz-article"


@FUZZ
@given(data=mutated())
def test_mutated_articles(article_path, data):
    read_bytes_as_article(article_path, data)


@FUZZ
@given(text=front_matter_documents())
def test_random_front_matter(article_path, text):
    read_bytes_as_article(article_path, text.encode("utf-8"))


@FUZZ
@given(body=markdown_bodies())
def test_random_markdown_body(article_path, body):
    head = VALID_ARTICLE.split("\n---\n", 1)[0]
    read_bytes_as_article(article_path, f"{head}\n---\n{body}".encode())


@FUZZ
@given(data=st.binary(max_size=200))
def test_random_bytes(article_path, data):
    read_bytes_as_article(article_path, data)


@pytest.mark.parametrize(
    "body",
    [
        ">" * 50_000,
        "[" * 50_000 + "x" + "]" * 50_000,
        "*a " * 30_000,
        "- " * 30_000,
        "::: caption\n" * 5_000,
        "[x]({filename}/" + "../" * 20_000 + "x.md)",
        "|a" * 20_000 + "\n" + "|-" * 20_000,
    ],
    ids=["quotes", "brackets", "emphasis", "lists", "captions", "dotdot", "table"],
)
def test_pathological_bodies_finish_in_time(article_path, body):
    head = VALID_ARTICLE.split("\n---\n", 1)[0]
    read_bytes_as_article(article_path, f"{head}\n---\n{body}".encode())
