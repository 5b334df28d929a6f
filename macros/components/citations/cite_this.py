""""Cite this": a Harvard-style citation of one item on this site (a definition, event, typology or case).

The partial cite_this.html is included inside other partials, which pass `cite_title` and either
`cite_href` (the item's canonical link) or `cite_anchor` (its id on the current page). The site's
name and edition year are the same everywhere, so they are a Jinja global rather than a value every
caller has to thread through.
"""

from __future__ import annotations

import os

from macros.markup import templates
from macros.site import build_date

DEFAULT_SITE_NAME = "Co-production explained"


def edition_year(environ=os.environ) -> int:
    """The year the site was built: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    return build_date(environ).year


def install(site_name: str = DEFAULT_SITE_NAME, year: int | None = None) -> None:
    """Set the site's name and year that every "Cite this" block shows."""
    templates().globals["cite_site"] = {"name": site_name, "year": year or edition_year()}


# Partials that include cite_this.html render correctly even before define_env calls install().
templates().globals.setdefault("cite_site", {"name": DEFAULT_SITE_NAME, "year": edition_year()})
