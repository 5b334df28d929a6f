"""The Definitions and Typologies pages in short: records link to their own pages and keep their old anchors.

Pure render functions, no mkdocs: `Links.own_pages` says which records have a page of their own, as the
macros find them in docs/ (render/links.py RECORD_PAGES).
"""

from __future__ import annotations

import re

import pytest

from macros.components.crosswalk import render as cw
from macros.components.definitions import render as definitions
from macros.components.typologies import render as typologies
from macros.links import Links


def own(content, kinds=("definitions", "typologies")) -> frozenset:
    return frozenset((kind, record_id) for kind in kinds for record_id in getattr(content, kind))


# --- where a record lives -----------------------------------------------------------------------

@pytest.mark.parametrize("page, directory_urls, expected", [
    ("people/", True, ("../definitions/quilligan/", "../typologies/levels/", "../typologies/levels/#levels--descriptive")),
    ("definitions/quilligan/", True, ("../../definitions/quilligan/", "../../typologies/levels/",
                                      "../../typologies/levels/#levels--descriptive")),
    ("people.html", False, ("definitions/quilligan.html", "typologies/levels.html",
                            "typologies/levels.html#levels--descriptive")),
])
def test_a_record_with_its_own_page_is_linked_there(page, directory_urls, expected):
    links = Links.for_page(page, directory_urls, {("definitions", "quilligan"), ("typologies", "levels")})
    assert (links.definition("quilligan"), links.typology("levels"), links.category("levels/descriptive")) == expected


def test_a_record_without_a_page_is_linked_at_its_anchor_on_its_collection_page():
    links = Links.for_page("people/", own_pages={("definitions", "quilligan")})
    assert links.definition("harbourside-strategy") == "../definitions/#harbourside-strategy"
    assert links.typology("stages") == "../typologies/#stages"
    assert links.category("stages/co-design") == "../typologies/#stages--co-design"
    assert not links.has_page("typologies", "quilligan"), "a page is one kind's: ids of other kinds do not count"


# --- Definitions ----------------------------------------------------------------------------------

def test_each_definition_is_short_with_a_heading_linking_to_its_page(content):
    links = Links.for_page("definitions/", own_pages=own(content))
    markdown = definitions.definition_summaries(content, links, "definitions.md")
    for d in content.definitions.values():
        heading = re.search(rf"^## \[(.+)\]\(definitions/{d.id}\.md\) \{{ #{d.id} \}}$", markdown, re.M)
        assert heading, d.id
        block = markdown.split(f'data-definition="{d.id}"', 1)[1].split("</div>", 1)[0]
        assert d.text.replace("'", "&#39;").replace('"', "&#34;")[:40] in block or d.text[:40] in block, d.id
        assert 'class="attribution"' in block and 'class="cite"' in block  # whose words, and the source
        assert "In plain words" not in block and "cite-link" not in block  # those are on its own page
        assert f'data-href="../definitions/{d.id}/"' in markdown
    assert markdown.count('<div class="definition definition-summary"') == len(content.definitions)


def test_a_definition_without_its_own_page_is_shown_in_full(content):
    links = Links.for_page("definitions/", own_pages=own(content) - {("definitions", "quilligan")})
    markdown = definitions.definition_summaries(content, links, "definitions.md")
    assert "## Quilligan" in markdown and "{ #quilligan }" in markdown
    block = markdown.split('data-definition="quilligan"', 1)[1].split("</div>", 1)[0]
    assert "In plain words" in block
    after = markdown.split('data-definition="quilligan"', 1)[1].split('data-definition="', 1)[0]
    assert "cite-link" in after and 'data-cite-href="../definitions/#quilligan"' in after


def test_a_definition_page_has_it_in_full_and_cites_its_own_address(content):
    links = Links.for_page("definitions/scie-share-power/", own_pages=own(content))
    markdown = definitions.definition_page("scie-share-power", content, links)
    record = content.definitions["scie-share-power"]
    assert markdown.startswith(f"# {record.label} {{ #scie-share-power }}\n")
    assert "In plain words" in markdown and 'class="emphases"' in markdown
    assert 'data-cite-href="../../definitions/scie-share-power/"' in markdown
    assert f"There are {len(content.definitions)} definitions in all." in markdown
    assert 'href="../../definitions/"' in markdown and 'href="../../definitions/at-a-glance/"' in markdown


