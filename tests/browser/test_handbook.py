"""The printable handbook (docs/learn/handbook.md), printed to PDF by headless Chromium and read back with pypdf.

Checks what a student gets on paper: a title page with the build date, every module starting on a page of its
own, the reference parts, a sensible length, and none of the site's chrome (navigation, search, buttons,
embed and cite controls) or the supervisors' notes.
"""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.conftest import open_page_on
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# The nav labels in order, as they would print if the sidebar were left in.
NAV_SEQUENCE = "Home History Definitions Typologies"
CHROME = ["Skip to content", "Search", "Embed this", "Cite this", "Check answer", "Show the answer",
          "Reset my progress", "Table of contents", "Made with", "Material for MkDocs", "Previous",
          "Back to the course overview", "Your learning log", "Print the learning log", "To print this handbook"]
# The supervisors' pages are not part of the student handbook.
FACILITATOR_ONLY = ["Session plan", "For supervisors", "Sort the cards", "Skills swap"]


def words(text: str) -> str:
    """Text with its white space collapsed, and words split at a hyphen at the end of a line joined again."""
    return re.sub(r"(\w-) (?=\w)", r"\1", " ".join(text.split()))


@pytest.fixture(scope="module")
def handbook_pdf(browser, server):
    probe = open_page_on(browser, server, server.url("learn/handbook/index.html"))
    try:
        probe.page.emulate_media(media="print")
        pdf = probe.page.pdf(format="A4", print_background=True)
        problems = probe.problems()
    finally:
        probe.close()
    from pypdf import PdfReader

    pages = [words(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]
    return pages, problems


def test_the_handbook_prints_without_errors_or_other_hosts(handbook_pdf):
    _, problems = handbook_pdf
    assert not problems, problems


def test_the_handbook_has_a_sensible_length(handbook_pdf):
    pages, _ = handbook_pdf
    # Six modules of two or three pages each, and the definitions, typologies and glossary: about 40 A4 pages.
    assert 25 <= len(pages) <= 80, f"{len(pages)} pages"


def test_the_title_page_names_the_handbook_and_its_build_date(handbook_pdf):
    pages, _ = handbook_pdf
    assert pages[0].startswith("Co-production explained: induction handbook"), pages[0][:200]
    assert re.search(r"Built on \d{1,2} [A-Z][a-z]+ \d{4}", pages[0]), pages[0][:200]
    assert "Module 1:" not in pages[0], "the title page should stand alone"


def test_every_module_starts_on_a_new_page(handbook_pdf, content):
    pages, _ = handbook_pdf
    for number, module in enumerate(content.modules.values(), 1):
        heading = words(f"Module {number}: {module.title}")
        starts = [i for i, text in enumerate(pages) if text.startswith(heading)]
        assert len(starts) == 1, f"no page (or more than one) starts with {heading!r}"


def test_the_reference_parts_are_included(handbook_pdf, content):
    pages, _ = handbook_pdf
    for heading in ("Reference: definitions of co-production", "Reference: typologies", "Reference: glossary"):
        assert any(text.startswith(heading) for text in pages), heading
    text = " ".join(pages)
    for record in (*content.definitions.values(), *content.typologies.values()):
        name = getattr(record, "label", None) or record.name
        assert words(name) in text, name
    for term in content.terms.values():
        assert words(term.term) in text, term.term


def test_no_site_chrome_or_supervisor_notes_in_print(handbook_pdf):
    pages, _ = handbook_pdf
    text = " ".join(pages)
    found = [c for c in CHROME + FACILITATOR_ONLY if c in text]
    assert NAV_SEQUENCE not in text
    assert not found, f"printed but should not be: {found}"


def test_each_module_prints_its_own_teaching_text_and_questions(handbook_pdf, content):
    """The whole course, not just its outline: each module page's section headings and its questions."""
    from macros.render.handbook import module_prose

    pages, _ = handbook_pdf
    text = " ".join(pages)
    for module in content.modules.values():
        prose = module_prose((ROOT / "docs" / "learn" / f"{module.id}.md").read_text(encoding="utf-8"), module.id)
        headings = re.findall(r"^#+ (.+)$", prose, re.M)
        assert headings, module.id
        missing = [h for h in headings if words(h) not in text]
        assert not missing, f"{module.id}: the printout lacks the sections {missing}"
        for question in module.questions:
            asked = words(question.prompt or question.statement)
            assert asked[:60] in text, f"{module.id}: question {question.id} is not printed"
