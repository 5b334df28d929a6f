"""Glossary terms: the first use on a page spelled out and linked to its entry; later ones toggletips that a
keyboard, a mouse and a touch screen can open, hover, keep open and dismiss (WCAG 2.1.1, 1.4.13)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import axe_violations, move_mouse_away

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
PAGE = "history/index.html"  # a page with toggletips
SPELLED_OUT = "typologies/scie-features/index.html"  # a page whose text names SCIE by its initials only
EMBED = "embed/timeline/index.html"  # a component's embed with toggletips
BUTTON = ".toggletip__button"


def first_tip(probe):
    page = probe.page
    assert not probe.problems(), probe.problems()
    button = page.locator(BUTTON + ":visible").first
    button.scroll_into_view_if_needed()
    return page, button


def bubble_of(button):
    return button.locator("xpath=following-sibling::*[1]")


def assert_open(button, is_open: bool):
    bubble = bubble_of(button)
    assert button.get_attribute("aria-expanded") == ("true" if is_open else "false")
    assert bubble.get_attribute("id") == button.get_attribute("aria-controls")
    assert bubble.get_attribute("role") == "status"
    if is_open:
        assert bubble.is_visible()
        assert bubble.inner_text() == button.get_attribute("data-definition") != ""
    else:
        assert bubble.is_hidden() and bubble.inner_text() == ""


@pytest.mark.parametrize("rel", [PAGE, EMBED])
def test_keyboard_opens_and_escape_closes(open_page, server, rel):
    page, button = first_tip(open_page(server.url(rel), viewport=WIDE))
    assert button.evaluate("b => b.tagName === 'BUTTON' && b.type === 'button'")
    button.focus()
    page.keyboard.press("Enter")
    assert_open(button, True)
    page.keyboard.press("Escape")
    assert_open(button, False)
    assert button.evaluate("b => document.activeElement === b")
    page.keyboard.press("Space")
    assert_open(button, True)
    page.keyboard.press("Tab")  # focus moves on: it closes
    assert_open(button, False)


def test_hovering_the_term_then_the_bubble_keeps_it_open(open_page, server):
    page, button = first_tip(open_page(server.url(PAGE), viewport=WIDE))
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert_open(button, True)
    bubble = bubble_of(button).bounding_box()
    page.mouse.move(bubble["x"] + bubble["width"] / 2, bubble["y"] + bubble["height"] / 2, steps=8)
    page.wait_for_timeout(800)  # longer than the grace the pointer has to cross the gap
    assert_open(button, True)
    page.keyboard.press("Escape")  # dismissed without moving the pointer
    assert_open(button, False)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert_open(button, True)
    move_mouse_away(page)
    page.wait_for_timeout(800)
    assert_open(button, False)


def test_a_press_keeps_it_open_until_a_click_elsewhere(open_page, server):
    page, button = first_tip(open_page(server.url(PAGE), viewport=WIDE))
    button.click()
    move_mouse_away(page)
    page.wait_for_timeout(800)
    assert_open(button, True)  # pressed open, it does not close when the pointer leaves
    bubble_of(button).click()
    assert_open(button, True)  # a click on the bubble itself (to select its text) keeps it
    page.mouse.click(WIDE["width"] - 5, WIDE["height"] - 5)
    assert_open(button, False)


def test_a_tap_opens_it_and_a_tap_elsewhere_closes_it(browser, server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, service_workers="block")
    try:
        page = context.new_page()
        page.goto(server.url(PAGE))
        button = page.locator(BUTTON + ":visible").first
        button.scroll_into_view_if_needed()
        button.tap()
        assert_open(button, True)
        box = bubble_of(button).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # inside the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.locator("article.md-content__inner h1").tap()
        assert_open(button, False)
    finally:
        context.close()


def test_the_first_use_is_spelled_out_and_links_to_its_entry(open_page, server):
    page = open_page(server.url(SPELLED_OUT), viewport=WIDE).page
    article = page.locator("article.md-content__inner")
    # Its text but its headings (which stay plain), hidden parts too, such as folded details.
    text = " ".join(article.evaluate(
        "a => { const c = a.cloneNode(true); c.querySelectorAll('h1,h2,h3,h4,h5,h6').forEach(h => h.remove());"
        " return c.textContent; }").split())
    # The page's own words say only "SCIE"; its first use spells them out.
    first = re.search(r"\bSCIE\b", text)
    assert text[first.start() - len("Social Care Institute for Excellence ("):first.end()] == \
        "Social Care Institute for Excellence (SCIE"
    link = article.locator("a.glossary-term", has_text="SCIE")
    assert link.count() == 1 and link.text_content() == "Social Care Institute for Excellence (SCIE)"
    page.goto(link.evaluate("a => a.href"))
    assert page.url.endswith("/glossary/#scie")
    assert page.locator("#scie").inner_text().startswith("SCIE (Social Care Institute for Excellence)")


def test_words_the_text_gives_are_not_doubled(open_page, server):
    text = " ".join(open_page(server.url(PAGE), viewport=WIDE).page.locator("article.md-content__inner")
                    .text_content().split())
    assert "family doctors (GPs)" in text and "New Economics Foundation (NEF)" in text
    assert "(general practitioners" not in text and "(New Economics Foundation (" not in text


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1280x720", "390x844"])
def test_axe_finds_nothing_with_a_toggletip_open(open_page, server, viewport):
    page, button = first_tip(open_page(server.url(PAGE), viewport=viewport))
    button.focus()
    page.keyboard.press("Enter")
    assert_open(button, True)
    problems = axe_violations(page, f"{PAGE} with a toggletip open at {viewport['width']}x{viewport['height']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_bubble_text_has_aa_contrast(open_page, server, scheme):
    """axe leaves text over other content (the bubble floats over the page) unjudged, so this measures it."""
    from macros.contrast import ratio

    page, button = first_tip(open_page(server.url(PAGE), viewport=WIDE, color_scheme=scheme))
    button.click()
    colours = bubble_of(button).evaluate(
        "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]")
    fg, bg = (tuple(int(n) for n in re.findall(r"\d+", c)[:3]) for c in colours)
    assert "rgba" not in colours[1] or colours[1].endswith(", 1)"), colours  # an opaque background
    assert ratio(fg, bg) >= 4.5, (scheme, colours)


_ABBR_WITH_TITLE = re.compile(r"<abbr\b[^>]*\btitle=", re.IGNORECASE)
_TIP = re.compile(r'<a class="glossary-tip" href="([^"]*)" data-definition="([^"]*)">')


def test_no_page_keeps_a_definition_only_a_mouse_can_reach(site_dir, html_pages):
    """Every built page: no <abbr title>; every later use (a toggletip once enhanced) links to its entry."""
    hover_only, broken, tips = [], [], 0
    glossary = (site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    for rel in html_pages:
        html = (site_dir / rel).read_text(encoding="utf-8")
        hover_only += [f"{rel}: {len(_ABBR_WITH_TITLE.findall(html))} <abbr title>"] if _ABBR_WITH_TITLE.search(html) else []
        for href, definition in _TIP.findall(html):
            tips += 1
            anchor = href.rpartition("#")[2]
            if not definition or "/glossary/" not in f"/{href}" or f'id="{anchor}"' not in glossary:
                broken.append(f"{rel}: {href}")
    assert not hover_only, hover_only
    assert not broken, broken
    assert tips > 20  # the site's pages do have them
