// "Cite this" copy buttons and reference previews on in-text citations.
// Progressive enhancement: each citation is already in the page (in its "Reuse this page" area, written after
// the build by macros/postbuild/reuse.py: the page's, and each item's inside a <details>), and each in-text
// citation carries its full reference in data-reference, written at build time so previews work
// offline and from file://. Plain JavaScript: a tooltip library would be larger than this file.
(function () {
  "use strict";

  // "22 November 2026", as the site prints dates (macros/site.py long_date). Written out by hand because the
  // first toLocaleDateString call loads the browser's locale data: about 40 ms of a phone's start-up, on every page.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  function today() {
    var d = new Date();
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  // The item's absolute address, computed here because the site may be served from any host or path.
  function absolute(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    url.search = "";
    return url.href;
  }

  var copy = window.coproductionCopy;  // copy.js

  function enhance(entry) {
    if (entry.dataset.ready) return;
    entry.dataset.ready = "1";
    var link = entry.querySelector(".cite-url");
    var text = entry.querySelector(".cite-text");
    link.href = link.textContent = absolute(link);
    entry.querySelector(".cite-accessed").textContent = today();
    var row = document.createElement("p");
    row.className = "cite-actions";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button cite-copy";
    button.textContent = "Copy citation";
    var status = document.createElement("span");
    status.className = "cite-status";
    status.setAttribute("role", "status");
    row.appendChild(button);
    row.appendChild(status);
    text.parentNode.insertBefore(row, text.nextSibling);
    button.addEventListener("click", function () {
      var citation = text.textContent.replace(/\s+/g, " ").trim();
      status.textContent = "";
      copy(citation).then(function () {
        status.textContent = "Citation copied";
      }, function () {
        status.textContent = "Could not copy. Select the citation above and copy it yourself.";
      });
    });
  }

  // One preview element for the page, described by whichever citation is hovered or focused.
  var tip, current, hideTimer;

  function preview() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.id = "cite-preview";
    tip.className = "cite-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { hideSoon(); });
    return tip;
  }

  function show(link) {
    clearTimeout(hideTimer);
    var box = preview();
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    box.textContent = "";
    var label = document.createElement("strong");
    label.textContent = "Full reference: ";
    box.appendChild(label);
    box.appendChild(document.createTextNode(link.dataset.reference));
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    // Below the link, so it never covers the focused citation; above it if there is no room below.
    var rect = link.getBoundingClientRect();
    var width = Math.min(box.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + 6;
    if (top + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 6 > 0) {
      top = rect.top - box.offsetHeight - 6;
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  // A short delay lets the pointer move onto the preview to read it (WCAG 1.4.13: hoverable).
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function citation(target) {
    return target && target.closest ? target.closest("a.cite[data-reference]") : null;
  }

  function listen() {
    if (window.__citePreviewListening) return;
    window.__citePreviewListening = true;
    document.addEventListener("mouseover", function (e) {
      var link = citation(e.target);
      if (link) show(link);
    });
    document.addEventListener("mouseout", function (e) {
      if (citation(e.target) && !(tip && tip.contains(e.relatedTarget))) hideSoon();
    });
    document.addEventListener("focusin", function (e) {
      var link = citation(e.target);
      link ? show(link) : hide();
    });
    document.addEventListener("focusout", function (e) { if (citation(e.target)) hide(); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && tip && !tip.hidden) hide();
    });
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

  function init() {
    [].forEach.call(document.querySelectorAll(".cite-entry"), enhance);
    listen();
    reveal();
    if (!window.__citeRevealListening) {
      window.__citeRevealListening = true;
      window.addEventListener("hashchange", reveal);
    }
  }

  explainer.register("citations", init);
})();
