/* The self-assessment in the learning log (self_assessment_log.html): the result a student last added with "Add
   this result to my learning log" (assess.js), read from the self-assessment's one key. Only read, never
   written: the self-assessment page adds the result and its "Clear my answers" takes it away. A result that
   is missing, blocked or malformed leaves the "not added yet" line. */
explainer.register("self-assessment-log", (root) => {
  "use strict";
  root.querySelectorAll("[data-sa-log]").forEach((box) => {
    var logged = null;
    try { logged = (JSON.parse(window.localStorage.getItem(box.dataset.saKey) || "null") || {}).logged; }
    catch (e) { return; }
    var levels = JSON.parse(box.dataset.saLevels);
    if (!logged || typeof logged !== "object" || !/^\d{4}-\d\d-\d\d$/.test(logged.date) ||
        !logged.scores || typeof logged.scores !== "object") return;
    var number = (n) => typeof n === "number" && n >= 1 && n <= 5;
    var meta = box.querySelector("[data-sa-log-meta]");
    meta.textContent = "Added on ";
    explainer.make("time", "", meta, explainer.day(new Date(logged.date + "T12:00:00")).text).dateTime = logged.date;
    meta.append(". ", levels.indexOf(logged.level) >= 0 && number(logged.project)
      ? "Level: " + logged.level + ", a project score of " + logged.project.toFixed(1) + " out of 5."
      : "Not every key feature was answered, so there is no level.");
    box.querySelectorAll("[data-sa-log-row]").forEach((row) => {
      var s = logged.scores[row.dataset.saLogRow];
      row.querySelector("[data-sa-log-score]").textContent = number(s) ? s.toFixed(1) + " out of 5" : "Not answered";
    });
    box.querySelector("[data-sa-log-none]").hidden = true;
    box.querySelector("[data-sa-log-result]").hidden = false;
  });
});
