"""The induction course in a browser: a whole module by keyboard alone, feedback, saved progress and
reflections, the learning log and its print view, reset, axe-core in every state, blocked storage, and the
offline bundle from file://. (The quiz inside a cross-origin frame is in test_embeds.py.)"""

from __future__ import annotations

import html
import re

import pytest

from macros.markup import inline
from tests.browser.conftest import (
    DESKTOP,
    _describe_console,
    axe_violations,
    move_mouse_away,
    open_page_on,
    serve_site,
    site_base_path,
    wait_until_still,
)
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.browser

from macros.components.course.render import STORAGE_KEY as KEY  # noqa: E402

# The sizes the site is checked at: a laptop and a phone.
WIDE = {"width": 1280, "height": 720}
NARROW = {"width": 390, "height": 844}

# Storage that throws, as in a locked-down browser: reading window.localStorage itself fails.
BLOCK_STORAGE = ("Object.defineProperty(window, 'localStorage', {configurable: true, get() {"
                 " throw new DOMException('The operation is insecure.', 'SecurityError'); }});")


def text_of(markdown: str) -> str:
    """What a reader sees of a data field: the Markdown subset rendered, tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", str(inline(markdown)))).split())


def seen(locator) -> str:
    return " ".join(locator.inner_text().split())


@pytest.fixture(scope="module")
def module(content):
    """The first module that has every kind of question."""
    for m in content.modules.values():
        if {q.type for q in m.questions} >= {"single", "multiple", "true-false", "classify"}:
            return m
    pytest.fail("no module has a single, a multiple, a true-false and a classify question")


def module_url(server, module_id: str) -> str:
    return server.url(f"learn/{module_id}/index.html")


# --- keyboard helpers: Tab to a control, then arrows, Space and Enter, as a keyboard user would ---------------

def focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Tab (or Shift+Tab, if the control comes earlier in the page) until the control has the focus."""
    backwards = page.evaluate("""s => {
        const target = document.querySelector(s), at = document.activeElement;
        return !!(target && at && at !== document.body
                  && (target.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING));
    }""", selector)
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {selector}")


def choose_radio(page, input_id: str) -> None:
    name = page.evaluate("id => document.getElementById(id).name", input_id)
    tab_to(page, f'input[name="{name}"]')
    for _ in range(12):
        if focused(page, f"#{input_id}"):
            if not page.evaluate("id => document.getElementById(id).checked", input_id):
                page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("id => document.getElementById(id).checked", input_id), input_id


def tick(page, input_id: str) -> None:
    tab_to(page, f"#{input_id}")
    page.keyboard.press("Space")
    assert page.evaluate("id => document.getElementById(id).checked", input_id), input_id


def choose_option(page, select_id: str, value: str) -> None:
    tab_to(page, f"#{select_id}")
    for _ in range(12):
        if page.evaluate("id => document.getElementById(id).value", select_id) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {value} in #{select_id}")


def press_check(page, question_id: str) -> None:
    tab_to(page, f"#q-{question_id} .learn-check button")
    page.keyboard.press("Enter")
    page.wait_for_function("id => document.querySelector('#q-' + id + ' [data-learn-feedback]').textContent.trim()",
                           arg=question_id)


def feedback(page, question_id: str):
    return page.locator(f"#q-{question_id} [data-learn-feedback]")


def answer_rightly(page, q) -> None:
    key = f"q-{q.id}"
    if q.type == "single":
        choose_radio(page, f"{key}-{[o.correct for o in q.options].index(True) + 1}")
    elif q.type == "multiple":
        for n, option in enumerate(q.options, 1):
            if option.correct:
                tick(page, f"{key}-{n}")
    elif q.type == "true-false":
        choose_radio(page, f"{key}-{'true' if q.answer else 'false'}")
        choose_radio(page, f"{key}-{[o.correct for o in q.options].index(True) + 1}")
    else:
        for n, item in enumerate(q.items, 1):
            choose_option(page, f"{key}-{n}", item.answer)
    press_check(page, q.id)


