"""The mkdocs-macros adapter: the only part of the engine that knows about mkdocs or mkdocs-macros.

define_env loads and checks the data once, then registers every component's page macros from the registry
(macros/components/__init__.py). Each macro call also records its component on the page (`page.meta
["assets"]`), so the page's template loads only the scripts and styles of the components it shows.
Zensical's macros extension calls the same define_env: where its page object lacks `.file`, the page's
source path is its `path`, and where the environment lacks `render`, a plain Jinja environment renders.
It calls define_env for every page, so there the Build is kept while nothing it was read from changes; and it
reads every relative href and src from the source file's folder, so there the macros' links are rebased
(links.from_source_folder).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

from macros.adapters import incremental
from macros.adapters.html_blocks import HtmlBlocks, PutBack
from macros.adapters.reads import RecordedCounts, RecordedStates, reads, recorded
from macros.components import COMPONENTS, asset_name, assets_for, macro_table
from macros.components.citations import cite_this
from macros.components.component import Build, Context, PageInfo, UnknownIdError
from macros.components.embeds import render as embed_views
from macros.components.glossary import mentions as glossary_mentions
from macros.components.glossary import render as glossary
from macros.components.glossary import unmarked_pages
from macros.components.glossary.markdown_pass import PageHtml
from macros.errors import ContentError, SettingsError
from macros.links import RECORD_PAGES, Links, from_source_folder, record_page_id
from macros.markup import md_heading
from macros.site import Settings, load_site_content, read_schemas

ROOT = Path(__file__).resolve().parents[2]  # the engine's project: its mkdocs.yml, when a generator names no config

# The HTML blocks the macros wrote in this build, set aside so that Python-Markdown does not read them again
# (html_blocks.py); each build starts with none.
blocks = HtmlBlocks()

# Zensical's macros extension runs define_env again for every page, so without this the data and every page's
# Markdown would be read ~75 times a build. It keeps the last Build, and the stamp of what it was read from.
_last_build: dict = {}


def define_env(env):
    from mkdocs.exceptions import PluginError

    _register_error_format()
    try:
        # mkdocs-macros has no page yet here (its env.page raises AttributeError); Zensical has this page.
        build = _build_once_per_input(env) if _runs_per_page(getattr(env, "page", None)) else _build(env)
    except (ContentError, SettingsError) as err:
        raise PluginError(err.report()) from None
    calls_open = [0]  # macros running now: the handbook's prose calls other macros inside its own
    blocks.clear()
    for name, (component, macro) in macro_table().items():
        env.macro(_page_macro(env, build, asset_name(component, macro), macro, calls_open), name)
    env.conf["extra"]["component_assets"] = assets_for(set())  # for pages that call no macro (main.html)
    if _runs_per_page(getattr(env, "page", None)):
        # Zensical's templates see a page's meta but not a change to the config: the same default, on the page.
        env.page.meta.setdefault("assets", assets_for(set()))
    env.variables["content"] = build.content
    env.variables["_embed_page_of"] = functools.partial(shown_on, build)  # for hooks/embeds.py
    env.variables["counts"] = build.content.counts()
    if incremental.active():  # `mkdocs serve --dirty`: note which collections each page reads (reads.py)
        env.variables["counts"] = RecordedCounts(env.variables["counts"])
    terms = GlossaryMarks(build)
    env.variables["_glossary_marks"] = terms
    # Every page's Markdown is converted with the config's extensions; this one marks the finished HTML.
    extensions = env.conf["markdown_extensions"]
    extensions[:] = [e for e in extensions if not isinstance(e, (PageHtml, PutBack))] + [PutBack(blocks),
                                                                                         PageHtml(terms.mark)]


def on_pre_page_macros(env):
    if incremental.active():  # what this page's macros read is noted under its name, afresh
        page = _page_info(env.page)
        reads.reader = page.src_uri if page else None
        reads.by_page[reads.reader] = set()


def on_post_page_macros(env):
    reads.reader = None
    # mkdocs converts this page's Markdown next; the glossary marks need to know which page it is.
    env.variables["_glossary_marks"].page = _page_info(env.page)


class GlossaryMarks:
    """Glossary words on each page: the first use spelled out and linked, later ones toggletips
    (components/glossary/mentions.py), on the page's finished HTML.

    The page is the one mkdocs-macros has just rendered, set by on_post_page_macros and used once, as mkdocs
    converts each page straight after its macros run; a page converted without that (none today) is left as
    it is rather than given links reckoned from another page's address."""

    def __init__(self, build: Build):
        self.build = build
        self.mentions = glossary.mentions(build.content)
        self.unmarked = unmarked_pages(build.content)
        self.page: PageInfo | None = None

    def mark(self, html: str) -> str:
        page, self.page = self.page, None
        if page is None or page.src_uri in self.unmarked:
            return html
        links = Links.for_page(page.url, self.build.directory_urls, self.build.own_pages)
        marked = glossary_mentions.mark(html, self.mentions, links.term)
        if marked.toggletips:  # the toggletips' script and style, on this page only
            used = set(page.meta.get("components", ())) | {"glossary"}
            page.meta["components"] = sorted(used)
            page.meta["assets"] = assets_for(used)
        return marked.html


