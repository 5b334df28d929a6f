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
    try { init(document); } catch (error) { console.error("explainer: " + name, error); }
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

  // An element, with a class, a parent and its text, each optional: the one helper every component's script uses.
  function make(tag, cls, parent, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }

  // A day as the site prints it ("22 November 2026", as macros/site.py long_date) and as ISO text ("2026-11-22"),
  // in local time; today without an argument. Written out by hand because the first toLocaleDateString call
  // loads the browser's locale data: about 40 ms of a phone's start-up. Every page loads this file, so it is
  // kept short: the ISO day is the local time's, shifted to UTC so toISOString gives it.
  var MONTHS = "January February March April May June July August September October November December".split(" ");
  function day(d) {
    d = d || new Date();
    return { iso: new Date(d - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10),
      text: d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() };
  }

  window.explainer = { register: register, make: make, day: day };
})();
