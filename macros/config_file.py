"""Read a mkdocs.yml without mkdocs, as mkdocs, ProperDocs and Zensical read it: INHERIT and !ENV.

For the steps that run after another generator has built the site (`python -m macros.postbuild`), which
need the site's settings but not mkdocs. Only what those settings use is supported:
- `INHERIT: other.yml` (relative to the file naming it): the other file's settings, with this file's
  laid over them. Mappings merge key by key; anything else, lists included, is replaced (mkdocs does the same).
- `!ENV NAME` and `!ENV [NAME, OTHER, default]`: the first variable that is set, else the default (or None).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml


class ConfigFileError(ValueError):
    """A config file that cannot be read, with its path."""


def read_config(path: str | os.PathLike, environ: Mapping[str, str] = os.environ) -> dict:
    """The settings in `path`, with every INHERIT followed and every !ENV resolved."""
    return _read(Path(path).resolve(), environ, seen=())


def _read(path: Path, environ: Mapping[str, str], seen: tuple[Path, ...]) -> dict:
    if path in seen:
        raise ConfigFileError(f"{path}: INHERIT goes round in a circle: {' -> '.join(map(str, (*seen, path)))}")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigFileError(f"{path}: cannot read the config file ({err.strerror})") from None
    try:
        data = yaml.load(text, Loader=_loader(environ)) or {}
    except yaml.YAMLError as err:
        raise ConfigFileError(f"{path}: not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise ConfigFileError(f"{path}: expected settings (key: value), found {type(data).__name__}")
    parent = data.pop("INHERIT", None)
    if parent is None:
        return data
    return merge(_read((path.parent / str(parent)).resolve(), environ, (*seen, path)), data)


def merge(base: dict, over: Mapping) -> dict:
    """`base` with `over` laid on it: mappings merged key by key, every other value replaced."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def _loader(environ: Mapping[str, str]) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node):
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:  # a list: the last item, when there are two or more, is the default, typed as YAML types it
            *items, last = node.value
            names = [loader.construct_scalar(n) for n in items] if items else [loader.construct_scalar(last)]
            default = loader.construct_object(last) if items else None
        for name in names:
            if name in environ:
                # As mkdocs (pyyaml_env_tag): the variable's text is typed as a YAML scalar ("true" is a boolean).
                value = environ[name]
                tag = loader.resolve(yaml.ScalarNode, value, (True, False))
                return loader.construct_object(yaml.ScalarNode(tag, value))
        return default

    Loader.add_constructor("!ENV", env_tag)
    return Loader