def _runs_per_page(page) -> bool:
    """Whether define_env runs for each page: under Zensical it is called with the page, which has no `.file`;
    mkdocs-macros calls it once, before any page."""
    return page is not None and getattr(page, "file", None) is None


def _build_once_per_input(env) -> Build:
    """The Build for this page: the last one while the settings and every file it was read from are unchanged
    (so an edit under `zensical serve` is still picked up), else a new one. Only what belongs to this page's
    environment, its Markdown renderer, is renewed."""
    settings = _settings(env.conf)
    key = (settings, _stamp(settings))
    if _last_build.get("key") != key:
        _last_build.update(key=key, build=_build(env))
    return dataclasses.replace(_last_build["build"], render_markdown=functools.partial(_render_macros, env),
                               config=env.conf)


def _stamp(settings: Settings) -> tuple:
    """(path, modification time, size) of every file a Build reads: the data, a council's data, the pages and
    the config."""
    folders = [settings.data_dir, settings.docs_dir] + [Path(d) for d in [settings.local_records.get("local_dir")] if d]
    files = [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()] + [settings.config_file]
    return tuple((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in files if p.exists())


def _settings(conf) -> Settings:
    return Settings.for_build(conf, conf.get("config_file_path") or ROOT / "mkdocs.yml")


def _build(env) -> Build:
    """Everything the macros need, read once: the settings (macros/site.py, shared with the hooks and the post-build
    step), the data with a council's local records, the pages' Markdown, the schemas, and each component's own
    preparation."""
    conf = env.conf
    settings = _settings(conf)
    docs_dir = Path(conf["docs_dir"]) if conf.get("docs_dir") else settings.docs_dir
    pages = {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(docs_dir.rglob("*.md"))} if docs_dir.is_dir() else {}
    cite_this.install(settings.site_name or cite_this.DEFAULT_SITE_NAME, settings.build_year)  # "Cite this" boxes
    content = load_site_content(settings)
    build = Build(
        content=recorded(content) if incremental.active() else content, site_name=settings.site_name, site_url=settings.site_url,
        directory_urls=settings.use_directory_urls, own_pages=_record_pages(pages), pages=pages, config=conf,
        config_file=settings.config_label, schemas=read_schemas(settings), build_day=settings.build_day,
        render_markdown=functools.partial(_render_macros, env))
    if incremental.active():
        build.states = RecordedStates()
    for component in COMPONENTS:
        if component.prepare:
            reads.prepared(build.states, component.name, component.prepare, build)
    return build


def _page_macro(env, build: Build, component: str, macro, calls_open: list[int]):
    """The macro as mkdocs-macros calls it: with the page's context, and its assets noted."""
    @functools.wraps(macro.function)
    def call(*args, **kwargs):
        page = _page_info(env.page)
        if page is not None:
            used = set(page.meta.get("components", ())) | {component}
            page.meta["components"] = sorted(used)
            page.meta["assets"] = assets_for(used)
            _note_call(build, macro.name, args, page.src_uri)
        calls_open[0] += 1
        try:
            html = macro.function(Context(build, page, getattr(env, "markdown", None) or ""), *args, **kwargs)
        finally:
            calls_open[0] -= 1
        if page is not None and calls_open[0] == 0:
            # Once, on the outermost call's output: what a nested macro wrote is part of it.
            if _links_from_source(env.page):  # Zensical: rebasing twice would break the links
                html = from_source_folder(html, page.url, page.src_uri)
            else:  # mkdocs runs html_blocks' Markdown step, which puts the blocks back after conversion
                html = blocks.set_aside(html)
        return html
    return call


def _links_from_source(page) -> bool:
    """Whether the generator resolves raw HTML's href and src from the source file's folder: Zensical, whose
    page has no `.file`, does (links.from_source_folder); mkdocs leaves raw HTML as it is."""
    return getattr(page, "file", None) is None


def _render_macros(env, text: str) -> str:
    """Markdown with macro calls in it, rendered with the site's macros (the handbook's module prose)."""
    if hasattr(env, "render"):
        return env.render(text, force_rendering=True)
    # Zensical's macros extension has no env.render: the same strict Jinja, with the same macros and variables.
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined).from_string(text).render(**{**env.variables, **env.macros})


