"""Words of main text on each built page: `python scripts/page_words.py [SITE_DIR]`.

A page's main text is every word inside its `<article>` (the page body material renders, without the
header, navigation, table of contents or footer), scripts and styles left out. Nothing else is
discounted, so what is counted is what a reader scrolls through. Embeds are not counted: they show
one view each. The limit is 3,000 words; the bibliography and the printable handbook are exempt,
because they are reference lists meant to be long.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

LIMIT = 3000
EXEMPT = {"sources/", "learn/handbook/"}


class _ArticleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        elif tag in ("script", "style", "template"):
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
        elif tag in ("script", "style", "template"):
            self.skipping -= 1

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def page_words(site: Path) -> dict[str, int]:
    """Each page's path under the site ("history/", "" for home) to its main-text word count."""
    counts = {}
    for page in sorted(site.rglob("index.html")):
        path = page.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if path.startswith("embed/"):
            continue
        counts[path] = len(main_text(page.read_text(encoding="utf-8")).split())
    return counts


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    counts = page_words(site)
    width = max(len(p) for p in counts) + 1
    over = 0
    for path, words in sorted(counts.items(), key=lambda kv: -kv[1]):
        mark = ""
        if path in EXEMPT:
            mark = "  (exempt)"
        elif words > LIMIT:
            mark, over = f"  (over {LIMIT:,})", over + 1
        print(f"/{path:<{width}} {words:6,}{mark}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
