"""macros/postbuild/minify.py: our scripts and styles lose comments and spaces, keep licences, and stay put once minified."""

from __future__ import annotations

import pytest

from macros.components import site_assets
from macros.postbuild.minify import docs_assets, minify, minify_in_place
from tests.conftest import ROOT

SOURCES = sorted({*site_assets().values(), *(ROOT / "docs" / path for path in docs_assets(ROOT / "docs"))})


@pytest.mark.parametrize(("name", "source", "expected"), [
    ("a.js", b"// why\nvar a = 1;  /* note */\nfunction f (x) {\n  return x + a;\n}\n", b"var a=1;function f(x){return x+a;}"),
    ("a.css", b"/* why */\n.a  >  b {\n  color : red ;\n}\n", b".a>b{color:red}"),
    ("a.js", b"/*! licence */\nvar a = 1;\n", b"/*! licence */var a=1;"),
    ("a.js", b"var s = '/* not a comment */';\n", b"var s='/* not a comment */';"),
    ("a.svg", b"<svg>  </svg>", b"<svg>  </svg>"),  # not a script or a style: untouched
    # Inside @container (alone, or within @media) a descendant selector keeps its space before a pseudo-class.
    ("a.css", b"@container (max-width: 40em) {\n  .cards :is(th, td) { display: block; }\n}\n",
     b"@container (max-width:40em){.cards :is(th,td){display:block}}"),
    ("a.css", b"@media screen {\n  @container (max-width: 40em) {\n    .cards :is(th) { x: y; }\n  }\n}\n",
     b"@media screen{@container (max-width:40em){.cards :is(th){x:y}}}"),
])
def test_minify(name, source, expected):
    assert minify(name, source) == expected


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_of_our_files_gets_smaller_and_minifying_again_changes_nothing(source):
    once = minify(source.name, source.read_bytes())
    assert len(once) < source.stat().st_size
    assert minify(source.name, once) == once


def test_docs_assets_are_the_scripts_and_styles_under_docs_assets():
    found = docs_assets(ROOT / "docs")
    assert {"assets/explainer.css", "assets/css/controls.css", "assets/js/explainer.js", "assets/js/menu.js"} <= set(found)
    assert all(path.endswith((".js", ".css")) for path in found)
    assert docs_assets(ROOT / "no-such-folder") == []


def test_minify_in_place_skips_missing_files_and_others(tmp_path):
    (tmp_path / "a.js").write_bytes(b"var a = 1; // x\n")
    (tmp_path / "b.txt").write_bytes(b"a  b")
    minify_in_place(tmp_path, ["a.js", "b.txt", "missing.css"])
    assert (tmp_path / "a.js").read_bytes() == b"var a=1;"
    assert (tmp_path / "b.txt").read_bytes() == b"a  b"
