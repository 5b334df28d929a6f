// Comparison tables: sort by column, filter rows by text, show or hide columns.
// The tables are complete HTML without this script; it only adds controls.
// Why no library: the table libraries we looked at (DataTables, List.js, Tablesort) are larger than
// this whole file, most replace the markup or need jQuery, and none keeps our <caption>/<th scope>
// structure and the labelled scroll region untouched. What we need is a few dozen lines.
(function () {
  "use strict";

  var collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
  var serial = 0;

  function text(node) {
    return (node.textContent || "").replace(/\s+/g, " ").trim();
  }

  function sortKey(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : text(cell);
  }

  function make(tag, attrs, content) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (content) el.textContent = content;
    return el;
  }

  // On a narrow screen tables.css sets a comparison's rows out as cards (display: block), and some browsers
  // (Safari, so VoiceOver on phones) then stop exposing it as a table. Explicit roles keep it one. They are
  // set here, not in the HTML, because the HTML standard forbids them on a plain table's rows and cells.
  function tableRoles(table) {
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (g) { g.setAttribute("role", "rowgroup"); });
    Array.from(table.rows).forEach(function (row) {
      row.setAttribute("role", "row");
      Array.from(row.cells).forEach(function (cell) {
        var scope = cell.getAttribute("scope");
        cell.setAttribute("role", scope === "col" ? "columnheader" : scope === "row" ? "rowheader" : "cell");
      });
    });
  }

  function enhance(table) {
    if (table.hasAttribute("data-tables-ready") || !table.tHead || !table.tBodies[0]) return;
    table.setAttribute("data-tables-ready", "");
    var id = table.id || (table.caption && table.caption.id) || "comparison-" + (++serial);
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    rows.forEach(function (row, i) { row.setAttribute("data-order", i); });
    var heads = Array.from(table.tHead.rows[0].cells);
    var state = { column: -1, dir: "" };
    if (table.classList.contains("comparison-cards")) tableRoles(table);

    // Sorting: a button in each column header; aria-sort tells assistive technology the order.
    heads.forEach(function (th, index) {
      var button = make("button", { type: "button", "class": "sort-button" });
      var label = make("span", { "class": "sort-label" });
      while (th.firstChild) label.appendChild(th.firstChild);
      button.appendChild(label);
      button.appendChild(make("span", { "class": "sort-icon", "aria-hidden": "true" }));
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(index); });
    });

    function sortBy(index) {
      var dir = state.column === index && state.dir === "ascending" ? "descending" : "ascending";
      state = { column: index, dir: dir };
      heads.forEach(function (th, i) {
        if (i === index) th.setAttribute("aria-sort", dir); else th.removeAttribute("aria-sort");
      });
      var sign = dir === "ascending" ? 1 : -1;
      rows.slice().sort(function (a, b) {
        var x = sortKey(a.cells[index]), y = sortKey(b.cells[index]);
        if (!x !== !y) return x ? -1 : 1; // empty cells last, whichever the direction
        return sign * collator.compare(x, y) || a.getAttribute("data-order") - b.getAttribute("data-order");
      }).forEach(function (row) { body.appendChild(row); });
    }

    var tools = make("div", { "class": "table-tools" });
    var filterId = id + "-filter";
    var filter = make("div", { "class": "table-filter" });
    filter.appendChild(make("label", { "for": filterId }, "Filter rows"));
    var input = make("input", { type: "search", id: filterId, autocomplete: "off", spellcheck: "false" });
    if (table.caption && table.caption.id) input.setAttribute("aria-describedby", table.caption.id);
    filter.appendChild(input);
    tools.appendChild(filter);
    var count = make("p", { "class": "table-count", role: "status" });
    tools.appendChild(count);

    function applyFilter() {
      var query = input.value.replace(/\s+/g, " ").trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !query || text(row).toLowerCase().indexOf(query) !== -1;
        row.hidden = !match;
        if (match) shown++;
      });
      count.textContent = shown + " of " + rows.length + " rows";
    }
    input.addEventListener("input", applyFilter);
    applyFilter();

    // Column show/hide, for tables with more than two data columns. The row header always stays.
    if (heads.length > 3) {
      var details = make("details", { "class": "table-columns" });
      details.appendChild(make("summary", null, "Show or hide columns"));
      var fieldset = make("fieldset");
      fieldset.appendChild(make("legend", { "class": "visually-hidden" }, "Columns to show"));
      var boxes = [];
      heads.slice(1).forEach(function (th, i) {
        var index = i + 1, boxId = id + "-col-" + index;
        var wrap = make("span", { "class": "table-column-choice" });
        var box = make("input", { type: "checkbox", id: boxId, checked: "" });
        wrap.appendChild(box);
        wrap.appendChild(make("label", { "for": boxId }, text(th)));
        fieldset.appendChild(wrap);
        boxes.push(box);
        box.addEventListener("change", function () {
          Array.from(table.rows).forEach(function (row) {
            if (row.cells[index]) row.cells[index].hidden = !box.checked;
          });
          var checked = boxes.filter(function (b) { return b.checked; });
          boxes.forEach(function (b) { b.disabled = checked.length === 1 && b.checked; });
        });
      });
      details.appendChild(fieldset);
      tools.appendChild(details);
    }

    var anchor = table.closest(".table-scroll") || table;
    anchor.parentNode.insertBefore(tools, anchor);
  }

  function init() {
    document.querySelectorAll("table.comparison").forEach(enhance);
  }

  explainer.register("tables", init);
})();
