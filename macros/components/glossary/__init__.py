"""The glossary: key terms in plain English (and the tooltips their words get on every page)."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.embeds.render import Component as Embed
from macros.components.glossary import render
from macros.links import PAGES


def glossary_list(ctx: Context) -> str:
    return render.glossary(ctx.content, ctx.links)


def embeds(content) -> list:
    return [Embed("glossary", "Glossary of co-production", "the glossary",
                  "Key terms of co-production of public services in plain English: the glossary, ready to embed.",
                  (("glossary_list", ()),), PAGES["glossary"], "", 800)]


COMPONENT = Component("glossary", Path(__file__).parent, macros=(Macro("glossary_list", glossary_list),), requires=("citations",), embeds=embeds)
