"""mkdocs-offline.yml must stay the main site plus offline settings.

INHERIT merges dictionaries but replaces lists, so mkdocs-offline.yml repeats the plugins.
A plugin added to mkdocs.yml and not there would silently vanish from the offline bundle.
"""

from __future__ import annotations

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.conftest import ROOT

pytestmark = pytest.mark.build


def _config(name: str) -> dict:
    with open(ROOT / name, encoding="utf-8") as f:
        return yaml_load(f)


def test_offline_config_keeps_every_plugin_of_the_main_site_with_the_same_settings():
    main, offline = _config("mkdocs.yml"), _config("mkdocs-offline.yml")

    def as_dict(plugins):
        return {(p if isinstance(p, str) else next(iter(p))):
                (None if isinstance(p, str) else next(iter(p.values()))) for p in plugins}

    main_plugins, offline_plugins = as_dict(main["plugins"]), as_dict(offline["plugins"])
    assert "offline" in offline_plugins
    assert {k: v for k, v in offline_plugins.items() if k != "offline"} == main_plugins
    assert offline["use_directory_urls"] is False
    assert "navigation.instant" not in offline["theme"].get("features", [])
    assert any("iframe-worker" in s and not s.startswith(("http:", "https:", "//"))
               for s in offline["extra"]["polyfills"]), "the shim must be the local copy, not unpkg's"
