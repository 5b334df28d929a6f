"""The glossary page, and the abbreviation lines that give glossary terms tooltips on every page."""

from __future__ import annotations

import re

from ..models import Content
from .citations import cite
from .links import Links
from .markup import render, inline


def glossary(content: Content, links: Links) -> str:
    terms = sorted(content.terms.values(), key=lambda t: t.term.lower())
    views = [
        {"t": t, "definition": inline(t.definition), "sources": cite(t.sources, content, links) if t.sources else "",
         "see_also": [(content.terms[s].term, links.term(s)) for s in t.see_also]}
        for t in terms
    ]
    return render("glossary.html", views=views)


def plain_text(text: str) -> str:
    """The Markdown subset reduced to plain words, for tooltip text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text).replace("\n", " ").strip()


def abbreviations(content: Content) -> str:
    """Python-Markdown 'abbr' definitions; material shows them as tooltips. Longest words first, so they win."""
    pairs = [(word, t) for t in content.terms.values() for word in t.tooltip]
    lines = [f"*[{word}]: {term.term}: {plain_text(term.definition)}" if word != term.term else
             f"*[{word}]: {plain_text(term.definition)}" for word, term in sorted(pairs, key=lambda p: (-len(p[0]), p[0]))]
    return "\n".join(lines)
