"""Every #anchor the site had still lands on its record, on every page.

tests/fixtures/anchors-before.json lists, page by page, each id that was inside the page's <article>
before the long pages were split (page path -> [tag, id]): records (definitions, frameworks and their
categories, crosswalk cells, events, terms, sources, people, examples, questions) and headings. Left out
of it: the ids of form controls (<form>, <input>, <select>, <textarea>: 246 of them, on the Definitions and
History pages, the modules, the learning log and the handbook). They name a filter or an answer box for
its label, and are not places anyone links to.

Each id must still be on the same page, inside its <article>, on an element that either is still the
same kind of element (the record stayed where it was), or is or holds a link to a page that has an
element with that id (the record moved to a page of its own, and this is its short entry or signpost).

One exception: the printable handbook used to reprint the glossary, every definition and every framework
in full. Its appendix is now a concise summary of what the modules use, so it may leave out a reprinted
record, as long as the record's id still lands on another page of the site (its own page).
"""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build

FIXTURE = ROOT / "tests" / "fixtures" / "anchors-before.json"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr"}
BASE = "https://example.invalid/"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Pages whose old full copies of records elsewhere became a concise summary (see the module docstring).
SUMMARISED_COPIES = {"learn/handbook/"}


class _Anchors(HTMLParser):
    """Each id inside <article>: its tag and the hrefs of the links it is or holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, id) of the open elements
        self.article = 0
        self.found: dict[str, tuple[str, list[str]]] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.article += 1
        element_id = a.get("id") if self.article else None
        if element_id is not None and element_id not in self.found:
            self.found[element_id] = (tag, [])
        if tag == "a" and a.get("href") is not None:
            for _, open_id in [*self.stack, (tag, element_id)]:
                if open_id is not None:
                    self.found[open_id][1].append(a["href"])
        if tag not in _VOID:
            self.stack.append((tag, element_id))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "article":
            self.article -= 1
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break


def page_file(site: Path, page: str) -> Path:
    """The built file of a page path as the fixture writes it ('typologies/', '' for home)."""
    return site / page / "index.html"


def site_pages(site: Path) -> list[str]:
    """Every built page's path as the fixture writes it, embeds left out."""
    paths = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    return [("" if p == "." else p + "/") for p in paths if not p.startswith("embed")]


def anchors(site: Path, page: str, cache: dict) -> dict[str, tuple[str, list[str]]] | None:
    if page not in cache:
        path = page_file(site, page)
        if path.is_file():
            parser = _Anchors()
            parser.feed(path.read_text(encoding="utf-8"))
            cache[page] = parser.found
        else:
            cache[page] = None
    return cache[page]


def target_page(page: str, href: str) -> str | None:
    """The page path ('typologies/levels/') a link on `page` leads to, or None if it leaves the site."""
    url = urlsplit(urljoin(BASE + page, href))
    if f"{url.scheme}://{url.netloc}/" != BASE:
        return None
    path = unquote(url.path).removeprefix("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    path = posixpath.normpath(path) + "/" if path else ""
    return "" if path in ("./", "/") else path


def lost_anchors(site: Path, before: dict[str, list[list[str]]]) -> list[str]:
    """Every [tag, id] of `before` that no longer lands on its record, one line each, saying what to do."""
    problems, cache = [], {}
    elsewhere: set[str] | None = None
    for page, ids in before.items():
        found = anchors(site, page, cache)
        if found is None:
            problems.append(f"/{page}: the page is gone, and with it {len(ids)} anchors; keep a page at this "
                            "address with short entries that carry the old ids and link to where each record went")
            continue
        for tag, element_id in ids:
            if element_id not in found and page in SUMMARISED_COPIES:
                if elsewhere is None:
                    elsewhere = {i for other in site_pages(site) if other not in SUMMARISED_COPIES
                                 for i in anchors(site, other, cache) or {}}
                if element_id in elsewhere:
                    continue
            if element_id not in found:
                fix = (f"give the heading that replaced it the old id, as in '## New words {{ #{element_id} }}'"
                       if tag in HEADINGS else "keep it on the record's entry on this page, or on a link to "
                       "where the record went")
                problems.append(f"/{page}#{element_id}: no element has this id any more (it was a <{tag}>); {fix}")
                continue
            now, hrefs = found[element_id]
            if now == tag:
                continue
            leads = [h for h in hrefs if (t := target_page(page, h)) is not None
                     and element_id in (anchors(site, t, cache) or {})]
            if not leads:
                problems.append(f"/{page}#{element_id}: was a <{tag}>, is now a <{now}> that neither is the record "
                                f"nor links to a page with id '{element_id}' (its links: {hrefs or 'none'})")
    return problems


def test_every_old_anchor_still_lands_on_its_record(site_dir):
    before = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert sum(len(ids) for ids in before.values()) > 500, "the fixture should hold every page's old anchors"
    assert not [tag for ids in before.values() for tag, _ in ids if tag in ("form", "input", "select", "textarea")]
    problems = lost_anchors(site_dir, before)
    assert not problems, f"{len(problems)} old anchor(s) no longer land on their record:\n" + "\n".join(problems)


def test_the_check_tells_moved_kept_and_lost_anchors_apart(tmp_path):
    pages = {
        "": '<article><h2 id="kept">Kept</h2></article>',
        "list/": ('<article><h3 id="moved"><a href="../moved/">Moved</a></h3>'
                  '<p id="cell"><a id="row" href="../moved/#row">Row</a></p>'
                  '<p id="signpost"><a href="../elsewhere/">A page without the id</a></p>'
                  '<p id="bare">No link</p></article><p id="outside">Not in the article</p>'),
        "moved/": '<article><h1 id="moved">Moved</h1><table><tr id="row"><td>R</td></tr></table>'
                  '<caption id="cell"></caption></article>',
        "elsewhere/": "<article><h1 id='other'>Other</h1></article>",
        "learn/handbook/": "<article><h1 id='handbook'>Handbook</h1></article>",
    }
    for page, html in pages.items():
        (tmp_path / page).mkdir(parents=True, exist_ok=True)
        (tmp_path / page / "index.html").write_text(html, encoding="utf-8")
    before = {
        "": [["h2", "kept"]],
        "list/": [["h2", "moved"], ["tr", "row"], ["caption", "cell"], ["h2", "signpost"], ["h2", "bare"],
                  ["h2", "outside"], ["h2", "gone"]],
        "vanished/": [["h2", "x"]],
        "learn/handbook/": [["h2", "other"], ["h2", "nowhere"]],
    }
    problems = lost_anchors(tmp_path, before)
    assert [p.split(":", 1)[0] for p in problems] == [
        "/list/#signpost", "/list/#bare", "/list/#outside", "/list/#gone", "/vanished/", "/learn/handbook/#nowhere"]
    assert "links to a page with id 'signpost'" in problems[0] and "its links: none" in problems[1]
