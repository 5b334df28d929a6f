"""A council's own name, logo and colours (the `extra.council` block of its config), applied to the build.

A council config (examples/harbourside/mkdocs.yml) inherits the site's settings and adds:

    extra:
      council:
        name: Harbourside Borough Council
        logo: logo.svg                                      # relative to the council's config file
        colours: {primary: "#1d4f6e", accent: "#8a3b12"}    # checked for WCAG AA contrast
        data: data                                          # local records, relative to the config file

This hook resolves those paths from the council's config file, refuses colours that fail WCAG AA
(naming the file, the key, the ratio and a passing shade), publishes the logo and a stylesheet with
the colours as generated files, and points material at them. The local data is read by
macros/__init__.py. Without `extra.council` the hook does nothing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent

from macros.council import Council, CouncilError, colour_css, read_council  # noqa: E402

_council: Council | None = None


@event_priority(50)  # before mkdocs-macros loads the data, so a bad colour is reported first
def on_config(config):
    global _council
    try:
        _council = read_council(config.get("extra"), config.config_file_path, ROOT)
    except CouncilError as err:
        raise PluginError(err.report()) from None
    _fix_macros_include_dir(config)
    if _council is None:
        return config
    if _council.logo_uri:
        config.theme["logo"] = _council.logo_uri
    if _council.css_uri and _council.css_uri not in config.extra_css:
        config.extra_css.append(_council.css_uri)
    if _council.data and str(_council.data) not in config.watch:
        config.watch.append(str(_council.data))
    return config


def _fix_macros_include_dir(config) -> None:
    """mkdocs-macros reads include_dir from the working folder, not the config's; make it absolute."""
    plugin = config.plugins.get("macros")
    include_dir = plugin.config.get("include_dir") if plugin else None
    if include_dir and not Path(include_dir).is_absolute() and not Path(include_dir).is_dir():
        candidate = ROOT / include_dir
        if candidate.is_dir():
            plugin.config["include_dir"] = str(candidate)


def on_files(files, config):
    if _council is None:
        return files
    if _council.logo_uri:
        files.append(File.generated(config, _council.logo_uri, abs_src_path=str(_council.logo)))
    if _council.css_uri:
        files.append(File.generated(config, _council.css_uri, content=colour_css(_council)))
    return files
