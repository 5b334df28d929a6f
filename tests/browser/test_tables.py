"""Comparison tables and the crosswalk: sort, filter and show/hide columns, by mouse and by keyboard alone.

Each test reads what a reader would see (the rendered rows and cells) and checks it against the data,
then runs axe-core in that state.
"""

from __future__ import annotations

import re

import pytest

from macros.components.crosswalk.render import relation_label
from tests.browser.conftest import DESKTOP, axe_violations, move_mouse_away, toggle_palette, wait_until_still

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 720}
NARROWEST = {"width": 320, "height": 640}

# (page, table selector, a column to sort by, a filter query that matches some rows but not all)
TABLES = {
    "approaches": ("typologies/compare/", "table#table-approaches", 1, "Guardian"),
    "definitions": ("definitions/at-a-glance/", "table.definitions-glance", 2, "SCIE"),
    "crosswalk": ("typologies/crosswalk/", "table#table-levels-by-framework", 2, "experts"),
}

_ROWS_JS = """(sel) => {
  const table = document.querySelector(sel);
  return Array.from(table.tBodies[0].rows)
    .filter((row) => row.getClientRects().length > 0)
    .map((row) => Array.from(row.cells).map((cell) => ({
      text: cell.textContent.replace(/\\s+/g, ' ').trim(),
      key: cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.replace(/\\s+/g, ' ').trim(),
      shown: cell.getClientRects().length > 0,
    })));
}"""


def rows(page, selector):
    return page.evaluate(_ROWS_JS, selector)


def row_texts(page, selector) -> list[str]:
    return [" ".join(c["text"] for c in row) for row in rows(page, selector)]


def sort_order(keys: list[str], descending: bool = False) -> list[str]:
    """What the reader should see: numbers by value, text alphabetically ignoring case, empty cells last."""
    def key(k):
        return (0, int(k), "") if k.isdigit() else (1, 0, k.casefold())
    filled = sorted((k for k in keys if k), key=key, reverse=descending)
    return filled + [k for k in keys if not k]


def aria_sorts(page, selector) -> list[str | None]:
    return page.locator(f"{selector} thead th").evaluate_all("ths => ths.map(th => th.getAttribute('aria-sort'))")


def tools_for(page, selector):
    """The toolbar tables.js puts just before the table's scroll region."""
    handle = page.locator(selector).evaluate_handle(
        "t => (t.closest('.table-scroll') || t).previousElementSibling")
    return handle.as_element()


def focus_by_tab(page, target_js: str, start_selector: str, limit: int = 40) -> None:
    """Move focus with the Tab key alone, from a starting control, until `target_js(active)` is true."""
    page.locator(start_selector).focus()
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {target_js}; }})()"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the control matching {target_js}")


def filter_selector(page, selector) -> str:
    return "#" + tools_for(page, selector).query_selector("input[type=search]").get_attribute("id")


# --- sorting -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("device", ["mouse", "keyboard"])
def test_sorting_orders_the_rows_and_sets_aria_sort(server, open_page, name, device):
    path, selector, column, _ = TABLES[name]
    probe = open_page(server.base_url + path)
    page = probe.page
    before = [r[column]["key"] for r in rows(page, selector)]
    assert len(set(before)) > 1, "test setup: sort a column whose cells differ"

    def activate(key):
        if device == "mouse":
            page.locator(f"{selector} thead th").nth(column).locator("button").click()
        else:
            focus_by_tab(page, f"el.classList.contains('sort-button') && el.closest('th').cellIndex === {column} "
                               f"&& el.closest('table').matches({selector!r})", filter_selector(page, selector))
            page.keyboard.press(key)

    activate("Enter")
    ascending = [r[column]["key"] for r in rows(page, selector)]
    assert ascending == sort_order(before), f"{name}: column {column} is not in ascending order: {ascending}"
    sorts = aria_sorts(page, selector)
    assert sorts[column] == "ascending" and all(s is None for i, s in enumerate(sorts) if i != column), sorts

    activate("Space")
    descending = [r[column]["key"] for r in rows(page, selector)]
    assert descending == sort_order(before, descending=True), f"{name}: not reversed: {descending}"
    assert aria_sorts(page, selector)[column] == "descending"
    # Every row is still there, only reordered.
    assert sorted(descending) == sorted(before)
    assert not probe.problems(), probe.problems()


def test_sorting_another_column_moves_aria_sort(server, open_page):
    path, selector, _, _ = TABLES["definitions"]
    page = open_page(server.base_url + path).page
    headers = page.locator(f"{selector} thead th")
    headers.nth(2).locator("button").click()
    headers.nth(0).locator("button").click()
    assert aria_sorts(page, selector) == ["ascending", None, None, None, None]
    labels = [r[0]["key"] for r in rows(page, selector)]
    assert labels == sort_order(labels)


