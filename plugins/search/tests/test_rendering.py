import pytest
from jinja2 import Environment
from markupsafe import Markup

from search.folding import folded_terms
from search.rendering import also_folded, folded_element, indexed_text, might_need_folding, with_folded_terms

CONTENT = """<h1>Łódź</h1><p>Zdanie<br>z <img src="x.png" alt=""> Białorusią.</p>
<div hidden data-pagefind-ignore><span data-pagefind-filter="Kraj">Białoruś</span><p>Włochy</p></div>
<!-- Kraków, Gdańsk: łąka --><script>var ł = 1;</script>"""


def test_indexed_text_leaves_out_ignored_parts_scripts_and_comments():
    assert " ".join(indexed_text(CONTENT).split()) == "Łódź Zdanie z Białorusią."
    assert indexed_text("") == ""


def test_metadata_taken_from_text_is_searched_too_even_inside_an_ignored_part():
    # Pagefind 1.5 searches metadata: a title kept out of the excerpts (ignored) is still found by "Bialorus".
    html = (
        '<h1 data-pagefind-ignore data-pagefind-meta="title">Białoruś</h1><p>Tekst</p>'
        '<div data-pagefind-ignore="all"><p data-pagefind-meta="summary">Łódź</p></div>'
        '<img data-pagefind-meta="image[src]" src="łąka.png" alt="">'
    )
    assert indexed_text(html).split() == ["Tekst", "Białoruś"]
    assert 'value="bialorus"' in with_folded_terms(html)


def test_folded_terms_are_appended_as_a_hidden_data_element():
    html = with_folded_terms(CONTENT)
    assert isinstance(html, Markup)
    assert html == CONTENT + '<data hidden value="bialorusia lodz" data-pagefind-meta="folded[value]"></data>'


def test_content_without_unfoldable_letters_is_left_as_it_is():
    assert with_folded_terms(Markup("<p>Hanoi, gęś</p>")) == "<p>Hanoi, gęś</p>"
    assert folded_element([]) == ""


def test_the_filter_block_wraps_autoescaped_content_once():
    env = Environment(autoescape=True)
    env.filters["search_folding"] = with_folded_terms
    template = env.from_string("{% filter search_folding %}<p>{{ text }}</p>{% endfilter %}")
    assert template.render(text="Łódź & <b>") == (
        '<p>Łódź &amp; &lt;b&gt;</p><data hidden value="lodz" data-pagefind-meta="folded[value]"></data>'
    )


def test_a_metadata_value_also_holds_its_folded_words():
    # A country page's `topic`: "Bialorus" finds the page on Belarus first.
    assert also_folded("Białoruś") == "Białoruś bialorus"
    assert also_folded("Poland") == "Poland"


@pytest.mark.parametrize(
    ("html", "parsed"),
    [
        ("<p>Hanoi, Viet Nam</p>", False),
        ("<p>Zażółć gęślą jaźń</p>", True),  # ł: Pagefind cannot fold it
        ("<p>zażółć gęś jaźń</p>".replace("ł", "l"), False),  # every accent decomposes
        ('<p title="Łódź">Lodz</p>', True),  # in an attribute only: parsed, to be sure
        ("<p>&#322;&oacute;d&#378;</p>", True),  # character references: parsed
        ("<p>a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;</p>", False),
    ],
)
def test_only_pages_that_might_need_folding_are_parsed(html, parsed):
    assert might_need_folding(html) is parsed
    if not parsed:
        assert folded_terms(indexed_text(html)) == []
        assert str(with_folded_terms(html)) == html


@pytest.mark.parametrize(
    "html",
    [
        "<p>Łódź</p></body><body><p>Zażółć</p>",
        "<p>Łódź</p></body><body>Zażółć<body><p>x</p></body>",
        "<p>Łódź</p><frameset><body>Zażółć",
    ],
)
def test_html_of_several_bodies_is_indexed_as_a_browser_reads_it(html):
    """A plugin's HTML (not the body's: its raw HTML is off) holding `</body><body>` crashed the step ("too many
    bodies"); a browser reads the content of every `<body>` into its one body, and so does the step."""
    assert {"lodz", "zazolc"} <= set(folded_terms(indexed_text(html)))
    assert "zazolc" in str(with_folded_terms(html))
