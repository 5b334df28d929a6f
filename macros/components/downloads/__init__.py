"""The open-data downloads: "Download this data" on each data page, and the table on the Open data page."""

from pathlib import Path

from macros import exports
from macros.components.component import Build, Component, Context, Example, Macro
from macros.components.downloads import render


def published(build: Build) -> dict:
    """{collection: exports.Download} for every collection this build publishes."""
    return {d.collection: d for d in exports.downloads(build.content, build.schemas)}


def download_links(ctx: Context, *collections: str) -> str:
    """'Download this data: JSON · CSV' for the named collections (names as in the collection registry)."""
    found = ctx.state("downloads")
    ctx.known("collection", collections, found)
    # A council's local records of the same collections follow (local-timeline.json and so on).
    named = [c for name in collections for c in (name, exports.LOCAL_PREFIX + name) if c in found]
    return render.download_line([found[c] for c in named], ctx.links)


def open_data_table(ctx: Context) -> str:
    return render.open_data_table(list(ctx.state("downloads").values()), exports.shared_schemas(ctx.build.schemas),
                                  f"{exports.FOLDER}/README.txt", ctx.links)


COMPONENT = Component(
    "downloads", Path(__file__).parent,
    macros=(Macro("download_links", download_links, examples=(Example(("events",), "history.md"),)),
            Macro("open_data_table", open_data_table)),
    prepare=published)
