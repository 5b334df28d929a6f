"""mkdocs adapter for `mkdocs serve --dirty` (`make serve`): a data edit rebuilds only the pages that read it.

The rules are the engine's (macros/adapters/incremental.py); this hook tells it what mkdocs is doing. Under
`mkdocs build`, or `mkdocs serve` without --dirty, it does nothing.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from macros.adapters import incremental

_indexed_before = [0]  # how many search entries there were when the page being built reached material's search


def on_startup(command, dirty):
    incremental.start(command, dirty)


@event_priority(-100)  # after hooks/embeds.py has added the component embeds
def on_files(files, config):
    macros = config.plugins.get("macros")
    if incremental.active() and macros is not None and macros.variables.get("content") is not None:
        incremental.plan(files, config, macros.variables["content"])
    return files


def on_page_content(html, page, config, files):
    if incremental.active():
        incremental.remember(page)
    return html


def on_env(env, config, files):
    if incremental.active():
        incremental.restore_skipped(files)
    return env


@event_priority(100)  # before material's search indexes the page
def on_page_context(context, page, config, nav):
    if incremental.active():
        _indexed_before[0] = len(_search(config).search_index.entries)
    return context


def on_post_page(output, page, config):
    if incremental.active():  # the entries material's search has just added for this page
        incremental.search_entries(page, _search(config).search_index.entries, _indexed_before[0])
    return output


@event_priority(100)  # before material's search writes its index
def on_post_build(config):
    if incremental.active():
        search = _search(config)
        search.search_index.entries = incremental.all_search_entries()
        search.search_index_prev = None  # material's own --dirty merge assumes one page was rebuilt


def _search(config):
    return config.plugins["material/search"]


def on_serve(server, config, builder):
    """Look for edits every 0.1 s rather than mkdocs' 0.5 s: on average that wait was a quarter of a second of
    every live reload. Still a polling observer, as mkdocs uses, so edits inside containers and network
    folders are seen too. mkdocs watches the pages and the config before this runs, and the `watch:` folders
    after it."""
    from watchdog.observers.polling import PollingObserver

    watched = [p for p in (config.docs_dir, config.config_file_path) if p]
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=0.1)
    for path in watched:
        server.watch(path)
    return server
