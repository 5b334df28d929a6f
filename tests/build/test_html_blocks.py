"""Setting the macros' HTML aside from Markdown (macros/adapters/html_blocks.py) changes no page.

The real site is built a second time with every macro's output left in the Markdown, as it was before
the blocks were set aside, and each page is compared with the normal build, element by element.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_SITE_URL

pytestmark = pytest.mark.build

# mkdocs, with HtmlBlocks.set_aside doing nothing: every block goes through Markdown.
WITHOUT_SETTING_ASIDE = (
    "import sys; from macros.adapters.html_blocks import HtmlBlocks; "
    "HtmlBlocks.set_aside = lambda self, text: text; "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()"
)


class _Shape(HTMLParser):
    """A page as its elements, attributes and words. Left out: white space between tags, the order of an
    element's attributes, and material's search markers (data-search-*: md_in_html wrote them with a value,
    which material's search then removed from the page; a block set aside keeps them bare)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("<", tag, tuple(sorted((k, v) for k, v in attrs if not k.startswith("data-search-")))))

    def handle_endtag(self, tag):
        self.events.append((">", tag))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("text", " ".join(data.split())))


def shape(path: Path) -> list[tuple]:
    parser = _Shape()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.events


@pytest.fixture(scope="module")
def site_without_setting_aside(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site-markdown-reads-all") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": TEST_SITE_URL}
    result = subprocess.run([sys.executable, "-c", WITHOUT_SETTING_ASIDE, "build", "--strict", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return dest


def test_every_page_is_the_same_as_when_markdown_read_the_macros_html(site_dir, site_without_setting_aside):
    pages = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*.html"))
    assert len(pages) > 100
    assert pages == sorted(p.relative_to(site_without_setting_aside) for p in site_without_setting_aside.rglob("*.html"))
    changed = [str(p) for p in pages if shape(site_dir / p) != shape(site_without_setting_aside / p)]
    assert changed == []


def test_no_token_is_left_on_any_page(site_dir):
    left = [str(p.relative_to(site_dir)) for p in site_dir.rglob("*.html") if "explainer-html-block-" in p.read_text("utf-8")]
    assert left == []


def test_the_search_index_is_the_same(site_dir, site_without_setting_aside):
    import json
    import re

    def docs(site: Path) -> list[dict]:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return [{k: re.sub(r">\s+<", "><", " ".join(v.split())) if isinstance(v, str) else v for k, v in d.items()}
                for d in index["docs"]]
    assert docs(site_dir) == docs(site_without_setting_aside)
