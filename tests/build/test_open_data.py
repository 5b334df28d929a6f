"""The open-data downloads round-trip: JSON equals the validated data, CSV has one row per record."""

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from macros.collections import read_collections
from tests.conftest import ROOT

COLLECTIONS = tuple(read_collections(ROOT / "data"))

pytestmark = pytest.mark.build

DATA_PAGES = {  # built page -> collections it should offer for download
    "history/index.html": {"events", "eras", "themes"},
    "definitions/index.html": {"definitions", "emphases"},
    "typologies/index.html": {"typologies", "crosswalks"},
    "typologies/compare/index.html": {"comparisons"},
    "people/index.html": {"people"},
    "examples/index.html": {"cases"},
    "glossary/index.html": {"terms"},
    "sources/index.html": {"sources"},
}
STEMS = {c.name: c.file.removesuffix(".yml") for c in COLLECTIONS}


def _item_properties(collection) -> dict:
    schema = json.loads((ROOT / "data" / "schemas" / collection.schema).read_text(encoding="utf-8"))
    return schema["properties"][collection.top_key]["items"]["properties"]


def _is_nested_list(spec: dict) -> bool:
    return spec.get("type") == "array" and spec.get("items", {}).get("type") == "object"


def _read_csv(path: Path) -> tuple[list[str], list[dict]]:
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text, f"{path.name} should use '\\n' line endings"
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_json_equals_the_validated_data(site_dir, content, collection):
    published = json.loads((site_dir / "data" / f"{STEMS[collection.name]}.json").read_text(encoding="utf-8"))
    assert published == yaml.safe_load((ROOT / "data" / collection.file).read_text(encoding="utf-8"))
    assert published == content.documents[collection.name]
    assert len(published[collection.top_key]) == len(getattr(content, collection.name))


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_json_validates_against_the_published_schema(site_dir, collection):
    schemas = site_dir / "data" / "schemas"
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")))) for p in schemas.glob("*.json"))
    schema = json.loads((schemas / collection.schema).read_text(encoding="utf-8"))
    published = json.loads((site_dir / "data" / f"{STEMS[collection.name]}.json").read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema, registry=registry).iter_errors(published))
    assert not errors, errors[0].message


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.name)
def test_csv_has_one_row_per_record_and_the_schema_header(site_dir, content, collection):
    records = content.documents[collection.name][collection.top_key]
    header, rows = _read_csv(site_dir / "data" / f"{STEMS[collection.name]}.csv")
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    expected = []
    for key, spec in _item_properties(collection).items():
        if _is_nested_list(spec):
            continue
        if spec.get("type") == "object":  # a map: one column per key, e.g. cells.power
            expected += sorted({f"{key}.{k}" for r in records for k in r.get(key) or {}}) or [key]
        else:
            expected.append(key)
    assert sorted(header) == sorted(expected) and header[0] == "id"
    for record, row in zip(records, rows):
        for key, value in record.items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                assert row[key].split("; ") == value if value else row[key] == ""
            elif isinstance(value, (str, int)) and not isinstance(value, bool):
                assert row[key] == str(value)


@pytest.mark.parametrize("collection", [c for c in COLLECTIONS
                                        if any(_is_nested_list(s) for s in _item_properties(c).values())],
                         ids=lambda c: c.name)
def test_nested_lists_get_their_own_csv(site_dir, content, collection):
    records = content.documents[collection.name][collection.top_key]
    for field, spec in _item_properties(collection).items():
        if not _is_nested_list(spec):
            continue
        header, rows = _read_csv(site_dir / "data" / f"{STEMS[collection.name]}-{field}.csv")
        parent = collection.noun
        assert header[0] == parent
        assert [r[parent] for r in rows] == [rec["id"] for rec in records for _ in rec[field]]
        assert len(rows) == sum(len(rec[field]) for rec in records)


def test_every_schema_is_published_unchanged(site_dir):
    sources = sorted((ROOT / "data" / "schemas").glob("*.schema.json"))
    published = sorted((site_dir / "data" / "schemas").glob("*.schema.json"))
    assert [p.name for p in published] == [p.name for p in sources]
    for source in sources:
        assert (site_dir / "data" / "schemas" / source.name).read_bytes() == source.read_bytes()


def test_readme_gives_the_licence_and_how_to_cite(site_dir):
    readme = (site_dir / "data" / "README.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "creativecommons.org/licenses/by/4.0" in readme
    assert "How to cite" in readme and "Quotations" in readme
    for stem in STEMS.values():
        assert f"{stem}.json" in readme


def _links(html: str, selector_start: str, selector_end: str) -> list[str]:
    start = html.index(selector_start)
    return re.findall(r'href="([^"]+)"', html[start:html.index(selector_end, start)])


def _resolve(site_dir: Path, page: str, href: str) -> Path:
    # A fake origin with a sub-path: the relative link must stay inside it.
    base = "https://example.org/sub/path/"
    url = urljoin(base + page, href)
    assert url.startswith(base), f"{page}: {href} leaves the site"
    target = site_dir / url.removeprefix(base).split("#")[0]
    return target / "index.html" if url.endswith("/") else target


@pytest.mark.parametrize("page", DATA_PAGES)
def test_data_pages_link_to_their_downloads(site_dir, page):
    html = (site_dir / page).read_text(encoding="utf-8")
    hrefs = _links(html, '<div class="downloads" data-search-exclude>', "</div>")
    for href in hrefs:
        assert _resolve(site_dir, page, href).is_file(), f"{page}: {href} does not resolve"
    files = {Path(h).name for h in hrefs}
    for name in DATA_PAGES[page]:
        assert {f"{STEMS[name]}.json", f"{STEMS[name]}.csv"} <= files, (page, name)


def test_open_data_page_links_every_file(site_dir):
    page = "open-data/index.html"
    html = (site_dir / page).read_text(encoding="utf-8")
    hrefs = _links(html, 'aria-labelledby="open-data-caption"', "README</a>")
    for href in hrefs:
        assert _resolve(site_dir, page, href).is_file(), f"{page}: {href} does not resolve"
    linked = {_resolve(site_dir, page, h).relative_to(site_dir).as_posix() for h in hrefs}
    published = {p.relative_to(site_dir).as_posix() for p in (site_dir / "data").rglob("*") if p.is_file()}
    assert published <= linked, sorted(published - linked)
