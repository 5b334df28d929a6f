"""A Python-Markdown extension that hands each page's finished HTML to a function (the glossary's marks).

A postprocessor, run after Python-Markdown has put the raw HTML blocks back, sees the page whole and in
reading order: the page's own prose and every macro's HTML alike, which is what "the first use on a page"
needs. Python-Markdown's `abbr` extension, used before, saw only the prose, and only made hover titles.
The `toc` extension also runs the postprocessors, on each heading's text, while the tree is still being
worked on; a last tree step marks where that ends, so only the whole page is changed.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

# After Python-Markdown's own postprocessors (raw HTML at 30, '&' at 20, the unescaper at 10), and after
# every tree step (mkdocs' own run at priority 0 and above).
PRIORITY = 5
LAST = -100


class PageHtml(Extension):
    def __init__(self, change: Callable[[str], str]):
        super().__init__()
        self.change = change

    def extendMarkdown(self, md: Markdown) -> None:
        tree_done = _TreeDone(md)
        md.treeprocessors.register(tree_done, "explainer_tree_done", LAST)
        md.postprocessors.register(_Change(md, self.change, tree_done), "explainer_page_html", PRIORITY)


class _TreeDone(Treeprocessor):
    done = False

    def run(self, root):
        self.done = True


class _Change(Postprocessor):
    def __init__(self, md: Markdown, change: Callable[[str], str], tree_done: _TreeDone):
        super().__init__(md)
        self.change = change
        self.tree_done = tree_done

    def run(self, text: str) -> str:
        if not self.tree_done.done:  # a heading's text, for the table of contents
            return text
        self.tree_done.done = False
        return self.change(text)
