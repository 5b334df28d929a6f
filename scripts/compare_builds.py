"""Compare two built copies of the site, such as the mkdocs build and the Zensical or ProperDocs one.

    python scripts/compare_builds.py site/ site-zensical/

Prints what differs, kind by kind: the pages (HTML files), the text in the search index, the sitemap, the
embeddable views, csp.txt, the open-data downloads, the glossary marks on each page, and the site's own
files that pages link to but the build lacks. Each kind gets a line of counts and the first few examples.
It reports and never judges: the exit code is 0 whatever differs, and 2 only when a site folder is missing.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Where each generator writes its search index, and the key of its entries: mkdocs' search plugin, Zensical.
SEARCH_INDEXES = (("search/search_index.json", "docs"), ("search.json", "items"))
# Every page names the program that built it; that line aside, two generators' pages can be byte for byte alike.
GENERATOR_META = re.compile(rb'<meta name="generator"[^>]*>')
# A sitemap entry: its address and, if given, its date (entities decoded: MiniJinja writes '/' as '&#x2f;').
SITEMAP_URL = re.compile(r"<url>\s*<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?", re.S)
# href and src attributes; not data-href, which a script reads, and no generator rewrites.
LINK = re.compile(r'(?<![\w-])(?:href|src)="([^"]*)"')
EXAMPLES = 5


@dataclass
class Section:
    """One kind of output compared: what only one site has, and what both have but differently."""

    name: str
    count_a: int
    count_b: int
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # "key: how it differs"

    @property
    def same(self) -> bool:
        return not (self.only_a or self.only_b or self.changed)


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def is_embed(path: str) -> bool:
    """A component's view (embed/<slug>/...) or a page's own view (<page>/embed.html, offline <page>.embed.html)."""
    return path.startswith("embed/") or path == "embed.html" or path.endswith(("/embed.html", ".embed.html"))


def digest(path: Path) -> str:
    """The file's SHA-256, its generator <meta> left out."""
    return hashlib.sha256(GENERATOR_META.sub(b"", path.read_bytes())).hexdigest()


def plain(markup: str) -> str:
    """Markup reduced to its words: tags dropped, entities decoded, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def search_text(site: Path) -> dict[str, str] | None:
    """Each search entry's location -> its title and text as plain words; None when the site has no index."""
    for relative, key in SEARCH_INDEXES:
        index = site / relative
        if index.is_file():
            entries = json.loads(index.read_text(encoding="utf-8")).get(key, [])
            return {entry["location"]: plain(f"{entry.get('title', '')} {entry.get('text', '')}") for entry in entries}
    return None


def sitemap(site: Path) -> dict[str, str] | None:
    """Each address in sitemap.xml -> its last-modified date ('' without one); None when the build wrote none."""
    path = site / "sitemap.xml"
    if not path.is_file():
        return None
    return {html.unescape(loc): lastmod or "" for loc, lastmod in SITEMAP_URL.findall(path.read_text(encoding="utf-8"))}


def csp_directives(site: Path) -> dict[str, str] | None:
    """csp.txt as directive -> its sources; None when the build wrote none."""
    path = site / "csp.txt"
    if not path.is_file():
        return None
    directives = (part.split(None, 1) for part in path.read_text(encoding="utf-8").split(";") if part.strip())
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


def file_digests(site: Path, folder: str) -> dict[str, str]:
    base = site / folder
    return {p.relative_to(site).as_posix(): digest(p) for p in sorted(base.rglob("*")) if p.is_file()}


def tooltips(site: Path, pages: list[str]) -> dict[str, str]:
    """Each page -> how many glossary marks it has: first uses linked to their entry, and toggletips."""
    def marks(text: str) -> int:
        return text.count('class="glossary-term"') + text.count('class="glossary-tip"')
    return {page: str(marks((site / page).read_text(encoding="utf-8"))) for page in pages}


def missing_targets(site: Path, pages: list[str]) -> Counter[str]:
    """The site's own files that its pages link to (href, src) but that are not in the build -> how many pages."""
    missing: Counter[str] = Counter()
    for page in pages:
        targets = set()
        for url in LINK.findall((site / page).read_text(encoding="utf-8")):
            parts = urlsplit(html.unescape(url))
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue  # another site, an anchor on this page, or a root-relative address (404.html)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            if parts.path.endswith("/") or (site / target).is_dir():
                target = posixpath.join(target, "index.html")
            if not (site / target).is_file():
                targets.add(target)
        missing.update(targets)
    return missing


