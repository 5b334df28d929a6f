"""The glossary: key terms in plain English (and the tooltips their words get on every page)."""

from pathlib import Path

from macros.components.component import Component, Context, Macro
from macros.components.embeds.render import Component as Embed
from macros.components.glossary import render


def glossary_list(ctx: Context) -> str:
    return render.glossary(ctx.content, ctx.links)


def embeds(content, page_of) -> list:
    return [Embed("glossary", "Glossary of co-production", "the glossary",
                  "Key terms of co-production of public services in plain English: the glossary, ready to embed.",
                  "{{ glossary_list() }}", page_of("glossary_list()", "glossary"), "", 800)]


COMPONENT = Component("glossary", Path(__file__).parent, macros=(Macro("glossary_list", glossary_list),), requires=("citations",), embeds=embeds)
