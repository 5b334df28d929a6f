"""Examples (cases) from the sources, as cards linked to the typology categories they illustrate."""

from __future__ import annotations

from macros.components.citations.render import cite
from macros.links import Links
from macros.local import badge
from macros.markup import inline, render, render_cards
from macros.models import Content


def _categories(refs, content: Content, links: Links):
    categories = content.categories
    return [
        (content.typologies[categories[ref].typology].name, categories[ref].name, links.category(ref))
        for ref in refs
    ]


def case_view(case, content: Content, links: Links) -> dict:
    return {
        "c": case,
        "summary": inline(case.summary),
        "lesson": inline(case.lesson),
        "quote_source": cite([case.quote_source or case.sources[0]], content, links),
        "sources": cite(case.sources, content, links),
        "people": [(content.people[p].name, links.person(p)) for p in case.people],
        "illustrates": _categories(case.illustrates, content, links),
        "contrasts": _categories(case.contrasts, content, links),
        "href": links.case(case.id),
        "badge": badge(case, content),
    }


def cases(content: Content, links: Links) -> str:
    """One card per case. md_in_html keeps each card's heading a Markdown heading, so it reaches the TOC."""
    return render_cards("case", [(case.title, case.id, render("case.html", view=case_view(case, content, links)))
                                 for case in content.cases.values()])
