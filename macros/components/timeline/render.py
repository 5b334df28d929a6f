"""The history timeline: events grouped by era, as a semantic ordered list.

The History page shows every event as a compact entry (date, title, summary and sources) under the
explorer; each era has a page of its own (docs/history/<era id>.md) with its events in full: the date
notes, people, themes and "Cite this". An event's compact entry keeps its id on the History page, and
links to its full record on its era's page, which is the address its citation gives.
"""

from __future__ import annotations

from macros.components.citations.render import cite
from macros.links import Links
from macros.local import badge
from macros.markup import inline, md_heading, render
from macros.models import Content, Event


def select_events(content: Content, *, era: str | None = None, theme: str | None = None,
                  person: str | None = None) -> list[Event]:
    """Events in date order, narrowed by any of era, theme and person. Unknown ids are the caller's error."""
    return [
        e for e in content.events.values()
        if (era is None or e.era == era)
        and (theme is None or theme in e.themes)
        and (person is None or person in e.people)
    ]


# Each era's page, with its events in full.
ERA_PAGES = "history"


def era_page_src(era_id: str) -> str:
    """The source file in docs/ of an era's page: history/<era id>.md."""
    return f"{ERA_PAGES}/{era_id}.md"


def era_years(era) -> str:
    return f"{era.start} to {era.end}" if era.end < 2030 else f"{era.start} onwards"


def event_view(event: Event, content: Content, links: Links) -> dict:
    return {
        "record": f"{links.src(era_page_src(event.era))}#{event.id}",
        "event": event,
        "summary": inline(event.summary),
        "date_note": inline(event.date_note),
        "people": [(content.people[p].name, links.person(p)) for p in event.people],
        "themes": [content.themes[t] for t in event.themes],
        "citations": cite(event.sources, content, links),
        "era": content.eras[event.era],
        "badge": badge(event, content),
    }


# How timeline.js draws the explorer. Typed once, here: timeline_explorer.html writes them into the form's
# data- attributes, which the script reads; tests/unit/test_components.py checks timeline.css.
EXPLORER_PAGE = 100   # events shown per page of matches
AXIS_MARKS = 250      # above this many events the axis shows a per-year histogram instead of marks
AXIS_MIN_WIDTH = 560  # px: the plot's min-width (28rem in timeline.css), i.e. its width on every phone
AXIS_MARK = 24        # px: the smallest mark, the WCAG 2.2 target size
AXIS_LANE = 28        # px between lanes on the axis; each row's label line is one lane high too
AXIS_MAX_LANES = 7    # per row: beyond this, marks share lanes
SCRIPT_SETTINGS = {"page": EXPLORER_PAGE, "marks": AXIS_MARKS, "mark": AXIS_MARK, "lane": AXIS_LANE,
                   "max-lanes": AXIS_MAX_LANES}

# The axis's rows: what is known of each event's date. Exact dates come first and are drawn boldly; dates the
# sources give only as a decade or a range sit below, drawn lightly, so the least certain never stand out most.
AXIS_ROWS = (("exact", "Exact dates"), ("approximate", "Approximate dates"))


