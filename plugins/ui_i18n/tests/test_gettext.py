"""`_()` in the templates: what Jinja's newstyle gettext gives, each string translated once per language."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from archive_core.i18n import translations
from archive_core.locales import LANGUAGES
from ui_i18n import catalogs
from ui_i18n.catalogs import install

THEME = Path(__file__).resolve().parents[3] / "theme"
TEMPLATES = {
    "plain": '{{ _("Articles") }}|{{ _("Countries") }}',
    "values": '{{ _("page %(number)s", number=3) }}|{{ _("Checked against its sources on %(date)s.", date="<b>") }}',
    "untranslated": '{{ _("100%% <i>not</i> in the catalog") }}',
    "in a loop": '{% for n in range(3) %}{{ _("Articles") }}{{ loop.index }}{% endfor %}',
    "gettext": '{{ gettext("Articles") }}',
}


def ours(autoescape: bool) -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES), extensions=["jinja2.ext.i18n"], autoescape=autoescape)  # noqa: S701
    install(env, {"THEME": str(THEME)})
    return env


def jinjas_own(autoescape: bool, lang: str) -> Environment:
    """Jinja's own `_()`: its alias and newstyle wrapper around the language's catalog."""
    env = Environment(loader=DictLoader(TEMPLATES), extensions=["jinja2.ext.i18n"], autoescape=autoescape)  # noqa: S701
    env.install_gettext_translations(translations(THEME / "translations", lang), newstyle=True)
    return env


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", TEMPLATES)
def test_the_text_is_what_jinjas_newstyle_gettext_gives(name, lang, autoescape):
    expected = jinjas_own(autoescape, lang).get_template(name).render()
    env = ours(autoescape)
    assert env.get_template(name).render(page_lang=lang) == expected
    assert env.get_template(name).render(page_lang=lang) == expected  # made once, given again


def test_a_page_without_its_language_is_refused():
    with pytest.raises(ValueError, match="page_lang"):
        ours(True).get_template("plain").render()


def test_each_string_is_translated_once_per_language_however_many_pages_show_it(monkeypatch):
    lookups: list[tuple[str, str]] = []

    class Counted:
        def __init__(self, lang: str) -> None:
            self.lang, self.catalog = lang, translations(THEME / "translations", lang)

        def gettext(self, message: str) -> str:
            lookups.append((self.lang, message))
            return self.catalog.gettext(message)

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return self.catalog.ngettext(singular, plural, n)

    monkeypatch.setattr(catalogs, "translations", lambda _folder, lang: Counted(lang))
    env = ours(True)
    for _page in range(50):
        for lang in LANGUAGES:
            env.get_template("plain").render(page_lang=lang)
    assert sorted(lookups) == sorted((lang, m) for lang in LANGUAGES for m in ("Articles", "Countries"))
