"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide, no page scrolls sideways. Wide tables, code and the timeline's
plot scroll inside their own labelled regions; the page itself never does."""

import pytest

from tests.browser.conftest import open_page_on

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
WIDER_THAN_THE_PAGE = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5
      && !e.closest('.table-scroll, pre, .md-sidebar, .timeline-plot, .md-search, [hidden]'))
    .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${e.className}`);
}"""


def test_no_page_scrolls_sideways_at_320_px(browser, server, html_pages):
    failures = []
    for rel in html_pages:
        probe = open_page_on(browser, server, server.url(rel), viewport=NARROW)
        page = probe.page
        over = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if over > 0:
            failures.append(f"{rel}: {over}px too wide, from {page.evaluate(WIDER_THAN_THE_PAGE)}")
        probe.close()
    assert not failures, f"{len(failures)} page(s):\n" + "\n".join(failures)
