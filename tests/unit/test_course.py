"""The induction course: every validation rule of course.yml, the rendering (complete without JavaScript) and
the reading-time estimate. Uses the small course in tests/fixtures/course.yml, so it does not depend on the
real course's wording."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.components.course import render as course
from macros.components.embeds import render as embeds
from macros.errors import ContentError
from macros.links import Links
from macros.load import load_content
from macros.markup import inline

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "course.yml"


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(FIXTURE, tmp_path / "data" / "course.yml")
    return tmp_path / "data"


@pytest.fixture(scope="module")
def fixture_content(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "data", tmp / "data")
    shutil.copy(FIXTURE, tmp / "data" / "course.yml")
    return load_content(tmp / "data")


def edit(data_dir: Path, old: str, new: str, count: int = 1) -> None:
    path = data_dir / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not found"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(data_dir)
    return [str(p) for p in caught.value.problems]


def line_of(data_dir: Path, needle: str, nth: int = 1) -> int:
    lines = (data_dir / "course.yml").read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if needle in line][nth - 1]


def only(found: list[str]) -> str:
    assert len(found) == 1, "\n".join(found)
    return found[0]


# --- validation ----------------------------------------------------------------------------------------------

def test_the_fixture_and_the_real_course_load(fixture_content, content):
    assert list(fixture_content.modules) == ["what-it-is", "origins"]
    assert [q.type for q in fixture_content.modules["what-it-is"].questions] == ["single", "multiple", "true-false"]
    assert content.modules, "data/course.yml has modules"


def test_a_module_with_no_questions(data):
    text = (data / "course.yml").read_text(encoding="utf-8")
    start = text.index("    questions:\n      - id: origins-1")
    end = text.index("    reflection:\n      - id: origins-r1")
    (data / "course.yml").write_text(text[:start] + "    questions: []\n" + text[end:], encoding="utf-8")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'questions: []')}:")
    assert "module 'origins' field 'questions': needs at least 1 item" in line


def test_a_single_question_with_no_right_answer(data):
    edit(data, "            correct: true\n            feedback: Right, because", "            correct: false\n            feedback: Right, because")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'id: what-it-is-1') + 4}:")  # the first option
    assert "question 'what-it-is-1'" in line and "exactly one option with correct: true; it has 0" in line


def test_a_single_question_with_two_right_answers(data):
    edit(data, "            correct: false\n            feedback: That is consultation", "            correct: true\n            feedback: That is consultation")
    assert "exactly one option with correct: true; it has 2" in only(problems(data))


def test_a_multiple_question_with_no_right_answer(data):
    edit(data, "          - text: Shared power\n            correct: true", "          - text: Shared power\n            correct: false")
    edit(data, "          - text: Reciprocity\n            correct: true", "          - text: Reciprocity\n            correct: false")
    line = only(problems(data))
    assert "question 'what-it-is-2'" in line and "at least one option with correct: true; it has 0" in line


def test_a_true_false_question_without_exactly_one_right_reason(data):
    edit(data, "            correct: false\n            feedback: No, consultation rarely", "            correct: true\n            feedback: No, consultation rarely")
    line = only(problems(data))
    assert line.startswith("data/course.yml:") and "question 'what-it-is-3'" in line
    assert "exactly one reason with correct: true; it has 2" in line


@pytest.mark.parametrize("old,new", [
    ("            feedback: A survey gathers views but shares no power.\n", ""),  # an option
    ("            feedback: No, consultation rarely involves delivery at all.\n", ""),  # a reason
    ("            feedback: Power and the running of the service are shared.\n", ""),  # a classify item
])
def test_an_option_reason_or_item_without_feedback(data, old, new):
    edit(data, old, new)
    line = only(problems(data))
    assert re.match(r"data/course\.yml:\d+:\d+: module '[a-z-]+' field '[a-z.]+': the required field 'feedback' is missing", line), line


def test_duplicate_question_and_reflection_ids(data):
    edit(data, "      - id: what-it-is-2\n", "      - id: what-it-is-1\n")
    edit(data, "      - id: origins-r2\n", "      - id: what-it-is-r1\n")
    found = problems(data)
    assert len(found) == 2, found
    assert any(f"data/course.yml:{line_of(data, '- id: what-it-is-1', 2)}:" in p and
               f"question id 'what-it-is-1' is already used on line {line_of(data, '- id: what-it-is-1')}" in p for p in found)
    assert any("reflection id 'what-it-is-r1' is already used" in p and "module 'origins'" in p for p in found)


def test_unknown_source_ids(data):
    edit(data, "        sources: [seed-nightingale, seed-bussu-2014]", "        sources: [seed-nightingale, seed-busu-2014]")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'seed-busu-2014')}:")
    assert "unknown id 'seed-busu-2014'; did you mean 'seed-bussu-2014'?" in line


def test_unknown_see_page(data):
    edit(data, "        see: {page: glossary, anchor: co-production}", "        see: {page: glosary, anchor: co-production}")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'page: glosary')}:")
    assert "unknown page 'glosary'; did you mean 'glossary'?" in line and "macros/links.py" in line


def test_a_scale_that_is_not_a_typology(data):
    edit(data, "        scale: levels\n", "        scale: ladder\n")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'scale: ladder')}:")
    assert "question 'origins-1': the scale 'ladder' is not a typology" in line


def test_an_answer_outside_the_scale(data):
    edit(data, "            answer: levels/transformative", "            answer: stages/co-design")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'answer: stages/co-design')}:")
    assert "'stages/co-design' is not a category of the scale 'levels'" in line
    assert "levels/descriptive, levels/intermediate, levels/transformative" in line


def test_timings_that_do_not_add_up(data):
    edit(data, "      minutes: 45\n", "      minutes: 50\n")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'minutes: 50')}:")
    assert "the timings add up to 45 minutes (10 + 20 + 15), not 50" in line


def test_a_field_of_another_question_type(data):
    edit(data, "        type: single\n        prompt: Which of these is co-production?",
         "        type: single\n        scale: levels\n        prompt: Which of these is co-production?")
    line = only(problems(data))
    assert "a single question has no 'scale'; it uses prompt, options" in line


def test_a_question_type_without_its_fields(data):
    edit(data, "        statement: Co-production is another word for consultation.\n", "")
    line = only(problems(data))
    assert "module 'what-it-is'" in line and "the required field 'statement' is missing" in line


def test_markup_and_template_syntax_are_refused(data):
    edit(data, "prompt: Which of these is co-production?", "prompt: Which of these is <b>co-production</b>?")
    edit(data, "feedback: A survey gathers views", "feedback: A {{ survey }} gathers views")
    found = problems(data)
    assert any("raw HTML" in p and "'questions.prompt'" in p for p in found), found
    assert any("template syntax" in p for p in found), found


# --- rendering -----------------------------------------------------------------------------------------------

LINKS = Links.for_page("learn/what-it-is/")


def test_questions_are_complete_without_javascript(fixture_content):
    html = course.module_questions("what-it-is", fixture_content, LINKS)
    module = fixture_content.modules["what-it-is"]
    assert html.count("<fieldset") == 5 and html.count("<legend>") == 5  # true-false has two parts
    assert html.count('type="radio"') == 3 + 2 + 2 and html.count('type="checkbox"') == 3
    assert html.count("<summary>Show the answer</summary>") == 3
    for question in module.questions:
        for option in question.options:
            assert inline(option.feedback) in html, option.feedback  # every option's feedback is there
    assert "Right, because both design <em>and</em> deliver it together." in html
    assert "the statement is false" in html
    assert "Check answer" not in html, "the button is added by learn.js"
    assert 'data-learn-reset data-learn-key="coproduction-explainer:learn:v1" hidden' in html


def test_each_question_fieldset_is_described_by_its_hint(fixture_content):
    """The hint is the fieldset's description, as in GOV.UK's fieldset; learn.js adds its error message id."""
    html = course.module_questions("what-it-is", fixture_content, LINKS)
    described = re.findall(r'<fieldset class="learn-fieldset" aria-describedby="([^"]+)">', html)
    hints = re.findall(r'<p class="learn-hint" id="([^"]+)">', html)
    assert len(described) == len(fixture_content.modules["what-it-is"].questions)
    assert described == hints and all(h.endswith("-hint") for h in hints)


def test_classify_has_a_select_per_item_with_the_typology_categories(fixture_content):
    html = course.module_questions("origins", fixture_content, LINKS)
    names = [c.name for c in fixture_content.typologies["levels"].categories]
    assert html.count("<select") == 2 and html.count("<label for=") == 2
    for name in names:
        assert html.count(f">{name}</option>") == 2
    assert "Power and the running of the service are shared." in html
    assert "draggable" not in html


def test_links_are_relative_and_follow_the_site_layout(fixture_content):
    for links, see, source in ((LINKS, '"../../glossary/#co-production"', '"../../sources/#seed-bussu-2014"'),
                               (Links.for_page("learn/what-it-is.html", False), '"../glossary.html#co-production"',
                                '"../sources.html#seed-bussu-2014"')):
        html = course.module_questions("what-it-is", fixture_content, links)
        assert f"href={see}" in html and f"href={source}" in html
        hrefs = re.findall(r'href="([^"]+)"', html)
        assert hrefs and not [h for h in hrefs if h.startswith("/")], hrefs
    nav = course.module_next("what-it-is", fixture_content, LINKS)
    assert 'href="../../learn/origins/"' in nav and 'href="../../learn/log/"' in nav and 'href="../../learn/"' in nav


def test_data_text_is_escaped(fixture_content):
    html = course.module_questions("what-it-is", fixture_content, LINKS)
    assert "<script" not in html
    reflection = course.module_reflection("origins", fixture_content, LINKS)
    assert reflection.count("<textarea") == 2 and reflection.count("<label for=\"r-origins-r") == 2


def test_intro_overview_log_and_facilitator_notes(fixture_content):
    intro = course.module_intro("what-it-is", fixture_content, LINKS)
    assert "By the end of this module you can:" in intro and "About 1 minute to read" in intro and "Module 1 of 2" in intro
    overview = course.course_overview(fixture_content, Links.for_page("learn/"))
    assert overview.count("<li class=\"learn-overview-module\">") == 2 and 'href="../learn/origins/"' in overview
    log = course.learning_log(fixture_content, Links.for_page("learn/log/"))
    assert "Your learning log needs JavaScript" in log and "Which level does your placement work at" in log
    assert log.count("data-learn-log-module=") == 2
    notes = course.facilitator_notes("what-it-is", fixture_content, LINKS)
    assert "## Timings" in notes and "## Discussion questions" in notes and "## Activity: Spot the difference" in notes
    assert "<caption>" in notes and "<tfoot><tr><td>45</td>" in notes


def test_reading_time_counts_the_page_and_the_module_text(fixture_content):
    module = fixture_content.modules["what-it-is"]
    own = course.module_words(module)
    assert 100 < own < 400
    assert course.page_words("---\ntitle: x y z\n---\n# One two\n\n{{ module_intro('a') }} [three](../x.md) <b>four</b>") == 4
    assert course.reading_minutes(module, "") == max(1, -(-own // 200))
    assert course.reading_minutes(module, "word " * (200 * 3)) == -(-(own + 600) // 200)
    assert course.reading_minutes(module, "word " * (200 - own)) == 1  # exactly 200 words: one minute


def test_each_module_gets_a_quiz_embed(fixture_content):
    quizzes = {c.slug: c for c in embeds.components(fixture_content) if c.slug.startswith("quiz-")}
    assert set(quizzes) == {"quiz-what-it-is", "quiz-origins"}
    assert quizzes["quiz-origins"].calls == (("module_questions", ("origins",)), ("module_reflection", ("origins",)))
    assert quizzes["quiz-origins"].page == "learn/origins.md"
    # Given the pages, a module no page shows yet gets no embed (it would have nothing to link back to).
    shown = {c.slug for c in embeds.components(fixture_content, {"learn/origins.md", "index.md"})}
    assert "quiz-origins" in shown and "quiz-what-it-is" not in shown


def test_a_question_is_a_scene_or_recall(data, fixture_content):
    kinds = [q.kind for q in fixture_content.modules["what-it-is"].questions]
    assert kinds == ["scene", "recall", "recall"], "kind: scene is read; a question without kind is recall"
    edit(data, "        kind: scene\n", "        kind: story\n")
    line = only(problems(data))
    assert line.startswith(f"data/course.yml:{line_of(data, 'kind: story')}:"), line
    assert "'story'" in line and "scene" in line and "recall" in line, line


# --- the real course: questions that apply the ideas, and feedback that gives reasons ---------------------------

# The words a page prints before an option's feedback ("Right." or "Not right.") already give the verdict, so
# feedback starts with the reason. These openings would say the verdict a second time.
VERDICT = re.compile(r"^\W*(?:(?:right|correct|incorrect|yes|no|wrong|exactly|true|false|not quite|not right|"
                     r"well done)\s*[.,:;!—–-]|(?:it|that|this) is (?:true|false|right|wrong|correct)\b)", re.I)
# A true-false reason that opens with the verdict gives the answer away before the student has judged it.
GIVES_IT_AWAY = re.compile(r"^\W*(?:true|false|yes|no|right|wrong|correct)\b|^\W*(?:it|that|this)(?: is|'s) "
                           r"(?:true|false)\b", re.I)
# How feedback names its source: each name counts only if the question lists one of its source ids.
SOURCE_NAMES = {
    "SCIE": {"scie-defining-coproduction", "seed-prescott-2014"},
    "Prescott": {"seed-prescott-2014"},
    "Bussu": {"seed-bussu-2014"},
    "Nightingale": {"seed-nightingale"},
    "Cahn": {"cahn-2000", "seed-hcct", "wicc-coproduction-explained", "jrf-outside-paid-employment"},
    "Guardian": {"guardian-2008"},
    "NEF": {"nef-manifesto-2008", "guardian-2008"},
    "WICC": {"wicc-coproduction-explained"},
    "JRF": {"jrf-outside-paid-employment", "valueforpeople-co-production"},
}


def all_feedback(question):
    for choice in question.options:
        yield choice.text, choice.feedback
    for item in question.items:
        yield item.text, item.feedback


def test_at_least_half_of_every_modules_questions_are_placement_scenes(content):
    short = {m.id: f"{sum(q.kind == 'scene' for q in m.questions)} of {len(m.questions)}"
             for m in content.modules.values()
             if sum(q.kind == "scene" for q in m.questions) * 2 < len(m.questions)}
    assert not short, f"modules with fewer than half their questions set in a placement scene: {short}"


def test_no_feedback_says_its_verdict_twice(content):
    twice = [f"{q.id}: {feedback[:50]!r}" for m in content.modules.values() for q in m.questions
             for _, feedback in all_feedback(q) if VERDICT.match(feedback)]
    assert not twice, ("the page already says 'Right.' or 'Not right.' before each reason; start the feedback "
                       "with the reason itself:\n" + "\n".join(twice))


def test_no_true_false_reason_gives_the_answer_away(content):
    telling = [f"{q.id}: {o.text[:50]!r}" for m in content.modules.values() for q in m.questions
               if q.type == "true-false" for o in q.options if GIVES_IT_AWAY.match(o.text)]
    assert not telling, "a reason that opens with the verdict gives the answer away:\n" + "\n".join(telling)


def test_every_feedback_names_one_of_its_questions_sources(content):
    unnamed = []
    for m in content.modules.values():
        for q in m.questions:
            names = [name for name, ids in SOURCE_NAMES.items() if ids & set(q.sources)]
            for text, feedback in all_feedback(q):
                if not any(re.search(rf"\b{name}\b", feedback) for name in names):
                    unnamed.append(f"{q.id}: {text[:40]!r} (could name {', '.join(names) or 'nothing: check sources'})")
    assert not unnamed, "feedback should say whose idea the reason rests on:\n" + "\n".join(unnamed)


@pytest.mark.parametrize("feedback, says_it_twice", [
    ("Right. Ostrom's answer was ...", True), ("Yes, it adds to the service.", True), ("No. Bussu warns ...", True),
    ("Correct: it is SCIE's example.", True), ("Not quite. The Guardian ...", True),
    ("It is false, but not for this reason.", True), ("True: both mean asking.", True),
    ("Bussu says co-production is voluntary.", False), ("None of the sources says this.", False),
    ("Nothing in the story backs this.", False), ("Not every source agrees.", False),
])
def test_the_verdict_check_itself(feedback, says_it_twice):
    assert bool(VERDICT.match(feedback)) is says_it_twice


def test_read_more_names_the_page_by_its_own_title():
    from macros.components.component import Build
    from macros.components.course import page_titles
    from macros.models import Content

    build = Build(Content(), pages={"history.md": '---\ntitle: "History: the long view"\n---\n# History\n',
                                    "glossary.md": "# Glossary\n"})
    assert page_titles(build) == {"history": "History: the long view"}
