"""The printable handbook: each module's own teaching prose, taken from its page, ready to print again.

A module page (docs/learn/<id>.md) reads: front matter, `# Title`, `{{ module_intro('<id>') }}`, the
prose, then `## Check your understanding` with the questions, the reflection and the links onward.
The handbook prints the intro, the questions and the reflection through their own macros, so from the
page it needs only the prose between the intro and the questions. Taking it from the page, rather than
writing it twice, keeps one copy of every sentence.

Two things change on the way: headings go down one level (the handbook's module heading is a level 2),
and every id in the HTML the prose's macros produce gets the module's prefix, because the handbook also
prints the full definitions and typologies, and an id may appear only once in a page.
"""

from __future__ import annotations

import re
import time

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,5}) ", re.M)
_ID_ATTRIBUTE = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_FRAGMENT_HREF = re.compile(r'\bhref="#([^"]+)"')
# A Markdown heading's own id, written with attr_list: `### SCIE: sharing power { #scie-share-power }`.
_HEADING_ID = re.compile(r"^(#{1,6} [^\n]*\{[^}\n]*?#)([A-Za-z][\w-]*)", re.M)


class ProseNotFound(ValueError):
    """The module page does not have the layout the handbook relies on."""


def module_prose(page_markdown: str, module_id: str) -> str:
    """The Markdown between a module page's intro macro and its questions, headings one level down."""
    text = _FRONT_MATTER.sub("", page_markdown, count=1)
    intro = re.search(r"^\{\{\s*module_intro\(\s*['\"]" + re.escape(module_id) + r"['\"]\s*\)\s*\}\}\s*$", text, re.M)
    questions = re.search(r"^##[^\n]*\n+\{\{\s*module_questions\(", text[intro.end():] if intro else "", re.M)
    if not intro or not questions:
        raise ProseNotFound(
            f"docs/learn/{module_id}.md: the handbook takes the prose between {{{{ module_intro('{module_id}') }}}} "
            f"and the heading above {{{{ module_questions('{module_id}') }}}}; keep both, in that order")
    prose = text[intro.end(): intro.end() + questions.start()].strip()
    return _HEADING.sub(lambda m: "#" + m.group(1) + " ", prose)


def prefix_ids(html: str, prefix: str) -> str:
    """Give every id in `html` (HTML attributes and Markdown heading ids) the prefix `<prefix>--`, and every reference to one of those ids with it."""
    own = set(re.findall(r'\bid="([^"]+)"', html)) | {m.group(2) for m in _HEADING_ID.finditer(html)}

    def renamed(token: str) -> str:
        return f"{prefix}--{token}" if token in own else token

    def attribute(match: re.Match) -> str:
        name, value = match.groups()
        return f'{name}="' + " ".join(renamed(token) for token in value.split()) + '"'

    html = _ID_ATTRIBUTE.sub(attribute, html)
    html = _HEADING_ID.sub(lambda m: m.group(1) + renamed(m.group(2)), html)
    # Same-page links follow their target when it was renamed here; others still point where they did.
    return _FRAGMENT_HREF.sub(lambda m: f'href="#{renamed(m.group(1))}"', html)


def build_date(environ: dict) -> str:
    """'22 November 2026': the day of SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    day = time.gmtime(int(epoch) if epoch else None)
    return f"{day.tm_mday} {time.strftime('%B %Y', day)}"
