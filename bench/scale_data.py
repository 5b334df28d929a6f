"""A copy of the project with its data, and optionally its pages, scaled up, for bench/build_scale.py.

    python bench/scale_data.py [--scale 10] DEST     # writes the copy into DEST (which must not exist)

At scale s the copy holds s times the real number of timeline events, definitions, sources, cases and
people:
  - timeline events are made as in bench/make_synthetic_data.py (synthetic_events: every date form, ids
    that exist);
  - definitions, sources, cases and people are copies of the real records with a new id (`<id>-x<n>`)
    and a marked label, so they are as long and as varied as the real ones and refer only to ids that
    exist. (Events refer to the copied people and sources too, so the people and sources pages carry
    their share of reverse links.)
The other collections (eras, themes, typologies, glossary, course...) stay as they are: they are the
site's structure rather than its content, and the glossary's tooltips are applied to every page.

`add_pages` writes extra Markdown pages into docs/topics/ that call the timeline, definition, typology and
cite macros, and lists them in the nav (which is explicit) through a small config that inherits
mkdocs.yml. How many is up to the caller (build_scale.py says why it picks its numbers).
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

from bench.make_synthetic_data import synthetic_events  # noqa: E402

# What the build needs from the project: everything mkdocs.yml refers to. Not .git, .venv, site/, tests/.
PROJECT_PARTS = ("docs", "data", "macros", "overrides", "hooks", "mkdocs.yml")
CONFIG = "mkdocs.yml"
BENCH_CONFIG = "mkdocs-bench.yml"  # inherits mkdocs.yml; adds the extra pages to the nav

# file, top key, the plain-text field marked "(copy n)" on each copy. The order matters: copies of
# people and sources must exist before the events that refer to them.
CLONED = (
    ("people.yml", "people", "name"),
    ("sources.yml", "sources", "title"),
    ("definitions.yml", "definitions", "label"),
    ("cases.yml", "cases", "title"),
)


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` becomes its default (the site is built with SITE_URL="")."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                             if isinstance(node, yaml.SequenceNode) else None)


def read_config(project: Path, name: str = CONFIG) -> dict:
    return yaml.load((project / name).read_text(encoding="utf-8"), Loader=ConfigLoader)


def copy_project(dest: Path) -> Path:
    """Copy what the build needs into dest (which must not exist)."""
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        else:
            shutil.copy2(source, dest / part)
    return dest


def _read(data: Path, name: str) -> dict:
    return yaml.load((data / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _write(data: Path, name: str, document: dict) -> None:
    # Keep the schema line first, as every data file has it.
    header = f"# yaml-language-server: $schema=schemas/{name.removesuffix('.yml')}.schema.json\n# Synthetic benchmark data.\n"
    body = yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=1000)
    (data / name).write_text(header + body, encoding="utf-8")


def _clone(record: dict, n: int, label_field: str) -> dict:
    clone = copy.deepcopy(record)
    clone["id"] = f"{record['id']}-x{n}"
    clone[label_field] = f"{record[label_field]} (copy {n})"
    clone.pop("seed", None)  # the seed texts are the five real ones
    if "sort_name" in clone:
        clone["sort_name"] = f"{clone['sort_name']} {n}"
    return clone


def scale_data(data: Path, scale: int, seed: int = 1) -> dict[str, list[str]]:
    """Rewrite the data folder `data` at `scale` times the real size. Returns {collection: [ids]}."""
    ids: dict[str, list[str]] = {}
    for name, key, label_field in CLONED:
        document = _read(data, name)
        real = document[key]
        clones = [_clone(r, n, label_field) for n in range(2, scale + 1) for r in real]
        document[key] = real + clones
        ids[key] = [r["id"] for r in document[key]]
        if clones:
            _write(data, name, document)
    timeline = _read(data, "timeline.yml")
    real = timeline["events"]
    themes = [t["id"] for t in _read(data, "themes.yml")["themes"]]
    extra = synthetic_events(len(real) * (scale - 1), ids["people"], ids["sources"], themes, seed)
    timeline["events"] = real + extra
    if extra:
        _write(data, "timeline.yml", timeline)
    ids["events"] = [e["id"] for e in timeline["events"]]
    ids["people_with_events"] = sorted({p for e in extra for p in e["people"]} - {p for e in real for p in e["people"]})
    ids["typologies"] = [t["id"] for t in _read(data, "typologies.yml")["typologies"]]
    return ids


def topic_page(n: int, ids: dict[str, list[str]], rng: random.Random) -> str:
    """One extra page: prose with citations, a person's timeline, two definitions and a typology."""
    people = ids["people_with_events"] or ids["people"]
    person = people[n % len(people)]
    sources = rng.sample(ids["sources"], 2)
    definitions = rng.sample(ids["definitions"], 2)
    typology = ids["typologies"][n % len(ids["typologies"])]
    return f"""---
title: Synthetic topic {n}
description: A generated page for the build benchmark (bench/build_scale.py).
---

# Synthetic topic {n}

A generated page that calls the site's macros as a real page does. It cites two works
{{{{ cite('{sources[0]}') }}}} and {{{{ cite('{sources[1]}') }}}}, then shows one person's events,
two definitions and a typology.

## Events

{{{{ timeline_list(person='{person}', explorer=False, heading_level=3) }}}}

## Two definitions

{{{{ definition_list('{definitions[0]}', '{definitions[1]}') }}}}

## A typology

{{{{ typology('{typology}') }}}}
"""


def add_pages(project: Path, count: int, ids: dict[str, list[str]], seed: int = 1) -> list[str]:
    """Write `count` topic pages into docs/topics/ and mkdocs-bench.yml with them in the nav."""
    rng = random.Random(seed)
    pages = []
    if count:
        (project / "docs" / "topics").mkdir()
    for n in range(1, count + 1):
        path = f"topics/topic-{n}.md"
        (project / "docs" / path).write_text(topic_page(n, ids, rng), encoding="utf-8")
        pages.append(path)
    write_bench_config(project, extra_nav=pages)
    return pages


def write_bench_config(project: Path, extra_nav: list[str] = (), extra_hooks: list[str] = (),
                       name: str = BENCH_CONFIG) -> Path:
    """A config that inherits mkdocs.yml with the nav (and hooks) extended.

    INHERIT replaces lists rather than merging them, so the whole nav and hooks lists are written out.
    """
    config = read_config(project)
    nav = list(config["nav"]) + ([{"Synthetic topics": list(extra_nav)}] if extra_nav else [])
    hooks = list(config.get("hooks") or []) + list(extra_hooks)
    text = yaml.safe_dump({"INHERIT": CONFIG, "nav": nav, "hooks": hooks}, sort_keys=False, allow_unicode=True)
    (project / name).write_text(text, encoding="utf-8")
    return project / name


def make(dest: Path, scale: int, pages: int = 0, seed: int = 1) -> tuple[Path, dict[str, list[str]]]:
    """A scaled copy of the project in dest; returns (dest, ids). Build it with `-f dest/mkdocs-bench.yml`."""
    copy_project(dest)
    ids = scale_data(dest / "data", scale, seed)
    add_pages(dest, pages, ids, seed)
    return dest, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="a folder that does not exist yet")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--pages", type=int, default=0, help="extra topic pages (default 0)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(make(args.dest, args.scale, args.pages, args.seed)[0] / BENCH_CONFIG)
    return 0


if __name__ == "__main__":
    sys.exit(main())
