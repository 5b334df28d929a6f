// "Cite this" copy buttons, reference previews on in-text citations, and the one floating bubble that those
// previews and the glossary's toggletips (glossary/toggletips.js) share.
// Progressive enhancement: each citation is already in the page (in its "Reuse this page" area, written after
// the build by macros/postbuild/reuse.py: the page's, and each item's inside a <details>), and each in-text
// citation carries its full reference in data-reference, written at build time so previews work
// offline and from file://. Plain JavaScript: a tooltip library would be larger than this file.
(() => {
  "use strict";

  var make = explainer.make;

  var copy = window.coproductionCopy;  // copy.js

  function enhance(entry) {
    if (entry.dataset.ready) return;
    entry.dataset.ready = "1";
    var link = entry.querySelector(".cite-url");
    var text = entry.querySelector(".cite-text");
    // The item's absolute address, made here because the site may be served from any host or path.
    var url = new URL(link.getAttribute("href"), location.href);
    url.search = "";
    link.href = link.textContent = url.href;
    entry.querySelector(".cite-accessed").textContent = explainer.day().text;
    var button = make("button", "md-button cite-copy", null, "Copy citation");
    button.type = "button";
    var status = make("span", "cite-status");
    status.setAttribute("role", "status");
    var row = make("p", "cite-actions");
    row.append(button, status);
    text.after(row);
    button.addEventListener("click", () => {
      status.textContent = "";
      copy(text.textContent.replace(/\s+/g, " ").trim()).then(() => {
        status.textContent = "Citation copied";
      }, () => {
        status.textContent = "Could not copy. Select the citation above and copy it yourself.";
      });
    });
  }

  // --- one bubble at a time ------------------------------------------------------------------------------
  // explainer.tip.show(trigger, bubble, pinned, fill, empty) opens `bubble` beside `trigger` (fill() writes it,
  // empty() undoes that when it closes), closing any other. It is fixed to the window, below the trigger (above
  // it when there is no room), so no scrolling box clips it. WCAG 1.4.13: it stays while the pointer is over
  // the trigger or the bubble, with a short delay to cross the gap between them (hoverable), or for good once
  // pinned (pressed open), until Escape, a click elsewhere or focus moving on closes it (dismissible, persistent).
  var CLOSE_DELAY = 300;  // ms after the pointer leaves
  var GAP = 6;  // px between the trigger and its bubble, and kept clear of the window's edges
  var open = null;  // {trigger, bubble, pinned, empty}
  var closeTimer = 0;

  function inside(node) {
    return !!(open && node && (open.trigger.contains(node) || open.bubble.contains(node)));
  }

  function place() {
    if (!open) return;
    var rect = open.trigger.getBoundingClientRect();
    var bubble = open.bubble;
    var left = Math.max(GAP, Math.min(rect.left, document.documentElement.clientWidth - bubble.offsetWidth - GAP));
    var top = rect.bottom + GAP;
    if (top + bubble.offsetHeight > window.innerHeight && rect.top - bubble.offsetHeight - GAP > 0) {
      top = rect.top - bubble.offsetHeight - GAP;
    }
    bubble.style.left = left + "px";
    bubble.style.top = top + "px";
  }

  function closeTip(returnFocus) {
    clearTimeout(closeTimer);
    if (!open) return;
    var was = open;
    open = null;
    was.empty();
    if (returnFocus) was.trigger.focus();
  }

  function showTip(trigger, bubble, pinned, fill, empty) {
    clearTimeout(closeTimer);
    if (open && open.trigger === trigger) { open.pinned = open.pinned || pinned; return; }
    closeTip(false);
    fill();
    open = { trigger: trigger, bubble: bubble, pinned: pinned, empty: empty };
    place();
  }

  explainer.tip = { show: showTip, close: closeTip,
    pinned: (trigger) => !!open && open.trigger === trigger && open.pinned };

  // --- reference previews ----------------------------------------------------------------------------------
  var preview;  // one for the page, describing whichever citation is hovered or focused

  function showPreview(link) {
    if (!preview || !document.body.contains(preview)) {
      preview = make("div", "cite-preview");
      preview.id = "cite-preview";
      preview.setAttribute("role", "tooltip");
      preview.hidden = true;
      preview.style.position = "fixed";  // placed against the window, as explainer.tip places every bubble
      document.body.appendChild(preview);
    }
    var box = preview;
    showTip(link, box, false, () => {
      box.textContent = "";
      box.append(make("strong", "", null, "Full reference: "), link.dataset.reference);
      box.hidden = false;
      link.setAttribute("aria-describedby", box.id);
    }, () => {
      box.hidden = true;
      link.removeAttribute("aria-describedby");
    });
  }

  function citation(target) {
    return target.closest ? target.closest("a.cite[data-reference]") : null;
  }

  // The document's listeners, once: they serve every page material's instant navigation swaps in.
  function listen() {
    document.addEventListener("pointerover", (e) => {
      var link = e.pointerType === "mouse" && citation(e.target);
      if (inside(e.target)) clearTimeout(closeTimer);
      else if (link) showPreview(link);
    });
    document.addEventListener("pointerout", (e) => {
      if (open && !open.pinned && inside(e.target) && !inside(e.relatedTarget)) {
        closeTimer = setTimeout(() => { closeTip(false); }, CLOSE_DELAY);
      }
    });
    document.addEventListener("focusin", (e) => {
      var link = citation(e.target);
      if (link) showPreview(link);
      else if (!inside(e.target)) closeTip(false);
    });
    // A click on the bubble itself (to select its text) keeps it.
    document.addEventListener("click", (e) => { if (!inside(e.target)) closeTip(false); });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !open) return;
      closeTip(document.activeElement === open.trigger);
      e.stopPropagation();  // only the bubble closes, not what it sits in
    }, true);
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    window.addEventListener("hashchange", reveal);
  }

  // A link to an item's citation ("Cite this", or an old address) opens its fold. Browsers that reveal a
  // target inside a closed <details> already do; this is for those that do not, and for material's
  // instant navigation, which scrolls to the target itself.
  function reveal() {
    var id = location.hash.slice(1);
    var target = id && document.getElementById(decodeURIComponent(id));
    var fold = target && target.closest("details.cite-entry");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }

  var listening = false;

  explainer.register("citations", () => {
    document.querySelectorAll(".cite-entry").forEach(enhance);
    if (!listening) listen();
    listening = true;
    reveal();
  });
})();
