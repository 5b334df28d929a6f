"""Heading permalinks get a name that says where they go, not "¶" (macros/permalinks.py)."""

from __future__ import annotations

import markdown
import pytest

EXTENSIONS = ["abbr", "attr_list", "md_in_html", "toc", "macros.permalinks"]
CONFIG = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}


def render(text: str, extensions=EXTENSIONS) -> str:
    return markdown.markdown(text, extensions=extensions, extension_configs=CONFIG)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("## Where it came from", "Link to this section: Where it came from"),
        ("## The *NEF* & `SCIE` reports", "Link to this section: The NEF &amp; SCIE reports"),
        ("### Levels {#levels}", "Link to this section: Levels"),
        ("## Quotes \"matter\"", "Link to this section: Quotes &quot;matter&quot;"),
        ('<div markdown="1">\n\n## Inside a block\n\n</div>', "Link to this section: Inside a block"),
    ],
)
def test_each_permalink_is_named_after_its_heading(source, name):
    out = render(source)
    assert f'aria-label="{name}"' in out, out
    assert out.count("aria-label=") == 1, out


def test_every_heading_level_and_repeated_headings():
    out = render("# One\n\n## Two\n\n## Two\n\n###### Six")
    for text in ("One", "Two", "Six"):
        assert f'aria-label="Link to this section: {text}"' in out, out
    assert out.count('aria-label="Link to this section: Two"') == 2, out


def test_without_toc_permalinks_nothing_changes():
    plain = markdown.markdown("## Heading", extensions=["toc"])
    assert markdown.markdown("## Heading", extensions=["toc", "macros.permalinks"]) == plain


def test_a_prefix_of_ones_own():
    out = markdown.markdown("## Aims", extensions=["toc", "macros.permalinks"],
                            extension_configs={"toc": {"permalink": True},
                                               "macros.permalinks": {"prefix": "Link to"}})
    assert 'aria-label="Link to: Aims"' in out, out
