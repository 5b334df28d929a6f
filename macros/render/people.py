"""People: short biographies with links to the events, definitions, examples and sources that involve them."""

from __future__ import annotations

from ..models import Content
from .citations import in_text
from .links import Links
from .markup import inline, md_heading, render


def people(content: Content, links: Links) -> str:
    parts = []
    for person in sorted(content.people.values(), key=lambda p: p.sort_name.lower()):
        view = {
            "p": person,
            "bio": inline(person.bio),
            "events": [(e.date.label, e.title, links.event(e.id)) for e in content.events_of(person.id)],
            "definitions": [(d.label, links.definition(d.id)) for d in content.definitions_of(person.id)],
            "cases": [(c.title, links.case(c.id)) for c in content.cases_of(person.id)],
            "typologies": [(t.name, links.typology(t.id)) for t in content.typologies.values() if person.id in t.people],
            "sources": [(in_text(s), s.title, links.source(s.id)) for s in content.sources_of(person.id)],
        }
        parts.append(f"## {md_heading(person.name)} {{ #{person.id} }}\n\n" + render("person.html", view=view))
    return "\n\n".join(parts)
