"""The people the sources credit, with a short bio and where they appear."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.people import render


def people_list(ctx: Context) -> str:
    return render.people(ctx.content, ctx.links)


COMPONENT = Component("people", Path(__file__).parent, macros=(Macro("people_list", people_list),), requires=("citations",))
