"""Glossary words on a page: the first use spelled out and linked, one toggletip per later section, the rest plain."""

import markdown
import pytest

from macros.components.component import Build, PageInfo
from macros.components.glossary import render
from macros.components.glossary.markdown_pass import PageHtml
from macros.components.glossary.mentions import Mention, mark

MENTIONS = {
    "NEF": Mention("nef", "NEF", "New Economics Foundation", 'NEF: a "think" <tank>'),
    "time banking": Mention("time-banking", "time banking", "", "Swapping hours."),
}


def href(term_id: str) -> str:
    return f"../glossary/#{term_id}"


FIRST = '<a class="glossary-term" href="../glossary/#nef">New Economics Foundation (NEF)</a>'
TIP = ('<a class="glossary-tip" href="../glossary/#nef" data-definition="NEF: a &quot;think&quot; &lt;tank&gt;">'
       "NEF</a>")


@pytest.mark.parametrize("html, expected", [
    # The first use is spelled out and linked; later ones in the same section stay plain.
    ("<p>NEF and NEF</p>", f"<p>{FIRST} and NEF</p>"),
    # A new section's first use is a toggletip; its repeats stay plain.
    ("<p>NEF</p><h2>Next</h2><p>NEF, NEF</p>", f"<p>{FIRST}</p><h2>Next</h2><p>{TIP}, NEF</p>"),
    # A term with no words to spell out is linked as it is.
    ("<p>time banking</p>", '<p><a class="glossary-term" href="../glossary/#time-banking">time banking</a></p>'),
    # Words already spelled out are kept, before or after.
    ("<p>the New Economics Foundation (NEF) says</p>",
     '<p>the New Economics Foundation (<a class="glossary-term" href="../glossary/#nef">NEF</a>) says</p>'),
    ("<p>NEF (New Economics Foundation)</p>",
     '<p><a class="glossary-term" href="../glossary/#nef">NEF</a> (New Economics Foundation)</p>'),
    # So are the text's own words for it.
    ("<p>an economics think tank (NEF)</p>",
     '<p>an economics think tank (<a class="glossary-term" href="../glossary/#nef">NEF</a>)</p>'),
    # Whole words only.
    ("<p>NEFS NEF-like xNEF</p>", "<p>NEFS NEF-like xNEF</p>"),
    # Text may hold an escaped '>'; a tag's name is whole (thead is not th) and its case does not matter.
    ("<p>a &gt; NEF</p>", f"<p>a &gt; {FIRST}</p>"),
    ("<table><thead><tr><td>NEF</td></tr></thead></table>", f"<table><thead><tr><td>{FIRST}</td></tr></thead></table>"),
    ('<P><A HREF="x">NEF</A> NEF</P>', f'<P><A HREF="x">NEF</A> {FIRST}</P>'),
    # A word in an attribute of any other tag is left alone.
    ('<p><span title="NEF" data-x=\'NEF\'>x</span></p>', '<p><span title="NEF" data-x=\'NEF\'>x</span></p>'),
])
def test_first_use_then_one_toggletip_per_section(html, expected):
    assert mark(html, MENTIONS, href).html == expected


@pytest.mark.parametrize("inside", ["h1", "h2", "h3", "a", "code", "pre", "summary", "label", "cite", "button",
                                    "caption", "th", "time", "abbr"])
def test_nothing_changes_where_a_link_or_new_words_do_not_belong(inside):
    html = f'<{inside} title="NEF">NEF</{inside}>'
    assert mark(html, MENTIONS, href).html == html


def test_the_first_use_is_the_first_outside_those_places():
    html = '<h2>NEF</h2><p><a href="x">NEF</a> <code>NEF</code> NEF</p>'
    assert mark(html, MENTIONS, href).html == f'<h2>NEF</h2><p><a href="x">NEF</a> <code>NEF</code> {FIRST}</p>'


def test_a_quotation_keeps_its_words_and_its_use_is_not_the_first():
    html = "<blockquote><p>NEF said</p></blockquote><p>NEF</p><p><q>NEF</q></p>"
    assert mark(html, MENTIONS, href).html == f"<blockquote><p>{TIP} said</p></blockquote><p>{FIRST}</p><p><q>NEF</q></p>"


def test_attributes_comments_and_scripts_are_left_alone():
    html = '<p data-x="a > NEF">x</p><!-- NEF --><script>var a = "NEF";</script><p>NEF</p>'
    assert mark(html, MENTIONS, href).html == f'<p data-x="a > NEF">x</p><!-- NEF --><script>var a = "NEF";</script><p>{FIRST}</p>'


def test_counts_say_what_was_marked():
    marked = mark("<p>NEF time banking</p><h2>b</h2><p>NEF NEF</p>", MENTIONS, href)
    assert (marked.first_uses, marked.toggletips) == (2, 1)


def test_the_site_glossary_words_spell_out_what_the_data_names(content):
    found = render.mentions(content)
    assert {w for t in content.terms.values() for w in t.tooltip} == set(found)
    assert found["NEF"].spelled_out == "New Economics Foundation (NEF)"
    assert found["GPs"].spelled_out == "general practitioners (GPs)"
    assert found["nef"].spelled_out == "New Economics Foundation (nef)"
    # No words are invented where the data gives none.
    assert found["WICC"].spelled_out == "WICC" and found["time banking"].spelled_out == "time banking"
    assert found["SCIE"].definition.startswith("SCIE (Social Care Institute for Excellence): A UK social care body")
    assert found["time banking"].definition.startswith("A way of keeping track")


def test_python_markdown_hands_over_the_whole_page_once():
    """Raw HTML blocks and prose together, after the table of contents has read the headings."""
    seen = []

    def change(html):
        seen.append(html)
        return mark(html, MENTIONS, href).html

    md = markdown.Markdown(extensions=["toc", PageHtml(change)])
    out = md.convert("# About NEF\n\n<div><p>NEF here</p></div>\n\nAnd NEF in prose.\n\n## NEF again\n\nNEF.\n")
    assert len(seen) == 1
    assert f"<div><p>{FIRST} here</p></div>" in out and "<p>And NEF in prose.</p>" in out
    assert f"<p>{TIP}.</p>" in out
    assert [t["name"] for t in md.toc_tokens] == ["About NEF"] and md.toc_tokens[0]["children"][0]["name"] == "NEF again"


def test_the_glossary_page_is_left_alone_and_a_page_with_toggletips_loads_their_script(content):
    from macros.adapters.mkdocs import GlossaryMarks

    marks = GlossaryMarks(Build(content))
    html = "<p>SCIE</p><h2>x</h2><p>SCIE</p>"
    marks.page = PageInfo("glossary.md", "glossary/", {})
    assert marks.mark(html) == html
    meta = {"components": ["timeline"]}
    marks.page = PageInfo("history.md", "history/", meta)
    assert 'class="glossary-tip"' in marks.mark(html)
    assert "assets/components/glossary/toggletips.js" in meta["assets"]["scripts"]
    assert meta["components"] == ["glossary", "timeline"]
    # Used once: a conversion without its page (none happens today) is left alone, not given another's links.
    assert marks.mark(html) == html
