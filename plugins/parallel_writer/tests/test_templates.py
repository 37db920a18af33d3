"""The theme's templates are compiled ahead, in a forked process; the build's output is the same."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader, TemplateSyntaxError
from pelican.settings import read_settings

from parallel_writer.templates import SharedCompilation
from tests.build_helpers import tree_snapshot
from tests.conftest import FIXTURE, SETTINGS, build_site


@pytest.fixture
def compiled_here(monkeypatch) -> list[str]:
    """The templates this process compiles (a forked process appends to its own copy)."""
    names: list[str] = []
    compile_template = Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counted)
    return names


def test_code_compiled_ahead_is_taken_and_a_broken_template_is_compiled_where_it_is_used(compiled_here, tmp_path):
    templates = tmp_path / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "page.html").write_text('{% include "partials/part.html" %}', encoding="utf-8")
    (templates / "partials" / "part.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    (templates / "broken.html").write_text("{% if %}", encoding="utf-8")
    cache = SharedCompilation()
    environment = Environment(loader=FileSystemLoader(templates), bytecode_cache=cache, autoescape=True)
    cache.compile_ahead(environment, templates)
    process, receiver = cache._ahead
    process.join(60)
    receiver.join(60)
    assert environment.get_template("page.html").render() == "2"
    assert compiled_here == [], "the code compiled ahead was not used"
    with pytest.raises(TemplateSyntaxError) as error:
        environment.get_template("broken.html")
    assert error.value.name == "broken.html" and error.value.lineno == 1
    assert compiled_here == ["broken.html"]
    cache.close()


def test_one_worker_compiles_in_the_build_and_writes_the_same_site(compiled_here, tmp_path):
    ahead = tree_snapshot(build_site(tmp_path / "ahead", FIXTURE, ARCHIVE_WORKERS=2, ARCHIVE_CACHE_DIR=""))
    compiled_here.clear()
    here = tree_snapshot(build_site(tmp_path / "here", FIXTURE, ARCHIVE_WORKERS=1, ARCHIVE_CACHE_DIR=""))
    assert "base.html" in compiled_here and "article.html" in compiled_here
    assert ahead == here


def test_the_templates_are_compiled_without_jinjas_optimizer_and_the_site_is_the_same(tmp_path):
    """Jinja's optimizer folds constant expressions at compile time, which the theme hardly has: it cost about a
    fifth of compiling the theme, a fixed cost of every build (docs/performance.md). Off, the pages are the same."""
    settings = read_settings(str(SETTINGS))
    assert settings["JINJA_ENVIRONMENT"].get("optimized") is False, "the templates are compiled with the optimizer"
    without = tree_snapshot(build_site(tmp_path / "without", FIXTURE, ARCHIVE_CACHE_DIR=""))
    optimized = {**settings["JINJA_ENVIRONMENT"], "optimized": True}
    assert tree_snapshot(build_site(tmp_path / "with", FIXTURE, ARCHIVE_CACHE_DIR="", JINJA_ENVIRONMENT=optimized)) == (
        without
    )


@pytest.mark.parametrize(
    "options",
    [
        {"trim_blocks": True, "lstrip_blocks": True},
        {"block_start_string": "<%", "block_end_string": "%>"},
        {"keep_trailing_newline": True},
        {"line_statement_prefix": "#"},
    ],
)
def test_environments_that_compile_a_template_differently_share_none_of_its_code(options):
    """Compiled code is kept by what makes it: Jinja's lexer options change it as much as the filters known."""
    source = "{% if true %}\n  yes\n{% endif %}\n<% if true %>angle<% endif %>\n# if true\nline\n# endif\n"
    cache = SharedCompilation()
    rendered = []
    for settings in ({}, options):
        environment = Environment(
            loader=DictLoader({"page.html": source}), autoescape=True, bytecode_cache=cache, **settings
        )
        rendered.append(environment.get_template("page.html").render())
    alone = (
        Environment(loader=DictLoader({"page.html": source}), autoescape=True, **options)
        .get_template("page.html")
        .render()
    )
    assert rendered[1] == alone != rendered[0]
