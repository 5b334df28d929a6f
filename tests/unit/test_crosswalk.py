"""The crosswalk: its shape in the real data, honest cells, and the rendered matrix."""

import re

import pytest

from macros import models as m
from macros.components.crosswalk import render as cw
from macros.links import Links
from tests.unit.test_content import normalise, seeds  # noqa: F401  (seeds is a fixture)

LINKS = Links.for_page("typologies/")


def test_the_real_crosswalk_has_a_cell_for_every_row_and_column(content):
    crosswalk = content.crosswalks["levels-by-framework"]
    assert crosswalk.rows == ("levels/descriptive", "levels/intermediate", "levels/transformative")
    assert crosswalk.columns == ("stages", "bussu-dimensions", "cahn-values", "scie-features")
    pairs = [(c.row, c.column) for c in crosswalk.cells]
    assert sorted(pairs) == sorted((r, c) for r in crosswalk.rows for c in crosswalk.columns)


def test_every_cell_cites_a_source_and_says_why(content):
    for crosswalk in content.crosswalks.values():
        for cell in crosswalk.cells:
            assert cell.sources and all(s in content.sources for s in cell.sources), cell
            assert len(cell.reasoning.split()) >= 20, f"{cell.row} x {cell.column}: give the reasoning"
            assert (cell.relation == "none") == (not cell.matches), cell


def test_cells_with_no_link_say_so(content):
    for cell in content.crosswalks["levels-by-framework"].cells:
        if cell.relation == "none":
            assert re.search(r"no basis|does not tie|not tie", cell.reasoning), cell.reasoning


def test_crosswalk_reasoning_is_in_our_own_words(content, seeds):  # noqa: F811
    copied = []
    for cell in content.crosswalks["levels-by-framework"].cells:
        words = normalise(re.sub(r"[*_\[\]]", "", cell.reasoning)).split(" ")
        for i in range(len(words) - 9):
            if " ".join(words[i:i + 10]) in seeds:
                copied.append(f"{cell.row} x {cell.column}: '{' '.join(words[i:i + 10])}'")
                break
    assert not copied, "\n".join(copied)


def test_rendered_matrix_is_a_real_table(content):
    html = cw.crosswalk("levels-by-framework", content, LINKS)
    assert html.count("<table") == 1 and "<caption id=\"levels-by-framework-caption\">" in html
    assert 'role="region" aria-labelledby="levels-by-framework-caption" tabindex="0"' in html
    assert html.count('<th scope="col">') == 5  # the row framework plus four columns
    assert html.count('<th scope="row">') == 3
    assert html.count("<td ") == 12
    # Rows link to their category on the typologies page; matches link to theirs.
    assert '<th scope="row"><a href="../typologies/#levels--descriptive">Descriptive</a></th>' in html
    assert '<a href="../typologies/#bussu-dimensions--relational-transactional">Relational, not transactional</a>' in html
    # Stable anchors, one per cell.
    ids = re.findall(r'<td id="([^"]+)"', html)
    assert len(set(ids)) == 12
    assert "levels-by-framework--levels--transformative--cahn-values" in ids
    assert "Close match" in html and "No link in the sources" in html
    assert 'data-sort="1"' in html  # close sorts first


def test_render_escapes_data_and_keeps_the_markdown_subset():
    content = m.Content()
    content.sources["s"] = m.Source("s", "book", ("Author, A.",), "A <book>", year=2000)
    content.typologies["a"] = m.Typology("a", "Frame <A>", "S", ("s",), (
        m.Category("x", "a", "X & co", "d"), m.Category("y", "a", "Y", "d")))
    content.typologies["b"] = m.Typology("b", "Frame B", "S", ("s",), (
        m.Category("p", "b", "P <q>", "d"), m.Category("q", "b", "Q", "d")))
    cells = (
        m.CrosswalkCell("a/x", "b", "close", ("b/p",), "Because 1 < 2 and *both* say so {{ x }}", ("s",)),
        m.CrosswalkCell("a/y", "b", "none", (), "Nothing links them.", ("s",)),
    )
    content.crosswalks["t"] = m.Crosswalk("t", "T", "Caption <b>", ("a/x", "a/y"), ("b",), cells)
    html = cw.crosswalk("t", content, LINKS)
    assert "Caption &lt;b&gt;" in html and "X &amp; co" in html and "P &lt;q&gt;" in html
    assert "1 &lt; 2 and <em>both</em> say so {{ x }}" in html
    assert "<b>" not in html


def test_unknown_relation_is_refused():
    with pytest.raises(RuntimeError, match="Unknown crosswalk relation: strong"):
        cw.relation_label("strong")


@pytest.mark.parametrize("crosswalk_id, row, column, expected", [
    ("levels-by-framework", "levels/descriptive", "stages", "levels-by-framework--levels--descriptive--stages"),
    ("x", "a-b/c", "d", "x--a-b--c--d"),
    ("x", "a/b-c", "d", "x--a--b-c--d"),
])
def test_cell_anchors_are_unambiguous(crosswalk_id, row, column, expected):
    assert cw.cell_anchor(crosswalk_id, row, column) == expected
