"""The glossary page, and what each glossary word becomes on the other pages (mentions.py marks them)."""

from __future__ import annotations

import re

from macros.components.citations.render import cite
from macros.components.glossary.mentions import Mention
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
    """The Markdown subset reduced to plain words, for a toggletip's text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text).replace("\n", " ").strip()


# A term named as its initials and their words, "NEF (New Economics Foundation)".
_INITIALS_AND_WORDS = re.compile(r"^(?P<initials>\S+) \((?P<words>[^)]+)\)$")


def definition_text(term, word: str) -> str:
    """A toggletip's text: the definition, led by the term's name when the word shown is not the name itself."""
    meaning = plain_text(term.definition)
    return meaning if word.lower() == term.term.lower() else f"{term.term}: {meaning}"


def full_words(term, word: str) -> str:
    """The words a glossary word stands for, to spell it out on first use: 'general practitioners' for 'GPs'
    when the term is 'GP (general practitioner)'; '' for a term that is words already or has none known."""
    named = _INITIALS_AND_WORDS.match(term.term)
    if not named:
        return ""
    initials, words = named["initials"], named["words"]
    if word.lower() == initials.lower():
        return words
    if word.lower() == initials.lower() + "s":  # a plural: 'GPs'
        return words + "s"
    return ""


def mentions(content: Content) -> dict[str, Mention]:
    """Each glossary word (a term's `tooltip` words) and what it becomes on a page (mentions.mark)."""
    return {word: Mention(term.id, word, full_words(term, word), definition_text(term, word))
            for term in content.terms.values() for word in term.tooltip}
