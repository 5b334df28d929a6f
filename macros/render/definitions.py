"""Definitions of co-production: each quoted verbatim with its source, an at-a-glance table, and the
controls for comparing and filtering them (which definitions.js brings to life)."""

from __future__ import annotations

import re

from ..models import Content, Definition
from .citations import author_label, cite
from .links import Links
from .local import badge, badge_text
from .markup import inline, md_heading, render

NO_YEAR = "none"


def year_of(definition: Definition, content: Content) -> int | None:
    """The definition's own year, else the year of the source it is quoted from."""
    return definition.year or content.sources[definition.source].year


def decade_of(definition: Definition, content: Content) -> str:
    """'2000s', or 'none' when neither the definition nor its source gives a year."""
    year = year_of(definition, content)
    return f"{year // 10 * 10}s" if year else NO_YEAR


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def authors_of(definition: Definition, content: Content) -> list[tuple[str, str]]:
    """Who a definition is by, as (key, label): the people it names, else the author of its source."""
    if definition.people:
        return [(p, content.people[p].name) for p in definition.people]
    source = content.sources[definition.source]
    return [(_slug(author_label(source)), author_label(source))]


def definition_view(definition: Definition, content: Content, links: Links) -> dict:
    return {
        "d": definition,
        "gloss": inline(definition.gloss),
        "source": cite([definition.source], content, links),
        "via": cite([definition.via], content, links) if definition.via else "",
        "people": [(content.people[p].name, links.person(p)) for p in definition.people],
        "emphases": [content.emphases[e] for e in definition.emphases],
        "href": links.definition(definition.id),
        "year": year_of(definition, content),
        "decade": decade_of(definition, content),
        "authors": authors_of(definition, content),
        "badge": badge(definition, content),
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


def filter_options(content: Content) -> dict:
    """The choices for each filter, only those that match at least one definition, in a reader's order."""
    authors: dict[str, str] = {}
    decades: set[str] = set()
    used: set[str] = set()
    for d in content.definitions.values():
        authors.update(authors_of(d, content))
        decades.add(decade_of(d, content))
        used.update(d.emphases)
    return {
        "authors": sorted(authors.items(), key=lambda kv: kv[1].lower()),
        "decades": sorted(decades - {NO_YEAR}) + ([NO_YEAR] if NO_YEAR in decades else []),
        "emphases": [e for e in content.emphases.values() if e.id in used],
    }


def definition_compare(content: Content, links: Links) -> str:
    """The filter and compare controls. They start hidden: they only work with definitions.js."""
    return render("definition_compare.html", options=filter_options(content),
                  definitions=list(content.definitions.values()), total=len(content.definitions),
                  local_text=badge_text(content))
