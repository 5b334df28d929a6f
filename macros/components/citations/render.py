"""Harvard-style citations: short in-text references and full bibliography entries."""

from __future__ import annotations

from functools import cache

from markupsafe import Markup, escape

from macros import collections
from macros.components.citations import cite_this as _cite_this  # noqa: F401  registers the global that cite_this.html needs
from macros.links import Links
from macros.local import badge, badge_text, with_badge
from macros.markup import inline, md_heading, render, templates
from macros.models import Content, Source

# Kinds whose title is the container's part (quoted), not a standalone work (italic).
_PART_KINDS = {"article", "chapter", "blog-post", "newspaper", "web-page"}


def surname(author: str) -> str:
    return author.split(",")[0].strip()


def author_label(source: Source) -> str:
    names = [surname(a) for a in source.authors]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def year_label(source: Source) -> str:
    return str(source.year) if source.year else "n.d."


def in_text(source: Source) -> str:
    """'Bussu (2014)', 'Stirling et al. (2018)', 'HCCT (n.d.)'."""
    return f"{author_label(source)} ({year_label(source)})"


def _author_list(source: Source) -> str:
    authors = list(source.authors)
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


@cache  # a source is cited many times a build, and a Source never changes
def harvard(source: Source) -> Markup:
    """The full reference, escaped, with the title in <cite> and the address as a link."""
    e = escape
    parts = [Markup("{} ({}) ").format(e(_author_list(source)), e(year_label(source)))]
    if source.kind in _PART_KINDS and source.container:
        parts.append(Markup("‘{}’, <cite>{}</cite>").format(e(source.title), e(source.container)))
    else:
        parts.append(Markup("<cite>{}</cite>").format(e(source.title)))
        if source.container:
            parts.append(Markup(", {}").format(e(source.container)))
    if source.details:
        parts.append(Markup(", {}").format(e(source.details)))
    if source.kind == "film":
        parts.append(Markup(" [Film]"))
    if source.date and source.kind in {"blog-post", "newspaper", "web-page"}:
        parts.append(Markup(", {}").format(e(source.date.label)))
    _end_sentence(parts)
    where = ": ".join(p for p in (source.place, source.publisher) if p)
    if where:
        parts.append(Markup(" {}.").format(e(where)))
    if source.url:
        parts.append(address(source))
    return Markup("").join(parts)


def address(source: Source) -> Markup:
    """Where the work is online, in words that say what we know of the address (its url_status): address.html."""
    checked = source.checked.label if source.checked else None
    # The partial's text follows the title on the same line: one space, then its sentences.
    return Markup(" ") + Markup(templates().get_template("address.html").render(
        s=source, status=source.url_status, checked=checked))


def _end_sentence(parts: list[Markup]) -> None:
    """Close the title part with a full stop, unless it already ends with its own punctuation."""
    if not Markup("").join(parts).striptags().rstrip().endswith(("?", "!", ".")):
        parts.append(Markup("."))


@cache  # as harvard: each source's preview text is the same wherever it is cited
def reference_text(source: Source) -> str:
    """The full reference as plain text, for the preview shown when a reader hovers over a citation."""
    return harvard(source).striptags()


def cite(source_ids, content: Content, links: Links) -> Markup:
    """In-text citations linking to the bibliography, e.g. '(Bussu (2014); Prescott (2014))'.

    Each link carries its full reference in data-reference, so cite.js can preview it without a
    request: it works offline and from file://.
    """
    items = [
        Markup('<a class="cite" href="{}" data-reference="{}">{}</a>').format(
            links.source(sid), reference_text(content.sources[sid]), in_text(content.sources[sid]))
        for sid in source_ids
    ]
    return Markup("; ").join(items)


