"""The fictional Harbourside council's site in a browser: local records pass axe in both schemes, and the
timeline filters count them with the national events."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    axe_violations,
    open_page_on,
    serve_site,
    site_base_path,
    toggle_palette,
    wait_until_still,
)
from tests.conftest import HARBOURSIDE, ROOT

pytestmark = pytest.mark.browser

NAME = "Harbourside Borough Council"
PAGES = ["history/index.html", "definitions/index.html", "examples/index.html", "glossary/index.html",
         "sources/index.html"]


@pytest.fixture(scope="module")
def harbourside_server(harbourside_site_dir):
    with serve_site(harbourside_site_dir, site_base_path()) as served:
        yield served


@pytest.fixture(scope="module")
def merged():
    from macros.load import load_content

    return load_content(ROOT / "data", local_dir=HARBOURSIDE / "data", local_label="examples/harbourside/data",
                        local_name=NAME)


@pytest.mark.parametrize("rel", PAGES)
def test_pages_with_local_records_have_no_axe_violations_in_light_and_dark(browser, harbourside_server, rel):
    probe = open_page_on(browser, harbourside_server, harbourside_server.url(rel))
    page = probe.page
    try:
        assert page.locator(".local-badge").count() >= 1
        assert page.locator(".local-badge").first.inner_text() == f"Local · {NAME}"
        wait_until_still(page)
        failures = axe_violations(page, f"{rel} [light]")
        toggle_palette(page, "slate")
        failures += axe_violations(page, f"{rel} [dark]")
        failures += [f"{rel}: {problem}" for problem in probe.problems()]
        assert not failures, "\n".join(failures)
    finally:
        probe.close()


def test_the_council_colours_reach_the_page(browser, harbourside_server):
    probe = open_page_on(browser, harbourside_server, harbourside_server.url("history/index.html"))
    try:
        header = probe.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == "rgb(29, 79, 110)"  # #1d4f6e
        assert probe.page.locator(".md-header img[src$='assets/council/logo.svg']").is_visible()
    finally:
        probe.close()


def test_timeline_filters_count_local_events_with_the_national_ones(browser, harbourside_server, merged):
    probe = open_page_on(browser, harbourside_server, harbourside_server.base_url + "history/")
    page = probe.page
    try:
        page.locator("form[data-timeline-explorer]").wait_for(state="visible")
        total = len(merged.events)
        local = [e.id for e in merged.events.values() if e.local]
        assert len(local) == 3
        assert page.locator(".timeline-count").inner_text() == f"{total} of {total} events"
        for theme in ("practice", "time-banking", "policy"):
            page.locator("#timeline-theme").select_option(theme)
            expected = [e.id for e in merged.events.values() if theme in e.themes]
            assert any(i in local for i in expected), f"test setup: no local event has the theme {theme}"
            page.wait_for_function(
                "n => document.querySelector('.timeline-count').textContent.startsWith(n + ' of')", arg=len(expected))
            assert page.locator(".timeline-count").inner_text() == f"{len(expected)} of {total} events"
            shown = page.evaluate("[...document.querySelectorAll('li.timeline-event')]"
                                  ".filter(li => li.offsetParent !== null).map(li => li.dataset.event)")
            assert sorted(shown) == sorted(expected)
    finally:
        probe.close()
