"""mkdocs-macros entry point: load and validate the data once, then register the page-facing macros.

The logic lives in `load` and `render`; this module only wires them to mkdocs-macros.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from macros import exports
from macros.council import display, read_council
from macros.errors import ContentError, SettingsError
from macros.load import load_content
from macros.render import (
    accessibility,
    cases,
    citations,
    cite_this,
    course,
    definitions,
    downloads,
    embeds,
    glossary,
    handbook,
    people,
    tables,
    timeline,
    typologies,
)
from macros.render import crosswalk as crosswalk_render
from macros.render.links import RECORD_PAGES, Links, record_page_id
from macros.render.markup import with_tooltips


class UnknownIdError(Exception):
    """A page asked a macro for a record that does not exist."""


def _register_error_format() -> None:
    """Show a page author one plain line for an unknown id, instead of mkdocs-macros' traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # an older or newer mkdocs-macros: its default message still fails the build
        return

    @format_error.register
    def _(error: UnknownIdError, markdown: str, page) -> str:
        return str(error)


# The project folder. Not env.project_dir: a council's config (examples/harbourside/mkdocs.yml) lives
# in its own folder, and the national data stays here.
_ROOT = Path(__file__).resolve().parent.parent


def _record_pages(docs_dir: Path | None) -> frozenset[tuple[str, str]]:
    """(kind, id) of every record with a page of its own: docs/<folder>/<id>.md calling its macro (render/links.py)."""
    found = set()
    for kind, (folder, _macro) in RECORD_PAGES.items():
        for path in sorted((docs_dir / folder).glob("*.md")) if docs_dir else ():
            record_id = record_page_id(kind, path.read_text(encoding="utf-8"))
            if record_id == path.stem:  # a page named after another record fails in its macro, with the fix
                found.add((kind, record_id))
    return frozenset(found)


def _data_dir(env) -> Path:
    # DATA_DIR lets tests and benchmarks point the same site at other data.
    return Path(os.environ.get("DATA_DIR") or _ROOT / "data")


