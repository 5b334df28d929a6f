"""Links to the open-data downloads: one line on each data page, and the table on the Open data page.

The files exist only in the built site (written after the build), so these links are raw HTML that
mkdocs does not try to resolve; tests/build/test_open_data.py checks that each one resolves.
"""

from __future__ import annotations

from macros.links import Links
from macros.markup import render


def _csv_links(download, links: Links) -> list[tuple[str, str]]:
    """The records' table as 'CSV', then each nested table by its field: 'CSV (categories)'."""
    labelled = [("CSV", links.root + download.csv[0])]
    for path in download.csv[1:]:
        field = path.rsplit("-", 1)[-1].removesuffix(".csv")
        labelled.append((f"CSV ({field})", links.root + path))
    return labelled


def _view(download, links: Links) -> dict:
    return {"d": download, "json": links.root + download.json, "csv": _csv_links(download, links),
            "schema": links.root + download.schema}


def download_line(found: list, links: Links) -> str:
    """'Download this data: …' for the downloads given (objects shaped like exports.Download)."""
    return render("downloads.html", views=[_view(d, links) for d in found],
                  open_data=links.page("open-data"))


def open_data_table(found: list, shared_schemas: list[str], readme: str, links: Links) -> str:
    return render("open_data_table.html", views=[_view(d, links) for d in found],
                  shared=[(path.rsplit("/", 1)[-1], links.root + path) for path in shared_schemas],
                  readme=links.root + readme)
