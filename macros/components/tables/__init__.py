"""Comparison tables (comparisons.yml): rows that can be sorted and filtered, and columns shown or hidden."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro
from macros.components.embeds.render import Component as Embed
from macros.components.tables import render
from macros.links import PAGES


def comparison(ctx: Context, comparison_id: str) -> str:
    ctx.known("comparison", [comparison_id], ctx.content.comparisons)
    return render.comparison_table(render.table_view(comparison_id, ctx.content), ctx.content, ctx.links)


def embeds(content) -> list:
    return [Embed(f"comparison-{c.id}", c.title, "this table",
                  f"{c.title}: the comparison table with its sources, ready to embed in another site.",
                  (("comparison", (c.id,)),), PAGES["compare"], f"table-{c.id}", 700)
            for c in content.comparisons.values()]


COMPONENT = Component(
    "tables", Path(__file__).parent, macros=(Macro("comparison", comparison, examples=(Example(("approaches",), "typologies/compare.md"),)),),
    scripts=("tables.js",), styles=("tables.css",), requires=("citations",), embeds=embeds)
