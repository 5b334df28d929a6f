"""The glossary page, and the abbreviation lines that give glossary terms tooltips on every page."""

from __future__ import annotations

import re

from macros.components.citations.render import cite
from macros.links import Links
from macros.local import badge
from macros.markup import inline, render
from macros.models import Content


def glossary(content: Content, links: Links) -> str:
    terms = sorted(content.terms.values(), key=lambda t: t.term.lower())
    views = [
        {"t": t, "definition": inline(t.definition), "sources": cite(t.sources, content, links) if t.sources else "",
         "see_also": [(content.terms[s].term, links.term(s)) for s in t.see_also], "badge": badge(t, content)}
        for t in terms
    ]
    return render("glossary.html", views=views)


def plain_text(text: str) -> str:
    """The Markdown subset reduced to plain words, for tooltip text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text).replace("\n", " ").strip()


def tooltips(content: Content) -> dict[str, str]:
    """Each tooltip word and the text it shows: the term (when the word is an abbreviation) and its definition."""
    found = {}
    for term in content.terms.values():
        for word in term.tooltip:
            meaning = plain_text(term.definition)
            found[word] = meaning if word.lower() == term.term.lower() else f"{term.term}: {meaning}"
    return found


def abbreviations(content: Content) -> str:
    """Python-Markdown 'abbr' definitions for the Markdown prose of every page; material shows them as tooltips."""
    return "\n".join(f"*[{word}]: {text}" for word, text in sorted(tooltips(content).items()))
