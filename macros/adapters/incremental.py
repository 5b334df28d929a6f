"""`mkdocs serve --dirty` (what `make serve` runs) rebuilds only the pages whose inputs changed.

mkdocs' own --dirty rebuilds a page only when its Markdown file is newer than its built page, so on its own
it would never show a data edit. Here, on each rebuild, a page is rebuilt when:
- its Markdown file changed (for a page the embeds hook generates, its Markdown), or
- a collection it read (reads.py) changed, compared record by record with the data as last loaded, or
- anything else changed that pages share: the settings, the theme's overrides, the engine, the glossary
  (every page's words are marked from it), or the list of pages. Then every page is rebuilt.
Every other page is left as it was built, and what mkdocs would otherwise lose by skipping it is put back:
its title and front matter (the navigation of the rebuilt pages shows them), and its entries in the search
index, in their place. The post-build step then works only on the pages this build wrote
(hooks/postbuild.py). A plain `mkdocs build`, or `mkdocs serve` without --dirty, rebuilds everything.
"""

from __future__ import annotations

import logging
from pathlib import Path

from macros.adapters.reads import changed, reads
from macros.models import Content

# The collections every page depends on: the glossary's words are marked on every page.
EVERY_PAGE_READS = frozenset({"terms"})

state: dict = {"active": False}
log = logging.getLogger("mkdocs.explainer.incremental")


def start(command: str, dirty: bool) -> None:
    state.update(active=command == "serve" and dirty, content=None, stamp=None, entries={}, pages={})
    if state["active"]:
        # mkdocs warns that a dirty build may leave the navigation stale; here it does not, and --strict would
        # stop every rebuild on that warning.
        logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def active() -> bool:
    return state["active"]


def _stamp(folders: list[Path], files: list[Path]) -> dict[str, tuple[int, int]]:
    paths = [p for folder in folders if folder.is_dir() for p in folder.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts] + files  # Python's own caches change as it runs
    return {str(p): (st.st_mtime_ns, st.st_size) for p in paths if p.exists() for st in [p.stat()]}


def plan(files, config, content: Content) -> set[str]:
    """Set each page's `is_modified` for this rebuild; returns the source paths to rebuild."""
    rebuild = _pages_to_rebuild(files, config, content)
    for file in files.documentation_pages():
        file.is_modified = (lambda modified: lambda: modified)(file.src_uri in rebuild)
    log.info(f"Rebuilding {len(rebuild)} of {len(state['order'])} pages"
             + (f": {', '.join(sorted(rebuild)[:8])}{' ...' if len(rebuild) > 8 else ''}"
                if 0 < len(rebuild) < len(state["order"]) else ""))
    return rebuild


def _pages_to_rebuild(files, config, content: Content) -> set[str]:
    root = Path(config.config_file_path).parent
    shared = [root / name for name in ("overrides", "macros", "hooks")]
    stamp = _stamp(shared, [Path(config.config_file_path)])
    pages = {f.src_uri: f for f in files.documentation_pages()}
    state["order"] = list(pages)
    old, state["content"] = state["content"], content
    old_stamp, state["stamp"] = state["stamp"], stamp
    old_pages, state["page_list"] = state.get("page_list"), sorted(pages)
    generated, state["generated"] = state.get("generated", {}), {
        src: file.content_string for src, file in pages.items() if file.generated_by is not None}
    if old is None:
        return set(pages)  # the first build: every page, whatever mkdocs' own --dirty would pick
    if stamp != old_stamp or sorted(pages) != old_pages:
        log.info("Changed: " + ", ".join(_what_changed(old_stamp, stamp, old_pages, sorted(pages))))
        return set(pages)  # nothing is known to be the same
    collections = changed(old, content)
    log.info(f"Changed in the data: {', '.join(sorted(collections)) or 'nothing'}")
    if collections & EVERY_PAGE_READS:
        return set(pages)
    rebuild = {src for src, file in pages.items()
               if (generated.get(src) != state["generated"][src] if src in state["generated"] else file.is_modified())
               or src not in state["pages"] or reads.by_page.get(src, set()) & collections}
    return rebuild


def _what_changed(old_stamp: dict, stamp: dict, old_pages: list, pages: list) -> list[str]:
    """For the serve log: the shared files, and the pages added or removed, that make every page rebuild."""
    root = Path.cwd()
    files = sorted(p for p in old_stamp.keys() | stamp.keys() if old_stamp.get(p) != stamp.get(p))
    named = [str(Path(p).relative_to(root)) if Path(p).is_relative_to(root) else p for p in files]
    named += [f"page {p} added" for p in sorted(set(pages) - set(old_pages))]
    named += [f"page {p} removed" for p in sorted(set(old_pages) - set(pages))]
    return named[:5] + ([f"and {len(named) - 5} more"] if len(named) > 5 else [])


def restore_skipped(files) -> None:
    """Give each page not rebuilt the title and front matter it was built with (for the others' navigation)."""
    for file in files.documentation_pages():
        kept = state["pages"].get(file.src_uri)
        if kept and file.page is not None and file.page.content is None:
            file.page.meta, file.page.title = kept  # mkdocs lets a page's title be set, as the nav does


def remember(page) -> None:
    state["pages"][page.file.src_uri] = (page.meta, page.title)


def search_entries(page, entries: list, start: int) -> None:
    """Note the search entries the page has just added (entries[start:])."""
    state["entries"][page.file.src_uri] = entries[start:]


def all_search_entries() -> list:
    """The search entries of every page in the site's order: this build's, and the kept ones of the rest."""
    return [entry for src in state["order"] for entry in state["entries"].get(src, ())]
