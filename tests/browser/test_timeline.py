"""The timeline explorer on the History page, driven with the mouse and with the keyboard alone.

Expected results come from data/timeline.yml (through macros.load), never from the page itself.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, axe_violations, toggle_palette, wait_until_still

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DEEP = "cahn-no-more-throw-away-people"

VISIBLE_EVENTS = "() => [...document.querySelectorAll('li.timeline-event')].filter(li => li.checkVisibility()).map(li => li.dataset.event)"
VISIBLE_MARKS = "() => [...document.querySelectorAll('.tl-marks a')].filter(a => a.checkVisibility()).map(a => a.hash.slice(1))"
VISIBLE_ERAS = "() => [...document.querySelectorAll('div.era')].filter(d => d.checkVisibility() && d.previousElementSibling.checkVisibility()).map(d => d.dataset.era)"


def expected_ids(content, theme=None, person=None, era=None) -> list[str]:
    return [e.id for e in content.events.values()
            if (not theme or theme in e.themes) and (not person or person in e.people) and (not era or e.era == era)]


def open_history(open_page, server, query="", **kwargs):
    probe = open_page(server.base_url + "history/" + query, **kwargs)
    probe.page.locator("form[data-timeline-explorer]").wait_for(state="visible")
    probe.page.locator(".tl-plot[data-drawn]").wait_for(state="attached")  # the marks are placed (next frame)
    return probe


def assert_shows(page, content, ids: list[str]) -> None:
    total = len(content.events)
    assert sorted(page.evaluate(VISIBLE_EVENTS)) == sorted(ids)
    assert sorted(page.evaluate(VISIBLE_MARKS)) == sorted(ids), "the axis should show the same events as the list"
    eras = [e for e in content.eras if any(content.events[i].era == e for i in ids)]
    assert page.evaluate(VISIBLE_ERAS) == eras, "an era shows (heading and list) exactly when it has events"
    assert page.locator(".timeline-count").inner_text() == f"{len(ids)} of {total} events"


def query_of(page) -> dict:
    return page.evaluate("Object.fromEntries(new URLSearchParams(location.search))")


def assert_query(page, expected: dict) -> None:
    """The script writes the URL after the next paint, so wait for it rather than read it at once."""
    try:
        page.wait_for_function(
            "expected => JSON.stringify(Object.fromEntries(new URLSearchParams(location.search))) === expected",
            arg=json.dumps(expected), timeout=2000)
    except Exception:
        pass
    assert query_of(page) == expected


def test_filters_with_the_mouse_combine_go_in_the_url_and_survive_a_reload(server, open_page, content):
    probe = open_history(open_page, server)
    page = probe.page
    assert_shows(page, content, list(content.events))

    page.locator("#timeline-theme").click()
    page.locator("#timeline-theme").select_option("time-banking")
    time_banking = expected_ids(content, theme="time-banking")
    assert 0 < len(time_banking) < len(content.events)
    assert_shows(page, content, time_banking)
    assert_query(page, {"theme": "time-banking"})

    page.locator("#timeline-person").select_option("edgar-cahn")
    both = expected_ids(content, theme="time-banking", person="edgar-cahn")
    assert both and both != time_banking
    assert_shows(page, content, both)
    assert_query(page, {"theme": "time-banking", "person": "edgar-cahn"})

    page.reload()
    page.locator("form[data-timeline-explorer]").wait_for(state="visible")
    assert page.locator("#timeline-theme").input_value() == "time-banking"
    assert page.locator("#timeline-person").input_value() == "edgar-cahn"
    assert_shows(page, content, both)

    page.get_by_role("button", name="Clear filters").click()
    assert_shows(page, content, list(content.events))
    assert_query(page, {})

    # An era with no matching events disappears, and comes back when the filter allows it.
    page.locator("#timeline-era").select_option("origins")
    assert_shows(page, content, expected_ids(content, era="origins"))
    page.locator("#timeline-era").select_option("")
    assert_shows(page, content, list(content.events))
    assert not probe.problems(), probe.problems()


def test_a_shared_link_opens_the_filtered_view(server, open_page, content):
    page = open_history(open_page, server, "?theme=policing&person=nobody-known").page
    assert page.locator("#timeline-person").input_value() == "", "an unknown id in the URL is ignored"
    assert_shows(page, content, expected_ids(content, theme="policing"))


def press_until(page, key: str, condition: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(condition):
            return
    pytest.fail(f"pressing {key} {limit} times never reached: {condition}")


def test_everything_works_with_the_keyboard_alone(server, open_page, content):
    probe = open_history(open_page, server)
    page = probe.page
    press_until(page, "Tab", "document.activeElement.id === 'timeline-theme'")
    press_until(page, "ArrowDown", "document.activeElement.value === 'time-banking'", limit=20)
    assert_shows(page, content, expected_ids(content, theme="time-banking"))

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "timeline-person"
    press_until(page, "ArrowDown", "document.activeElement.value === 'edgar-cahn'", limit=40)
    both = expected_ids(content, theme="time-banking", person="edgar-cahn")
    assert_shows(page, content, both)
    assert_query(page, {"theme": "time-banking", "person": "edgar-cahn"})

    # The axis is one Tab stop; arrow keys move along the visible events, Enter opens one.
    press_until(page, "Tab", "document.activeElement.matches('.tl-mark')")
    first = page.evaluate("document.activeElement.hash.slice(1)")
    assert first == both[0]
    if len(both) > 1:
        page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.hash.slice(1)") == both[1]
    target = page.evaluate("document.activeElement.hash.slice(1)")
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{target}'")
    button = page.locator(f"#{target} button.event-toggle")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.locator(f"#{target}-details").is_visible()
    assert page.evaluate("document.activeElement.closest('h3')?.id") == target, "focus moves to the opened event"

    # Enter and Space on an event title close and open it.
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator(f"#{target}-details").is_visible()
    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-expanded", "true")

    # Back to the controls with Shift+Tab, then clear the filters.
    press_until(page, "Shift+Tab", "document.activeElement.dataset.action === 'clear'")
    page.keyboard.press("Enter")
    assert_shows(page, content, list(content.events))
    assert_query(page, {})
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none", "the focused control shows where focus is"
    assert not probe.problems(), probe.problems()


def is_open_and_on_screen(page, event_id: str) -> bool:
    return page.evaluate(
        """id => {
          const h = document.getElementById(id), r = h.getBoundingClientRect();
          return h.querySelector('button').getAttribute('aria-expanded') === 'true'
            && document.getElementById(id + '-details').checkVisibility()
            && r.top >= 0 && r.bottom <= innerHeight;
        }""", event_id)


def test_deep_link_opens_the_event_and_so_does_a_later_hash_change(server, open_page, content):
    probe = open_history(open_page, server, "#" + DEEP)
    page = probe.page
    assert is_open_and_on_screen(page, DEEP)
    others = [e for e in content.events if e != DEEP]
    assert page.locator(f"#{others[0]} button").get_attribute("aria-expanded") == "false"

    page.evaluate(f"location.hash = '#{others[0]}'")
    page.wait_for_function(f"document.querySelector('#{others[0]} button').getAttribute('aria-expanded') === 'true'")
    assert is_open_and_on_screen(page, others[0])
    assert not probe.problems(), probe.problems()


def test_deep_link_to_an_event_the_filters_hide_shows_it(server, open_page, content):
    hidden_by_filter = next(e for e in content.events if "policing" not in content.events[e].themes)
    page = open_history(open_page, server, f"?theme=policing#{hidden_by_filter}").page
    assert is_open_and_on_screen(page, hidden_by_filter)
    assert page.locator("#timeline-theme").input_value() == ""
    assert_query(page, {})


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["light", "dark"])
def test_axe_in_every_state(server, open_page, content, viewport, scheme):
    probe = open_history(open_page, server, viewport=viewport)
    page = probe.page
    if scheme == "slate":
        toggle_palette(page, scheme)
    where = f"history [{viewport['width']}px, {scheme}]"
    wait_until_still(page)
    failures = axe_violations(page, f"{where} default")

    page.locator("#timeline-theme").select_option("time-banking")
    wait_until_still(page)
    failures += axe_violations(page, f"{where} filtered")

    page.get_by_role("button", name="Expand all events").click()
    assert page.get_by_role("button", name="Collapse all events").is_visible()
    # Its words say the state, so no aria-pressed contradicts them (it stayed "false" once expanded).
    assert page.get_by_role("button", name="Collapse all events").get_attribute("aria-pressed") is None
    assert page.locator("button.event-toggle[aria-expanded=false]").count() == 0
    page.locator(".tl-mark").first.focus()
    wait_until_still(page)
    failures += axe_violations(page, f"{where} expanded")

    # The axis fits the screen or scrolls inside itself; the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    assert not failures + probe.problems(), "\n".join(failures + probe.problems())


LAYOUT = """() => ({
  above: ['.timeline-count', '.timeline-axis', '.tl-readout'].map(s => Math.round(document.querySelector(s).getBoundingClientRect().top)),
  events: [...document.querySelectorAll('li.timeline-event')].map(li => {
    const r = li.getBoundingClientRect(); return [li.dataset.event, Math.round(r.top), Math.round(r.height)]; }),
})"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_paint_already_has_the_enhanced_layout(browser, server, viewport):
    """With scripting on, the page looks before timeline.js runs as it does after (no layout shift): the
    explorer shows, the axis keeps its space and the events are collapsed. Measured with the script blocked."""
    layouts = []
    for block in (True, False):
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            if block:
                page.route("**/timeline.js", lambda route: route.abort())
            page.goto(server.base_url + "history/")
            page.locator("form[data-timeline-explorer]").wait_for(state="visible")
            if not block:
                page.wait_for_function("document.querySelector('form[data-timeline-explorer]').dataset.ready")
            assert page.locator("button.event-toggle").count() == (0 if block else page.locator("li.timeline-event").count())
            layouts.append(page.evaluate(LAYOUT))
        finally:
            context.close()
    before, after = layouts
    assert before["above"] == after["above"], "the explorer's controls and axis are in place from the first paint"
    assert [e[2] for e in before["events"]] == [e[2] for e in after["events"]], "events start collapsed"
    # The build reserves the lanes the marks need at the phone width; a wider axis may need a lane or
    # two fewer (28px each), which moves the list below it up, never down.
    moved = {b[1] - a[1] for b, a in zip(before["events"], after["events"])}
    assert len(moved) == 1 and moved.pop() in ({0} if viewport is PHONE else {0, 28, 56, 84})


