"""People: short biographies as cards, linked to the events, definitions, examples and sources that involve them."""

from __future__ import annotations

from macros.components.citations.render import in_text, reference_text
from macros.links import Links
from macros.local import with_badge
from macros.markup import inline, render, render_cards
from macros.models import Content


def person_view(person, content: Content, links: Links) -> dict:
    return {
        "p": person,
        "bio": inline(person.bio),
        "events": [(e.date.label, with_badge(e.title, e, content), links.event(e.id))
                   for e in content.events_of(person.id)],
        "definitions": [(with_badge(d.label, d, content), links.definition(d.id))
                        for d in content.definitions_of(person.id)],
        "cases": [(with_badge(c.title, c, content), links.case(c.id)) for c in content.cases_of(person.id)],
        "typologies": [(t.name, links.typology(t.id)) for t in content.typologies.values() if person.id in t.people],
        "sources": [(in_text(s), s.title, links.source(s.id), reference_text(s)) for s in content.sources_of(person.id)],
    }


def people(content: Content, links: Links) -> str:
    """One card per person, by surname. md_in_html keeps each heading a Markdown heading for the TOC."""
    return render_cards("person", [
        (person.name, person.id, render("person.html", view=person_view(person, content, links)))
        for person in sorted(content.people.values(), key=lambda p: p.sort_name.lower())])
