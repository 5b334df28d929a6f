"""Examples of co-production, linked to the typology categories they illustrate."""

from pathlib import Path

from macros.components.cases import render
from macros.components.component import Component, Context, Macro


def case_list(ctx: Context) -> str:
    return render.cases(ctx.content, ctx.links)


COMPONENT = Component("cases", Path(__file__).parent, macros=(Macro("case_list", case_list),), requires=("citations",))
