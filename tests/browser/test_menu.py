"""The phone menu and search, by keyboard alone at 390x844 (docs/assets/js/menu.js, overrides/partials/header.html).

Below 1220 px the navigation is material's drawer and, below 960 px, search opens from a header button.
Each is a real button whose aria-expanded follows the open state; opening moves focus inside, and Escape
closes and puts focus back on the button.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP_720, PHONE_390, wait_until_still

pytestmark = pytest.mark.browser

PAGE = "history/index.html"

FOCUSED = """() => {
  const el = document.activeElement;
  return {
    role: el.getAttribute("role") || el.tagName.toLowerCase(),
    expanded: el.getAttribute("aria-expanded"),
    toggle: el.dataset.explainerToggle || null,
    inDrawer: !!el.closest("#__drawer_panel"),
    inSearch: !!el.closest("#__search_dialog"),
    desc: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : ""),
  };
}"""


# The focused element is on screen and nothing covers its middle (material's section lists slide over
# the main list in the drawer, which stays underneath).
SEEN = """() => { const el = document.activeElement, r = el.getBoundingClientRect();
  if (!r.width || r.left < 0 || r.right > innerWidth || r.top < 0 || r.bottom > innerHeight) return false;
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!top && el.contains(top); }"""


def tab_to(page, toggle: str, limit: int = 12) -> dict:
    """Press Tab until the header button data-explainer-toggle=<toggle> has focus; return what has it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["toggle"] == toggle:
            return focused
    pytest.fail(f"Tab never reached the {toggle} button; last focus: {focused['desc']}")


def expanded(page, toggle: str) -> str | None:
    return page.get_attribute(f"[data-explainer-toggle={toggle}]", "aria-expanded")


def is_open(page, toggle: str) -> bool:
    return page.evaluate(f"document.getElementById('__{toggle}').checked")


@pytest.fixture
def phone_page(server, open_page):
    probe = open_page(server.url(PAGE), viewport=PHONE_390)
    yield probe.page
    assert not probe.problems(), probe.problems()


@pytest.mark.parametrize("rel", [PAGE, "typologies/compare/index.html"])
def test_menu_button_opens_and_escape_closes_the_drawer(server, open_page, rel):
    """On a page inside a section (Typologies) the drawer opens at that section's list."""
    probe = open_page(server.url(rel), viewport=PHONE_390)
    page = probe.page
    button = tab_to(page, "drawer")
    assert button["role"] == "button" and button["expanded"] == "false", button

    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert expanded(page, "drawer") == "true"
    focused = page.evaluate(FOCUSED)
    assert focused["inDrawer"], f"focus stayed outside the open drawer, on {focused['desc']}"
    wait_until_still(page)
    assert page.evaluate(SEEN), f"the focused item in the drawer is off screen or covered: {focused['desc']}"

    page.keyboard.press("Escape")
    assert not is_open(page, "drawer"), "Escape left the drawer open"
    focused = page.evaluate(FOCUSED)
    assert focused["toggle"] == "drawer", f"focus went to {focused['desc']}, not back to the menu button"
    assert expanded(page, "drawer") == "false"
    assert not probe.problems(), probe.problems()


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
def test_leaving_the_drawer_closes_it(phone_page, key):
    """Focus never rests on the page behind the open drawer: moving out of it either way closes it."""
    page = phone_page
    tab_to(page, "drawer")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    for _ in range(60):
        page.keyboard.press(key)
        if not page.evaluate(FOCUSED)["inDrawer"]:
            break
    else:
        pytest.fail(f"{key} never left the drawer")
    assert not is_open(page, "drawer"), f"{key} left the drawer but it stayed open over the page"
    assert expanded(page, "drawer") == "false"


def tab_through_drawer(page, limit: int = 60) -> list[str]:
    """Tab from where focus is until it leaves the drawer; each stop that is off screen or covered."""
    unseen = []
    for _ in range(limit):
        focused = page.evaluate(FOCUSED)
        if not focused["inDrawer"]:
            return unseen
        wait_until_still(page)
        if not page.evaluate(SEEN):
            unseen.append(focused["desc"])
        page.keyboard.press("Tab")
    pytest.fail("Tab never left the drawer")


