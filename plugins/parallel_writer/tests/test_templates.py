"""The theme's templates are compiled ahead, in a forked process, or loaded as a build kept them; the build's output
is the same."""

from __future__ import annotations

import sys
import types

import jinja2
import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader, TemplateSyntaxError, pass_context
from pelican.settings import read_settings

from parallel_writer.templates import KEPT_FOLDERS, SharedCompilation
from tests.build_helpers import tree_snapshot
from tests.conftest import FIXTURE, ROOT, SETTINGS, build_site


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
    fresh = {"ARCHIVE_CACHE_DIR": "", "TEMPLATE_BYTECODE_DIR": ""}
    ahead = tree_snapshot(build_site(tmp_path / "ahead", FIXTURE, ARCHIVE_WORKERS=2, **fresh))
    compiled_here.clear()
    here = tree_snapshot(build_site(tmp_path / "here", FIXTURE, ARCHIVE_WORKERS=1, **fresh))
    assert "base.html" in compiled_here and "article.html" in compiled_here
    assert ahead == here


def page_and_part(templates, part: str = "{{ 1 + 1 }}") -> Environment:
    (templates / "partials").mkdir(parents=True, exist_ok=True)
    (templates / "page.html").write_text('{% include "partials/part.html" %}', encoding="utf-8")
    (templates / "partials" / "part.html").write_text(part, encoding="utf-8")
    return Environment(loader=FileSystemLoader(templates), autoescape=True)


def rendered(environment: Environment, kept) -> str:
    """`page.html` as a new build renders it: a new environment's cache, keeping the code in `kept`."""
    environment.cache.clear()
    environment.bytecode_cache = SharedCompilation(kept)
    return environment.get_template("page.html").render()


def test_code_a_build_kept_is_loaded_by_the_next_and_a_changed_template_is_compiled_again(compiled_here, tmp_path):
    """As Python's `__pycache__`: kept across builds (and `make clean`), taken only for the source it was made
    from."""
    environment, kept = page_and_part(tmp_path / "templates"), tmp_path / "kept"
    assert rendered(environment, kept) == "2"
    assert sorted(compiled_here) == ["page.html", "partials/part.html"]
    assert len(list(kept.rglob("*.jinja"))) == 2
    compiled_here.clear()
    assert rendered(environment, kept) == "2"
    assert compiled_here == [], "the code kept was compiled again"
    (tmp_path / "templates" / "partials" / "part.html").write_text("{{ 2 + 2 }}", encoding="utf-8")
    assert rendered(environment, kept) == "4"
    assert compiled_here == ["partials/part.html"]
    compiled_here.clear()
    assert rendered(environment, kept) == "4" and compiled_here == []


@pytest.mark.parametrize("damage", [b"", b"not jinja", None], ids=["emptied", "overwritten", "cut short"])
def test_kept_code_that_does_not_load_is_compiled_again_and_replaced(compiled_here, tmp_path, damage):
    environment, kept = page_and_part(tmp_path / "templates"), tmp_path / "kept"
    rendered(environment, kept)
    for entry in kept.rglob("*.jinja"):
        entry.write_bytes(entry.read_bytes()[:40] if damage is None else damage)
    compiled_here.clear()
    assert rendered(environment, kept) == "2"
    assert sorted(compiled_here) == ["page.html", "partials/part.html"]
    compiled_here.clear()
    assert rendered(environment, kept) == "2" and compiled_here == []


def test_a_folder_that_cannot_keep_the_code_costs_only_the_compiling(compiled_here, tmp_path):
    environment, kept = page_and_part(tmp_path / "templates"), tmp_path / "kept"
    kept.write_text("a file, not a folder", encoding="utf-8")
    assert rendered(environment, kept) == rendered(environment, kept) == "2"
    assert sorted(compiled_here) == ["page.html", "page.html", "partials/part.html", "partials/part.html"]


def test_nothing_is_forked_to_compile_when_every_templates_code_is_kept(tmp_path):
    templates, kept = tmp_path / "templates", tmp_path / "kept"
    environment = page_and_part(templates)
    cache = SharedCompilation(kept)
    environment.bytecode_cache = cache
    cache.compile_ahead(environment, templates)  # the forked process keeps what it compiles
    process, receiver = cache._ahead
    process.join(60)
    receiver.join(60)
    cache.close()
    assert len(list(kept.rglob("*.jinja"))) == 2
    again = SharedCompilation(kept)
    again.compile_ahead(environment, templates)
    assert again._ahead is None, "a process was forked to compile templates whose code is kept"
    (templates / "partials" / "part.html").write_text("{{ 3 }}", encoding="utf-8")
    changed = SharedCompilation(kept)
    changed.compile_ahead(environment, templates)
    assert changed._ahead is not None, "a changed template was not compiled ahead"
    changed.close()


def test_the_build_keeps_the_templates_code_in_its_virtualenv_inside_the_repository_or_nowhere():
    """Where Python keeps the bytecode of the packages the build runs: never outside the repository."""
    kept = read_settings(str(SETTINGS))["TEMPLATE_BYTECODE_DIR"]
    assert kept in ("", str(ROOT.resolve() / ".venv" / "template-bytecode")), kept


def shout(value):
    return value.upper()


@pass_context
def shout_with_context(context, value):
    return value.upper() + "!"


