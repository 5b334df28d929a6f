"""Crosswalks: how one framework lines up with the others, cell by cell."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro
from macros.components.crosswalk import render
from macros.components.embeds.render import Component as Embed
from macros.links import PAGES


def crosswalk(ctx: Context, crosswalk_id: str) -> str:
    """A crosswalk matrix from crosswalk.yml: each cell's match, reasoning and sources."""
    ctx.known("crosswalk", [crosswalk_id], ctx.content.crosswalks)
    return render.crosswalk(crosswalk_id, ctx.content, ctx.links)


def crosswalk_glance(ctx: Context, crosswalk_id: str) -> str:
    """The crosswalk in brief (one word of match per cell), each cell linking to it on the crosswalk page."""
    ctx.known("crosswalk", [crosswalk_id], ctx.content.crosswalks)
    return render.crosswalk_glance(crosswalk_id, ctx.content, ctx.links)


def embeds(content) -> list:
    return [Embed(f"crosswalk-{c.id}", c.title, "this crosswalk",
                  f"{c.title}: the crosswalk between frameworks, cell by cell, ready to embed in another site.",
                  (("crosswalk", (c.id,)),), PAGES["crosswalk"], f"crosswalk-{c.id}", 800)
            for c in content.crosswalks.values()]


COMPONENT = Component(
    "crosswalk", Path(__file__).parent,
    macros=(Macro("crosswalk", crosswalk, examples=(Example(("levels-by-framework",), "typologies/crosswalk.md"),)), Macro("crosswalk_glance", crosswalk_glance, examples=(Example(("levels-by-framework",), "typologies/index.md"),))),
    # The crosswalk is a comparison table: tables.js sorts and filters it, with the tables' styles.
    requires=("tables", "citations"), embeds=embeds)
