"""The registry of components: one line each. A component is a folder here (see component.py).

The adapter registers every component's page macros from this table, each page loads the assets of the
components it uses, and the post-build step copies those assets into the site.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from macros.components.component import Component, Macro

# Each name is a folder here whose __init__.py declares COMPONENT. The order is the order of their
# styles and scripts on a page, and of their embeds.
NAMES = (
    "timeline",
    "definitions",
    "typologies",
    "tables",
    "crosswalk",
    "cases",
    "people",
    "glossary",
    "citations",
    "course",
    "self_assessment",
    "handbook",
    "embeds",
    "downloads",
    "accessibility",
)

COMPONENTS: tuple[Component, ...] = tuple(importlib.import_module(f"{__name__}.{name}").COMPONENT for name in NAMES)


def macro_table(components: tuple[Component, ...] = COMPONENTS) -> dict[str, tuple[Component, Macro]]:
    """{macro name: (its component, the macro)}; two components may not declare the same name."""
    table: dict[str, tuple[Component, Macro]] = {}
    for component in components:
        for macro in component.macros:
            if macro.name in table:
                raise ValueError(f"macro {macro.name!r} is declared by both {table[macro.name][0].name!r} "
                                 f"and {component.name!r}")
            table[macro.name] = (component, macro)
    return table


def by_name(components: tuple[Component, ...] = COMPONENTS) -> dict[str, Component]:
    return {c.name: c for c in components}


def asset_name(component: Component, macro: Macro) -> str:
    """What a page calling `macro` notes as used: its component's name, or "component:macro" when the macro
    declares that it needs less than its component (Macro.scripts, Macro.requires)."""
    if macro.scripts is None and macro.requires is None:
        return component.name
    return f"{component.name}:{macro.name}"


def _needs(named: dict[str, Component], name: str) -> tuple[Component, tuple[str, ...], tuple[str, ...]]:
    """(the component, the files of it a page needs, the components it requires) for a name from asset_name."""
    component_name, _, macro_name = name.partition(":")
    component = named[component_name]
    if not macro_name:
        return component, (*component.styles, *component.scripts), component.requires
    macro = next(m for m in component.macros if m.name == macro_name)
    scripts = component.scripts if macro.scripts is None else macro.scripts
    return component, (*component.styles, *scripts), component.requires if macro.requires is None else macro.requires


def assets_for(used: set[str], components: tuple[Component, ...] = COMPONENTS) -> dict[str, list[str]]:
    """The site paths of the styles and scripts a page needs: those of every component it uses (names from
    asset_name, with the components they require) and of every component needed everywhere, in registry order."""
    named = by_name(components)
    files: dict[str, set[str]] = {}  # {component name: its files the page needs}
    done, todo = set(), [c.name for c in components if c.everywhere] + sorted(used)
    while todo:
        name = todo.pop()
        if name not in done:
            done.add(name)
            component, needed, requires = _needs(named, name)
            files.setdefault(component.name, set()).update(needed)
            todo.extend(requires)
    chosen = [c for c in components if c.name in files]
    return {"styles": [c.site_path(f) for c in chosen for f in c.styles if f in files[c.name]],
            "scripts": [c.site_path(f) for c in chosen for f in c.scripts if f in files[c.name]]}


def site_assets(components: tuple[Component, ...] = COMPONENTS) -> dict[str, Path]:
    """{site path: source file} of every component's scripts and styles, for the generator to publish."""
    return {path: source for c in components for path, source in c.assets.items()}
