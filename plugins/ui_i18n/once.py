"""`rendered_once`: a block of a template that is the same on many pages, rendered the first time only."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from markupsafe import Markup


def rendered_once() -> Callable[..., Markup]:
    """`{% call rendered_once("site-header", SITEURL, page_lang) %}...{% endcall %}`: the block's output for that key,
    rendered the first time the key is asked for (its key must hold every value the block reads).

    Every page renders the header, the same on every page of a language, through Jinja's includes, macro calls and
    `_()` (docs/performance.md). One store per Jinja environment, so per build: a full build in the devserver makes
    new environments, and with them a new store.
    """
    rendered: dict[tuple[Hashable, ...], Markup] = {}

    def once(*key: Hashable, caller: Callable[[], Markup]) -> Markup:
        if (html := rendered.get(key)) is None:
            html = rendered[key] = caller()
        return html

    return once
