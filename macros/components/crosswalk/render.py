"""The crosswalk: one framework's categories down the side, other frameworks across the top, a reasoned cell each."""

from __future__ import annotations

from macros.components.citations.render import cite
from macros.links import Links
from macros.markup import inline, md_heading, render
from macros.models import Content, Crosswalk

# The closed vocabulary of relations: the words a reader sees, and the order the table sorts them in.
RELATIONS = {
    "close": ("Close match", "1"),
    "partial": ("Partial overlap", "2"),
    "none": ("No link in the sources", "3"),
}


def cell_anchor(crosswalk_id: str, row: str, column: str) -> str:
    """A stable id per cell. Slugs never contain '--', so it is an unambiguous separator."""
    return f"{crosswalk_id}--{row.replace('/', '--')}--{column}"


def relation_label(relation: str) -> str:
    if relation not in RELATIONS:
        raise RuntimeError(f"Unknown crosswalk relation: {relation}")
    return RELATIONS[relation][0]


def crosswalk_view(crosswalk: Crosswalk, content: Content, links: Links) -> dict:
    categories = content.categories
    row_typology = content.typologies[crosswalk.rows[0].split("/")[0]]
    columns = [{"id": c, "name": content.typologies[c].name, "href": links.typology(c)} for c in crosswalk.columns]
    rows = []
    for ref in crosswalk.rows:
        cells = []
        for column in crosswalk.columns:
            cell = crosswalk.cell(ref, column)
            cells.append({
                "anchor": cell_anchor(crosswalk.id, ref, column),
                "relation": cell.relation,
                "label": relation_label(cell.relation),
                "sort": RELATIONS[cell.relation][1],
                "matches": [(categories[m].name, links.category(m)) for m in cell.matches],
                "reasoning": inline(cell.reasoning),
                "sources": cite(cell.sources, content, links),
            })
        rows.append({"name": categories[ref].name, "href": links.category(ref), "cells": cells})
    return {
        "x": crosswalk,
        "summary": inline(crosswalk.summary),
        "row_heading": row_typology.name,
        "row_typology_href": links.typology(row_typology.id),
        "columns": columns,
        "rows": rows,
        "relations": [label for label, _ in RELATIONS.values()],
    }


def crosswalk(crosswalk_id: str, content: Content, links: Links, heading_level: int | None = None) -> str:
    record = content.crosswalks[crosswalk_id]
    html = render("crosswalk.html", view=crosswalk_view(record, content, links))
    if heading_level is None:
        return html
    return f"{'#' * heading_level} {md_heading(record.title)} {{ #{record.id} }}\n\n{html}"


def crosswalk_glance(crosswalk_id: str, content: Content, links: Links) -> str:
    """The crosswalk in brief, for the Typologies page: each cell's match only, linking to the cell in full.

    It keeps the ids the full crosswalk had when it was shown there (its box, table, caption and every
    cell), so old links to them still land on the matching cell's link.
    """
    record = content.crosswalks[crosswalk_id]
    view = crosswalk_view(record, content, links)
    full = links.page("crosswalk")
    for row in view["rows"]:
        for cell in row["cells"]:
            cell["href"] = f"{full}#{cell['anchor']}"
    return render("crosswalk_glance.html", view=view, href=f"{full}#crosswalk-{record.id}")