def test_without_javascript_the_complete_list_shows(browser, server, content):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(server.base_url + "history/?theme=time-banking")
        visible = page.locator("li.timeline-event").evaluate_all(
            "items => items.filter(li => li.checkVisibility()).map(li => li.dataset.event)")
        assert sorted(visible) == sorted(content.events)
        assert page.locator(".event-body").evaluate_all("b => b.every(x => x.checkVisibility())")
        assert not page.locator("form[data-timeline-explorer]").is_visible(), "no dead controls without JavaScript"
        assert page.locator("button.event-toggle").count() == 0
    finally:
        context.close()


def test_prints_as_the_complete_list(server, open_page, content):
    page = open_history(open_page, server, "?theme=time-banking").page
    page.emulate_media(media="print")
    visible = page.evaluate(VISIBLE_EVENTS)
    assert sorted(visible) == sorted(content.events)
    assert page.locator(".event-body").evaluate_all("b => b.every(x => x.checkVisibility())")
    assert not page.locator("form[data-timeline-explorer]").is_visible()
    assert page.evaluate(VISIBLE_ERAS) == [e for e in content.eras if content.events_in(e)]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """The site built from 400 events (bench/make_synthetic_data.py), served on its own port."""
    import functools
    import http.server
    import threading

    from bench.make_synthetic_data import make
    from tests.browser.conftest import _SiteHandler, site_base_path
    from tests.conftest import build_site

    tmp = tmp_path_factory.mktemp("big")
    data = make(tmp / "data", 400)
    result = build_site(tmp / "site", env={"DATA_DIR": str(data)})
    assert result.returncode == 0, result.stdout + result.stderr
    handler = type("Handler", (_SiteHandler,), {"base_path": site_base_path()})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(tmp / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}{site_base_path()}history/", data
    httpd.shutdown()
    httpd.server_close()


