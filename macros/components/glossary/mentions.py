"""Glossary terms in a page's HTML: the first use spelled out and linked, later ones a toggletip.

The whole page is marked in one pass, in reading order, so "first" means first on the page, whether the words
come from the page's own prose or from a macro's HTML.

- The first use of a term on a page is spelled out in words, "New Economics Foundation (NEF)", and links to
  its glossary entry. A text that gives its own words in brackets, "family doctors (GPs)" or "NEF (New
  Economics Foundation)", keeps them.
- In each later section (a level-2 heading starts one) the first use is a toggletip: a link to the entry, with
  the definition in `data-definition`, which the glossary's script turns into a button that shows it. Other
  repeats stay plain text, so a page is not crowded with controls.
- Nothing changes inside headings, table headers (a sortable column's header becomes a button, and a link
  inside a button is not allowed), links, code, labels, summaries, captions and titles of works; and a
  quotation's words are never changed: there a use can only be a toggletip, and does not count as the first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

# Text inside these keeps its own meaning, or cannot hold a link or a button.
NOT_IN = frozenset({"a", "abbr", "button", "caption", "cite", "code", "h1", "h2", "h3", "h4", "h5", "h6", "kbd",
                    "label", "option", "pre", "samp", "select", "summary", "svg", "textarea", "th", "time", "title"})
QUOTES = frozenset({"blockquote", "q"})
SECTION = "h2"

TERM_CLASS = "glossary-term"  # a first use
TIP_CLASS = "glossary-tip"  # a later use, enhanced into a toggletip by toggletips.js

# A comment, a script or style with its content, or a tag (quoted attribute values may hold '>').
_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|</?[a-zA-Z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>",
                    re.DOTALL | re.IGNORECASE)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


@dataclass(frozen=True)
class Mention:
    """What one glossary word can become on a page."""

    term_id: str
    word: str  # as written in the text: 'NEF'
    full_words: str  # 'New Economics Foundation', or '' when the term has none to spell out
    definition: str  # the toggletip's text, in plain words

    @property
    def spelled_out(self) -> str:
        return f"{self.full_words} ({self.word})" if self.full_words else self.word


@dataclass(frozen=True)
class Marked:
    html: str
    first_uses: int = 0
    toggletips: int = 0


def mark(page_html: str, mentions: dict[str, Mention], href: Callable[[str], str]) -> Marked:
    """The page's HTML with its glossary words marked; `href(term_id)` is the entry's address from this page."""
    if not mentions:
        return Marked(page_html)
    words = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(mentions, key=len, reverse=True))) + r")(?![\w-])")
    on_page: set[str] = set()
    in_section: set[str] = set()
    inside = {"skip": 0, "quote": 0}
    counts = {"first": 0, "tips": 0}

    def replace(match: re.Match) -> str:
        mention = mentions[match.group(1)]
        term, text = mention.term_id, match.string
        if term not in on_page and not inside["quote"]:
            on_page.add(term)
            in_section.add(term)
            counts["first"] += 1
            words_already = _spelled_out_nearby(text, match, mention.full_words)
            label = mention.word if words_already else mention.spelled_out
            return f'<a class="{TERM_CLASS}" href="{_attr(href(term))}">{html.escape(label, quote=False)}</a>'
        if term in in_section:
            return match.group(0)
        in_section.add(term)
        counts["tips"] += 1
        return (f'<a class="{TIP_CLASS}" href="{_attr(href(term))}" data-definition="{_attr(mention.definition)}">'
                f"{html.escape(mention.word, quote=False)}</a>")

    out, last = [], 0
    for token in _TOKEN.finditer(page_html):
        text = page_html[last:token.start()]
        out.append(words.sub(replace, text) if text and not inside["skip"] else text)
        out.append(token.group(0))
        last = token.end()
        name = _TAG_NAME.match(token.group(0))
        if name and not token.group(0).endswith("/>"):
            closing, tag = name.group(1) == "/", name.group(2).lower()
            step = -1 if closing else 1
            if tag in NOT_IN:
                inside["skip"] = max(inside["skip"] + step, 0)
            elif tag in QUOTES:
                inside["quote"] = max(inside["quote"] + step, 0)
            if tag == SECTION and not closing:
                in_section.clear()
    text = page_html[last:]
    out.append(words.sub(replace, text) if text and not inside["skip"] else text)
    return Marked("".join(out), counts["first"], counts["tips"])


def _spelled_out_nearby(text: str, match: re.Match, full_words: str) -> bool:
    """Whether the text gives the words itself, in brackets: 'family doctors (GPs' or 'NEF (New Economics'."""
    if not full_words:
        return False
    return text[:match.start()].rstrip().endswith("(") or text[match.end():].lstrip().startswith("(")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
