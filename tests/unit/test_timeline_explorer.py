"""The timeline explorer's markup: what timeline.js reads from the page, checked without mkdocs or a browser."""

import copy
import re
from html.parser import HTMLParser

import pytest

from macros.components.timeline import render as timeline
from macros.links import Links
from macros.models import VocabularyTerm

LINKS = Links.for_page("history/")


class _Elements(HTMLParser):
    """Every start tag as (tag, attrs dict), in document order."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select id="timeline-{name}" name="{name}">(.*?)</select>', html, flags=re.S)
    assert select, f"no {name} select"
    return re.findall(r'<option value="([^"]*)">', select.group(1))


def test_explorer_comes_first_hidden_until_the_script_reveals_it(content):
    html = timeline.timeline(content, LINKS)
    first_block = html.split("\n\n", 1)[0]
    assert first_block.startswith('<form class="timeline-explorer" id="timeline" data-timeline-explorer="timeline"')
    tag, attrs = elements(first_block)[0]
    assert "hidden" in attrs, "readers without JavaScript must not see controls that do nothing"
    assert f">{len(content.events)} of {len(content.events)} events<" in first_block
    assert 'role="status"' in first_block and 'aria-live="polite"' in first_block


def test_explorer_can_be_left_out(content):
    html = timeline.timeline(content, LINKS, explorer=False)
    assert "data-timeline-explorer" not in html
    assert html.startswith("## ")


@pytest.mark.parametrize("kwargs", [{}, {"person": "edgar-cahn"}, {"era": "origins"}, {"theme": "time-banking"}])
def test_filter_options_are_exactly_what_the_shown_events_have(content, kwargs):
    events = timeline.select_events(content, **kwargs)
    html = timeline.timeline(content, LINKS, **kwargs)
    themes = {t for e in events for t in e.themes}
    people = {p for e in events for p in e.people}
    assert options(html, "theme") == [""] + [t for t in content.themes if t in themes]
    assert options(html, "person") == [""] + sorted(people, key=lambda p: content.people[p].sort_name)
    assert options(html, "era") == [""] + [e for e in content.eras if e in {ev.era for ev in events}]


def test_every_event_carries_what_the_script_filters_and_draws_on(content):
    html = timeline.timeline(content, LINKS)
    items = {a["data-event"]: a for tag, a in elements(html) if tag == "li" and "data-event" in a}
    assert set(items) == set(content.events)
    for event in content.events.values():
        attrs = items[event.id]
        assert attrs["data-start"] == str(event.date.start_year)
        assert attrs["data-end"] == str(event.date.end_year)
        assert attrs["data-exact"] == ("true" if event.date.exact else "false")
        assert attrs["data-themes"].split() == list(event.themes)
        assert attrs["data-people"].split() == list(event.people)
        assert attrs["data-era"] == event.era
    bodies = [a["id"] for tag, a in elements(html) if tag == "div" and a.get("class") == "event-body"]
    assert bodies == [f"{e}-details" for e in items]


def test_uncertain_and_exact_dates_are_told_apart(content):
    html = timeline.timeline(content, LINKS)
    assert 'data-event="ostrom-chicago-police" data-start="1970" data-end="1979"' in html
    assert re.search(r'data-event="ostrom-chicago-police"[^>]*data-exact="false"', html)
    exact = next(e for e in content.events.values() if e.date.exact)
    assert re.search(rf'data-event="{exact.id}"[^>]*data-exact="true"', html)


def test_eras_carry_their_years_for_the_axis(content):
    html = timeline.timeline(content, LINKS)
    eras = [a for tag, a in elements(html) if tag == "div" and a.get("class") == "era"]
    assert [a["data-era"] for a in eras] == list(content.eras)
    for attrs in eras:
        era = content.eras[attrs["data-era"]]
        assert (attrs["data-era-start"], attrs["data-era-end"], attrs["data-era-title"]) == (
            str(era.start), str(era.end), era.title)


def test_labels_in_the_controls_are_escaped(content):
    tampered = copy.copy(content)
    tampered.themes = {**content.themes, "time-banking": VocabularyTerm("time-banking", '<img src=x onerror="x">', "d")}
    html = timeline.timeline(tampered, LINKS)
    assert "<img" not in html
    assert '&lt;img src=x onerror=&#34;x&#34;&gt;' in html or "&lt;img src=x onerror=&quot;x&quot;&gt;" in html


def test_the_axis_reserves_its_lanes_and_legend_for_the_first_paint(content):
    """timeline.css reserves the height of the marks from data-lanes (the rows' label lines and lanes at the phone
    width), and the milestones, era key, legend and read-out are already written, so the page does not move when
    timeline.js draws the axis."""
    html = timeline.timeline(content, LINKS)
    events = list(content.events.values())
    lanes = timeline.axis_lanes(events)
    rows = [[e for e in events if e.date.exact], [e for e in events if not e.date.exact]]
    assert all(rows), "these data have both rows"
    assert 2 + 1 <= lanes <= 2 + 2 * timeline.AXIS_MAX_LANES
    axis = next(a for tag, a in elements(html) if tag == "div" and "data-axis" in a)
    assert axis["data-lanes"] == str(lanes)
    assert '<div class="tl-reserve"></div>' in html, "a placeholder keeps the marks' height until they are drawn"
    assert '<p class="tl-readout" aria-live="polite">Choose an event on the axis' in html
    # Wider plots overlap less: never more lanes than at the phone width.
    assert all(timeline.axis_lanes(events, width) <= lanes for width in (640, 800, 1000, 1300, 1900))


@pytest.mark.parametrize("kwargs", [{}, {"era": "origins"}, {"person": "edgar-cahn"}, {"era": "defining-in-practice"}])
def test_the_accessible_name_and_the_ticks_share_one_range(content, kwargs):
    """The axis's name and its ticks (data-from, data-to, read by timeline.js) are one value, whole decades
    around the events: 1970 to 2020 for the whole timeline, never the events' own 1970 to 2018."""
    events = timeline.select_events(content, **kwargs)
    html = timeline.timeline(content, LINKS, **kwargs)
    axis = next(a for tag, a in elements(html) if tag == "div" and "data-axis" in a)
    y0, y1 = timeline.axis_years(events)
    assert (axis["data-from"], axis["data-to"]) == (str(y0), str(y1))
    assert axis["aria-label"] == f"Time axis, {y0} to {y1}"
    assert y0 % 10 == 0 and y1 % 10 == 0
    assert y0 <= min(e.date.start_year for e in events) and max(e.date.end_year for e in events) < y1
    if not kwargs:
        assert (y0, y1) == (1970, 2020)