def test_many_events_show_a_page_at_a_time_and_the_axis_summarises(browser, big_site):
    """With hundreds of events the list shows 100 matches at a time, and the axis marks events one by one
    only when few enough match; a deep link still reaches any event."""
    from macros.load import load_content

    url, data = big_site
    content = load_content(data)
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(url)
        page.locator("form[data-timeline-explorer]").wait_for(state="visible")
        in_page_order = [li for li in page.locator("li.timeline-event").evaluate_all("l => l.map(li => li.dataset.event)")]
        assert page.locator(".timeline-count").inner_text() == "400 of 400 events, the first 100 shown"
        assert page.evaluate(VISIBLE_EVENTS) == in_page_order[:100]
        assert page.locator(".tl-bars").is_visible() and page.locator(".tl-mark").count() == 0

        page.get_by_role("button", name="Show 100 more events (300 not shown yet)").click()
        assert page.evaluate(VISIBLE_EVENTS) == in_page_order[:200]
        assert page.evaluate("document.activeElement.closest('h3').id") == in_page_order[100]

        person = next(iter(content.people))
        page.locator("#timeline-person").select_option(person)
        expected = expected_ids(content, person=person)
        assert 0 < len(expected) <= 100
        assert_shows(page, content, expected)
        assert not page.locator(".tl-bars").is_visible()

        page.goto(url + "#" + in_page_order[350])
        page.locator("form[data-timeline-explorer]").wait_for(state="visible")
        assert is_open_and_on_screen(page, in_page_order[350])
        assert page.locator(".timeline-count").inner_text() == "400 of 400 events, the first 351 shown"
    finally:
        context.close()


