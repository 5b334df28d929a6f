"""Where each kind of record lives on the site, as URLs relative to the page being rendered."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# Page keys to their source files in docs/. Render functions name pages only through these keys.
PAGES = {
    "home": "index.md",
    "history": "history.md",
    "definitions": "definitions.md",
    "typologies": "typologies/index.md",
    "compare": "typologies/compare.md",
    "crosswalk": "typologies/crosswalk.md",
    "definitions-table": "definitions/at-a-glance.md",
    "people": "people.md",
    "examples": "examples.md",
    "sources": "sources.md",
    "glossary": "glossary.md",
    "about": "about.md",
    "open-data": "open-data.md",
    "learn": "learn/index.md",
    "learn-log": "learn/log.md",
    "self-assessment": "self-assessment.md",
}

# Records that may have a page of their own: docs/<folder>/<id>.md, a small file that calls the record's
# macro once, e.g. docs/definitions/quilligan.md holds {{ definition_page('quilligan') }}. A record with no
# such page (a council's local record, or one just added) is shown in full on its collection's page, at
# its anchor there. Kind (a key of PAGES) -> (folder in docs/, the macro the page calls).
RECORD_PAGES = {
    "definitions": ("definitions", "definition_page"),
    "typologies": ("typologies", "typology_page"),
}


def record_page_id(kind: str, markdown: str) -> str | None:
    """The record id a page's Markdown shows with its kind's macro, e.g. 'quilligan'; None if it calls none."""
    macro = RECORD_PAGES[kind][1]
    found = re.search(r"\{\{\s*" + macro + r"\(\s*(['\"])([^'\"]*)\1\s*\)\s*\}\}", markdown)
    return found.group(2) if found else None


@dataclass(frozen=True)
class Links:
    """Builds links from the current page. `root` is the relative path from that page to the site root.

    `own_pages` holds (kind, id) for each record with a page of its own (see RECORD_PAGES); every other
    record is linked at its anchor on its collection's page.
    """

    root: str = ""
    directory_urls: bool = True
    own_pages: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def for_page(cls, page_url: str, directory_urls: bool = True,
                 own_pages: frozenset[tuple[str, str]] = frozenset()) -> Links:
        depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
        if not directory_urls and page_url and not page_url.endswith("/"):
            depth -= 1  # 'history.html' sits in the root folder
        return cls("../" * depth, directory_urls, frozenset(own_pages))

    def has_page(self, kind: str, record_id: str) -> bool:
        return (kind, record_id) in self.own_pages

    def record(self, kind: str, record_id: str, anchor: str | None = None) -> str:
        """A record's canonical place: its own page (at `anchor`, if given), else `anchor` (or its id) on its
        collection's page."""
        if self.has_page(kind, record_id):
            page = self.src(f"{RECORD_PAGES[kind][0]}/{record_id}.md")
            return f"{page}#{anchor}" if anchor else page
        return self.to(kind, anchor or record_id)

    def page(self, key: str) -> str:
        return self.src(PAGES[key])

    def src(self, source_path: str) -> str:
        """The page built from a source file in docs/ ("learn/origins.md")."""
        path = source_path.removesuffix(".md")
        if self.directory_urls:
            path = "" if path == "index" else path.removesuffix("/index").removesuffix("index") + "/"
            return (self.root + path) or "./"
        return self.root + path + ".html"

    def to(self, key: str, anchor: str) -> str:
        return f"{self.page(key)}#{anchor}"

    def source(self, source_id: str) -> str:
        return self.to("sources", source_id)

    def person(self, person_id: str) -> str:
        return self.to("people", person_id)

    def event(self, event_id: str) -> str:
        return self.to("history", event_id)

    def definition(self, definition_id: str) -> str:
        return self.record("definitions", definition_id)

    def typology(self, typology_id: str) -> str:
        return self.record("typologies", typology_id)

    def category(self, ref: str) -> str:
        return self.record("typologies", ref.split("/")[0], ref.replace("/", "--"))

    def case(self, case_id: str) -> str:
        return self.to("examples", case_id)

    def term(self, term_id: str) -> str:
        return self.to("glossary", term_id)

    def module(self, module_id: str) -> str:
        """A course module's page, docs/learn/<id>.md."""
        return self.src(f"learn/{module_id}.md")


# An href or src attribute, as the templates write them (double quotes); not data-href, which a script reads.
_LINK_ATTRIBUTE = re.compile(r'(?<![\w-])((?:href|src)=")([^"]*)(")')
# A whole output that is one page's address, as Links writes it ('../glossary/', 'sources.html#x'): what
# page_link gives a page to put in its own raw HTML, <a href="{{ page_link('glossary') }}">.
_ADDRESS = re.compile(r"(?:\./|(?:\.\./)*[\w./-]*(?:/|\.html))(?:#[\w-]*)?")


def from_source_folder(markup: str, page_url: str, src_uri: str) -> str:
    """`markup`'s relative href and src addresses, written from the page's address, rewritten from its source's folder.

    Zensical resolves every relative href and src, raw HTML included, from the folder of the page's source file
    and then rewrites it for the page's address; mkdocs leaves raw HTML alone. So on a page such as history.md
    (built at history/), Zensical would turn our '../data/x.csv' into '../../data/x.csv'; given 'data/x.csv',
    it writes '../data/x.csv'. Text and data- attributes, which no generator rewrites, keep the page's address.
    A `markup` that is only an address (page_link's, for a page's own href) is rebased as one.
    """
    url_folder, src_folder = posixpath.dirname(page_url.lstrip("/")), posixpath.dirname(src_uri)
    if url_folder == src_folder:
        return markup  # index.md pages: both folders are the same

    def rebase(address: str) -> str:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return address  # another site, an anchor on this page, or an address from the site's root
        path = posixpath.relpath(posixpath.normpath(posixpath.join(url_folder, parts.path)), src_folder or ".")
        if parts.path.endswith("/"):
            path = "./" if path == "." else path + "/"
        return urlunsplit(("", "", path, parts.query, parts.fragment))

    def attribute(found: re.Match) -> str:
        address = rebase(html.unescape(found.group(2)))
        return found.group(1) + address.replace("&", "&amp;").replace('"', "&quot;") + found.group(3)

    if _ADDRESS.fullmatch(markup):
        return rebase(markup)
    return _LINK_ATTRIBUTE.sub(attribute, markup)
