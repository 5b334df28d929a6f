"""The self-assessment (docs/self-assessment.md, components/self_assessment): a complete worksheet without
JavaScript; with it, answers by keyboard, kept under one key, results that match a hand-worked example,
a reset with a confirm step, storage blocked, and axe in every state at 1280x720 and 390x844."""

import json

import pytest

from tests.browser.conftest import DESKTOP_720, PHONE_390, axe_violations, open_page_on, wait_until_still
from tests.browser.test_storage_blocked import BLOCK_STORAGE

pytestmark = pytest.mark.browser

PAGE = "self-assessment/index.html"
KEY = "coproduction-explainer:self-assessment:v1"

# A team's answers, worked out by hand below (features in the framework's order).
ANSWERS = {
    # People as assets: 4, 5, don't know -> 4.5
    "ask-what-people-offer": "4", "real-roles": "5", "talk-about-strengths": "dont-know",
    # Breaking down barriers: 2, 1, 3 -> 2.0
    "choose-and-train-staff": "2", "plan-as-equals": "1", "share-decisions": "3",
    # Building on capabilities: 3, 4 -> 3.5
    "start-from-what-people-can-do": "3", "grow-skills": "4",
    # Reciprocity and mutuality: 5, 4, 3 -> 4.0
    "something-back": "5", "help-each-other": "4", "shared-goals": "3",
    # Peer and personal networks: 2, don't know -> 2.0
    "peer-support": "2", "family-and-friends": "dont-know",
    # Agents for change: 3, 3, 4 -> 3.33
    "act-beyond-the-service": "3", "change-how-we-work": "3", "outcomes-people-value": "4",
}
# The project: (4.5 + 2.0 + 3.5 + 4.0 + 2.0 + 3.33) / 6 = 3.22: at least 3, below 4, so Intermediate.
SCORES = ["4.5 out of 5", "2.0 out of 5", "3.5 out of 5", "4.0 out of 5", "2.0 out of 5", "3.3 out of 5"]
ANSWERED = ["3 of 3 (1 don't know)", "3 of 3", "2 of 2", "3 of 3", "2 of 2 (1 don't know)", "3 of 3"]
STRENGTHS = ["ask-what-people-offer", "real-roles", "grow-skills", "something-back", "help-each-other",
             "outcomes-people-value"]
STEPS = ["choose-and-train-staff", "plan-as-equals", "peer-support"]


def _answer(page, answers: dict) -> None:
    for statement, value in answers.items():
        page.check(f"#sa-{statement}-{value}")


def _results(page) -> dict:
    return page.evaluate("""() => ({
        scores: [...document.querySelectorAll('[data-sa-score]')].map(e => e.textContent),
        answered: [...document.querySelectorAll('[data-sa-answered]')].map(e => e.textContent),
        level: document.querySelector('[data-sa-level]').textContent,
        strengths: [...document.querySelectorAll('[data-sa-strengths] a')].map(a => a.hash.slice(6)),
        steps: [...document.querySelectorAll('[data-sa-steps] a[href^="#sa-q-"]')].map(a => a.hash.slice(6)),
        progress: document.querySelector('[data-sa-progress]').textContent,
    })""")


def test_without_javascript_it_is_a_complete_worksheet(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP_720)
    try:
        page = context.new_page()
        page.goto(server.url(PAGE))
        features = page.locator("fieldset.sa-feature")
        assert features.count() == 6
        assert features.first.locator("legend").first.inner_text() == "People as assets"
        # A list at the top leads to each feature, in order: on a phone the page is long.
        hrefs = page.locator(".sa-contents a").evaluate_all("links => links.map(a => a.hash)")
        assert hrefs == ["#" + features.nth(i).get_attribute("id") for i in range(6)]
        groups = page.locator("fieldset.sa-statement")
        assert groups.count() == len(ANSWERS)
        for i in range(groups.count()):
            radios = groups.nth(i).locator("input[type=radio]")
            assert radios.count() == 6  # 1 to 5, and don't know
            assert len({radios.nth(j).get_attribute("name") for j in range(6)}) == 1
            for j in range(6):  # every radio has a visible label
                assert page.locator(f"label[for='{radios.nth(j).get_attribute('id')}']").is_visible()
        # Each statement says what to try, and the results need the script, so they are not shown.
        assert page.locator("details.sa-next").count() == len(ANSWERS)
        assert not page.locator("[data-sa-results]").is_visible()
        assert "average of the six features" in page.locator("#sa-rule").inner_text()
    finally:
        context.close()


