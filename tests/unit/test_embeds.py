"""render/embeds.py: where embeds are written, which components get one, links that leave the frame, the control."""

from __future__ import annotations

import html
import json
import re

import pytest

from macros.components.embeds import render as embeds
from macros.links import Links


@pytest.mark.parametrize("dest, directory_urls, expected", [
    ("history/index.html", True, "history/embed.html"),
    ("index.html", True, "embed.html"),
    ("typologies/index.html", True, "typologies/embed.html"),
    ("typologies/compare/index.html", True, "typologies/compare/embed.html"),
    ("history.html", False, "history.embed.html"),
    ("index.html", False, "index.embed.html"),
    ("typologies/compare.html", False, "typologies/compare.embed.html"),
    ("typologies/index.html", False, "typologies/index.embed.html"),
    ("404.html", True, "404.embed.html"),
])
def test_each_page_embed_sits_in_the_pages_own_folder(dest, directory_urls, expected):
    assert embeds.embed_dest(dest, directory_urls) == expected
    assert expected.rpartition("/")[0] == dest.rpartition("/")[0]  # so relative links stay valid


def test_only_html_pages_have_embeds():
    with pytest.raises(ValueError):
        embeds.embed_dest("assets/explainer.css")


@pytest.mark.parametrize("directory_urls, expected", [(True, "embed/timeline/"), (False, "embed/timeline.html")])
def test_component_urls(directory_urls, expected):
    assert embeds.component_url("timeline", directory_urls) == expected


@pytest.mark.parametrize("source, expected", [
    # A same-page fragment stays in the frame; everything else opens in the top window.
    ('<a href="#era-1">x</a>', '<a href="#era-1">x</a>'),
    ('<a href="../sources/#smith">x</a>', '<a href="../sources/#smith" target="_top">x</a>'),
    ('<a href="https://example.org/">x</a>', '<a href="https://example.org/" target="_top">x</a>'),
    ('<a href="./">x</a>', '<a href="./" target="_top">x</a>'),
    # Other attributes are kept as written, in order, whatever the quoting and spacing.
    ("<a class='cite' href=../x/ data-reference=\"a > b\">x</a>",
     "<a class='cite' href=../x/ data-reference=\"a > b\" target=\"_top\">x</a>"),
    ('<a\n  href="y"\n  title="t" >x</a>', '<a\n  href="y"\n  title="t" target="_top">x</a>'),
    ('<a href="y"/>', '<a href="y" target="_top"/>'),
    # A link that names its own target keeps it; an anchor with no href is not a link.
    ('<a href="y" target="_blank">x</a>', '<a href="y" target="_blank">x</a>'),
    ('<a id="here"></a>', '<a id="here"></a>'),
    ('<A HREF="y">x</A>', '<A HREF="y" target="_top">x</A>'),
    # Text that only looks like a link is left alone.
    ('<script>var s = "<a href=\'y\'>";</script><!-- <a href="z"> --><p>&lt;a href="q"&gt;</p>',
     '<script>var s = "<a href=\'y\'>";</script><!-- <a href="z"> --><p>&lt;a href="q"&gt;</p>'),
    ('<p>&#x23;</p><a href="&#x23;top">x</a>', '<p>&#x23;</p><a href="&#x23;top">x</a>'),
])
def test_links_that_leave_the_page_open_in_the_top_window(source, expected):
    assert embeds.frame_links(source) == expected


def test_link_rewriting_keeps_everything_else_and_handles_many_lines():
    lines = [f'<li><a href="../p{i}/">p{i}</a> and <a href="#e{i}">e{i}</a></li>' for i in range(200)]
    source = "<ul>\r\n" + "\n".join(lines) + "\n</ul>\u2028<a href='last'>é</a>"
    result = embeds.frame_links(source)
    assert result.count('target="_top"') == 201
    assert result.replace(' target="_top"', "") == source


def _snippet_from(control: str) -> str:
    code = re.search(r"<code[^>]*>(.*?)</code>", control, re.S).group(1)
    return html.unescape(code)


def test_control_with_site_url_has_absolute_addresses():
    control = embeds.embed_control(label="the timeline", title="Timeline", site_name="Site", src="embed/timeline/",
                                   height=900, links=Links.for_page("history/"),
                                   site_url="https://example.org/sub/")
    snippet = _snippet_from(control)
    assert snippet == (
        '<iframe src="https://example.org/sub/embed/timeline/" title="Timeline - Site" width="100%" height="900" '
        'loading="lazy" style="border:0" data-coproduction-embed></iframe>\n'
        '<script src="https://example.org/sub/assets/js/embed-host.js" defer></script>')
    assert "data-embed-src" not in control
    assert "data-search-exclude" in control and control.startswith("<details")
    assert '<a href="../embed/timeline/">Timeline (embeddable view)</a>' in control


def test_control_without_site_url_is_relative_for_the_script_to_complete():
    control = embeds.embed_control(label="this page", title="A <b> & 'c'", site_name="Site", src="embed.html",
                                   height=800, links=Links.for_page(""))
    snippet = _snippet_from(control)
    assert 'src="embed.html"' in snippet and 'src="assets/js/embed-host.js"' in snippet
    assert 'title="A &lt;b&gt; &amp; &#39;c&#39; - Site"' in snippet  # escaped for the host page too
    assert 'data-embed-src="embed.html" data-embed-host="assets/js/embed-host.js"' in control
    assert "<b>" not in control


def test_components_cover_every_comparison_and_crosswalk(content):
    found = embeds.components(content)
    slugs = [c.slug for c in found]
    assert len(slugs) == len(set(slugs))
    assert {"timeline", "definitions-table", "definition-compare", "glossary"} <= set(slugs)
    assert {f"comparison-{i}" for i in content.comparisons} <= set(slugs)
    assert {f"crosswalk-{i}" for i in content.crosswalks} <= set(slugs)
    for component in found:
        assert re.fullmatch(r"[a-z0-9-]+", component.slug)
        assert len(component.description) >= 50
        assert 200 <= component.height <= 2000


def test_an_embed_links_to_the_page_that_shows_it(content):
    from macros.adapters.mkdocs import _note_call, shown_on
    from macros.components.component import Build

    comparison = next(iter(content.comparisons))
    build = Build(content)
    _note_call(build, "comparison", (comparison,), "z/other.md")
    _note_call(build, "comparison", (comparison,), "embed/comparison-x.md")  # its own embed page does not count
    _note_call(build, "comparison", (comparison,), "y/another.md")
    by_slug = {c.slug: c for c in embeds.components(content)}
    assert shown_on(build, by_slug[f"comparison-{comparison}"]) == "y/another.md"  # the first by source path
    _note_call(build, "comparison", (comparison,), by_slug[f"comparison-{comparison}"].page)
    assert shown_on(build, by_slug[f"comparison-{comparison}"]) == "typologies/compare.md"  # its own page first
    assert shown_on(build, by_slug["timeline"]) == "history.md"  # no page calls it: the page it declares


def test_generated_markdown_has_front_matter_and_a_level_one_heading(content):
    import yaml

    from macros.adapters.mkdocs import embed_page

    component = next(c for c in embeds.components(content) if c.slug.startswith("comparison-"))
    text = embed_page(component)
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["template"] == "embed.html" and meta["search"] == {"exclude": True}
    assert meta["title"] == component.title
    assert meta["embed"]["page"] == component.page and meta["embed"]["anchor"] == component.anchor
    assert body.lstrip().startswith("# ")
    assert "{{ comparison(" + json.dumps(component.calls[0][1][0]) + ") }}" in body
