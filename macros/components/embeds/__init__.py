"""Embeddable views for councils' intranets: each page and component without the site's chrome, and the
"Embed this" control with its copy-and-paste snippet (on every page, so its script is too)."""

from pathlib import Path

from macros.components.component import Build, Component, Context, Example, Macro
from macros.components.embeds import render


def embeddable(build: Build) -> dict:
    return {c.slug: c for c in render.components(build.content)}


def embed_this(ctx: Context, kind: str, record_id: str | None = None) -> str:
    """The "Embed this" control for a component's embed, e.g. embed_this("comparison", "approaches")."""
    slug = f"{kind}-{record_id}" if record_id else kind
    found = ctx.state("embeds")
    ctx.known("embeddable view", [slug], found)
    component = found[slug]
    return render.embed_control(
        label=component.label, title=component.title, site_name=ctx.build.site_name,
        src=render.component_url(slug, ctx.build.directory_urls), height=component.height, links=ctx.links,
        site_url=ctx.build.site_url)


COMPONENT = Component(
    "embeds", Path(__file__).parent, macros=(Macro("embed_this", embed_this, examples=(Example(("timeline",), "history.md"),)),),
    scripts=("embed-this.js",), styles=("embed.css",), everywhere=True, prepare=embeddable,
    # embed.js runs only in embeds (overrides/embed.html); embed-host.js keeps the address councils paste.
    files={"assets/components/embeds/embed.js": "embed.js", render.HOST_SCRIPT: "embed-host.js"})