def test_the_results_match_a_worked_example_and_are_kept(open_page, server):
    probe = open_page(server.url(PAGE), viewport=DESKTOP_720)
    page = probe.page
    _answer(page, ANSWERS)
    results = _results(page)
    assert results["scores"] == SCORES
    assert results["answered"] == ANSWERED
    assert results["level"] == "Intermediate: a project score of 3.2 out of 5."
    assert results["strengths"] == STRENGTHS
    assert results["steps"] == STEPS
    assert results["progress"] == "16 of 16 statements answered. Level: Intermediate."
    # Each next step carries what to try, from the statement.
    first_step = page.locator("[data-sa-steps] li").first.inner_text()
    assert "Invite people who use the service to help plan" in first_step
    # One key, holding exactly the answers given.
    stored = json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))
    assert stored == {"v": 1, "answers": ANSWERS}
    ours = [k for k in page.evaluate("Object.keys(localStorage)") if not k.endswith(".__palette")]  # material's theme
    assert ours == [KEY]
    page.reload()
    assert _results(page)["scores"] == SCORES
    assert page.is_checked("#sa-real-roles-5")
    assert not probe.problems(), probe.problems()


@pytest.mark.parametrize("answers, level", [
    # Every feature high but one below 3: the average is 4.5, yet it is not transformative.
    ({**{k: "5" for k in ANSWERS}, "choose-and-train-staff": "2", "plan-as-equals": "2", "share-decisions": "2"},
     "Intermediate: a project score of 4.5 out of 5."),
    ({k: "5" for k in ANSWERS} | {"grow-skills": "3"}, "Transformative: a project score of 4.8 out of 5."),
    ({k: "2" for k in ANSWERS}, "Descriptive: a project score of 2.0 out of 5."),
])
def test_the_level_follows_the_rule_on_the_page(open_page, server, answers, level):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    _answer(page, answers)
    assert _results(page)["level"] == level


def test_no_level_until_every_feature_has_a_score(open_page, server):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    _answer(page, {"ask-what-people-offer": "4", "peer-support": "dont-know"})
    results = _results(page)
    assert results["level"].startswith("Answer at least one statement under every key feature")
    assert results["scores"][0] == "4.0 out of 5" and results["scores"][4] == "Not answered"


def test_answering_by_keyboard_alone(open_page, server):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    page.locator("#sa-ask-what-people-offer-1").focus()
    page.keyboard.press("Space")  # the first answer
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # arrows move along the group and choose: 4
    assert page.is_checked("#sa-ask-what-people-offer-4")
    page.keyboard.press("Tab")  # to "What to try if this is low"
    page.keyboard.press("Enter")
    assert page.locator("#sa-q-ask-what-people-offer details").get_attribute("open") is not None
    page.keyboard.press("Enter")  # and closed again
    page.keyboard.press("Tab")  # into the next statement's group
    page.keyboard.press("Space")
    assert page.is_checked("#sa-real-roles-1")
    assert _results(page)["answered"][0] == "2 of 3"


def test_reset_asks_first_then_clears_everything(open_page, server):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    _answer(page, ANSWERS)
    page.click("[data-sa-reset-start]")
    assert page.locator("[data-sa-reset-confirm]").is_visible()
    page.click("[data-sa-reset-no]")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is not None
    page.click("[data-sa-reset-start]")
    page.click("[data-sa-reset-yes]")
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None
    assert page.locator("input[type=radio]:checked").count() == 0
    assert _results(page)["scores"] == ["Not answered"] * 6
    assert page.locator("[data-sa-reset-status]").inner_text() == "Your answers are cleared."


def test_tampered_storage_is_ignored(browser, server):
    bad = json.dumps({"v": 1, "answers": {"real-roles": "9", "ask-what-people-offer": "<b>4</b>", "nope": "3",
                                          "grow-skills": "3"}})
    probe = open_page_on(browser, server, server.url(PAGE), viewport=DESKTOP_720,
                         init_script=f"localStorage.setItem({KEY!r}, {bad!r})")
    try:
        page = probe.page
        assert page.locator("input[type=radio]:checked").count() == 1
        assert page.is_checked("#sa-grow-skills-3")
        assert not probe.problems(), probe.problems()
    finally:
        probe.close()