SMALL_DESKTOP = {"width": 1280, "height": 720}
SIZES = pytest.mark.parametrize("viewport", [SMALL_DESKTOP, PHONE], ids=["1280", "390"])

OVERLAPS = """sel => {
  const boxes = [...document.querySelectorAll(sel)].filter(el => el.checkVisibility()).map(el => el.getBoundingClientRect());
  const pairs = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push([i, i + 1 + j]);
  }));
  return pairs;
}"""


@SIZES
def test_milestones_are_named_on_the_axis_and_their_labels_never_overlap(server, open_page, content, viewport):
    page = open_history(open_page, server, viewport=viewport).page
    chosen = [e for e in content.events.values() if e.milestone]
    assert 5 <= len(chosen) <= 7
    labels = page.locator(".tl-milestone")
    assert labels.evaluate_all("ls => ls.map(l => l.dataset.milestone)") == [e.id for e in chosen]
    for label, event in zip(labels.all(), chosen):
        expect(label).to_be_visible()
        assert label.inner_text() == f"{event.date.label} {event.short_title}", "the label is real text"
    assert page.evaluate(OVERLAPS, ".tl-milestone") == []
    # Each label stays inside the plot (which may scroll), and its mark is ringed as the legend says.
    assert page.evaluate("""() => { const p = document.querySelector('.tl-plot').getBoundingClientRect();
      return [...document.querySelectorAll('.tl-milestone')].every(l => { const r = l.getBoundingClientRect();
        return r.left >= p.left - 1 && r.right <= p.right + 1; }); }""")
    assert page.locator(".tl-mark.tl-is-milestone").evaluate_all("ms => ms.map(m => m.hash.slice(1))") == [
        e.id for e in sorted(chosen, key=lambda e: (e.date.start_year, e.date.end_year))]


ROWS = """() => {
  const rect = el => el.getBoundingClientRect(), list = rect(document.querySelector('.tl-marks'));
  const row = cls => [...document.querySelectorAll('.tl-mark.' + cls)].filter(m => m.checkVisibility()).map(m => rect(m).top);
  const label = name => { const l = document.querySelector('.tl-row-label[data-row=' + name + ']');
    return l.checkVisibility() ? rect(l) : null; };
  return { list: [list.top, list.bottom], exact: [label('exact'), row('tl-point')],
           approximate: [label('approximate'), row('tl-span')] };
}"""


@pytest.mark.parametrize("query", ["", "?theme=time-banking", "?era=origins"])
def test_each_row_label_heads_its_own_row_of_marks(server, open_page, query):
    """A filter hides milestones above the marks; the row labels still sit on their rows' first lines."""
    page = open_history(open_page, server, query).page
    rows = page.evaluate(ROWS)
    top, bottom = rows["list"]
    shown = [name for name in ("exact", "approximate") if rows[name][1]]
    assert shown, "some marks are drawn"
    for name in ("exact", "approximate"):
        label, marks = rows[name]
        assert (label is not None) == bool(marks), f"the {name} label shows exactly when its row has marks"
        if label:
            assert top <= label["top"] and label["bottom"] <= min(marks), f"{name}: the label heads its row"
    if len(shown) == 2:
        assert max(rows["exact"][1]) < rows["approximate"][0]["top"], "approximate dates come below exact ones"
        assert rows["approximate"][0]["bottom"] <= bottom


