// Loaded only by the embeddable views (overrides/embed.html). Tells the parent page how tall the content
// is, whenever that changes, so a host page running embed-host.js can fit the frame to it; answers a
// host that asks again; and follows the reader's light or dark setting. Stores nothing, sends nothing else.
// Message: {type: <data-embed-resize>, version: <data-embed-version>, height: <whole CSS pixels>}; the names
// are typed once, in embeds/render.py, and written on the wrapper.
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
  var RESIZE = box.dataset.embedResize, MEASURE = box.dataset.embedMeasure, VERSION = +box.dataset.embedVersion;
  var last = -1;
  function send(again) {
    // The wrapper, not the document: the document is at least as tall as the frame, so could never shrink.
    var height = Math.ceil(box.getBoundingClientRect().height);
    if (height === last && !again) return;
    last = height;
    window.parent.postMessage({ type: RESIZE, version: VERSION, height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(function () { send(); }).observe(box);
  window.addEventListener("load", function () { send(); });
  window.addEventListener("resize", function () { send(); });
  // A host script that started after this frame had loaded asks once: {type: "...:measure", version: 1}.
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source === window.parent && d && d.type === MEASURE && d.version === VERSION) send(true);
  });
  send();
})();
