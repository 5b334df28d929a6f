// One copy-to-clipboard helper for cite.js and embed-this.js: the Clipboard API where the page is a
// secure context, otherwise a hidden textarea and execCommand (older intranet browsers, plain http).
window.coproductionCopy = (text) => {
  "use strict";
  // In a frame on another site the Clipboard API is refused unless the frame is allowed it (allow="clipboard-write"),
  // with a console error: ask the permissions policy first, and use the fallback where it says no.
  var policy = document.permissionsPolicy || document.featurePolicy;
  var allowed = !policy || policy.allowsFeature("clipboard-write");
  if (navigator.clipboard && window.isSecureContext && allowed) return navigator.clipboard.writeText(text);
  return new Promise((resolve, reject) => {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    ok ? resolve() : reject(new Error("copy failed"));
  });
};