def test_with_storage_blocked_it_still_works_and_says_so(browser, server):
    probe = open_page_on(browser, server, server.url(PAGE), viewport=DESKTOP_720, init_script=BLOCK_STORAGE)
    try:
        page = probe.page
        assert page.locator("[data-sa-storage-note]").is_visible()
        _answer(page, ANSWERS)
        assert _results(page)["scores"] == SCORES
        assert not probe.problems(), probe.problems()
    finally:
        probe.close()


@pytest.mark.parametrize("viewport", [DESKTOP_720, PHONE_390], ids=["1280", "390"])
def test_axe_in_every_state(browser, server, viewport):
    def axe(page, where):  # from the top: the sticky header covers whatever is under it when scrolled
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_function("() => !document.querySelector('.md-header__title--active')")
        wait_until_still(page)  # the header's title fades back
        return axe_violations(page, where)

    failures = []
    for state, script in (("empty", None), ("storage blocked", BLOCK_STORAGE)):
        probe = open_page_on(browser, server, server.url(PAGE), viewport=viewport, init_script=script)
        page = probe.page
        failures += axe(page, f"{state} {viewport['width']}")
        if state == "empty":
            _answer(page, dict(list(ANSWERS.items())[:4]))
            failures += axe(page, f"partly answered {viewport['width']}")
            _answer(page, ANSWERS)
            page.locator("#sa-results-title").scroll_into_view_if_needed()
            failures += axe(page, f"results {viewport['width']}")
            page.fill("[data-sa-team-links]", "\n".join(_link(server, p) for p in PEOPLE))
            page.click("[data-sa-team-show]")
            failures += axe(page, f"team view {viewport['width']}")
            page.fill("[data-sa-team-links]", "not a link")
            page.click("[data-sa-team-show]")
            failures += axe(page, f"team error {viewport['width']}")
            page.click("[data-sa-reset-start]")
            failures += axe(page, f"reset confirm {viewport['width']}")
        probe.close()
    assert not failures, "\n".join(failures)


def test_nothing_overflows_at_320_px(browser, server):
    probe = open_page_on(browser, server, server.url(PAGE), viewport={"width": 320, "height": 640})
    try:
        page = probe.page
        _answer(page, ANSWERS)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        probe.close()


# --- Team mode: links and files, never a server --------------------------------------------------------------

PEOPLE = [
    {"ask-what-people-offer": "2", "real-roles": "3", "peer-support": "dont-know"},
    {"ask-what-people-offer": "4", "real-roles": "5", "peer-support": "1"},
    {"ask-what-people-offer": "5", "real-roles": "dont-know"},
]


def _link(server, answers: dict) -> str:
    return server.url(PAGE) + "#sa-answers=" + ",".join(f"{k}:{v}" for k, v in answers.items())


