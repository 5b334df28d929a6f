"""mkdocs adapter for the post-build step (macros/postbuild/): runs it on the folder mkdocs has just built.

At the end of `mkdocs build` (so `make build` and `make offline` check it before they keep the new site)
and of every `mkdocs serve` rebuild. Another generator runs `python -m macros.postbuild SITE_DIR -f CONFIG`.
"""

from __future__ import annotations

import time

from mkdocs.plugins import event_priority

from macros import postbuild
from macros.adapters import incremental
from macros.site import Settings

_started_ns = [0]


def on_pre_build(config):
    _started_ns[0] = time.time_ns()


@event_priority(-50)  # after every plugin's own post-build work: csp.txt hashes the pages as they are served
def on_post_build(config):
    from mkdocs.exceptions import PluginError

    macros = config.plugins.get("macros")
    content = macros.variables.get("content") if macros is not None else None  # saves reading the data again
    try:
        # A rebuild of some pages (hooks/incremental.py) leaves the other pages' embeds and Reuse areas as they were.
        postbuild.run(config.site_dir, Settings.for_build(config, config.config_file_path), content=content,
                      since_ns=_started_ns[0] if incremental.active() else None)
    except postbuild.PostBuildError as err:
        raise PluginError(str(err)) from None
