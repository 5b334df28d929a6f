"""Typologies: each framework with its categories, their sources and the examples that illustrate them.

Each framework has a page of its own (docs/typologies/<id>.md calls typology_page). The Typologies page
keeps a guide (which framework answers which question) and a short entry for each framework: its name,
its summary and the names of its categories, each linking to the framework's page. A framework with no
page of its own is shown there in full instead.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.components.citations.render import cite
from macros.links import Links
from macros.local import with_badge
from macros.markup import inline, md_heading, render
from macros.models import Content, Typology


def category_anchor(ref: str) -> str:
    return ref.replace("/", "--")


def typology_view(typology: Typology, content: Content, links: Links) -> dict:
    categories = []
    for category in typology.categories:
        categories.append({
            "c": category,
            "anchor": category_anchor(category.ref),
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
        "href": links.typology(typology.id),
    }


def _heading(record: Typology, level: int) -> str:
    return f"{'#' * level} {md_heading(record.name)} {{ #{record.id} }}"


def typology(typology_id: str, content: Content, links: Links, heading_level: int = 2) -> str:
    """A framework in full under its heading: summary, sources, Cite this and the table of its categories."""
    record = content.typologies[typology_id]
    view = typology_view(record, content, links)
    return _heading(record, heading_level) + "\n\n" + render("typology.html", view=view)


def typologies(content: Content, links: Links) -> str:
    return "\n\n".join(typology(t, content, links) for t in content.typologies)


def crosswalks_of(typology_id: str, content: Content) -> list:
    """The crosswalks a framework takes part in, as their rows or as a column."""
    return [x for x in content.crosswalks.values()
            if typology_id in x.columns or any(r.split("/")[0] == typology_id for r in x.rows)]


def typology_page(typology_id: str, content: Content, links: Links) -> str:
    """A framework's own page: its name as the title, the framework in full, and where to go next."""
    record = content.typologies[typology_id]
    return _heading(record, 1) + "\n\n" + render(
        "typology_page.html", view=typology_view(record, content, links), total=len(content.typologies),
        all_href=links.page("typologies"), crosswalks=crosswalks_of(typology_id, content),
        crosswalk_href=links.page("crosswalk"))


def page_description(record: Typology) -> str:
    """The meta description of a framework's own page."""
    summary = " ".join(inline(record.summary).striptags().split())
    return f"{record.name}: a framework for telling kinds of co-production apart. {summary}"


def typology_index(content: Content, links: Links, heading_level: int = 3) -> str:
    """One short entry per framework, under its old anchor: name, summary and categories, each a link.

    The categories keep their old anchors too (levels--descriptive), so old links into this page still
    land on the framework they name. A framework with no page of its own is shown here in full.
    """
    parts = []
    for t in content.typologies.values():
        if not links.has_page("typologies", t.id):
            parts.append(typology(t.id, content, links, heading_level))
            continue
        parts.append(render("typology_index.html", t=t, level=heading_level, href=links.typology(t.id),
                            summary=inline(t.summary),
                            categories=[(category_anchor(c.ref), c.name, links.category(c.ref))
                                        for c in t.categories]))
    return "\n\n".join(parts)


def typology_link(typology_id: str, content: Content, links: Links) -> Markup:
    record = content.typologies[typology_id]
    return Markup('<a href="{}">{}</a>').format(links.typology(record.id), record.name)


def typology_guide(questions, content: Content, links: Links) -> str:
    """'Which framework answers which question': `questions` is a list of (question, typology id), written on
    the page; each framework's name and link come from the data."""
    rows = [{"question": question, "link": typology_link(typology_id, content, links)}
            for question, typology_id in questions]
    return render("typology_guide.html", rows=rows)
