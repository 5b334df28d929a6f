"""Shared helpers for turning data text into safe HTML: escaping, the Markdown subset, and the Jinja partials."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

# Partials live beside the component that renders them (macros/components/<name>/*.html); names are unique
# across components, so one loader searches every folder and a partial may import another's macros.
_MACROS_DIR = Path(__file__).resolve().parent
TEMPLATE_DIRS = [_MACROS_DIR / "templates", *sorted(p for p in (_MACROS_DIR / "components").iterdir() if p.is_dir())]

_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # The 'zero' preset turns everything off, raw HTML included; we enable only the documented subset.
    md = MarkdownIt("zero").enable(["emphasis", "link", "escape", "backticks"])
    md.validateLink = lambda url: bool(_SAFE_URL.match(url))
    return md


def inline(text: str | None) -> Markup:
    """Render data text with the Markdown subset (emphasis, strong, http/https links) as inline HTML."""
    if not text:
        return Markup("")
    return Markup(_markdown().renderInline(text).strip())


def plain(text: str | None) -> Markup:
    """Escape data text that must be shown exactly as written, such as a verbatim quotation."""
    return escape(text or "")


def md_heading(text: str) -> str:
    """Make data text safe inside a Markdown heading: HTML-escaped and with Markdown punctuation backslashed."""
    backslashed = re.sub(r"([\\`*_{}\[\]()#+!])", r"\\\1", text)
    return html.escape(backslashed, quote=False)


@lru_cache(maxsize=1)
def templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(d) for d in TEMPLATE_DIRS]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # The compiled partials, kept between builds in Jinja's private folder under the system's temporary
        # directory (as hooks/template_cache.py keeps the theme's): compiling them was a tenth of a build.
        # An entry is used only while its partial's source is unchanged, so the pages are the same without it.
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters["inline"] = inline
    return env


def render(template: str, **context) -> str:
    """Render a partial. Blank lines are dropped so Markdown treats the result as one raw HTML block."""
    html = templates().get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_cards(kind: str, cards: list[tuple[str, str, str]]) -> str:
    """A grid of cards, from (heading text, id, body HTML): each heading a Markdown heading, for the TOC.

    Not `render`: the blank lines around each heading are what lets Markdown see it."""
    return templates().get_template("cards.html").render(
        kind=kind, cards=[{"heading": Markup(md_heading(h)), "id": i, "body": Markup(b)} for h, i, b in cards])
