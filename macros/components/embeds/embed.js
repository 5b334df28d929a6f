// Loaded only by the embeddable views (overrides/embed.html). Tells the parent page how tall the content
// is, whenever that changes, so a host page running embed-host.js can fit the frame to it; answers a
// host that asks again; and follows the reader's light or dark setting. Stores nothing, sends nothing else.
// Message: {type: "coproduction-explainer:resize", version: 1, height: <whole CSS pixels>}.
(function () {
  "use strict";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
  function scheme() {
    document.body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
  }
  scheme();
  if (dark && dark.addEventListener) dark.addEventListener("change", scheme);

  var box = document.querySelector("[data-embed]");
  if (!box || window.parent === window) return;
  var last = -1;
  function send(again) {
    // The wrapper, not the document: the document is at least as tall as the frame, so could never shrink.
    var height = Math.ceil(box.getBoundingClientRect().height);
    if (height === last && !again) return;
    last = height;
    window.parent.postMessage({ type: "coproduction-explainer:resize", version: 1, height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(function () { send(); }).observe(box);
  window.addEventListener("load", function () { send(); });
  window.addEventListener("resize", function () { send(); });
  // A host script that started after this frame had loaded asks once: {type: "...:measure", version: 1}.
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source === window.parent && d && d.type === "coproduction-explainer:measure" && d.version === 1) send(true);
  });
  send();
})();
