"""Definitions of co-production: each quoted verbatim with its source, an at-a-glance table, and the
controls for comparing and filtering them (which definitions.js brings to life).

Each definition has a page of its own (docs/definitions/<id>.md calls definition_page) with everything
about it; the Definitions page keeps a short entry for each (the quotation and whose words they are), so
it stays short as definitions are added. A definition with no page of its own, such as a council's local
one, is shown there in full instead.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from macros.components.citations.render import author_label, cite
from macros.links import RECORD_PAGES, Links
from macros.local import badge, badge_text
from macros.markup import inline, md_heading, render
from macros.models import Content, Definition

NO_YEAR = "none"


def year_of(definition: Definition, content: Content) -> int | None:
    """The definition's own year, else the year of the source it is quoted from."""
    return definition.year or content.sources[definition.source].year


def decade_of(definition: Definition, content: Content) -> str:
    """'2000s', or 'none' when neither the definition nor its source gives a year."""
    year = year_of(definition, content)
    return f"{year // 10 * 10}s" if year else NO_YEAR


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def authors_of(definition: Definition, content: Content) -> list[tuple[str, str]]:
    """Who a definition is by, as (key, label): the people it names, else the author of its source."""
    if definition.people:
        return [(p, content.people[p].name) for p in definition.people]
    source = content.sources[definition.source]
    return [(_slug(author_label(source)), author_label(source))]


def definition_view(definition: Definition, content: Content, links: Links) -> dict:
    return {
        "d": definition,
        "gloss": inline(definition.gloss),
        "source": cite([definition.source], content, links),
        "via": cite([definition.via], content, links) if definition.via else "",
        "people": [(content.people[p].name, links.person(p)) for p in definition.people],
        "emphases": [content.emphases[e] for e in definition.emphases],
        "href": links.definition(definition.id),
        "year": year_of(definition, content),
        "decade": decade_of(definition, content),
        "authors": authors_of(definition, content),
        "badge": badge(definition, content),
    }


def _heading(definition: Definition, level: int) -> str:
    return f"{'#' * level} {md_heading(definition.label)} {{ #{definition.id} }}"


def definition_entry(definition: Definition, content: Content, links: Links, heading_level: int = 2) -> str:
    """A definition in full under its heading: quotation, source, plain words, emphases, people, Cite this."""
    return _heading(definition, heading_level) + "\n\n" + render(
        "definition.html", view=definition_view(definition, content, links))


def definitions(content: Content, links: Links, ids: list[str] | None = None) -> str:
    chosen = [content.definitions[i] for i in ids] if ids else list(content.definitions.values())
    return "\n\n".join(definition_entry(d, content, links) for d in chosen)


def definition_summaries(content: Content, links: Links, page_src: str = "definitions.md",
                         heading_level: int = 2) -> str:
    """Every definition on the Definitions page: a short entry whose heading links to its own page, or the
    definition in full if it has none.

    `page_src` is the source file of the page being rendered ("definitions.md"). The heading's link is
    written as a Markdown link to the record's source file, so mkdocs checks it and resolves it.
    """
    parts = []
    for d in content.definitions.values():
        if not links.has_page("definitions", d.id):
            parts.append(definition_entry(d, content, links, heading_level))
            continue
        own = f"{RECORD_PAGES['definitions'][0]}/{d.id}.md"
        target = posixpath.relpath(own, posixpath.dirname(page_src) or ".")
        heading = f"{'#' * heading_level} [{md_heading(d.label)}]({target}) {{ #{d.id} }}"
        parts.append(heading + "\n\n" + render("definition_summary.html", view=definition_view(d, content, links)))
    return "\n\n".join(parts)


def definition_page(definition_id: str, content: Content, links: Links) -> str:
    """A definition's own page: its label as the title, the definition in full, and the ways back."""
    definition = content.definitions[definition_id]
    return _heading(definition, 1) + "\n\n" + render(
        "definition_page.html", view=definition_view(definition, content, links),
        total=len(content.definitions), all_href=links.page("definitions"),
        table_href=links.page("definitions-table"))


def page_description(definition: Definition) -> str:
    """The meta description of a definition's own page: whose words, and what they mean in plain words."""
    gloss = inline(definition.gloss).striptags()
    return f"{definition.label}. A definition of co-production, quoted word for word with its source. {gloss}"


def definition_link(definition_id: str, content: Content, links: Links) -> Markup:
    """A link to a definition's entry on the Definitions page, named by its label."""
    definition = content.definitions[definition_id]
    return Markup('<a href="{}">{}</a>').format(links.to("definitions", definition.id), definition.label)


def definition_guide(questions, content: Content, links: Links) -> str:
    """'Where they differ': each question the definitions answer differently, with two that do.

    `questions` is a list of (question, how they differ, definition id, definition id...), written on the
    page; the definitions' labels and links come from the data, and each question also links to the
    compare view with its definitions already picked.
    """
    items = []
    for question, difference, *ids in questions:
        items.append({
            "question": question,
            "difference": difference,
            "links": [definition_link(i, content, links) for i in ids],
            "compare": f"{links.page('definitions')}?compare={','.join(ids)}#compare",
        })
    return render("definition_guide.html", items=items)


def definitions_table(content: Content, links: Links) -> str:
    views = [definition_view(d, content, links) for d in content.definitions.values()]
    return render("definitions_table.html", views=views, emphases=list(content.emphases.values()))


def filter_options(content: Content) -> dict:
    """The choices for each filter, only those that match at least one definition, in a reader's order."""
    authors: dict[str, str] = {}
    decades: set[str] = set()
    used: set[str] = set()
    for d in content.definitions.values():
        authors.update(authors_of(d, content))
        decades.add(decade_of(d, content))
        used.update(d.emphases)
    return {
        "authors": sorted(authors.items(), key=lambda kv: kv[1].lower()),
        "decades": sorted(decades - {NO_YEAR}) + ([NO_YEAR] if NO_YEAR in decades else []),
        "emphases": [e for e in content.emphases.values() if e.id in used],
    }


def definition_compare(content: Content, links: Links) -> str:
    """The filter and compare controls. They start hidden: they only work with definitions.js."""
    return render("definition_compare.html", options=filter_options(content),
                  definitions=list(content.definitions.values()), total=len(content.definitions),
                  local_text=badge_text(content))
