"""First-view transfer size of each page: the HTML plus the stylesheets, scripts and images it references.

    python bench/page_weight.py [SITE_DIR]

Without SITE_DIR, builds the site into a temporary folder first. Prints, per page template (page, embed,
404), the largest, median and smallest first view, then every page, raw bytes and gzipped (level 6, as a
web server would send them), largest first. Only files of the site count: the search index (fetched
later, by search) and anything outside the site do not. It prints figures; tests/build/test_page_meta.py
holds the budget.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]

BUDGET = 150 * 1024  # gzipped bytes per first view; checked by tests/build/test_page_meta.py
_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest"}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and _LINK_RELS & set((a.get("rel") or "").lower().split()) and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img", "input", "source", "video", "audio") and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "image" and (a.get("href") or a.get("xlink:href")):
            self.urls.append(a.get("href") or a["xlink:href"])
        if tag in ("img", "source") and a.get("srcset"):
            self.urls += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]


@cache
def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def site_url(site: Path) -> str:
    """The address the site was built for, from the home page's canonical link ('' if it has none)."""
    index = site / "index.html"
    if index.is_file():
        for tag in re.findall(r"<link [^>]*>", index.read_text(encoding="utf-8")):
            if 'rel="canonical"' in tag and (href := re.search(r'href="([^"]+)"', tag)):
                return urljoin(href.group(1), ".")  # ".../index.html" without directory URLs
    return ""


def assets(site: Path, page: Path, base_url: str | None = None) -> list[Path]:
    """The site's files that `page` references as stylesheets, scripts and images, each once.

    `base_url` is the site's address (default: site_url(site)): root-relative links such as the 404
    page's "/coproduction-explainer/assets/..." count when they point inside it.
    """
    base = base_url if base_url is not None else site_url(site)
    if not base:
        base = "file:///"
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    page_url = urljoin(base, page.relative_to(site).as_posix())
    found: dict[Path, None] = {}
    for url in parser.urls:
        if urlsplit(url).scheme in ("data", "blob"):
            continue
        full = urlsplit(urljoin(page_url, url))._replace(query="", fragment="").geturl()
        if not full.startswith(base):
            continue  # another site's file
        target = site / unquote(full[len(base):])
        if target.is_dir():
            target = target / "index.html"
        if target.is_file() and target.relative_to(site).parts[:1] != ("search",):
            found[target] = None
    return list(found)


def page_weight(site: Path, page: Path, base_url: str | None = None) -> tuple[int, int]:
    """(raw bytes, gzipped bytes) of the page and every asset it references."""
    raw = gz = 0
    for path in [page] + assets(site, page, base_url):
        r, g = _sizes(path)
        raw, gz = raw + r, gz + g
    return raw, gz


def template(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    if rel == "404.html":
        return "404"
    if rel.endswith("embed.html") or rel.startswith("embed/"):
        return "embed"
    return "page"


def weights(site: Path) -> dict[str, tuple[int, int]]:
    """{page path: (raw bytes, gzipped bytes)} for every HTML file of the site."""
    base = site_url(site)
    return {p.relative_to(site).as_posix(): page_weight(site, p, base) for p in sorted(site.rglob("*.html"))}


def _kb(n: int) -> str:
    return f"{n / 1024:8.1f} KB"


def report(site: Path) -> None:
    found = weights(site)
    by_template: dict[str, list[tuple[int, int, str]]] = {}
    for rel, (raw, gz) in found.items():
        by_template.setdefault(template(site, site / rel), []).append((gz, raw, rel))
    print(f"First-view transfer size per page template (budget {BUDGET // 1024} KB gzipped)")
    print(f"{'template':10} {'pages':>5}  {'largest (gzip)':>16} {'median':>11} {'smallest':>11}  largest page")
    for name, rows in sorted(by_template.items()):
        rows.sort(reverse=True)
        median = statistics.median(gz for gz, _, _ in rows)
        print(f"{name:10} {len(rows):5}  {_kb(rows[0][0]):>16} {_kb(int(median)):>11} {_kb(rows[-1][0]):>11}"
              f"  {rows[0][2]} ({_kb(rows[0][1]).strip()} raw)")
    print()
    print(f"{'raw':>11} {'gzipped':>11}  page")
    for rel, (raw, gz) in sorted(found.items(), key=lambda kv: -kv[1][1]):
        print(f"{_kb(raw):>11} {_kb(gz):>11}  {rel}")


def main() -> int:
    if len(sys.argv) > 1:
        report(Path(sys.argv[1]))
        return 0
    from tests.conftest import build_site

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build_site(site)
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        report(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
