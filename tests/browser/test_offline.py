"""The offline bundle (mkdocs-offline.yml, `make offline`) opened straight from disk through file://.

No server: Chromium loads every page as a file:///... URL, as a council officer would after
unzipping the bundle onto a share drive. Search, the timeline filters and table sorting must
work there, and nothing may be fetched from anywhere but the disk.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import DESKTOP, _describe_console, is_embed
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.browser

SHIM = "assets/javascripts/iframe-worker/shim.js"
# Attributes that make a browser fetch something. Hyperlinks to cited sources are not fetches, nor is
# <link rel="canonical">, which names the published copy of the page when SITE_URL is set.
_FETCHING = re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?([^"'\s>]+)"""
                       r"""|<link\b(?![^>]*\brel=["']?canonical)[^>]*\bhref=["']?([^"'\s>]+)""", re.I)


@pytest.fixture(scope="module")
def offline_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("offline") / "site"
    result = build_site(dest, config=ROOT / "mkdocs-offline.yml")
    assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return dest


def test_bundle_loads_nothing_from_another_host(offline_dir: Path):
    pages = sorted(offline_dir.rglob("*.html"))
    assert (offline_dir / "history.html").is_file() and not (offline_dir / "history" / "index.html").exists(), \
        "use_directory_urls must be off: file:// has no index page for a folder"
    assert (offline_dir / "search" / "search_index.js").is_file(), "the offline plugin inlines the index as a script"
    assert (offline_dir / SHIM).is_file() and (offline_dir / SHIM).with_name("LICENSE.txt").is_file()
    problems = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(offline_dir).as_posix()
        if "unpkg.com" in html:
            problems.append(f"{rel}: mentions unpkg.com")
        # 404.html is for servers only; the embeddable views run no search, so need no worker shim.
        if rel != "404.html" and not is_embed(rel) and SHIM not in html:
            problems.append(f"{rel}: does not load the local iframe-worker shim")
        for match in _FETCHING.finditer(html):
            url = match.group(1) or match.group(2)
            if rel != "404.html" and re.match(r"(?:[a-z][a-z0-9+.-]*:)?//", url, re.I):
                problems.append(f"{rel}: fetches {url}")
    assert not problems, "\n".join(problems)


