"""The long lists the browser draws only near the screen (content-visibility: auto; the Sources page's entries and
the History page's events) still print in full, still take a link to any item, are still found by find in page,
and still pass axe on the narrowest phone, where a place kept for an undrawn item is most likely too short.

Expected ids come from the data (through macros.load), never from the page itself.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, wait_until_still

pytestmark = pytest.mark.browser

NARROWEST = {"width": 320, "height": 640}
PHONE_390 = {"width": 390, "height": 844}
# Items the browser has drawn: those whose content is not skipped (checkVisibility also counting a
# content-visibility: auto that skips it; the item itself is always "visible", as its kept place).
DRAWN = """sel => [...document.querySelectorAll(sel)]
  .filter(e => e.firstElementChild.checkVisibility({contentVisibilityAuto: true})).map(e => e.id || e.dataset.event)"""
LAST_SOURCE = "document.querySelector('.bibliography:last-of-type > li:last-child').id"


def source_ids(content) -> list[str]:
    return [s.id for s in content.sources.values()]


@pytest.mark.parametrize("path, items", [("sources/", ".bibliography > li"), ("history/", "li.timeline-event")])
def test_print_draws_every_item(server, open_page, content, path, items):
    probe = open_page(server.base_url + path, viewport=PHONE_390)
    page = probe.page
    expected = source_ids(content) if path == "sources/" else list(content.events)
    on_screen = page.evaluate(DRAWN, items)
    assert len(on_screen) < len(expected), "on a phone's screen, the items far below are not drawn yet"
    page.emulate_media(media="print")
    assert sorted(page.evaluate(DRAWN, items)) == sorted(expected)


def test_a_link_to_the_last_source_lands_on_it(server, open_page, content):
    last = open_page(server.base_url + "sources/").page.evaluate(LAST_SOURCE)
    assert last in source_ids(content)
    for viewport in (PHONE_390, {"width": 1280, "height": 720}):
        page = open_page(server.base_url + f"sources/#{last}", viewport=viewport).page
        wait_until_still(page)
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", last)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header - 1 <= top <= header + 60, (viewport, top, header)
        assert last in page.evaluate(DRAWN, ".bibliography > li"), "the entry is drawn where the link lands"


def test_find_in_page_reaches_an_undrawn_source(server, open_page, content):
    page = open_page(server.base_url + "sources/", viewport=PHONE_390).page
    last = page.evaluate(LAST_SOURCE)
    assert last not in page.evaluate(DRAWN, ".bibliography > li")
    title = content.sources[last].title
    # window.find goes from match to match, as find in page does (the title may also appear earlier).
    found = page.evaluate("""([title, id]) => { for (let i = 0; i < 50 && window.find(title); i++)
        if (document.getElementById(id).contains(getSelection().anchorNode)) return true; return false; }""",
                          [title, last])
    assert found, f"find in page did not reach {title!r}"


@pytest.mark.parametrize("path", ["sources/", "history/"])
def test_axe_at_the_narrowest_phone(server, open_page, path):
    probe = open_page(server.base_url + path, viewport=NARROWEST)
    wait_until_still(probe.page)
    failures = axe_violations(probe.page, f"{path} [320x640]") + probe.problems()
    assert not failures, "\n".join(failures)
