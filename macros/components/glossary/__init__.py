"""The glossary: key terms in plain English (and the tooltips their words get on every page)."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.glossary import render


def glossary_list(ctx: Context) -> str:
    return render.glossary(ctx.content, ctx.links)


COMPONENT = Component("glossary", Path(__file__).parent, macros=(Macro("glossary_list", glossary_list),), requires=("citations",))
