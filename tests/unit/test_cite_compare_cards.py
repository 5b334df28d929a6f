"""Cite this, reference previews, definition filters and the People/Examples cards: pure render functions."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.components.cases import render as cases
from macros.components.citations import cite_this
from macros.components.citations import render as citations
from macros.components.definitions import render as definitions
from macros.components.people import render as people
from macros.links import Links
from macros.models import Source

LINKS = Links.for_page("definitions/")


def test_in_text_citations_carry_their_full_reference_escaped(content):
    evil = Source("evil", "report", ('<img src=x onerror="alert(1)">',), "A & B", year=2009)
    content = dataclasses.replace(content, sources={**content.sources, "evil": evil})
    html = str(citations.cite(["evil"], content, LINKS))
    assert html == ('<a class="cite" href="../sources/#evil" data-reference="&lt;img src=x onerror=&#34;alert(1)&#34;&gt;'
                    ' (2009) A &amp; B.">&lt;img src=x onerror=&#34;alert(1)&#34;&gt; (2009)</a>')


def test_reference_text_is_the_harvard_reference_without_markup(content):
    text = citations.reference_text(content.sources["seed-bussu-2014"])
    assert "<" not in text and text.startswith("Bussu, S. (2014)")


@pytest.mark.parametrize("kwargs, expected", [
    ({"cite_href": "../definitions/#x"}, '<a class="cite-link" href="#cite-x" data-cite-title="A ‘&lt;b&gt;’ title" '
                                         'data-cite-href="../definitions/#x">'),
    ({"cite_anchor": "ev-1"}, '<a class="cite-link" href="#cite-ev-1" data-cite-title="A ‘&lt;b&gt;’ title" '
                              'data-cite-href="#ev-1">'),
])
def test_cite_this_is_a_quiet_link_to_the_items_citation(kwargs, expected):
    html = cite_this.templates().get_template("cite_this.html").render(cite_title="A ‘<b>’ title", **kwargs)
    assert expected in html
    assert '<span class="visually-hidden">: A ‘&lt;b&gt;’ title</span></a></p>' in html


@pytest.mark.parametrize("epoch, year", [("1700000000", 2023), ("0", 1970)])
def test_edition_year_follows_source_date_epoch(epoch, year):
    assert cite_this.edition_year({"SOURCE_DATE_EPOCH": epoch}) == year


@pytest.mark.parametrize("definition_id, decade, authors", [
    ("burns-2004-charity", "2000s", ["sarah-burns"]),
    ("bussu-synthesis", "2010s", ["sonia-bussu", "galanti"]),
    ("nef-mutual-need", "2000s", ["elinor-ostrom", "anna-coote"]),  # no year of its own: its source's year
    ("jrf-clients-alongside-professionals", "none", ["joseph-rowntree-foundation"]),  # no people: the source's author
])
def test_definition_decade_and_authors(content, definition_id, decade, authors):
    definition = content.definitions[definition_id]
    assert definitions.decade_of(definition, content) == decade
    assert [key for key, _ in definitions.authors_of(definition, content)] == authors


def test_each_definition_carries_what_the_filters_need(content):
    html = definitions.definitions(content, LINKS)
    for d in content.definitions.values():
        block = re.search(rf'<div class="definition" data-definition="{d.id}"[^>]*>', html).group(0)
        assert f'data-emphases="{" ".join(d.emphases)}"' in block
        assert f'data-decade="{definitions.decade_of(d, content)}"' in block
        assert f'data-authors="{" ".join(k for k, _ in definitions.authors_of(d, content))}"' in block


def test_filter_options_offer_only_choices_that_match_something(content):
    options = definitions.filter_options(content)
    assert options["decades"][-1] == "none" and options["decades"][:-1] == sorted(options["decades"][:-1])
    used = {e for d in content.definitions.values() for e in d.emphases}
    assert {e.id for e in options["emphases"]} == used
    html = definitions.definition_compare(content, LINKS)
    assert html.count('name="compare"') == len(content.definitions)
    assert "data-definition-tools hidden" in html  # the controls need definitions.js


def test_people_are_cards_with_markdown_headings(content):
    markdown = people.people(content, Links.for_page("people/"))
    assert markdown.count('<section class="card person-card" markdown="block">') == len(content.people)
    for person in content.people.values():
        assert re.search(rf"^## .+ \{{ #{person.id} \}}$", markdown, flags=re.M), person.id


def test_cases_link_their_categories_as_chips_and_can_be_cited(content):
    markdown = cases.cases(content, Links.for_page("examples/"))
    for case in content.cases.values():
        card = markdown.split(f"{{ #{case.id} }}", 1)[1].split("</section>", 1)[0]
        for ref in case.illustrates:
            assert f'<a class="chip" href="../typologies/#{ref.replace("/", "--")}">' in card, (case.id, ref)
        assert f'data-cite-href="../examples/#{case.id}"' in card
