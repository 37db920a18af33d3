"""Builds in one process carry nothing of one build into the next.

The devserver builds again in its process, and the tests build many sites in theirs: a site built after another
(other content, other settings) is byte for byte the site a process of its own builds (the build is reproducible:
tests/test_reproducible.py). What a module keeps between builds (a cache, a class's attribute) is keyed by what
it depends on, or emptied when a build starts.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from tools.build import BuildError

from .build_helpers import ROOT, cache_environment, tree_snapshot
from .conftest import FIXTURE, SETTINGS, build_site
from .growth import grow

# Site B: small pages everywhere (a country's articles two a page, as in the build that once lost its page 2),
# an absolute SITEURL, its search index.
SMALL_PAGES = {
    "PAGINATED_TEMPLATES": {"index": 3, "year": 2, "topic": 2, "country": 2, "timeline": 1, "topics": 2, "about": 1},
    "DEFAULT_PAGINATION": 3,
    "SITEURL": "https://example.org/archive",
    "SEARCH_INDEX": True,
}


def build_in_a_process_of_its_own(output: Path, overrides: dict, timeout: float = 600) -> None:
    """`build_site(output, ...)` as a new process runs it: nothing of this one's builds in it."""
    script = "import json, sys; from pathlib import Path; from tools.build import build; "
    script += "build(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3]))"
    result = subprocess.run(
        [sys.executable, "-c", script, str(SETTINGS), str(output), json.dumps(overrides)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", **cache_environment()},
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def grown_fixture(tmp_path_factory) -> Path:
    """The fixture archive grown (tests/growth.py): more articles, countries, topics and years than it has."""
    content = tmp_path_factory.mktemp("grown-fixture") / "content"
    shutil.copytree(FIXTURE, content)
    grow(content)
    return content


def test_a_site_built_after_another_is_the_site_a_new_process_builds(grown_fixture, tmp_path):
    overrides = {"PATH": str(grown_fixture), **SMALL_PAGES}
    build_in_a_process_of_its_own(tmp_path / "alone", overrides)
    build_site(tmp_path / "first", FIXTURE, SEARCH_INDEX=True)  # the default settings, other content
    after = tree_snapshot(build_site(tmp_path / "after", grown_fixture, **SMALL_PAGES))
    alone = tree_snapshot(tmp_path / "alone")
    assert sorted(after) == sorted(alone)
    assert [name for name in after if after[name] != alone[name]] == []
    # The test can fail: B's settings and content make pages the first site has not.
    assert "en/countries/poland/page/2/index.html" in after


# Pelican's warning of a link it could not resolve, which the build counts as an error (tools/build.py).
UNRESOLVED = "Unable to find '%s', skipping url replacement."
# A build that meets such a link where `make check` never looked (tests/build_faults/).
WITH_AN_UNRESOLVED_LINK = {"PLUGIN_PATHS": [str(ROOT / "tests")], "BUILD_FAULT": "unresolved-link"}


def with_faults(**settings) -> dict:
    plugins = read_settings(str(SETTINGS))["PLUGINS"]
    return {"PLUGINS": [*plugins, "build_faults"], **settings}


def test_a_log_filter_of_one_build_silences_nothing_in_the_next(tmp_path):
    """LOG_FILTER is a build's setting; Pelican keeps it class-wide (`LimitFilter._ignore`), for every later build."""
    build_site(tmp_path / "filtered", FIXTURE, LOG_FILTER=[(logging.WARNING, UNRESOLVED)])
    with pytest.raises(BuildError, match=re.escape("Unable to find '/articles/2025/nowhere.en.md'")):
        build_site(tmp_path / "unfiltered", FIXTURE, **with_faults(**WITH_AN_UNRESOLVED_LINK))
    # Nor does a fault of one build strike the next, which does not load its plugin (tools/plugin_receivers.py).
    assert (build_site(tmp_path / "sound", FIXTURE) / "index.html").is_file()


# What a contributor changes while the devserver runs, outside the articles (a full build each time): every kind
# of data file (one added), and the about page.
DATA_EDITS = (
    ("data/publishers.yaml", "name: Example Network", "name: Example Network Renamed"),
    ("data/timeline/signing-ceremony.yaml", "en: Signing ceremony", "en: The signing ceremony"),
    ("data/timeline/signing-ceremony.yaml", "countries: [VN]", "countries: [VN, PL]"),
    ("data/countries.yaml", "date: 2025-11-10", "date: 2025-11-12"),
    ("about/about.en.md", "are made up.", "are made up, every one."),
)
COUNTRY_NAMES = "countries:\n  - code: PL\n    forms: [Polski]\n    source: https://pl.wiktionary.org/wiki/Polska\n"


def test_the_devservers_full_build_after_an_edit_of_the_data_is_the_site_a_new_process_builds(
    content_copy, tmp_path, monkeypatch
):
    from tools.incremental import Site

    monkeypatch.setenv("ARCHIVE_CONTENT", str(content_copy))
    site = Site(SETTINGS, tmp_path / "served")
    site.full()
    for name, old, new in DATA_EDITS:
        path = content_copy / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    (content_copy / "data" / "country-names.yaml").write_text(COUNTRY_NAMES, encoding="utf-8")
    served = tree_snapshot(site.full().output)
    build_in_a_process_of_its_own(tmp_path / "alone", {"PATH": str(content_copy)})
    alone = tree_snapshot(tmp_path / "alone")
    assert sorted(served) == sorted(alone)
    assert [name for name in served if served[name] != alone[name]] == []
    assert b"are made up, every one." in served["en/about/index.html"]  # the second build is of the edited files


def with_the_receiver_probe(log: Path) -> dict:
    """A build that loads tests/receiver_probe, which writes each call of its receivers into `log`."""
    plugins = read_settings(str(SETTINGS))["PLUGINS"]
    return {"PLUGIN_PATHS": [str(ROOT / "tests")], "PLUGINS": [*plugins, "receiver_probe"], "RECEIVER_LOG": str(log)}


def test_each_build_runs_its_own_plugins_receivers_once_and_no_earlier_builds(tmp_path):
    logs = {name: tmp_path / f"{name}.log" for name in ("first", "second", "without")}
    build_site(tmp_path / "first", FIXTURE, **with_the_receiver_probe(logs["first"]))
    build_site(tmp_path / "second", FIXTURE, **with_the_receiver_probe(logs["second"]))
    # The setting is there, the plugin is not: no receiver of an earlier build's plugin runs.
    build_site(tmp_path / "without", FIXTURE, RECEIVER_LOG=str(logs["without"]))
    assert logs["first"].read_text(encoding="utf-8").split() == ["module", "register"]
    assert logs["second"].read_text(encoding="utf-8").split() == ["module", "register"]  # once each, not the first's
    assert not logs["without"].exists()


def test_a_build_changes_nothing_of_the_settings_it_was_given(tmp_path):
    """A plugin that changed a list or dict of its settings in place (or of its context, which shares them) would
    change the caller's: the next build of the process, given the same object, would build with this one's values."""
    defaults = read_settings(str(SETTINGS))
    given = {name: value for name, value in defaults.items() if isinstance(value, dict | list | set)}
    given["PAGINATED_TEMPLATES"] = {"index": 3, "year": 2}  # a site's own, without the about page's
    as_given = copy.deepcopy(given)
    build_site(tmp_path / "output", FIXTURE, **given)
    assert [name for name in given if given[name] != as_given[name]] == []


# Run in a process of its own: the plugins imported there for the first time, as a build's first import does.
_IMPORT_CONNECTS = """
import sys
from blinker import default_namespace
from pelican import signals  # Pelican's signals, made before any plugin is imported
from pelican.settings import read_settings

connected = []
for signal in list(default_namespace.values()):
    signal.receiver_connected.connect(lambda sent, receiver, **_: connected.append((sent.name, receiver)), weak=False)
for plugin in read_settings(sys.argv[1])["PLUGINS"]:
    __import__(plugin)
    for name, receiver in connected:
        print(f"{plugin}: {getattr(receiver, '__qualname__', receiver)} to {name}")
    connected.clear()
"""


def test_no_plugin_connects_a_receiver_when_it_is_imported():
    """Each build disconnects the receivers the last one connected (tools/plugin_receivers.py), and a module is
    imported once in a process: a receiver a plugin connected at its import, not in its `register()`, would run in
    the process's first build only (the devserver's second build would lose it without a word)."""
    found = subprocess.run(
        [sys.executable, "-c", _IMPORT_CONNECTS, str(SETTINGS)],
        cwd=ROOT / "plugins", capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    assert found.stdout == "", f"connect these in the plugin's register(), not at its import:\n{found.stdout}"