# --- filtering ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("device", ["mouse", "keyboard"])
def test_filter_shows_exactly_the_matching_rows_and_counts_them(server, open_page, name, device):
    path, selector, _, query = TABLES[name]
    probe = open_page(server.base_url + path)
    page = probe.page
    everything = row_texts(page, selector)
    expected = [t for t in everything if query.lower() in t.lower()]
    assert 0 < len(expected) < len(everything), f"test setup: '{query}' should match some rows of {name}, not all"

    box = page.locator(filter_selector(page, selector))
    if device == "mouse":
        box.click()
    else:
        box.focus()
    page.keyboard.type(query)
    assert row_texts(page, selector) == expected
    count = tools_for(page, selector).query_selector("[role=status]")
    assert count.inner_text().strip() == f"{len(expected)} of {len(everything)} rows"

    # Clearing the box brings every row back.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    assert row_texts(page, selector) == everything
    assert count.inner_text().strip() == f"{len(everything)} of {len(everything)} rows"
    assert not probe.problems(), probe.problems()


def test_filter_box_and_count_are_labelled(server, open_page):
    path, selector, _, _ = TABLES["approaches"]
    page = open_page(server.base_url + path).page
    box = page.locator(filter_selector(page, selector))
    assert page.locator(f"label[for='{box.get_attribute('id')}']").inner_text() == "Filter rows"
    tools = tools_for(page, selector)
    assert tools.query_selector("[role=status]") is not None


# --- showing and hiding columns ----------------------------------------------------------------

@pytest.mark.parametrize("device", ["mouse", "keyboard"])
def test_hiding_a_column_hides_its_cells(server, open_page, device):
    path, selector, _, _ = TABLES["crosswalk"]
    probe = open_page(server.base_url + path)
    page = probe.page
    tools = tools_for(page, selector)
    summary = tools.query_selector("details summary")
    boxes = tools.query_selector_all("input[type=checkbox]")
    names = [b.evaluate("b => b.labels[0].textContent") for b in boxes]
    headers = page.locator(f"{selector} thead th").all_inner_texts()
    assert names == [h.strip() for h in headers[1:]], "one checkbox per column except the row header"

    if device == "mouse":
        summary.click()
        boxes[1].click()
    else:
        summary.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")  # first checkbox
        page.keyboard.press("Tab")  # second checkbox
        page.keyboard.press("Space")
    assert not boxes[1].is_checked()
    table = rows(page, selector)
    assert all(not row[2]["shown"] for row in table), "cells of the hidden column are still shown"
    assert all(row[1]["shown"] and row[3]["shown"] for row in table)
    assert not page.locator(f"{selector} thead th").nth(2).is_visible()
    assert page.locator(f"{selector} thead th").nth(0).is_visible(), "the row header never hides"

    def toggle(box):
        if device == "mouse":
            box.click()
        else:
            box.focus()
            page.keyboard.press("Space")

    # Hide all but one: the last one cannot be hidden.
    toggle(boxes[0])
    toggle(boxes[2])
    assert boxes[3].is_checked() and boxes[3].is_disabled()
    assert [row[4]["shown"] for row in rows(page, selector)] == [True] * 3

    toggle(boxes[1])
    assert not boxes[3].is_disabled()
    assert all(row[2]["shown"] for row in rows(page, selector))
    assert not probe.problems(), probe.problems()


# --- accessibility in every state --------------------------------------------------------------

@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1280x720", "390x844"])
@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_when_sorted_filtered_and_columns_hidden(server, open_page, name, viewport, scheme):
    path, selector, column, query = TABLES[name]
    probe = open_page(server.base_url + path, viewport=viewport, color_scheme=scheme)
    page = probe.page
    region = page.locator(selector).locator("xpath=ancestor::div[contains(@class,'table-scroll')]")
    failures = []

    page.locator(f"{selector} thead th").nth(column).locator("button").click()
    move_mouse_away(page)
    failures += axe_violations(page, f"{name} sorted", context=None)

    page.locator(filter_selector(page, selector)).fill(query)
    wait_until_still(page)
    failures += axe_violations(page, f"{name} filtered")

    tools = tools_for(page, selector)
    details = tools.query_selector("details")
    if details:
        details.query_selector("summary").click()
        tools.query_selector_all("input[type=checkbox]")[0].click()
        move_mouse_away(page)
        failures += axe_violations(page, f"{name} column hidden")

    if viewport is PHONE:
        # On a phone the page itself never scrolls sideways; the table scrolls inside its labelled region.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        assert region.get_attribute("aria-labelledby") == page.locator(f"{selector} caption").get_attribute("id")
    assert not failures + probe.problems(), "\n".join(failures + probe.problems())


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_crosswalk_in_dark_scheme_has_no_axe_violations(server, open_page, viewport):
    path, selector, column, query = TABLES["crosswalk"]
    probe = open_page(server.base_url + path, viewport=viewport)
    page = probe.page
    toggle_palette(page, "slate")
    page.locator(f"{selector} thead th").nth(column).locator("button").click()
    page.locator(filter_selector(page, selector)).fill("the")
    move_mouse_away(page)
    failures = axe_violations(page, "crosswalk dark") + probe.problems()
    assert not failures, "\n".join(failures)


