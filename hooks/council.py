"""mkdocs adapter for the site's settings (macros/site.py) and a council's branding (extra.council).

Makes the build's Settings first, before mkdocs-macros loads the data, so a bad council block (a colour
that fails WCAG AA, a missing logo) is the first thing reported. Then points material at the council's logo
and colour stylesheet, which the post-build step writes into the site (macros/postbuild/), and has
`mkdocs serve` watch the council's data folder. Without extra.council it changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.errors import SettingsError
from macros.site import ENGINE_ROOT, Settings


@event_priority(50)  # before mkdocs-macros (priority 0) loads the data
def on_config(config):
    try:
        council = Settings.for_build(config, config.config_file_path).council
    except SettingsError as err:
        raise PluginError(err.report()) from None
    _fix_macros_include_dir(config)
    if council is None:
        return config
    if council.logo_uri:
        config.theme["logo"] = council.logo_uri
    if council.css_uri and council.css_uri not in config.extra_css:
        config.extra_css.append(council.css_uri)
    if council.data and str(council.data) not in config.watch:
        config.watch.append(str(council.data))
    return config


def _fix_macros_include_dir(config) -> None:
    """mkdocs-macros reads include_dir from the working folder, not the config's; make it absolute."""
    plugin = config.plugins.get("macros")
    include_dir = plugin.config.get("include_dir") if plugin else None
    if include_dir and not Path(include_dir).is_absolute() and not Path(include_dir).is_dir():
        candidate = ENGINE_ROOT / include_dir
        if candidate.is_dir():
            plugin.config["include_dir"] = str(candidate)
