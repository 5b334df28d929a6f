"""The glossary: key terms in plain English, and what their words become on every other page: the first use
spelled out and linked to its entry, later ones toggletips (mentions.py; toggletips.js and .css)."""

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


def unmarked_pages(content) -> frozenset[str]:
    """The pages whose glossary words are left as they are: the glossary itself and its embed, where every
    term is already beside its definition."""
    return frozenset({PAGES["glossary"], *(embed.src_uri for embed in embeds(content))})


COMPONENT = Component("glossary", Path(__file__).parent, macros=(Macro("glossary_list", glossary_list),),
                      scripts=("toggletips.js",), styles=("toggletips.css",), requires=("citations",), embeds=embeds)
