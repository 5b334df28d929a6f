"""Comparison tables (comparisons.yml): rows that can be sorted and filtered, and columns shown or hidden."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.tables import render


def comparison(ctx: Context, comparison_id: str) -> str:
    ctx.known("comparison", [comparison_id], ctx.content.comparisons)
    return render.comparison_table(render.table_view(comparison_id, ctx.content), ctx.content, ctx.links)


COMPONENT = Component(
    "tables", Path(__file__).parent, macros=(Macro("comparison", comparison),),
    scripts=("tables.js",), styles=("tables.css",), requires=("citations",))
