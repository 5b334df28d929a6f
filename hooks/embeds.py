"""mkdocs adapter for the component embeds: each component's chrome-less view, at embed/<slug>/.

Each component (the timeline, the definitions table and compare view, each comparison and crosswalk, the
glossary, each module's questions) gets a generated page drawn by its own macros and rendered with
overrides/embed.html, left out of the nav, the search and the sitemap. Every page's own embed, its "Embed
this page" control and target="_top" on links that leave an embed are made from the built pages
afterwards (macros/postbuild/), which needs no hook.
"""

from __future__ import annotations

from urllib.parse import urljoin

from macros.adapters.mkdocs import embed_page
from macros.components.embeds import render as embeds
from macros.links import Links


def on_files(files, config):
    from mkdocs.structure.files import File, InclusionLevel

    content = _macros_variable(config, "content")
    if content is None:
        return files
    pages = {f.src_uri for f in files.documentation_pages()}
    for component in embeds.components(content, pages):
        files.append(File.generated(config, component.src_uri, content=embed_page(component),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_context(context, page, config, nav):
    meta = page.meta.get("embed") if page.meta.get("template") == embeds.TEMPLATE else None
    if meta:  # a component's embed page: overrides/embed.html shows `embed`
        # The page that shows it, now that every page's macros have run (mkdocs renders them all first).
        meta = dict(meta, page=_macros_variable(config, "_embed_page_of")(_declared(config, meta["component"])))
        here = Links.for_page(page.url, config.use_directory_urls)
        full = here.src(meta["page"]) + (f"#{meta['anchor']}" if meta.get("anchor") else "")
        canonical = (urljoin(config.site_url.rstrip("/") + "/", Links("", config.use_directory_urls).src(meta["page"]))
                     if config.site_url else here.src(meta["page"]))
        context["embed"] = {"title": page.meta["title"], "canonical": canonical, "full": full,
                            "description": page.meta["description"], "box": embeds.box_attributes()}
    return context


def _macros_variable(config, name: str):
    """What mkdocs-macros' define_env left for this build (None when loading the data failed: its report says why)."""
    macros = config.plugins.get("macros")
    return macros.variables.get(name) if macros is not None else None


def _declared(config, slug: str):
    return next(c for c in embeds.components(_macros_variable(config, "content")) if c.slug == slug)
