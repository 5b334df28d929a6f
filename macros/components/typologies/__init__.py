"""Typologies: the frameworks and their categories, each on a page of its own."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro
from macros.components.definitions import check_record_page
from macros.components.typologies import render


def typology(ctx: Context, typology_id: str) -> str:
    ctx.known("typology", [typology_id], ctx.content.typologies)
    return render.typology(typology_id, ctx.content, ctx.links)


def typology_list(ctx: Context) -> str:
    return render.typologies(ctx.content, ctx.links)


def typology_index(ctx: Context) -> str:
    """One short entry per framework (its own page has the rest); a framework with no page, in full."""
    return render.typology_index(ctx.content, ctx.links)


def typology_page(ctx: Context, typology_id: str) -> str:
    """A framework's own page, docs/typologies/<id>.md: the framework in full."""
    ctx.known("typology", [typology_id], ctx.content.typologies)
    check_record_page(ctx, "typologies", "typology", typology_id)
    ctx.describe(render.page_description(ctx.content.typologies[typology_id]))
    return render.typology_page(typology_id, ctx.content, ctx.links)


def typology_guide(ctx: Context, questions) -> str:
    """Which framework answers which question: [[question, typology id], ...], written on the page."""
    ctx.known("typology", [t for _, t in questions], ctx.content.typologies)
    return render.typology_guide(questions, ctx.content, ctx.links)


COMPONENT = Component(
    "typologies", Path(__file__).parent,
    macros=(Macro("typology", typology, examples=(Example(("levels",)),)), Macro("typology_list", typology_list),
            Macro("typology_index", typology_index), Macro("typology_page", typology_page, examples=(Example(("levels",), "typologies/levels.md"),)),
            Macro("typology_guide", typology_guide, examples=(Example(([["How deep does the change go?", "levels"]],)),))), requires=("tables", "citations"))
