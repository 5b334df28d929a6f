"""Every page macro of every component, called as its declared examples call it, with the site's own data.

A macro that takes arguments must declare examples (a call without them fails here), so each component
carries its own fixtures and a new macro is tried before any page uses it."""

import re
from pathlib import Path

import pytest

from macros.components import COMPONENTS
from macros.components.component import Build, Context, PageInfo

ROOT = Path(__file__).resolve().parents[2]
CASES = [(c, m, e) for c in COMPONENTS for m in c.macros for e in m.examples]


@pytest.fixture(scope="module")
def build(content):
    import yaml

    pages = {p.relative_to(ROOT / "docs").as_posix(): p.read_text(encoding="utf-8")
             for p in sorted((ROOT / "docs").rglob("*.md"))}
    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV values (the site's address) are not needed here
        pass

    Loader.add_constructor("!ENV", lambda loader, node: "")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    made = Build(content, site_name="Co-production explained", pages=pages, config=config, config_file="mkdocs.yml",
                 build_day="14 November 2023",
                 schemas={p.name: p.read_bytes() for p in (ROOT / "data" / "schemas").glob("*.schema.json")},
                 # The generator renders the macro calls in a module's prose; here they are only dropped.
                 render_markdown=lambda text: re.sub(r"\{\{.*?\}\}", "", text, flags=re.DOTALL))
    for component in COMPONENTS:
        if component.prepare:
            made.states[component.name] = component.prepare(made)
    return made


@pytest.mark.parametrize(("component", "macro", "example"), CASES,
                         ids=[f"{c.name}.{m.name}{e.args!r}"[:80] for c, m, e in CASES])
def test_each_example_renders(build, component, macro, example):
    url = "" if example.page == "index.md" else example.page.removesuffix(".md").removesuffix("index") + "/"
    page = PageInfo(example.page, url.replace("//", "/"), {})
    out = macro.function(Context(build, page, build.pages.get(example.page, "")), *example.args)
    assert isinstance(out, str) and out.strip(), f"{component.name}.{macro.name} gave nothing"
    assert "{{" not in out and "{%" not in out, "template syntax left in the output"


def test_every_component_with_macros_has_an_example_of_each():
    for component in COMPONENTS:
        for macro in component.macros:
            assert macro.examples, f"{component.name}.{macro.name} has no example"

