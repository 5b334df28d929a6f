"""Embeddable views: chrome-less copies of each page and component, for iframes on councils' intranets.

Pure functions, no mkdocs: where each page's embed is written, which components get an embed of their
own (and the Markdown that builds each one), the links rewritten so they leave the frame, and the
"Embed this" control with its copy-and-paste snippet. hooks/embeds.py wires them into the build.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from html import unescape

from markupsafe import Markup

from macros.links import Links
from macros.markup import render
from macros.models import Content

# The one message an embed sends to its parent page, and the one a host page may send back to ask for it
# again. Documented in README.md ("Embed a page or a component"); embed.js and embed-host.js use these.
RESIZE_MESSAGE = "coproduction-explainer:resize"  # {type, version: 1, height: whole CSS pixels}
MEASURE_MESSAGE = "coproduction-explainer:measure"  # {type, version: 1}
MESSAGE_VERSION = 1
OPT_IN_ATTRIBUTE = "data-coproduction-embed"


def box_attributes() -> Markup:
    """The attributes of an embed's wrapper: embed.js measures it and reads the message names from it."""
    return Markup('data-embed data-embed-resize="{}" data-embed-measure="{}" data-embed-version="{}"').format(
        RESIZE_MESSAGE, MEASURE_MESSAGE, MESSAGE_VERSION)
HOST_SCRIPT = "assets/js/embed-host.js"
FOLDER = "embed"  # component embeds: embed/<slug>/ (embed/<slug>.html offline)
TEMPLATE = "embed.html"
PAGE_HEIGHT = 800  # the snippet's fixed height for a whole page; components set their own


def embed_dest(dest_uri: str, directory_urls: bool = True) -> str:
    """Where a page's embed is written: in the page's own folder, so every relative link still works.

    history/index.html -> history/embed.html, index.html -> embed.html; without directory URLs
    (the offline build) history.html -> history.embed.html and index.html -> index.embed.html.
    """
    folder, _, name = dest_uri.rpartition("/")
    if not name.endswith(".html"):
        raise ValueError(f"not an HTML page: {dest_uri!r}")
    if directory_urls and name == "index.html":
        name = "embed.html"
    else:
        name = name[: -len(".html")] + ".embed.html"
    return f"{folder}/{name}" if folder else name


@dataclass(frozen=True)
class Component:
    """A component view with an embed of its own, at embed/<slug>, as its component declares it."""

    slug: str
    title: str  # the embed's heading and title
    label: str  # what the control offers to embed: "Embed the timeline"
    description: str
    calls: tuple[tuple[str, tuple], ...]  # the macros that draw it, with their arguments: (("comparison", ("x",)),)
    page: str  # the page it is on, a source path in docs/ ("history.md"), unless another page shows it instead
    anchor: str  # where the component sits on that page ('' for the top)
    height: int  # the snippet's fixed height in pixels
    heading: str = ""  # a level-2 heading over the macros, where the page gives them one

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.slug}.md"


def components(content: Content, pages: Collection[str] | None = None, declared=None) -> list[Component]:
    """Every component view with its own embed, as each component declares them (its `embeds`), in registry order.

    Given `pages` (the source paths of the site's pages), a view whose page does not exist yet (a module no
    page shows) is left out: its embed would have nothing to link back to. `declared` is the registry's list.
    """
    if declared is None:
        from macros.components import COMPONENTS as declared  # the registry imports this module
    found = [embed for component in declared if component.embeds for embed in component.embeds(content)]
    return [e for e in found if pages is None or e.page in pages]


def component_url(slug: str, directory_urls: bool = True) -> str:
    """A component embed's URL relative to the site root."""
    return f"{FOLDER}/{slug}/" if directory_urls else f"{FOLDER}/{slug}.html"


# Comments, scripts and styles are skipped whole (an "<a" inside them is not a link); otherwise each <a ...>
# start tag, with quoted attribute values that may hold ">". A regex, as an HTML parse of every page was
# a noticeable part of the build.
_SKIP_OR_ANCHOR = re.compile(
    r"""<!--.*?-->|<(script|style)\b.*?</\1\s*>|<a(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def frame_links(html: str) -> str:
    """Every <a href> that leaves the page gets target="_top", so it opens in the reader's window, not the frame.

    Links to a fragment of the same page (href="#...") stay in the frame, and links that already name a
    target keep it. Nothing else in the text changes.
    """
    pieces, at = [], 0
    for match in _SKIP_OR_ANCHOR.finditer(html):
        raw = match.group(0)
        if not raw[:2].lower() == "<a":
            continue
        closing = "/>" if raw.endswith("/>") else ">"
        attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(raw[2: -len(closing)])}
        href = attributes.get("href")
        if href is None or "target" in attributes or unescape(href.strip("\"'")).startswith("#"):
            continue
        pieces += [html[at:match.start()], raw[: -len(closing)].rstrip(), ' target="_top"', closing]
        at = match.end()
    pieces.append(html[at:])
    return "".join(pieces)


def snippet(src: str, title: str, height: int, host_script: str) -> str:
    """The HTML a council pastes: the frame, and the optional script that sizes it to its content."""
    return render("embed_snippet.html", src=src, title=title, height=int(height), opt_in=OPT_IN_ATTRIBUTE,
                  host_script=host_script)


def embed_control(*, label: str, title: str, site_name: str, src: str, height: int, links: Links,
                  site_url: str = "") -> str:
    """The "Embed this" disclosure for one page or component.

    `src` is the embed's URL relative to the site root. With `site_url` the snippet's addresses are
    absolute at build time; without it they are relative here, and embed-this.js makes them absolute
    from the reader's address.
    """
    if site_url:
        base = site_url.rstrip("/") + "/"
        frame, host = base + src, base + HOST_SCRIPT
    else:
        frame, host = (links.root + src) or "./", links.root + HOST_SCRIPT
    return render("embed_this.html", label=label, title=title, frame=frame, host=host,
                  link=(links.root + src) or "./", relative=not site_url,
                  snippet=snippet(frame, f"{title} - {site_name}", height, host))
