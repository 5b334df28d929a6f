"""The handbook reuses each module page's prose: the slice it takes, and the ids it renames."""

from __future__ import annotations

import pytest

from macros.render.handbook import ProseNotFound, build_date, module_prose, prefix_ids

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
    assert build_date({"SOURCE_DATE_EPOCH": "1795000000"}) == "18 November 2026"
    assert build_date({"SOURCE_DATE_EPOCH": "0"}) == "1 January 1970"


def test_markdown_heading_ids_are_renamed_too():
    markdown = '### SCIE: sharing power { #scie-share-power .definition }\n\n<a href="#scie-share-power">x</a>'
    assert prefix_ids(markdown, "m1") == ('### SCIE: sharing power { #m1--scie-share-power .definition }\n\n'
                                          '<a href="#m1--scie-share-power">x</a>')
