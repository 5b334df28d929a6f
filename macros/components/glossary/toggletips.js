// Glossary toggletips. A later use of a glossary term is a link to its entry, with the definition in
// data-definition (macros/components/glossary/mentions.py); without this script the link is the way to the
// definition. This turns each into a button beside a live region, after the toggletip pattern of Inclusive
// Components (Heydon Pickering): pressing it (mouse, touch, Enter or Space) shows the definition, which
// screen readers announce. Hand-written because material's tooltips open on hover only and close when the
// pointer moves onto them. WCAG 1.4.13: hovering opens it too, and it stays open while the pointer is over
// the term or the bubble (hoverable); Escape, a click elsewhere or moving focus away closes it (dismissible);
// it stays until then (persistent).
explainer.register("glossary", function (root) {
  "use strict";
  var CLOSE_DELAY = 300;  // ms after the pointer leaves, so it can cross the gap onto the bubble
  var GAP = 6;  // px between the term and its bubble, and kept clear of the window's edges

  var open = null;  // {button, bubble, pinned}
  var closeTimer = 0;
  var made = 0;

  root.querySelectorAll("a.glossary-tip[data-definition]").forEach(enhance);
  if (window.__explainerToggletips) return;  // the document's listeners, once
  window.__explainerToggletips = true;

  function enhance(link) {
    var wrap = document.createElement("span");
    wrap.className = "toggletip";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toggletip__button";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.dataset.definition = link.dataset.definition;
    var bubble = document.createElement("span");
    bubble.className = "toggletip__bubble";
    bubble.setAttribute("role", "status");  // empty until opened: filling it is what gets announced
    wrap.append(button, bubble);
    link.replaceWith(wrap);
    name(button, bubble);
  }

  // A fresh id whenever needed: a script that copies part of the page (the compare view) copies ids too.
  function name(button, bubble) {
    if (!bubble.id || document.querySelectorAll("#" + bubble.id).length > 1) {
      do { bubble.id = "toggletip-" + (++made); } while (document.querySelectorAll("#" + bubble.id).length > 1);
    }
    button.setAttribute("aria-controls", bubble.id);
  }

  function show(button, pinned) {
    clearTimeout(closeTimer);
    if (open && open.button === button) { open.pinned = open.pinned || pinned; return; }
    close(false);
    var bubble = button.nextElementSibling;
    name(button, bubble);
    bubble.textContent = button.dataset.definition;
    button.setAttribute("aria-expanded", "true");
    open = {button: button, bubble: bubble, pinned: pinned};
    place();
  }

  function close(returnFocus) {
    clearTimeout(closeTimer);
    if (!open) return;
    var was = open;
    open = null;
    was.bubble.textContent = "";
    was.bubble.removeAttribute("style");
    was.button.setAttribute("aria-expanded", "false");
    if (returnFocus) was.button.focus();
  }

  // Fixed to the window, below the term (above it when there is no room), so no scrolling box clips it.
  function place() {
    if (!open) return;
    var rect = open.button.getBoundingClientRect();
    var bubble = open.bubble;
    var width = document.documentElement.clientWidth;
    var left = Math.max(GAP, Math.min(rect.left, width - bubble.offsetWidth - GAP));
    var top = rect.bottom + GAP;
    if (top + bubble.offsetHeight > window.innerHeight && rect.top - bubble.offsetHeight - GAP > 0) {
      top = rect.top - bubble.offsetHeight - GAP;
    }
    bubble.style.left = left + "px";
    bubble.style.top = top + "px";
  }

  function tipOf(target) {
    return target && target.closest ? target.closest(".toggletip") : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".toggletip__button");
    if (button) {
      // A press opens it and keeps it open; pressing an open one that was pressed open closes it.
      if (open && open.button === button && open.pinned) close(false);
      else show(button, true);
    } else if (open && !open.bubble.contains(event.target)) {
      close(false);
    }
  });
  document.addEventListener("pointerover", function (event) {
    var tip = tipOf(event.target);
    if (!tip || event.pointerType !== "mouse") return;
    if (open && tip.contains(open.button)) clearTimeout(closeTimer);
    else if (event.target.closest(".toggletip__button")) show(tip.firstElementChild, false);
  });
  document.addEventListener("pointerout", function (event) {
    var tip = tipOf(event.target);
    if (!tip || !open || open.pinned || !tip.contains(open.button) || tip.contains(event.relatedTarget)) return;
    closeTimer = setTimeout(function () { close(false); }, CLOSE_DELAY);
  });
  // Focus moving on to another control closes it; focus merely leaving (a click on the bubble's text, or
  // on the page) is the click handler's to judge.
  document.addEventListener("focusout", function (event) {
    if (open && tipOf(event.target) && event.relatedTarget && !tipOf(event.relatedTarget)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !open) return;
    close(document.activeElement === open.button);
    event.stopPropagation();  // only the toggletip closes, not what it sits in
  }, true);
  window.addEventListener("scroll", place, {passive: true});
  window.addEventListener("resize", place);
});