def axe_clean(page, where: str) -> list[str]:
    move_mouse_away(page)
    return axe_violations(page, where)


# --- the whole module, by keyboard ----------------------------------------------------------------------------

def test_a_whole_module_by_keyboard_with_saved_progress_log_print_and_reset(open_page, server, module, content):
    probe = open_page(module_url(server, module.id))
    page = probe.page
    total = len(module.questions)
    progress = page.locator(f'[data-learn-module="{module.id}"] [data-learn-progress]')
    assert seen(progress) == f"0 of {total} questions answered correctly"
    assert page.locator(".learn-check button").count() == total
    assert page.locator("[data-learn-storage-note]").first.is_hidden()

    # A single-answer question answered wrongly: the feedback says why, with its links, and it can be retried.
    single = next(q for q in module.questions if q.type == "single")
    wrong = next(n for n, o in enumerate(single.options, 1) if not o.correct)
    choose_radio(page, f"q-{single.id}-{wrong}")
    press_check(page, single.id)
    box = feedback(page, single.id)
    assert box.get_attribute("role") == "status"
    assert seen(box).startswith("Not quite."), seen(box)
    assert "Not right" not in seen(box), "the verdict is said once, in the heading"
    assert text_of(single.options[wrong - 1].feedback) in seen(box)
    hrefs = box.locator("a").evaluate_all("l => l.map(a => a.getAttribute('href'))")
    assert any(h.startswith("../../") and single.see.page in h for h in hrefs), hrefs
    assert any("sources/#" in h for h in hrefs) and not [h for h in hrefs if h.startswith("/")], hrefs
    assert seen(progress) == f"0 of {total} questions answered correctly"
    answer_rightly(page, single)
    assert seen(box).startswith("Right."), seen(box)
    assert "Right:" not in seen(box), "the verdict is said once, in the heading"
    assert text_of(single.correct[0].feedback) in seen(box)

    # Every other question: multiple choice, true-false with its reason, classify with selects.
    for q in module.questions:
        if q is single:
            continue
        answer_rightly(page, q)
        assert seen(feedback(page, q.id)).startswith("Right."), (q.id, seen(feedback(page, q.id)))
        assert "Right:" not in seen(feedback(page, q.id)) and "That is right" not in seen(feedback(page, q.id))
    assert seen(progress) == f"{total} of {total} questions answered correctly"

    # A reflection, typed.
    prompt = module.reflection[0]
    tab_to(page, f"#r-{prompt.id}")
    page.keyboard.type("I would ask the people who use the service.")

    # Reload: the answers, their feedback and the reflection are still there.
    page.reload(wait_until="load")
    assert seen(progress) == f"{total} of {total} questions answered correctly"
    assert page.locator(f"#r-{prompt.id}").input_value() == "I would ask the people who use the service."
    assert seen(feedback(page, single.id)).startswith("Right.")
    assert page.locator(f"#q-{single.id} input:checked").count() == 1
    stored = page.evaluate("() => Object.keys(localStorage)")
    ours = [k for k in stored if not k.startswith(server.base_path + ".__")]  # material's own keys aside
    assert ours == [KEY], stored
    assert page.evaluate("() => document.cookie") == ""

    # The learning log gathers them, with a typed name and today's date.
    page.goto(server.url("learn/log/index.html"), wait_until="load")
    assert page.locator("[data-learn-log-fallback]").is_hidden()
    tab_to(page, "#learn-log-name")
    page.keyboard.type("Sam Student")
    section = page.locator(f'[data-learn-log-module="{module.id}"]')
    assert seen(section.locator("[data-learn-log-score]")).startswith(f"{total} of {total} questions answered correctly")
    assert seen(section.locator(f'[data-learn-log-reflection="{prompt.id}"]')) == "I would ask the people who use the service."
    assert module.title in seen(section.locator("h2"))
    meta = page.locator("[data-learn-log-meta]")
    assert "Sam Student" in seen(meta)
    iso = page.evaluate("() => new Date().toISOString().slice(0, 10)")
    assert meta.locator("time").get_attribute("datetime") == iso
    other = next(m for m in content.modules.values() if m.id != module.id)
    assert seen(page.locator(f'[data-learn-log-module="{other.id}"] [data-learn-log-score]')).startswith("0 of")
    assert page.locator("[data-learn-print]").is_visible()

    # Printed: the summary and the date, and no header, navigation, sidebars, footer or buttons.
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-tabs"):
        assert page.locator(chrome).count() == 0 or page.locator(chrome).first.is_hidden(), chrome
    visible_buttons = page.locator("button:visible")
    assert visible_buttons.count() == 0, visible_buttons.evaluate_all("l => l.map(b => b.outerHTML)")
    assert meta.locator("time").is_visible() and section.is_visible()
    page.emulate_media(media="screen")

    # Reset, with its confirm step, by keyboard.
    tab_to(page, "[data-learn-log] [data-learn-reset-start]")
    page.keyboard.press("Enter")
    assert focused(page, "[data-learn-reset-yes]")
    page.keyboard.press("Escape")  # changing one's mind keeps everything
    assert focused(page, "[data-learn-reset-start]") and page.evaluate("k => !!localStorage.getItem(k)", KEY)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # "Yes, clear my progress"
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None
    assert seen(page.locator("[data-learn-log] [data-learn-reset-status]")) == "Your progress has been cleared."
    assert seen(section.locator("[data-learn-log-score]")).startswith(f"0 of {total}")
    assert seen(section.locator(f'[data-learn-log-reflection="{prompt.id}"]')) == "No answer yet."
    page.goto(module_url(server, module.id), wait_until="load")
    assert seen(progress) == f"0 of {total} questions answered correctly"
    assert page.locator(f"#r-{prompt.id}").input_value() == ""
    assert page.locator(f'[data-learn-module="{module.id}"] input:checked').count() == 0
    assert not probe.problems(), probe.problems()


