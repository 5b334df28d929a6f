"""With storage blocked (a browser's privacy setting, some locked-down intranets), every page still loads
without an error, and the controls that would save a choice still work for the page view."""

import pytest

from tests.browser.conftest import DESKTOP, open_page_on, toggle_palette

pytestmark = pytest.mark.browser

# Naming either store throws, as Chromium does when a site's storage is blocked.
BLOCK_STORAGE = ("for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, "
                 "{configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});")


def test_the_block_really_blocks(browser, server):
    probe = open_page_on(browser, server, server.url("about/index.html"), init_script=BLOCK_STORAGE)
    try:
        assert probe.page.evaluate("() => { try { localStorage; return 'open'; } catch (e) { return e.name; } }") \
            == "SecurityError"
    finally:
        probe.close()


def test_every_page_loads_without_an_error(browser, server, html_pages):
    failures = []
    for rel in html_pages:
        probe = open_page_on(browser, server, server.url(rel), init_script=BLOCK_STORAGE, viewport=DESKTOP)
        failures += [f"{rel}: {problem}" for problem in probe.problems()]
        probe.close()
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures)


def test_the_colour_scheme_still_switches_for_the_page_view(browser, server):
    probe = open_page_on(browser, server, server.url("history/index.html"), init_script=BLOCK_STORAGE)
    try:
        toggle_palette(probe.page, "slate")
        toggle_palette(probe.page, "default")
        assert not probe.problems(), probe.problems()
    finally:
        probe.close()