MILESTONE = re.compile(r'<li class="tl-milestone( tl-milestone-end)?" data-milestone="([^"]+)"><time datetime="[^"]+">([^<]+)</time> ([^<]+)</li>')


def test_the_milestones_the_data_choose_are_named_on_the_axis_in_date_order(content):
    html = timeline.timeline(content, LINKS)
    found = MILESTONE.findall(html)
    chosen = [e for e in content.events.values() if e.milestone]
    assert 5 <= len(chosen) <= 7
    assert [m[1] for m in found] == [e.id for e in chosen]
    for (_, _, date, label), event in zip(found, chosen):
        assert (date, label) == (event.date.label, event.short_title.replace("'", "&#39;"))
        assert label, "a label is real text"
    # Labels in the axis's second half end at their date, so they stay inside the plot.
    assert [bool(m[0]) for m in found] == [
        (e.date.start_year + e.date.end_year + 1) / 2 > 1995 for e in chosen]


def test_the_era_key_numbers_each_era_and_counts_its_events(content):
    html = timeline.timeline(content, LINKS, theme="time-banking")
    events = timeline.select_events(content, theme="time-banking")
    key = re.search(r'<ol class="tl-era-key"[^>]*>(.*?)</ol>', html, flags=re.S).group(1)
    items = re.findall(r'<li data-era="([^"]+)"><span class="tl-era-number" aria-hidden="true">(\d+)</span> '
                       r'<span class="tl-era-name">([^<]+)</span> .*?<span data-count>(\d+)</span>', key)
    eras = [e for e in content.eras.values() if any(ev.era == e.id for ev in events)]
    assert [(i, int(n), t, int(c)) for i, n, t, c in items] == [
        (e.id, n, e.title, sum(ev.era == e.id for ev in events)) for n, e in enumerate(eras, 1)]


def test_too_many_events_for_marks_reserve_the_histogram(content):
    events = list(content.events.values())
    many = (events * (timeline.AXIS_MARKS // len(events) + 1))[:timeline.AXIS_MARKS + 1]
    assert timeline.axis_lanes(many[:-1]) is not None
    assert timeline.axis_lanes(many) is None
    assert timeline.axis_lanes([]) is None
