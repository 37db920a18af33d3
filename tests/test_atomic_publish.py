"""A failed build after a good one leaves output/ byte-identical, whatever failed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.bench.corpus import write_corpus
from tools.output_folder import remove_tree

from .build_helpers import ROOT, leftovers, run_build, settings_file, tree_snapshot
from .conftest import FIXTURE, build_site


@pytest.fixture(scope="module")
def good_output(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("good") / "output", FIXTURE)


@pytest.fixture
def published(good_output, tmp_path) -> Path:
    """A copy of a good build, as the `output/` a failing build must not touch."""
    output = tmp_path / "site" / "output"
    shutil.copytree(good_output, output)
    return output


def assert_failed_and_untouched(result, output: Path, before: dict) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "was left unchanged" in result.stderr
    assert tree_snapshot(output) == before
    assert leftovers(output) == [], "a temporary build folder was left behind"


def test_content_error(published, content_copy):
    before = tree_snapshot(published)
    (content_copy / "articles" / "2025" / "broken.en.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = run_build(content_copy, published)
    assert_failed_and_untouched(result, published, before)
    assert "broken.en.md:2: front-matter: YAML error" in result.stderr  # the line of the `[`


# A theme of one test: its templates' code is not kept in the virtualenv (keyed by their file, it would add to it
# in every run).
NOT_KEPT = 'TEMPLATE_BYTECODE_DIR = ""\n'


def test_template_error(published, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "article.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endblock %}", "{% endfor %}", 1))
    settings = settings_file(tmp_path, f"THEME = {str(theme)!r}\n{NOT_KEPT}")
    before = tree_snapshot(published)
    result = run_build(FIXTURE, published, settings)
    assert_failed_and_untouched(result, published, before)
    assert f"{template}:" in result.stderr and ": template: " in result.stderr


def test_an_error_while_rendering_country_pages_in_two_processes(published, tmp_path):
    # Country pages are written half by a process forked from the build (parallel_writer.halves):
    # an error on any of them fails the build, which names the template.
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "country.html"
    source = template.read_text(encoding="utf-8")
    template.write_text(source.replace("{% block content %}", "{% block content %}{{ country.no_such.field }}", 1))
    settings = settings_file(tmp_path, f"THEME = {str(theme)!r}\nARCHIVE_WORKERS = 2\n{NOT_KEPT}")
    content = write_corpus(8, tmp_path / "corpus") / "archive"  # 16 countries: 34 pages, written in two
    before = tree_snapshot(published)
    result = run_build(content, published, settings)
    assert_failed_and_untouched(result, published, before)
    assert "country.html" in result.stderr and "no_such" in result.stderr


# A fault tests/build_faults/ injects once pages were written (`BUILD_FAULT`), and what the build says of it.
FAULTS = {
    "exception": "injected by the tests",
    "logged-error": "injected by the tests",
    # Pelican only warns of a link it cannot resolve, and publishes it as written: broken, or keeping a host or
    # scheme written around it (a link only a plugin adds, which `make check` never sees).
    "unresolved-link": "Unable to find '/articles/2025/nowhere.en.md'",
    # The page goes to `<staging>-escaped/`, beside the build folder (in `.output.building/`): Pelican's own prefix
    # check lets it through.
    "escape": "save_as: would be written outside the output folder",
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_after_pages_were_written_stops_the_build(published, tmp_path, fault):
    settings = settings_file(
        tmp_path,
        f"PLUGIN_PATHS = [{str(ROOT / 'tests')!r}]\nPLUGINS = [*PLUGINS, 'build_faults']\nBUILD_FAULT = {fault!r}\n",
    )
    before = tree_snapshot(published)
    result = run_build(FIXTURE, published, settings)
    assert_failed_and_untouched(result, published, before)
    assert FAULTS[fault] in result.stderr, result.stderr
    assert not [path for path in published.parent.rglob("*") if "escaped" in path.name]


def test_a_good_build_replaces_the_output(published, content_copy):
    stale = published / "stale.html"
    stale.write_text("from an older build", encoding="utf-8")
    result = run_build(content_copy, published)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert (published / "pl" / "index.html").is_file()
    assert leftovers(published) == []


def test_the_old_site_is_removed_whole_and_no_link_in_it_is_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.html").write_text("not the site's")
    old = tmp_path / "old"
    for lang in ("pl", "en"):
        for year in ("2024", "2025"):
            page = old / lang / year / "slug" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text("page")
    (old / "index.html").write_text("home")
    (old / "pl" / "linked").symlink_to(outside, target_is_directory=True)  # among the folders removed by threads
    (old / "en" / "2025" / "linked").symlink_to(outside, target_is_directory=True)
    remove_tree(old)
    assert not old.exists()
    assert (outside / "keep.html").read_text() == "not the site's"
