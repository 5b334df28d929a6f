"""The open-data engine: records in, CSV and JSON bytes out."""

import csv
import io
import json

import pytest

from macros import exports

ITEM_SCHEMA = {"properties": {
    "id": {"type": "string"}, "name": {"type": "string"}, "tags": {"type": "array"}, "seed": {"type": "boolean"},
    "cells": {"type": "object"},
    "parts": {"type": "array", "items": {"type": "object", "properties": {"id": {}, "label": {}}}},
}}


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


@pytest.mark.parametrize("record, expected", [
    ({"id": "a", "name": "A", "tags": ["x", "y"], "seed": True, "parts": []}, ["a", "A", "x; y", "true"]),
    ({"id": "b", "name": 'Say "hi", then\nleave', "tags": [], "parts": []}, ["b", 'Say "hi", then\nleave', "", ""]),
    ({"id": "c", "name": "C", "seed": False, "parts": []}, ["c", "C", "", "false"]),
])
def test_a_record_becomes_one_csv_row(record, expected):
    tables = exports.tables("things", "thing", [record], ITEM_SCHEMA)
    assert _rows(tables["things"]) == [["id", "name", "tags", "seed", "cells"], expected + [""]]


def test_maps_become_columns_and_nested_lists_their_own_table():
    records = [{"id": "a", "cells": {"p": "1", "q": "2"}, "parts": [{"id": "x", "label": "X"}, {"id": "y"}]},
               {"id": "b", "cells": {"q": "3"}, "parts": [{"id": "z", "label": "Z"}]}]
    tables = exports.tables("things", "glossary term", records, ITEM_SCHEMA)
    assert _rows(tables["things"])[0] == ["id", "name", "tags", "seed", "cells.p", "cells.q"]
    assert _rows(tables["things"])[2][-2:] == ["", "3"]
    assert _rows(tables["things-parts"]) == [["glossary_term", "id", "label"], ["a", "x", "X"], ["a", "y", ""],
                                             ["b", "z", "Z"]]


def test_csv_uses_newline_line_endings():
    assert b"\r" not in exports.tables("t", "t", [{"id": "a", "parts": []}], ITEM_SCHEMA)["t"]


def test_json_keeps_the_document_and_its_order():
    document = {"things": [{"name": "é", "id": "a"}]}
    data = exports.to_json(document)
    assert json.loads(data) == document and data.endswith(b"\n") and "é".encode() in data
    assert data.index(b'"name"') < data.index(b'"id"')


def test_export_is_reproducible(content):
    from tests.conftest import ROOT

    schemas = {p.name: p.read_bytes() for p in (ROOT / "data" / "schemas").glob("*.schema.json")}
    first, second = exports.export(content, schemas), exports.export(content, dict(reversed(schemas.items())))
    assert first == second and list(first) == list(second)
    assert "data/README.txt" in first and "data/schemas/common.schema.json" in first
