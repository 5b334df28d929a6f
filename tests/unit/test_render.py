"""Render functions: pure data in, escaped HTML/Markdown out, checked without mkdocs."""

import re

import pytest

from macros.components.citations import render as citations
from macros.components.tables import render as tables
from macros.components.timeline import render as timeline
from macros.links import Links
from macros.models import Source

LINKS = Links.for_page("history/")


@pytest.mark.parametrize("authors, year, expected", [
    (("Bussu, S.",), 2014, "Bussu (2014)"),
    (("Glynos, J.", "Speed, E."), 2012, "Glynos and Speed (2012)"),
    (("Stirling, A.", "Ely, A.", "Marshall, F."), 2018, "Stirling et al. (2018)"),
    (("HCCT",), None, "HCCT (n.d.)"),
])
def test_in_text_citation(authors, year, expected):
    assert citations.in_text(Source("x", "book", authors, "T", year=year)) == expected


@pytest.mark.parametrize("source, expected", [
    (Source("a", "article", ("Alford, J.",), "Why Do Public-Sector Clients Coproduce?", year=2002,
            container="Administration and Society", details="34, 1, 32–56"),
     "Alford, J. (2002) ‘Why Do Public-Sector Clients Coproduce?’, <cite>Administration and Society</cite>, 34, 1, 32–56."),
    (Source("b", "book", ("Cahn, E.S.",), "No More Throw-Away People", year=2000, publisher="Essential Books"),
     "Cahn, E.S. (2000) <cite>No More Throw-Away People</cite>. Essential Books."),
    (Source("c", "book", ("Lanier, J.",), "Who owns the future?"),
     "Lanier, J. (n.d.) <cite>Who owns the future?</cite>"),
    (Source("d", "report", ("<Evil>",), "<script>", year=2009, url="https://example.org/?a=1&b=2", url_status="current"),
     '&lt;Evil&gt; (2009) <cite>&lt;script&gt;</cite>. Available at: '
     '<a href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener">https://example.org/?a=1&amp;b=2</a>.'),
])
def test_harvard_reference(source, expected):
    assert str(citations.harvard(source)) == expected


def test_historical_addresses_are_marked(content):
    reference = str(citations.harvard(content.sources["guardian-2008"]))
    assert "it may no longer work" in reference


def test_links_are_relative_to_the_page():
    assert Links.for_page("").source("x") == "sources/#x"
    assert Links.for_page("typologies/compare/").source("x") == "../../sources/#x"
    assert Links.for_page("history.html", directory_urls=False).source("x") == "sources.html#x"
    assert Links.for_page("typologies/compare.html", directory_urls=False).page("home") == "../index.html"


def ids_in(html: str) -> list[str]:
    return re.findall(r'<h3 id="([^"]+)" class="event-title"', html)


def test_timeline_is_grouped_by_era_in_date_order(content):
    markdown = timeline.timeline(content, LINKS)
    era_headings = re.findall(r"^## .* \{ #era-([a-z0-9-]+) \}$", markdown, flags=re.M)
    assert era_headings == [e for e in content.eras if content.events_in(e)]
    rendered = ids_in(markdown)
    assert sorted(rendered) == sorted(content.events)
    starts = [content.events[i].date.start for i in rendered]
    assert starts == sorted(starts)


def test_every_event_shows_its_sources(content):
    markdown = timeline.timeline(content, LINKS)
    for event in content.events.values():
        block = markdown.split(f'id="{event.id}"', 1)[1].split("</article>", 1)[0]
        for source_id in event.sources:
            assert f'href="../sources/#{source_id}"' in block, (event.id, source_id)


@pytest.mark.parametrize("kwargs", [{"theme": "time-banking"}, {"person": "edgar-cahn"}, {"era": "origins"},
                                    {"theme": "policy", "era": "crisis-and-mainstream"}])
def test_timeline_filters_show_exactly_the_matching_events(content, kwargs):
    expected = [
        e.id for e in content.events.values()
        if all(kwargs.get(k) is None or kwargs[k] in ({"theme": e.themes, "person": e.people}.get(k) or [e.era])
               for k in kwargs)
    ]
    assert expected, "the filter should match something"
    assert ids_in(timeline.timeline(content, LINKS, **kwargs)) == expected


def test_uncertain_dates_are_shown_as_approximate(content):
    markdown = timeline.timeline(content, LINKS, era="origins")
    block = markdown.split('id="ostrom-chicago-police"', 1)[1].split("</article>", 1)[0]
    assert '<time datetime="1970">1970s</time>' in block
    assert "Approximate date." in block


def test_comparison_table_has_caption_and_header_scopes(content):
    html = tables.comparison_table(tables.table_view("approaches", content), content, LINKS)
    assert "<caption" in html
    comparison = content.comparisons["approaches"]
    assert html.count('<th scope="col">') == len(comparison.columns) + 2
    assert html.count('<th scope="row">') == len(comparison.rows)


def test_comparison_cells_carry_their_column_label_for_the_phone_cards(content):
    html = tables.comparison_table(tables.table_view("approaches", content), content, LINKS)
    comparison = content.comparisons["approaches"]
    labels = re.findall(r'<td data-label="([^"]*)">', html)
    one_row = [c.label for c in comparison.columns] + ["Sources"]
    assert labels == one_row * len(comparison.rows)


def test_comparison_rows_can_be_filtered_and_sorted(content):
    view = tables.table_view("approaches", content)
    only = view.only(["consultation", "co-production"])
    assert [r.id for r in only.rows] == [r.id for r in view.rows if r.id in ("consultation", "co-production")]
    first_column = content.comparisons["approaches"].columns[0].id
    cells = [r.cells[0].lower() for r in view.sorted_by(first_column).rows]
    assert cells == sorted(cells)


def test_bibliography_anchors_every_source(content):
    html = citations.bibliography(content, Links.for_page("sources/"))
    for source_id in content.sources:
        assert html.count(f'<li id="{source_id}" ') == 1


def test_people_link_to_their_events_and_definitions(content):
    from macros.components.people import render as people

    html = people.people(content, Links.for_page("people/"))
    cahn = html.split("{ #edgar-cahn }", 1)[1].split("\n## ", 1)[0]
    for event in content.events_of("edgar-cahn"):
        assert f'href="../history/#{event.id}"' in cahn
    for definition in content.definitions_of("edgar-cahn"):
        assert f'href="../definitions/#{definition.id}"' in cahn