@SIZES
def test_era_labels_wrap_and_are_never_cut_short(server, open_page, content, viewport):
    page = open_history(open_page, server, viewport=viewport).page
    truncated = page.evaluate("""() => [...document.querySelectorAll('.tl-era, .tl-era span, .tl-era-key li, .tl-era-key li span')]
      .filter(el => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === 'ellipsis')
      .map(el => el.textContent)""")
    assert truncated == []
    key = page.locator(".tl-era-key li")
    assert key.evaluate_all("ls => ls.map(l => l.querySelector('.tl-era-name').textContent)") == [
        e.title for e in content.eras.values()]
    bands = page.locator(".tl-era span").all_inner_texts()
    assert bands == [str(n) for n in range(1, len(content.eras) + 1)], "each band carries its number in the key"
    assert page.evaluate(OVERLAPS, ".tl-era-key li") == []


def test_the_accessible_name_states_the_range_of_the_ticks(server, open_page):
    page = open_history(open_page, server).page
    ticks = page.locator(".tl-tick").all_inner_texts()
    assert ticks[0] == "1970" and ticks[-1] == "2020"
    expect(page.get_by_role("group", name=f"Time axis, {ticks[0]} to {ticks[-1]}")).to_have_count(1)


@pytest.mark.parametrize("viewport, scrolls", [(SMALL_DESKTOP, False), (PHONE, True)], ids=["1280", "390"])
def test_a_hint_shows_exactly_where_the_axis_scrolls_sideways(server, open_page, viewport, scrolls):
    page = open_history(open_page, server, viewport=viewport).page
    axis = page.locator(".timeline-axis")
    assert axis.evaluate("a => a.scrollWidth > a.clientWidth") == scrolls
    hint = page.locator(".tl-scroll-hint")
    if scrolls:
        expect(hint).to_be_visible()
        assert "sideways" in hint.inner_text()
        assert hint.evaluate("h => h.getBoundingClientRect().bottom") <= axis.evaluate("a => a.getBoundingClientRect().top")
    else:
        expect(hint).to_be_hidden()


def readout_of(page):
    readout = page.locator(".tl-readout")
    assert readout.get_attribute("aria-live") == "polite"
    return readout.inner_text()


def test_the_read_out_names_the_event_chosen_by_keyboard(server, open_page, content):
    page = open_history(open_page, server).page
    press_until(page, "Tab", "document.activeElement.matches('.tl-mark')")
    first = content.events[page.evaluate("document.activeElement.hash.slice(1)")]
    assert readout_of(page).startswith(f"{first.date.label}: {first.title}")
    page.keyboard.press("End")
    last = content.events[page.evaluate("document.activeElement.hash.slice(1)")]
    assert last != first
    assert readout_of(page).startswith(f"{last.date.label}: {last.title}")
    assert "Press Enter" in readout_of(page)


def test_a_tap_shows_the_event_in_the_read_out_and_a_second_tap_opens_it(browser, server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(server.base_url + "history/")
        page.locator("form[data-timeline-explorer][data-ready]").wait_for(state="visible")
        mark = page.locator(f'.tl-mark[href="#{DEEP}"]')
        mark.scroll_into_view_if_needed()
        mark.tap()
        page.wait_for_function("document.querySelector('.tl-readout').textContent.includes('No More Throw-Away People')")
        assert "Tap it again" in readout_of(page)
        assert page.evaluate("location.hash") == "", "the first tap stays on the axis"
        mark.tap()
        page.wait_for_function(f"location.hash === '#{DEEP}'")
        expect(page.locator(f"#{DEEP} button.event-toggle")).to_have_attribute("aria-expanded", "true")
    finally:
        context.close()


@SIZES
@pytest.mark.parametrize("path", ["history/", "embed/timeline/"])
def test_axe_at_the_issue_sizes_on_the_page_and_its_embed(server, open_page, viewport, path):
    probe = open_page(server.base_url + path, viewport=viewport)
    page = probe.page
    page.locator("form[data-timeline-explorer][data-ready]").wait_for(state="visible")
    wait_until_still(page)
    failures = axe_violations(page, f"{path} [{viewport['width']}x{viewport['height']}]")
    page.locator(".tl-mark").first.focus()
    # Focus scrolls the mark into view, and material then fades the header's title over to the page's:
    # let the scroll's handlers run, then the fade end, so axe measures the header's final colours.
    page.wait_for_timeout(300)
    wait_until_still(page)
    failures += axe_violations(page, f"{path} [{viewport['width']}x{viewport['height']}] mark chosen")
    assert not failures + probe.problems(), "\n".join(failures + probe.problems())
