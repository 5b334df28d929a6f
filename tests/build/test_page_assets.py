"""Each page loads the base plus the scripts and styles of the components it uses, and no others."""

import re

import pytest

from macros.components import COMPONENTS, asset_name, assets_for, macro_table
from tests.conftest import ROOT

pytestmark = pytest.mark.build

MACRO_CALL = re.compile(r"\{\{\s*([a-z_]+)\s*\(")
ASSET = re.compile(r'(?:src|href)="((?:\.\./)*assets/components/[^"]+)"')


def loaded(html: str) -> set[str]:
    return {re.sub(r"^(\.\./)+", "", path) for path in ASSET.findall(html)}


def pages(site_dir):
    """(source page, built page) for every documentation page."""
    for source in sorted((ROOT / "docs").rglob("*.md")):
        rel = source.relative_to(ROOT / "docs").with_suffix("")
        built = site_dir / ("index.html" if rel.as_posix() == "index" else
                            (rel.parent if rel.name == "index" else rel) / "index.html")
        yield source, built


def test_a_page_loads_exactly_the_assets_of_the_macros_it_calls(site_dir, content):
    table = macro_table()
    checked = 0
    for source, built in pages(site_dir):
        markdown = source.read_text(encoding="utf-8")
        used = {asset_name(*table[name]) for name in MACRO_CALL.findall(markdown) if name in table}
        if "module_prose(" in markdown:  # the handbook shows each module page's prose, with its macros
            for module in (ROOT / "docs" / "learn" / f"{m}.md" for m in content.modules):
                used |= {asset_name(*table[n]) for n in MACRO_CALL.findall(module.read_text(encoding="utf-8")) if n in table}
        page = built.read_text(encoding="utf-8")
        if 'class="glossary-tip"' in page:  # a glossary toggletip, which any page's text may have
            used.add("glossary")
        expected = assets_for(used)
        got = loaded(page)
        if "module_prose(" not in markdown:
            assert got == set(expected["styles"]) | set(expected["scripts"]), source
        else:
            assert got >= set(expected["styles"]), source
        checked += 1
    assert checked > 60


def test_the_home_page_loads_no_component_it_does_not_show(site_dir):
    home = loaded((site_dir / "index.html").read_text(encoding="utf-8"))
    for name in ("timeline", "definitions", "tables", "course", "handbook"):
        assert not any(f"/{name}/" in path for path in home), (name, home)


def _own_classes() -> dict[str, set[str]]:
    """Class names only one component's partials write, by component (those with styles of their own)."""
    found: dict[str, set[str]] = {}
    for component in COMPONENTS:
        for partial in component.folder.glob("*.html"):
            for value in re.findall(r'class="([^"{}]*)"', partial.read_text(encoding="utf-8")):
                found.setdefault(component.name, set()).update(value.split())
    owners: dict[str, list[str]] = {}
    for name, classes in found.items():
        for cls in classes:
            owners.setdefault(cls, []).append(name)
    styled = {c.name for c in COMPONENTS if c.styles}
    return {name: {cls for cls in classes if owners[cls] == [name]} for name, classes in found.items() if name in styled}


def test_a_page_showing_a_components_markup_loads_its_styles(site_dir):
    """Markup of one component inside another's (a "Cite this" box in an event) needs `requires`."""
    own = _own_classes()
    styles = {c.name: {c.site_path(f) for f in c.styles} for c in COMPONENTS}
    for built in sorted(site_dir.rglob("*.html")):
        html = built.read_text(encoding="utf-8")
        classes = {cls for value in re.findall(r'class="([^"]*)"', html) for cls in value.split()}
        for name, owned in own.items():
            if classes & owned:
                assert styles[name] <= loaded(html), (built.relative_to(site_dir).as_posix(), name,
                                                      sorted(classes & owned)[:3])


def everywhere() -> set[str]:
    """The assets of the components on every page (the "Reuse this page" area's citations and embed control)."""
    return {c.site_path(f) for c in COMPONENTS if c.everywhere for f in (*c.styles, *c.scripts)}


def test_a_page_with_no_component_loads_only_those_on_every_page(site_dir):
    about = (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
    assert not MACRO_CALL.search(about)
    assert loaded((site_dir / "about" / "index.html").read_text(encoding="utf-8")) == everywhere()


def test_the_timeline_page_loads_the_timelines_assets_and_no_others(site_dir):
    got = loaded((site_dir / "history" / "origins" / "index.html").read_text(encoding="utf-8"))
    assert got - everywhere() == {"assets/components/timeline/timeline.css", "assets/components/timeline/timeline.js"}


def test_a_definition_quoted_on_a_module_page_brings_its_styles_not_the_compare_tools(site_dir):
    got = loaded((site_dir / "learn" / "what-it-is" / "index.html").read_text(encoding="utf-8"))
    assert "assets/components/definitions/definitions.css" in got
    assert not {"assets/components/definitions/definitions.js", "assets/components/tables/tables.js"} & got
    compare = loaded((site_dir / "definitions" / "index.html").read_text(encoding="utf-8"))
    assert "assets/components/definitions/definitions.js" in compare