def first_difference(a: str, b: str, width: int = 60) -> str:
    """Where two texts part, as a short quote from each."""
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, start - 10)
    return f"{a[start:start + width]!r} vs {b[start:start + width]!r}"


def compare_maps(name: str, a: dict[str, str] | None, b: dict[str, str] | None, describe=None,
                 missing: str = "") -> Section:
    """Keys only one side has, and keys whose values differ. A side that is None lacks the whole kind."""
    if a is None or b is None:
        absent = " and ".join(side for side, value in (("A", a), ("B", b)) if value is None)
        return Section(name, len(a or {}), len(b or {}), changed=[f"{absent}: {missing}"])
    section = Section(name, len(a), len(b), sorted(set(a) - set(b)), sorted(set(b) - set(a)))
    section.changed = [f"{key}: {describe(a[key], b[key]) if describe else 'differs'}"
                       for key in sorted(set(a) & set(b)) if a[key] != b[key]]
    return section


def compare_sites(a: Path, b: Path) -> list[Section]:
    """Each kind of output of two built sites, compared (A is usually the mkdocs build)."""
    pages_a, pages_b = html_pages(a), html_pages(b)
    plain_a, plain_b = [p for p in pages_a if not is_embed(p)], [p for p in pages_b if not is_embed(p)]
    missing_a, missing_b = missing_targets(a, pages_a), missing_targets(b, pages_b)
    return [
        compare_maps("pages (HTML files, embeds aside)", dict.fromkeys(plain_a, ""), dict.fromkeys(plain_b, "")),
        compare_maps("search index (entries by location)", search_text(a), search_text(b), first_difference,
                     missing="no search index (search/search_index.json or search.json)"),
        compare_maps("sitemap (addresses, with their lastmod)", sitemap(a), sitemap(b),
                     lambda x, y: f"{x or 'no date'} vs {y or 'no date'}", missing="no sitemap.xml"),
        compare_maps("embeddable views (embed/** and <page>/embed.html; generator <meta> aside)",
                     {p: digest(a / p) for p in pages_a if is_embed(p)},
                     {p: digest(b / p) for p in pages_b if is_embed(p)}),
        compare_maps("csp.txt (directives)", csp_directives(a), csp_directives(b),
                     lambda x, y: f"{x!r} vs {y!r}", missing="no csp.txt"),
        compare_maps("open data (data/**)", file_digests(a, "data"), file_digests(b, "data")),
        compare_maps("glossary marks (links and toggletips per page)", tooltips(a, plain_a), tooltips(b, plain_b),
                     lambda x, y: f"{x} vs {y}"),
        compare_maps("missing files that pages link to (pages linking)",
                     {k: str(v) for k, v in missing_a.items()}, {k: str(v) for k, v in missing_b.items()},
                     lambda x, y: f"{x} vs {y}"),
    ]


def _examples(label: str, items: list[str], limit: int) -> list[str]:
    if not items:
        return []
    more = f" (first {limit} of {len(items)})" if len(items) > limit else ""
    return [f"    {label}{more}:"] + [f"      {item}" for item in items[:limit]]


def format_report(sections: list[Section], label_a: str, label_b: str, limit: int = EXAMPLES) -> str:
    """A readable summary: one line of counts per kind, then the first few examples of each difference."""
    lines = [f"Comparing A = {label_a} with B = {label_b}"]
    for s in sections:
        counts = f"{s.count_a} in A, {s.count_b} in B"
        if s.same:
            lines.append(f"  {s.name}: same ({counts})")
            continue
        lines.append(f"  {s.name}: {counts}; {len(s.only_a)} only in A, {len(s.only_b)} only in B, "
                     f"{len(s.changed)} different")
        lines += _examples("only in A", s.only_a, limit)
        lines += _examples("only in B", s.only_b, limit)
        lines += _examples("different", s.changed, limit)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python scripts/compare_builds.py SITE_A SITE_B", file=sys.stderr)
        return 2
    a, b = (Path(arg) for arg in argv)
    missing = [str(site) for site in (a, b) if not site.is_dir()]
    if missing:
        print(f"No built site at {', '.join(missing)}: build it first (make build, make zensical or "
              "make properdocs).", file=sys.stderr)
        return 2
    print(format_report(compare_sites(a, b), str(a), str(b)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