def test_search_timeline_and_tables_work_from_file_urls(browser, offline_dir: Path, content):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    try:
        page = context.new_page()
        elsewhere: list[str] = []
        errors: list[str] = []

        def on_route(route):
            # Everything must come from the disk; anything else is recorded and refused.
            url = route.request.url
            if url.split(":", 1)[0] in ("file", "data", "blob", "about"):
                route.continue_()
            else:
                elsewhere.append(url)
                route.abort()

        context.route("**/*", on_route)
        page.on("console", lambda msg: errors.append(_describe_console(msg)) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"uncaught {exc!r}"))

        # --- search, from the home page ---------------------------------------------------------
        page.goto((offline_dir / "index.html").as_uri(), wait_until="load")
        page.locator("input.md-search__input").focus()  # material opens search when its field has focus
        page.wait_for_function("document.getElementById('__search').checked")
        page.locator("input.md-search__input").press_sequentially("Ostrom")
        # Without a worker that runs from file://, this stays on "Initializing search" for ever.
        first = page.locator(".md-search-result__item").first
        first.wait_for(state="visible", timeout=10_000)
        results = page.locator(".md-search-result__list").inner_text()
        assert re.search(r"\bOstrom\b", results), results[:500]
        href = first.locator("a").first.get_attribute("href")
        assert href and not href.startswith(("http:", "https:")), href
        first.locator("a").first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and ".html" in page.url, page.url
        target = Path(page.url.split("#")[0].split("?")[0].removeprefix("file://"))
        assert target.is_file(), f"the search result led to a missing file: {page.url}"

        # --- timeline filters, reached through a link our engine wrote on the home page ----------
        page.goto((offline_dir / "index.html").as_uri(), wait_until="load")
        page.locator('article a[href="history.html"]').first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/history.html"), page.url
        page.locator("form[data-timeline-explorer]").wait_for(state="visible")
        total = len(content.events)
        count = page.locator(".timeline-count")
        assert count.inner_text() == f"{total} of {total} events"
        theme = "time-banking"
        shown = [e.id for e in content.events.values() if theme in e.themes]
        assert 0 < len(shown) < total
        page.locator("#timeline-theme").select_option(theme)
        page.wait_for_function("t => document.querySelector('.timeline-count').innerText === t",
                               arg=f"{len(shown)} of {total} events")
        visible = page.evaluate("() => [...document.querySelectorAll('li.timeline-event')]"
                                ".filter(li => li.checkVisibility()).map(li => li.dataset.event)")
        assert sorted(visible) == sorted(shown)
        # The filter goes into the URL (history.replaceState works on the same file:// path),
        # so a reload keeps it.
        page.wait_for_function("new URLSearchParams(location.search).get('theme') === 'time-banking'", timeout=2000)
        page.reload(wait_until="load")
        page.locator("form[data-timeline-explorer]").wait_for(state="visible")
        assert page.locator("#timeline-theme").input_value() == theme
        assert count.inner_text() == f"{len(shown)} of {total} events"

        # --- sorting a comparison table --------------------------------------------------------
        page.goto((offline_dir / "typologies" / "compare.html").as_uri(), wait_until="load")
        table = "table#table-approaches"
        keys = ("t => Array.from(t.tBodies[0].rows).map(r => { const c = r.cells[1];"
                " return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim(); })")
        before = page.locator(table).evaluate(keys)
        assert len(set(before)) > 1
        page.locator(f"{table} thead th").nth(1).locator("button").click()
        after = page.locator(table).evaluate(keys)
        assert after == sorted(before, key=str.casefold), after
        assert page.locator(f"{table} thead th").nth(1).get_attribute("aria-sort") == "ascending"

        assert not elsewhere, f"requests that did not come from the disk: {elsewhere}"
        assert not errors, "console errors:\n" + "\n".join(errors)
    finally:
        context.close()


def test_the_self_assessment_works_from_file_urls(browser, offline_dir: Path):
    """Answers kept, results drawn, a team's links put side by side, and the result in the learning log, with
    nothing fetched from anywhere but the disk."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    try:
        elsewhere: list[str] = []
        errors: list[str] = []
        context.route("**/*", lambda r: r.continue_() if r.request.url.split(":", 1)[0] in ("file", "data", "about")
                      else (elsewhere.append(r.request.url), r.abort()))
        page = context.new_page()
        page.on("console", lambda msg: errors.append(_describe_console(msg)) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"uncaught {exc!r}"))
        url = (offline_dir / "self-assessment.html").as_uri()
        page.goto(url, wait_until="load")
        page.check("#sa-ask-what-people-offer-4")
        page.check("#sa-real-roles-2")
        assert page.locator("[data-sa-score]").first.inner_text() == "3.0 out of 5"
        page.reload(wait_until="load")
        assert page.is_checked("#sa-real-roles-2")  # kept in this browser, from disk too
        # Two people's links, as a facilitator would paste them: the spread of the first statement.
        links = [f"{url}#sa-answers=ask-what-people-offer:{v}" for v in ("2", "5")]
        page.fill("[data-sa-team-links]", "\n".join(links))
        page.click("[data-sa-team-show]")
        first = page.locator("[data-sa-team-rows] tr").first.locator("td").all_inner_texts()
        assert first == ["2", "3.5", "5", "2 of 2"]
        # "Add my own answers" makes a link to this very file.
        page.click("[data-sa-team-mine]")
        assert page.locator("[data-sa-team-links]").input_value().splitlines()[-1].startswith(url + "#sa-answers=")
        page.get_by_role("button", name="Add this result to my learning log").click()
        page.goto((offline_dir / "learn" / "log.html").as_uri(), wait_until="load")
        assert page.locator("[data-sa-log-result]").is_visible()
        assert not elsewhere, f"requests that did not come from the disk: {elsewhere}"
        assert not errors, "console errors:\n" + "\n".join(errors)
    finally:
        context.close()
