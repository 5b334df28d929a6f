"""In forced colours (Windows high contrast) the icons material draws with mask-image stay visible.

Forced colours paint a box's background with the page's background colour; an icon that is a coloured
box cut out by a mask then vanishes. docs/assets/css/controls.css gives them the text colour instead.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE_390

pytestmark = pytest.mark.browser

# Each icon's colour against the colour of the page behind it.
ICON_COLOURS = """(selector) => [...document.querySelectorAll(selector)].slice(0, 3).map(el => ({
  icon: getComputedStyle(el, '::after').backgroundColor,
  page: getComputedStyle(document.body).backgroundColor,
  desc: el.outerHTML.slice(0, 80)}))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_drawer_arrows_show_in_forced_colours(browser, server, scheme):
    context = browser.new_context(viewport=PHONE_390, forced_colors="active", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url("typologies/compare/index.html"))
        page.click("[data-explainer-toggle=drawer]")
        icons = page.evaluate(ICON_COLOURS, ".md-nav--primary .md-nav__icon")
        assert icons, "no navigation arrows found"
        vanished = [i for i in icons if i["icon"] == i["page"] or i["icon"] in ("rgba(0, 0, 0, 0)", "transparent")]
        assert not vanished, f"arrows drawn in the page's own background colour: {vanished}"
    finally:
        context.close()
