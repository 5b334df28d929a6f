"""Data is text, never code: every string is escaped where it lands, and only the Markdown subset renders."""

import pytest

from macros.markup import inline, md_heading, plain, render


@pytest.mark.parametrize("text, expected", [
    ("plain words", "plain words"),
    ("*emphasis* and **strong**", "<em>emphasis</em> and <strong>strong</strong>"),
    ("[NEF](https://neweconomics.org)", '<a href="https://neweconomics.org">NEF</a>'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
    ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
    ("[file](file:///etc/passwd)", "[file](file:///etc/passwd)"),
    ("{{ config.site_name }}", "{{ config.site_name }}"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    ("# not a heading", "# not a heading"),
])
def test_inline_renders_only_the_markdown_subset(text, expected):
    assert str(inline(text)) == expected


def test_plain_escapes_everything():
    assert str(plain('<b>"quoted" & more</b>')) == "&lt;b&gt;&#34;quoted&#34; &amp; more&lt;/b&gt;"


@pytest.mark.parametrize("text, expected", [
    ("Cahn's values", "Cahn's values"),
    ("Levels {#evil}", r"Levels \{\#evil\}"),
    ("<em>x</em>", "&lt;em&gt;x&lt;/em&gt;"),
    ("*stars* and [links](x)", r"\*stars\* and \[links\]\(x\)"),
])
def test_headings_neutralise_markdown_and_html(text, expected):
    assert md_heading(text) == expected


def test_partials_autoescape_data():
    from macros.models import Column, Comparison

    comparison = Comparison("t", "<T>", "<caption>", (Column("a", "<A>"),), ())
    html = render("comparison_table.html", comparison=comparison, rows=[])
    assert "&lt;caption&gt;</caption>" in html  # the element, and the escaped data inside it
    assert "<A>" not in html and "&lt;A&gt;" in html