@pytest.mark.parametrize("rel", ["learn/what-it-is/index.html", "typologies/compare/index.html"])
def test_a_sections_list_hides_what_it_covers_and_its_title_leads_back(server, open_page, rel):
    """WCAG 2.4.11: on a page in a section the drawer opens at the section's list, which slides over the
    list above. Tab stops only on what can be seen; the section's title takes focus and Enter goes back
    up, with focus on the section's entry, and from there Tab reaches the rest of the site."""
    page = open_page(server.url(rel), viewport=PHONE_390).page
    tab_to(page, "drawer")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert not tab_through_drawer(page)

    page.click("[data-explainer-toggle=drawer]")  # the last Tab closed it: open it again
    page.wait_for_function("document.getElementById('__drawer').checked")
    title = page.locator(".md-nav__toggle:checked ~ nav > label.md-nav__title")
    title.focus()
    section = title.get_attribute("for")
    page.keyboard.press("Enter")
    page.wait_for_function(f"!document.getElementById('{section}').checked")
    page.wait_for_function(f"document.activeElement.closest('#{section} ~ *') !== null")
    assert page.evaluate(FOCUSED)["inDrawer"]
    wait_until_still(page)
    assert page.evaluate(SEEN), "focus is on the section's entry, in view"
    stops = []
    while page.evaluate(FOCUSED)["inDrawer"] and len(stops) < 60:
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Sources" in stops, f"Tab from the section's entry never reached the rest of the menu: {stops}"


def test_overlay_and_materials_own_closing_keep_aria_expanded_in_step(phone_page):
    page = phone_page
    tab_to(page, "drawer")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_until_still(page)
    # The overlay covers the page to the right of the drawer.
    page.mouse.click(PHONE_390["width"] - 10, PHONE_390["height"] // 2)
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert expanded(page, "drawer") == "false"
    # material closes the drawer itself on a change of address (its location and hash streams).
    page.evaluate("document.getElementById('__drawer').click()")
    assert expanded(page, "drawer") == "true"
    page.evaluate("location.hash = '#eras'")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert expanded(page, "drawer") == "false"


def test_search_button_opens_and_escape_closes_search(phone_page):
    page = phone_page
    button = tab_to(page, "search")
    assert button["role"] == "button" and button["expanded"] == "false", button

    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__search').checked")
    assert expanded(page, "search") == "true"
    focused = page.evaluate(FOCUSED)
    assert focused["inSearch"], f"focus stayed outside the open search, on {focused['desc']}"
    page.keyboard.type("Ostrom")
    page.locator(".md-search-result__item").first.wait_for()

    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    page.wait_for_function("document.activeElement.dataset.explainerToggle === 'search'")
    assert expanded(page, "search") == "false"


@pytest.mark.parametrize("key", ["/", "s", "f", "n", "p", ".", ","])
def test_single_key_shortcuts_are_off(phone_page, key):
    """WCAG 2.1.4: material's one-letter shortcuts (search, next and previous page) cannot be switched off
    or remapped, so they are off. Letters still type in the search field."""
    page = phone_page
    address = page.url
    page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == address and not is_open(page, "search"), f"{key!r} still does something"
    assert expanded(page, "search") == "false"
    page.click("[data-explainer-toggle=search]")
    page.wait_for_function("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type(f"n{key}p")
    assert page.input_value("input.md-search__input") == f"n{key}p"


@pytest.mark.parametrize("viewport", [DESKTOP_720, PHONE_390], ids=["1280", "390"])
def test_shift_tab_never_leaves_focus_under_the_sticky_header(server, open_page, viewport):
    page = open_page(server.url("sources/index.html"), viewport=viewport).page
    page.evaluate("[...document.querySelectorAll('.md-content a[href]')].at(-1).focus()")
    hidden = []
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        where = page.evaluate("""() => { const el = document.activeElement;
            if (!el.closest('.md-content')) return null;
            return {top: el.getBoundingClientRect().top, header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                    desc: el.outerHTML.slice(0, 80)}; }""")
        if where and where["top"] < where["header"]:
            hidden.append(where["desc"])
    assert not hidden, f"{len(hidden)} focus stop(s) under the header:\n" + "\n".join(hidden)


@pytest.mark.parametrize("viewport", [DESKTOP_720, PHONE_390], ids=["1280", "390"])
def test_a_heading_link_lands_just_below_the_header(server, open_page, viewport):
    """Not under it, and not twice its height further down (scroll-padding and scroll-margin added up)."""
    page = open_page(server.url("history/index.html") + "#eras", viewport=viewport).page
    top, header = page.evaluate("""[document.getElementById('eras').getBoundingClientRect().top,
                                    document.querySelector('.md-header').getBoundingClientRect().bottom]""")
    assert header <= top <= header + 40, f"the heading lands at {top}px; the header ends at {header}px"
