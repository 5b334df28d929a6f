"""Material's interactive states, each checked with axe as a reader meets it: search open, drawer open, dark scheme."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, move_mouse_away, toggle_palette, wait_until_still

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}


def open_search(page, query: str) -> None:
    """Open search from its field (the "/" shortcut is switched off: menu.js), type a query and wait for the results."""
    page.locator("input.md-search__input").focus()  # material opens search when its field has focus
    page.wait_for_function("document.getElementById('__search').checked")
    search_input = page.locator("input.md-search__input")
    assert search_input.evaluate("el => el === document.activeElement"), "the search box should take focus"
    search_input.press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    wait_until_still(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_dialog(server, open_page, scheme, viewport):
    probe = open_page(server.base_url, viewport=viewport)
    page = probe.page
    toggle_palette(page, SCHEMES[scheme])
    open_search(page, "Ostrom")

    results = page.locator(".md-search-result__list").inner_text()
    assert re.search(r"\bOstrom\b", results), f"search results for 'Ostrom' do not mention Ostrom:\n{results[:500]}"
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.match(r"\d+ matching documents?", meta.strip()), meta

    failures = axe_violations(page, f"search open [{scheme}]") + probe.problems()
    assert not failures, "\n".join(failures)


def test_search_finds_data_generated_text(server, open_page):
    """A verbatim definition, rendered by a macro from data, is found through the search box."""
    page = open_page(server.base_url + "history/").page
    open_search(page, "synergistic")
    first = page.locator(".md-search-result__item").first
    assert "synergistic" in first.inner_text().lower()
    assert "/definitions/" in first.locator("a").first.get_attribute("href")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_phone_drawer(server, open_page, scheme):
    probe = open_page(server.base_url + "typologies/compare/", viewport=PHONE)
    page = probe.page
    toggle_palette(page, SCHEMES[scheme])
    page.locator(".md-header [data-explainer-toggle=drawer]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    move_mouse_away(page)

    drawer = page.locator(".md-sidebar--primary")
    box = drawer.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 200, f"the drawer did not slide in: {box}"
    # On a page in a section the drawer opens at the section's list; the list it covers is hidden.
    assert page.locator(".md-sidebar--primary a.md-nav__link", has_text="Compare approaches").is_visible()
    assert not page.locator(".md-sidebar--primary a.md-nav__link", has_text="History").is_visible()

    failures = axe_violations(page, f"drawer open [{scheme}]") + probe.problems()
    assert not failures, "\n".join(failures)
