"""The "Local" badge on every record a council adds from its own data folder."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.models import Content

LOCAL = "Local"


def badge_text(content: Content) -> str:
    """'Local · Harbourside Borough Council', or 'Local' if no council name is known."""
    return f"{LOCAL} · {content.local_name}" if content.local_name else LOCAL


def badge(record, content: Content) -> Markup:
    """The badge for a local record, empty for a national one. Words, not colour alone, say it is local."""
    if not getattr(record, "local", False):
        return Markup("")
    return Markup('<span class="local-badge">{}</span>').format(badge_text(content))


def with_badge(text: str, record, content: Content) -> Markup:
    """Text (escaped) followed by the record's badge, for lists that name records by title."""
    mark = badge(record, content)
    return Markup("{} {}").format(text, mark) if mark else Markup(escape(text))
