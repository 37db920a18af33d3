"""A page whose article holds several elements trafilatura takes each for an article's text: a live blog's entries.

trafilatura reads the first element its rules take for an article's text (its class or id `entry`, `post`,
`post-content`, `article-body`: `BODY_XPATH`'s first rule), and what it finds outside it only when that is short,
after it: a live blog whose entries were each `class="entry"` came out as its first entry, then its lead, the
other entries' times gone and a list left out.
"""

from __future__ import annotations

from lxml import etree
from trafilatura.xpaths import BODY_XPATH, REGEXP_NS

# The rule without its `[1]` (the first such child of each parent): every element it takes, siblings too.
_FIRST_RULE = BODY_XPATH[0].path.strip()
if not _FIRST_RULE.endswith("[1]"):  # a trafilatura whose rule reads otherwise: this module must be looked at again
    raise ImportError(f"trafilatura's first body rule no longer ends in [1]: {_FIRST_RULE[-60:]!r}")
_TAKEN_FOR_AN_ARTICLE = etree.XPath(_FIRST_RULE.removesuffix("[1]"), namespaces={"re": REGEXP_NS})
# What trafilatura's rules can take for the article (the elements its first rule names).
_HOLDERS = ("article", "div", "main", "section")


def name_the_article_whole(tree: etree._Element) -> None:
    """When the first element the rule takes has others beside it in the article (not inside it, nor around it),
    the article is named the text (`itemprop="articleBody"`, which the same rule reads first), and read whole,
    in the page's order. The article is the outermost `<article>` around that element, else the `<main>`
    around it, else the nearest element around it that holds the page's headline (`<h1>`). An element that
    holds the headline is the article itself: what follows it is another article (a teaser), no entry of it."""
    taken = _TAKEN_FOR_AN_ARTICLE(tree)
    if not taken:
        return
    first = taken[0]
    headline = tree.find(".//h1")
    if headline is not None and first in headline.iterancestors():  # the article, and a teaser after it
        return
    article = _article_around(first, headline)
    if article is None or article.tag not in _HOLDERS:
        return
    beside = {first, *first.iterancestors(), *first.iterdescendants()}
    inside = set(article.iter())
    if any(element in inside and element not in beside for element in taken):
        article.set("itemprop", "articleBody")


def _article_around(element: etree._Element, headline: etree._Element | None) -> etree._Element | None:
    ancestors = list(element.iterancestors())
    articles = [ancestor for ancestor in ancestors if ancestor.tag == "article"]
    if articles:
        return articles[-1]
    main = next((ancestor for ancestor in ancestors if ancestor.tag == "main"), None)
    if main is not None:
        return main
    around_headline = set(headline.iterancestors()) if headline is not None else set()
    return next((ancestor for ancestor in ancestors if ancestor in around_headline), None)
