"""Hypothesis strategies for fuzzing whatever reads content: random and mutated front-matter and Markdown.

Used by tests/test_fuzz_reader.py and tests/test_fuzz_importer.py (which mutates raw sources and saved
pages with `mutated()`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import yaml
from hypothesis import strategies as st

from archive_core.errors import ContentError
from archive_core.tests.effort import cpu_seconds

# Each example must finish within this much CPU time; a slower one is a denial of service waiting to
# happen. CPU time, not wall time, so that a busy machine (CI, parallel jobs) does not fail the bound; the
# worst pathological body takes under 2 s, and quadratic or exponential behaviour would take minutes.
TIME_BOUND_SECONDS = 10.0

VALID_ARTICLE = """---
title: "Białoruś i Łódź: <b>test</b>"
date: 2025-10-26
lang: pl
translation_key: fuzz-article
countries: [VN, NO, EU]
tags: [a, b]
source:
  url: https://example.org/a
  publisher: Example
translation:
  from: en
  by: someone
editor_note: note
---

Lead *paragraph* with [a link](https://example.org/) and [another]({filename}/articles/2025/x.en.md).

## Heading

- item
- item

::: caption
A caption. (Zdjęcie: X/Y)
:::

| a | b |
|---|---|
| 1 | 2 |

Note[^1]

[^1]: Foot.
"""

FIELDS = ["title", "date", "lang", "translation_key", "slug", "summary", "countries", "tags", "source",
          "translation", "editor_note", "review", "url", "from", "by", "publisher"]  # fmt: skip

# Pieces that matter to YAML, Markdown, the fence and the link checks.
FRAGMENTS = [
    "---", "\n", "\n---\n", ": ", "- ", "&a ", "*a", "!!python/object:os.system", "{", "}", "[", "]", "(", ")",
    '"', "'", "#", "|", ">", "\t", "\\", "`", "```", ":::", "{filename}", "{static}", "javascript:", "data:",
    "<script>", "](", "![", "[^1]", "\ufeff", "\r\n", "\x00", "\u2028", "2025-02-30", "2025-10-26T25:00",
    "NO", "yes", "~", "null", ".inf", "0x1F", "1e400", "../", "%2e%2e/",
    "!!null ", "!!bool ", "!!int ", "!!timestamp ", "!!str ", "!!omap", "!!pairs", "!!set ", "? ",
    "</html>", "</body a='>'>", "<title>", "<textarea>",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["pl", "en", "de", "VN", "XX", "https://example.org/", "javascript:x", "a-b", "../x"]),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 1)),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), children, max_size=4),
    max_leaves=12,
)


@st.composite
def front_matter_documents(draw) -> str:
    """A well-formed YAML front-matter of random fields and values, then a random body."""
    data = draw(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), yaml_values, max_size=10))
    body = draw(markdown_bodies())
    return f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}"


def markdown_bodies() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map("".join)


@st.composite
def mutated(draw, text: str = VALID_ARTICLE) -> bytes:
    """`text` with a few random cuts, insertions and replacements, at the byte level."""
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(FRAGMENTS).map(str.encode) | st.binary(max_size=4))
        if kind == "insert":
            data[position:position] = piece
        elif kind == "delete":
            del data[position : position + draw(st.integers(1, 20))]
        else:
            data[position : position + len(piece)] = piece
    return bytes(data)


def assert_clean_outcome(read: Callable[[], object]) -> None:
    """`read()` either succeeds or raises ContentError with a readable message, within the time bound."""
    failures: list[ContentError] = []

    def read_or_refuse() -> None:
        try:
            read()
        except ContentError as exc:
            failures.append(exc)

    elapsed = cpu_seconds(read_or_refuse)
    for exc in failures:
        problem = exc.problem
        assert problem.path and problem.field and problem.message, problem
        assert "Traceback" not in str(exc)
    assert elapsed < TIME_BOUND_SECONDS, f"took {elapsed:.2f} s of CPU time"
