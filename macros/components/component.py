"""What a component declares, and the context its page macros are called with.

A component is one folder, macros/components/<name>/: its renderer (render.py, pure functions), its
partials (*.html), its script and styles, and an __init__.py that declares it once as COMPONENT: its page
macros, its assets, and (for embeds.py) its embeddable views. macros/components/__init__.py lists them.
Nothing here knows about mkdocs: the adapter (macros/adapters/mkdocs.py) builds the Context.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.links import Links
from macros.models import Content

ASSETS_FOLDER = "assets/components"  # in the built site: assets/components/<name>/<file>


class UnknownIdError(Exception):
    """A page asked a macro for a record (or a part) that does not exist."""


@dataclass(frozen=True)
class Example:
    """One way to call a macro, on a page: tests/unit/test_component_examples.py renders each with the site's data."""

    args: tuple = ()
    page: str = "index.md"  # the page it is called on (a record's page must be the record's own)


@dataclass(frozen=True)
class Macro:
    """A page-facing macro: `function(context, *args)` returns the HTML or Markdown for the page."""

    name: str
    function: Callable[..., str]
    examples: tuple[Example, ...] = (Example(),)  # a macro that takes arguments declares its own
    # What a page calling it needs when that is less than its component's whole set: these of the component's
    # scripts and these components (None: the component's). Its styles always come. A definition quoted on a
    # module page needs neither the compare script nor the tables' one that the Definitions page needs.
    scripts: tuple[str, ...] | None = None
    requires: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Component:
    """One component, declared once in its folder's __init__.py."""

    name: str
    folder: Path
    macros: tuple[Macro, ...] = ()
    scripts: tuple[str, ...] = ()  # file names in the folder, loaded (deferred) on pages that use a macro
    styles: tuple[str, ...] = ()
    everywhere: bool = False  # its assets are on every page (the "Embed this" control is)
    # Components whose assets a page using this one also needs: their markup appears inside its own
    # (a "Cite this" box inside an event) or it shares their script (a crosswalk is a comparison table).
    requires: tuple[str, ...] = ()
    # Other files published but not loaded on pages: {site path: file name in the folder}.
    files: Mapping[str, str] = field(default_factory=dict)
    # Its embeddable views: embeds(content) -> [embeds.render.Component], each naming the macros that draw it
    # and the page it is on (the adapter finds another page that shows it instead, if the declared one does not).
    embeds: Callable[..., list] | None = None
    # Work done once per build before any page (reading settings, listing embeds): its result is
    # `context.state(name)` in the component's macros.
    prepare: Callable[[Build], Any] | None = None

    def site_path(self, file_name: str) -> str:
        return f"{ASSETS_FOLDER}/{self.name}/{file_name}"

    @property
    def assets(self) -> dict[str, Path]:
        """{site path: source file} of its scripts, styles and other published files."""
        own = {self.site_path(f): self.folder / f for f in (*self.styles, *self.scripts)}
        return own | {path: self.folder / name for path, name in self.files.items()}


@dataclass
class PageInfo:
    """The page a macro is called on: its source path in docs/, its URL, and its front matter."""

    src_uri: str
    url: str
    meta: dict


@dataclass
class Build:
    """What every macro may need, made once per build by the adapter."""

    content: Content
    site_name: str = ""
    site_url: str = ""
    directory_urls: bool = True
    own_pages: frozenset = frozenset()  # (kind, id) of records with a page of their own (links.RECORD_PAGES)
    pages: Mapping[str, str] = field(default_factory=dict)  # {source path in docs/: Markdown}, read by the adapter
    schemas: Mapping[str, bytes] = field(default_factory=dict)  # {file name: bytes} of data/schemas/*.schema.json
    config: Mapping[str, Any] = field(default_factory=dict)  # the site's settings (mkdocs.yml, as a mapping)
    config_file: str = ""  # where they were read from, for messages
    build_day: str = ""  # the day of the build, as pages print it: '22 November 2026' (macros/site.py)
    states: dict[str, Any] = field(default_factory=dict)  # each component's `prepare` result, by name
    calls: dict[tuple, set[str]] = field(default_factory=dict)  # {(macro, args): pages calling it}, as they render
    render_markdown: Callable[[str], str] = str  # renders Markdown with the macros (the handbook's module prose)


@dataclass
class Context:
    """What a page macro is called with: the build, and the page it is on (None outside a page)."""

    build: Build
    page: PageInfo | None = None
    page_markdown: str = ""  # the current page's Markdown, as the generator read it

    @property
    def content(self) -> Content:
        return self.build.content

    @functools.cached_property
    def links(self) -> Links:
        return Links.for_page(self.page.url if self.page else "", self.build.directory_urls, self.build.own_pages)

    @property
    def src_uri(self) -> str:
        return self.page.src_uri if self.page else "?"

    def state(self, component: str):
        return self.build.states[component]

    def known(self, kind: str, ids, collection: Mapping) -> None:
        """Fail with the page, the id and every known id when a page names a record that does not exist."""
        for record_id in ids:
            if record_id not in collection:
                raise UnknownIdError(f"docs/{self.src_uri}: unknown {kind} id '{record_id}'. "
                                     f"Known ids: {', '.join(sorted(collection))}")

    def describe(self, description: str) -> None:
        """Give the page its meta description from the data, unless its front matter has one."""
        if self.page is not None:
            self.page.meta.setdefault("description", description)
