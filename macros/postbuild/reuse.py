"""The "Reuse this page" area: one per page, at the end of its article, made from the built page.

It gathers what a reader needs to reuse the page: its citation, the data it shows ("Download the data"), the
"Embed this page" control and the controls of the components on it, and the citation of each item on it
(definitions, events, frameworks, examples). The macros leave those parts in the page: the downloads and the
components' "Embed this" controls where the page calls them, which are moved here; and each item's quiet
"Cite this" link (citations/cite_this.html), whose data- attributes name the item, which stays where it is
and links to the item's citation here. An embed gets only the items' citations, so its links still land.

Made after the build, like the embed control, so it needs no generator's templates and stays out of the
search index (the index is written first), where 161 copies of the same words would crowd the results.
The markup it moves is our own partials', each with a fixed opening tag and no element of its kind nested
inside, so plain patterns find it whole.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from macros.components.citations.cite_this import DEFAULT_SITE_NAME, ENTRY_PREFIX

TEMPLATE = "reuse.html"  # beside this file
HEADING_ID = "reuse-this-page"  # the area's heading: a page links to it as #reuse-this-page
AREA_START = '<section class="reuse"'
ITEMS_START = '<section class="reuse-items"'  # an embed's citations of its items

# The parts the macros leave in a page (embeds/embed_this.html, downloads/downloads.html): moved into the area.
_EMBED_CONTROL = re.compile(r'<details class="embed-this" data-embed-this\b.*?</details>\s*', re.DOTALL)
_DOWNLOADS = re.compile(r'<div class="downloads" data-search-exclude>.*?</div>\s*', re.DOTALL)
# Each item's quiet link (citations/cite_this.html).
_CITE_LINK = re.compile(r"""<a class="cite-link"((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)\s*=\s*"([^"]*)\"""")


@dataclass(frozen=True)
class Item:
    """An item on the page that has a quiet "Cite this" link: its citation's id here, its title and address."""

    id: str  # 'cite-<item>', the link's own target
    title: str
    href: str  # the item's address, as the page links to it
    back: str = ""  # '#<its id>' when the item is a place on this page (an event on its era's page, a case on Examples)


@dataclass(frozen=True)
class Parts:
    """A page's article with the parts the area takes moved out of it."""

    article: str
    controls: tuple[str, ...]  # the components' "Embed this" controls, in page order
    downloads: tuple[str, ...]


def take_parts(article: str) -> Parts:
    controls = tuple(m.group(0).strip() for m in _EMBED_CONTROL.finditer(article))
    downloads = tuple(m.group(0).strip() for m in _DOWNLOADS.finditer(article))
    rest = _DOWNLOADS.sub("", _EMBED_CONTROL.sub("", article))
    return Parts(article=rest.rstrip(), controls=controls, downloads=downloads)


def items(article: str, page_path: str) -> list[Item]:
    """The items the article's quiet "Cite this" links name, once each, in page order."""
    found: dict[str, Item] = {}
    for match in _CITE_LINK.finditer(article):
        attributes = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(match.group(1))}
        entry = attributes.get("href", "").removeprefix("#")
        if entry.startswith(ENTRY_PREFIX) and entry not in found:
            href = attributes.get("data-cite-href", "")
            path, _, fragment = href.partition("#")
            back = f"#{fragment}" if fragment and (not path or _is_page(path, page_path)) else ""
            found[entry] = Item(entry, attributes.get("data-cite-title", ""), href, back)
    return list(found.values())


def _is_page(href: str, page_path: str) -> bool:
    """Whether `href`, written in the page at `page_path`, is that page ('./', '../examples/', 'examples.html')."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.IGNORECASE):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href))
    folder = posixpath.dirname(page_path) or "."
    return target == page_path or (posixpath.basename(page_path) == "index.html" and target == folder)


def is_this_page(item: Item, page_path: str) -> bool:
    """Whether an item's address is the page itself: a definition or a framework on its own page."""
    return "#" not in item.href and _is_page(item.href, page_path)


def area(*, page_path: str, page_title: str, own_link: str, parts: Parts, page_control: str,
         site_name: str, year: int) -> str:
    """The page's "Reuse this page" area. An item whose address is the page itself is the page's own citation."""
    found = items(parts.article, page_path)
    itself = next((i for i in found if is_this_page(i, page_path)), None)
    page_item = Item(itself.id if itself else f"{ENTRY_PREFIX}this-page", itself.title if itself else page_title,
                     own_link)
    return str(_templates().get_template(TEMPLATE).module.area(
        heading_id=HEADING_ID, page=page_item, items=[i for i in found if i is not itself],
        downloads=[Markup(d) for d in parts.downloads], controls=[Markup(page_control)] + [Markup(c) for c in parts.controls],
        site_name=site_name or DEFAULT_SITE_NAME, year=year))


def item_citations(article: str, page_path: str, *, site_name: str, year: int) -> str:
    """An embed's citations of its items, so each quiet link in it lands; '' when it has none. `page_path` is
    the page it shows, or the embed's own path."""
    found = items(article, page_path)
    if not found:
        return ""
    return str(_templates().get_template(TEMPLATE).module.item_citations(
        items=found, site_name=site_name or DEFAULT_SITE_NAME, year=year))


def without_area(article: str) -> str:
    """The article as it was before the area was added (the area is always last)."""
    at = article.find(AREA_START)
    return article if at < 0 else article[:at].rstrip()


def cite_component_embeds(site_dir: Path, folder: str, *, site_name: str, year: int) -> None:
    """Give each component embed (built by the generator under `folder`) its items' citations, at the end of its
    content, so its quiet "Cite this" links land in the frame. Done once: a second run changes nothing."""
    for file in sorted((Path(site_dir) / folder).rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        end = text.rfind("</main>", 0, text.find('class="embed-source"'))
        if ITEMS_START in text or end < 0:
            continue
        citations = item_citations(text[:end], file.relative_to(site_dir).as_posix(), site_name=site_name, year=year)
        if citations:
            file.write_text(text[:end].rstrip() + "\n" + citations + "\n" + text[end:], encoding="utf-8")


@functools.cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