def test_reset_on_a_module_page_clears_everything(open_page, server, module):
    page = open_page(module_url(server, module.id)).page
    answer_rightly(page, module.questions[0])
    page.locator(f"#r-{module.reflection[0].id}").fill("A thought.")
    reset = page.locator(f'[data-learn-module="{module.id}"] [data-learn-reset]')
    reset.get_by_role("button", name="Reset my progress").click()
    reset.get_by_role("button", name="No, keep it").click()
    assert page.evaluate("k => !!localStorage.getItem(k)", KEY)
    reset.get_by_role("button", name="Reset my progress").click()
    reset.get_by_role("button", name="Yes, clear my progress").click()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None
    assert seen(feedback(page, module.questions[0].id)) == ""
    assert page.locator(f"#r-{module.reflection[0].id}").input_value() == ""


# --- accessibility in each state: desktop and phone, light and dark ------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280x720", "390x844"])
def test_no_axe_violations_in_any_state(open_page, server, module, viewport, scheme):
    page = open_page(module_url(server, module.id), viewport=viewport, color_scheme=scheme).page
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
    failures = axe_clean(page, "unanswered")
    for q in module.questions:  # every question checked with nothing chosen: each shows its error
        page.locator(f"#q-{q.id} .learn-check button").click()
    assert page.locator(".learn-error-message").count() == len(module.questions)
    failures += axe_clean(page, "missing-answer errors")
    single = next(q for q in module.questions if q.type == "single")
    wrong = next(n for n, o in enumerate(single.options, 1) if not o.correct)
    page.locator(f"#q-{single.id}-{wrong}").check()
    page.locator(f"#q-{single.id} .learn-check button").click()
    page.locator(f"#q-{single.id} details").evaluate("d => d.open = true")
    failures += axe_clean(page, "wrong feedback, answer shown")
    for q in module.questions:
        answer_rightly(page, q)
    page.locator(f"#r-{module.reflection[0].id}").fill("Notes")
    page.locator(f'[data-learn-module="{module.id}"] [data-learn-reset-start]').click()
    failures += axe_clean(page, "right feedback, reset confirm open")
    page.goto(server.url("learn/log/index.html"), wait_until="load")
    failures += axe_clean(page, "learning log")
    page.goto(server.url("learn/index.html"), wait_until="load")
    failures += axe_clean(page, "course overview")
    assert not failures, "\n".join(failures)


