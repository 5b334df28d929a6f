"""Typologies: each framework with its categories, their sources and the examples that illustrate them."""

from __future__ import annotations

from ..models import Content, Typology
from .citations import cite
from .links import Links
from .local import with_badge
from .markup import inline, md_heading, render


def typology_view(typology: Typology, content: Content, links: Links) -> dict:
    categories = []
    for category in typology.categories:
        categories.append({
            "c": category,
            "anchor": category.ref.replace("/", "--"),
            "description": inline(category.description),
            "quote_source": cite([category.quote_source or typology.sources[0]], content, links),
            "cases": [(with_badge(c.title, c, content), links.case(c.id))
                      for c in content.cases_illustrating(category.ref)],
            "contrasts": [(with_badge(c.title, c, content), links.case(c.id))
                          for c in content.cases_contrasting(category.ref)],
        })
    return {
        "t": typology,
        "summary": inline(typology.summary),
        "sources": cite(typology.sources, content, links),
        "people": [(content.people[p].name, links.person(p)) for p in typology.people],
        "categories": categories,
    }


def typology(typology_id: str, content: Content, links: Links, heading_level: int = 2) -> str:
    record = content.typologies[typology_id]
    heading = f"{'#' * heading_level} {md_heading(record.name)} {{ #{record.id} }}"
    return heading + "\n\n" + render("typology.html", view=typology_view(record, content, links))


def typologies(content: Content, links: Links) -> str:
    return "\n\n".join(typology(t, content, links) for t in content.typologies)


def typology_index(content: Content, links: Links) -> str:
    items = [{"t": t, "summary": inline(t.summary), "href": links.typology(t.id)} for t in content.typologies.values()]
    return render("typology_index.html", items=items)
