"""The history timeline: events grouped by era, as a semantic ordered list."""

from __future__ import annotations

from ..models import Content, Event
from .citations import cite
from .links import Links
from .markup import inline, md_heading, render


def select_events(content: Content, *, era: str | None = None, theme: str | None = None,
                  person: str | None = None) -> list[Event]:
    """Events in date order, narrowed by any of era, theme and person. Unknown ids are the caller's error."""
    return [
        e for e in content.events.values()
        if (era is None or e.era == era)
        and (theme is None or theme in e.themes)
        and (person is None or person in e.people)
    ]


def event_view(event: Event, content: Content, links: Links) -> dict:
    return {
        "event": event,
        "summary": inline(event.summary),
        "date_note": inline(event.date_note),
        "people": [(content.people[p].name, links.person(p)) for p in event.people],
        "themes": [content.themes[t] for t in event.themes],
        "citations": cite(event.sources, content, links),
        "era": content.eras[event.era],
    }


def timeline(content: Content, links: Links, *, era=None, theme=None, person=None, heading_level: int = 2) -> str:
    """Markdown headings per era (so they reach the table of contents), each followed by its list of events."""
    events = select_events(content, era=era, theme=theme, person=person)
    parts = []
    for era_record in content.eras.values():
        in_era = [e for e in events if e.era == era_record.id]
        if not in_era:
            continue
        hashes = "#" * heading_level
        years = f"{era_record.start} to {era_record.end}" if era_record.end < 2030 else f"{era_record.start} onwards"
        parts.append(f"{hashes} {md_heading(era_record.title)} {{ #era-{era_record.id} }}")
        parts.append(render(
            "timeline.html", era=era_record, years=years, era_summary=inline(era_record.summary),
            events=[event_view(e, content, links) for e in in_era], heading_level=heading_level + 1))
    return "\n\n".join(parts)
