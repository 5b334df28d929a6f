/* The learning log (learn/log/): today's date, the name typed there, each module's score and each reflection,
   gathered into one printable summary. Only the log's page loads this script, after learn.js, whose saved
   progress it reads (explainer.course); it redraws whenever that progress changes (a reset, a name typed). */
explainer.register("course-log", (root) => {
  "use strict";
  var course = explainer.course;
  if (!course) return;

  function draw(log, name) {
    var state = course.progress();
    var meta = log.querySelector("[data-learn-log-meta]");
    var date = explainer.day();
    if (name.value !== state.name) name.value = state.name;  // emptied by a reset
    meta.textContent = "";
    if (state.name) {
      explainer.make("strong", "", meta, state.name);
      meta.append(" · ");
    }
    meta.append("Learning log, ");
    explainer.make("time", "", meta, date.text).dateTime = date.iso;
    meta.hidden = false;
    log.querySelectorAll("[data-learn-log-module]").forEach((section) => {
      var s = course.score(section.dataset.learnLogModule, +section.dataset.learnTotal);
      section.querySelector("[data-learn-log-score]").textContent =
        s.text + (s.answered < s.total ? " (" + s.answered + " of " + s.total + " tried)." : ".");
      section.querySelectorAll("[data-learn-log-reflection]").forEach((dd) => {
        var r = state.reflections[dd.dataset.learnLogReflection];
        dd.textContent = r && r.text ? r.text : "No answer yet.";
        dd.classList.toggle("learn-log-empty", !(r && r.text));
      });
    });
  }

  root.querySelectorAll("[data-learn-log]").forEach((log) => {
    log.querySelector("[data-learn-log-fallback]").hidden = true;
    log.querySelector("[data-learn-log-controls]").hidden = false;
    var name = log.querySelector("[data-learn-log-name]");
    name.addEventListener("input", () => {
      course.progress().name = name.value;
      course.save();
      draw(log, name);
    });
    log.querySelector("[data-learn-print]").addEventListener("click", () => { window.print(); });
    course.onChange(() => { draw(log, name); });
    draw(log, name);
  });
});