def test_the_guide_names_definitions_from_the_data_and_links_to_the_comparison(content):
    links = Links.for_page("definitions/", own_pages=own(content))
    html = definitions.definition_guide(
        [["Who holds the power?", "They share it <fully>.", "scie-share-power", "nef-equal-partnership"]], content, links)
    assert "<strong>Who holds the power?</strong> They share it &lt;fully&gt;. Compare" in html
    for definition_id in ("scie-share-power", "nef-equal-partnership"):
        label = content.definitions[definition_id].label.replace("'", "&#39;")
        assert f'<a href="../definitions/#{definition_id}">{label}</a>' in html
    assert 'href="../definitions/?compare=scie-share-power,nef-equal-partnership#compare"' in html


def test_every_definition_page_has_its_own_description(content):
    descriptions = {definitions.page_description(d) for d in content.definitions.values()}
    assert len(descriptions) == len(content.definitions)
    assert all(len(d) >= 50 and "<" not in d for d in descriptions)


# --- Typologies -----------------------------------------------------------------------------------

def test_each_framework_is_one_short_entry_under_its_old_anchors(content):
    links = Links.for_page("typologies/", own_pages=own(content))
    html = typologies.typology_index(content, links)
    assert html.count('<div class="typology-entry">') == len(content.typologies)
    assert "<table" not in html, "the categories' tables are on the frameworks' own pages"
    for t in content.typologies.values():
        assert f'<h3 id="{t.id}"><a href="../typologies/{t.id}/">' in html
        assert f'id="{t.id}-caption"' in html and f"Its {len(t.categories)} parts:" in html
        for c in t.categories:
            anchor = f"{t.id}--{c.id}"
            assert f'<a id="{anchor}" href="../typologies/{t.id}/#{anchor}">' in html


def test_a_framework_without_its_own_page_is_shown_in_full_on_the_typologies_page(content):
    links = Links.for_page("typologies/", own_pages=own(content) - {("typologies", "stages")})
    html = typologies.typology_index(content, links)
    assert "### Stages of co-production { #stages }" in html
    assert '<tr id="stages--co-design">' in html
    assert html.count('<div class="typology-entry">') == len(content.typologies) - 1


def test_a_framework_page_has_it_in_full_and_points_to_the_crosswalk(content):
    links = Links.for_page("typologies/levels/", own_pages=own(content))
    markdown = typologies.typology_page("levels", content, links)
    assert markdown.startswith("# Levels of co-production { #levels }\n")
    for c in content.typologies["levels"].categories:
        assert f'<tr id="levels--{c.id}">' in markdown
    assert 'data-cite-href="../../typologies/levels/"' in markdown
    assert 'href="../../typologies/crosswalk/"' in markdown
    unrelated = typologies.typology_page("bussu-motivations", content, links)
    assert "crosswalk" not in unrelated, "a framework no crosswalk uses does not point to one"


def test_the_guide_names_frameworks_from_the_data(content):
    links = Links.for_page("typologies/", own_pages=own(content))
    html = typologies.typology_guide([["At which stage?", "stages"], ["How deep?", "levels"]], content, links)
    assert '<th scope="row">At which stage?</th>' in html
    assert '<a href="../typologies/stages/">Stages of co-production</a>' in html
    assert html.count("<tr>") == 3 and "<caption" in html


def test_the_crosswalk_in_brief_keeps_every_cell_anchor_and_links_to_the_cell(content):
    links = Links.for_page("typologies/", own_pages=own(content))
    crosswalk = content.crosswalks["levels-by-framework"]
    html = cw.crosswalk_glance(crosswalk.id, content, links)
    for ids in (f'id="crosswalk-{crosswalk.id}"', f'id="table-{crosswalk.id}"', f'id="{crosswalk.id}-caption"'):
        assert ids in html
    for cell in crosswalk.cells:
        anchor = cw.cell_anchor(crosswalk.id, cell.row, cell.column)
        assert re.search(rf'<td id="{anchor}" class="relation-{cell.relation}"><a href="../typologies/crosswalk/#{anchor}">'
                         rf"{cw.relation_label(cell.relation)}</a></td>", html), anchor
    assert cell.reasoning[:30] not in html, "the reasons are on the crosswalk's own page"
