"""No template includes a partial once for each item of a list: an include is a new context, a copy of every
name of Pelican's context (a hundred and more), and an article page lists seven other articles, a listing page
dozens. A list's line is a macro, imported once per page (`partials/article_links.html`). Read from the templates'
syntax trees, so that a new loop is checked as soon as it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

TEMPLATES = Path(__file__).resolve().parents[1] / "theme" / "templates"

# (template, partial): why that include stays in its loop.
INCLUDED_IN_LOOPS = {
    ("partials/search_stand_ins.html", "partials/search_facets.html"): (
        "once for each language an article lacks, with that language as `page_lang`, which `_()` reads from the "
        "context: a macro would give the facets in the page's language"
    ),
    ("timeline.html", "partials/timeline_entry.html"): "an event, not an article: a few timeline pages",
    ("timeline_year.html", "partials/timeline_entry.html"): "an event, not an article: a few timeline pages",
}


def includes_in_loops(source: str) -> set[str]:
    """The partials `source` includes inside a `{% for %}`."""
    tree = Environment(autoescape=True, extensions=["jinja2.ext.i18n"]).parse(source)
    return {
        include.template.value
        for loop in tree.find_all(nodes.For)
        for include in loop.find_all(nodes.Include)
        if isinstance(include.template, nodes.Const)
    }


def test_an_include_in_a_loop_is_found():
    source = '{% for a in items %}{% with b = a %}{% include "partials/line.html" %}{% endwith %}{% endfor %}'
    assert includes_in_loops(source) == {"partials/line.html"}
    assert includes_in_loops('{% include "partials/line.html" %}{% for a in items %}{{ line(a) }}{% endfor %}') == set()


@pytest.mark.parametrize("name", sorted(path.relative_to(TEMPLATES).as_posix() for path in TEMPLATES.rglob("*.html")))
def test_no_template_includes_a_partial_for_each_item_of_a_list(name: str):
    included = includes_in_loops((TEMPLATES / name).read_text())
    included = {partial for partial in included if (name, partial) not in INCLUDED_IN_LOOPS}
    assert not included, (
        f"theme/templates/{name} includes {', '.join(sorted(included))} in a loop: a new context for each item. "
        "Make the partial a macro and import it once, before the loop (as partials/article_links.html)"
    )


def test_every_include_left_in_a_loop_is_still_there():
    for (name, partial), _why in INCLUDED_IN_LOOPS.items():
        assert partial in includes_in_loops((TEMPLATES / name).read_text()), f"{name}: drop it from INCLUDED_IN_LOOPS"
