"""Publishes each component's scripts and styles (macros/components/<name>/) at assets/components/<name>/.

A thin adapter: the list comes from the component registry. Other generators get the same files from the
post-build step.
"""

from __future__ import annotations

from macros.components import site_assets


def on_files(files, config):
    from mkdocs.structure.files import File

    for site_path, source in site_assets().items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files
