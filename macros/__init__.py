"""The engine's entry point for mkdocs-macros (`module_name: macros`): the macros come from the adapter.

Everything mkdocs-specific is in macros/adapters/mkdocs.py; the components are in macros/components/.
The open data and the rest of the work on the built site are the post-build step's (macros/postbuild/).
"""

from __future__ import annotations

from macros.adapters.mkdocs import define_env, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_page_macros", "on_pre_page_macros"]