def define_env(env):
    from mkdocs.exceptions import PluginError  # only this entry point knows about mkdocs

    _register_error_format()
    try:
        # A council's local records (extra.council.data), merged in and marked "Local".
        council = read_council(env.conf.get("extra"), env.conf["config_file_path"], _ROOT)
        local = {"local_dir": council.data, "local_label": council.data_label,
                 "local_name": council.name} if council and council.data else {}
        # Who runs this copy of the site (extra.owner): required wherever the accessibility statement is published.
        owner = (accessibility.read_owner(env.conf.get("extra"), display(env.conf["config_file_path"], _ROOT))
                 if (Path(env.conf["docs_dir"]) / accessibility.PAGE).is_file() else None)
        content = load_content(_data_dir(env), **local)
    except (ContentError, SettingsError) as err:
        raise PluginError(err.report()) from None
    for name, function in (accessibility.macros(owner, env.conf.get("site_name") or "") if owner else {}).items():
        env.macro(function, name)
    env.variables["content"] = content
    env.variables["counts"] = {
        name: len(getattr(content, name))
        for name in ("sources", "people", "events", "definitions", "typologies", "cases", "terms", "eras")
    }

    tooltip_words = glossary.tooltips(content)

    def macro(function):
        """Register a page-facing macro whose HTML gets the glossary tooltips."""
        @functools.wraps(function)
        def wrapped(*args, **kwargs):
            return with_tooltips(function(*args, **kwargs), tooltip_words)
        return env.macro(wrapped)

    own_pages = _record_pages(Path(env.conf["docs_dir"]) if env.conf.get("docs_dir") else None)

    def links() -> Links:
        page = env.page
        return Links.for_page(page.url if page else "", env.conf.get("use_directory_urls", True), own_pages)

    def record_page(kind: str, noun: str, record_id: str, description: str) -> None:
        """Check that docs/<folder>/<id>.md shows its own record, and give the page its meta description."""
        if env.page is None:
            return
        expected = f"{RECORD_PAGES[kind][0]}/{record_id}.md"
        if env.page.file.src_uri != expected:
            raise UnknownIdError(f"docs/{env.page.file.src_uri} shows {noun} '{record_id}', whose page must be "
                                 f"docs/{expected}: rename the file, or make it show the {noun} its name gives")
        env.page.meta.setdefault("description", description)

    def known(kind: str, ids, collection: dict) -> None:
        page = env.page.file.src_uri if env.page else "?"
        for record_id in ids:
            if record_id not in collection:
                raise UnknownIdError(
                    f"docs/{page}: unknown {kind} id '{record_id}'. Known ids: {', '.join(sorted(collection))}")

    @macro
    def timeline_list(era: str | None = None, theme: str | None = None, person: str | None = None,
                      heading_level: int = 2, explorer: bool = True, compact: bool = False) -> str:
        """The timeline grouped by era, optionally narrowed to one era, theme or person.

        `explorer=False` leaves out the time axis and filters (one explorer per page: ids would repeat).
        `compact=True` shows each event's summary and sources, linking to its full record on its era's page.
        """
        known("era", [era] if era else [], content.eras)
        known("theme", [theme] if theme else [], content.themes)
        known("person", [person] if person else [], content.people)
        return timeline.timeline(content, links(), era=era, theme=theme, person=person, heading_level=heading_level,
                                 explorer=explorer, compact=compact)

    @macro
    def era_guide() -> str:
        """The eras at a glance: each one's title (linking to its page), years, number of events and summary."""
        return timeline.era_guide(content, links())

    @macro
    def era_page(era_id: str) -> str:
        """An era's page (docs/history/<era id>.md): its heading, summary and every event in full."""
        known("era", [era_id], content.eras)
        if env.page is not None:  # the page's meta description comes from the data, as its heading does
            env.page.meta.setdefault("description", timeline.era_description(era_id, content))
        return timeline.era_page(era_id, content, links())

    @macro
    def definition_list(*ids: str) -> str:
        """Every definition (or the named ones) in full, quoted verbatim."""
        known("definition", ids, content.definitions)
        return definitions.definitions(content, links(), list(ids) or None)

    @macro
    def definitions_table() -> str:
        return definitions.definitions_table(content, links())

    @macro
    def definition_entries() -> str:
        """Every definition, short: its quotation and whose words, linking to its own page (or in full without one)."""
        page_src = env.page.file.src_uri if env.page else "definitions.md"
        return definitions.definition_summaries(content, links(), page_src)

    @macro
    def definition_page(definition_id: str) -> str:
        """A definition's own page, docs/definitions/<id>.md: the definition in full."""
        known("definition", [definition_id], content.definitions)
        record = content.definitions[definition_id]
        record_page("definitions", "definition", definition_id, definitions.page_description(record))
        return definitions.definition_page(definition_id, content, links())

    @macro
    def definition_guide(questions) -> str:
        """Where the definitions differ: [[question, how they differ, definition id, definition id], ...]."""
        known("definition", [i for _, _, *ids in questions for i in ids], content.definitions)
        return definitions.definition_guide(questions, content, links())

    @env.macro
    def definition_link(definition_id: str) -> str:
        """A link to a definition's entry on the Definitions page, named by its label."""
        known("definition", [definition_id], content.definitions)
        return str(definitions.definition_link(definition_id, content, links()))

    @macro
    def typology(typology_id: str) -> str:
        known("typology", [typology_id], content.typologies)
        return typologies.typology(typology_id, content, links())

    @macro
    def typology_list() -> str:
        return typologies.typologies(content, links())

    @macro
    def typology_index() -> str:
        """One short entry per framework (its own page has the rest); a framework with no page, in full."""
        return typologies.typology_index(content, links())

    @macro
    def typology_page(typology_id: str) -> str:
        """A framework's own page, docs/typologies/<id>.md: the framework in full."""
        known("typology", [typology_id], content.typologies)
        record = content.typologies[typology_id]
        record_page("typologies", "typology", typology_id, typologies.page_description(record))
        return typologies.typology_page(typology_id, content, links())

    @macro
    def typology_guide(questions) -> str:
        """Which framework answers which question: [[question, typology id], ...], written on the page."""
        known("typology", [t for _, t in questions], content.typologies)
        return typologies.typology_guide(questions, content, links())

    @macro
    def crosswalk_glance(crosswalk_id: str) -> str:
        """The crosswalk in brief (one word of match per cell), each cell linking to it on the crosswalk page."""
        known("crosswalk", [crosswalk_id], content.crosswalks)
        return crosswalk_render.crosswalk_glance(crosswalk_id, content, links())

    @macro
    def comparison(comparison_id: str) -> str:
        known("comparison", [comparison_id], content.comparisons)
        return tables.comparison_table(tables.table_view(comparison_id, content), content, links())

    @macro
    def people_list() -> str:
        return people.people(content, links())

    @macro
    def case_list() -> str:
        return cases.cases(content, links())

    @macro
    def glossary_list() -> str:
        return glossary.glossary(content, links())

    @macro
    def bibliography() -> str:
        return citations.bibliography(content, links())

    @env.macro
    def cite(*source_ids: str) -> str:
        """An inline citation, e.g. {{ cite('seed-bussu-2014') }}, linking to the bibliography."""
        known("source", source_ids, content.sources)
        return str(citations.cite(source_ids, content, links()))

    @env.macro
    def page_link(key: str) -> str:
        """The URL of a site page by its key in render/links.py, relative to the current page."""
        return links().page(key)

    @macro
    def crosswalk(crosswalk_id: str) -> str:
        """A crosswalk matrix from crosswalk.yml: how one framework lines up with the others, cell by cell."""
        known("crosswalk", [crosswalk_id], content.crosswalks)
        return crosswalk_render.crosswalk(crosswalk_id, content, links())

    # "Cite this" blocks show the site's name and the year it was built.
    cite_this.install(env.conf.get("site_name") or cite_this.DEFAULT_SITE_NAME)

    @macro
    def definition_compare() -> str:
        """The filter and side-by-side controls on the Definitions page, enhanced by definitions.js."""
        return definitions.definition_compare(content, links())

    schemas = {p.name: p.read_bytes() for p in sorted((_data_dir(env) / "schemas").glob("*.schema.json"))}
    env.variables["_open_data"] = (content, schemas)
    published = {d.collection: d for d in exports.downloads(content, schemas)}

    @env.macro
    def download_links(*collections: str) -> str:
        """'Download this data: JSON · CSV' for the named collections (names as in load.COLLECTIONS)."""
        known("collection", collections, published)
        # A council's local records of the same collections follow (local-timeline.json and so on).
        named = [c for name in collections for c in (name, exports.LOCAL_PREFIX + name) if c in published]
        return downloads.download_line([published[c] for c in named], links())

    @env.macro
    def open_data_table() -> str:
        return downloads.open_data_table(list(published.values()), exports.shared_schemas(schemas),
                                         f"{exports.FOLDER}/README.txt", links())

    embeddable = {c.slug: c for c in embeds.components(content)}

    @env.macro
    def embed_this(kind: str, record_id: str | None = None) -> str:
        """The "Embed this" control for a component's embed, e.g. embed_this("comparison", "approaches")."""
        slug = f"{kind}-{record_id}" if record_id else kind
        known("embeddable view", [slug], embeddable)
        component = embeddable[slug]
        directory_urls = env.conf.get("use_directory_urls", True)
        return embeds.embed_control(
            label=component.label, title=component.title, site_name=env.conf.get("site_name") or "",
            src=embeds.component_url(slug, directory_urls), height=component.height, links=links(),
            site_url=env.conf.get("site_url") or "")

    # The induction course (course.yml); learn.js adds the checking, progress and the learning log.
    docs_dir = Path(env.conf["docs_dir"]) if env.conf.get("docs_dir") else None

    def module(module_id: str) -> str:
        known("course module", [module_id], content.modules)
        return module_id

    @macro
    def course_overview() -> str:
        """The modules in order, with summary, reading time and a link (learn/index.md)."""
        return course.course_overview(content, links(), docs_dir)

    @macro
    def module_intro(module_id: str) -> str:
        """Objectives, estimated reading time and key points, at the top of a module's page."""
        markdown = course.page_markdown(docs_dir, module_id) or env.markdown or ""
        return course.module_intro(module(module_id), content, links(), markdown)

    @macro
    def module_questions(module_id: str, reset: bool = True) -> str:
        """A module's checks of understanding, its progress line and (unless reset=False) "Reset my progress"."""
        return course.module_questions(module(module_id), content, links(), reset=reset)

    @macro
    def module_reflection(module_id: str) -> str:
        return course.module_reflection(module(module_id), content, links())

    @macro
    def module_next(module_id: str) -> str:
        """Previous and next module, and the learning log."""
        return course.module_next(module(module_id), content, links())

    @macro
    def learning_log() -> str:
        """The printable summary of the student's scores and reflections (learn/log.md), filled in by learn.js."""
        return course.learning_log(content, links())

    @macro
    def facilitator_notes(module_id: str) -> str:
        """Timings, discussion questions and an activity for a group session on a module."""
        return course.facilitator_notes(module(module_id), content, links())

    @env.macro
    def progress_reset() -> str:
        """A "Reset my progress" control, for a page that wants one of its own."""
        return course.progress_reset()

    @env.macro
    def module_prose(module_id: str) -> str:
        """A module page's own prose, for the printable handbook (render/handbook.py says what is taken)."""
        try:
            prose = handbook.module_prose(course.page_markdown(docs_dir, module(module_id)), module_id)
        except handbook.ProseNotFound as err:
            raise UnknownIdError(str(err)) from None
        return handbook.prefix_ids(env.render(prose, force_rendering=True), f"handbook-{module_id}")

    @functools.cache  # read once per build: the handbook asks for them in each of its parts
    def module_pages() -> dict[str, str]:
        return {m: course.page_markdown(docs_dir, m) for m in content.modules}

    @macro
    def handbook_intro(module_id: str) -> str:
        """A module's heading, summary, objectives and key points, for the printable handbook."""
        return handbook.module_intro(module(module_id), content)

    @macro
    def handbook_questions(module_id: str) -> str:
        """A module's questions as a worksheet to answer on paper; the answers are in the appendix."""
        return handbook.worksheet(module(module_id), content)

    @macro
    def handbook_part(name: str) -> str:
        """The handbook's contents, or a part of its appendix: answers, terms, frameworks, definitions or sources."""
        if name not in handbook.PARTS:
            raise UnknownIdError(f"unknown handbook part {name!r}; expected one of: {', '.join(handbook.PARTS)}")
        return handbook.part(name, content, module_pages(), links())

    @env.macro
    def build_date() -> str:
        """The day the site was built, as '22 November 2026' (SOURCE_DATE_EPOCH when set)."""
        return handbook.build_date(os.environ)

    # --- Interactive component macros go above this line, one function each. ---

    env.variables["_abbreviations"] = glossary.abbreviations(content)


def on_post_page_macros(env):
    # Glossary terms become tooltips on every page through Python-Markdown's abbreviations.
    env.markdown += "\n\n" + env.variables["_abbreviations"] + "\n"


def on_post_build(env):
    # The downloads are written after mkdocs has built the pages, so they are not pages themselves.
    content, schemas = env.variables["_open_data"]
    site_dir = Path(env.conf["site_dir"])
    for relative, data in exports.export(content, schemas).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