# --- "Show the answer": after a first try with JavaScript, from the start without it ----------------------------------

def test_the_answer_opens_only_after_a_first_try(open_page, server, module):
    probe = open_page(module_url(server, module.id))
    page = probe.page
    single = next(q for q in module.questions if q.type == "single")
    other = next(q for q in module.questions if q is not single)
    box = page.locator(f"#q-{single.id}")
    answer, locked = box.locator("details[data-learn-answer]"), box.locator("[data-learn-answer-locked]")
    assert answer.is_hidden() and locked.is_visible(), "before any try, the answer is not offered"
    assert seen(locked) == "Check an answer first. Then you can see the full answer here."
    assert page.get_by_text("Show the answer").filter(visible=True).count() == 0

    box.get_by_role("button", name="Check answer").click()  # nothing chosen: not a try
    assert "Choose an answer" in seen(box.locator(".learn-error-message"))
    assert seen(feedback(page, single.id)) == ""
    assert answer.is_hidden() and locked.is_visible()

    wrong = next(n for n, o in enumerate(single.options, 1) if not o.correct)
    choose_radio(page, f"q-{single.id}-{wrong}")
    press_check(page, single.id)  # a wrong answer is a try too
    assert answer.is_visible() and locked.is_hidden()
    tab_to(page, f"#q-{single.id} details[data-learn-answer] summary")
    page.keyboard.press("Enter")
    assert answer.evaluate("d => d.open")
    assert text_of(single.correct[0].text) in seen(answer)
    assert page.locator(f"#q-{other.id} details[data-learn-answer]").is_hidden(), "each question opens on its own"

    page.reload(wait_until="load")  # the try is saved, so the answer stays on offer
    assert answer.is_visible() and locked.is_hidden() and not answer.evaluate("d => d.open")
    assert page.locator(f"#q-{other.id} details[data-learn-answer]").is_hidden()

    reset = page.locator(f'[data-learn-module="{module.id}"] [data-learn-reset]')
    reset.get_by_role("button", name="Reset my progress").click()
    reset.get_by_role("button", name="Yes, clear my progress").click()
    assert answer.is_hidden() and locked.is_visible(), "after a reset, the answer waits for a new try"
    assert not probe.problems(), probe.problems()


def test_without_javascript_every_answer_is_in_the_page(browser, server, module):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(module_url(server, module.id))
        assert page.locator(".learn-check button").count() == 0
        assert page.locator("[data-learn-answer-locked]").count() == 0
        details = page.locator(f'[data-learn-module="{module.id}"] details.learn-answer')
        assert details.count() == len(module.questions)
        for n in range(details.count()):
            assert details.nth(n).locator("summary").is_visible(), f"answer {n + 1} is on offer from the start"
        details.first.locator("summary").click()
        assert details.first.locator("a").count() >= 2
        first = module.questions[0]
        right = [text_of(o.text) for o in first.correct] or [text_of(i.text) for i in first.items]
        assert all(r in seen(details.first) for r in right)
        page.goto(server.url("learn/log/index.html"))
        assert "needs JavaScript" in seen(page.locator("[data-learn-log-fallback]"))
    finally:
        context.close()


# --- a missing answer: GOV.UK's error message pattern, by keyboard alone ---------------------------------------

def press_check_expecting_an_error(page, question_id: str) -> None:
    tab_to(page, f"#q-{question_id} .learn-check button")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#q-{question_id} .learn-error-message")


