"""macros/postbuild/csp.py: which inline scripts get a hash, and what it refuses."""

from __future__ import annotations

import base64
import hashlib

import pytest

from macros.postbuild.csp import UnsafeMarkupError, policy, script_hashes


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("html, expected", [
    ("<script>var a = 1;</script>", {sha("var a = 1;")}),
    ("<script>\n  x()\n</script>", {sha("\n  x()\n")}),  # the exact text, whitespace included
    ('<script type="module">m()</script>', {sha("m()")}),
    ('<script>if (a < b && c) "é"</script>', {sha('if (a < b && c) "é"')}),
    ('<script id="__config" type="application/json">{"a": 1}</script>', set()),  # data, not run
    ('<script src="assets/x.js"></script>', set()),
    ("<p>no scripts</p>", set()),
])
def test_script_hashes(html, expected):
    assert script_hashes(html) == expected


@pytest.mark.parametrize("html", ['<button onclick="go()">', '<a href="javascript:go()">', '<a href=" JavaScript:x">',
                                  '<a href="&#106;avascript:x">', "<a HREF=&#x6A;avascript:x>", '<a\nONCLICK="x">',
                                  '<a href="x"onclick=y>', "<a/onclick=y>", '<button formaction="javascript:x">',
                                  '<a href="j\tavascript:x">', '<a href="j&#97;vascript:x">'])
def test_markup_no_hash_can_allow_is_refused(html):
    with pytest.raises(UnsafeMarkupError, match="page.html: line 1"):
        script_hashes(html, "page.html")


def test_a_link_to_a_page_whose_name_starts_with_j_is_not_suspect():
    """The cheap scan clears it (a full parse of every such page was most of the post-build step at 10x)."""
    from macros.postbuild.csp import _suspect

    assert not _suspect('<h2 id="jrf"><a href="jrf-critical-role/">JRF</a></h2>')
    assert _suspect('<a href="jAvascript:x">')


def test_policy_lists_each_hash_once_in_script_src():
    value = policy([("a.html", "<script>a()</script>"), ("b.html", "<script>a()</script><script>b()</script>")])
    directives = dict(d.split(" ", 1) for d in value.split("; "))
    assert directives["script-src"] == " ".join(["'self'", *sorted([sha("a()"), sha("b()")])])
    assert directives["default-src"] == "'none'" and "'unsafe-inline'" not in value


@pytest.mark.parametrize("html", [
    '<script>a()</script><p>Paste <code>&lt;script src=&#34;x.js&#34;&gt;&lt;/script&gt;</code></p>',  # cheap scan
    '<p>The word onset = start.</p><script>a()</script><a href="journal/">j</a>',  # full parse
])
def test_pages_with_and_without_the_full_parse_give_the_same_hashes(html):
    assert script_hashes(html) == {sha("a()")}
