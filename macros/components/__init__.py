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


def assets_for(used: set[str], components: tuple[Component, ...] = COMPONENTS) -> dict[str, list[str]]:
    """The site paths of the styles and scripts a page needs: those of every component it uses (with the
    ones they require) and of every component needed everywhere, in registry order."""
    named = by_name(components)
    needed, todo = set(), [c.name for c in components if c.everywhere] + sorted(used)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(named[name].requires)
    chosen = [c for c in components if c.name in needed]
    return {"styles": [c.site_path(f) for c in chosen for f in c.styles],
            "scripts": [c.site_path(f) for c in chosen for f in c.scripts]}


def site_assets(components: tuple[Component, ...] = COMPONENTS) -> dict[str, Path]:
    """{site path: source file} of every component's scripts and styles, for the generator to publish."""
    return {path: source for c in components for path, source in c.assets.items()}
