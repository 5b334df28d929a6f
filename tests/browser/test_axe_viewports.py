"""axe at 1280x720 and at 390x844, on a page of every kind and in the states a reader reaches from any page.

Every page at both sizes, with the drawer open on each, took over 11 minutes (about 1.3 s per axe run,
some 800 runs), so this checks a page of every template, which is what decides what axe sees:
- every page outside the folders of records (home, history, definitions, typologies, people, examples,
  glossary, sources, about, accessibility, open data, the 404 page),
- every page of the learn section (modules, log, handbook, the supervisors' pages),
- the first page of each folder of records (an era, a definition, a framework), whose siblings share its
  template,
- every component's embed (each its own component) and the page embeds of home and of a learn module.
States: the navigation drawer open at 390 px on every page checked; search open with results, once per
size (the header and search are the same on every page). test_pages.py checks every page at both sizes
(in light and dark at 1280x720, in light at 390x844), without these states.

Kept quick: one browser context per size and one tab reused from page to page, no fixed waits (only for
animations to settle), and axe asked for violations alone. About two minutes for both sizes here.
"""

from __future__ import annotations

import posixpath

import pytest

from tests.browser.conftest import DESKTOP_720, PHONE_390, axe_violations, is_embed, move_mouse_away, wait_until_still

pytestmark = pytest.mark.browser

SIZES = {"1280x720": DESKTOP_720, "390x844": PHONE_390}

# The folders of records: each record's page (and its embed) shares one template with its siblings.
RECORD_FOLDERS = ("definitions", "typologies", "history")
PAGE_EMBEDS = {"embed.html", "learn/what-it-is/embed.html"}


def pages_to_check(html_pages: list[str]) -> list[str]:
    chosen, first_of_folder = [], set()
    for rel in html_pages:
        parts = rel.split("/")
        if rel.startswith("embed/"):
            chosen.append(rel)  # a component's embed
        elif is_embed(rel):
            if rel in PAGE_EMBEDS:
                chosen.append(rel)
        elif parts[0] in RECORD_FOLDERS and len(parts) > 2:
            if parts[0] not in first_of_folder:
                first_of_folder.add(parts[0])
                chosen.append(rel)
        else:
            chosen.append(rel)  # top-level pages, 404.html and the whole learn section
    return chosen


def test_the_sample_covers_every_kind_of_page(html_pages):
    chosen = set(pages_to_check(html_pages))
    learn = {rel for rel in html_pages if rel.startswith("learn/") and not is_embed(rel)}
    assert learn and learn <= chosen, sorted(learn - chosen)
    assert {rel for rel in html_pages if rel.startswith("embed/")} <= chosen
    assert {"index.html", "404.html", "history/index.html"} <= chosen
    for folder in RECORD_FOLDERS:
        assert any(posixpath.dirname(posixpath.dirname(rel)) == folder for rel in chosen), folder


def _open_with_button(page, toggle: str) -> None:
    page.click(f"[data-explainer-toggle={toggle}]")
    page.wait_for_function(f"document.getElementById('__{toggle}').checked")
    wait_until_still(page)


def _close(page, toggle: str) -> None:
    page.keyboard.press("Escape")
    page.wait_for_function(f"!document.getElementById('__{toggle}').checked")


def _search_with_results(page, phone: bool) -> None:
    if phone:
        _open_with_button(page, "search")
    else:
        page.click("[data-md-component=search-query]")
    page.keyboard.type("Ostrom")
    page.locator(".md-search-result__item").first.wait_for()
    wait_until_still(page)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_axe_on_every_kind_of_page_and_state(size, html_pages, server, browser):
    viewport = SIZES[size]
    phone = viewport["width"] < 960
    context = browser.new_context(viewport=viewport, color_scheme="light", service_workers="block")
    context.route("**/*", lambda route: route.continue_() if server.is_local(route.request.url) else route.abort())
    page = context.new_page()
    failures = []
    try:
        for rel in pages_to_check(html_pages):
            page.goto(server.url(rel), wait_until="load")
            wait_until_still(page)
            failures += axe_violations(page, f"{rel} [{size}]")
            if phone and page.locator("[data-explainer-toggle=drawer]").count():
                _open_with_button(page, "drawer")
                failures += axe_violations(page, f"{rel} [{size}, menu open]")
                _close(page, "drawer")
        page.goto(server.url("index.html"), wait_until="load")
        _search_with_results(page, phone)
        failures += axe_violations(page, f"index.html [{size}, search open with results]")
        _close(page, "search")
        move_mouse_away(page)
    finally:
        context.close()
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures)
