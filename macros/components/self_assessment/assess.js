/* The self-assessment (self_assessment.html): answers kept in this browser, a score per key feature, the level
   our rule gives (render.py RULE, read from the data-sa-* attributes), strengths and next steps, and a reset
   with a confirm step. The worksheet itself works without this script, on screen and on paper.

   The answers are kept under one key (data-sa-key), as JSON: {v: 1, answers: {statementId: "1".."5" or
   "dont-know"}, logged: the result last added to the learning log (assess-log.js shows it there)}. Nothing
   is sent anywhere and no cookie is set. Where storage is missing or throws, everything still works for as
   long as the page is open, and a note says so. */
explainer.register("self-assessment", (root) => {
  "use strict";
  var make = explainer.make;

  root.querySelectorAll("[data-sa]").forEach((box) => {
    if (box.dataset.saReady) return;
    box.dataset.saReady = "1";
    var key = box.dataset.saKey;
    var dontKnow = box.dataset.saDontKnow;
    var rule = {
      intermediate: +box.dataset.saIntermediateFrom,
      transformative: +box.dataset.saTransformativeFrom,
      everyFeature: +box.dataset.saEveryFeatureFrom,
    };
    var answers = {};
    var logged = null;  // {date: "YYYY-MM-DD", scores: {feature ref: score or null}, project, level}
    var storable = true;

    function load() {
      try {
        var data = JSON.parse(window.localStorage.getItem(key) || "null");
        if (data && data.v === 1 && data.answers && typeof data.answers === "object") answers = data.answers;
        if (data && data.logged && typeof data.logged === "object") logged = data.logged;
      } catch (e) {
        storable = false;
      }
    }

    function save() {
      if (!storable) return;
      try {
        if (Object.keys(answers).length || logged) {
          window.localStorage.setItem(key, JSON.stringify({ v: 1, answers: answers, logged: logged || undefined }));
        }
        else window.localStorage.removeItem(key);
      } catch (e) {
        storable = false;
      }
      box.querySelector("[data-sa-storage-note]").hidden = storable;
    }

    function statements() { return [].slice.call(box.querySelectorAll("[data-sa-statement]")); }

    function title(statement) { return statement.querySelector("legend").textContent.trim(); }  // "3. We ask..."

    function valid(value) { return value === dontKnow || /^[1-5]$/.test(value); }

    function score(value) { return value && value !== dontKnow ? +value : null; }

    function average(values) {
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    }

    function oneDecimal(n) { return (Math.round(n * 10) / 10).toFixed(1); }

    function item(statement, withStep) {
      var li = make("li");
      make("a", "", li, title(statement)).href = "#" + statement.id;
      if (withStep) {
        li.append(statement.querySelector("[data-sa-next-text]").cloneNode(true));
        li.append(statement.querySelector(".sa-sources").cloneNode(true));
      }
      return li;
    }

    function levelName(projectScore, featureScores) {
      var names = JSON.parse(box.dataset.saLevels);  // SCIE's three levels, lowest first
      if (projectScore >= rule.transformative && featureScores.every((s) => s >= rule.everyFeature)) return names[2];
      return projectScore >= rule.intermediate ? names[1] : names[0];
    }

    var result = {};  // the latest drawing, for the learning log: {scores, project, level}

    function draw() {
      var all = statements();
      result = { scores: {}, project: null, level: null };
      var answered = all.filter((s) => answers[s.dataset.saStatement]).length;
      var featureScores = [];
      var everyFeatureScored = true;
      box.querySelectorAll("[data-sa-feature]").forEach((feature) => {
        var own = [].slice.call(feature.querySelectorAll("[data-sa-statement]"));
        var values = own.map((s) => score(answers[s.dataset.saStatement])).filter((v) => v !== null);
        var mean = average(values);
        var row = box.querySelector('[data-sa-row="' + feature.dataset.saFeature + '"]');
        var given = own.filter((s) => answers[s.dataset.saStatement]).length;
        var unknown = given - values.length;
        row.querySelector("[data-sa-score]").textContent = mean === null ? "Not answered" : oneDecimal(mean) + " out of 5";
        row.querySelector("[data-sa-bar]").style.width = mean === null ? "0" : (mean / 5 * 100) + "%";
        row.querySelector("[data-sa-answered]").textContent = given + " of " + own.length +
          (unknown ? " (" + unknown + " don't know)" : "");
        result.scores[feature.dataset.saFeature] = mean === null ? null : +oneDecimal(mean);
        if (mean === null) everyFeatureScored = false; else featureScores.push(mean);
      });
      var level = box.querySelector("[data-sa-level]");
      var summary = answered + " of " + all.length + " statements answered.";
      if (everyFeatureScored && featureScores.length) {
        var project = average(featureScores);
        var name = levelName(project, featureScores);
        level.textContent = name + ": a project score of " + oneDecimal(project) + " out of 5.";
        result.project = +oneDecimal(project);
        result.level = name;
        summary += " Level: " + name + ".";
      } else {
        level.textContent = "Answer at least one statement under every key feature to see a level.";
      }
      var strengths = box.querySelector("[data-sa-strengths]");
      var steps = box.querySelector("[data-sa-steps]");
      strengths.textContent = "";
      steps.textContent = "";
      all.forEach((s) => {
        var value = score(answers[s.dataset.saStatement]);
        if (value >= 4) strengths.append(item(s, false));
        else if (value !== null && value <= 2) steps.append(item(s, true));
      });
      box.querySelector("[data-sa-strengths-none]").hidden = strengths.children.length > 0;
      box.querySelector("[data-sa-steps-none]").hidden = steps.children.length > 0;
      box.querySelector("[data-sa-summary]").textContent = summary;
      var progress = box.querySelector("[data-sa-progress]");
      progress.hidden = false;
      progress.textContent = summary;
    }

    function show() {
      statements().forEach((s) => {
        s.querySelectorAll("input[type=radio]").forEach((input) => {
          input.checked = answers[s.dataset.saStatement] === input.value;
        });
      });
      draw();
    }

    // The printed report: the results only (assess.css, under .sa-report), with the date and every answer.
    var keepStatus = box.querySelector("[data-sa-keep-status]");
    box.querySelector("[data-sa-print]").addEventListener("click", () => {
      var rows = box.querySelector("[data-sa-report-answers]");
      rows.textContent = "";
      statements().forEach((s) => {
        var tr = make("tr", "", rows);
        make("th", "", tr, title(s)).scope = "row";
        var chosen = s.querySelector("input:checked");
        make("td", "", tr, chosen ? box.querySelector('label[for="' + chosen.id + '"]').textContent.trim() : "Not answered");
      });
      box.querySelector("[data-sa-report-date]").textContent = "Self-assessment results, " + explainer.day().text + ".";
      document.documentElement.classList.add("sa-report");
      window.addEventListener("afterprint", () => { document.documentElement.classList.remove("sa-report"); }, { once: true });
      window.print();
    });

    var logAdd = box.querySelector("[data-sa-log-add]");
    if (logAdd) logAdd.addEventListener("click", () => {
      if (!Object.keys(answers).length) { keepStatus.textContent = "Answer at least one statement first."; return; }
      logged = { date: explainer.day().iso, scores: result.scores, project: result.project, level: result.level };
      save();
      keepStatus.textContent = storable ? "This result is added to your learning log." :
        "This browser does not let the site keep anything, so the result cannot go in your learning log. Print it instead.";
    });

    box.addEventListener("change", (event) => {
      var input = event.target;
      var statement = input.closest && input.closest("[data-sa-statement]");
      if (!statement || input.type !== "radio" || !valid(input.value)) return;
      answers[statement.dataset.saStatement] = input.value;
      save();
      draw();
    });

    var reset = box.querySelector("[data-sa-reset]");
    var start = reset.querySelector("[data-sa-reset-start]");
    var confirm = reset.querySelector("[data-sa-reset-confirm]");
    var status = reset.querySelector("[data-sa-reset-status]");
    function openConfirm(open) {
      confirm.hidden = !open;
      start.setAttribute("aria-expanded", String(open));
      if (open) reset.querySelector("[data-sa-reset-yes]").focus();
    }
    start.addEventListener("click", () => { status.textContent = ""; openConfirm(confirm.hidden); });
    reset.querySelector("[data-sa-reset-no]").addEventListener("click", () => { openConfirm(false); start.focus(); });
    reset.querySelector("[data-sa-reset-yes]").addEventListener("click", () => {
      answers = {};
      logged = null;
      save();
      show();
      openConfirm(false);
      start.focus();
      status.textContent = "Your answers are cleared.";
    });

    // --- Sharing, and a team's answers side by side. A person's answers travel as a link whose fragment
    // (after "#", which browsers never send to a server) lists "id:value" pairs, or as a small JSON file.
    // Whatever comes in is checked strictly: an unknown statement, a value off the scale, a repeat, or
    // anything else gives a message and changes nothing.
    var FRAGMENT = "#sa-answers=";
    var FILE_MARK = "coproduction-explainer self-assessment";
    var MAX_BYTES = 20000;
    var ids = statements().map((s) => s.dataset.saStatement);
    var team = [];

    function linkFor(given) {
      var pairs = ids.filter((id) => given[id]).map((id) => id + ":" + given[id]);
      // The self-assessment's own page, even from an embed: a person opening the link gets the whole site.
      return new URL(box.dataset.saPage, location.href).href.split("#")[0] + FRAGMENT + pairs.join(",");
    }

    function checked(pairs) {
      var out = {};
      if (!pairs.length) throw new Error("it holds no answers");
      pairs.forEach((pair) => {
        var id = pair[0], value = pair[1];
        if (typeof id !== "string" || ids.indexOf(id) < 0) throw new Error("it names a statement this page does not have");
        if (typeof value !== "string" || !valid(value)) throw new Error("it holds an answer that is not on the scale");
        if (out[id]) throw new Error("it answers the same statement twice");
        out[id] = value;
      });
      return out;
    }

    function fromLink(text) {
      var at = text.indexOf(FRAGMENT);
      if (at < 0) throw new Error("it is not a link to answers from this self-assessment");
      var body = text.slice(at + FRAGMENT.length).trim();
      if (body.length > MAX_BYTES) throw new Error("it is too long to be one person's answers");
      try { body = decodeURIComponent(body); } catch (e) { throw new Error("it is not a whole link"); }
      return checked(body ? body.split(",").map((pair) => {
        var parts = pair.split(":");
        if (parts.length !== 2) throw new Error("part of it is not an answer");
        return parts;
      }) : []);
    }

    function fromFile(text) {
      var data;
      try { data = JSON.parse(text); } catch (e) { throw new Error("it is not a file of answers (not JSON)"); }
      if (!data || data.tool !== FILE_MARK || data.v !== 1 || !data.answers || typeof data.answers !== "object" ||
          Array.isArray(data.answers)) throw new Error("it is not a file of answers from this self-assessment");
      return checked(Object.keys(data.answers).map((id) => [id, data.answers[id]]));
    }

    function median(values) {
      var sorted = values.slice().sort((a, b) => a - b);
      var mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    function drawTeam() {
      var rows = box.querySelector("[data-sa-team-rows]");
      rows.textContent = "";
      statements().forEach((s) => {
        var id = s.dataset.saStatement;
        var given = team.filter((person) => person[id]);
        var values = given.map((person) => score(person[id])).filter((v) => v !== null);
        var tr = make("tr", "", rows);
        make("th", "", tr, title(s)).scope = "row";
        var cells = values.length ? [Math.min.apply(null, values), median(values), Math.max.apply(null, values)]
          .map((n) => String(Math.round(n * 10) / 10)) : ["-", "-", "-"];
        var unknown = given.length - values.length;
        cells.push(values.length + " of " + team.length + (unknown ? " (" + unknown + " don't know)" : ""));
        cells.forEach((text) => { make("td", "", tr, text); });
      });
      box.querySelector("[data-sa-team-caption]").textContent =
        "The answers of " + team.length + (team.length === 1 ? " person" : " people") + " to each statement";
      box.querySelector("[data-sa-team-result]").hidden = false;
    }

    var teamLinks = box.querySelector("[data-sa-team-links]");
    var teamFiles = box.querySelector("[data-sa-team-files]");
    var teamErrors = box.querySelector("[data-sa-team-errors]");
    var teamStatus = box.querySelector("[data-sa-team-status]");

    function showErrors(problems) {
      teamErrors.textContent = "";
      make("p", "", teamErrors, "Nothing was changed. Fix " + (problems.length === 1 ? "this" : "these") + ", then try again:");
      var ul = make("ul", "", teamErrors);
      problems.forEach((text) => { make("li", "", ul, text); });
      teamErrors.hidden = false;
      teamErrors.focus();
    }

    function readFile(file) {
      if (file.size > MAX_BYTES) return Promise.resolve({ name: file.name, error: "it is too large to be one person's answers" });
      return file.text().then((text) => ({ name: file.name, text: text }), () => ({ name: file.name, error: "it could not be read" }));
    }

    box.querySelector("[data-sa-team-show]").addEventListener("click", () => {
      var problems = [];
      var people = [];
      teamLinks.value.split("\n").map((line) => line.trim()).forEach((line, index) => {
        if (!line) return;
        try { people.push(fromLink(line)); } catch (e) { problems.push("Line " + (index + 1) + ": " + e.message + "."); }
      });
      Promise.all([].slice.call(teamFiles.files || []).map(readFile)).then((files) => {
        files.forEach((file) => {
          if (file.error) { problems.push("The file " + file.name + ": " + file.error + "."); return; }
          try { people.push(fromFile(file.text)); } catch (e) { problems.push("The file " + file.name + ": " + e.message + "."); }
        });
        if (!problems.length && !people.length) problems.push("Add at least one link or file first.");
        if (problems.length) { showErrors(problems); return; }
        teamErrors.hidden = true;
        team = people;
        drawTeam();
        teamStatus.textContent = "Showing the answers of " + team.length + (team.length === 1 ? " person." : " people.");
      });
    });

    box.querySelector("[data-sa-team-mine]").addEventListener("click", () => {
      if (!Object.keys(answers).length) { teamStatus.textContent = "You have not answered any statement yet."; return; }
      teamLinks.value = (teamLinks.value.trim() ? teamLinks.value.trim() + "\n" : "") + linkFor(answers);
      teamStatus.textContent = "Your answers are added to the box as a link.";
    });

    var shareStatus = box.querySelector("[data-sa-share-status]");
    box.querySelector("[data-sa-copy-link]").addEventListener("click", () => {
      var link = linkFor(answers);
      var field = box.querySelector("[data-sa-link]");
      field.value = link;
      var copy = window.coproductionCopy;
      var fallback = () => {
        box.querySelector("[data-sa-link-box]").hidden = false;
        field.select();
        shareStatus.textContent = "Could not copy. Select the link below and copy it yourself.";
      };
      if (!copy) { fallback(); return; }
      copy(link).then(() => { shareStatus.textContent = "Link copied. It holds your answers."; }, fallback);
    });

    box.querySelector("[data-sa-save-file]").addEventListener("click", () => {
      var file = JSON.stringify({ tool: FILE_MARK, v: 1, answers: answers }, null, 1);
      var a = document.createElement("a");
      a.href = "data:application/json;charset=utf-8," + encodeURIComponent(file);
      a.download = "self-assessment-answers.json";
      document.body.append(a);
      a.click();
      a.remove();
      shareStatus.textContent = "Your answers are saved as self-assessment-answers.json.";
    });

    // Opened from someone's link: their answers go in the team box, not over the reader's own.
    // Or, for someone moving their own answers to this browser, they can replace the reader's answers.
    if (location.hash.indexOf(FRAGMENT) === 0) {
      teamLinks.value = location.href;
      var fragment = box.querySelector("[data-sa-fragment]");
      var note = box.querySelector("[data-sa-fragment-note]");
      fragment.hidden = false;
      note.textContent = "This link holds one person's answers. They are in the box below, ready to show with others.";
      box.querySelector("[data-sa-use-link]").addEventListener("click", () => {
        try {
          answers = fromLink(location.href);
        } catch (e) {
          note.textContent = "These answers could not be used: " + e.message + ". Nothing was changed.";
          return;
        }
        save();
        show();
        note.textContent = "These answers are now yours in this browser.";
      });
    }

    load();
    box.querySelector("[data-sa-storage-note]").hidden = storable;
    // Keep only answers this page can show: a statement removed since, or a value tampered with, is dropped.
    var known = {};
    statements().forEach((s) => {
      var value = answers[s.dataset.saStatement];
      if (typeof value === "string" && valid(value)) known[s.dataset.saStatement] = value;
    });
    answers = known;
    box.querySelector("[data-sa-results]").hidden = false;
    show();
  });
});
