"""The open-data downloads: every collection as JSON and CSV, its JSON Schema, and a README.

Pure: validated content and schema texts in, {path relative to the site root: bytes} out. Output is
deterministic (file order, fixed number formats, '\\n' line endings) so builds are reproducible.

A council's local records are published apart from the national ones, as local-NAME.json and
local-NAME.csv in the same formats and against the same schemas: the national files stay exactly
the national data, and anyone can tell (and leave out or merge) the council's additions.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros.collections import COMMON_SCHEMA, Collection
from macros.models import Content

FOLDER = "data"  # in the built site
LIST_SEPARATOR = "; "
README_TEMPLATE = Path(__file__).resolve().parent / "templates" / "open_data_readme.txt"
LOCAL_PREFIX = "local-"  # a council's local records: local-timeline.json beside timeline.json

@dataclass(frozen=True)
class Download:
    """The published files of one collection, as paths relative to the site root."""

    collection: str
    stem: str
    description: str
    json: str
    csv: tuple[str, ...]  # the records' table first, then one table per nested list (e.g. categories)
    schema: str
    count: int


def _documents(content: Content):
    """(collection, file stem, document) for every published file: the national ones, then the local ones.

    The collections are the registry the content was loaded with (macros/collections.py), in its order.
    """
    collections: tuple[Collection, ...] = tuple(content.collections)
    for collection in collections:
        yield collection, collection.stem, content.documents[collection.name]
    for collection in collections:
        if collection.name in content.local_documents:
            yield collection, LOCAL_PREFIX + collection.stem, content.local_documents[collection.name]


def export(content: Content, schemas: dict[str, bytes]) -> dict[str, bytes]:
    """Every download file. `schemas` maps schema file names (e.g. 'timeline.schema.json') to their text."""
    files: dict[str, bytes] = {}
    for collection, stem, document in _documents(content):
        files[f"{FOLDER}/{stem}.json"] = to_json(document)
        item_schema = _item_schema(json.loads(schemas[collection.schema]), collection.top_key)
        for name, table in tables(stem, collection.noun, document[collection.top_key], item_schema).items():
            files[f"{FOLDER}/{name}.csv"] = table
    for name in sorted(schemas):
        files[f"{FOLDER}/schemas/{name}"] = schemas[name]
    files[f"{FOLDER}/README.txt"] = readme(downloads(content, schemas), content.local_name).encode("utf-8")
    return files


def downloads(content: Content, schemas: dict[str, bytes]) -> list[Download]:
    """What `export` publishes for each collection, in registry order. A description is its schema's title."""
    found = []
    for collection, stem, document in _documents(content):
        item_schema = _item_schema(json.loads(schemas[collection.schema]), collection.top_key)
        nested = [f"{FOLDER}/{stem}-{field}.csv" for field in _nested_fields(item_schema)]
        local = stem.startswith(LOCAL_PREFIX)
        description = collection.description
        if local:
            description = f"Local: {description[0].lower()}{description[1:]}, added by {content.local_name or 'this council'}"
        found.append(Download(
            (LOCAL_PREFIX if local else "") + collection.name, stem, description, f"{FOLDER}/{stem}.json",
            (f"{FOLDER}/{stem}.csv", *nested), f"{FOLDER}/schemas/{collection.schema}",
            len(document[collection.top_key])))
    return found


def shared_schemas(schemas: dict[str, bytes]) -> list[str]:
    """Published schemas that belong to no one collection (common.schema.json), as site paths."""
    return [f"{FOLDER}/schemas/{name}" for name in sorted(schemas) if name == COMMON_SCHEMA]


def to_json(document: dict) -> bytes:
    """The validated data file exactly as written (same keys and order), so it validates against its schema."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def tables(stem: str, noun: str, records: list[dict], item_schema: dict) -> dict[str, bytes]:
    """One CSV of the records, plus one per field holding a list of objects (keyed by the parent's id)."""
    nested = _nested_fields(item_schema)
    columns = [key for key in item_schema.get("properties", {}) if key not in nested]
    found = {stem: _csv(records, columns)}
    parent = noun.replace(" ", "_")
    for field in nested:
        sub_schema = item_schema["properties"][field]["items"]
        rows = [{parent: record["id"], **item} for record in records for item in record.get(field) or []]
        found[f"{stem}-{field}"] = _csv(rows, [parent, *sub_schema.get("properties", {})])
    return found


def _item_schema(schema: dict, top_key: str) -> dict:
    return schema["properties"][top_key]["items"]


def _nested_fields(item_schema: dict) -> list[str]:
    return [key for key, spec in item_schema.get("properties", {}).items()
            if spec.get("type") == "array" and spec.get("items", {}).get("type") == "object"]


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    # A field holding a map (a comparison row's cells) becomes one column per key: 'cells.power'.
    header = []
    for column in columns:
        keys = [k for row in rows if isinstance(row.get(column), dict) for k in row[column]]
        header += [f"{column}.{k}" for k in dict.fromkeys(keys)] if keys else [column]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row, name) for name in header])
    return out.getvalue().encode("utf-8")


def _cell(row: dict, name: str) -> str:
    value = row.get(name)
    if value is None and "." in name:
        parent, key = name.split(".", 1)
        value = (row.get(parent) or {}).get(key) if isinstance(row.get(parent), dict) else None
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return json.dumps(value, ensure_ascii=False)  # nested records (a question's options): JSON in the cell
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_scalar(v) for v in value)
    return _scalar(value)


def _scalar(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def readme(found: list[Download], local_name: str | None = None) -> str:
    """README.txt of the downloads (macros/templates/open_data_readme.txt): plain text, so nothing is escaped."""
    template = Environment(loader=FileSystemLoader(str(README_TEMPLATE.parent)), autoescape=False,
                           undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True).get_template(README_TEMPLATE.name)
    views = [{"stem": d.stem, "description": d.description, "count": d.count,
              "files": ", ".join(p.removeprefix(FOLDER + "/") for p in (d.json, *d.csv))} for d in found]
    return template.render(found=views, local=any(d.collection.startswith(LOCAL_PREFIX) for d in found),
                           local_name=local_name)
