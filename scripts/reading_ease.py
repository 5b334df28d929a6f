"""Flesch reading ease of the course modules and of every public page: `python scripts/reading_ease.py`.

Modules. A module's text is its page's own prose (docs/learn/<id>.md without front matter, macro calls,
HTML, headings' attribute lists or link addresses) plus its data in data/course.yml: summary, objectives,
key points, and each question's prompt, options, items and feedback. Quoted definitions are exempt: they
reach the page through macros, which are left out.

Pages. A page's text is the main text of the built page (its `<article>`: what material renders of the
page body, without the header, navigation, table of contents or footer), so it includes everything the
macros add from the data. Left out: quotations (`<blockquote>`, `<q>` and any element marked
`class="verbatim"` or `data-verbatim`), titles of works (`<cite>`), Harvard references (the
bibliography's and each "Cite this"), the bibliography's index of where each source is used (a list of
record titles, each measured on its own page), file names (the downloads), code (the embed snippets), scripts,
styles and the headings' permalink signs. Each block (paragraph, list item, heading, table cell, term,
label...) counts as a sentence. Every built page is measured except the embeddable views and the
printable handbook (which repeats the modules).

The target for both is 60 or more (plain English). Needs textstat (requirements-test.txt).

    python scripts/reading_ease.py              # build the site into a temporary folder, then measure
    python scripts/reading_ease.py --site site  # measure a site already built there
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
from macros.components.course.render import page_text  # noqa: E402  (one definition of a page's own words)

TARGET = 60.0
# Built pages that are not measured: the embeddable views (copies of pages and components) and the
# printable handbook, whose text is the modules' own.
NOT_MEASURED = ("embed/", "learn/handbook/")


def sentence(text: str) -> str:
    """Text as one sentence: list items and option labels often lack a full stop."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".?!" else text + "."


def page_prose(markdown: str) -> str:
    """A page's own prose: no front matter, macro calls, HTML, attribute lists or link addresses."""
    text = page_text(markdown)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", line) for line in block.splitlines()]
        block = " ".join(line.strip() for line in lines if line.strip())
        block = re.sub(r"[*_`]", "", block)
        if block:
            paragraphs.append(sentence(block))
    return "\n".join(paragraphs)


def module_data_text(module: dict) -> str:
    parts = [module["summary"], *module["objectives"], *module["key_points"]]
    for q in module["questions"]:
        parts.append(q.get("prompt") or q.get("statement") or "")
        for choice in q.get("options", []) + q.get("reasons", []):
            parts += [choice["text"], choice["feedback"]]
        for item in q.get("items", []):
            parts += [item["text"], item["feedback"]]
    return "\n".join(sentence(p) for p in parts if p)


def module_texts(root: Path = ROOT) -> dict[str, str]:
    """Each module id to the text its reading ease is measured on."""
    course = yaml.safe_load((root / "data" / "course.yml").read_text(encoding="utf-8"))
    texts = {}
    for module in course["modules"]:
        page = root / "docs" / "learn" / f"{module['id']}.md"
        prose = page_prose(page.read_text(encoding="utf-8")) if page.is_file() else ""
        texts[module["id"]] = prose + "\n" + module_data_text(module)
    return texts


def _flesch(text: str) -> float:
    import textstat

    textstat.set_lang("en_US")
    return textstat.flesch_reading_ease(text)


def scores(root: Path = ROOT) -> dict[str, float]:
    """Each module id to its Flesch reading ease."""
    return {mid: _flesch(text) for mid, text in module_texts(root).items()}


# --- Pages: the built page's main text, quotations left out -------------------------------------------

# Each of these starts a new sentence: its text is a unit a reader takes in on its own.
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "summary",
           "figcaption", "label", "option", "button", "legend", "div", "section", "article", "details",
           "ol", "ul", "dl", "table", "tr", "form", "select", "nav", "aside", "header", "footer", "br", "hr"}
# Left out with everything inside them.
_SKIPPED = {"script", "style", "template", "code", "pre", "blockquote", "q", "svg", "textarea", "cite"}
# References, not prose: a Harvard reference is names, a title and publication details, which no rewording
# can make plainer (the bibliography's entries, and each "Cite this" citation).
_REFERENCES = {"reference", "cite-text"}
# Indexes, not prose: "Where this site uses it" under each source lists the titles of the records that cite
# it ("Glossary: Co-production"), a page of them on the Sources page. Each title is measured where its record is.
_INDEXES = {"backlinks"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# File names (the Open data page's downloads: "typologies-categories.csv") are names, not words to simplify.
_FILE_NAME = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:json|csv|txt|zip|pdf)(?![\w.-])", re.IGNORECASE)