ERROR_STATE = r"""q => {
  const box = document.getElementById(q), fieldset = box.querySelector('.learn-fieldset');
  const error = fieldset.querySelector(':scope > .learn-error-message');
  const prefix = error && error.firstElementChild;
  const options = fieldset.querySelector('.learn-options, .learn-part, .learn-items');
  const hint = fieldset.querySelector(':scope > .learn-hint');
  const r = prefix && prefix.getBoundingClientRect();
  return {
    describedby: (fieldset.getAttribute('aria-describedby') || '').split(' ').filter(Boolean),
    hint: hint.id, error: error && error.id, errors: box.querySelectorAll('.learn-error-message').length,
    text: error && error.textContent.replace(/\s+/g, ' ').trim(),
    prefix: prefix && prefix.textContent, prefixSize: r && [r.width, r.height],
    prefixClipped: prefix && getComputedStyle(prefix).clip !== 'auto',
    beforeOptions: !!error && !!(error.compareDocumentPosition(options) & Node.DOCUMENT_POSITION_FOLLOWING),
    afterHint: !!error && !!(hint.compareDocumentPosition(error) & Node.DOCUMENT_POSITION_FOLLOWING),
    errorClass: fieldset.classList.contains('learn-fieldset--error'),
    border: [getComputedStyle(fieldset).borderLeftWidth, getComputedStyle(fieldset).borderLeftStyle],
    status: box.querySelector('[data-learn-feedback]').textContent.trim(),
  };
}"""


def assert_error_shown(page, question_id: str, message: str) -> None:
    state = page.evaluate(ERROR_STATE, f"q-{question_id}")
    assert state["errors"] == 1, state
    assert state["text"] == f"Error: {message}", state
    assert state["prefix"] == "Error:" and state["prefixClipped"] and max(state["prefixSize"]) <= 1, (
        "the 'Error:' prefix is there for screen readers, hidden from the eye", state)
    assert state["afterHint"] and state["beforeOptions"], ("the message sits after the hint, above the options", state)
    assert state["describedby"] == [state["hint"], state["error"]], state
    assert state["errorClass"] and float(state["border"][0].rstrip("px")) >= 4 and state["border"][1] == "solid", state
    assert state["status"] == "", "the message is in the fieldset, not repeated in the feedback"


def assert_error_gone(page, question_id: str) -> None:
    state = page.evaluate(ERROR_STATE, f"q-{question_id}")
    assert state["errors"] == 0 and not state["errorClass"], state
    assert state["describedby"] == [state["hint"]], state
    assert state["border"][1] == "none" or state["border"][0] == "0px", state


def test_a_missing_answer_shows_an_error_in_its_fieldset_by_keyboard(open_page, server, module):
    probe = open_page(module_url(server, module.id))
    page = probe.page
    for q in module.questions:
        key = f"q-{q.id}"
        press_check_expecting_an_error(page, q.id)
        if q.type == "classify":
            assert_error_shown(page, q.id, "Choose a category for every example, then check your answer.")
            assert focused(page, f"#{key}-1"), "focus moves to the first empty select"
            choose_option(page, f"{key}-1", q.items[0].answer)
            press_check_expecting_an_error(page, q.id)  # one example still has no category
            assert_error_shown(page, q.id, "Choose a category for every example, then check your answer.")
            assert focused(page, f"#{key}-2"), "focus moves to the first select still empty"
        elif q.type == "true-false":
            assert_error_shown(page, q.id, "Say whether the statement is true or false, then check your answer.")
            assert focused(page, f"#{key}-true"), "focus moves to the first option of the missing part"
            choose_radio(page, f"{key}-{'true' if q.answer else 'false'}")
            press_check_expecting_an_error(page, q.id)  # no reason yet
            assert_error_shown(page, q.id, "Choose a reason, then check your answer.")
            assert focused(page, f"#{key}-1"), "focus moves to the first reason"
        else:
            message = "Choose an answer, then check it." if q.type == "single" else "Choose at least one answer, then check it."
            assert_error_shown(page, q.id, message)
            assert focused(page, f"#{key}-1"), "focus moves to the first option"
        answer_rightly(page, q)
        assert_error_gone(page, q.id)
        assert seen(feedback(page, q.id)).startswith("Right.")
    assert not probe.problems(), probe.problems()


