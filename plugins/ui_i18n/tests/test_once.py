"""`rendered_once`: a block rendered the first time its key is asked for, its output given again after."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from ui_i18n.once import rendered_once

TEMPLATE = '{% call rendered_once("header", lang) %}<p>{{ lang }} {{ count() }}</p>{% endcall %}'


def environment() -> tuple[Environment, list[int]]:
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    env = Environment(loader=DictLoader({"page.html": TEMPLATE}), autoescape=True)
    env.globals.update(rendered_once=rendered_once(), count=count)
    return env, calls


def test_a_block_is_rendered_once_per_key_and_given_again_as_rendered():
    env, calls = environment()
    template = env.get_template("page.html")
    pages = [template.render(lang=lang) for lang in ("pl", "en", "pl", "en", "pl")]
    assert pages == ["<p>pl 1</p>", "<p>en 2</p>", "<p>pl 1</p>", "<p>en 2</p>", "<p>pl 1</p>"]
    assert len(calls) == 2


def test_each_environment_keeps_its_own_blocks():
    """A full build in the devserver makes new environments: a block of the last build is never given again."""
    first, _ = environment()
    second, calls = environment()
    assert first.get_template("page.html").render(lang="pl") == "<p>pl 1</p>"
    second.globals["count"] = lambda: "again"
    assert second.get_template("page.html").render(lang="pl") == "<p>pl again</p>"
    assert not calls


def test_the_block_stays_markup_under_autoescape():
    env, _ = environment()
    assert env.get_template("page.html").render(lang="<b>") == "<p>&lt;b&gt; 1</p>"
