"""The sample Content-Security-Policy (csp.txt, written by macros/postbuild/csp.py) is enforced and nothing breaks it.

Every page is served with the policy as a real header. A `securitypolicyviolation` listener, installed
before any page script runs, and the console both report violations; any one fails the test.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import open_page_on

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`
                    + (e.sample ? ` (${e.sample})` : ""));
});
"""


def violations(probe, where: str) -> list[str]:
    found = probe.page.evaluate("window.__csp")
    found += [m for m in probe.console_errors if "Content Security Policy" in m]
    return [f"{where}: {v}" for v in found] + [f"{where}: {p}" for p in probe.problems()
                                                 if "Content Security Policy" not in p]


def test_the_policy_allows_no_inline_script_or_style_by_default(site_dir):
    policy = dict(d.strip().split(" ", 1) for d in (site_dir / "csp.txt").read_text(encoding="utf-8").split(";"))
    assert policy["default-src"] == "'none'"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["script-src"].count("'sha256-") >= 3, "material's inline scripts should be allowed by hash"


def test_every_page_works_under_the_policy(browser, csp_server, html_pages):
    failures = []
    for rel in html_pages:
        probe = open_page_on(browser, csp_server, csp_server.url(rel), init_script=RECORD_VIOLATIONS)
        failures += violations(probe, rel)
        probe.close()
    assert not failures, "\n".join(failures)


def test_search_timeline_and_tables_work_under_the_policy(browser, csp_server):
    failures = []
    probe = open_page_on(browser, csp_server, csp_server.url("history/index.html"), init_script=RECORD_VIOLATIONS)
    page = probe.page
    page.locator("form[data-timeline-explorer]").wait_for(state="visible")  # timeline.js ran
    page.locator("#timeline-theme").select_option("time-banking")
    page.wait_for_function("() => /^\\d+ of \\d+ events$/.test(document.querySelector('.timeline-count').textContent)")
    page.locator("button.event-toggle:visible").first.click()
    # The search worker and its index load under the policy. (Playwright's string predicates would
    # need 'unsafe-eval'; arrow functions do not.)
    page.locator("input.md-search__input").focus()  # material opens search when its field has focus
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.locator("input.md-search__input").press_sequentially("Ostrom")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    failures += violations(probe, "history: filter, expand, search")
    probe.console_errors.clear()
    page.locator("input.md-search__input").press("Enter")  # material opens the first result; no form submits
    page.wait_for_load_state("load")
    failures += violations(probe, "search: Enter")
    probe.close()

    probe = open_page_on(browser, csp_server, csp_server.url("typologies/compare/index.html"),
                         init_script=RECORD_VIOLATIONS)
    page = probe.page
    page.locator("table#table-approaches th button.sort-button").nth(1).click()
    page.wait_for_function("() => document.querySelector('table#table-approaches th[aria-sort]') !== null")
    page.locator("body").press("Escape")
    failures += violations(probe, "compare: sort")
    probe.close()
    assert not failures, "\n".join(failures)


def test_the_header_is_enforced_and_violations_are_seen(browser, csp_server):
    """The harness itself: a script the policy does not allow is blocked and reported."""
    probe = open_page_on(browser, csp_server, csp_server.url("about/index.html"), init_script=RECORD_VIOLATIONS)
    page = probe.page
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                  " document.body.append(s); }")
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("window.__ran") is None, "an unlisted inline script ran: the header is not enforced"
    assert any("script-src" in v for v in violations(probe, "about"))
    probe.close()
