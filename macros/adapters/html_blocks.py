"""The macros' HTML skips Python-Markdown: each HTML block a macro returns is set aside, and put back after.

The macros write their views (a timeline, a table of definitions, a bibliography) as finished HTML. Left in
the page's Markdown, every block was read again by Python-Markdown's HTML parser (md_in_html) and by mkdocs'
scan for anchors, and that was most of the time Markdown took. Now the adapter swaps each block for a token
line (`set_aside`), and this Python-Markdown extension hands the blocks to Python-Markdown's own store for raw
HTML (htmlStash) as conversion starts. Python-Markdown then treats each as the raw HTML block it was, and puts
it back where the token stood, as it does for any raw HTML; the glossary's step (glossary/markdown_pass.py)
runs after that, on the whole page. The ids in the blocks are added to mkdocs' list of the page's anchors, so
links to them are still checked.

What a macro writes in Markdown (headings, so they reach the table of contents, and the wrappers marked
`markdown="block"` around cards) stays in the Markdown. Only generators that run this extension get tokens:
the adapter sets blocks aside only under mkdocs (Zensical runs no extension of ours).
"""

from __future__ import annotations

import html
import re
from itertools import count

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

# Between Python-Markdown's fenced code (25) and mkdocs' scan of raw HTML for anchors (21); the ids are added
# after that scan and before Python-Markdown reads raw HTML (20).
PRIORITY, IDS_PRIORITY = 22, 20.5

TOKEN = "explainer-html-block-{}"
_TOKEN = re.compile(r"explainer-html-block-(\d+)")
_BLANK_LINES = re.compile(r"(\n[ \t]*\n)")
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)[\s>/]")
_LAST_TAG = re.compile(r"(</[a-zA-Z][a-zA-Z0-9-]*\s*>|/>|<(?:br|hr|img|input|meta|link|source|wbr)\b[^>]*>)\s*$")
_MARKDOWN_INSIDE = re.compile(r"\bmarkdown\s*=")
_IDS = re.compile(r'\sid="([^"]+)"')
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)


class HtmlBlocks:
    """The blocks set aside in one build, by number."""

    def __init__(self):
        self.blocks: dict[int, str] = {}
        self._numbers = count()

    def clear(self) -> None:
        self.blocks.clear()

    def set_aside(self, text: str) -> str:
        """The macro's output with each of its raw HTML blocks replaced by a token line.

        A block is a run of lines between blank lines that starts with a block-level tag, closes that element
        and ends with a closing tag, as Python-Markdown reads a raw HTML block; markup.render writes each
        partial so. One that asks for Markdown inside (`markdown="block"`) stays, as does anything else."""
        parts = _BLANK_LINES.split(text)
        for i in range(0, len(parts), 2):
            if _is_raw_block(parts[i]):
                number = next(self._numbers)
                self.blocks[number] = parts[i].strip()
                parts[i] = TOKEN.format(number)
        return "".join(parts)

    def expand(self, markdown: str) -> str:
        """The Markdown with every token replaced by its block: the page as if the macros had written it all."""
        return _TOKEN.sub(lambda m: self.blocks[int(m.group(1))], markdown)

    def ids(self, number: int) -> set[str]:
        return {html.unescape(i) for i in _IDS.findall(self.blocks[number])}


def _is_raw_block(part: str) -> bool:
    part = part.strip()
    first = _FIRST_TAG.match(part)
    # The blocks run to megabytes at scale: the last tag is looked for in the tail only (a tag that starts
    # before it only leaves the block in the Markdown), and `markdown=` only where the word is.
    if not (first and first.group(1).lower() in _BLOCK_TAGS and _LAST_TAG.search(part, max(len(part) - 400, 0))):
        return False
    if "markdown" in part and _MARKDOWN_INSIDE.search(part):
        return False
    # Its first element closes within it, so Markdown would not read on past the blank line after it.
    tag = re.escape(first.group(1))
    return len(re.findall(rf"<{tag}[\s>/]", part)) == len(re.findall(rf"</{tag}\s*>", part))


class PutBack(Extension):
    """Gives Python-Markdown the blocks behind the tokens in a page (see the module's docstring)."""

    def __init__(self, blocks: HtmlBlocks):
        super().__init__()
        self.html_blocks = blocks

    def extendMarkdown(self, md: Markdown) -> None:
        stored = _Store(md, self.html_blocks)
        md.preprocessors.register(stored, "explainer_html_blocks", PRIORITY)
        md.preprocessors.register(_AddAnchors(md, stored), "explainer_html_block_ids", IDS_PRIORITY)


class _Store(Preprocessor):
    def __init__(self, md: Markdown, blocks: HtmlBlocks):
        super().__init__(md)
        self.html_blocks = blocks
        self.ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        text = "\n".join(lines)
        if "explainer-html-block-" not in text:
            return lines

        def store(match: re.Match) -> str:
            number = int(match.group(1))
            self.ids |= self.html_blocks.ids(number)
            return self.md.htmlStash.store(self.html_blocks.blocks[number])
        return _TOKEN.sub(store, text).split("\n")


class _AddAnchors(Preprocessor):
    """Adds the blocks' ids to what mkdocs' own scan of the page's raw HTML found (its anchor checks)."""

    def __init__(self, md: Markdown, stored: _Store):
        super().__init__(md)
        self.stored = stored

    def run(self, lines: list[str]) -> list[str]:
        # mkdocs names its scan "mkdocs_raw_html", ProperDocs "properdocs_raw_html": found by what it keeps.
        for scan in self.md.preprocessors:
            if isinstance(getattr(scan, "present_anchor_ids", None), set) and self.stored.ids:
                scan.present_anchor_ids = scan.present_anchor_ids | self.stored.ids
        return lines
