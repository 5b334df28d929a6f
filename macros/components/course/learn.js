/* The induction course: "Check answer" with feedback, saved progress and reflections, on top of complete HTML (each question's "Show the answer" works without this script; with it, the answer
   opens after a first try).

   Progress is kept in this browser only, under one key (KEY, from the data-learn-key attribute every course
   element carries: course/render.py STORAGE_KEY), as JSON:
     {v: 1, name: "", answers: {questionId: {module, ok, value: [...]}}, reflections: {promptId: {module, text}}}
   Nothing is sent anywhere and no cookie is set. Where storage is missing or throws (private windows,
   locked-down browsers, storage in a frame refused), everything still works and the progress lasts for the
   page view; a short note says so. Works with material's instant navigation (document$) and without it
   (the embeddable views load none of material's scripts). The learning log's page adds log.js, which builds on
   this script's progress (explainer.course, at the end). */
(() => {
  "use strict";
  var KEY;
  var make = explainer.make;
  var state = null;      // the progress, as read from storage or kept for this page view
  var storable = null;   // false once storage has refused us

  function blank() { return { v: 1, name: "", answers: {}, reflections: {} }; }

  function load() {
    if (storable === false && state) return state; // no storage: keep what this page view has
    state = blank();
    try {
      var raw = window.localStorage.getItem(KEY);
      var data = raw ? JSON.parse(raw) : null;
      if (data && data.v === 1 && data.answers && data.reflections) {
        state = data;
        if (typeof state.name !== "string") state.name = "";
      }
      storable = true;
    } catch (e) {
      storable = false;
    }
    return state;
  }

  function save() {
    if (storable === false) return;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      storable = false;
      notes();
    }
  }

  function forget() {
    state = blank();
    if (storable === false) return;
    try { window.localStorage.removeItem(KEY); } catch (e) { storable = false; }
  }

  function notes() {
    document.querySelectorAll("[data-learn-storage-note]").forEach((p) => { p.hidden = storable !== false; });
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function score(moduleId, total) {
    var right = 0, answered = 0;
    Object.keys(state.answers).forEach((id) => {
      var a = state.answers[id];
      if (a && a.module === moduleId) { answered++; if (a.ok) right++; }
    });
    return { answered: answered, total: total,
      text: right + " of " + plural(total, "question") + " answered correctly" };
  }

  // --- questions ------------------------------------------------------------------------------------------

  function inputs(q) { return Array.from(q.el.querySelectorAll('input[name="' + q.key + '"]')); }

  function value(q) {
    if (q.type === "classify") return q.selects.map((s) => s.value);
    var chosen = inputs(q).filter((i) => i.checked).map((i) => i.value);
    if (q.type === "true-false") {
      var truth = q.el.querySelector("input[data-learn-truth]:checked");
      return [truth ? truth.value : ""].concat(chosen.length ? chosen : [""]);
    }
    return chosen;
  }

  function setValue(q, v) {
    if (q.type === "classify") {
      q.selects.forEach((s, i) => { s.value = v[i] || ""; });
      return;
    }
    var reasons = v;
    if (q.type === "true-false") {
      q.el.querySelectorAll("input[data-learn-truth]").forEach((i) => { i.checked = i.value === v[0]; });
      reasons = v.slice(1);
    }
    inputs(q).forEach((i) => { i.checked = reasons.includes(i.value); });
  }

  function missing(q, v) {
    if (q.type === "classify" && v.includes("")) return "Choose a category for every example, then check your answer.";
    if (q.type === "true-false" && !v[0]) return "Say whether the statement is true or false, then check your answer.";
    if (q.type === "true-false" && !v[1]) return "Choose a reason, then check your answer.";
    if ((q.type === "single" || q.type === "multiple") && !v.length) {
      return q.type === "single" ? "Choose an answer, then check it." : "Choose at least one answer, then check it.";
    }
    return "";
  }

  // Whether a true-false answer's first part, true or false, is right.
  function truthRight(q, v) {
    var truth = q.el.querySelector('input[data-learn-truth][value="' + v[0] + '"]');
    return !!truth && truth.hasAttribute("data-correct");
  }

  function isRight(q, v) {
    if (q.type === "classify") return q.selects.every((s, i) => v[i] === s.dataset.answer);
    var tf = q.type === "true-false", chosen = tf ? v.slice(1) : v;
    return (!tf || truthRight(q, v)) &&
      inputs(q).every((i) => chosen.includes(i.value) === i.hasAttribute("data-correct"));
  }

  function why(q, index) {
    var item = q.el.querySelector('[data-learn-explains="' + index + '"] [data-learn-why]');
    var span = make("span", "learn-why");
    if (item) item.childNodes.forEach((n) => { span.appendChild(n.cloneNode(true)); });
    return span;
  }

  function labelOf(q, input) {
    var label = q.el.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.replace(/\s+/g, " ").trim() : input.value;
  }

  // Feedback in the data starts with its reason (a unit test holds it to that), so the verdict is said here, once.
  function line(list, lead, verdict, q, index) {
    var li = make("li", "", list);
    make("strong", "", li, lead);
    li.append(verdict ? " " + verdict + " " : " ");
    if (index) li.appendChild(why(q, index));
    return li;
  }

  function quoted(text) {  // “text”. but “Is it?” with no second full stop
    return "“" + text + "”" + (/[.?!]$/.test(text) ? "" : ".");
  }

  function showFeedback(q, v, ok) {
    var box = q.feedback;
    box.textContent = "";
    var head = make("p", "learn-result " + (ok ? "learn-right" : "learn-wrong"), box);
    make("strong", "", head, ok ? "Right." : "Not quite.");
    head.append(ok ? " Well done. Here is why:" : " Here is why. You can change your answer and check it again.");
    var list = make("ul", "learn-reasons", box);
    // The heading already gives the verdict. A line gives its own only where parts of a wrong answer are right.
    var marks = !ok && q.type !== "single";
    function mark(good, right, wrong) { return marks ? (good ? right : wrong) : ""; }
    if (q.type === "classify") {
      q.selects.forEach((s, i) => {
        var chosen = s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : "";
        var label = q.el.querySelector('label[for="' + s.id + '"]');
        var good = v[i] === s.dataset.answer;
        line(list, (label ? label.textContent.trim().replace(/[.]$/, "") : "") + ": you chose " + chosen + ".",
          mark(good, "Right:", "Not right:"), q, i + 1);
      });
    } else {
      var chosen = v;
      if (q.type === "true-false") {
        line(list, "You said the statement is " + v[0] + ".", mark(truthRight(q, v), "That is right.", "That is not right."), q, 0);
        chosen = v.slice(1);
      }
      var missed = 0;
      inputs(q).forEach((input) => {
        var picked = chosen.includes(input.value), correct = input.hasAttribute("data-correct");
        if (picked) line(list, "You chose " + quoted(labelOf(q, input)), mark(correct, "Right:", "Not right:"), q, input.value);
        else if (correct) missed++;
      });
      if (missed && q.type === "multiple") {
        make("li", "", list, missed === 1 ? "There is one more right answer you did not choose."
          : "There are " + missed + " more right answers you did not choose.");
      }
    }
    var more = q.el.querySelector("[data-learn-more]");
    if (more) box.appendChild(more.cloneNode(true)).removeAttribute("data-learn-more");
    q.el.classList.toggle("learn-is-right", ok);
    q.el.classList.toggle("learn-is-wrong", !ok);
  }

  // Where to send the focus when part of an answer is missing: the first control of the missing part.
  function firstMissing(q, v) {
    if (q.type === "classify") return q.selects[v.indexOf("")] || q.selects[0];
    if (q.type === "true-false" && !v[0]) return q.el.querySelector("input[data-learn-truth]");
    return inputs(q)[0];
  }

  // GOV.UK's error message pattern (govuk-frontend components/error-message, fieldset): the message sits in
  // the fieldset after its hint, starts with a visually hidden "Error:", describes the fieldset with the hint,
  // the fieldset takes an error style, and the focus moves to the first option of the missing part.
  function showError(q, v, text) {
    clearError(q);
    var p = make("p", "learn-error-message");
    p.id = q.key + "-error";
    make("span", "visually-hidden", p, "Error:");
    p.append(" " + text);
    q.hint.after(p);
    q.fieldset.classList.add("learn-fieldset--error");
    q.fieldset.setAttribute("aria-describedby", q.hint.id + " " + p.id);
    var target = firstMissing(q, v);
    if (target) target.focus();
  }

  function clearError(q) {
    var p = q.fieldset.querySelector(".learn-error-message");
    if (p) p.remove();
    q.fieldset.classList.remove("learn-fieldset--error");
    q.fieldset.setAttribute("aria-describedby", q.hint.id);
  }

  function clearFeedback(q) {
    q.feedback.textContent = "";
    q.el.classList.remove("learn-is-right", "learn-is-wrong");
  }

  function check(q) {
    var v = value(q), gap = missing(q, v);
    if (gap) {
      clearFeedback(q);
      showError(q, v, gap);
      return;
    }
    clearError(q);
    var ok = isRight(q, v);
    showFeedback(q, v, ok);
    unlock(q, true);
    state.answers[q.id] = { module: q.module, ok: ok, value: v };
    save();
    update();
  }

  // "Show the answer" opens only after a first try: a check with an answer chosen. Without this script the
  // answer is in the page from the start, as it always is in the HTML.
  function unlock(q, open) {
    if (!q.answer) return;
    q.answer.hidden = !open;
    q.locked.hidden = open;
    if (!open) q.answer.open = false;
  }

  function clearQuestion(q) {
    setValue(q, []);
    clearFeedback(q);
    clearError(q);
    unlock(q, false);
  }

  function setupQuestion(quiz, el) {
    var q = { el: el, id: el.dataset.learnQuestion, type: el.dataset.learnType, module: quiz.id,
      key: el.id, feedback: el.querySelector("[data-learn-feedback]"), answer: el.querySelector("[data-learn-answer]"),
      fieldset: el.querySelector(".learn-fieldset"), hint: el.querySelector(".learn-hint"),
      selects: Array.from(el.querySelectorAll("select[data-answer]")) };
    var wrap = make("p", "learn-check");
    var button = make("button", "md-button md-button--primary", wrap, "Check answer");
    button.type = "button";
    q.fieldset.after(wrap);
    button.addEventListener("click", () => { check(q); });
    if (q.answer) {
      q.locked = make("p", "learn-answer-locked", null, "Check an answer first. Then you can see the full answer here.");
      q.locked.setAttribute("data-learn-answer-locked", "");
      q.answer.before(q.locked);
    }
    var saved = state.answers[q.id];
    if (saved && Array.isArray(saved.value)) {
      setValue(q, saved.value);
      showFeedback(q, saved.value, isRight(q, saved.value));
      unlock(q, true);
    } else {
      unlock(q, false);
    }
    return q;
  }

  // --- reflections, progress -----------------------------------------------------------------------------

  // What init found on the page: its questions and reflections, and the views to redraw when the progress
  // changes (the progress lines here; log.js adds the learning log).
  var page;

  function setupReflection(area) {
    var box = area.closest("[data-learn-reflection-module]");
    var id = area.dataset.learnReflection, module = box ? box.dataset.learnReflectionModule : "";
    var saved = state.reflections[id];
    if (saved && typeof saved.text === "string" && !area.value) area.value = saved.text;
    area.addEventListener("input", () => {
      if (area.value) state.reflections[id] = { module: module, text: area.value };
      else delete state.reflections[id];
      save();
    });
    page.areas.push(area);
  }

  function update() {
    page.views.forEach((draw) => { draw(); });
  }

  // A module's progress line, under its questions.
  function setupQuiz(el) {
    var quiz = { el: el, id: el.dataset.learnModule };
    el.querySelectorAll("[data-learn-question]").forEach((q) => { page.questions.push(setupQuestion(quiz, q)); });
    var p = el.querySelector("[data-learn-progress]");
    if (p) page.views.push(() => {
      p.textContent = score(quiz.id, +el.dataset.learnTotal).text;
      p.hidden = false;
    });
  }

  // A module's line on the course overview, once something is answered.
  function setupOverview(p) {
    page.views.push(() => {
      var s = score(p.dataset.learnOverviewProgress, +p.dataset.learnTotal);
      p.textContent = "Your progress: " + s.text + ".";
      p.hidden = !s.answered;
    });
  }

  function setupReset(box) {
    var start = box.querySelector("[data-learn-reset-start]");
    var confirm = box.querySelector("[data-learn-reset-confirm]");
    var status = box.querySelector("[data-learn-reset-status]");
    function close(focus) {
      confirm.hidden = true;
      start.setAttribute("aria-expanded", "false");
      if (focus) start.focus();
    }
    start.addEventListener("click", () => {
      var open = confirm.hidden;
      confirm.hidden = !open;
      start.setAttribute("aria-expanded", String(open));
      status.textContent = "";
      if (open) box.querySelector("[data-learn-reset-yes]").focus();
    });
    box.querySelector("[data-learn-reset-no]").addEventListener("click", () => { close(true); });
    confirm.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); close(true); } });
    box.querySelector("[data-learn-reset-yes]").addEventListener("click", () => {
      forget();
      page.questions.forEach(clearQuestion);
      page.areas.forEach((a) => { a.value = ""; });
      update();
      close(true);
      status.textContent = "Your progress has been cleared.";
    });
    box.hidden = false;
  }

  function init() {
    page = { questions: [], areas: [], views: [] };
    var any = document.querySelector("[data-learn-key]");
    if (!any) return;
    KEY = any.dataset.learnKey;
    load();
    document.querySelectorAll("[data-learn-module]").forEach(setupQuiz);
    document.querySelectorAll("textarea[data-learn-reflection]").forEach(setupReflection);
    document.querySelectorAll("[data-learn-overview-progress]").forEach(setupOverview);
    document.querySelectorAll("[data-learn-reset]").forEach(setupReset);
    notes();
    update();
  }

  // For log.js: the progress (a new object after a reset), saving it, a module's score, and a view to redraw
  // whenever the progress changes.
  explainer.course = { progress: () => state, save: save, score: score,
    onChange: (draw) => { page.views.push(draw); } };

  explainer.register("course", init);
})();
