"""The Reuse area's citations, their copy buttons and old anchors, and reference previews, by mouse and by keyboard alone."""

from __future__ import annotations

import datetime

import pytest

from macros.components.citations.cite_this import edition_year
from macros.components.citations.render import reference_text
from tests.browser.conftest import DESKTOP, DESKTOP_720, axe_violations, move_mouse_away, wait_until_still
from tests.browser.test_definitions import PHONE_390, tab_to

pytestmark = pytest.mark.browser

# tests/conftest.py builds with SOURCE_DATE_EPOCH=1700000000, so the site's edition year is 2023.
YEAR = edition_year({"SOURCE_DATE_EPOCH": "1700000000"})
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def today() -> str:
    date = datetime.date.today()
    return f"{date.day} {date:%B %Y}"


def expected_citation(server, title: str, page: str, anchor: str | None) -> str:
    """The citation of an item at its address: `page`/#`anchor`, or `page`/ alone for a page of its own."""
    address = f"{server.base_url}{page}/" + (f"#{anchor}" if anchor else "")
    return f"Co-production explained ({YEAR}) ‘{title}’. Available at: {address} (Accessed: {today()})."


def copy_citation(page, entry) -> tuple[str, str]:
    entry.locator(".cite-copy").click()
    status = entry.locator(".cite-status")
    status.filter(has_text="Citation copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()"), status.get_attribute("role")


def test_cite_a_definition_with_the_mouse(server, open_page, content):
    probe = open_page(server.base_url + "definitions/quilligan/?from=compare")
    page = probe.page
    page.context.grant_permissions(CLIPBOARD, origin=server.origin)
    # The definition's quiet "Cite this" leads to its citation, which on its own page is the page's.
    page.locator("div.definition[data-definition=quilligan] a.cite-link").click()
    page.wait_for_function("() => location.hash === '#cite-quilligan'")
    entry = page.locator("section.reuse #cite-quilligan")
    assert entry.evaluate("e => e.closest('.reuse-row').querySelector('dt').textContent") == "Cite this page"
    copied, role = copy_citation(page, entry)
    # The address has no query string: it names the definition's own page, not how this reader came to it.
    assert copied == expected_citation(server, content.definitions["quilligan"].label, "definitions/quilligan", None)
    assert role == "status"
    assert entry.locator(".cite-text").inner_text() == copied  # what is shown is what is copied
    move_mouse_away(page)
    failures = axe_violations(page, "cite this open") + probe.problems()
    assert not failures, "\n".join(failures)


def test_cite_a_case_by_keyboard_alone(server, open_page, content):
    case = next(iter(content.cases.values()))
    page = open_page(server.base_url + "examples/").page
    page.context.grant_permissions(CLIPBOARD, origin=server.origin)
    tab_to(page, f"section:has(h2#{case.id}) a.cite-link")
    page.keyboard.press("Enter")  # to the case's citation in the Reuse area, which opens
    details = page.locator(f"section.reuse details:has(#cite-{case.id})")
    page.wait_for_function("d => d.open", arg=details.element_handle())
    tab_to(page, f"#cite-{case.id} .cite-copy", limit=3)  # past the item's address, to the button
    page.keyboard.press("Enter")
    details.locator(".cite-status").filter(has_text="Citation copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected_citation(server, case.title, "examples", case.id)
    tab_to(page, f"#cite-{case.id} .cite-back a", limit=3)  # and back to the case
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#{case.id}'")


def test_every_item_kind_has_a_citation_with_its_own_address(server, open_page, content):
    kinds = [  # items shown on a page of their kind, cited at their anchor there
        ("examples", "section.reuse #cite-{id} .cite-text", content.cases, "title"),
    ]
    for page_name, selector, records, title_field in kinds:
        probe = open_page(f"{server.base_url}{page_name}/")
        page = probe.page
        for record_id, record in records.items():
            text = page.locator(selector.format(id=record_id)).first.text_content()
            expected = expected_citation(server, getattr(record, title_field), page_name, record_id)
            assert " ".join(text.split()) == expected, (page_name, record_id)
        assert not probe.problems(), probe.problems()
        probe.close()
    # An event's citation gives the address of its full record, on its era's page (history/<era>/).
    for era_id in content.eras:
        probe = open_page(f"{server.base_url}history/{era_id}/")
        for event in content.events_in(era_id):
            assert probe.page.locator(f"article[aria-labelledby='{event.id}'] a.cite-link").get_attribute(
                "href") == f"#cite-{event.id}"
            text = probe.page.locator(f"section.reuse #cite-{event.id} .cite-text").text_content()
            assert " ".join(text.split()) == expected_citation(server, event.title, f"history/{era_id}", event.id)
        assert not probe.problems(), probe.problems()
        probe.close()
    # A definition's or a framework's citation gives the address of its own page: the page's citation.
    for folder, records, title_field in (("definitions", content.definitions, "label"),
                                         ("typologies", content.typologies, "name")):
        for record_id, record in records.items():
            probe = open_page(f"{server.base_url}{folder}/{record_id}/")
            texts = probe.page.locator(".cite-text").all_text_contents()
            expected = expected_citation(server, getattr(record, title_field), f"{folder}/{record_id}", None)
            assert [" ".join(t.split()) for t in texts] == [expected], (folder, record_id)
            assert not probe.problems(), probe.problems()
            probe.close()


def test_old_addresses_land_on_the_item_and_on_its_citation(server, open_page, content):
    event = content.events_in(next(iter(content.eras)))[-1]
    url = f"{server.base_url}history/{event.era}/"
    probe = open_page(f"{url}#{event.id}")  # where the event and its "Cite this" box used to be
    page = probe.page
    assert page.evaluate(f"() => document.getElementById('{event.id}').getBoundingClientRect().top") < 300
    page.goto(f"{url}#cite-{event.id}")  # its citation, opened where it is folded
    fold = page.locator(f"details:has(#cite-{event.id})")
    page.wait_for_function("d => d.open", arg=fold.element_handle())
    assert fold.locator(".cite-text").is_visible()
    assert not probe.problems(), probe.problems()


def preview_state(page) -> dict:
    return page.evaluate("""() => {
      const tip = document.getElementById('cite-preview');
      const link = document.activeElement.matches('a.cite') ? document.activeElement
        : document.querySelector('a.cite[aria-describedby]');
      const r = tip && link ? [tip.getBoundingClientRect(), link.getBoundingClientRect()] : null;
      return {
        visible: !!tip && tip.checkVisibility(),
        text: tip ? tip.textContent : '',
        describedBy: link ? link.getAttribute('aria-describedby') : null,
        href: link ? link.getAttribute('href') : null,
        overlaps: !!r && r[0].left < r[1].right && r[1].left < r[0].right && r[0].top < r[1].bottom && r[1].top < r[0].bottom,
      };
    }""")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["desktop", "phone"])
