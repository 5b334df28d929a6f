"""Definition compare and filters on the Definitions page, driven by mouse and by keyboard alone.

Expected outcomes are computed from data/definitions.yml (through the loaded content), not copied
from the page, so a wrong shared-emphasis or filter result fails.
"""

from __future__ import annotations

import pytest

from macros.components.definitions.render import authors_of, decade_of
from tests.browser.conftest import DESKTOP, axe_violations, move_mouse_away, wait_until_still

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
PAIR = ("scie-share-power", "nef-equal-partnership")

VISIBLE_DEFINITIONS = """() => [...document.querySelectorAll('div.definition[data-definition]')]
  .filter(d => d.checkVisibility()).map(d => d.dataset.definition)"""
COMPARED = """() => [...document.querySelectorAll('.compare-card')].map(c => ({
  id: c.dataset.definition,
  shared: [...c.querySelectorAll('.compare-emphases li.is-shared')].map(li => li.dataset.emphasis),
  different: [...c.querySelectorAll('.compare-emphases li.is-different')].map(li => li.dataset.emphasis),
  badges: [...c.querySelectorAll('.compare-badge')].map(b => b.textContent),
  text: c.querySelector('blockquote').textContent.trim(),
  more: c.querySelector(':scope > p:last-child > a').href,
}))"""
HEADINGS_SHOWN = "ids => ids.filter(id => document.getElementById(id).checkVisibility())"


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab (keyboard only) until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def definitions_url(server, query: str = "") -> str:
    return server.base_url + "definitions/" + query


def check_comparison(page, content, ids) -> None:
    cards = page.evaluate(COMPARED)
    assert [c["id"] for c in cards] == list(ids)
    emphases = [set(content.definitions[i].emphases) for i in ids]
    shared = set.intersection(*emphases)
    for card, mine in zip(cards, emphases):
        assert set(card["shared"]) == shared, card
        assert set(card["different"]) == mine - shared, card
        assert card["badges"].count("shared") == len(shared)
        assert card["text"] == " ".join(content.definitions[card["id"]].text.split())
        assert card["more"].endswith(f"/definitions/{card['id']}/"), "'Read it in full' opens its own page"
    labels = ", ".join(content.emphases[e].label for e in content.definitions[ids[0]].emphases if e in shared)
    status = page.locator("[data-compare-status]").inner_text()
    assert (f"Shared emphases: {labels}." if shared else "They share no emphasis.") in status


def compare_param(page) -> str | None:
    return page.evaluate("new URLSearchParams(location.search).get('compare')")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["desktop", "phone"])
def test_compare_two_with_the_mouse(server, open_page, content, viewport):
    assert set.intersection(*(set(content.definitions[i].emphases) for i in PAIR)), "pick a pair that shares"
    probe = open_page(definitions_url(server), viewport=viewport)
    page = probe.page
    for definition_id in PAIR:
        page.locator(f"label[for=compare-{definition_id}]").click()
    check_comparison(page, content, PAIR)
    assert compare_param(page) == ",".join(PAIR)

    page.reload()
    assert page.locator(f"#compare-{PAIR[0]}").is_checked() and page.locator(f"#compare-{PAIR[1]}").is_checked()
    check_comparison(page, content, PAIR)

    move_mouse_away(page)
    page.locator(".compare-view").scroll_into_view_if_needed()
    wait_until_still(page)
    failures = axe_violations(page, f"compare open {viewport}") + probe.problems()
    assert not failures, "\n".join(failures)


def test_compare_three_by_keyboard_alone_and_no_more(server, open_page, content):
    ids = ("quilligan", "burns-2004-charity", "bussu-synthesis")
    page = open_page(definitions_url(server)).page
    for definition_id in ids:
        tab_to(page, f"#compare-{definition_id}")
        page.keyboard.press("Space")
    check_comparison(page, content, ids)
    assert compare_param(page) == ",".join(ids)
    # A fourth cannot be picked: the other boxes are disabled, and the status says why.
    assert page.locator("input[name=compare]:not(:checked):not(:disabled)").count() == 0
    assert "most you can compare" in page.locator("[data-compare-status]").inner_text()
    # Unticking one by keyboard narrows the comparison to the other two.
    page.keyboard.press("Space")
    check_comparison(page, content, ids[:2])


def test_shared_url_restores_the_comparison(server, open_page, content):
    ids = ("scie-meeting-of-minds", "scie-way-of-working")
    page = open_page(definitions_url(server, "?compare=" + ",".join(ids) + ",not-a-definition")).page
    check_comparison(page, content, ids)


def expected_matches(content, author="", decade="", emphasis=""):
    return [
        d.id for d in content.definitions.values()
        if (not author or author in dict(authors_of(d, content)))
        and (not decade or decade_of(d, content) == decade)
        and (not emphasis or emphasis in d.emphases)
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["desktop", "phone"])
def test_filters_with_the_mouse(server, open_page, content, viewport):
    probe = open_page(definitions_url(server), viewport=viewport)
    page = probe.page
    total = len(content.definitions)
    assert page.locator("[data-definition-count]").inner_text() == f"Showing all {total} definitions."

    page.select_option("#definition-filter-emphasis", "partnership")
    page.select_option("#definition-filter-decade", "none")
    expected = expected_matches(content, decade="none", emphasis="partnership")
    assert 0 < len(expected) < total
    assert page.evaluate(VISIBLE_DEFINITIONS) == expected
    assert page.locator("[data-definition-count]").inner_text() == f"Showing {len(expected)} of {total} definitions."
    assert page.evaluate(HEADINGS_SHOWN, list(content.definitions)) == expected, "headings hide with their entries"
    assert page.evaluate("location.search") == "?decade=none&emphasis=partnership"  # one address per view

    move_mouse_away(page)
    failures = axe_violations(page, f"filtered {viewport}") + probe.problems()
    assert not failures, "\n".join(failures)

    page.reload()
    assert page.evaluate(VISIBLE_DEFINITIONS) == expected
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function(f"document.querySelectorAll('div.definition:not([hidden])').length === {total}")
    assert page.evaluate("location.search") == ""


def test_author_filter_by_keyboard_alone(server, open_page, content):
    page = open_page(definitions_url(server)).page
    tab_to(page, "#definition-filter-author")
    page.keyboard.press("ArrowDown")  # the first author, alphabetically
    author = page.evaluate("document.activeElement.value")
    assert author
    expected = expected_matches(content, author=author)
    assert page.evaluate(VISIBLE_DEFINITIONS) == expected
    assert f"Showing {len(expected)} of {len(content.definitions)}" in page.locator("[data-definition-count]").inner_text()
    assert page.evaluate("new URLSearchParams(location.search).get('author')") == author


def test_without_javascript_every_definition_is_there(browser, server, content):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(definitions_url(server, "?emphasis=knowledge"))
        assert page.evaluate(VISIBLE_DEFINITIONS) == list(content.definitions)
        assert not page.locator("[data-definition-tools]").is_visible()
        assert page.locator("[data-definition-nojs]").is_visible()
        # Each entry's heading leads to the definition's own page, which has the rest (and its Cite this).
        for definition_id in content.definitions:
            assert page.locator(f"h2#{definition_id} > a[href='{definition_id}/']").count() == 1, definition_id
    finally:
        context.close()
