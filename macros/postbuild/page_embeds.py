"""Every page's embeddable view and its "Embed this page" control, made from the built page alone.

A page's view is its article (the page's content, under its heading) without the site's header, navigation,
search or footer, with the page's own stylesheets and our scripts but none of material's, written beside
the page (history/index.html -> history/embed.html) so every relative link in it still works. The page then
gets its "Reuse this page" area at the end of its article (reuse.py): its citation, its data, its "Embed this
page" control with its components' ones, and its items' citations. The embed keeps only the items' citations.

Everything comes from the built HTML: the title, description, canonical address, language and assets in its
head, and the scripts at the end of its body. So it needs no generator's templates, and works the same after
mkdocs, ProperDocs or Zensical, and again on a folder it has already done (nothing is added twice).
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
from markupsafe import Markup

from macros.components.embeds import COMPONENT as EMBEDS
from macros.components.embeds import render as embeds
from macros.links import Links
from macros.postbuild import reuse
from macros.site import Settings

TEMPLATE = "embed.html"  # beside this file: plain Jinja, so no generator's template engine is needed
ARTICLE_START = '<article class="md-content__inner md-typeset">'
NO_EMBED = frozenset({"404.html"})  # a web server's page for missing addresses, not part of the site
MATERIAL_SCRIPTS = "assets/javascripts/"  # material's bundle, search worker and polyfills: none runs in an embed
# The scripts of the "Embed this" control, which an embed does not show, and the one an embed needs.
CONTROL_SCRIPTS = frozenset(EMBEDS.site_path(name) for name in EMBEDS.scripts)
EMBED_SCRIPT = EMBEDS.site_path("embed.js")

_ARTICLE_TAG = re.compile(r"<!--.*?-->|<(/?)article\b[^>]*>", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(link|meta|html|body|script)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class PageShapeError(ValueError):
    """A built page whose article cannot be found whole, so its embed would be wrong."""


@dataclass(frozen=True)
class BuiltPage:
    """What an embed takes from one built page."""

    path: str  # relative to the site root, e.g. 'history/index.html'
    article: str  # the article's inner HTML: the heading and the page's content
    article_start: int  # where the article's inner HTML starts, in the page's text
    article_end: int  # where the article's closing tag starts, in the page's text
    title: str  # as the page's <title> gives it, without ' - site name'
    description: str
    canonical: str  # the page's absolute address, or '' when the site has no site_url
    lang: str
    direction: str
    icon: str
    generator: str
    styles: tuple[str, ...]  # <link rel="stylesheet"> tags, as written in the page's head
    scripts: tuple[str, ...]  # our <script src> tags, as written in the page


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): html.unescape(next((v for v in values if v), ""))
            for name, *values in _ATTRIBUTE.findall(text)}


def _tags(text: str, name: str) -> list[tuple[str, dict[str, str]]]:
    """(the whole tag, its attributes) for every start tag called `name`."""
    return [(m.group(0), _attributes(m.group(2))) for m in _TAG.finditer(text) if m.group(1).lower() == name]


def _article(text: str, where: str) -> tuple[int, int] | None:
    """(start of the content, start of its closing tag) of material's content article, or None without one."""
    start = text.find(ARTICLE_START)
    if start < 0:
        return None
    depth, inner = 0, start + len(ARTICLE_START)
    for match in _ARTICLE_TAG.finditer(text, start):
        if match.group(0).startswith("<!--"):
            continue
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return inner, match.start()
    raise PageShapeError(f"{where}: the page's <article> is never closed")


