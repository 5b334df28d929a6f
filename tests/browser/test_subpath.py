"""Sub-path hosting in a browser: the site built for /council/coproduction/ and served there works.

tests/build/test_links.py checks every link in the files; this follows the navigation by clicking,
and searches, as a reader on a council intranet would.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import open_page_on
from tests.browser.test_interactive import open_search

pytestmark = pytest.mark.browser


def test_clicking_through_the_navigation_stays_under_the_sub_path(browser, council_server):
    assert council_server.base_path == "/council/coproduction/"
    # The home page hides the sidebar; the About page shows the whole navigation.
    start = council_server.url("about/index.html")
    probe = open_page_on(browser, council_server, start)
    page = probe.page
    nav = "nav.md-nav--primary a.md-nav__link[href]:visible"
    labels = [t.strip() for t in page.locator(nav).all_inner_texts()]
    assert len(labels) >= 9, f"test setup: expected the whole navigation in the sidebar, found {labels}"
    failures = []
    for label in labels:
        page.goto(start)
        page.locator(nav).filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).first.click()
        page.wait_for_load_state("load")
        if not page.url.startswith(council_server.base_url):
            failures.append(f"{label!r} led to {page.url}, outside {council_server.base_path}")
        elif page.locator("h1").first.inner_text().strip() in ("404", "404 - Not found"):
            failures.append(f"{label!r} led to the 404 page at {page.url}")
        elif not page.locator("link[rel=stylesheet]").evaluate_all("ls => ls.every(l => l.sheet)"):
            failures.append(f"{label!r}: a stylesheet did not load at {page.url}")
    open_search(page, "Ostrom")  # the search index is fetched relative to the page, under the prefix
    results = page.locator(".md-search-result__list").inner_text()
    assert re.search(r"\bOstrom\b", results), results[:300]
    failures += probe.problems()
    probe.close()
    assert not failures, "\n".join(failures)


def test_the_404_page_under_the_sub_path_has_working_styles_and_links(browser, council_server):
    probe = open_page_on(browser, council_server, council_server.origin + council_server.base_path + "no/such/page/")
    page = probe.page
    assert page.locator("link[rel=stylesheet]").evaluate_all("ls => ls.length > 0 && ls.every(l => l.sheet)")
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_load_state("load")
    assert page.url == council_server.base_url
    # The unknown URL itself answers 404 (recorded as a console error); nothing else may fail.
    problems = [p for p in probe.problems() if "404" not in p]
    probe.close()
    assert not problems, "\n".join(problems)
