"""The printable handbook's renderers: the module prose it reuses and the ids it renames, the worksheet,
the answers, and the appendix of key terms, frameworks and sources."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from macros.components.handbook import render as handbook
from macros.components.handbook.render import ProseNotFound, module_prose, prefix_ids
from macros.markup import md_heading
from macros.site import build_date, long_date
from tests.conftest import ROOT

PAGE = """---
title: "Module 9: Testing"
---

# Testing

{{ module_intro('testing') }}

## First part

Some prose with a [link](../glossary.md#term).

### A detail

{{ definition_list('some-definition') }}

## Check your understanding

{{ module_questions('testing') }}

## Reflect

{{ module_reflection('testing') }}
"""


def test_the_prose_is_what_lies_between_the_intro_and_the_questions_heading():
    prose = module_prose(PAGE, "testing")
    assert prose.startswith("### First part\n\nSome prose")
    assert "#### A detail" in prose and "{{ definition_list('some-definition') }}" in prose
    for left_out in ("# Testing", "module_intro", "Check your understanding", "module_questions", "Reflect", "title:"):
        assert left_out not in prose


def test_a_page_without_the_expected_layout_is_named_in_a_clear_error():
    with pytest.raises(ProseNotFound, match=r"docs/learn/testing\.md: .*module_intro\('testing'\)"):
        module_prose(PAGE.replace("{{ module_intro('testing') }}", ""), "testing")
    with pytest.raises(ProseNotFound):
        module_prose(PAGE, "another-module")


def test_ids_and_references_to_them_get_the_prefix_and_nothing_else_changes():
    html = ('<article id="d" aria-labelledby="d-title elsewhere"><h3 id="d-title">D</h3>'
            '<label for="d-box">x</label><input id="d-box"><a href="#d">here</a> <a href="#other">there</a>'
            ' <a href="../sources/#d">source</a></article>')
    assert prefix_ids(html, "m1") == (
        '<article id="m1--d" aria-labelledby="m1--d-title elsewhere"><h3 id="m1--d-title">D</h3>'
        '<label for="m1--d-box">x</label><input id="m1--d-box"><a href="#m1--d">here</a> <a href="#other">there</a>'
        ' <a href="../sources/#d">source</a></article>')


def test_the_build_date_follows_source_date_epoch():
    assert long_date(build_date({"SOURCE_DATE_EPOCH": "1795000000"})) == "18 November 2026"
    assert long_date(build_date({"SOURCE_DATE_EPOCH": "0"})) == "1 January 1970"


def test_markdown_heading_ids_are_renamed_too():
    markdown = '### SCIE: sharing power { #scie-share-power .definition }\n\n<a href="#scie-share-power">x</a>'
    assert prefix_ids(markdown, "m1") == ('### SCIE: sharing power { #m1--scie-share-power .definition }\n\n'
                                          '<a href="#m1--scie-share-power">x</a>')


# --- The worksheet, the answers and the appendix (render/handbook.py), on the real course data. ---



@pytest.fixture(scope="module")
def module_pages(content):
    return {m: (ROOT / "docs" / "learn" / f"{m}.md").read_text(encoding="utf-8") for m in content.modules}


def test_the_worksheet_letters_every_option_and_gives_no_answer_away(content):
    for module in content.modules.values():
        html = handbook.worksheet(module.id, content)
        assert html.count('class="handbook-question"') == len(module.questions), module.id
        for question in module.questions:
            for option in question.options:
                assert f"<li>{escape(option.text)}</li>" in html, (question.id, option.text)
            for item in question.items:
                assert escape(item.text) in html, (question.id, item.text)
            for feedback in [o.feedback for o in question.options] + [i.feedback for i in question.items]:
                assert escape(feedback) not in html, f"{question.id}: the worksheet prints feedback"
        assert "data-correct" not in html and "<input" not in html and "<select" not in html


def test_a_classify_question_lists_the_categories_to_choose_from(content):
    classify = [(m, q) for m in content.modules.values() for q in m.questions if q.type == "classify"]
    assert classify
    for module, question in classify:
        html = handbook.worksheet(module.id, content)
        names = " · ".join(escape(c.name) for c in content.typologies[question.scale].categories)
        assert names + ".</p>" in html, question.id


def test_each_answer_names_the_right_letters_and_gives_every_reason(content):
    for module in content.modules.values():
        for question in module.questions:
            view = handbook._answer_view(question, content)
            right = [letter for letter, o in zip(handbook.LETTERS, question.options) if o.correct]
            if question.type == "true-false":
                assert view["answer"] == f"{'True' if question.answer else 'False'}. Reason {right[0]}."
            elif question.type == "single":
                assert view["answer"] == f"{right[0]}."
            elif question.type == "multiple":
                assert view["answer"].rstrip(".").replace(" and ", ", ").split(", ") == right
            else:
                names = {c.ref: c.name for c in content.typologies[question.scale].categories}
                assert [label for label, _ in view["reasons"]] == [
                    f"{letter}. {names[i.answer]}." for letter, i in zip(handbook.LETTERS, question.items)]
            assert len(view["reasons"]) == len(question.options) + len(question.items)
            assert view["sources"].count("#handbook-source-") == len(question.sources)


def test_answer_citations_link_to_the_handbooks_own_list_of_sources(content, module_pages):
    listed = handbook.sources(content, module_pages)
    answers = handbook.answers(content)
    for anchor in set(re.findall(r'href="#(handbook-source-[^"]+)"', answers)):
        assert f'id="{anchor}"' in listed, anchor


def test_sources_cited_hold_every_module_question_and_page_citation(content, module_pages):
    cited = {s.id for s in handbook.sources_cited(content, module_pages)}
    for module in content.modules.values():
        assert set(module.sources) <= cited, module.id
        for question in module.questions:
            assert set(question.sources) <= cited, question.id
    for markdown in module_pages.values():
        for arguments in re.findall(r"\{\{\s*cite\(([^)]*)\)", markdown):
            assert set(re.findall(r"'([^']+)'", arguments)) <= cited


@pytest.mark.parametrize("text, form, found", [
    ("Ask SCIE what it means.", "SCIE", True),
    ("a scientific survey", "SCIE", False),
    ("scie in lower case", "SCIE", False),
    ("Time banking began", "time banking", True),
    ("the co-production of services", "production", False),
    ("it is additive, not substitutive", "Additive and substitutive", True),
    ("it is additive", "Additive and substitutive", False),
])
def test_a_term_counts_as_used_only_where_the_text_names_it(text, form, found):
    assert handbook._mentions(text, form) is found


def test_the_key_terms_are_the_glossary_terms_the_modules_use(content, module_pages):
    used = handbook.terms_used(content, module_pages)
    text = "\n".join(handbook.module_text(m, module_pages[m.id]) for m in content.modules.values())
    assert used and len(used) < len(content.terms), "the appendix should list the terms the modules use, not all"
    for term in content.terms.values():
        named = any(handbook._mentions(text, f) for f in handbook._term_forms(term))
        assert (term in used) is named, term.term


@pytest.mark.parametrize("text, first", [
    ("One idea. Another idea.", "One idea."),
    ("A foundation (the JRF). It funds research.", "A foundation (the JRF)."),
    ("Only one sentence here", "Only one sentence here"),
    ("Asking people, e.g. by survey. Then more.", "Asking people, e.g. by survey."),
])
def test_a_definition_in_one_line_is_its_first_sentence(text, first):
    assert handbook.first_sentence(text) == first


def test_the_frameworks_are_those_the_modules_teach_or_ask_about(content, module_pages):
    ids = {t.id for t in handbook.frameworks_used(content, module_pages)}
    scales = {q.scale for m in content.modules.values() for q in m.questions if q.scale}
    assert scales <= ids
    assert ids < set(content.typologies), "only the frameworks the modules use"


def test_an_unknown_part_is_refused_with_the_known_ones(content, module_pages):
    with pytest.raises(ValueError, match=r"'glossary'.*contents, answers, terms, frameworks, definitions, sources"):
        handbook.part("glossary", content, module_pages)


def test_a_module_heading_starts_a_printed_page_and_keeps_its_old_anchor(content):
    first = next(iter(content.modules.values()))
    intro = handbook.module_intro(first.id, content)
    assert intro.startswith(f"## {md_heading('Module 1: ' + first.title)} {{ #handbook-{first.id} .handbook-part }}\n")
    assert 'class="handbook-summary"' in intro