def _site_path(page: str, href: str) -> str | None:
    """Where `href`, written in `page`, points in the site; None for another host or a data: address."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", href, re.IGNORECASE):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0].split("?")[0]))


def read_page(path: str, text: str, site_name: str) -> BuiltPage | None:
    """The parts of a built page its embed needs; None for a page with no content article (not a site page)."""
    found = _article(text, path)
    if found is None:
        return None
    inner, end = found
    head = _HEAD.search(text)
    head = head.group(1) if head else ""
    title = _TITLE.search(head)
    title = html.unescape(re.sub(r"<[^>]*>", "", title.group(1))).strip() if title else ""
    # material's <title> is 'Page - Site', or the site's name alone for a home page with no title of its own.
    title = title.removesuffix(f" - {site_name}") if title != site_name else site_name
    meta = {a.get("name", ""): a.get("content", "") for _, a in _tags(head, "meta")}
    links = _tags(head, "link")

    def link(rel: str) -> str:
        return next((a.get("href", "") for _, a in links if a.get("rel") == rel), "")

    scripts = []
    for tag, attributes in _tags(text, "script"):
        where = _site_path(path, attributes.get("src", "")) if attributes.get("src") else None
        if where and not where.startswith(MATERIAL_SCRIPTS) and where not in CONTROL_SCRIPTS:
            scripts.append(tag + "</script>")
    html_tag = next(iter(_tags(text, "html")), ("", {}))[1]
    body_tag = next(iter(_tags(text, "body")), ("", {}))[1]
    return BuiltPage(
        path=path, article=text[inner:end].strip(), article_start=inner, article_end=end, title=title or site_name,
        description=meta.get("description", ""), canonical=link("canonical"), lang=html_tag.get("lang", "en"),
        direction=body_tag.get("dir", "ltr"), icon=link("icon"), generator=meta.get("generator", ""),
        styles=tuple(tag for tag, a in links if a.get("rel") == "stylesheet" and _site_path(path, a.get("href", ""))),
        scripts=tuple(scripts))


def own_link(path: str, directory_urls: bool) -> str:
    """The link from a page's embed (in the same folder) back to the page: './' or 'history.html'."""
    name = posixpath.basename(path)
    return "./" if directory_urls and name == "index.html" else name


def embed_html(page: BuiltPage, settings: Settings, links: Links) -> str:
    """The page's embeddable view, with every link that leaves it opening in the reader's whole window."""
    full = own_link(page.path, settings.use_directory_urls)
    # The page's own markup goes in as it was built; everything else is escaped.
    view = _templates().get_template(TEMPLATE).render(
        page=page, content=Markup(page.article), styles=[Markup(s) for s in page.styles],
        scripts=[Markup(s) for s in page.scripts], title=f"{page.title} (embedded view)",
        description=f"Embeddable view. {page.description}".strip(), canonical=page.canonical or full, full=full,
        site_name=settings.site_name, embed_script=links.root + EMBED_SCRIPT, box=embeds.box_attributes())
    return embeds.frame_links(view)


def page_control(page: BuiltPage, settings: Settings, links: Links, embed_path: str) -> str:
    """The "Embed this page" control, as a component's control is made."""
    return embeds.embed_control(label="this page", title=page.title, site_name=settings.site_name, src=embed_path,
                                height=embeds.PAGE_HEIGHT, links=links, site_url=settings.site_url)


def is_site_page(path: str) -> bool:
    """A page of the site, rather than an embed (component embeds live under embed/) or the 404 page."""
    name = posixpath.basename(path)
    return (path not in NO_EMBED and not path.startswith(embeds.FOLDER + "/")
            and name != "embed.html" and not name.endswith(".embed.html"))


def write_page_embeds(site_dir: Path, settings: Settings, since_ns: int | None = None) -> list[str]:
    """Write every page's embed, and give each page its Reuse area; with `since_ns`, only for the pages written
    since then. Returns the embeds written, sorted."""
    written = []
    for file in sorted(Path(site_dir).rglob("*.html")):
        path = file.relative_to(site_dir).as_posix()
        if not is_site_page(path) or (since_ns is not None and file.stat().st_mtime_ns < since_ns):
            continue
        text = file.read_text(encoding="utf-8")
        page = read_page(path, text, settings.site_name)
        if page is None:
            continue
        links = Links("../" * path.count("/"), settings.use_directory_urls)
        embed_path = embeds.embed_dest(path, settings.use_directory_urls)
        if reuse.AREA_START in page.article:  # done before: the area is last, and the view leaves it out
            article = reuse.without_area(page.article)
        else:
            parts = reuse.take_parts(page.article)
            area = reuse.area(page_path=path, page_title=page.title, own_link=own_link(path, settings.use_directory_urls),
                              parts=parts, page_control=page_control(page, settings, links, embed_path),
                              site_name=settings.site_name, year=settings.build_year)
            text = text[:page.article_start] + "\n" + parts.article + "\n" + area + "\n" + text[page.article_end:]
            file.write_text(text, encoding="utf-8")
            article = parts.article
        citations = reuse.item_citations(article, path, site_name=settings.site_name, year=settings.build_year)
        view = replace(page, article=article + ("\n" + citations if citations else ""))
        (Path(site_dir) / embed_path).write_text(embed_html(view, settings, links), encoding="utf-8")
        written.append(embed_path)
    return sorted(written)


@functools.cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
