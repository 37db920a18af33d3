"""Every problem at its own line: fields inside list items, and annotations, which `make check` refuses exactly
as the build would fail to place them (in the rendered text, never in a link's address). See docs/security.md.
"""

from __future__ import annotations

import pytest

from tools.check import check

from .build_helpers import run_build
from .test_bad_input import good

ARTICLE = "articles/2025/good-article.en.md"


def _annotated(items: str, body: str = "") -> str:
    return good("lang: en", "lang: en\nannotations:\n" + items) + body


# name: (text, line, what the message says)
CASES = {
    "unknown key in a list item": (
        _annotated("  - text: Lead paragraph\n    kind: editor\n    note: n\n    colour: red\n"),
        9,
        "annotations.0.colour: is not a known key",
    ),
    "unknown key in the second item": (
        _annotated(
            "  - text: Lead\n    kind: editor\n    note: n\n  - text: paragraph\n    kind: editor\n    nte: n\n"
        ),
        11,
        "annotations.1.nte: is not a known key",
    ),
    "missing key in a list item": (
        _annotated("  - text: Lead paragraph\n    kind: editor\n"),
        6,
        "annotations.0.note",
    ),
    "future date in a list item": (
        good("lang: en", "lang: en\ncorrections:\n  - change: c\n    date: 2999-01-01\n"),
        7,
        "corrections.0.date: 2999-01-01 is in the future",
    ),
    "unknown key in a translation step": (
        good(
            "lang: en",
            "lang: en\ntranslation:\n  from: pl\n  by: x\ntranslation_chain:\n  - frm: pl\n    to: en\n    by: x\n",
        ),
        9,
        "translation_chain.0.frm: is not a known key",
    ),
    "annotation only in a link's address": (
        _annotated(
            "  - text: zzuniqueword\n    kind: editor\n    note: n\n",
            "\n[Example link](https://zzuniqueword.example/)\n",
        ),
        6,
        "annotations.0.text: 'zzuniqueword' is not in one piece of the text as published",
    ),
    "annotation split by emphasis": (
        _annotated("  - text: Split passage\n    kind: editor\n    note: n\n", "\nA *Split* passage here.\n"),
        6,
        "is not in one piece of the text as published",
    ),
    "annotation twice in the rendered text": (
        _annotated("  - text: twice\n    kind: editor\n    note: n\n", "\ntwice, and `twice`\n"),
        6,
        "'twice' is 2 times in the article's text",
    ),
    # Found beside a finding of the importer's fuzzing: `¹` is a digit to str.isdigit(), no index int() reads, and
    # the key's line was looked for as an item of the list `countries` names: a traceback, not the key's line;
    # and a key named with ASCII digits (`"countries.0"`) was put at the line of the list's item.
    "a key naming a list's item with a superscript digit": (
        good("countries: [VN]", 'countries: [VN]\n"countries.¹": x'),
        7,
        "countries.¹: is not a known field",
    ),
    "a key naming a list's item": (
        good("countries: [VN]", 'countries:\n  - VN\n"countries.0": x'),
        8,
        "countries.0: is not a known field",
    ),
    # A key that is no plain word is named quoted (`'source name'`), and was looked for by that name: at line 2.
    "a key with a space": (good("countries: [VN]", "countries: [VN]\nsource name: x"), 7, "'source name': is not"),
    "a key after a zero-width space": (good("countries: [VN]", "countries: [VN]\n\u200bsource: x"), 7, "is not a"),
    # A link on a paragraph's second line, its target spelt otherwise than the renderer writes it: at that line.
    "link target spelt with an entity": (good() + "More text\n[x](&#106;avascript:alert(1))\n", 14, "javascript:"),
    "link target spelt with a newline entity": (good() + "More\n[x](java&#10;script:x)\n", 14, "java%0Ascript:x"),
    "link target in full-width letters": (good() + "More\n[x](ｊａｖａ:x)\n", 14, "is not allowed"),
}


@pytest.mark.parametrize("case", CASES)
def test_refused_at_its_own_line(case, content_copy):
    text, line, expected = CASES[case]
    path = content_copy / ARTICLE
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in check(content_copy)]
    assert any(p.startswith(f"{path}:{line}:") and expected in p for p in problems), problems


def test_check_and_build_agree_on_annotations(content_copy, tmp_path):
    """What `make check` lets through, the build places; what it refuses, the build refuses at the same line."""
    text, line, _ = CASES["annotation only in a link's address"]
    (content_copy / ARTICLE).write_text(text, encoding="utf-8")
    built = run_build(content_copy, tmp_path / "output")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert f"{content_copy / ARTICLE}:{line}: annotations.0.text" in built.stderr, built.stderr
    (content_copy / ARTICLE).write_text(
        _annotated("  - text: Lead paragraph\n    kind: editor\n    note: n\n") + "\nLink [text](https://e.org/).\n",
        encoding="utf-8",
    )
    assert not [p for p in check(content_copy) if p.severity == "error"]