def nothing_for_none(value):
    return "" if value is None else value


@pytest.mark.parametrize("kept", [False, True], ids=["in memory", "on disk"])
@pytest.mark.parametrize(
    ("source", "first", "then"),
    [
        # Jinja compiles how a filter is called: a filter that takes the context compiled as one that does not
        # was called without it (a TypeError in the build).
        ("{{ 'a' | shout }}", {"filters": {"shout": shout}}, {"filters": {"shout": shout_with_context}}),
        ("[{{ value }}]", {}, {"finalize": nothing_for_none}),
        ("[{{ value }}]", {"finalize": nothing_for_none}, {}),
    ],
    ids=["a filter takes the context", "finalize added", "finalize removed"],
)
def test_code_compiled_for_other_filters_or_finalize_is_not_taken(source, first, then, kept, tmp_path):
    def environment(options: dict, cache: SharedCompilation | None) -> Environment:
        made = Environment(loader=DictLoader({"page.html": source}), autoescape=True, bytecode_cache=cache)
        made.filters.update(options.get("filters", {}))
        made.finalize = options.get("finalize")
        return made

    shared = SharedCompilation()
    rendered = [
        environment(options, SharedCompilation(tmp_path / "kept") if kept else shared)
        .get_template("page.html")
        .render(value=None)
        for options in (first, then)
    ]
    alone = environment(then, None).get_template("page.html").render(value=None)
    assert rendered[1] == alone != rendered[0], rendered


@pytest.mark.parametrize("change", ["the plugin's source", "Jinja", "Python"])
def test_code_kept_before_a_plugin_jinja_or_python_changed_is_not_taken(change, compiled_here, tmp_path, monkeypatch):
    """The filters' module as it is now, not only their names: a plugin edited since a build kept its code (or
    Jinja, or Python upgraded) has the templates compiled again, into a folder of their own."""
    plugin = tmp_path / "a_plugin.py"
    plugin.write_text("def shout(value):\n    return value.upper()\n", encoding="utf-8")
    module = types.ModuleType("a_plugin")
    module.__file__ = str(plugin)
    exec(compile(plugin.read_text(encoding="utf-8"), str(plugin), "exec"), module.__dict__)  # noqa: S102
    monkeypatch.setitem(sys.modules, "a_plugin", module)
    environment, kept = page_and_part(tmp_path / "templates", "{{ 'a' | shout }}"), tmp_path / "kept"
    environment.filters["shout"] = module.shout
    assert rendered(environment, kept) == "A"
    compiled_here.clear()
    if change == "the plugin's source":
        plugin.write_text("def shout(value):\n    return value.upper() + '.'\n", encoding="utf-8")
    elif change == "Jinja":
        monkeypatch.setattr(jinja2, "__version__", "0.0.1")
    else:
        monkeypatch.setattr(sys.implementation, "cache_tag", "cpython-00")
    assert rendered(environment, kept) == "A"
    assert sorted(compiled_here) == ["page.html", "partials/part.html"]
    assert len([folder for folder in kept.iterdir() if folder.is_dir()]) == 2


def test_only_the_folders_of_the_last_environments_are_kept(tmp_path, monkeypatch):
    environment, kept = page_and_part(tmp_path / "templates"), tmp_path / "kept"
    for version in range(KEPT_FOLDERS + 3):
        monkeypatch.setattr(jinja2, "__version__", f"0.0.{version}")
        assert rendered(environment, kept) == "2"
    assert len(list(kept.iterdir())) == KEPT_FOLDERS
    assert len(list(kept.rglob("*"))) == KEPT_FOLDERS * 3  # each folder and its two templates; no file left over


def test_a_site_built_with_the_code_kept_is_the_site_built_without(compiled_here, tmp_path):
    without = tree_snapshot(build_site(tmp_path / "without", FIXTURE, ARCHIVE_CACHE_DIR="", TEMPLATE_BYTECODE_DIR=""))
    kept = {"ARCHIVE_CACHE_DIR": "", "TEMPLATE_BYTECODE_DIR": str(tmp_path / "kept")}
    assert tree_snapshot(build_site(tmp_path / "keeping", FIXTURE, **kept)) == without
    compiled_here.clear()
    assert tree_snapshot(build_site(tmp_path / "kept", FIXTURE, **kept)) == without
    assert "base.html" not in compiled_here and "article.html" not in compiled_here, compiled_here


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


@pytest.mark.parametrize("kept", [False, True], ids=["in memory", "on disk"])
@pytest.mark.parametrize(
    "options",
    [
        {"trim_blocks": True, "lstrip_blocks": True},
        {"block_start_string": "<%", "block_end_string": "%>"},
        {"keep_trailing_newline": True},
        {"line_statement_prefix": "#"},
    ],
)
def test_environments_that_compile_a_template_differently_share_none_of_its_code(options, kept, tmp_path):
    """Compiled code is kept by what makes it: Jinja's lexer options change it as much as the filters known."""
    source = "{% if true %}\n  yes\n{% endif %}\n<% if true %>angle<% endif %>\n# if true\nline\n# endif\n"
    rendered, shared = [], SharedCompilation()
    for settings in ({}, options):
        # On disk, each environment as a build of its own, sharing only the folder.
        cache = SharedCompilation(tmp_path / "kept") if kept else shared
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