# --- Compare approaches on a phone: a card per row, each cell under its column's name ------------------------

COMPARE = TABLES["approaches"][:2]

CARD_LAYOUT = r"""sel => {
  const table = document.querySelector(sel), region = table.closest('.table-scroll');
  const canvas = document.createElement('canvas').getContext('2d');
  const heads = Array.from(table.tHead.rows[0].cells).map(th => th.textContent.replace(/\s+/g, ' ').trim());
  const cells = Array.from(table.tBodies[0].rows).filter(r => r.getClientRects().length)
    .flatMap(r => Array.from(r.cells)).filter(c => c.getClientRects().length);
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    region: region.scrollWidth - region.clientWidth,
    display: getComputedStyle(table).display,
    rowDisplay: getComputedStyle(table.tBodies[0].rows[0]).display,
    heads: heads,
    cells: cells.map(c => {
      const s = getComputedStyle(c);
      canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const words = c.textContent.split(/\s+/).filter(Boolean);
      const longest = Math.max(0, ...words.map(w => canvas.measureText(w).width));
      const label = getComputedStyle(c, '::before').content;
      return {text: c.textContent.trim().slice(0, 30), width: c.clientWidth - parseFloat(s.paddingLeft)
              - parseFloat(s.paddingRight), longest: longest, overflow: c.scrollWidth - c.clientWidth,
              label: label, column: c.cellIndex, header: c.tagName === 'TH'};
    }),
  };
}"""


