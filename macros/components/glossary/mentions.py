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

# What changes what a word may become: a start or end tag named above (case-insensitive), a comment, or a script
# or style with its content (their insides are not text). Any other tag is passed over.
_TAGS = "|".join(sorted(NOT_IN | QUOTES | {SECTION}, key=len, reverse=True))
_TOKEN = (r"(?i:<(?:!--.*?-->|(script|style)\b.*?</\1\s*>"
          r"|(/?)(" + _TAGS + r")(?=[\s/>])[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>))")
# A whole word outside any tag: the next angle bracket after it is not a tag's '>' (text escapes its own).
_WORD = r"(?<![\w-])({words})(?![\w-])(?![^<>]*>)"


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
    """The page's HTML with its glossary words marked; `href(term_id)` is the entry's address from this page.

    One scan of the page, in reading order: the regular expression passes over every other tag itself, so
    on a long page only the tags that matter and the words are seen here."""
    if not mentions:
        return Marked(page_html)
    words = "|".join(map(re.escape, sorted(mentions, key=len, reverse=True)))
    # The look-ahead lets the expression skip to the next '<' or a word's first letter.
    first_letters = "".join(sorted({re.escape(word[0]) for word in mentions}))
    scan = re.compile(f"(?=[<{first_letters}])(?:{_TOKEN}|{_WORD.format(words=words)})", re.DOTALL)
    on_page: set[str] = set()
    in_section: set[str] = set()
    skip = quote = first_uses = toggletips = 0
    out, last = [], 0
    for match in scan.finditer(page_html):
        word = match.group(4)
        if word is None:  # a tag, a comment, a script or a style
            tag = match.group(3)
            if tag and not match.group(0).endswith("/>"):
                closing, tag = match.group(2) == "/", tag.lower()
                step = -1 if closing else 1
                if tag in NOT_IN:
                    skip = max(skip + step, 0)
                elif tag in QUOTES:
                    quote = max(quote + step, 0)
                if tag == SECTION and not closing:
                    in_section.clear()
            continue
        if skip:
            continue
        mention = mentions[word]
        term = mention.term_id
        if term not in on_page and not quote:
            on_page.add(term)
            in_section.add(term)
            first_uses += 1
            label = mention.word if _spelled_out_nearby(page_html, match, mention.full_words) else mention.spelled_out
            new = f'<a class="{TERM_CLASS}" href="{_attr(href(term))}">{html.escape(label, quote=False)}</a>'
        elif term in in_section:
            continue
        else:
            in_section.add(term)
            toggletips += 1
            new = (f'<a class="{TIP_CLASS}" href="{_attr(href(term))}" data-definition="{_attr(mention.definition)}">'
                   f"{html.escape(mention.word, quote=False)}</a>")
        out.append(page_html[last:match.start()])
        out.append(new)
        last = match.end()
    out.append(page_html[last:])
    return Marked("".join(out), first_uses, toggletips)


def _spelled_out_nearby(text: str, match: re.Match, full_words: str) -> bool:
    """Whether the text gives the words itself, in brackets: 'family doctors (GPs' or 'NEF (New Economics'.
    Only white space may come between (a tag ends in '>', so the bracket must be in the same run of text)."""
    if not full_words:
        return False
    before, after = match.start(), match.end()
    while before > 0 and text[before - 1].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    return text[before - 1:before] == "(" or text[after:after + 1] == "("


def _attr(value: str) -> str:
    return html.escape(value, quote=True)
