/* The header's menu and search buttons (overrides/partials/header.html).
 *
 * material opens its drawer and search by hidden checkboxes (#__drawer, #__search) that its CSS and
 * script watch. The buttons toggle those checkboxes, as material's own labels do, so material keeps
 * working unchanged; this file adds what its labels lack:
 * - aria-expanded, kept in step with the checkbox however it changes (button, overlay, material's
 *   own script closing both on navigation, its "/" and Escape keys for search);
 * - the drawer: focus moves to its first link on opening; Escape closes it and returns focus to the
 *   button; it closes when focus leaves it. The drawer is not a modal dialog in material's layout
 *   (the header and its button sit outside it, behind the overlay), so rather than trap Tab inside
 *   it, leaving it closes it: focus is then never on something the drawer covers;
 * - search: material focuses its field on opening and closes it on Escape, leaving focus nowhere;
 *   here focus then returns to the search button, where the reader was.
 * It also publishes the header's height for controls.css (scroll-padding-top), and switches off
 * material's single-key shortcuts (at the end).
 */
explainer.register("menu", (root) => {
  "use strict";
  var drawer = root.getElementById("__drawer");
  var search = root.getElementById("__search");
  var header = root.querySelector(".md-header");
  if (!drawer || !header || header.hasAttribute("data-explainer-menu")) return;  // an embed, or started already
  header.setAttribute("data-explainer-menu", "");

  var menuButton = header.querySelector("[data-explainer-toggle=drawer]");
  var searchButton = header.querySelector("[data-explainer-toggle=search]");
  var panel = root.getElementById("__drawer_panel");

  function isShown(element) {
    return !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }

  // Clicking the checkbox (not setting .checked) fires the change event material listens for.
  function setOpen(toggle, open) {
    if (toggle.checked !== open) toggle.click();
  }

  function follow(toggle, button) {
    function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    toggle.addEventListener("change", sync);
    sync();
  }

  // On a section's page material opens the drawer at that section: its list slides over the main one,
  // which stays in the page underneath. Focus goes to the list the reader sees, the innermost open one.
  function shownList() {
    return Array.from(panel.querySelectorAll(".md-nav__toggle:checked ~ .md-nav")).reverse().find(isShown) || panel;
  }

  function firstLinkIn(container) {
    return Array.from(container.querySelectorAll("a[href], button, input, [tabindex]:not([tabindex='-1'])")).find(isShown);
  }

  if (menuButton && panel) {
    follow(drawer, menuButton);
    menuButton.addEventListener("click", () => {
      setOpen(drawer, !drawer.checked);
      if (!drawer.checked) return;
      var first = firstLinkIn(shownList()) || firstLinkIn(panel);
      // preventScroll: the drawer slides in over the page; scrolling the page to reach it would jump.
      if (first) first.focus({ preventScroll: true });
    });
    panel.addEventListener("focusout", (event) => {
      var next = event.relatedTarget;
      // No next element: the window lost focus, or a click landed on no control. Keep the drawer.
      if (drawer.checked && next && !panel.contains(next)) setOpen(drawer, false);
    });
  }

  if (searchButton && search) {
    follow(search, searchButton);
    searchButton.addEventListener("click", () => {
      // As material's own label does: open, then put focus in the field.
      setOpen(search, true);
      var field = root.querySelector("[data-md-component=search-query]");
      if (field) field.focus();
    });
  }

  // Capture phase on window: runs before material's own keydown handler, which closes search on
  // Escape, so the state before that is still known here.
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (search && search.checked && isShown(searchButton)) {
      setTimeout(() => {
        if (!search.checked) searchButton.focus();
      });
    } else if (drawer.checked) {
      setOpen(drawer, false);
      if (isShown(menuButton)) menuButton.focus();
    }
  }, true);

  // A section of the drawer (a nested list) opening or closing: focus follows, to its first link or back
  // to the section's own entry in the list above, as the part of the drawer with focus slides away.
  if (panel) panel.addEventListener("change", (event) => {
    var toggle = event.target;
    if (!toggle.matches(".md-nav__toggle") || !drawer.checked) return;
    var item = toggle.parentElement;
    setTimeout(() => {
      // Opening: its first link. Closing: the section's own link (a section with a page of its own) or title.
      var target = item.querySelector(toggle.checked
        ? ":scope > nav .md-nav__list a[href], :scope > nav .md-nav__list [tabindex='0']"
        : ":scope > .md-nav__container > a[href], :scope > label.md-nav__link");
      if (!target) return;
      // A section's own entry is a label that takes no Tab stop on wide screens; it can still take focus here.
      if (!target.matches("a[href], [tabindex]")) target.setAttribute("tabindex", "-1");
      target.focus();
    });
  });

  // The header's height, for scroll-padding-top; it changes with the text size and a wrapping title.
  function publishHeight() {
    document.documentElement.style.setProperty("--explainer-header-height", header.offsetHeight + "px");
  }
  publishHeight();
  if (window.ResizeObserver) new ResizeObserver(publishHeight).observe(header);
});

/* material's single-key shortcuts (f, s and / open search; n, p, "," and "." change page) cannot be turned
 * off or remapped, which fails WCAG 2.1.4 (Character Key Shortcuts): a speech-input user saying a word can
 * jump pages. material listens for them on window, so stopping a single character at document switches
 * them off. Typing in a field, keys with Ctrl, Alt or Cmd, and named keys (Escape, arrows, Enter) pass, so
 * every control's own keys still work. Registered once, outside explainer.register, as it is page-wide. */
document.addEventListener("keydown", (event) => {
  "use strict";
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
  var target = event.target;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  event.stopPropagation();
});
