"""Our mirrored material templates must equal material's own plus the listed changes, and nothing else.

A mirrored template silently shadows material's: after a material upgrade it would keep old asset
hashes and old markup. This test fails then, and says which file to copy again and what to re-apply.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"

# Each mirrored template: the exact (material's text, our text) edits applied to material's file.
MIRRORED = {
    "base.html": [
        (
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
            '    <form id="__toggles" autocomplete="off" hidden></form>\n'
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n',
        ),
        (
            "      <script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\"></script>\n",
            "      <script src=\"{{ 'assets/javascripts/bundle.a5f9d56c.min.js' | url }}\" defer></script>\n",
        ),
        (
            # An id for the drawer, which the header's menu button names in aria-controls.
            '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation"',
            '<div class="md-sidebar md-sidebar--primary" id="__drawer_panel" data-md-component="sidebar" '
            'data-md-type="navigation"',
        ),
    ],
    # Storage reads and writes guarded: where storage is blocked, naming localStorage throws.
    "partials/javascripts/base.html": [
        (
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
            '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
            '__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(t.pathname+"."+e))}'
            'catch(e){return null}},__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(a.pathname+"."+e,'
            'JSON.stringify(_))}catch(e){}}',
        ),
    ],
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" id="__search_dialog" data-md-component="search" role="dialog" '
            'aria-label="{{ lang.t(\'search\') }}">',
        ),
    ],
    "partials/nav-item.html": [
        (
            '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
            '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" '
            '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}>',
        ),
        (
            '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
            '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" '
            '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}>',
        ),
        (
            # In the phone drawer, a section's title leads back up: it takes focus (controls.css, menu.js).
            '          <label class="md-nav__title" for="{{ path }}">',
            '          <label class="md-nav__title" for="{{ path }}" tabindex="0">',
        ),
    ],
    "partials/toc.html": [
        (
            '  {% if toc %}\n'
            '    <label class="md-nav__title" for="__toc">\n',
            '  {% if toc %}\n'
            '    {#- With navigation.indexes a section\'s index page has no __toc toggle (see nav-item.html). -#}\n'
            '    {% set _toc = namespace(toggle = true) %}\n'
            '    {% if page not in nav.pages %}\n'
            '      {% set _toc.toggle = false %}\n'
            '    {% elif "navigation.indexes" in features and page.parent %}\n'
            '      {% set _toc.toggle = (page.parent.children | selectattr("is_index") | first) != page %}\n'
            '    {% endif %}\n'
            '    <label class="md-nav__title" {% if _toc.toggle %}for="__toc"{% endif %}>\n',
        ),
    ],
    "partials/logo.html": [
        ('<img src="{{ config.theme.logo | url }}" alt="logo">', '<img src="{{ config.theme.logo | url }}" alt="">'),
    ],
    "partials/header.html": [
        (
            # A real menu button beside material's label, which stays for readers without scripts.
            '    <label class="md-header__button md-icon" for="__drawer">\n'
            '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
            '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
            '    </label>\n',
            '    <label class="md-header__button md-icon" for="__drawer">\n'
            '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
            '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
            '    </label>\n'
            '    <button type="button" class="md-header__button md-icon explainer-menu-button" '
            'aria-controls="__drawer_panel" aria-expanded="false" data-explainer-toggle="drawer">\n'
            '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
            "      <span class=\"visually-hidden\">{{ lang.t('nav') }}</span>\n"
            '    </button>\n',
        ),
        (
            # A real search button; material's label stays, hidden, because material's script needs it.
            '        <label class="md-header__button md-icon" for="__search">\n'
            '          {% set icon = config.theme.icon.search or "material/magnify" %}\n'
            '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
            '        </label>\n',
            '        <label class="md-header__button md-icon" for="__search" hidden>\n'
            '          {% set icon = config.theme.icon.search or "material/magnify" %}\n'
            '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
            '        </label>\n'
            '        <button type="button" class="md-header__button md-icon explainer-search-button" '
            'aria-controls="__search_dialog" aria-expanded="false" data-explainer-toggle="search">\n'
            '          {% include ".icons/" ~ icon ~ ".svg" %}\n'
            "          <span class=\"visually-hidden\">{{ lang.t('search') }}</span>\n"
            '        </button>\n',
        ),
    ],
    "partials/copyright.html": [
        (
            "  {% endif %}\n"
            "  {% if not config.extra.generator == false %}\n",
            "  {% endif %}\n"
            '  {% set statement = pages | selectattr("src_uri", "equalto", "accessibility.md") | first %}\n'
            "  {% if statement and statement.page %}\n"
            '    <div class="md-copyright__highlight">\n'
            '      <a href="{{ statement.page.url | url }}"{% if statement.page == page %} aria-current="page"'
            "{% endif %}>Accessibility statement</a>\n"
            "    </div>\n"
            "  {% endif %}\n"
            "  {% if not config.extra.generator == false %}\n",
        ),
        (
            # The owner line in place of material's "Made with Material for MkDocs".
            "  {% if not config.extra.generator == false %}\n"
            "    Made with\n"
            '    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">\n'
            "      Material for MkDocs\n"
            "    </a>\n"
            "  {% endif %}\n",
            "  {#- Who runs this copy of the site (extra.owner.name, which its accessibility statement names too), in\n"
            "      place of material's \"Made with\" line: readers need to know whose site it is, not what made it. -#}\n"
            "  {% if config.extra.owner and config.extra.owner.name %}\n"
            '    <div class="md-copyright__highlight site-owner">This website is run by {{ config.extra.owner.name }}.</div>\n'
            "  {% endif %}\n",
        ),
    ],
}

LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def without_leading_comment(text: str) -> str:
    return LEADING_COMMENT.sub("", text, count=1)


@pytest.mark.parametrize("name", sorted(MIRRORED))
def test_mirrored_template_is_material_plus_our_edits(name):
    original = (material_templates() / name).read_text(encoding="utf-8")
    expected = without_leading_comment(original)
    for old, new in MIRRORED[name]:
        assert expected.count(old) == 1, (
            f"material's {name} changed: this text is no longer there exactly once:\n{old}\n"
            f"Copy material's {name} to overrides/{name} again and re-apply the edits listed in {__name__}."
        )
        expected = expected.replace(old, new)
    ours = without_leading_comment((OVERRIDES / name).read_text(encoding="utf-8"))
    assert ours == expected, (
        f"overrides/{name} differs from material's {name} by more than the listed edits. Copy material's "
        f"file again and re-apply them, or list the new edit here with the reason in the template's comment."
    )


# Material's designated extension point: it only `extends "base.html"` and fills blocks.
EXTENDED = {"main.html"}


def test_every_override_is_checked():
    overrides = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    shadowing = {name for name in overrides - EXTENDED if (material_templates() / name).exists()}
    assert shadowing == set(MIRRORED), (
        f"templates that shadow material's but are not checked here: {sorted(shadowing - set(MIRRORED))}; "
        f"checked but missing: {sorted(set(MIRRORED) - shadowing)}"
    )


class _AttributeProblems(HTMLParser):
    """Collects the invalid-HTML patterns material 9.8.1 emits and our overrides remove (W3C Nu checker)."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.label_targets: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"line {self.getpos()[0]} <{tag} id={attributes.get('id')!r}>"
        if tag == "input" and attributes.get("type") == "checkbox" and "autocomplete" in attributes:
            self.problems.append(f"{where}: autocomplete is not allowed on a checkbox")
        if "tabindex" in attributes and not (attributes["tabindex"] or "").lstrip("-").isdigit():
            self.problems.append(f"{where}: tabindex={attributes['tabindex']!r} is not an integer")
        if attributes.get("role") == "dialog" and not (attributes.get("aria-label") or attributes.get("aria-labelledby")):
            self.problems.append(f"{where}: a dialog needs an accessible name")
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "label" and attributes.get("for"):
            self.label_targets.append((where, attributes["for"]))

    def close(self):
        super().close()
        self.problems += [f"{where}: label for={target!r} names no element" for where, target in self.label_targets
                          if target not in self.ids]


@pytest.mark.build
def test_built_pages_have_none_of_materials_invalid_attributes(site_dir):
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        parser = _AttributeProblems()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        problems += [f"{page.relative_to(site_dir)}: {p}" for p in parser.problems]
    assert not problems, "\n".join(problems)
