"""The "Reuse this page" area (macros/postbuild/reuse.py), on small hand-made pages shaped like material's."""

from __future__ import annotations

import re

import pytest

from macros.components.citations import cite_this
from macros.components.downloads import render as downloads
from macros.links import Links
from macros.postbuild import page_embeds as pe
from macros.postbuild import reuse
from tests.unit.test_postbuild import SITE_NAME, built_site, files_of, page, settings


def quiet_link(title: str, href: str) -> str:
    return cite_this.templates().get_template("cite_this.html").render(cite_title=title, cite_href=href).strip()


class _Download:  # shaped like exports.Download
    description, json, csv, schema = "Events", "data/timeline.json", ("data/timeline.csv",), "data/schema.json"


DOWNLOADS = downloads.download_line([_Download()], Links.for_page("about/"))
CONTROL = ('<details class="embed-this" data-embed-this data-search-exclude>\n<summary>Embed the timeline</summary>\n'
           "<p>Paste this.</p>\n</details>")


def about_page(body: str) -> str:
    return page().replace('<!-- an </article> in a comment is not the end -->', body)


@pytest.mark.parametrize("href, expected", [
    ("#ostrom-chicago", "cite-ostrom-chicago"),
    ("../../definitions/quilligan/", "cite-quilligan"),
    ("../definitions/quilligan.html", "cite-quilligan"),
    ("../examples/#rushey-green", "cite-rushey-green"),
])
def test_an_items_citation_is_named_after_its_address(href, expected):
    assert cite_this.entry_id(href) == expected


def test_an_item_keeps_only_a_quiet_link_to_its_citation_kept_out_of_search():
    html = quiet_link("A ‘<b>’ title", "#ev-1")
    assert html == ('<p class="cite-item" data-search-exclude><a class="cite-link" href="#cite-ev-1" '
                    'data-cite-title="A ‘&lt;b&gt;’ title" data-cite-href="#ev-1">Cite this<span class="visually-hidden">'
                    ': A ‘&lt;b&gt;’ title</span></a></p>')
    assert "<details" not in html


def test_one_area_gathers_the_pages_citation_data_embeds_and_items(tmp_path):
    body = "\n".join([quiet_link("First event", "#ev-1"), CONTROL, quiet_link("Second <event>", "#ev-2"),
                      quiet_link("First event", "#ev-1"), DOWNLOADS])
    site = built_site(tmp_path, {"about/index.html": about_page(body)})
    pe.write_page_embeds(site, settings(tmp_path))
    text = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert text.count('<section class="reuse"') == 1 and text.count(f'id="{reuse.HEADING_ID}"') == 1
    before, area = text.split('<section class="reuse"')
    # The downloads and the component's control moved into the area; the quiet links stayed with their items.
    assert "data-embed-this" not in before and 'class="downloads"' not in before
    assert before.count('class="cite-link"') == 3
    assert area.index("</section>") < area.index("</article>")
    rows = re.findall(r"<dt>([^<]+)</dt>", area)
    assert rows == ["Cite this page", "Download the data", "Embed on your site", "Cite an item on this page"]
    assert area.count("data-embed-this") == 2  # this page's and the timeline's
    assert "Embed this page" in area and "Embed the timeline" in area
    assert re.findall(r'<div id="(cite-[^"]+)"', area) == ["cite-ev-1", "cite-ev-2"]  # each item once, in order
    assert f"{SITE_NAME} (2023) ‘About us’. Available at: <a class=\"cite-url\" href=\"./\">./</a>" in area
    assert "‘Second &lt;event&gt;’. Available at: <a class=\"cite-url\" href=\"#ev-2\">" in area
    assert '<a href="#ev-2">Back to ‘Second &lt;event&gt;’</a>' in area
    assert 'data-search-exclude' in area.split(">", 1)[0]


def test_an_item_that_is_the_page_itself_is_the_pages_citation(tmp_path):
    site = built_site(tmp_path, {"definitions/quilligan/index.html": about_page(
        quiet_link("Quilligan: cooperation", "../../definitions/quilligan/"))})
    pe.write_page_embeds(site, settings(tmp_path))
    area = (site / "definitions/quilligan/index.html").read_text(encoding="utf-8").split('<section class="reuse"')[1]
    assert '<dd class="cite-entry" id="cite-quilligan">' in area and "‘Quilligan: cooperation’" in area
    assert "Cite an item on this page" not in area and "‘About us’" not in area


def test_the_embed_keeps_the_items_citations_and_nothing_else_of_the_area(tmp_path):
    body = "\n".join([quiet_link("First event", "#ev-1"), CONTROL, DOWNLOADS])
    site = built_site(tmp_path, {"about/index.html": about_page(body)})
    pe.write_page_embeds(site, settings(tmp_path))
    embed = (site / "about" / "embed.html").read_text(encoding="utf-8")
    assert '<section class="reuse"' not in embed and "data-embed-this" not in embed and "downloads" not in embed
    assert embed.count('<section class="reuse-items"') == 1 and 'id="cite-ev-1"' in embed
    assert 'href="#cite-ev-1"' in embed and 'href="#cite-ev-1" target' not in embed  # it stays in the frame


def test_a_page_without_items_has_no_item_list(tmp_path):
    site = built_site(tmp_path, {"about/index.html": page()})
    pe.write_page_embeds(site, settings(tmp_path))
    text = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "Cite an item" not in text and "Download the data" not in text
    assert 'id="cite-this-page"' in text and "reuse-items" not in (site / "about/embed.html").read_text(encoding="utf-8")


def test_running_it_again_changes_nothing(tmp_path):
    body = "\n".join([quiet_link("First event", "#ev-1"), CONTROL, DOWNLOADS])
    site = built_site(tmp_path, {"about/index.html": about_page(body), "embed/timeline/index.html":
                                 '<main class="embed-main md-typeset">' + quiet_link("E", "#e") +
                                 '</main>\n<p class="embed-source">From</p>'})
    for _ in range(2):
        pe.write_page_embeds(site, settings(tmp_path))
        reuse.cite_component_embeds(site, "embed", site_name=SITE_NAME, year=2023)
        if _ == 0:
            once = files_of(site)
    assert files_of(site) == once
    component = (site / "embed/timeline/index.html").read_text(encoding="utf-8")
    assert component.index('<section class="reuse-items"') < component.index("</main>") and 'id="cite-e"' in component