class _Prose(HTMLParser):
    """The sentences of a page's <article>, with quotations, code and permalinks left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip_depth = 0   # > 0 while inside a left-out element
        self.stack: list[str] = []  # open tags inside the article, to find where a left-out element ends
        self.skip_at: list[int] = []
        self.buffer: list[str] = []
        self.sentences: list[str] = []

    def _flush(self) -> None:
        text = " ".join(_FILE_NAME.sub(" ", " ".join(self.buffer)).split())
        self.buffer = []
        if re.search(r"[A-Za-z0-9]", text):
            self.sentences.append(sentence(text))

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
            return
        if not self.in_article:
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        left_out = (tag in _SKIPPED or "verbatim" in classes or "data-verbatim" in attributes
                    or "headerlink" in classes or _REFERENCES.intersection(classes) or _INDEXES.intersection(classes))
        if tag in _BLOCKS and not self.skip_depth:
            self._flush()
        if tag in _VOID:
            return
        self.stack.append(tag)
        if left_out:
            self.skip_depth += 1
            self.skip_at.append(len(self.stack))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1
            self._flush()
            return
        if not self.in_article or tag in _VOID or tag not in self.stack:
            return
        # Close up to the matching open tag (HTML lets some end tags be left out).
        while self.stack:
            depth = len(self.stack)
            open_tag = self.stack.pop()
            if self.skip_at and self.skip_at[-1] == depth:
                self.skip_at.pop()
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCKS and not self.skip_depth:
            self._flush()

    def handle_data(self, data):
        if self.in_article and not self.skip_depth:
            self.buffer.append(data)


def html_prose(html: str) -> str:
    """A built page's own prose: its main text as one sentence per block, quotations and code left out."""
    parser = _Prose()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n".join(parser.sentences)


def page_texts(site: Path) -> dict[str, str]:
    """Each measured page's path under the site ("history/", "" for home) to its prose."""
    texts = {}
    for page in sorted(Path(site).rglob("index.html")):
        path = page.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if path.startswith(NOT_MEASURED):
            continue
        texts[path] = html_prose(page.read_text(encoding="utf-8"))
    return texts


def page_scores(site: Path) -> dict[str, float]:
    """Each measured page's path under the site to its Flesch reading ease."""
    return {path: _flesch(text) for path, text in page_texts(site).items()}


def hardest_sentences(text: str, n: int = 3) -> list[str]:
    """The sentences that pull a text's score down most: the longest, counting words and syllables."""
    import textstat

    found = [s for block in text.splitlines() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“‘\"(])", block)]
    unique = list(dict.fromkeys(s.strip() for s in found if s.strip()))
    return sorted(unique, key=lambda s: len(s.split()) + textstat.syllable_count(s) / 2, reverse=True)[:n]


def source_of(path: str, docs: Path = ROOT / "docs") -> str:
    """The Markdown file a built page comes from ("history/" -> "docs/history.md"), as best it can tell."""
    stem = path.rstrip("/")
    for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
        if (docs / candidate).is_file():
            return f"docs/{candidate}"
    return f"the page at /{path}"


def _build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"the site did not build, so its pages could not be measured:\n{result.stdout}{result.stderr}")


def _table(title: str, results: dict[str, float], label=lambda key: key) -> int:
    print(title)
    names = {key: label(key) for key in results}
    width = max(len(n) for n in names.values())
    below = 0
    for key, score in results.items():
        mark = ""
        if score < TARGET:
            mark, below = f"  (below {TARGET:.0f})", below + 1
        print(f"  {names[key]:<{width}}  {score:5.1f}{mark}")
    return below


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Flesch reading ease of the course modules and of every public page.")
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one into a temporary folder)")
    args = parser.parse_args(argv)
    below = _table("Course modules (page prose and course data):", scores())
    print()
    if args.site:
        results = page_scores(args.site)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            _build(Path(tmp) / "site")
            results = page_scores(Path(tmp) / "site")
    below += _table("Pages (the built page's main text, quotations left out):", results, lambda p: f"/{p}")
    print(f"\nTarget: {TARGET:.0f} or more. " + (f"{below} below it." if below else "Every module and page meets it."))
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
