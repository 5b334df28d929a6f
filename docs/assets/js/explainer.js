/* One start-up protocol for every component's script: explainer.register(name, init).
 *
 * `init(document)` runs once the page is parsed, and again on each page material's instant navigation
 * swaps in (its document$ observable), in embeds and plain pages alike. This file loads first (mkdocs.yml
 * extra_javascript; overrides/embed.html), and every script is deferred, so the page is parsed by then.
 * A component that fails to start is reported in the console and does not stop the others.
 */
(() => {
  "use strict";
  var started = {};

  function run(name, init) {
    try { init(document); } catch (error) { if (window.console) console.error("explainer: " + name, error); }
  }

  function register(name, init) {
    if (started[name]) return;  // a script included twice starts once
    started[name] = true;
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(() => { run(name, init); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => { run(name, init); });
    } else {
      run(name, init);
    }
  }

  // A day as the site prints it ("22 November 2026", as macros/site.py long_date) and as ISO text ("2026-11-22"),
  // in local time; today without an argument. Written out by hand because the first toLocaleDateString call
  // loads the browser's locale data: about 40 ms of a phone's start-up.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  function day(date) {
    var d = date || new Date();
    var pad = (n) => String(n).padStart(2, "0");
    return { iso: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()),
      text: d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() };
  }

  window.explainer = { register: register, day: day };
})();
