"""Keep the theme's compiled templates between builds, so `make serve` shows an edit sooner.

mkdocs makes a new Jinja environment for every build, so material's templates were compiled again on
each rebuild: about a tenth of a rebuild's time. Jinja's file-system bytecode cache (in a private folder
under the system's temporary directory) keeps them; an entry is used only while its template's source is
unchanged, so the built pages are exactly the same with or without it.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

_cache = FileSystemBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _cache
    return env