@pytest.mark.parametrize("viewport", [PHONE, NARROWEST], ids=["390", "320"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_compare_approaches_on_a_phone_is_a_card_per_row_with_labelled_cells(server, open_page, content, viewport,
                                                                            scheme):
    path, selector = COMPARE
    probe = open_page(server.base_url + path, viewport=viewport, color_scheme=scheme)
    layout = probe.page.evaluate(CARD_LAYOUT, selector)
    assert layout["page"] <= 0, f"the page scrolls sideways by {layout['page']}px"
    assert layout["region"] <= 0, f"the table scrolls sideways by {layout['region']}px"
    assert layout["display"] == "block" and layout["rowDisplay"] == "block", layout["display"]
    comparison = content.comparisons["approaches"]
    assert len(layout["cells"]) == len(comparison.rows) * (len(comparison.columns) + 2)
    for cell in layout["cells"]:
        assert cell["width"] + 1 >= cell["longest"], f"a cell narrower than its longest word: {cell}"
        assert cell["overflow"] <= 0, cell
        if not cell["header"]:  # each data cell is labelled with its column's name, for the eye
            assert cell["label"].startswith(f'"{layout["heads"][cell["column"]]}"'), cell
    assert not probe.problems(), probe.problems()


def test_compare_approaches_on_a_wide_screen_and_in_print_stays_a_table(server, open_page):
    path, selector = COMPARE
    page = open_page(server.base_url + path, viewport=WIDE).page
    layout = page.evaluate(CARD_LAYOUT, selector)
    assert layout["display"] == "table" and layout["rowDisplay"] == "table-row", layout["display"]
    assert all(c["label"] in ("none", "normal") for c in layout["cells"]), "no card labels in the table"
    roles = page.evaluate("""s => [s, s + ' thead', s + ' tbody tr', s + ' thead th', s + ' tbody th', s + ' td']
      .map(q => { const el = document.querySelector(q);
                  return [q, el.getAttribute('role'), el.tagName.toLowerCase()]; })""", selector)
    # Set by the script, so the table stays one to screen readers where its rows become cards.
    assert [r[1] for r in roles] == ["table", "rowgroup", "row", "columnheader", "rowheader", "cell"], roles
    page.set_viewport_size(PHONE)
    assert page.evaluate(CARD_LAYOUT, selector)["display"] == "block"
    page.emulate_media(media="print")
    printed = page.evaluate(CARD_LAYOUT, selector)
    assert printed["display"] == "table" and printed["rowDisplay"] == "table-row", "printed, it is a table"


def test_on_a_phone_sort_filter_and_columns_still_work_by_keyboard(server, open_page):
    path, selector = COMPARE
    probe = open_page(server.base_url + path, viewport=PHONE)
    page = probe.page
    before = [r[0]["key"] for r in rows(page, selector)]
    # Sort by the approach, from the sort buttons above the cards.
    focus_by_tab(page, f"el.classList.contains('sort-button') && el.closest('th').cellIndex === 0 "
                       f"&& el.closest('table').matches({selector!r})", filter_selector(page, selector))
    button = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
    assert button["width"] >= 44 and button["height"] >= 44, button
    page.keyboard.press("Enter")
    assert [r[0]["key"] for r in rows(page, selector)] == sort_order(before)
    assert aria_sorts(page, selector)[0] == "ascending"
    # Filter the cards.
    page.locator(filter_selector(page, selector)).focus()
    page.keyboard.type("Guardian")
    shown = page.locator(f"{selector} tbody tr").evaluate_all("rs => rs.filter(r => r.getClientRects().length).length")
    assert 0 < shown < len(before)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    # Hide a column: its cell goes from every card, and its sort button from above them.
    tools = tools_for(page, selector)
    tools.query_selector("details summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    table = rows(page, selector)
    assert all(not row[1]["shown"] for row in table) and all(row[2]["shown"] for row in table)
    assert not page.locator(f"{selector} thead th").nth(1).is_visible()
    assert page.evaluate(CARD_LAYOUT, selector)["page"] <= 0
    assert not probe.problems(), probe.problems()


# --- without JavaScript, and re-initialising -----------------------------------------------------

def test_without_javascript_every_table_is_complete(server, browser, content):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(server.base_url + "typologies/compare/")
        assert page.locator("table#table-approaches tbody tr").count() == len(content.comparisons["approaches"].rows)
        assert page.locator(".table-tools, .sort-button").count() == 0

        page.goto(server.base_url + "definitions/at-a-glance/")
        assert page.locator("table.definitions-glance tbody tr").count() == len(content.definitions)

        page.goto(server.base_url + "typologies/crosswalk/")
        crosswalk = content.crosswalks["levels-by-framework"]
        cells = page.locator("table#table-levels-by-framework tbody td")
        assert cells.count() == len(crosswalk.cells)
        assert all(cells.nth(i).is_visible() for i in range(cells.count()))
        assert page.locator("#levels-by-framework--levels--transformative--bussu-dimensions").inner_text().startswith(
            "Close match")

        for typology in content.typologies.values():
            page.goto(server.base_url + f"typologies/{typology.id}/")
            rows = page.locator("table.typology-table tbody tr")
            assert rows.count() == len(typology.categories), typology.id
            assert page.locator(".table-tools, .sort-button").count() == 0
    finally:
        context.close()


def test_running_the_script_again_adds_nothing(server, open_page):
    probe = open_page(server.base_url + "typologies/crosswalk/")
    page = probe.page
    tables = page.locator("table.comparison").count()
    assert page.locator(".table-tools").count() == tables
    src = page.locator("script[src*='assets/components/tables/tables.js']").get_attribute("src")
    page.add_script_tag(url=re.sub(r"\?.*$", "", page.evaluate(f"new URL({src!r}, location.href).href")))
    assert page.locator(".table-tools").count() == tables
    assert page.locator("table.comparison thead button button").count() == 0
    assert page.locator("table.comparison th .sort-button").count() == page.locator("table.comparison thead th").count()
    assert not probe.problems(), probe.problems()


def test_a_cell_anchor_leads_to_its_cell(server, open_page, content):
    """The old address of a cell, on the Typologies page, leads to it on the crosswalk's own page, and its
    matches lead on to their framework's page."""
    cell_id = "levels-by-framework--levels--intermediate--cahn-values"
    probe = open_page(server.base_url + f"typologies/#{cell_id}")
    page = probe.page
    brief = page.locator(f"#{cell_id}")
    relation = content.crosswalks["levels-by-framework"].cell("levels/intermediate", "cahn-values").relation
    assert brief.is_visible() and brief.inner_text().strip() == relation_label(relation)
    brief.locator("a").click()
    page.wait_for_url(f"**/typologies/crosswalk/#{cell_id}")
    cell = page.locator(f"#{cell_id}")
    assert "Reciprocity" in cell.inner_text()
    link = cell.locator("a", has_text="Reciprocity")
    assert link.get_attribute("href").endswith("cahn-values/#cahn-values--reciprocity")
    link.click()
    page.wait_for_url("**/typologies/cahn-values/#cahn-values--reciprocity")
    assert page.locator("#cahn-values--reciprocity").is_visible()
    assert not probe.problems(), probe.problems()
