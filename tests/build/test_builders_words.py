"""Readers never see the builder's words: no built page, embeds included, shows "seed", "seed text",
"with JavaScript off", "the build", or the note that "the text does not spell out the name".

Only the visible text counts: attributes (data-*, ids, classes), code, scripts and styles are not read.
The About page may say how the site is made in one short section headed "How this site is made".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.build

BUILDERS_WORDS = re.compile(
    r"\bseed texts?\b|\bseeds?\b|\bwith javascript off\b|\bthe build\b|\bthe text does not spell out the name\b", re.IGNORECASE)
ALLOWED_SECTION = "how this site is made"  # the heading of the one section allowed them, on About only
ALLOWED_PAGES = {"about/index.html", "about/embed.html"}
SHORT = 250  # words: the most that section may hold
_NOT_SHOWN = {"script", "style", "template", "code", "pre", "head"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _VisibleText(HTMLParser):
    """The text a reader sees, in runs, each tagged with the h1/h2 section it falls in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.hidden = 0
        self.heading: list[str] | None = None
        self.section = ""
        self.runs: list[tuple[str, str]] = []  # (section heading, text)
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag in _NOT_SHOWN:
            self.hidden += 1
        if tag in ("h1", "h2"):
            self.heading = []

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _NOT_SHOWN:
                self.hidden -= 1
            if open_tag in ("h1", "h2") and self.heading is not None:
                # A heading's own text belongs to the section it opens.
                self.section = " ".join("".join(self.heading).split()).rstrip("¶").strip()
                self.runs.append((self.section, " ".join(self.heading) + " "))
                self.heading = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.hidden:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.runs.append((self.section, data))


def visible_runs(html: str) -> list[tuple[str, str]]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return [("", "".join(parser.title))] + parser.runs


def builders_words(html: str, allow_section: bool = False) -> tuple[list[str], int]:
    """Each builder's word shown, with its context; and how many words the allowed section holds."""
    by_section: dict[str, str] = {}
    for section, text in visible_runs(html):
        by_section[section] = by_section.get(section, "") + text
    hits, allowed_words = [], 0
    for section, text in by_section.items():
        text = " ".join(text.split())
        if allow_section and section.lower().startswith(ALLOWED_SECTION):
            allowed_words += len(text.split())
            continue
        for match in BUILDERS_WORDS.finditer(text):
            start, end = max(match.start() - 60, 0), match.end() + 60
            hits.append(f"'{match.group(0)}' in “…{text[start:end]}…”")
    return hits, allowed_words


def test_no_public_page_shows_the_builders_words(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert any(p.name == "embed.html" for p in pages) and (site_dir / "embed").is_dir(), "embeds are checked too"
    found = []
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        hits, allowed_words = builders_words(page.read_text(encoding="utf-8"), rel in ALLOWED_PAGES)
        if allowed_words > SHORT:
            found.append(f"{rel}: the section “How this site is made” has {allowed_words} words; keep it "
                         f"under {SHORT}")
        found += [f"{rel}: {hit}" for hit in hits]
    assert not found, (
        "readers should not meet the words of whoever builds the site. Say “the source” (or name the work) "
        "instead of “the seed” or “seed text”; describe what a reader without scripts gets instead of "
        "“with JavaScript off”; leave out “the build”. Only About's section “How this site is made” may "
        f"speak of them ({len(found)} found):\n" + "\n".join(found))


def test_only_visible_text_counts_and_about_may_explain_how_the_site_is_made():
    html = """<html><head><title>Page</title><meta name="description" content="the seed"></head><body>
      <article data-seed="seed-p2p"><h1 id="seed">Sources</h1>
      <p>The first group are the works <code>seed: true</code> marks.</p>
      <h2>How this site is made</h2><p>Five seed texts; the build checks each quotation.</p>
      <h2>Licence</h2><p>Readers never see the seed text here.</p></article></body></html>"""
    hits, allowed_words = builders_words(html, allow_section=True)
    assert hits == ["'seed text' in “…Licence Readers never see the seed text here.…”"]
    assert allowed_words == len("How this site is made Five seed texts; the build checks each quotation.".split())
    hits, _ = builders_words(html)
    assert [h.split("'")[1] for h in hits] == ["seed texts", "the build", "seed text"]
