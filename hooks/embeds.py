"""Embeddable views for councils' intranets: a chrome-less copy of every page, and of each component alone.

- every documentation page also gets `embed.html` (overrides/embed.html) rendered with the same context
  and written beside it (history/index.html -> history/embed.html), so its relative links stay valid;
- each component gets a generated page under embed/ (timeline, definitions table and compare, each
  comparison and crosswalk, the glossary), drawn by the same macros, left out of nav, search and sitemap;
- links in embeds that leave the page open in the top window (target="_top", written at build time);
- each page gets its "Embed this" control (overrides/main.html prints `embed_control`).

The logic lives in macros/components/embeds/render.py, which knows nothing of mkdocs; this file only wires it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup

ROOT = Path(__file__).resolve().parent.parent

from macros.components.embeds import render as embeds  # noqa: E402
from macros.links import Links  # noqa: E402
from macros.load import load_content  # noqa: E402

_state: dict = {}


def _data_dir() -> Path:
    # As macros/__init__._data_dir: DATA_DIR points the site at other data (tests, benchmarks).
    return Path(os.environ.get("DATA_DIR") or ROOT / "data")


def _loaded_content(config):
    """The data mkdocs-macros has already loaded and validated for this build, or None when it failed.

    Reading it from the macros plugin saves loading every data file twice. Without the plugin (a
    config that leaves it out), the data is loaded here.
    """
    macros = config.plugins.get("macros")
    if macros is not None:
        return macros.variables.get("content")
    try:
        return load_content(_data_dir())
    except Exception:  # bad data: the loader's own report is the place to read about it
        return None


def on_files(files, config):
    from mkdocs.structure.files import File, InclusionLevel

    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    content = _loaded_content(config)
    if content is None:
        return files
    for component in embeds.components(content, pages):
        files.append(File.generated(config, component.src_uri, content=component.markdown(),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    _state["files"] = files
    return files


def on_env(env, config, files):
    _state["env"] = env
    return env


def _href(page, target_src: str, anchor: str, config) -> tuple[str, str]:
    """(canonical URL, relative link to the anchor) for the page with source `target_src`, seen from `page`.

    The canonical link is absolute when site_url is set; the reader's link is always relative, so it
    works under any host, sub-path, or from disk.
    """
    target = _state["files"].get_file_from_path(target_src)
    relative = target.url_relative_to(page.file)
    canonical = urljoin(config.site_url.rstrip("/") + "/", target.url) if config.site_url else relative
    return canonical, relative + (f"#{anchor}" if anchor else "")


def _full_title(page) -> str:
    return Markup(page.title or "").striptags() if page.title else ""


def on_page_context(context, page, config, nav):
    meta = page.meta.get("embed") if page.meta.get("template") == embeds.TEMPLATE else None
    if meta:  # a component's embed page: mkdocs renders it with embed.html
        canonical, full = _href(page, meta["page"], meta.get("anchor", ""), config)
        context["embed"] = {"title": page.meta["title"], "canonical": canonical, "full": full,
                            "description": page.meta["description"]}
        return context

    title = page.meta.get("title") or _full_title(page) or config.site_name
    description = page.meta.get("description") or config.site_description or ""
    canonical, full = _href(page, page.file.src_uri, "", config)
    dest = embeds.embed_dest(page.file.dest_uri, config.use_directory_urls)
    embed = {"title": f"{title} (embedded view)", "canonical": canonical, "full": full,
             "description": f"Embeddable view. {description}"}
    html = _state["env"].get_template(embeds.TEMPLATE).render(dict(context, embed=embed))
    target = Path(config.site_dir) / dest
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(embeds.frame_links(html), encoding="utf-8")

    links = Links.for_page(page.url, config.use_directory_urls)
    context["embed_control"] = Markup(embeds.embed_control(
        label="this page", title=title, site_name=config.site_name, src=dest, height=embeds.PAGE_HEIGHT,
        links=links, site_url=config.site_url or ""))
    return context


def on_post_page(output, page, config):
    if page.meta.get("template") == embeds.TEMPLATE:
        return embeds.frame_links(output)
    return output
