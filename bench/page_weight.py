"""First-view transfer size of each page: the HTML plus the stylesheets, scripts and images it references.

    python bench/page_weight.py [SITE_DIR]

Without SITE_DIR, builds the site into a temporary folder first. Prints, raw bytes and gzipped (level 6,
as a web server would send them):

- per kind of page (page, embed, 404), the largest, median and smallest first view;
- for one page of each template (the pages bench/lighthouse.py scores), our own scripts and styles:
  their bytes, and the number of stylesheets and scripts the page loads (material's and ours; on
  HTTP/1.1 each is a request of its own);
- the page that loads the most of our own JavaScript, against the target (OWN_JS_TARGET, minified and
  uncompressed);
- every page, largest first.

Only files of the site count: the search index (fetched later, by search) and anything outside the site
do not. "Our own" is every stylesheet and script of the site except material's (assets/stylesheets/,
assets/javascripts/: its bundle, and the vendored iframe-worker shim). It prints figures;
tests/build/test_page_meta.py holds the budgets.
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
OWN_JS_TARGET = 25 * 1024  # our own scripts on any one page, minified, uncompressed (issue: "<= 25 KB")
THEIRS = ("assets/stylesheets/", "assets/javascripts/")  # material's files (and the vendored shim)
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


def own(site: Path, path: Path) -> bool:
    """Whether a file of the site is one of our own scripts or styles (not material's)."""
    rel = path.relative_to(site).as_posix()
    return path.suffix in (".js", ".css") and not rel.startswith(THEIRS)


def page_files(site: Path, page: Path, base_url: str | None = None) -> dict[str, list[Path]]:
    """The stylesheets and scripts `page` loads, each kind in order: {"css": [...], "js": [...]}."""
    found = assets(site, page, base_url)
    return {kind: [p for p in found if p.suffix == f".{kind}"] for kind in ("css", "js")}


def own_weight(site: Path, page: Path, base_url: str | None = None) -> dict[str, tuple[int, int]]:
    """{"css": (raw, gzip), "js": (raw, gzip)}: our own stylesheets and scripts on `page`, summed."""
    totals = {}
    for kind, paths in page_files(site, page, base_url).items():
        sizes = [_sizes(p) for p in paths if own(site, p)]
        totals[kind] = (sum(r for r, _ in sizes), sum(g for _, g in sizes))
    return totals


def heaviest_own_js(site: Path) -> tuple[str, int]:
    """(page, raw bytes) of the page that loads the most of our own JavaScript."""
    base = site_url(site)
    return max(((p.relative_to(site).as_posix(), own_weight(site, p, base)["js"][0])
                for p in sorted(site.rglob("*.html"))), key=lambda kv: (kv[1], kv[0]))


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
    report_templates(site)
    print()
    print(f"{'raw':>11} {'gzipped':>11}  page")
    for rel, (raw, gz) in sorted(found.items(), key=lambda kv: -kv[1][1]):
        print(f"{_kb(raw):>11} {_kb(gz):>11}  {rel}")


def report_templates(site: Path) -> None:
    """Our own scripts and styles, and the files loaded, on one page of each template."""
    from bench.lighthouse import PAGES

    base = site_url(site)
    print("Our own scripts and styles per template (minified; raw / gzipped), and the files each page loads")
    print(f"{'template':16} {'own JS':>19}  {'own CSS':>19}  {'CSS files':>9} {'JS files':>8}  page")
    for name, path in PAGES:
        page = site / path / "index.html" if not path.endswith(".html") else site / path
        if not page.is_file():
            print(f"{name:16} (no page {path})")
            continue
        weight, files = own_weight(site, page, base), page_files(site, page, base)
        (js, js_gz), (css, css_gz) = weight["js"], weight["css"]
        print(f"{name:16} {_kb(js)} {_kb(js_gz)}  {_kb(css)} {_kb(css_gz)}  {len(files['css']):9} {len(files['js']):8}"
              f"  /{path}")
    worst, js = heaviest_own_js(site)
    verdict = "within" if js <= OWN_JS_TARGET else "OVER"
    print(f"Most of our own JavaScript on one page: {js / 1024:.1f} KB on {worst} "
          f"({verdict} the {OWN_JS_TARGET // 1024} KB target)")


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
