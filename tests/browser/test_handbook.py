"""The printable handbook (docs/learn/handbook.md), printed to A4 PDF by headless Chromium and read back with pypdf.

Checks what a student gets on paper: a title page with the build date, every module starting on a page of its
own, at most 32 pages, and, so that the page count cannot be met by dropping teaching, every module's summary,
objectives, key points, section headings, questions with all their options, answers with the reason for each,
and reflection prompts. The appendix has the key terms, frameworks, definitions and sources. None of the site's
chrome (navigation, search, buttons, embed and cite controls) or the supervisors' notes is printed.
"""

from __future__ import annotations

import io
import re

import pytest

from tests.browser.conftest import axe_violations, open_page_on, toggle_palette
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

MAX_PAGES = 32
# The nav labels in order, as they would print if the sidebar were left in.
NAV_SEQUENCE = "Home History Definitions Typologies"
CHROME = ["Skip to content", "Search", "Embed this", "Cite this", "Check answer", "Show the answer",
          "Reset my progress", "Table of contents", "Made with", "Material for MkDocs", "Previous",
          "Back to the course overview", "Your learning log", "Print the learning log", "To print this handbook",
          "What you write stays on this device"]
# The supervisors' pages are not part of the student handbook.
FACILITATOR_ONLY = ["Session plan", "For supervisors", "Sort the cards", "Skills swap"]


def words(text: str) -> str:
    """Text with its white space collapsed, and words split at a hyphen at the end of a line joined again."""
    return re.sub(r"(\w-) (?=\w)", r"\1", " ".join(text.split()))


