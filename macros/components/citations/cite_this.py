""""Cite this": each item's quiet link to its citation in the page's "Reuse this page" area.

The partial cite_this.html is included inside other partials (a definition, event, typology or case), which
pass `cite_title` and either `cite_href` (the item's canonical link) or `cite_anchor` (its id on the current
page). It writes only a link; the citations themselves, with their copy buttons, are gathered at the end of the
page after the build (macros/postbuild/reuse.py), so a page of 28 events shows one area rather than 28 boxes.
The site's name and edition year are the same everywhere: the post-build step reads them from the settings;
`cite_site` stays a Jinja global for the partials that print the site's own citation.
"""

from __future__ import annotations

import os
import re

from macros.markup import templates
from macros.site import build_date

DEFAULT_SITE_NAME = "Co-production explained"
ENTRY_PREFIX = "cite-"


def edition_year(environ=os.environ) -> int:
    """The year the site was built: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    return build_date(environ).year


def entry_id(link: str) -> str:
    """The id of an item's citation in the Reuse area, from the item's address: 'cite-' and its fragment, or
    else its own page's name ('../definitions/quilligan/' and 'quilligan.html' both give 'cite-quilligan')."""
    path, _, fragment = link.partition("#")
    name = fragment or path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
    return ENTRY_PREFIX + (re.sub(r"[^\w-]", "-", name) or "page")


def install(site_name: str = DEFAULT_SITE_NAME, year: int | None = None) -> None:
    """Set the site's name and year for the partials that print them."""
    templates().globals["cite_site"] = {"name": site_name, "year": year or edition_year()}


# Partials that include cite_this.html render correctly even before define_env calls install().
templates().globals.setdefault("cite_site", {"name": DEFAULT_SITE_NAME, "year": edition_year()})
templates().globals["cite_entry_id"] = entry_id
