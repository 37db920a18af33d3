"""README.md and CONTRIBUTING.md name no file that is not in the repository.

A path is a link's target or a `code` span with a folder in it (`docs/x.md`, `content/data/`); a bare
`name.json` is left alone (it may be a file the build writes), and so are the site's own addresses (`/pl/`).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from archive_core.schema import default_slug

from .conftest import ROOT

DOCUMENTS = ("README.md", "CONTRIBUTING.md")


def prose(text: str) -> str:
    """The document without its fenced blocks (commands and examples, not references)."""
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


def named_paths(text: str) -> list[str]:
    """Link targets and `code` spans that are paths in the repository: not addresses, not site URLs
    (`/pl/...`), not patterns (`<year>`, `{filename}`, `*`)."""
    candidates = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"`([^`\s]+)`", prose(text))
    paths = []
    for candidate in candidates:
        path = candidate.split("#", 1)[0]
        if not path or re.match(r"^[a-z]+:", path) or path.startswith("/") or re.search(r"[<>{}*=…$]|\.\.\.", path):
            continue
        if len([part for part in path.split("/") if part]) > 1:  # a bare `name.json` may be a file of the site
            paths.append(path)
    return paths


def generated(path: str) -> bool:
    """Made by a command, not kept in git: what .gitignore names at the top of the repository."""
    ignored = [line.strip().strip("/") for line in (ROOT / ".gitignore").read_text().splitlines() if line.strip()]
    return path.strip("/").split("/")[0] in ignored or any(part in ignored for part in Path(path).parts)


def created_by_make_new(text: str) -> set[str]:
    """The files the documented `make new` commands create (their example outputs)."""
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    created = set()
    for line in (line.strip() for block in blocks for line in block.splitlines()):
        if line.startswith("make new"):
            args = dict(arg.split("=", 1) for arg in shlex.split(line)[2:])
            key = args.get("KEY") or default_slug(args["TITLE"])
            created.add(f"content/articles/{args.get('DATE', '2025')[:4]}/{key}.{args['LANG']}.md")
    return created


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_file_a_document_names_is_in_the_repository(document: str):
    text = (ROOT / document).read_text(encoding="utf-8")
    paths = named_paths(text)
    assert len(paths) > 10  # the check reads what it should
    missing = [
        path
        for path in paths
        if not (ROOT / path).exists() and not generated(path) and path not in created_by_make_new(text)
    ]
    assert missing == [], f"{document} names files that are not in the repository: {missing}"


def test_the_check_finds_a_dangling_reference():
    text = "See `shared/reference/facts.md`, [the guide](docs/nowhere.md), `content/data/countries.yaml`, `cite.bib`."
    assert named_paths(text) == ["docs/nowhere.md", "shared/reference/facts.md", "content/data/countries.yaml"]
    assert not (ROOT / "shared").exists()


def test_the_readme_lists_every_make_target():
    """Every target `make help` lists (a `## ` comment in the Makefile) has its row in README.md's tables."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z-]+):.*## ", makefile, flags=re.MULTILINE)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert targets and [target for target in targets if f"`make {target}" not in readme] == []
