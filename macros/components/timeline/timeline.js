/* Timeline explorer: a time axis, filters (kept in the URL), expandable events and deep links, added on top
   of the complete grouped list that the build writes. Without this script readers get that list in full.

   Hand-written rather than a library: TimelineJS and vis-timeline are 100+ KB, build their own markup from
   JSON (so search, print and no-JS readers lose the content) and load from CDNs. This needs a few KB.

   Scale: Chromium spends roughly 0.2 ms per event it hides or shows, so with thousands of events a filter
   change shows the first PAGE matches (and a "show more" button), and the axis draws one mark per event
   only up to MARKS events, and a per-year histogram above that. */
(function () {
  "use strict";
  // How many events a page of matches shows, how many marks the axis draws one by one, and the axis's
  // sizes: set from the explorer form's data- attributes (timeline/render.py types them once).
  var PAGE, MARKS, LANE, MARK, MAX_LANES;
  var FILTERS = ["theme", "person", "era"];
  var explorers = [];

  function make(tag, cls, parent, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
  }

  function out(el, hide) { if (el) el.classList.toggle("tl-out", hide); }

  function setup(form) {
    if (form.dataset.ready) return;
    var d = form.dataset;
    PAGE = +d.page; MARKS = +d.marks; LANE = +d.lane; MARK = +d.mark; MAX_LANES = +d.maxLanes;
    var x = { form: form, eras: [], events: [], byId: {}, expanded: 0, limit: PAGE };
    // The eras are the siblings after the form (Markdown heading + div.era), up to any next explorer.
    for (var el = form.nextElementSibling; el && !el.hasAttribute("data-timeline-explorer"); el = el.nextElementSibling) {
      if (!el.classList.contains("era")) continue;
      var heading = el.previousElementSibling;
      var toc = document.querySelector('.md-nav--secondary a[href="#era-' + el.dataset.era + '"]');
      var era = { el: el, id: el.dataset.era, start: +el.dataset.eraStart, end: +el.dataset.eraEnd,
        title: el.dataset.eraTitle, heading: heading && /^H\d$/.test(heading.tagName) ? heading : null,
        toc: toc && toc.parentElement };
      x.eras.push(era);
      x.last = el;
      el.querySelectorAll("li.timeline-event").forEach(function (li) { x.events.push(event(x, li)); });
    }
    if (!x.events.length) return;
    form.dataset.ready = "1";
    x.byDate = x.events.slice().sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    x.selects = {};
    FILTERS.forEach(function (name) { x.selects[name] = form.elements[name]; });
    x.count = form.querySelector(".timeline-count");
    x.expandButton = form.querySelector("[data-action=expand]");
    x.more = make("button", "md-button timeline-more");
    x.more.type = "button";
    x.last.after(x.more);
    x.more.addEventListener("click", function () {
      var next = x.matched[x.limit];
      x.limit += PAGE;
      apply(x, false);
      if (next) next.button.focus();
    });
    // With scripting on, timeline.css already shows the form (and reserves the axis's height) from the
    // first paint; unhiding it here is for browsers without the `scripting` media feature.
    form.hidden = false;
    buildAxis(x);
    form.addEventListener("change", function () { x.limit = PAGE; apply(x, true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("[data-action=clear]").addEventListener("click", function () { clear(x); apply(x, true); });
    x.expandButton.addEventListener("click", function () {
      var open = x.expanded < x.events.length;
      x.events.forEach(function (ev) { toggle(x, ev, open); });
    });
    readUrl(x);
    apply(x, false);
    explorers.push(x);
  }

  function event(x, li) {
    var title = li.querySelector(".event-title");
    var body = li.querySelector(".event-body");
    var ev = { li: li, id: li.dataset.event, start: +li.dataset.start, end: +li.dataset.end,
      exact: li.dataset.exact === "true", era: li.dataset.era, title: title, body: body,
      themes: " " + li.dataset.themes + " ", people: " " + li.dataset.people + " ", open: true, shown: true };
    // The title becomes the disclosure button (as in the WAI-ARIA accordion pattern).
    var button = ev.button = make("button", "event-toggle");
    button.type = "button";
    button.setAttribute("aria-controls", body.id);
    while (title.firstChild) button.appendChild(title.firstChild);
    title.appendChild(button);
    title.classList.add("has-toggle");
    button.addEventListener("click", function () { toggle(x, ev, !ev.open); });
    // Find in page still reaches a collapsed event, and opens it.
    body.addEventListener("beforematch", function () { toggle(x, ev, true); });
    ev.label = title.textContent.replace(/\s+/g, " ").trim();
    x.expanded++;
    toggle(x, ev, false);
    x.byId[ev.id] = ev;
    return ev;
  }

  function toggle(x, ev, open) {
    if (ev.open === open) return;
    ev.open = open;
    x.expanded += open ? 1 : -1;
    ev.button.setAttribute("aria-expanded", String(open));
    if (open) ev.body.removeAttribute("hidden");
    else ev.body.setAttribute("hidden", "until-found");
    if (x.expandButton) x.expandButton.textContent = x.expanded < x.events.length ? "Expand all events" : "Collapse all events";
  }

  function buildAxis(x) {
    var axis = x.form.querySelector("[data-axis]");
    var y0 = x.y0 = Math.floor(x.byDate[0].start / 10) * 10;
    var y1 = x.y1 = Math.ceil((Math.max.apply(null, x.events.map(function (ev) { return ev.end; })) + 1) / 10) * 10;
    var pct = x.pct = function (year) { return ((year - y0) / (y1 - y0)) * 100; };
    var place = function (el, from, to) { el.style.left = pct(from) + "%"; el.style.width = pct(to) - pct(from) + "%"; };
    axis.textContent = "";
    var plot = x.plot = make("div", "tl-plot", axis);
    x.eras.forEach(function (era, i) {
      var from = Math.max(era.start, y0), to = Math.min(era.end + 1, y1);
      if (to <= from) return;
      var band = make("div", "tl-era tl-era-" + (i % 2), plot);
      band.setAttribute("aria-hidden", "true");
      place(band, from, to);
      make("span", "", band, era.title);
    });
    var ticks = make("div", "tl-ticks", plot);
    ticks.setAttribute("aria-hidden", "true");
    for (var year = y0; year <= y1; year += 10) make("span", "tl-tick", ticks, String(year)).style.left = pct(year) + "%";
    var list = x.marks = make("ol", "tl-marks", plot);
    list.setAttribute("aria-label", "Events by date");
    x.bars = make("div", "tl-bars", plot);
    x.bars.setAttribute("aria-hidden", "true");
    x.barFor = [];
    for (year = y0; year < y1; year++) place(x.barFor[year - y0] = make("span", "", x.bars), year, year + 1);
    // Outside the sideways scroll. The build writes it, so that its line is there from the first paint.
    x.readout = x.form.querySelector(".tl-readout");
    if (!x.readout) axis.after(x.readout = make("p", "tl-readout"));
    list.addEventListener("keydown", function (e) { rove(x, e); });
    list.addEventListener("click", function (e) {
      var a = e.target.closest("a");
      if (a && a.hash === location.hash) { e.preventDefault(); reveal(a.hash.slice(1)); }
    });
    var show = function (e) {
      var a = (e.type === "pointerover" || e.type === "focusin") && e.target.closest("a.tl-mark");
      x.readout.textContent = a ? a.dataset.label : x.legend;
    };
    ["pointerover", "focusin", "pointerleave", "focusout"].forEach(function (type) { list.addEventListener(type, show); });
  }

  function mark(ev) {
    if (ev.item) return ev.item;
    ev.item = make("li");
    var a = ev.mark = make("a", "tl-mark " + (ev.exact ? "tl-point" : "tl-span"), ev.item);
    a.href = "#" + ev.id;
    a.tabIndex = -1;
    a.dataset.label = ev.label;
    make("span", "visually-hidden", a, ev.label + (ev.exact ? "" : " (approximate date)"));
    return ev.item;
  }

  // One Tab stop for the whole axis (roving tabindex); arrow keys, Home and End move along it.
  function rove(x, e) {
    var all = x.drawn, at = all.indexOf(x.rover), to = at;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") to = Math.min(at + 1, all.length - 1);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") to = Math.max(at - 1, 0);
    else if (e.key === "Home") to = 0;
    else if (e.key === "End") to = all.length - 1;
    else return;
    e.preventDefault();
    setRover(x, all[to]);
    x.rover.mark.focus();
  }

  function setRover(x, ev) {
    if (x.rover && x.rover.mark) x.rover.mark.tabIndex = -1;
    x.rover = ev;
    if (ev) ev.mark.tabIndex = 0;
  }

  function matches(ev, f) {
    return (!f.theme || ev.themes.indexOf(" " + f.theme + " ") >= 0)
      && (!f.person || ev.people.indexOf(" " + f.person + " ") >= 0)
      && (!f.era || ev.era === f.era);
  }

  function filters(x) {
    var f = {};
    FILTERS.forEach(function (name) { f[name] = x.selects[name].value; });
    return f;
  }

  function clear(x) {
    FILTERS.forEach(function (name) { x.selects[name].value = ""; });
    x.limit = PAGE;
  }

  function apply(x, writeUrl) {
    var f = filters(x), matched = x.matched = [], shownIn = {};
    x.events.forEach(function (ev) {
      // Only events whose state changes are touched: each costs the browser style and layout work.
      var show = matches(ev, f) && matched.push(ev) <= x.limit;
      if (ev.shown !== show) { ev.shown = show; out(ev.li, !show); }
      if (show) shownIn[ev.era] = true;
    });
    x.eras.forEach(function (era) {
      var hide = !shownIn[era.id];
      out(era.el, hide);
      out(era.heading, hide);
      out(era.toc, hide);
    });
    var n = matched.length, rest = n - x.limit;
    x.count.textContent = n + " of " + x.events.length + " events" + (rest > 0 ? ", the first " + x.limit + " shown" : "");
    out(x.more, rest <= 0);
    x.more.textContent = "Show " + Math.min(rest, PAGE) + " more events (" + rest + " not shown yet)";
    drawAxis(x, n <= MARKS ? x.byDate.filter(function (ev) { return matches(ev, f); }) : null, f);
    // After the next paint: replaceState forces a synchronous layout while the page is still dirty.
    if (writeUrl) requestAnimationFrame(function () { setTimeout(function () { writeState(x, f); }); });
  }

  // Up to MARKS events: one mark each, in greedy lanes (the first lane where it does not overlap).
  // Above that: how many matching events fall in each year.
  function drawAxis(x, drawn, f) {
    x.drawn = drawn || [];
    out(x.bars, !!drawn);
    out(x.marks, !drawn);
    x.legend = drawn ? "Dots are exact dates; bars are approximate ones. Arrow keys move between events."
      : "Too many events to mark one by one: the bars show how many fall in each year. Filter to see each event.";
    x.readout.textContent = x.legend;
    if (!drawn) {
      var per = x.barFor.map(function () { return 0; }), top = 1;
      x.events.forEach(function (ev) {
        if (matches(ev, f)) top = Math.max(top, ++per[Math.floor((ev.start + ev.end) / 2) - x.y0]);
      });
      x.barFor.forEach(function (bar, i) { bar.style.height = (per[i] / top) * 100 + "%"; });
      x.marks.replaceChildren();
      setRover(x, null);
      return;
    }
    // Measured here, after the list has been cut to a page: measuring forces a layout of everything shown.
    x.width = x.width || x.plot.clientWidth;
    var scale = x.width / 100, lanes = [], min = MARK / scale;
    x.marks.replaceChildren.apply(x.marks, drawn.map(function (ev) {
      var item = mark(ev);
      var left = ev.exact ? x.pct(ev.start + 0.5) - min / 2 : x.pct(ev.start);
      var width = Math.max(ev.exact ? min : x.pct(ev.end + 1) - x.pct(ev.start), min);
      var lane = 0;
      while (lane < lanes.length && lanes[lane] > left) lane++;
      if (lane === MAX_LANES) lane = lanes.indexOf(Math.min.apply(null, lanes));
      lanes[lane] = left + width + 4 / scale;
      item.style.cssText = "left:" + left + "%;width:" + width + "%;top:" + lane * LANE + "px";
      return item;
    }));
    x.marks.style.height = Math.max(lanes.length, 1) * LANE + "px";
    // Where the axis scrolls sideways (phones), bring the first matching event into view.
    var first = drawn.length && parseFloat(drawn[0].item.style.left) * scale;
    requestAnimationFrame(function () { x.plot.parentNode.scrollLeft = first - 16; });
    if (drawn.indexOf(x.rover) < 0) setRover(x, drawn[0]);
  }

  function readUrl(x) {
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var select = x.selects[name], value = params.get(name);
      // Only a value the list offers; anything else in the URL is ignored.
      if (value && [].some.call(select.options, function (o) { return o.value === value; })) select.value = value;
    });
  }

  function writeState(x, f) {
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) { if (f[name]) params.set(name, f[name]); else params.delete(name); });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Open the event named in the URL fragment, showing it even if the filters or the page size had hidden it.
  function reveal(id) {
    for (var i = 0; i < explorers.length; i++) {
      var x = explorers[i], ev = x.byId[id];
      if (!ev || !document.contains(x.form)) continue;
      if (!ev.shown) {
        if (!matches(ev, filters(x))) clear(x);
        x.limit = Math.max(x.limit, x.events.filter(function (e) { return matches(e, filters(x)); }).indexOf(ev) + 1);
        apply(x, true);
      }
      toggle(x, ev, true);
      ev.button.focus({ preventScroll: true });
      ev.title.scrollIntoView({ block: "start" });
      return;
    }
  }

  function init() {
    explorers = explorers.filter(function (x) { return document.contains(x.form); });
    document.querySelectorAll("form[data-timeline-explorer]").forEach(setup);
    if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
  }

  if (!window.__timelineExplorer) {
    window.__timelineExplorer = true;
    window.addEventListener("hashchange", function () { reveal(decodeURIComponent(location.hash.slice(1))); });
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        explorers.forEach(function (x) {
          var width = x.plot.clientWidth;
          if (width && width !== x.width) { x.width = width; apply(x, false); }
        });
      });
    });
    explainer.register("timeline", init);
  }
})();
