// Definitions page: filter the definitions and compare two or three side by side.
// Progressive enhancement: the page already lists every definition (each links to its own page, and
// the table at a glance has a page of its own); this only shows the (server-rendered, hidden) controls
// and acts on them. Plain JavaScript, because a
// UI library would cost more than this whole file and add nothing the page needs.
(function () {
  "use strict";
  var MAX = 3;
  var FILTERS = ["author", "decade", "emphasis"];

  function words(value) { return (value || "").split(" ").filter(Boolean); }

  function init() {
    var tools = document.querySelector("[data-definition-tools]");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = "1";
    tools.hidden = false;
    var noJs = document.querySelector("[data-definition-nojs]");
    if (noJs) noJs.hidden = true;

    var form = tools.querySelector("[data-definition-filters]");
    var count = tools.querySelector("[data-definition-count]");
    var status = tools.querySelector("[data-compare-status]");
    var result = tools.querySelector("[data-compare-result]");
    var boxes = [].slice.call(tools.querySelectorAll("input[name=compare]"));
    var defs = {};
    [].forEach.call(document.querySelectorAll("div.definition[data-definition]"), function (d) {
      defs[d.dataset.definition] = d;
    });
    var labels = {};
    [].forEach.call(form.emphasis.options, function (o) { labels[o.value] = o.text; });

    // Restore the state from the address, ignoring anything that is not a real choice.
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) { form[name].value = params.get(name) || ""; });
    var wanted = words((params.get("compare") || "").replace(/,/g, " "));
    boxes.forEach(function (box) {
      box.checked = wanted.indexOf(box.value) >= 0 && picked().length < MAX;
    });

    function picked() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }

    function matches(d) {
      var f = form;
      return (!f.author.value || words(d.dataset.authors).indexOf(f.author.value) >= 0) &&
        (!f.decade.value || d.dataset.decade === f.decade.value) &&
        (!f.emphasis.value || words(d.dataset.emphases).indexOf(f.emphasis.value) >= 0);
    }

    function filter() {
      var ids = Object.keys(defs), shown = 0;
      ids.forEach(function (id) {
        var ok = matches(defs[id]);
        shown += ok ? 1 : 0;
        var toc = document.querySelector('.md-nav__link[href="#' + id + '"]');
        [defs[id], document.getElementById(id), toc && toc.parentNode,
          document.querySelector('tr[data-definition="' + id + '"]')].forEach(function (el) {
          if (el) el.hidden = !ok;
        });
        var choice = tools.querySelector('[data-choice="' + id + '"]');
        choice.hidden = !ok && !choice.querySelector("input").checked;
      });
      count.textContent = shown === ids.length ? "Showing all " + shown + " definitions." :
        shown ? "Showing " + shown + " of " + ids.length + " definitions." :
        "No definitions match these filters. Clear a filter to see more.";
    }

    function el(tag, className, text) { return explainer.make(tag, className, null, text); }

    function compare() {
      var ids = picked();
      boxes.forEach(function (b) { b.disabled = !b.checked && ids.length >= MAX; });
      result.textContent = "";
      if (ids.length < 2) {
        status.textContent = ids.length ? "Pick one or two more definitions to compare with " +
          defs[ids[0]].dataset.label + "." : "Pick two or three definitions above to see them side by side.";
        return;
      }
      var tags = ids.map(function (id) { return words(defs[id].dataset.emphases); });
      var shared = tags[0].filter(function (t) { return tags.every(function (ts) { return ts.indexOf(t) >= 0; }); });
      var names = ids.map(function (id) { return defs[id].dataset.label; });
      status.textContent = "Comparing " + names.slice(0, -1).join(", ") + " and " + names[names.length - 1] +
        ". " + (shared.length ? "Shared emphases: " + shared.map(function (t) { return labels[t]; }).join(", ") + "."
          : "They share no emphasis.") + (ids.length >= MAX ? " That is the most you can compare at once." : "");

      var list = el("ul", "compare-cards");
      ids.forEach(function (id, i) {
        var d = defs[id], card = el("li", "compare-card");
        card.dataset.definition = id;
        var heading = el("h4", "", d.dataset.label);
        card.appendChild(heading);
        card.appendChild(d.querySelector("blockquote").cloneNode(true));
        card.appendChild(d.querySelector(".attribution").cloneNode(true));
        card.appendChild(el("p", "compare-year", "Year: " + (d.dataset.year || "not given")));
        card.appendChild(el("p", "list-label", "Emphasises:"));
        var ems = el("ul", "compare-emphases");
        tags[i].forEach(function (t) {
          var others = ids.filter(function (other, j) { return j !== i && tags[j].indexOf(t) >= 0; });
          var isShared = shared.indexOf(t) >= 0;
          var item = el("li", isShared ? "is-shared" : "is-different", labels[t]);
          item.dataset.emphasis = t;
          item.appendChild(el("span", "compare-badge", isShared ? "shared" : others.length ?
            "also in " + others.map(function (o) { return defs[o].dataset.label; }).join(", ") : "only in this one"));
          ems.appendChild(item);
        });
        card.appendChild(ems);
        var more = el("a", "", "Read it in full");
        more.href = d.dataset.href || "#" + id;  // its own page, where it has one
        // In an embed, as every link that leaves the page does (render/embeds.py frame_links).
        if (more.getAttribute("href").charAt(0) !== "#" && window.self !== window.top) more.target = "_top";
        card.appendChild(el("p")).appendChild(more);
        list.appendChild(card);
      });
      result.appendChild(list);
    }

    function save() {
      var q = new URLSearchParams();  // always in the same order, so equal views share one address
      FILTERS.forEach(function (name) { if (form[name].value) q.set(name, form[name].value); });
      if (picked().length) q.set("compare", picked().join(","));
      var search = q.toString().replace(/%2C/g, ",");
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", function () { filter(); save(); });
    form.addEventListener("reset", function () { setTimeout(function () { filter(); save(); }); });
    tools.querySelector(".compare-picker").addEventListener("change", function () { compare(); filter(); save(); });
    compare();
    filter();
  }

  explainer.register("definitions", init);
})();
