"""The macros' HTML blocks are set aside before Markdown and put back after (macros/adapters/html_blocks.py)."""

from __future__ import annotations

import re

import markdown
import pytest

from macros.adapters.html_blocks import HtmlBlocks, PutBack

EXTENSIONS = ["attr_list", "md_in_html", "toc", "tables", "def_list", "admonition"]

HEADING_AND_BLOCK = '## Quilligan { #quilligan }\n\n<div class="definition">\n<p>Text &amp; more</p>\n</div>'


@pytest.mark.parametrize("text, kept", [
    # A heading stays Markdown, so it reaches the table of contents; the block after it is set aside.
    (HEADING_AND_BLOCK, "## Quilligan { #quilligan }\n\nexplainer-html-block-0"),
    # Wrappers that ask for Markdown inside stay, with their headings; the card's body is set aside.
    ('<section class="card" markdown="block">\n\n## A card\n\n<div class="body"><p>x</p></div>\n\n</section>',
     '<section class="card" markdown="block">\n\n## A card\n\nexplainer-html-block-0\n\n</section>'),
    # Text, and a line that starts with an inline tag, are Markdown's to read.
    ("Some *words*.\n\n<span>inline</span> and more", "Some *words*.\n\n<span>inline</span> and more"),
    # A block that does not end with a closing tag may run on past a blank line in Markdown: left alone.
    ('<div class="open">\n<p>x</p>', '<div class="open">\n<p>x</p>'),
])
def test_set_aside_replaces_only_whole_raw_html_blocks(text, kept):
    assert HtmlBlocks().set_aside(text) == kept


def test_expand_gives_back_the_text_as_the_macro_wrote_it():
    blocks = HtmlBlocks()
    assert blocks.expand(blocks.set_aside(HEADING_AND_BLOCK)) == HEADING_AND_BLOCK


def convert(text: str, blocks: HtmlBlocks | None = None) -> tuple[str, list]:
    """The HTML, with the white space between tags dropped, and the table of contents. md_in_html writes
    the raw HTML inside a `markdown="block"` wrapper again with its own line breaks between tags, where a
    block set aside keeps the macro's; the browser shows both alike."""
    md = markdown.Markdown(extensions=EXTENSIONS + ([PutBack(blocks)] if blocks else []))
    return re.sub(r">\s+<", "><", md.convert(text)), md.toc_tokens


@pytest.mark.parametrize("page", [
    f"# Definitions\n\nIntro.\n\n{HEADING_AND_BLOCK}\n\nAfter.\n",
    '<div class="cards" markdown="block">\n\n<section class="card" markdown="block">\n\n## Rushey Green { #rg }\n\n'
    '<div class="body">\n<ul class="chips"><li><a href="../x/">x</a></li></ul>\n</div>\n\n</section>\n\n</div>\n',
    "Before.\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\n- a list\n- of two\n",
])
def test_a_page_converts_the_same_with_its_blocks_set_aside(page):
    blocks = HtmlBlocks()
    assert convert(blocks.set_aside(page), blocks) == convert(page)


def test_the_ids_in_the_blocks_are_added_to_mkdocs_anchors(tmp_path):
    """mkdocs checks links to a page's anchors against the ids it finds: those in set-aside blocks count."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("x", encoding="utf-8")
    blocks = HtmlBlocks()
    config = load_config(config_file_path=None, docs_dir=str(tmp_path / "docs"), site_name="t",
                         markdown_extensions=EXTENSIONS)
    config["markdown_extensions"].append(PutBack(blocks))  # as the adapter adds it, after mkdocs checks the config
    file = File("index.md", config.docs_dir, str(tmp_path / "site"), True)
    page = Page(None, file, config)
    page.markdown = blocks.set_aside('# T\n\n<div id="timeline-x">\n<p id="event-1">x</p>\n</div>')
    page.render(config, Files([file]))
    assert {"timeline-x", "event-1"} <= page.present_anchor_ids
    assert 'id="event-1"' in page.content and "explainer-html-block" not in page.content
