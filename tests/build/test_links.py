"""Sub-path hosting: built for /council/coproduction/, every internal link and #fragment resolves.

Each page's links are resolved against the URL the page has under the council's prefix, so a link
that climbs out of the prefix, or an absolute path written without it, is reported as broken.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import COUNCIL_SITE_URL, ROOT

pytestmark = pytest.mark.build

SITE = urlsplit(COUNCIL_SITE_URL)
PREFIX = SITE.path  # /council/coproduction/
# The one external link the theme writes itself: material's "Made with" credit in the footer.
THEME_LINKS = {"https://squidfunk.github.io/mkdocs-material/"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")
            if name in URL_ATTRIBUTES and value is not None:
                self.links.append((tag, name, value))
            if name == "srcset" and value:
                self.links += [(tag, name, part.split()[0]) for part in value.split(",") if part.strip()]


def page_url(relative_html: str) -> str:
    rel = relative_html[: -len("index.html")] if relative_html.endswith("index.html") else relative_html
    return COUNCIL_SITE_URL + rel


def parse_site(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def target_file(site: Path, url_path: str) -> str | None:
    """The built file a URL path under the prefix serves (a folder serves its index.html), or None."""
    rel = unquote(url_path[len(PREFIX):])
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    rel = posixpath.normpath(rel) if rel else rel
    return rel if (site / rel).is_file() else None


def source_urls() -> set[str]:
    """Every http(s) URL written in the data or the pages' Markdown: the links the site may show."""
    text = "\n".join(p.read_text(encoding="utf-8") for folder in ("data", "docs")
                     for p in (ROOT / folder).rglob("*") if p.suffix in (".yml", ".yaml", ".md"))
    return set(re.findall(r"https?://[^\s\"'<>)\]]+", text))


def broken_links(site: Path) -> tuple[list[str], int]:
    """Every broken internal link, external resource and unexpected external link; and how many were checked."""
    pages = parse_site(site)
    broken, external, checked = [], [], 0
    for rel, page in pages.items():
        base = page_url(rel)
        for tag, attribute, raw in page.links:
            where = f"{rel}: <{tag} {attribute}={raw!r}>"
            url = urlsplit(urljoin(base, raw))
            if url.scheme in ("mailto", "tel", "data"):
                continue
            if url.scheme not in ("http", "https"):
                broken.append(f"{where}: scheme {url.scheme!r} is not a link this site should contain")
                continue
            if url.netloc != SITE.netloc:
                external.append((where, tag, attribute, url.geturl()))
                continue
            checked += 1
            if not url.path.startswith(PREFIX):
                broken.append(f"{where}: resolves to {url.path}, outside the site's prefix {PREFIX}")
                continue
            target = target_file(site, url.path)
            if target is None:
                broken.append(f"{where}: {url.path} is not a file in the built site")
            elif url.fragment and target.endswith(".html") and unquote(url.fragment) not in pages[target].ids:
                broken.append(f"{where}: {target} has no element with id {unquote(url.fragment)!r}")

    allowed = source_urls() | THEME_LINKS
    for where, tag, attribute, url in external:
        if (tag, attribute) != ("a", "href"):
            broken.append(f"{where}: loads a resource from another host")
        elif url not in allowed:
            broken.append(f"{where}: an external link that is in neither data/ nor docs/ (nor the theme credit)")
    return broken, checked


def test_every_internal_link_resolves_under_the_sub_path(council_site_dir):
    broken, checked = broken_links(council_site_dir)
    assert checked > 500, f"only {checked} internal links found: is the parser seeing the pages?"
    assert not broken, f"{len(broken)} broken link(s) under {PREFIX}:\n" + "\n".join(broken)


def test_the_checker_reports_each_kind_of_broken_link(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "index.html").write_text(
        '<a id="top" href="about/#top">fine</a><a href="https://squidfunk.github.io/mkdocs-material/">credit</a>',
        encoding="utf-8")
    (tmp_path / "about" / "index.html").write_text(
        '<span id="top"></span><a href="../../x/">climbs out</a><a href="/about/">no prefix</a>'
        '<a href="../#nowhere">no such id</a><a href="../missing/">no such page</a>'
        '<script src="https://cdn.example.net/x.js"></script><a href="https://tracker.example.net/">?</a>',
        encoding="utf-8")
    broken, checked = broken_links(tmp_path)
    assert checked == 5
    assert [b.split(": ", 2)[2] for b in broken] == [
        "resolves to /council/x/, outside the site's prefix /council/coproduction/",
        "resolves to /about/, outside the site's prefix /council/coproduction/",
        "index.html has no element with id 'nowhere'",
        "/council/coproduction/missing/ is not a file in the built site",
        "loads a resource from another host",
        "an external link that is in neither data/ nor docs/ (nor the theme credit)",
    ]


def unreachable_pages(site: Path) -> list[str]:
    """Built pages no chain of links from the home page reaches (a crawl, not a folder listing)."""
    pages = parse_site(site)
    seen, queue = {"index.html"}, ["index.html"]
    while queue:
        rel = queue.pop()
        for _tag, _attribute, raw in pages[rel].links:
            url = urlsplit(urljoin(page_url(rel), raw))
            if url.netloc != SITE.netloc or not url.path.startswith(PREFIX):
                continue
            target = target_file(site, url.path)
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    # 404.html is shown by the server for a missing address; no page links to it.
    return sorted(set(pages) - seen - {"404.html"})


def test_every_page_is_reachable_from_the_home_page(council_site_dir):
    orphans = unreachable_pages(council_site_dir)
    assert not orphans, "pages no link leads to:\n" + "\n".join(orphans)


def test_the_crawl_finds_an_orphan(tmp_path):
    (tmp_path / "index.html").write_text('<a href="linked/">in</a>', encoding="utf-8")
    for name in ("linked", "orphan"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("<p>page</p>", encoding="utf-8")
    assert unreachable_pages(tmp_path) == ["orphan/index.html"]
