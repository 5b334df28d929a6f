"""Work on the built site that needs no site generator: plain functions on a folder of built pages.

`run(site_dir, settings)` does it all, in this order:
1. the files the pages link to but no generator makes: each component's scripts and styles (from the
   component registry) and a council's logo and colour stylesheet; then our own scripts and styles,
   the components' and those copied from docs/assets/, are minified (minify.py);
2. the open data: every collection as JSON and CSV, its schema and a README (macros/exports.py);
3. every page's embeddable view and its "Reuse this page" area (page_embeds.py, reuse.py); the citations
   of the items in the component embeds the generator built under embed/, and target="_top" on their links;
4. csp.txt, last, since it hashes the inline scripts of every page, the embeds included (csp.py).

mkdocs runs it at the end of every build and `mkdocs serve` rebuild (hooks/postbuild.py); after any other
generator, run `python -m macros.postbuild SITE_DIR -f CONFIG`. Running it again on the same folder gives
the same files. Anything to fix raises PostBuildError, one message naming it; `make build` and `make offline`
then throw the new folder away, so the site already published stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from macros import exports
from macros.components import site_assets
from macros.components.embeds import render as embeds
from macros.council import Council, colour_css
from macros.errors import ContentError, SettingsError
from macros.models import Content
from macros.postbuild import csp, minify, page_embeds, reuse
from macros.site import Settings, load_site_content, read_schemas


class PostBuildError(Exception):
    """Something in the built site or its data that must be fixed, as one message (no traceback)."""


def run(site_dir: str | Path, settings: Settings, *, content: Content | None = None,
        assets: Mapping[str, Path] | None = None, since_ns: int | None = None) -> None:
    """Every post-build step on `site_dir`. `content` saves loading the data again when the generator has it;
    `assets` ({site path: source file}) defaults to every component's (macros.components.site_assets).
    `since_ns`: only pages written since then get their embed and Reuse area (a rebuild that rewrote only
    some pages: the others have theirs from before).
    Raises PostBuildError."""
    try:
        _run(Path(site_dir), settings, content, assets, since_ns)
    except (ContentError, SettingsError) as err:
        raise PostBuildError(err.report()) from None
    except csp.UnsafeMarkupError as err:
        raise PostBuildError(f"{csp.REFUSAL}: {err}") from None
    except page_embeds.PageShapeError as err:
        raise PostBuildError(str(err)) from None


def _run(site_dir: Path, settings: Settings, content: Content | None, assets: Mapping[str, Path] | None,
         since_ns: int | None) -> None:
    assets = site_assets() if assets is None else assets
    publish(site_dir, {path: source.read_bytes() for path, source in assets.items()})
    minify.minify_own_assets(site_dir, settings.docs_dir, assets)
    if settings.council is not None:
        publish(site_dir, council_files(settings.council))
    content = load_site_content(settings) if content is None else content
    publish(site_dir, exports.export(content, read_schemas(settings)))
    page_embeds.write_page_embeds(site_dir, settings, since_ns)
    reuse.cite_component_embeds(site_dir, embeds.FOLDER, site_name=settings.site_name, year=settings.build_year)
    frame_component_embeds(site_dir)
    csp.write_policy(site_dir)


def publish(site_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write each file at its path under the site folder, making folders as needed."""
    for path, data in files.items():
        relative = PurePosixPath(path)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"{path!r} is not a path inside the site")
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def council_files(council: Council) -> dict[str, bytes]:
    """A council's logo and colour stylesheet, at the paths its pages name (Council.logo_uri, .css_uri)."""
    files = {}
    if council.logo_uri:
        files[council.logo_uri] = council.logo.read_bytes()
    if council.css_uri:
        files[council.css_uri] = colour_css(council).encode("utf-8")
    return files


def frame_component_embeds(site_dir: Path) -> None:
    """Links that leave a component's embed (embed/<slug>/) open in the reader's whole window, not the frame."""
    for file in sorted((site_dir / embeds.FOLDER).rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        framed = embeds.frame_links(text)
        if framed != text:
            file.write_text(framed, encoding="utf-8")
