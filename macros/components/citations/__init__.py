"""Citations: in-text Harvard citations, the bibliography with its backlinks, and "Cite this" for every page and item.

Its script and styles are on every page: each page ends with a "Reuse this page" area (macros/postbuild/reuse.py)
whose citations cite.js gives their copy buttons.
"""

from pathlib import Path

from macros.components.citations import render
from macros.components.component import Component, Context, Example, Macro


def cite(ctx: Context, *source_ids: str) -> str:
    """An inline citation, e.g. {{ cite('seed-bussu-2014') }}, linking to the bibliography."""
    ctx.known("source", source_ids, ctx.content.sources)
    return str(render.cite(source_ids, ctx.content, ctx.links))


def bibliography(ctx: Context) -> str:
    return render.bibliography(ctx.content, ctx.links)


def page_link(ctx: Context, key: str) -> str:
    """The URL of a site page by its key in macros/links.py, relative to the current page."""
    return ctx.links.page(key)


COMPONENT = Component(
    "citations", Path(__file__).parent,
    macros=(Macro("cite", cite, examples=(Example(("seed-bussu-2014",)),)), Macro("bibliography", bibliography),
            Macro("page_link", page_link, examples=(Example(("glossary",)),))),
    scripts=("cite.js",), styles=("cite.css", "reuse.css"), everywhere=True)
