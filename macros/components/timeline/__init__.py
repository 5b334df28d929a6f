"""The timeline: events grouped by era, with an explorer (time axis, filters, expandable events)."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro
from macros.components.embeds.render import Component as Embed
from macros.components.timeline import render
from macros.links import PAGES


def timeline_list(ctx: Context, era: str | None = None, theme: str | None = None, person: str | None = None,
                  heading_level: int = 2, explorer: bool = True, compact: bool = False) -> str:
    """The timeline grouped by era, optionally narrowed to one era, theme or person.

    `explorer=False` leaves out the time axis and filters (one explorer per page: ids would repeat).
    `compact=True` shows each event's summary and sources, linking to its full record on its era's page.
    """
    ctx.known("era", [era] if era else [], ctx.content.eras)
    ctx.known("theme", [theme] if theme else [], ctx.content.themes)
    ctx.known("person", [person] if person else [], ctx.content.people)
    return render.timeline(ctx.content, ctx.links, era=era, theme=theme, person=person,
                           heading_level=heading_level, explorer=explorer, compact=compact)


def era_guide(ctx: Context) -> str:
    """The eras at a glance: each one's title (linking to its page), years, number of events and summary."""
    return render.era_guide(ctx.content, ctx.links)


def era_page(ctx: Context, era_id: str) -> str:
    """An era's page (docs/history/<era id>.md): its heading, summary and every event in full."""
    ctx.known("era", [era_id], ctx.content.eras)
    ctx.describe(render.era_description(era_id, ctx.content))
    return render.era_page(era_id, ctx.content, ctx.links)


def embeds(content) -> list:
    return [Embed(
        "timeline", "Timeline of co-production", "the timeline",
        "The timeline of co-production of public services, with its filters, ready to embed in another site.",
        (("timeline_list", ()),), PAGES["history"], "", 900)]


COMPONENT = Component(
    "timeline", Path(__file__).parent,
    macros=(Macro("timeline_list", timeline_list), Macro("era_guide", era_guide), Macro("era_page", era_page, examples=(Example(("origins",), "history/origins.md"),))),
    scripts=("timeline.js",), styles=("timeline.css",), requires=("citations",), embeds=embeds)
