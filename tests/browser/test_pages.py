"""Every built page in a real browser: no console errors, no requests off the site, no axe violations.

Each test visits all its pages and then reports every failure together, so one run shows the whole picture.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    DESKTOP_720,
    PHONE,
    PHONE_390,
    axe_violations,
    is_embed,
    toggle_palette,
    wait_until_still,
)

pytestmark = pytest.mark.browser

# Long pages whose tables, timelines and lists are most likely to break on a narrow screen.
LONG_PAGES = ["history/index.html", "definitions/index.html", "typologies/index.html", "sources/index.html"]


def _report(failures: list[str]) -> str:
    return f"{len(failures)} problem(s):\n" + "\n".join(failures)


def test_every_page_at_both_sizes_in_light_and_dark(html_pages, server, open_page):
    """Console, network and axe on every page: at 1280x720 in the light scheme and then the dark one, and
    at 390x844 (a phone) in the light one. test_axe_viewports.py adds the open menu and search at both
    sizes, and test_long_pages_on_a_phone the dark scheme on a phone."""
    failures = []
    for rel in html_pages:
        probe = open_page(server.url(rel), viewport=PHONE_390)
        wait_until_still(probe.page)
        failures += axe_violations(probe.page, f"{rel} [390x844, light]")
        failures += [f"{rel} [390x844]: {problem}" for problem in probe.problems()]
        probe.close()

        probe = open_page(server.url(rel), viewport=DESKTOP_720)
        page = probe.page
        wait_until_still(page)
        failures += axe_violations(page, f"{rel} [light]")
        if is_embed(rel):
            # Embeddable views have no palette toggle: they follow the reader's system setting.
            failures += [f"{rel}: {problem}" for problem in probe.problems()]
            probe.close()
            probe = open_page(server.url(rel), viewport=DESKTOP_720, color_scheme="dark")
            page = probe.page
            wait_until_still(page)
        else:
            toggle_palette(page, "slate")
        failures += axe_violations(page, f"{rel} [dark]")
        failures += [f"{rel}: {problem}" for problem in probe.problems()]
        probe.close()
    assert not failures, _report(failures)


def test_long_pages_on_a_phone(server, open_page):
    """Here the dark scheme comes from the reader's system setting (prefers-color-scheme), not the toggle."""
    failures = []
    for rel in LONG_PAGES:
        for scheme in ("light", "dark"):
            probe = open_page(server.url(rel), viewport=PHONE, color_scheme=scheme)
            wait_until_still(probe.page)
            failures += axe_violations(probe.page, f"{rel} [phone, {scheme}]")
            failures += [f"{rel} [phone]: {problem}" for problem in probe.problems()]
            probe.close()
    assert not failures, _report(failures)


def test_unknown_address_gets_a_working_404_page(server, open_page):
    """As on GitHub Pages, a deep unknown address shows 404.html, whose links are absolute under the sub-path."""
    url = server.base_url + "no/such/page/"
    probe = open_page(url)
    page = probe.page
    assert "404" in page.locator("h1").inner_text()
    # Chromium logs the 404 status of the page itself as a console error; that one is expected.
    problems = [p for p in probe.problems() if f"({url}:" not in p]
    unstyled = page.evaluate("() => [...document.styleSheets].filter(s => !s.cssRules.length).map(s => s.href)")
    assert not problems and not unstyled, (problems, unstyled)
    # Search works there too: the worker and index load from the sub-path, not from the unknown address.
    page.locator("input.md-search__input").focus()  # material opens search when its field has focus
    page.keyboard.type("Ostrom")
    page.locator(".md-search-result__item").first.wait_for()