def test_reset_removes_a_missing_answer_error(open_page, server, module):
    page = open_page(module_url(server, module.id)).page
    q = module.questions[0]
    page.locator(f"#q-{q.id} .learn-check button").click()
    assert page.locator(f"#q-{q.id} .learn-error-message").count() == 1
    reset = page.locator(f'[data-learn-module="{module.id}"] [data-learn-reset]')
    reset.get_by_role("button", name="Reset my progress").click()
    reset.get_by_role("button", name="Yes, clear my progress").click()
    assert_error_gone(page, q.id)


# --- colours and sizes: "Check answer", the error, "Show the answer" -----------------------------------------

def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _over(top, bottom):
    a = top[3]
    return (*(top[i] * a + bottom[i] * (1 - a) for i in range(3)), 1.0)


def _luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The colours an element shows: its own, and the page behind it (the backgrounds of its ancestors, composed).
COLOURS = r"""([sel, prop]) => {
  const el = document.querySelector(sel), s = getComputedStyle(el);
  const behind = [];
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    behind.push(c);
    if (/^rgb\(/.test(c)) break;
  }
  const root = getComputedStyle(document.body);
  return {fg: s.color, bg: s.backgroundColor, edge: s[prop || 'borderTopColor'], behind: behind,
          primary: root.getPropertyValue('--md-primary-fg-color').trim(),
          accent: root.getPropertyValue('--md-accent-fg-color').trim()};
}"""


def resolve(page, colour: str):
    """A CSS colour (such as a custom property's hex value) as the browser computes it."""
    return _rgba(page.evaluate("c => { const d = document.createElement('i'); d.style.color = c; "
                               "document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }",
                               colour))


def colours(page, selector: str, prop: str = "borderTopColor") -> dict:
    found = page.evaluate(COLOURS, [selector, prop])
    page_bg = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(found["behind"]):
        page_bg = _over(_rgba(layer), page_bg)
    own = _over(_rgba(found["bg"]), page_bg)
    return {"fg": _over(_rgba(found["fg"]), own), "bg": own, "edge": _over(_rgba(found["edge"]), page_bg),
            "page": page_bg, "primary": resolve(page, found["primary"]), "accent": resolve(page, found["accent"])}


