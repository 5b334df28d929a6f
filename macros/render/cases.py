"""Examples (cases) from the sources, each linked to the typology categories it illustrates."""

from __future__ import annotations

from ..models import Content
from .citations import cite
from .links import Links
from .markup import inline, md_heading, render


def _categories(refs, content: Content, links: Links):
    categories = content.categories
    return [
        (content.typologies[categories[ref].typology].name, categories[ref].name, links.category(ref))
        for ref in refs
    ]


def cases(content: Content, links: Links) -> str:
    parts = []
    for case in content.cases.values():
        view = {
            "c": case,
            "summary": inline(case.summary),
            "lesson": inline(case.lesson),
            "quote_source": cite([case.quote_source or case.sources[0]], content, links),
            "sources": cite(case.sources, content, links),
            "people": [(content.people[p].name, links.person(p)) for p in case.people],
            "illustrates": _categories(case.illustrates, content, links),
            "contrasts": _categories(case.contrasts, content, links),
        }
        parts.append(f"## {md_heading(case.title)} {{ #{case.id} }}\n\n" + render("case.html", view=view))
    return "\n\n".join(parts)
