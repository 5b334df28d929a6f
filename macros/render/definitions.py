"""Definitions of co-production: each quoted verbatim with its source, plus an at-a-glance table."""

from __future__ import annotations

from ..models import Content, Definition
from .citations import cite
from .links import Links
from .markup import inline, md_heading, render


def definition_view(definition: Definition, content: Content, links: Links) -> dict:
    return {
        "d": definition,
        "gloss": inline(definition.gloss),
        "source": cite([definition.source], content, links),
        "via": cite([definition.via], content, links) if definition.via else "",
        "people": [(content.people[p].name, links.person(p)) for p in definition.people],
        "emphases": [content.emphases[e] for e in definition.emphases],
        "href": links.definition(definition.id),
    }


def definition_entry(definition: Definition, content: Content, links: Links, heading_level: int = 2) -> str:
    heading = f"{'#' * heading_level} {md_heading(definition.label)} {{ #{definition.id} }}"
    return heading + "\n\n" + render("definition.html", view=definition_view(definition, content, links))


def definitions(content: Content, links: Links, ids: list[str] | None = None) -> str:
    chosen = [content.definitions[i] for i in ids] if ids else list(content.definitions.values())
    return "\n\n".join(definition_entry(d, content, links) for d in chosen)


def definitions_table(content: Content, links: Links) -> str:
    views = [definition_view(d, content, links) for d in content.definitions.values()]
    return render("definitions_table.html", views=views, emphases=list(content.emphases.values()))
