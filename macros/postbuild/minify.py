"""Our own scripts and styles, minified in the built site; the readable sources stay in the repo.

Two kinds of file are ours: those the generator copied from the pages' folder (docs/assets/**: the base
styles and scripts on every page) and those the post-build step publishes for the components
(assets/components/<name>/). Material's files are already minified and are left alone, as is anything
vendored (overrides/assets/: the iframe-worker shim, with its licence).

Why rJSmin and rCSSmin (ndparker's, Apache-2.0): they are maintained, have no dependencies, and only take
out comments and whitespace; nothing is renamed or rewritten, so a minified script behaves exactly as its
source and no source map is needed to read it. Comments that start with "/*!" (licences) are kept.
Minifying a minified file gives it back unchanged, so the step can run twice on one folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import rcssmin
import rjsmin

# rCSSmin 1.3 reads the inside of an @container block as declarations, not rules, and so joins a descendant
# selector to a pseudo-class after it (".cards :is(th, td)" became ".cards:is(th, td)", which matched nothing:
# the comparison's cards on phones lost their layout). It reads @media blocks right, so each @container is
# minified as an @media with a marker, then named again.
_CONTAINER, _AS_MEDIA = "@container", "@media --explainer-container"


def _cssmin(text: str, **options) -> str:
    return rcssmin.cssmin(text.replace(_CONTAINER, _AS_MEDIA), **options).replace(_AS_MEDIA, _CONTAINER)


MINIFIERS: dict[str, Callable[..., str]] = {".js": rjsmin.jsmin, ".css": _cssmin}
DOCS_ASSETS = "assets"  # the folder of docs_dir whose scripts and styles are ours


def minify(name: str, data: bytes) -> bytes:
    """The minified text of a script or style named `name`; any other file unchanged."""
    minifier = MINIFIERS.get(Path(name).suffix)
    if minifier is None:
        return data
    return minifier(data.decode("utf-8"), keep_bang_comments=True).encode("utf-8")


def docs_assets(docs_dir: Path) -> list[str]:
    """Site paths of the scripts and styles the generator copies from docs_dir/assets/, as it copies them."""
    folder = docs_dir / DOCS_ASSETS
    return sorted(path.relative_to(docs_dir).as_posix() for path in folder.rglob("*")
                  if path.suffix in MINIFIERS and path.is_file()) if folder.is_dir() else []


def minify_in_place(site_dir: Path, paths: Iterable[str]) -> None:
    """Minify each of these files of the built site that exists (a page may have none of a council's)."""
    for path in paths:
        target = site_dir / path
        if target.suffix in MINIFIERS and target.is_file():
            data = target.read_bytes()
            smaller = minify(path, data)
            if smaller != data:
                target.write_bytes(smaller)


def minify_own_assets(site_dir: Path, docs_dir: Path, published: Iterable[str]) -> None:
    """Our scripts and styles in the built site: those copied from docs_dir/assets/ and those `published`
    (the components' site paths)."""
    minify_in_place(site_dir, [*docs_assets(docs_dir), *published])
