"""Keyboard use: the skip link comes first and works, and Tab reaches every control and then leaves the page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, is_embed

pytestmark = pytest.mark.browser

# Marks every element a keyboard user should be able to reach, and returns them.
MARK_TABBABLE = """() => {
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  return [...document.querySelectorAll(selector)].flatMap((el, i) => {
    if (el.tabIndex < 0 || el.disabled || el.type === 'hidden' || el.closest('[inert]')) return [];
    if (!el.checkVisibility({visibilityProperty: true, checkVisibilityCSS: true, opacityProperty: true})) return [];
    el.dataset.kbId = String(i);
    return [{id: String(i), group: el.type === 'radio' ? 'radio:' + el.name : 'el:' + i, desc: describe(el)}];
  });
  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${el.getAttribute('href') ? ' href=' + el.getAttribute('href') : ''}> ${text}`;
  }
}"""

# What has focus, whether it is in the main content, and whether a sighted user can see where focus is:
# the element (or, for material's visually hidden inputs, its label) must be on screen.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {id: null, inContent: false, onScreen: true, desc: 'body'};
  const onScreen = (node) => {
    const r = node.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight && node.checkVisibility({visibilityProperty: true});
  };
  // Material's palette switch is a hidden radio whose focus ring is drawn on the label after it.
  const next = el.nextElementSibling;
  const shown = onScreen(el) || [...(el.labels || [])].some(onScreen)
    || (el.matches('input') && next && next.matches('label') && onScreen(next));
  return {id: el.dataset.kbId || null, inContent: !!el.closest('.md-content'), onScreen: shown,
          desc: el.outerHTML.slice(0, 120)};
}"""


def content_pages(html_pages):
    # Material renders its skip link only on pages with headings; its 404 page has none. The embeddable
    # views have no header or navigation to skip (tests/browser/test_embeds.py checks them).
    return [rel for rel in html_pages if rel != "404.html" and not is_embed(rel)]


def test_skip_link_comes_first_and_moves_focus_to_the_content(html_pages, server, open_page):
    failures = []
    for rel in content_pages(html_pages):
        probe = open_page(server.url(rel))
        page = probe.page
        page.keyboard.press("Tab")
        first = page.evaluate("() => ({text: document.activeElement.textContent.trim(), "
                              "href: document.activeElement.getAttribute('href'), visible: "
                              "document.activeElement.getBoundingClientRect().height > 0})")
        if first["text"] != "Skip to content":
            failures.append(f"{rel}: the first Tab stop is {first!r}, not the skip link")
            continue
        if not first["visible"]:
            failures.append(f"{rel}: the skip link does not appear when focused")
        page.keyboard.press("Enter")
        if page.evaluate("location.hash") != first["href"]:
            failures.append(f"{rel}: the skip link did not go to {first['href']}")
        page.keyboard.press("Tab")
        after = page.evaluate(FOCUSED)
        if not after["inContent"]:
            failures.append(f"{rel}: after the skip link, Tab went to {after['desc']} instead of the main content")
        probe.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "rel, viewport",
    [
        ("index.html", DESKTOP),
        ("definitions/index.html", DESKTOP),
        ("typologies/compare/index.html", DESKTOP),
        ("typologies/compare/index.html", PHONE),
    ],
    ids=["home", "definitions", "compare", "compare-phone"],
)
def test_tab_reaches_every_control_and_leaves_the_page(server, open_page, rel, viewport):
    page = open_page(server.url(rel), viewport=viewport).page
    expected = page.evaluate(MARK_TABBABLE)
    assert expected, "no focusable elements found"
    groups = {}
    for item in expected:
        groups.setdefault(item["group"], []).append(item)

    # Tab until focus comes back to the first stop: the whole cycle, or proof of a trap.
    visited, order, first_id, wrapped, unseen = set(), [], None, False, []
    for _ in range(len(expected) * 2 + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        order.append(focused["desc"])
        if not focused["onScreen"]:
            unseen.append(focused["desc"])
        if focused["id"] is None:
            continue
        if first_id is None:
            first_id = focused["id"]
        elif focused["id"] == first_id:
            wrapped = True
            break
        visited.add(focused["id"])

    unreached = [items[0]["desc"] for items in groups.values() if not any(i["id"] in visited for i in items)]
    assert wrapped, "focus never came back round to the start: a keyboard trap?\nlast stops:\n" + "\n".join(order[-15:])
    assert not unreached, f"{len(unreached)} control(s) Tab never reached:\n" + "\n".join(unreached)
    assert not unseen, f"{len(unseen)} Tab stop(s) off screen or hidden:\n" + "\n".join(unseen)


def test_phone_menu_opens_from_the_keyboard(server, open_page):
    """On a narrow screen the navigation is a drawer: the menu button takes focus and Enter opens it."""
    page = open_page(server.url("history/index.html"), viewport=PHONE).page
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-explainer-toggle=drawer]')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if "md-nav__link" in focused["desc"]:
            assert focused["onScreen"], f"focus went to a navigation link that is not visible: {focused['desc']}"
            break
    else:
        pytest.fail("Tab did not reach the navigation links in the open drawer")