def axis_years(events: list[Event]) -> tuple[int, int]:
    """The axis's first and last years, whole decades around the events: its ticks and its accessible name."""
    y0 = min(e.date.start_year for e in events) // 10 * 10
    y1 = -(-(max(e.date.end_year for e in events) + 1) // 10) * 10
    return y0, y1


def _pack(events: list[Event], pct, scale: float) -> int:
    """How many lanes one row needs: the same greedy packing as drawAxis in timeline.js."""
    smallest = AXIS_MARK / scale
    lanes: list[float] = []
    for e in sorted(events, key=lambda e: (e.date.start_year, e.date.end_year)):
        start, end = e.date.start_year, e.date.end_year
        left = pct(start + 0.5) - smallest / 2 if e.date.exact else pct(start)
        span = max(smallest if e.date.exact else pct(end + 1) - pct(start), smallest)
        lane = 0
        while lane < len(lanes) and lanes[lane] > left:
            lane += 1
        if lane == AXIS_MAX_LANES:
            lane = lanes.index(min(lanes))
        if lane == len(lanes):
            lanes.append(0)
        lanes[lane] = left + span + 4 / scale
    return len(lanes)


def axis_lanes(events: list[Event], width: float = AXIS_MIN_WIDTH) -> int | None:
    """How many lane heights timeline.js draws the axis's rows in at `width` px (None: it draws the histogram).

    Each row that has events takes a label line and its lanes. At the plot's narrowest width (every phone) this
    is the exact count; wider plots overlap less and need the same or a lane or two fewer. The template puts it
    on the axis, so that CSS reserves the axis's height from the first paint (no layout shift when the
    script draws it)."""
    if not events or len(events) > AXIS_MARKS:
        return None
    y0, y1 = axis_years(events)
    def pct(year: float) -> float:
        return (year - y0) / (y1 - y0) * 100
    rows = ([e for e in events if e.date.exact], [e for e in events if not e.date.exact])
    return sum(1 + _pack(row, pct, width / 100) for row in rows if row)


def milestone_views(events: list[Event]) -> list[dict]:
    """The milestones the axis names (`milestone: true`), in date order, each on a line of its own so that
    no two labels can overlap at any width. A label starts at its event's date in the axis's first half
    and ends there in the second, so that it stays inside the plot."""
    if not events:
        return []
    y0, y1 = axis_years(events)
    views = []
    for e in sorted((e for e in events if e.milestone), key=lambda e: (e.date.start, e.date.end)):
        middle = (e.date.start_year + e.date.end_year + 1) / 2
        views.append({"event": e, "label": e.short_title or e.title, "end": (middle - y0) / (y1 - y0) > 0.5})
    return views


def explorer_view(events: list[Event], content: Content, key: str = "timeline") -> dict:
    """What the filter controls offer: only the themes, people and eras these events have, in data order."""
    themes = {t for e in events for t in e.themes}
    people = {p for e in events for p in e.people}
    eras = [e for e in content.eras.values() if any(ev.era == e.id for ev in events)]
    first_year, last_year = axis_years(events) if events else ("", "")
    in_page_order = [e for era in content.eras for e in events if e.era == era]
    lanes = axis_lanes(in_page_order)
    return {
        "key": key,
        "total": len(events),
        "themes": [t for t in content.themes.values() if t.id in themes],
        "people": sorted((p for p in content.people.values() if p.id in people), key=lambda p: p.sort_name),
        "eras": [{"era": e, "number": n, "years": era_years(e), "events": sum(ev.era == e.id for ev in events)}
                 for n, e in enumerate(eras, 1)],
        # One value for the ticks (timeline.js reads data-from and data-to) and the axis's accessible name.
        "first_year": first_year,
        "last_year": last_year,
        # In page order (era by era), as the script reads them, so that ties pack the same way.
        "lanes": lanes,
        "rows": AXIS_ROWS,
        "milestones": milestone_views(events) if lanes else [],
        "settings": SCRIPT_SETTINGS,
    }


def timeline(content: Content, links: Links, *, era=None, theme=None, person=None, heading_level: int = 2,
             explorer: bool = True, compact: bool = False) -> str:
    """Markdown headings per era (so they reach the table of contents), each followed by its list of events.

    With `explorer`, the list is preceded by the (hidden) filter controls and axis that timeline.js brings to life.
    With `compact`, each event shows its date, title, summary and sources, and links to its full record on
    its era's page; each era links to that page instead of repeating its summary.
    """
    events = select_events(content, era=era, theme=theme, person=person)
    parts = [render("timeline_explorer.html", **explorer_view(events, content))] if explorer and events else []
    for era_record in content.eras.values():
        in_era = [e for e in events if e.era == era_record.id]
        if not in_era:
            continue
        hashes = "#" * heading_level
        parts.append(f"{hashes} {md_heading(era_record.title)} {{ #era-{era_record.id} }}")
        parts.append(render(
            "timeline.html", era=era_record, years=era_years(era_record), era_summary=inline(era_record.summary),
            era_href=links.src(era_page_src(era_record.id)), compact=compact, on_era_page=False,
            events=[event_view(e, content, links) for e in in_era], heading_level=heading_level + 1))
    return "\n\n".join(parts)


def era_guide(content: Content, links: Links) -> str:
    """The eras at a glance, for the top of the History page: each era's title (a link to its page), years,
    number of events and summary."""
    eras = [{"era": e, "href": links.src(era_page_src(e.id)), "years": era_years(e), "summary": inline(e.summary),
             "events": len(content.events_in(e.id))} for e in content.eras.values()]
    return render("timeline_era_guide.html", eras=eras)


def era_page(era_id: str, content: Content, links: Links) -> str:
    """An era's page: its title as the page heading, its summary, every event in full, and the eras either side.

    The events are headings one level below the page's, carry the same ids as their entries on the History
    page, and their "Cite this" gives this page's address.
    """
    eras = list(content.eras.values())
    at = [e.id for e in eras].index(era_id)
    era_record = eras[at]
    events = [event_view(e, content, links) for e in content.events_in(era_id)]
    neighbour = lambda e: {"title": e.title, "href": links.src(era_page_src(e.id)), "years": era_years(e)}  # noqa: E731
    return "\n\n".join([
        f"# {md_heading(era_record.title)}",
        render("timeline_era_intro.html", number=at + 1, total=len(eras), history=links.page("history"),
               timeline=links.to("history", f"era-{era_id}")),
        render("timeline.html", era=era_record, years=era_years(era_record), era_summary=inline(era_record.summary),
               era_href="", compact=False, on_era_page=True, events=events, heading_level=2),
        render("timeline_era_pager.html", previous=neighbour(eras[at - 1]) if at > 0 else None,
               next=neighbour(eras[at + 1]) if at + 1 < len(eras) else None, history=links.page("history")),
    ])


def era_description(era_id: str, content: Content) -> str:
    """An era page's meta description, from the data: its years and summary."""
    era_record = content.eras[era_id]
    return f"{era_record.title}, {era_years(era_record)}: {era_record.summary}"
