"""The embeddable views in a real build: one per page and per component, chrome-less, unindexed, framed links."""

from __future__ import annotations

import html as html_lib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.components.embeds import render as embeds
from macros.postbuild.csp import script_hashes
from tests.conftest import ROOT, TEST_SITE_URL, build_site

pytestmark = pytest.mark.build


class _Html(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def parse(path: Path) -> _Html:
    parser = _Html()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_embed(rel: str) -> bool:
    return rel.startswith("embed/") or rel.endswith("embed.html")


def site_pages(site: Path) -> list[str]:
    """The site's own pages (not embeds, not 404.html), relative to the site root."""
    return sorted(rel for rel in (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
                  if rel != "404.html" and not is_embed(rel))


def page_embeds(site: Path, directory_urls: bool = True) -> dict[str, str]:
    return {rel: embeds.embed_dest(rel, directory_urls) for rel in site_pages(site)}


def component_embeds(content, directory_urls: bool = True) -> dict[str, str]:
    """{component slug: its built file}."""
    return {c.slug: embeds.component_url(c.slug, directory_urls) + ("index.html" if directory_urls else "")
            for c in embeds.components(content)}


def all_embeds(site: Path, content) -> list[str]:
    return sorted(page_embeds(site).values()) + sorted(component_embeds(content).values())


def url_of(rel: str) -> str:
    return TEST_SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_every_page_has_an_embed_in_its_own_folder(site_dir):
    pages = page_embeds(site_dir)
    assert len(pages) >= 11 and "index.html" in pages and pages["history/index.html"] == "history/embed.html"
    missing = [embed for embed in pages.values() if not (site_dir / embed).is_file()]
    assert not missing, missing
    assert not (site_dir / "embed" / "embed.html").exists(), "component embeds get no embed of their own"


def test_each_component_has_its_own_embed(site_dir, content):
    found = component_embeds(content)
    for comparison in content.comparisons:
        assert f"comparison-{comparison}" in found
    for crosswalk in content.crosswalks:
        assert f"crosswalk-{crosswalk}" in found
    assert {"timeline", "definitions-table", "definition-compare", "glossary"} <= set(found)
    missing = [path for path in found.values() if not (site_dir / path).is_file()]
    assert not missing, missing
    timeline = (site_dir / found["timeline"]).read_text(encoding="utf-8")
    assert "data-timeline-explorer" in timeline and content.events["ostrom-chicago-police"].title in timeline


CHROME = re.compile(r'class="[^"]*\bmd-(header|nav|search|footer|sidebar|tabs|top|dialog|skip)\b')


def test_embeds_have_no_chrome_and_no_material_script(site_dir, content):
    problems = []
    for rel in all_embeds(site_dir, content):
        text = (site_dir / rel).read_text(encoding="utf-8")
        page = parse(site_dir / rel)
        if CHROME.search(text):
            problems.append(f"{rel}: material chrome {CHROME.search(text).group(0)!r}")
        for marker in ("__config", "bundle.", "localStorage", "__md_"):
            if marker in text:
                problems.append(f"{rel}: {marker!r} (material's scripts)")
        if script_hashes(text, rel):
            problems.append(f"{rel}: inline scripts, which the Content-Security-Policy would have to allow")
        scripts = [a["src"] for a in page.all("script")]
        if not scripts or not scripts[-1].endswith("assets/components/embeds/embed.js") or any("embed-this" in s for s in scripts):
            problems.append(f"{rel}: scripts {scripts}")
        if not any(a.get("href", "").endswith("assets/components/embeds/embed.css") for a in page.all("link")):
            problems.append(f"{rel}: no embed.css")
        if len(page.all("main")) != 1 or len(page.all("h1")) != 1:
            problems.append(f"{rel}: {len(page.all('main'))} <main>, {len(page.all('h1'))} <h1>")
        if not page.title.strip() or page.all("html")[0].get("lang") != "en":
            problems.append(f"{rel}: no <title> or lang")
    assert not problems, "\n".join(problems)


def built(src: str) -> str:
    """The file mkdocs builds from a page's source path, with directory URLs."""
    stem = src.removesuffix(".md")
    return stem + ".html" if stem == "index" or stem.endswith("/index") else stem + "/index.html"


def test_embeds_are_noindex_with_a_canonical_link_to_their_page(site_dir, content):
    canonical_of = {embed: url_of(page) for page, embed in page_embeds(site_dir).items()}
    for component in embeds.components(content):
        canonical_of[component_embeds(content)[component.slug]] = url_of(built(component.page))
    problems = []
    for rel, expected in canonical_of.items():
        page = parse(site_dir / rel)
        robots = [m.get("content") for m in page.all("meta") if m.get("name") == "robots"]
        canonical = [link["href"] for link in page.all("link") if link.get("rel") == "canonical"]
        if robots != ["noindex"]:
            problems.append(f"{rel}: robots {robots}")
        if canonical != [expected]:
            problems.append(f"{rel}: canonical {canonical}, expected {expected}")
        if not [a for a in page.all("a") if urljoin(url_of(rel), a.get("href", "")).split("#")[0] == expected
                and a.get("target") == "_top"]:
            problems.append(f"{rel}: no link to the full page")
    assert not problems, "\n".join(problems)


def test_component_embeds_link_to_the_component_on_its_page(site_dir, content):
    for component in embeds.components(content):
        rel = component_embeds(content)[component.slug]
        text = (site_dir / rel).read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)" target="_top">open the full page</a>', text)
        assert link, rel
        target = urljoin(url_of(rel), html_lib.unescape(link.group(1)))
        assert target.endswith("#" + component.anchor if component.anchor else "/"), (rel, target)


def test_embeds_are_not_in_the_search_index_or_the_sitemap(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs, "empty search index"
    indexed = sorted({d["location"] for d in docs if "embed" in d["location"].split("#")[0]})
    assert not indexed, indexed
    assert not [d for d in docs if "Embed this" in d["title"] + d["text"] or "data-coproduction-embed" in d["text"]]
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert TEST_SITE_URL + "history/" in locations
    assert not [loc for loc in locations if "embed" in loc], locations


def test_every_link_that_leaves_an_embed_opens_in_the_top_window(site_dir, content):
    problems, checked = [], 0
    for rel in all_embeds(site_dir, content):
        for attrs in parse(site_dir / rel).all("a"):
            href = attrs.get("href")
            if href is None:
                continue
            checked += 1
            fragment = href.startswith("#")
            if fragment and "target" in attrs:
                problems.append(f"{rel}: fragment link {href!r} leaves the frame")
            if not fragment and attrs.get("target") != "_top":
                problems.append(f"{rel}: {href!r} has target={attrs.get('target')!r}")
    assert checked > 1000, checked
    assert not problems, "\n".join(problems[:30])


def test_each_page_and_component_offers_its_embed(site_dir, content):
    """The page's own control, and one after each component; their snippets name files that exist."""
    problems = []
    expected_components = {c.page: [] for c in embeds.components(content)}
    for c in embeds.components(content):
        expected_components[c.page].append(c.slug)
    for rel in site_pages(site_dir):
        text = (site_dir / rel).read_text(encoding="utf-8")
        controls = re.findall(r'<details class="embed-this" data-embed-this data-search-exclude>(.*?)</details>',
                              text, re.S)
        source = rel.removesuffix("index.html").removesuffix("/") or "index"
        source = source + ".md" if (ROOT / "docs" / (source + ".md")).is_file() else source + "/index.md"
        wanted = len(expected_components.get(source, [])) + 1
        if len(controls) != wanted:
            problems.append(f"{rel}: {len(controls)} Embed this controls, expected {wanted}")
        for control in controls:
            snippet = html_lib.unescape(re.search(r"<code[^>]*>(.*?)</code>", control, re.S).group(1))
            for attribute in ('title="', 'width="100%"', 'height="', 'loading="lazy"', 'style="border:0"',
                              "data-coproduction-embed", "embed-host.js\" defer></script>"):
                if attribute not in snippet:
                    problems.append(f"{rel}: the snippet has no {attribute}: {snippet}")
            for url in re.findall(r'src="([^"]+)"', snippet):
                path = urlsplit(url).path.removeprefix(urlsplit(TEST_SITE_URL).path)
                path = path + "index.html" if path.endswith("/") or not path else path
                if not url.startswith(TEST_SITE_URL) or not (site_dir / path).is_file():
                    problems.append(f"{rel}: the snippet names {url}, which is not a file of this build")
    assert not problems, "\n".join(problems)


def test_the_offline_build_names_embeds_after_their_pages(tmp_path, content):
    site = tmp_path / "offline"
    result = build_site(site, config=ROOT / "mkdocs-offline.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    for page, embed in {"index.html": "index.embed.html", "history.html": "history.embed.html",
                        "typologies/compare.html": "typologies/compare.embed.html"}.items():
        assert (site / page).is_file() and (site / embed).is_file(), embed
    assert not (site / "embed.html").exists()
    for path in component_embeds(content, directory_urls=False).values():
        assert (site / path).is_file(), path
    timeline = (site / "embed" / "timeline.html").read_text(encoding="utf-8")
    assert 'href="../history.html' in timeline and 'href="../assets/components/embeds/embed.js"' not in timeline
    assert 'src="../assets/components/embeds/embed.js"' in timeline
