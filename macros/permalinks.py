"""A Python-Markdown extension: each heading's permalink ("¶") is named after its heading.

The toc extension adds `<a class="headerlink" title="Link to this section">¶</a>` to every heading. A
link's accessible name is its text, so a screen reader announced each one as "pilcrow", and a list of
links read "pilcrow, pilcrow, pilcrow". This names each "Link to this section: <heading text>" with
aria-label, so the link still works for everyone and says where it goes.

It runs after toc's own step (at a lower priority), on the page's element tree, so it also names the
permalinks of headings the macros write in Markdown. Python-Markdown loads it by
module name, so any generator that reads `markdown_extensions` and runs Python-Markdown can use it.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from copy import deepcopy

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Below toc's priority (5): treeprocessors with lower priority run later, once toc has added the links.
PRIORITY = 4


def heading_text(heading: etree.Element, permalink: etree.Element, md: Markdown) -> str:
    """The heading's words as plain text, without its permalink (as toc reads a heading for its list)."""
    copy = deepcopy(heading)
    for child in copy:
        if child.tag == "a" and child.get("class") == permalink.get("class") and child.get("href") == permalink.get("href"):
            copy.remove(child)
            break
    return " ".join(html.unescape(strip_tags(render_inner_html(remove_fnrefs(copy), md))).split())


class PermalinkNames(Treeprocessor):
    def __init__(self, md: Markdown, prefix: str, permalink_class: str):
        super().__init__(md)
        self.prefix = prefix
        self.permalink_class = permalink_class

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if heading.tag not in HEADINGS:
                continue
            for link in heading.findall("a"):
                if link.get("class") == self.permalink_class and not link.get("aria-label"):
                    text = heading_text(heading, link, self.md)
                    link.set("aria-label", f"{self.prefix}: {text}" if text else self.prefix)


class PermalinkNamesExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "prefix": ["Link to this section", "The words before the heading's text in each permalink's name."],
            "permalink_class": ["headerlink", "The class toc gives its permalinks (toc's permalink_class)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        processor = PermalinkNames(md, self.getConfig("prefix"), self.getConfig("permalink_class"))
        md.treeprocessors.register(processor, "permalink_names", PRIORITY)


def makeExtension(**kwargs) -> PermalinkNamesExtension:
    return PermalinkNamesExtension(**kwargs)