def test_reference_preview_on_hover(server, open_page, content, viewport):
    probe = open_page(server.base_url + "definitions/", viewport=viewport)
    page = probe.page
    definition = content.definitions["burns-2004-charity"]
    link = page.locator(f"div.definition[data-definition={definition.id}] .attribution a.cite").first
    link.scroll_into_view_if_needed()
    link.hover()
    page.locator("#cite-preview").wait_for(state="visible")
    state = preview_state(page)
    assert state["text"] == "Full reference: " + reference_text(content.sources[definition.source])
    assert state["describedBy"] == "cite-preview" and not state["overlaps"]
    wait_until_still(page)
    failures = axe_violations(page, f"preview open {viewport}") + probe.problems()
    assert not failures, "\n".join(failures)

    page.keyboard.press("Escape")
    page.locator("#cite-preview").wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None
    move_mouse_away(page)
    link.hover()
    page.locator("#cite-preview").wait_for(state="visible")
    move_mouse_away(page)
    page.locator("#cite-preview").wait_for(state="hidden")


def test_reference_preview_on_focus_by_keyboard_alone(server, open_page, content):
    probe = open_page(server.base_url + "definitions/")
    page = probe.page
    tab_to(page, "div.definition a.cite")
    state = preview_state(page)
    source_id = state["href"].rsplit("#", 1)[1]
    assert state["visible"] and not state["overlaps"]
    assert state["text"] == "Full reference: " + reference_text(content.sources[source_id])
    assert state["describedBy"] == "cite-preview"
    failures = axe_violations(page, "preview open by focus") + probe.problems()
    assert not failures, "\n".join(failures)
    page.keyboard.press("Escape")
    assert not preview_state(page)["visible"]
    assert page.evaluate("document.activeElement.matches('a.cite')"), "Escape must not move focus"
    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.matches('a.cite')"):
        assert not preview_state(page)["visible"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["desktop", "phone"])
def test_every_state_at_once_in_the_dark_scheme(server, open_page, viewport):
    """Compare open, filtered and a preview showing; then, on a definition's own page, its Reuse area open with
    the copy button focused and a preview showing."""
    probe = open_page(server.base_url + "definitions/?emphasis=partnership&compare=scie-share-power,hcct-critical-role",
                      viewport=viewport, color_scheme="dark")
    page = probe.page
    link = page.locator("div.definition[data-definition=hcct-critical-role] .attribution a.cite").first
    link.hover()
    page.locator("#cite-preview").wait_for(state="visible")
    assert page.locator(".compare-card").count() == 2
    wait_until_still(page)
    failures = axe_violations(page, f"compare, filter and preview, dark, {viewport}") + probe.problems()
    probe.close()

    probe = open_page(server.base_url + "definitions/scie-share-power/", viewport=viewport, color_scheme="dark")
    page = probe.page
    page.locator("section.reuse details").first.locator("summary").click()
    page.locator("section.reuse .cite-copy").first.focus()
    page.locator("div.definition .attribution a.cite").first.hover()
    page.locator("#cite-preview").wait_for(state="visible")
    wait_until_still(page)
    failures += axe_violations(page, f"cite open and preview, dark, {viewport}") + probe.problems()
    assert not failures, "\n".join(failures)


REUSE_PAGES = ["history/", "definitions/", "history/crisis-and-mainstream/", "definitions/quilligan/"]


@pytest.mark.parametrize("viewport", [DESKTOP_720, PHONE_390], ids=["1280x720", "390x844"])
@pytest.mark.parametrize("path", REUSE_PAGES)
def test_no_axe_violations_with_the_reuse_area_open(server, open_page, path, viewport):
    probe = open_page(server.base_url + path, viewport=viewport)
    page = probe.page
    area = page.locator("section.reuse")
    assert page.locator("section.reuse").count() == 1
    area.evaluate("a => a.querySelectorAll('details').forEach(d => { d.open = true; })")
    area.locator(".cite-copy").first.focus()
    wait_until_still(page)
    failures = axe_violations(page, f"{path} Reuse area open {viewport}") + probe.problems()
    assert not failures, "\n".join(failures)
