// Glossary toggletips. A later use of a glossary term is a link to its entry, with the definition in
// data-definition (macros/components/glossary/mentions.py); without this script the link is the way to the
// definition. This turns each into a button beside a live region, after the toggletip pattern of Inclusive
// Components (Heydon Pickering): pressing it (mouse, touch, Enter or Space) shows the definition, which
// screen readers announce. Hand-written because material's tooltips open on hover only and close when the
// pointer moves onto them. Hovering opens it too. The bubble is the one the reference previews use
// (explainer.tip, in citations/cite.js, which every page loads): it places it, keeps it open while the pointer
// is over the term or the bubble, and closes it on Escape, a click elsewhere or focus moving on (WCAG 1.4.13).
explainer.register("glossary", (root) => {
  "use strict";
  var made = 0;

  root.querySelectorAll("a.glossary-tip[data-definition]").forEach(enhance);
  if (window.__explainerToggletips) return;  // the document's listeners, once
  window.__explainerToggletips = true;

  function enhance(link) {
    var wrap = explainer.make("span", "toggletip");
    var button = explainer.make("button", "toggletip__button", wrap, link.textContent);
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.dataset.definition = link.dataset.definition;
    var bubble = explainer.make("span", "toggletip__bubble", wrap);
    bubble.setAttribute("role", "status");  // empty until opened: filling it is what gets announced
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
    var bubble = button.nextElementSibling;
    explainer.tip.show(button, bubble, pinned, () => {
      name(button, bubble);
      bubble.textContent = button.dataset.definition;
      button.setAttribute("aria-expanded", "true");
    }, () => {
      bubble.textContent = "";
      bubble.removeAttribute("style");
      button.setAttribute("aria-expanded", "false");
    });
  }

  function buttonOf(target) {
    return target.closest ? target.closest(".toggletip__button") : null;
  }

  // A press opens it and keeps it open; pressing an open one that was pressed open closes it.
  document.addEventListener("click", (event) => {
    var button = buttonOf(event.target);
    if (button && explainer.tip.pinned(button)) explainer.tip.close(false);
    else if (button) show(button, true);
  });
  document.addEventListener("pointerover", (event) => {
    var button = event.pointerType === "mouse" && buttonOf(event.target);
    if (button) show(button, false);
  });
});