def citations_by_source(content: Content, links: Links) -> dict[str, list[tuple[str, str, str]]]:
    """Everywhere each source is cited on the site, as (kind, title, href): the backlinks on the Sources page.

    Which records cite which sources comes from the registry's references (collections.citing), so a new
    kind of record that cites sources is listed too; this function only words and links each one. A
    crosswalk cell and a course question get their own line, linked to where they stand; other nested
    parts (a typology's categories, a comparison's rows) count for their record. One pass over the
    records, so the Sources page grows with the data, not with sources x records.
    """
    from macros.components.crosswalk.render import cell_anchor  # here: that module imports this one

    def question_line(module, index: int) -> tuple[str, str, str]:
        question = module.questions[index]  # its anchor is the one the module page gives it (course render)
        return "Course question", f"{module.title}, question {index + 1}", f"{links.module(module.id)}#q-{question.id}"

    def cell_line(crosswalk, index: int) -> tuple[str, str, str]:
        cell = crosswalk.cells[index]
        where = f"{content.categories[cell.row].name} and {content.typologies[cell.column].name}"
        return ("Crosswalk", f"{crosswalk.title}: {where}",
                f"{links.page('crosswalk')}#{cell_anchor(crosswalk.id, cell.row, cell.column)}")

    # collection -> (kind, title, href) of a record; and the nested lists whose items get a line of their own.
    lines = {
        "people": lambda r: ("Person", r.name, links.person(r.id)),
        "events": lambda r: ("Event", with_badge(r.title, r, content), links.event(r.id)),
        "definitions": lambda r: ("Definition", with_badge(r.label, r, content), links.definition(r.id)),
        "typologies": lambda r: ("Typology", r.name, links.typology(r.id)),
        "cases": lambda r: ("Example", with_badge(r.title, r, content), links.case(r.id)),
        "terms": lambda r: ("Glossary", with_badge(r.term, r, content), links.term(r.id)),
        "comparisons": lambda r: ("Comparison", r.title, links.page("compare")),
        "crosswalks": lambda r: ("Crosswalk", r.title, f"{links.page('crosswalk')}#crosswalk-{r.id}"),
        "modules": lambda r: ("Course", r.title, links.module(r.id)),
        "statements": lambda r: ("Self-assessment", with_badge(r.text, r, content),
                                 f"{links.page('self-assessment')}#sa-q-{r.id}"),
    }
    part_lines = {("crosswalks", "cells"): cell_line, ("modules", "questions"): question_line}

    def fallback(r, collection: str) -> tuple[str, str, str]:
        # A collection with no page of its own yet: named by its noun, linked to its files on the Open data page.
        title = next((getattr(r, f) for f in ("title", "name", "label", "term") if isinstance(getattr(r, f, None), str)),
                     r.id)
        return content.collections[collection].noun.capitalize(), title, links.page("open-data")

    found: dict[str, list[tuple[str, str, str]]] = {sid: [] for sid in content.sources}
    for citing in collections.citing(content):
        record = getattr(content, citing.collection)[citing.record]
        part_line = part_lines.get((citing.collection, citing.part[0] if citing.part else None))
        if part_line:
            line = part_line(record, citing.part[1])
        elif citing.collection in lines:
            line = lines[citing.collection](record)
        else:
            line = fallback(record, citing.collection)
        for sid in citing.sources:
            if sid in found and line not in found[sid]:  # each source once per line, in order
                found[sid].append(line)
    return found


def bibliography(content: Content, links: Links) -> str:
    def order(source: Source):
        return (author_label(source).lower(), source.year or 0, source.title.lower())

    national = [s for s in content.sources.values() if not s.local]
    # (heading, intro, sources, heading id): the first group keeps the id of its old heading, so old links land.
    groups = [
        ("The main sources", "These are the texts this site is drawn from.",
         sorted((s for s in national if s.seed), key=order), "the-seed-texts"),
        ("Works cited", "Works that the main sources cite or quote, and works that correct or add to them.",
         sorted((s for s in national if not s.seed), key=order), None),
    ]
    local = sorted((s for s in content.sources.values() if s.local), key=order)
    if local:
        groups.append((f"Local sources: {content.local_name or 'this council'}",
                       f"Sources for the local records this site adds ({badge_text(content)}).", local, None))
    citations = citations_by_source(content, links)
    parts = []
    for title, intro, sources, heading_id in groups:
        entries = [
            {"source": s, "reference": harvard(s), "note": inline(s.note), "badge": badge(s, content),
             "cited_in": [content.sources[c] for c in s.cited_in],
             "citations": citations[s.id], "in_text": in_text}
            for s in sources
        ]
        anchor = f" {{ #{heading_id} }}" if heading_id else ""
        parts.append(f"## {md_heading(title)}{anchor}\n\n{md_heading(intro)}\n\n"
                     + render("bibliography.html", entries=entries, links=links))
    return "\n\n".join(parts)
