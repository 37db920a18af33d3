"""README.md and CONTRIBUTING.md name no file that is not in the repository, and give commands that run as written.

A path is a link's target or a `code` span with a folder in it (`docs/x.md`, `content/data/`); a bare
`name.json` is left alone (it may be a file the build writes), and so are the site's own addresses (`/pl/`).
A command is a `code` span or a line of a ```sh block: each `make <target> NAME=...` is a usage `make help`
shows, each Python command runs in `.venv`, each setting make does not take is given in the environment.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest

from archive_core.layout import DATA_FILES, EVENTS_DIR
from archive_core.schema import default_slug

from .conftest import ROOT

DOCUMENTS = ("README.md", "CONTRIBUTING.md")


def every_document() -> list[str]:
    """Every Markdown document of the repository but the articles: the two guides, docs/, each plugin's README and
    each fixture's (a command any of them gives is copied as written)."""
    found = [*ROOT.glob("docs/**/*.md"), *ROOT.glob("plugins/**/*.md"), *ROOT.glob("tests/**/README*.md")]
    return [*DOCUMENTS, *sorted(str(path.relative_to(ROOT)) for path in found)]


MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


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
    targets = re.findall(r"^([a-z-]+):.*## ", MAKEFILE, flags=re.MULTILINE)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert targets and [target for target in targets if f"`make {target}" not in readme] == []


# Commands and values as the documents give them: each one a stranger copies must run as written.


def code_spans(text: str) -> list[str]:
    """The inline `code` of the document's prose, and each line of its ```sh blocks."""
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    return re.findall(r"`([^`\n]+)`", prose(text)) + [line.strip() for block in blocks for line in block.splitlines()]


def make_inputs() -> set[str]:
    """The names `make NAME=...` takes (the Makefile's INPUTS); any other is refused on make's command line."""
    listed = re.search(r"^override INPUTS := (.*?)\n(?!\t)", MAKEFILE, flags=re.MULTILINE | re.DOTALL)
    return set(listed.group(1).replace("\\", " ").split())


def help_lines() -> dict[str, str]:
    """Each target `make help` lists, and what it says of it."""
    return dict(re.findall(r"^([a-z-]+):.*## (.*)$", MAKEFILE, flags=re.MULTILINE))


# What a command may set before it runs (`ARCHIVE_CONTENT=DIR python -m ...`).
_ENVIRONMENT = r"(?:[A-Z][A-Z_]*=\S*\s+)*"


def commands_run_by_python(text: str) -> list[str]:
    """The commands a document gives that run a Python module or script, without the variables set before them."""
    found = (re.match(rf"{_ENVIRONMENT}((\S*/)?python3?\s.*)", span) for span in code_spans(text))
    return [command[1] for command in found if command]


def test_a_python_command_after_environment_variables_is_read():
    text = "Run `ARCHIVE_CONTENT=DIR/archive ARCHIVE_SEARCH_INDEX=0 python -m tools.build -o OUT`."
    assert commands_run_by_python(text) == ["python -m tools.build -o OUT"]


# Reports written for another project's maintainers, whose reproductions start from `pip install` in an environment
# of their own: their `python` is that one.
UPSTREAM_REPORTS = "docs/upstream/"


def module_exists(name: str) -> bool:
    """A module of the repository (tools, tests, a plugin) or one `.venv` installs."""
    if any(
        (folder / name.replace(".", "/")).with_suffix(s).exists()
        for folder in (ROOT, ROOT / "plugins")
        for s in (".py", "")
    ):
        return True
    return importlib.util.find_spec(name.split(".")[0]) is not None


@pytest.mark.parametrize("document", [name for name in every_document() if not name.startswith(UPSTREAM_REPORTS)])
def test_a_python_command_a_document_gives_runs_in_the_projects_virtualenv(document: str):
    """`python -m tools.build --force` failed in a fresh clone (`No module named 'pelican'`): the packages are in
    `.venv`, which `make` sets up, not in the shell's Python."""
    commands = commands_run_by_python((ROOT / document).read_text(encoding="utf-8"))
    if document in DOCUMENTS:
        assert commands  # the check reads what it should
    wrong = [command for command in commands if not command.startswith(".venv/bin/python ")]
    assert wrong == [], f"{document}: run these with .venv/bin/python: {wrong}"
    modules = [re.match(r"\S+ -m ([\w.]+)", command) for command in commands]
    missing = [found[1] for found in modules if found and not module_exists(found[1])]
    assert missing == [], f"{document} runs modules that are not in the repository: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_setting_a_document_names_is_given_where_make_takes_it(document: str):
    """`ARCHIVE_WORKERS=1` alone read as `make html ARCHIVE_WORKERS=1`, which make refuses: a value that is not one of
    make's own is shown in the environment, before `make` (`SITEURL=https://... make publish`)."""
    inputs = make_inputs()
    bare = [
        span
        for span in code_spans((ROOT / document).read_text(encoding="utf-8"))
        if (given := re.fullmatch(r"([A-Z][A-Z_]*)=\S*", span)) and given[1] not in inputs
    ]
    assert bare == [], f"{document}: say how each is given (`NAME=... make html`): {bare}"


