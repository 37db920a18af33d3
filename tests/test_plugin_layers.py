"""The layers of plugins/: feature plugins import the shared model (archive_core) and Pelican, never each other.

Read from the source with `ast`, so that an import anywhere in a plugin (its
tests included, or inside a function) counts, whether or not it runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PLUGINS = ROOT / "plugins"
SHARED = "archive_core"


def plugin_names() -> list[str]:
    return sorted(path.parent.name for path in PLUGINS.glob("*/__init__.py"))


def imported_modules(source: str) -> set[str]:
    """The top-level names of the absolute imports in `source` (`from timeline.entries import x` -> timeline)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def imported_plugins(package: str) -> dict[str, set[str]]:
    """For each file of `package`, the other packages of plugins/ it imports."""
    others = set(plugin_names()) - {package}
    found = {}
    for path in sorted((PLUGINS / package).rglob("*.py")):
        imported = imported_modules(path.read_text(encoding="utf-8")) & others
        if imported:
            found[str(path.relative_to(ROOT))] = imported
    return found


def test_the_import_reader_sees_every_form_of_import():
    source = "import timeline\nimport countries.views as v\nfrom search.facets import x\nfrom . import y\n"
    source += "def f():\n    from bilingual import pairing\n"
    assert imported_modules(source) == {"timeline", "countries", "search", "bilingual"}


def test_there_is_a_shared_model_and_several_plugins():
    assert SHARED in plugin_names() and len(plugin_names()) > 5


def test_the_shared_model_imports_no_plugin():
    assert imported_plugins(SHARED) == {}


@pytest.mark.parametrize("package", [name for name in plugin_names() if name != SHARED])
def test_a_plugin_imports_only_the_shared_model(package):
    found = imported_plugins(package)
    assert set().union(*found.values()) <= {SHARED}, found


# What Pelican and Pagefind do not offer publicly, each used in one module only (see those modules).
PRIVATE_PARTS = {
    "plugins/archive_core/pelican_compat.py": {
        "_open_w",
        "_written_files",
        "_overridden_files",
        "disabled_readers",
        "override_url",
        "cache",
        "__dict__",
        "_content",
    },
    "plugins/search/pagefind_compat.py": {"_service", "_poll_task", "_backend", "_responses", "_config", "_index_id"},
}


def attributes_used(path: Path) -> set[str]:
    return {
        node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Attribute)
    }


def test_private_parts_of_pelican_and_pagefind_are_used_in_their_adapter_only():
    sources = [path for folder in ("plugins", "tools") for path in sorted((ROOT / folder).rglob("*.py"))]
    for adapter, names in PRIVATE_PARTS.items():
        assert names & attributes_used(ROOT / adapter) == names, adapter  # the list says what the adapter holds
        others = [path for path in sources if path != ROOT / adapter and "tests" not in path.parts]
        # `.cache` is also the name of the archive's own content cache attribute: only Pelican's private names.
        private = names - {"cache"}
        users = {str(path.relative_to(ROOT)): attributes_used(path) & private for path in others}
        assert {path: used for path, used in users.items() if used} == {}, adapter


@pytest.mark.parametrize("package", ["search", "css_minify"])
def test_a_plugin_for_any_pelican_site_imports_nothing_of_this_repository(package):
    # docs/architecture.md: these two are usable on any Pelican site.
    assert imported_plugins(package) == {}