def printed(markdown: str) -> str:
    """What a data string looks like on paper: the Markdown subset reduced to its words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return words(re.sub(r"[*_`]", "", text))


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

    reader = PdfReader(io.BytesIO(pdf))
    # Each page but the first has its number at the foot, which pypdf reads first: take it off.
    pages = [re.sub(rf"^{n} ", "", words(page.extract_text() or ""), count=1) for n, page in enumerate(reader.pages, 1)]
    numbered = [n for n, page in enumerate(reader.pages, 1) if words(page.extract_text() or "").startswith(f"{n} ")]
    assert numbered == list(range(2, len(reader.pages) + 1)), f"pages with their number printed: {numbered}"
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    return pages, problems, sizes


@pytest.fixture(scope="module")
def handbook_text(handbook_pdf) -> str:
    pages, _, _ = handbook_pdf
    return " ".join(pages)


def test_the_handbook_prints_without_errors_or_other_hosts(handbook_pdf):
    _, problems, _ = handbook_pdf
    assert not problems, problems


def test_the_handbook_fits_on_32_a4_pages(handbook_pdf):
    pages, _, sizes = handbook_pdf
    assert sizes == {(596, 843)}, f"not A4 portrait (595 x 842 points): {sizes}"
    # Fewer than 8 would mean the print rules hid part of the course.
    assert 8 <= len(pages) <= MAX_PAGES, f"{len(pages)} pages; the handbook must print on {MAX_PAGES} A4 pages or fewer"
    assert all(pages[1:]), [i + 1 for i, text in enumerate(pages) if not text and i]  # no blank pages


def test_the_title_page_names_the_handbook_and_its_build_date(handbook_pdf):
    pages, _, _ = handbook_pdf
    assert pages[0].startswith("Co-production explained: induction handbook"), pages[0][:200]
    assert re.search(r"Built on \d{1,2} [A-Z][a-z]+ \d{4}", pages[0]), pages[0][:200]
    assert "Module 1:" not in pages[0], "the title page should stand alone"


def test_every_module_and_the_appendix_start_on_a_new_page(handbook_pdf, content):
    pages, _, _ = handbook_pdf
    headings = [words(f"Module {n}: {m.title}") for n, m in enumerate(content.modules.values(), 1)]
    for heading in [*headings, "Appendix: answers and reference"]:
        starts = [i for i, text in enumerate(pages) if text.startswith(heading)]
        assert len(starts) == 1, f"no page (or more than one) starts with {heading!r}"


def test_every_module_prints_its_whole_teaching(handbook_text, content):
    """Summary, objectives, key points, the page's own section headings, every question with its options, and
    the reflection prompts: the count of pages cannot be met by leaving any of them out."""
    from macros.components.handbook.render import module_prose

    for module in content.modules.values():
        prose = module_prose((ROOT / "docs" / "learn" / f"{module.id}.md").read_text(encoding="utf-8"), module.id)
        expected = {"summary": [module.summary], "objective": module.objectives, "key point": module.key_points,
                    "section": re.findall(r"^#+ (.+?)(?: \{[^}]*\})?$", prose, re.M),
                    "reflection prompt": [r.prompt for r in module.reflection]}
        for question in module.questions:
            expected[f"question {question.id}"] = [question.prompt, *(o.text for o in question.options),
                                                   *(i.text for i in question.items)]
        assert expected["section"], f"{module.id}: no section headings found in its page"
        missing = [f"{kind}: {text[:70]}" for kind, texts in expected.items() for text in texts
                   if printed(text) not in handbook_text]
        assert not missing, f"{module.id}: not printed:\n" + "\n".join(missing)


def test_every_answer_prints_with_the_reason_for_each_option(handbook_pdf, content):
    pages, _, _ = handbook_pdf
    appendix_starts = next(i for i, text in enumerate(pages) if text.startswith("Appendix: answers and reference"))
    appendix = " ".join(pages[appendix_starts:])
    for module in content.modules.values():
        for question in module.questions:
            reasons = [o.feedback for o in question.options] + [i.feedback for i in question.items]
            missing = [r[:70] for r in reasons if printed(r) not in appendix]
            assert not missing, f"{question.id}: the appendix lacks the feedback {missing}"
            if question.type == "classify":
                names = {c.ref: c.name for c in content.typologies[question.scale].categories}
                for letter, item in zip("abcdefghij", question.items):
                    assert words(f"{letter}. {names[item.answer]}.") in appendix, (question.id, item.text)


def test_the_appendix_is_concise_and_has_the_key_terms_frameworks_definitions_and_sources(handbook_pdf, content):
    from macros.components.handbook.render import first_sentence, frameworks_used, sources_cited, terms_used

    pages, _, _ = handbook_pdf
    appendix_starts = next(i for i, text in enumerate(pages) if text.startswith("Appendix: answers and reference"))
    appendix = " ".join(pages[appendix_starts:])
    # The answers take some pages; the reference parts after them stay short.
    reference_starts = next(i for i, text in enumerate(pages) if "Key terms" in text and i >= appendix_starts)
    assert len(pages) - reference_starts <= 6, f"the reference parts take {len(pages) - reference_starts} pages"
    module_pages = {m: (ROOT / "docs" / "learn" / f"{m}.md").read_text(encoding="utf-8") for m in content.modules}
    terms = terms_used(content, module_pages)
    assert len(terms) >= 10, [t.term for t in terms]
    for term in terms:
        assert printed(f"{term.term}: {first_sentence(term.definition)}") in appendix, term.term
    for typology in frameworks_used(content, module_pages):
        assert words(typology.name) in appendix, typology.name
        for category in typology.categories:
            assert printed(f"{category.name}: {category.description}") in appendix, category.ref
    for definition in content.definitions.values():
        assert printed(f"{definition.label}. {definition.gloss}") in appendix, definition.id
    sources = appendix[appendix.rindex("Every source this handbook cites"):]
    for source in sources_cited(content, module_pages):
        assert words(source.title) in sources, source.id


def test_no_site_chrome_or_supervisor_notes_in_print(handbook_text):
    found = [c for c in CHROME + FACILITATOR_ONLY if c in handbook_text]
    assert NAV_SEQUENCE not in handbook_text
    assert not found, f"printed but should not be: {found}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_handbook_on_screen_has_no_axe_violations(open_page, server, scheme):
    probe = open_page(server.url("learn/handbook/index.html"))
    toggle_palette(probe.page, scheme)
    assert not axe_violations(probe.page, f"learn/handbook/ [{scheme}]")
    assert not probe.problems(), probe.problems()