def check_answer_colours(page, module) -> list[str]:
    """Problems with "Check answer" at rest, hovered and focused from the keyboard."""
    button = f"#q-{module.questions[0].id} .learn-check button"
    problems = []
    for state in ("at rest", "hovered", "focused"):
        if state == "hovered":
            page.locator(button).hover()
        elif state == "focused":
            move_mouse_away(page)
            tab_to(page, button)
        wait_until_still(page)  # measure the colours a transition ends on
        c = colours(page, button)
        if state != "focused" and c["bg"][:3] != c["primary"][:3] and state == "at rest":
            problems.append(f"{state}: fill {c['bg']} is not the primary colour {c['primary']}")
        if c["bg"][:3] == c["accent"][:3]:
            problems.append(f"{state}: fill {c['bg']} is the accent colour")
        if contrast(c["fg"], c["bg"]) < 4.5:
            problems.append(f"{state}: text {c['fg']} on {c['bg']} is {contrast(c['fg'], c['bg']):.2f}:1")
        if state != "focused" and max(contrast(c["edge"], c["page"]), contrast(c["bg"], c["page"])) < 3:
            problems.append(f"{state}: neither edge {c['edge']} nor fill stands out 3:1 from the page {c['page']}")
    outline = colours(page, button, "outlineColor")["edge"]
    ring = page.evaluate("s => { const c = getComputedStyle(document.querySelector(s)); "
                         "return [c.outlineStyle, c.outlineWidth, c.boxShadow]; }", button)
    focused_bg = colours(page, button)
    shown = [focused_bg["bg"]] + ([outline] if ring[0] != "none" and ring[1] != "0px" else [])
    shown += [_over(_rgba(m), focused_bg["page"]) for m in re.findall(r"rgba?\([^)]*\)", ring[2])]
    if max(contrast(x, focused_bg["page"]) for x in shown) < 3:
        problems.append(f"focused: nothing of the focus style stands out 3:1 from the page: {ring}, {focused_bg}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_check_answer_keeps_the_primary_colour_with_aa_contrast(open_page, server, module, scheme):
    page = open_page(module_url(server, module.id), viewport=WIDE, color_scheme=scheme).page
    assert not check_answer_colours(page, module), check_answer_colours(page, module)


@pytest.fixture(scope="module")
def harbourside(harbourside_site_dir):
    with serve_site(harbourside_site_dir, site_base_path()) as served:
        yield served


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_council_colours_the_course_keeps_its_contrast(browser, harbourside, module, scheme):
    probe = open_page_on(browser, harbourside, module_url(harbourside, module.id), viewport=WIDE, color_scheme=scheme)
    try:
        page = probe.page
        colours_now = colours(page, f"#q-{module.questions[0].id} .learn-check button")
        assert colours_now["primary"][:3] == _rgba("rgb(29, 79, 110)")[:3], "the council's primary reaches the page"
        failures = check_answer_colours(page, module)
        q = module.questions[0]
        page.locator(f"#q-{q.id} .learn-check button").click()
        page.locator(f"#q-{q.id}-1").check()
        page.locator(f"#q-{q.id} .learn-check button").click()
        page.locator(f"#q-{q.id} details").evaluate("d => d.open = true")
        page.locator(f"#q-{module.questions[1].id} .learn-check button").click()  # an error showing too
        move_mouse_away(page)
        # The course only: the whole of each page in council colours is checked in test_council.py.
        failures += axe_violations(page, f"council colours, {scheme}", context=".learn-quiz")
        assert not failures, "\n".join(failures)
    finally:
        probe.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_is_red_with_aa_contrast(open_page, server, module, scheme):
    page = open_page(module_url(server, module.id), viewport=WIDE, color_scheme=scheme).page
    q = module.questions[0]
    page.locator(f"#q-{q.id} .learn-check button").click()
    text = colours(page, f"#q-{q.id} .learn-error-message")
    edge = colours(page, f"#q-{q.id} .learn-fieldset", "borderLeftColor")
    r, g, b, _ = text["fg"]
    assert r > g + 60 and r > b + 60, f"the message is red: {text['fg']}"
    assert edge["edge"][:3] == text["fg"][:3], "the fieldset's edge is the same red"
    assert contrast(text["fg"], text["page"]) >= 4.5, text
    assert contrast(edge["edge"], edge["page"]) >= 3, edge


def test_show_the_answer_is_a_plain_disclosure_in_the_site_colours(open_page, server, module):
    page = open_page(module_url(server, module.id), viewport=WIDE).page
    q = module.questions[0]
    page.locator(f"#q-{q.id}-1").check()
    page.locator(f"#q-{q.id} .learn-check button").click()
    summary = f"#q-{q.id} details.learn-answer > summary"
    look = page.evaluate("""s => {
      const summary = document.querySelector(s), details = summary.parentElement;
      const d = getComputedStyle(details), m = getComputedStyle(summary, '::before');
      return {border: d.borderTopStyle, shadow: d.boxShadow, bg: getComputedStyle(summary).backgroundColor,
              colour: getComputedStyle(summary).color, marker: m.content, mask: m.maskImage || m.webkitMaskImage,
              link: getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()};
    }""", summary)
    # material's "note" admonition: a blue border and shadow, a tinted title bar and a masked pencil icon.
    assert look["border"] == "none" and look["shadow"] == "none", look
    assert _rgba(look["bg"])[3] == 0, look
    assert _rgba(look["colour"])[:3] == resolve(page, look["link"])[:3], "the summary takes the link colour"
    assert look["marker"] == '"\u25b8"' and look["mask"] == "none", "a text triangle, kept in forced colours"
    page.locator(summary).click()
    assert page.evaluate("s => getComputedStyle(document.querySelector(s), '::before').content", summary) == '"\u25be"'


def test_course_controls_are_at_least_44px_on_a_phone(open_page, server, module):
    page = open_page(module_url(server, module.id), viewport=NARROW).page
    q = module.questions[0]
    page.locator(f"#q-{q.id}-1").check()
    page.locator(f"#q-{q.id} .learn-check button").click()
    page.locator(f'[data-learn-module="{module.id}"] [data-learn-reset-start]').click()
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.learn-check button, .learn-reset button, details.learn-answer:not([hidden]) > summary'))
      .filter(el => el.getClientRects().length)
      .map(el => [el.textContent.trim(), el.getBoundingClientRect().width, el.getBoundingClientRect().height])""")
    kinds = {text for text, _, _ in sizes}
    assert {"Check answer", "Show the answer", "Reset my progress", "Yes, clear my progress", "No, keep it"} <= kinds
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert not small, small
    page.goto(server.url("learn/log/index.html"), wait_until="load")
    box = page.locator("[data-learn-print]").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box


# --- storage that throws ---------------------------------------------------------------------------------------

def test_the_quiz_works_when_storage_throws(browser, server, module):
    probe = open_page_on(browser, server, module_url(server, module.id), init_script=BLOCK_STORAGE)
    try:
        page = probe.page
        note = page.locator(f'[data-learn-module="{module.id}"] [data-learn-storage-note]')
        assert note.is_visible() and "will last only while this page is open" in seen(note)
        for q in module.questions:
            answer_rightly(page, q)
            assert seen(feedback(page, q.id)).startswith("Right.")
        total = len(module.questions)
        assert seen(page.locator("[data-learn-progress]").first) == f"{total} of {total} questions answered correctly"
        page.locator("[data-learn-reset-start]").first.click()
        page.locator("[data-learn-reset-yes]").first.click()
        assert seen(page.locator("[data-learn-progress]").first) == f"0 of {total} questions answered correctly"
        learn_errors = [e for e in probe.console_errors if "learn.js" in e]
        assert not learn_errors, learn_errors
    finally:
        probe.close()


# --- the offline bundle, from file:// --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_dir(tmp_path_factory):
    dest = tmp_path_factory.mktemp("learn-offline") / "site"
    result = build_site(dest, config=ROOT / "mkdocs-offline.yml")
    assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return dest


def test_the_quiz_and_log_work_from_file_urls(browser, offline_dir, module):
    context = browser.new_context(viewport=DESKTOP)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda msg: errors.append(_describe_console(msg)) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"uncaught {exc!r}"))
        context.route("**/*", lambda route: route.continue_() if route.request.url.split(":", 1)[0]
                      in ("file", "data", "blob", "about") else route.abort())
        page.goto((offline_dir / "learn" / f"{module.id}.html").as_uri(), wait_until="load")
        for q in module.questions:
            answer_rightly(page, q)
        link = feedback(page, module.questions[0].id).locator("a").first.get_attribute("href")
        assert link.startswith("../") and ".html" in link, link
        page.locator(f"#r-{module.reflection[0].id}").fill("Offline thoughts")
        page.goto((offline_dir / "learn" / "log.html").as_uri(), wait_until="load")
        section = page.locator(f'[data-learn-log-module="{module.id}"]')
        total = len(module.questions)
        assert seen(section.locator("[data-learn-log-score]")).startswith(f"{total} of {total}")
        assert seen(section.locator(f'[data-learn-log-reflection="{module.reflection[0].id}"]')) == "Offline thoughts"
        assert not errors, errors
    finally:
        context.close()
