"""The engine's entry point for mkdocs-macros (`module_name: macros`): the macros come from the adapter.

Everything mkdocs-specific is in macros/adapters/mkdocs.py; the components are in macros/components/.
"""

from __future__ import annotations

from pathlib import Path

from macros import exports
from macros.adapters.mkdocs import define_env, on_post_page_macros

__all__ = ["define_env", "on_post_page_macros", "on_post_build"]


def on_post_build(env):
    # The downloads are written after mkdocs has built the pages, so they are not pages themselves.
    content, schemas = env.variables["_open_data"]
    site_dir = Path(env.conf["site_dir"])
    for relative, data in exports.export(content, schemas).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
