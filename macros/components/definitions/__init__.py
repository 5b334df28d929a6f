"""Definitions: each quoted verbatim with its source, at a glance, side by side, and on a page of its own."""

from pathlib import Path

from macros.components.component import Component, Context, Example, Macro
from macros.components.definitions import render
from macros.components.embeds.render import Component as Embed
from macros.links import PAGES, RECORD_PAGES


def check_record_page(ctx: Context, kind: str, noun: str, record_id: str) -> None:
    """docs/<folder>/<id>.md must show its own record: a page named after another fails, with the fix."""
    from macros.components.component import UnknownIdError

    if ctx.page is None:
        return
    expected = f"{RECORD_PAGES[kind][0]}/{record_id}.md"
    if ctx.page.src_uri != expected:
        raise UnknownIdError(f"docs/{ctx.page.src_uri} shows {noun} '{record_id}', whose page must be "
                             f"docs/{expected}: rename the file, or make it show the {noun} its name gives")


def definition_list(ctx: Context, *ids: str) -> str:
    """Every definition (or the named ones) in full, quoted verbatim."""
    ctx.known("definition", ids, ctx.content.definitions)
    return render.definitions(ctx.content, ctx.links, list(ids) or None)


def definitions_table(ctx: Context) -> str:
    return render.definitions_table(ctx.content, ctx.links)


def definition_entries(ctx: Context) -> str:
    """Every definition, short: its quotation and whose words, linking to its own page (or in full without one)."""
    return render.definition_summaries(ctx.content, ctx.links, ctx.page.src_uri if ctx.page else "definitions.md")


def definition_page(ctx: Context, definition_id: str) -> str:
    """A definition's own page, docs/definitions/<id>.md: the definition in full."""
    ctx.known("definition", [definition_id], ctx.content.definitions)
    check_record_page(ctx, "definitions", "definition", definition_id)
    ctx.describe(render.page_description(ctx.content.definitions[definition_id]))
    return render.definition_page(definition_id, ctx.content, ctx.links)


def definition_guide(ctx: Context, questions) -> str:
    """Where the definitions differ: [[question, how they differ, definition id, definition id], ...]."""
    ctx.known("definition", [i for _, _, *ids in questions for i in ids], ctx.content.definitions)
    return render.definition_guide(questions, ctx.content, ctx.links)


def definition_link(ctx: Context, definition_id: str) -> str:
    """A link to a definition's entry on the Definitions page, named by its label."""
    ctx.known("definition", [definition_id], ctx.content.definitions)
    return str(render.definition_link(definition_id, ctx.content, ctx.links))


def definition_compare(ctx: Context) -> str:
    """The filter and side-by-side controls on the Definitions page, enhanced by definitions.js."""
    return render.definition_compare(ctx.content, ctx.links)


def embeds(content) -> list:
    return [
        Embed("definitions-table", "Definitions of co-production at a glance", "this table",
              "The table of definitions of co-production at a glance: who gave each one and what it emphasises, "
              "to embed.", (("definitions_table", ()),), PAGES["definitions-table"], "definitions-glance-caption", 700),
        Embed("definition-compare", "Compare definitions of co-production", "the comparison of definitions",
              "Filter the definitions of co-production and set two or three side by side, in a view to embed.",
              (("definition_compare", ()), ("definition_list", ())), PAGES["definitions"], "compare", 900,
              # A level-2 heading over the controls, as on the page: their "Side by side" heading is level 3.
              heading="Filter and compare")]


# definitions.js works the compare tools (definition_compare): the other macros' pages need only the styles
# (Macro.scripts). Only the table at a glance is a sortable table, which needs the tables' script and styles.
_QUOTED = {"scripts": ()}

COMPONENT = Component(
    "definitions", Path(__file__).parent,
    macros=(Macro("definition_list", definition_list, **_QUOTED),
            Macro("definitions_table", definitions_table, scripts=(), requires=("tables", "citations")),
            Macro("definition_entries", definition_entries, **_QUOTED), Macro("definition_page", definition_page, examples=(Example(("quilligan",), "definitions/quilligan.md"),), **_QUOTED),
            Macro("definition_guide", definition_guide, examples=(Example(([["Staff work?", "They differ.", "bussu-synthesis", "scie-take-over-work"]],)),), **_QUOTED), Macro("definition_link", definition_link, examples=(Example(("quilligan",)),), **_QUOTED),
            Macro("definition_compare", definition_compare)),
    scripts=("definitions.js",), styles=("definitions.css",), requires=("citations",), embeds=embeds)
