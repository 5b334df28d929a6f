"""Comparison tables as typed objects: rows and columns from data, rendered with caption and header scopes."""

from __future__ import annotations

from dataclasses import dataclass

from macros.components.citations.render import cite
from macros.links import Links
from macros.markup import inline, render
from macros.models import Comparison, Content


@dataclass(frozen=True)
class TableView:
    """A comparison ready to render. Rows can be filtered or reordered before rendering."""

    comparison: Comparison
    rows: tuple

    def only(self, row_ids: list[str]) -> TableView:
        return TableView(self.comparison, tuple(r for r in self.rows if r.id in row_ids))

    def sorted_by(self, column_id: str) -> TableView:
        index = [c.id for c in self.comparison.columns].index(column_id)
        return TableView(self.comparison, tuple(sorted(self.rows, key=lambda r: r.cells[index].lower())))


def table_view(comparison_id: str, content: Content) -> TableView:
    comparison = content.comparisons[comparison_id]
    return TableView(comparison, comparison.rows)


def comparison_table(view: TableView, content: Content, links: Links) -> str:
    rows = [
        {"row": row, "cells": [inline(cell) for cell in row.cells], "sources": cite(row.sources, content, links),
         "term_href": links.term(row.glossary) if row.glossary else None}
        for row in view.rows
    ]
    return render("comparison_table.html", comparison=view.comparison, rows=rows)