def _page_info(page) -> PageInfo | None:
    if page is None:
        return None
    file = getattr(page, "file", None)
    # Zensical's page has no `.file`; its `path` is the page's source path in docs/.
    src_uri = file.src_uri if file is not None else str(getattr(page, "path", "") or "").replace("\\", "/")
    return PageInfo(src_uri, page.url or "", page.meta)


def _record_pages(pages: dict[str, str]) -> frozenset[tuple[str, str]]:
    """(kind, id) of every record with a page of its own: docs/<folder>/<id>.md calling its macro (links.py)."""
    found = set()
    for kind, (folder, _macro) in RECORD_PAGES.items():
        for src, markdown in pages.items():
            stem = src.removeprefix(f"{folder}/").removesuffix(".md")
            if src.startswith(f"{folder}/") and "/" not in stem and record_page_id(kind, markdown) == stem:
                found.add((kind, stem))  # a page named after another record fails in its macro, with the fix
    return frozenset(found)


def _register_error_format() -> None:
    """Show a page author one plain line for an unknown id, instead of mkdocs-macros' traceback."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # an older or newer mkdocs-macros: its default message still fails the build
        return

    @format_error.register
    def _(error: UnknownIdError, markdown: str, page) -> str:
        return str(error)


def _note_call(build: Build, name: str, args: tuple, src_uri: str) -> None:
    """Remember which pages call a macro with these arguments, so a component's embed links to where it is shown."""
    if src_uri.startswith(f"{embed_views.FOLDER}/"):
        return  # an embed's own page, not where the component is shown
    try:
        build.calls.setdefault((name, args), set()).add(src_uri)
    except TypeError:  # unhashable arguments (a guide's list of questions): no embed is named by those
        pass


def shown_on(build: Build, embed: embed_views.Component) -> str:
    """The page a component's embed links back to: the page its component declares, when that page shows it;
    else the first page (by source path) that calls its first macro, as a comparison moved to another page
    would be; else the declared page. Known once every page's Markdown is rendered, as mkdocs does before it
    renders any page's template."""
    pages = build.calls.get(embed.calls[0], set())
    return embed.page if embed.page in pages or not pages else min(pages)


def embed_page(embed: embed_views.Component) -> str:
    """The generated Markdown of a component's embed page: front matter (JSON is YAML), a level-1 heading, and
    its macro calls, written here because only the adapter knows how a page calls a macro."""
    meta = {"template": embed_views.TEMPLATE, "title": embed.title, "description": embed.description,
            "search": {"exclude": True},
            "embed": {"component": embed.slug, "page": embed.page, "anchor": embed.anchor, "height": embed.height}}
    lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---", "",
             f"# {md_heading(embed.title)}", ""]
    if embed.heading:
        lines += [f"## {md_heading(embed.heading)}", ""]
    for name, args in embed.calls:
        lines += ["{{ " + f"{name}({', '.join(json.dumps(a, ensure_ascii=False) for a in args)})" + " }}", ""]
    return "\n".join(lines)
