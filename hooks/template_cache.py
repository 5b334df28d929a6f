"""Keep compiled templates between builds: the theme's, and each page's as mkdocs-macros reads it.

mkdocs makes a new Jinja environment for every build, so material's templates were compiled again on
each rebuild: about a tenth of a rebuild's time. Jinja's file-system bytecode cache (in a private folder
under the system's temporary directory) keeps them; an entry is used only while its template's source is
unchanged, so the built pages are exactly the same with or without it.

mkdocs-macros compiles every page's Markdown as a template too (Environment.from_string), which Jinja never
caches: about a twentieth of a build of the real site. The same cache keeps those, one entry per page, used
only while the page's source and the macros' template settings (their delimiters, extensions and the like)
are the same.
"""

from __future__ import annotations

import hashlib

from jinja2 import FileSystemBytecodeCache

_cache = FileSystemBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _cache
    return env


def on_pre_build(config):
    macros = config.plugins.get("macros")
    environment = getattr(macros, "_env", None)  # made by the plugin in its on_config
    if environment is not None:
        environment.from_string = _from_string_kept(environment, macros)


def _from_string_kept(environment, macros):
    original = environment.from_string
    settings = _settings(environment)

    def from_string(source, globals=None, template_class=None):
        if not isinstance(source, str):
            return original(source, globals, template_class)
        try:
            name = f"page:{macros.page.file.src_uri}"
        except AttributeError:  # a template outside a page: one entry per source
            name = "source:" + hashlib.sha1(source.encode("utf-8")).hexdigest()
        bucket = _cache.get_bucket(environment, name, settings, source)
        if bucket.code is None:  # not kept, or its source changed
            bucket.code = environment.compile(source)
            _cache.set_bucket(bucket)
        cls = template_class or environment.template_class  # as Jinja's own from_string does
        return cls.from_code(environment, bucket.code, environment.make_globals(globals), None)

    return from_string


def _settings(environment) -> str:
    """What else the compiled code depends on: the environment's syntax and compile-time options."""
    finalize = environment.finalize
    return hashlib.sha1(repr((
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
        environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        sorted(environment.extensions), environment.optimized, environment.autoescape, environment.is_async,
        getattr(finalize, "__qualname__", finalize), getattr(environment.undefined, "__qualname__", None),
    )).encode("utf-8")).hexdigest()