# A value as a document writes it: quoted, a placeholder such as `<the original's translation_key>`, or one word.
_VALUE = r"(?:\"[^\"]*\"|'[^']*'|<[^>]*>|\S)*"


def documented_make_commands(text: str) -> list[tuple[str, list[str]]]:
    """Each `make <target> NAME=...` a document gives: the target and the names given to it."""
    commands = []
    for span in code_spans(text):
        for found in re.finditer(rf"(?:^|\s)make ([a-z][a-z-]*)((?:\s+[A-Z][A-Z_]*={_VALUE})*)", span):
            commands.append((found[1], re.findall(r"([A-Z][A-Z_]*)=", found[2])))
    return commands


def usages(target: str, said: str) -> list[tuple[set[str], set[str]]]:
    """The ways `make help` shows to call `target`, each as (the names it needs, every name it takes): a usage is
    a `make <target> ...` in its line, or the whole line; a name in [brackets] may be left out."""
    forms = re.split(rf"(?=\bmake {target}\b)", said)
    forms = [form for form in forms if form.startswith(f"make {target}")] or [said]
    parsed = []
    for form in forms:
        optional = set(re.findall(r"([A-Z][A-Z_]*)=", "".join(re.findall(r"\[[^\]]*\]|\([^)]*\)", form))))
        every = set(re.findall(r"([A-Z][A-Z_]*)=", form))
        parsed.append((every - optional, every))
    return parsed


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_make_command_a_document_gives_is_one_make_help_shows(document: str):
    """`make new LANG=en KEY=...` (a translation) was documented, while `make help` showed TITLE= as needed: each
    documented command names a target `make help` lists, with names that one of its usages there takes, and all
    that one needs."""
    targets = help_lines()
    commands = documented_make_commands((ROOT / document).read_text(encoding="utf-8"))
    assert commands  # the check reads what it should
    unknown = [target for target, _ in commands if target not in targets]
    assert unknown == [], f"{document} names targets the Makefile does not have: {unknown}"
    inputs = make_inputs()
    refused = [(target, name) for target, names in commands for name in names if name not in inputs]
    assert refused == [], f"{document} gives make names it refuses: {refused}"
    # PYTHON=, which every target that makes .venv takes, is shown once, in `make help`'s first lines.
    commands = [(target, [name for name in names if name != "PYTHON"]) for target, names in commands]
    unlike = [
        f"make {target} {' '.join(f'{name}=' for name in names)}"
        for target, names in commands
        if names and not any(needs <= set(names) <= takes for needs, takes in usages(target, targets[target]))
    ]
    assert unlike == [], f"{document}: `make help` shows no such usage: {unlike}"


def test_the_usage_check_tells_a_needed_name_from_a_bracketed_one():
    said = 'Scaffold: make new TITLE="..." LANG=pl|en [DATE=YYYY-MM-DD]; a translation: make new LANG=en KEY=<key>'
    assert usages("new", said) == [({"TITLE", "LANG"}, {"TITLE", "LANG", "DATE"}), ({"LANG", "KEY"}, {"LANG", "KEY"})]
    assert usages("serve", "Serve the site (PORT=... to change)") == [(set(), {"PORT"})]


def test_the_layout_names_every_data_file_the_archive_reads():
    """`names.yaml` was left out of the README's list, which says any other file there is refused; CONTRIBUTING.md
    said nothing of `topics.yaml`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `content/data/` |")]
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for data_file in DATA_FILES:
        assert f"`{data_file.name}`" in row, data_file
        assert f"content/{data_file.as_posix()}" in contributing, data_file
    assert f"`{EVENTS_DIR.name}/`" in row
