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

  var make = explainer.make;

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
    // The marks need the axis's width, and reading it now would force the browser to style and lay out the
    // whole page at once, in the middle of start-up (on a phone, the longest task of the page). In the next
    // frame, before it is painted, that layout is due anyway: measure once there, then place the marks.
    // The axis keeps its place from the first paint (timeline.css), so nothing moves meanwhile.
    requestAnimationFrame(function () {
      x.width = x.plot.clientWidth;
      redraw(x);
    });
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

  // The build writes the plot's text (milestones, row labels) and its years (data-from, data-to: the same
  // value as the axis's accessible name); this places that text and adds the era bands, ticks and marks.
  function buildAxis(x) {
    var axis = x.axis = x.form.querySelector("[data-axis]");
    var y0 = x.y0 = +axis.dataset.from, y1 = x.y1 = +axis.dataset.to;
    var pct = x.pct = function (year) { return ((year - y0) / (y1 - y0)) * 100; };
    var place = function (el, from, to) { el.style.left = pct(from) + "%"; el.style.width = pct(to) - pct(from) + "%"; };
    var plot = x.plot = axis.querySelector(".tl-plot");
    x.reserve = plot.querySelector(".tl-reserve");  // the axis's space until the marks are drawn
    var first = plot.firstChild;
    x.eras.forEach(function (era, i) {
      var from = Math.max(era.start, y0), to = Math.min(era.end + 1, y1);
      if (to <= from) return;
      // Numbered, as in the era key below the axis: a band may be too narrow for its title, which the key
      // gives in full.
      var band = make("div", "tl-era tl-era-" + (i % 2), null);
      plot.insertBefore(band, first);
      band.setAttribute("aria-hidden", "true");
      place(band, from, to);
      make("span", "", band, String(i + 1));
    });
    plot.querySelectorAll(".tl-milestone").forEach(function (li) {
      var ev = x.byId[li.dataset.milestone];
      if (!ev) return;
      li.style.left = pct(ev.exact ? ev.start + 0.5 : (ev.start + ev.end + 1) / 2) + "%";
      ev.milestone = true;
    });
    // The marks and their rows' labels share one box, so a label is placed at its row's lane without
    // measuring where the marks start (which moves as filters hide milestones).
    var lanes = make("div", "tl-lanes", plot);
    var list = x.marks = make("ol", "tl-marks", lanes);
    list.setAttribute("aria-label", "Events by date");
    x.rowLabels = {};
    plot.querySelectorAll(".tl-row-label").forEach(function (el) { x.rowLabels[el.dataset.row] = el; lanes.appendChild(el); });
    x.bars = make("div", "tl-bars", plot);
    x.bars.setAttribute("aria-hidden", "true");
    x.place = place;  // the bars (one per year) are made the first time they are needed: drawAxis
    var ticks = make("div", "tl-ticks", plot);
    ticks.setAttribute("aria-hidden", "true");
    for (var year = y0; year <= y1; year += 10) make("span", "tl-tick", ticks, String(year)).style.left = pct(year) + "%";
    x.legendEl = x.form.querySelector(".tl-legend");
    x.eraCounts = {};
    x.form.querySelectorAll(".tl-era-key li").forEach(function (li) { x.eraCounts[li.dataset.era] = li.querySelector("[data-count]"); });
    // Outside the sideways scroll. The build writes it, so that its line is there from the first paint.
    x.readout = x.form.querySelector(".tl-readout");
    list.addEventListener("keydown", function (e) { x.touch = false; rove(x, e); });
    // A tap on a mark first says what it is in the read-out (a phone has no hover, and following the link
    // at once would scroll the axis away); a second tap on the same mark opens the event.
    // (The tap focuses the mark before its click, which chooses it: compare with what was chosen before.)
    list.addEventListener("pointerdown", function (e) { x.touch = e.pointerType !== "mouse"; x.before = x.chosen; });
    list.addEventListener("click", function (e) {
      var a = e.target.closest("a.tl-mark");
      if (!a) return;
      var ev = x.byId[a.hash.slice(1)];
      if (x.touch && ev && x.before !== ev) {
        x.before = ev;
        e.preventDefault();
        choose(x, ev, "Tap it again to read it in full.");
        setRover(x, ev);
        a.focus({ preventScroll: true });
        return;
      }
      if (a.hash === location.hash) { e.preventDefault(); reveal(a.hash.slice(1)); }
    });
    list.addEventListener("focusin", function (e) {
      var a = e.target.closest("a.tl-mark"), ev = a && x.byId[a.hash.slice(1)];
      if (ev && x.chosen !== ev) choose(x, ev, x.touch ? "Tap it again to read it in full." : "Press Enter to read it in full.");
    });
  }

  // The read-out (a polite live region) names the chosen event: by focus (keyboard) or by tap, never by hover only.
  function choose(x, ev, how) {
    x.chosen = ev;
    x.readout.textContent = ev.label + (ev.exact ? "" : " (approximate date)") + ". " + how;
  }

  function mark(ev) {
    if (ev.item) return ev.item;
    ev.item = make("li");
    var a = ev.mark = make("a", "tl-mark " + (ev.exact ? "tl-point" : "tl-span") + (ev.milestone ? " tl-is-milestone" : ""), ev.item);
    a.href = "#" + ev.id;
    a.tabIndex = -1;
    make("span", "visually-hidden", a, ev.label + (ev.exact ? "" : " (approximate date)") + (ev.milestone ? ", a milestone" : ""));
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
    var f = filters(x), matched = x.matched = [], shownIn = {}, inEra = {}, ofEra = {};
    x.events.forEach(function (ev) {
      // Only events whose state changes are touched: each costs the browser style and layout work.
      var hit = matches(ev, f), show = hit && matched.push(ev) <= x.limit;
      if (ev.shown !== show) { ev.shown = show; out(ev.li, !show); }
      if (show) shownIn[ev.era] = true;
      ofEra[ev.era] = (ofEra[ev.era] || 0) + 1;
      if (hit) inEra[ev.era] = (inEra[ev.era] || 0) + 1;
    });
    x.eras.forEach(function (era) {
      var hide = !shownIn[era.id], count = x.eraCounts[era.id];
      out(era.el, hide);
      out(era.heading, hide);
      out(era.toc, hide);
      if (count) count.textContent = (inEra[era.id] || 0) === ofEra[era.id] ? String(ofEra[era.id]) : (inEra[era.id] || 0) + " of " + ofEra[era.id];
    });
    var n = matched.length, rest = n - x.limit;
    x.count.textContent = n + " of " + x.events.length + " events" + (rest > 0 ? ", the first " + x.limit + " shown" : "");
    out(x.more, rest <= 0);
    x.more.textContent = "Show " + Math.min(rest, PAGE) + " more events (" + rest + " not shown yet)";
    if (x.width !== undefined) redraw(x);
    // After the next paint: replaceState forces a synchronous layout while the page is still dirty.
    if (writeUrl) requestAnimationFrame(function () { setTimeout(function () { writeState(x, f); }); });
  }

  function redraw(x) {
    var f = filters(x);
    drawAxis(x, x.matched.length <= MARKS ? x.byDate.filter(function (ev) { return matches(ev, f); }) : null, f);
  }

  // Up to MARKS events: one mark each, in two rows (exact dates, then approximate ones), each row in greedy
  // lanes (the first lane where a mark does not overlap). Above that: how many matching events fall in each year.
  function drawAxis(x, drawn, f) {
    x.plot.dataset.drawn = "true";  // shows the milestones and row labels (timeline.css)
    if (x.reserve) { x.reserve.remove(); x.reserve = null; }
    x.drawn = drawn || [];
    out(x.bars, !!drawn);
    out(x.marks, !drawn);
    out(x.legendEl, !drawn);
    x.plot.classList.toggle("tl-histogram", !drawn);
    x.chosen = null;
    x.readout.textContent = drawn ? "Choose an event on the axis, with the arrow keys or a tap, to see its date and title here."
      : "Too many events to mark one by one: the bars show how many fall in each year. Filter to see each event.";
    if (!drawn) {
      if (!x.barFor) {
        x.barFor = [];
        for (var year = x.y0; year < x.y1; year++) x.place(x.barFor[year - x.y0] = make("span", "", x.bars), year, year + 1);
      }
      var per = x.barFor.map(function () { return 0; }), top = 1;
      x.events.forEach(function (ev) {
        if (matches(ev, f)) top = Math.max(top, ++per[Math.floor((ev.start + ev.end) / 2) - x.y0]);
      });
      x.barFor.forEach(function (bar, i) { bar.style.height = (per[i] / top) * 100 + "%"; });
      x.marks.replaceChildren();
      Object.keys(x.rowLabels).forEach(function (row) { out(x.rowLabels[row], true); });
      setRover(x, null);
      return;
    }
    // Measured in the first frame (setup) and on resize; here again if the axis had no width then.
    x.width = x.width || x.plot.clientWidth;
    var scale = x.width / 100, min = MARK / scale, items = [], top = 0;
    [["exact", true], ["approximate", false]].forEach(function (row) {
      var inRow = drawn.filter(function (ev) { return ev.exact === row[1]; }), label = x.rowLabels[row[0]];
      out(label, !inRow.length);
      if (!inRow.length) return;
      if (label) label.style.top = top * LANE + "px";
      top++;
      var lanes = [];
      inRow.forEach(function (ev) {
        var item = mark(ev);
        var left = ev.exact ? x.pct(ev.start + 0.5) - min / 2 : x.pct(ev.start);
        var width = Math.max(ev.exact ? min : x.pct(ev.end + 1) - x.pct(ev.start), min);
        var lane = 0;
        while (lane < lanes.length && lanes[lane] > left) lane++;
        if (lane === MAX_LANES) lane = lanes.indexOf(Math.min.apply(null, lanes));
        lanes[lane] = left + width + 4 / scale;
        item.style.cssText = "left:" + left + "%;width:" + width + "%;top:" + (top + lane) * LANE + "px";
        items.push(item);
      });
      top += lanes.length;
    });
    // In date order, for screen readers and the arrow keys, whichever row a mark is drawn in.
    x.marks.replaceChildren.apply(x.marks, drawn.map(function (ev) { return ev.item; }));
    x.marks.style.height = Math.max(top, 1) * LANE + "px";
    x.plot.querySelectorAll(".tl-milestone").forEach(function (li) {
      var ev = x.byId[li.dataset.milestone];
      out(li, !ev || drawn.indexOf(ev) < 0);
    });
    // Where the axis scrolls sideways (phones), bring the first matching event into view.
    var first = drawn.length && parseFloat(drawn[0].item.style.left) * scale;
    requestAnimationFrame(function () { x.axis.scrollLeft = first - 16; });
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
          if (width && width !== x.width) { x.width = width; redraw(x); }
        });
      });
    });
    explainer.register("timeline", init);
  }
})();