def _spread(page) -> dict:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-sa-team-rows] tr')]
        .map(tr => [tr.querySelector('th').textContent, [...tr.querySelectorAll('td')].map(td => td.textContent)]))""")


def _statement_text(page, statement_id: str) -> str:
    return page.locator(f"#sa-q-{statement_id} > legend").inner_text().strip()


def test_a_team_of_three_sees_the_spread_per_statement(open_page, server):
    probe = open_page(server.url(PAGE), viewport=DESKTOP_720)
    page = probe.page
    page.fill("[data-sa-team-links]", "\n".join(_link(server, p) for p in PEOPLE))
    page.click("[data-sa-team-show]")
    spread = _spread(page)
    # Lowest, middle, highest and how many answered, worked out by hand.
    assert spread[_statement_text(page, "ask-what-people-offer")] == ["2", "4", "5", "3 of 3"]
    assert spread[_statement_text(page, "real-roles")] == ["3", "4", "5", "2 of 3 (1 don't know)"]
    assert spread[_statement_text(page, "peer-support")] == ["1", "1", "1", "1 of 3 (1 don't know)"]
    assert spread[_statement_text(page, "grow-skills")] == ["-", "-", "-", "0 of 3"]
    assert page.locator("[data-sa-team-caption]").inner_text() == "The answers of 3 people to each statement"
    assert page.locator("input[type=radio]:checked").count() == 0  # the reader's own answers are untouched
    assert not probe.problems(), probe.problems()  # and nothing was requested from another host


def test_export_and_import_round_trip_by_link_and_by_file(open_page, server, tmp_path):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    _answer(page, ANSWERS)
    page.click("[data-sa-team-mine]")
    link = page.input_value("[data-sa-team-links]")
    assert link.startswith(server.url(PAGE) + "#sa-answers=")
    with page.expect_download() as download:
        page.click("[data-sa-save-file]")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text()) == {"tool": "coproduction-explainer self-assessment", "v": 1, "answers": ANSWERS}
    # The file and the link give the same answers back: two identical people.
    page.set_input_files("[data-sa-team-files]", str(saved))
    page.click("[data-sa-team-show]")
    page.locator("[data-sa-team-result]").wait_for()  # files are read after the click, not during it
    spread = _spread(page)
    assert spread[_statement_text(page, "plan-as-equals")] == ["1", "1", "1", "2 of 2"]
    assert spread[_statement_text(page, "talk-about-strengths")] == ["-", "-", "-", "0 of 2 (2 don't know)"]


def test_opening_someones_link_puts_it_in_the_team_box_not_over_my_answers(open_page, server):
    page = open_page(_link(server, PEOPLE[1]), viewport=DESKTOP_720).page
    assert page.input_value("[data-sa-team-links]") == _link(server, PEOPLE[1])
    assert page.locator("[data-sa-fragment-note]").is_visible()
    assert page.locator("input[type=radio]:checked").count() == 0
    # Someone moving their own answers to this browser can take them as theirs.
    page.click("[data-sa-use-link]")
    assert page.is_checked("#sa-real-roles-5") and page.is_checked("#sa-peer-support-1")
    stored = json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))
    assert stored == {"v": 1, "answers": PEOPLE[1]}
    assert page.locator("[data-sa-fragment-note]").inner_text() == "These answers are now yours in this browser."


def test_a_tampered_link_opened_directly_changes_nothing(open_page, server):
    page = open_page(server.url(PAGE) + "#sa-answers=real-roles:7", viewport=DESKTOP_720).page
    page.click("[data-sa-use-link]")
    assert "could not be used" in page.locator("[data-sa-fragment-note]").inner_text()
    assert page.locator("input[type=radio]:checked").count() == 0


@pytest.mark.parametrize("bad, message", [
    ("#sa-answers=real-roles:9", "not on the scale"),
    ("#sa-answers=real-roles:4,real-roles:5", "same statement twice"),
    ("#sa-answers=nope:4", "does not have"),
    ("#sa-answers=real-roles:<b>4</b>", "not on the scale"),
    ("#sa-answers=%E0%A4%A", "not a whole link"),
    ("#sa-answers=", "no answers"),
    ("https://example.org/", "not a link to answers"),
])
def test_bad_input_gives_a_clear_message_and_changes_nothing(open_page, server, bad, message):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    page.fill("[data-sa-team-links]", _link(server, PEOPLE[0]))
    page.click("[data-sa-team-show]")
    before = _spread(page)
    line = bad if bad.startswith("http") else server.url(PAGE) + bad
    page.fill("[data-sa-team-links]", _link(server, PEOPLE[0]) + "\n" + line)
    page.click("[data-sa-team-show]")
    errors = page.locator("[data-sa-team-errors]")
    assert errors.is_visible() and message in errors.inner_text() and "Line 2" in errors.inner_text()
    assert "Nothing was changed" in errors.inner_text()
    assert _spread(page) == before


@pytest.mark.parametrize("content, message", [
    ("not json", "not JSON"),
    (json.dumps({"v": 1, "answers": {"real-roles": "4"}}), "not a file of answers"),
    (json.dumps({"tool": "coproduction-explainer self-assessment", "v": 1, "answers": {"real-roles": 4}}),
     "not on the scale"),
    (json.dumps({"tool": "coproduction-explainer self-assessment", "v": 1, "answers": ["real-roles"]}),
     "not a file of answers"),
])
def test_a_bad_file_gives_a_clear_message_and_changes_nothing(open_page, server, tmp_path, content, message):
    page = open_page(server.url(PAGE), viewport=DESKTOP_720).page
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    page.set_input_files("[data-sa-team-files]", str(bad))
    page.click("[data-sa-team-show]")
    errors = page.locator("[data-sa-team-errors]")
    errors.wait_for()  # files are read after the click, not during it
    assert errors.is_visible() and message in errors.inner_text() and "bad.json" in errors.inner_text()
    assert not page.locator("[data-sa-team-result]").is_visible()


# --- The results report, on paper or as a PDF, and the learning log ---------------------------------------

def _pdf_text(page) -> tuple[str, int]:
    """The page printed to A4 by Chromium, read back with pypdf: its words, and how many pages."""
    import io

    from pypdf import PdfReader

    from tests.browser.test_handbook import words

    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return words(" ".join(p.extract_text() or "" for p in reader.pages)), len(reader.pages)


def _print_report(page) -> None:
    """Press "Print my results" with the browser's print window stubbed out: the page stays marked as a report,
    as it is while the window is open, so that page.pdf() prints what the reader would get."""
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name="Print my results").click()
    assert page.evaluate("window.printed") == 1


def test_the_results_report_prints_the_results_and_every_answer(open_page, server):
    from tests.browser.test_handbook import words

    probe = open_page(server.url(PAGE), viewport=DESKTOP_720)
    page = probe.page
    _answer(page, ANSWERS)
    page.fill("[data-sa-team-links]", "\n".join(_link(server, p) for p in PEOPLE))
    page.click("[data-sa-team-show]")
    _print_report(page)
    text, pages = _pdf_text(page)
    assert pages <= 8, pages  # 6 on A4 with the team's spread; the paper worksheet is 10
    assert "Where does our project stand?" in text and "Self-assessment results, " in text
    assert "16 of 16 statements answered. Level: Intermediate." in text
    assert "Intermediate: a project score of 3.2 out of 5." in text and "our reading of SCIE" in text
    names = page.locator("[data-sa-row] th").all_inner_texts()
    for name, score, answered in zip(names, SCORES, ANSWERED):
        assert f"{name} {score} {answered}" in text, name
    # Strengths and next steps, each next step with what to try and its sources.
    for statement in STRENGTHS + STEPS:
        assert words(_statement_text(page, statement)) in text, statement
    assert "Invite people who use the service to help plan" in text and "Based on " in text
    # Every answer, as its label reads on the worksheet.
    answers = text.split("Each statement and the answer chosen", 1)[1]
    for statement, value in ANSWERS.items():
        label = words(page.locator(f"label[for='sa-{statement}-{value}']").inner_text())
        assert f"{words(_statement_text(page, statement))} {label}" in answers, statement
    # The team's spread, shown before printing, prints too.
    assert "The answers of 3 people to each statement" in text
    # Not the worksheet, the page's own text, the controls or the site's chrome.
    for absent in ("What to try if this is low", "The scale.", "We do not do this yet", "Share your answers",
                   "Copy a link", "Clear my answers", "Print my results", "Links, one per line",
                   "How the level is worked out", "Your answers stay in this browser", "Skip to content",
                   "Embed this", "Search", "Table of contents"):
        assert absent not in text, absent
    assert not probe.problems(), probe.problems()


def test_printing_the_page_itself_gives_the_paper_worksheet(open_page, server):
    probe = open_page(server.url(PAGE), viewport=DESKTOP_720)
    page = probe.page
    _answer(page, ANSWERS)
    text, _ = _pdf_text(page)  # the browser's own print, not "Print my results"
    assert "The scale." in text and all(name in text for name in ("People as assets", "Agents for change"))
    assert "Your results" not in text and "Each statement and the answer chosen" not in text
    # After a report is printed, the page prints as a worksheet again.
    _print_report(page)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    text, _ = _pdf_text(page)
    assert "The scale." in text and "Your results" not in text


def test_a_result_added_to_the_learning_log_shows_there_until_cleared(open_page, server):
    probe = open_page(server.url(PAGE), viewport=DESKTOP_720)
    page = probe.page
    names = page.locator("[data-sa-row] th").all_inner_texts()
    page.get_by_role("button", name="Add this result to my learning log").click()
    assert page.locator("[data-sa-keep-status]").inner_text() == "Answer at least one statement first."
    _answer(page, ANSWERS)
    page.get_by_role("button", name="Add this result to my learning log").click()
    assert page.locator("[data-sa-keep-status]").inner_text() == "This result is added to your learning log."
    stored = json.loads(page.evaluate(f"localStorage.getItem({KEY!r})"))
    assert stored["answers"] == ANSWERS and stored["logged"]["level"] == "Intermediate"
    assert stored["logged"]["project"] == 3.2
    # A later change to the answers does not change the result in the log until it is added again.
    page.check("#sa-plan-as-equals-5")
    page.goto(server.url("learn/log/index.html"))
    log = page.locator("[data-sa-log]")
    assert log.locator("[data-sa-log-meta]").inner_text().endswith("Level: Intermediate, a project score of 3.2 out of 5.")
    rows = log.locator("[data-sa-log-row]")
    assert [rows.nth(i).inner_text().split("\t") for i in range(rows.count())] == [[n, s] for n, s in zip(names, SCORES)]
    assert not log.locator("[data-sa-log-none]").is_visible()
    # It prints with the learning log.
    text, _ = _pdf_text(page)
    assert "Self-assessment Added on " in text and f"{names[0]} {SCORES[0]}" in text
    # Clearing the answers on the self-assessment page takes it out of the log.
    page.goto(server.url(PAGE))
    page.click("[data-sa-reset-start]")
    page.click("[data-sa-reset-yes]")
    page.goto(server.url("learn/log/index.html"))
    assert log.locator("[data-sa-log-none]").is_visible() and not log.locator("[data-sa-log-result]").is_visible()
    assert not probe.problems(), probe.problems()


@pytest.mark.parametrize("logged", [
    '"not an object"', '{"date": "<b>soon</b>", "scores": {}}', '{"date": "2026-12-02"}',
    '{"date": "2026-12-02", "scores": {"scie-features/people-as-assets": "<img src=x>"}, "level": "Top", "project": 9}',
])
def test_a_tampered_log_entry_shows_nothing_it_should_not(browser, server, logged):
    bad = '{"v": 1, "answers": {}, "logged": ' + logged + '}'
    probe = open_page_on(browser, server, server.url("learn/log/index.html"), viewport=DESKTOP_720,
                         init_script=f"localStorage.setItem({KEY!r}, {bad!r})")
    try:
        log = probe.page.locator("[data-sa-log]")
        assert log.locator("img").count() == 0 and "<" not in log.inner_text()
        if log.locator("[data-sa-log-result]").is_visible():  # well-formed enough: unknown values read as missing
            assert "there is no level" in log.inner_text() and "Not answered" in log.inner_text()
        else:
            assert log.locator("[data-sa-log-none]").is_visible()
        assert not probe.problems(), probe.problems()
    finally:
        probe.close()


def test_with_storage_blocked_the_log_button_says_to_print_instead(browser, server):
    probe = open_page_on(browser, server, server.url(PAGE), viewport=DESKTOP_720, init_script=BLOCK_STORAGE)
    try:
        page = probe.page
        _answer(page, ANSWERS)
        page.get_by_role("button", name="Add this result to my learning log").click()
        assert "Print it instead" in page.locator("[data-sa-keep-status]").inner_text()
        page.goto(server.url("learn/log/index.html"))
        assert page.locator("[data-sa-log-none]").is_visible()
        assert not probe.problems(), probe.problems()
    finally:
        probe.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_the_bars_keep_their_length_and_colour(browser, server, scheme):
    """Forced colours paint backgrounds in the page's own colour: the bars would vanish, leaving only the numbers."""
    context = browser.new_context(viewport=PHONE_390, forced_colors="active", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url(PAGE))
        _answer(page, ANSWERS)
        bars = page.evaluate("""() => [...document.querySelectorAll('[data-sa-bar]')].map(bar => ({
            bar: getComputedStyle(bar).backgroundColor, page: getComputedStyle(document.body).backgroundColor,
            track: getComputedStyle(bar.parentElement).borderTopColor, width: bar.getBoundingClientRect().width}))""")
        assert len(bars) == 6
        for bar in bars:
            assert bar["bar"] != bar["page"] and bar["track"] != bar["page"], bar
            assert bar["width"] > 0, bar
    finally:
        context.close()
