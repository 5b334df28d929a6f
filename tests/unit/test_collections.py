"""The collection registry (macros/collections.py): what it reads from the schemas, what it refuses, and the
Sources page backlinks it drives."""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from macros import collections, exports, models
from macros.collections import REGISTRY, Collections, Entry, UnknownCollection, read_collections
from macros.components.citations.render import bibliography, citations_by_source
from macros.components.course import render as course
from macros.components.crosswalk import render as crosswalk
from macros.errors import ContentError
from macros.links import Links
from macros.load import load_content
from macros.models import FuzzyDate

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
COMMON = "common.schema.json#/$defs/"

# A schema with one field of every kind the registry reads, some through the schema's own $defs.
THINGS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Things to test the registry with",
    "type": "object",
    "required": ["things"],
    "additionalProperties": False,
    "$defs": {
        "part": {
            "type": "object", "additionalProperties": False,
            "properties": {
                "caption": {"$ref": COMMON + "plainText"},
                "cites": {"$ref": COMMON + "slugList", "x-refers-to": "sources"},
            },
        },
    },
    "properties": {
        "things": {
            "type": "array",
            "items": {
                "type": "object", "required": ["id", "name"], "additionalProperties": False,
                "properties": {
                    "id": {"$ref": COMMON + "slug"},
                    "name": {"$ref": COMMON + "plainText"},
                    "said": {"$ref": COMMON + "quote"},
                    "about": {"$ref": COMMON + "text"},
                    "when": {"$ref": COMMON + "fuzzyDate"},
                    "checked": {"$ref": COMMON + "isoDate"},
                    "source": {"$ref": COMMON + "slug", "x-refers-to": "sources"},
                    "kinds": {"type": "array", "items": {"$ref": COMMON + "categoryRef"}, "x-refers-to": "categories"},
                    "parts": {"type": "array", "items": {"$ref": "#/$defs/part"}},
                    "like": {"allOf": [{"$ref": COMMON + "slugList"}], "x-refers-to": "things"},
                },
            },
        },
    },
}
LINES = (Entry("sources.yml", "source", local=True), Entry("things.yml", "thing"))


SOURCES = {"title": "Works", "type": "object", "required": ["sources"], "properties": {"sources": {
    "type": "array", "items": {"type": "object", "properties": {"id": {"$ref": COMMON + "slug"}}}}}}


def schema_folder(tmp_path: Path, things: dict | None = None) -> Path:
    (tmp_path / "schemas").mkdir()
    shutil.copy(DATA / "schemas" / "common.schema.json", tmp_path / "schemas")
    (tmp_path / "schemas" / "sources.schema.json").write_text(json.dumps(SOURCES), encoding="utf-8")
    (tmp_path / "schemas" / "things.schema.json").write_text(json.dumps(things or THINGS, indent=2), encoding="utf-8")
    return tmp_path


def test_a_collection_is_described_by_its_schema(tmp_path):
    things = read_collections(schema_folder(tmp_path), LINES)["things"]
    assert (things.name, things.top_key, things.file, things.noun, things.local) == (
        "things", "things", "things.yml", "thing", False)
    assert things.description == "Things to test the registry with"  # the schema's title
    assert things.date_fields == (("when",),)  # fuzzyDate; an isoDate is a pattern, checked by the schema
    assert things.plain_text_fields == {("name",), ("said",), ("parts", "[]", "caption")}
    assert things.references == ((("source",), "sources"), (("kinds",), "categories"),
                                 (("parts", "[]", "cites"), "sources"), (("like",), "things"))
    assert things.fields[:3] == ("id", "name", "said") and things.required == {"id", "name"}


@pytest.mark.parametrize(("path", "plain"), [
    (("name",), True), (("parts", 2, "caption"), True), (("about",), False), (("parts", 0, "cites", 1), False)])
def test_plain_text_is_matched_at_any_list_index(tmp_path, path, plain):
    assert read_collections(schema_folder(tmp_path), LINES)["things"].is_plain_text(path) is plain


def _without_title(s):
    del s["title"]


def _unknown_target(s):
    s["properties"]["things"]["items"]["properties"]["source"]["x-refers-to"] = "sauces"


def _on_items(s):
    kinds = s["properties"]["things"]["items"]["properties"]["kinds"]
    kinds["items"]["x-refers-to"] = kinds.pop("x-refers-to")


def _two_top_keys(s):
    s["required"] = ["things", "more"]


@pytest.mark.parametrize(("change", "expected"), [
    (_without_title, "data/schemas/things.schema.json:1:1: field 'title': the schema needs a title: a few words "
                     "saying what the collection holds, which readers see on the Open data page"),
    (_unknown_target, "field 'source': x-refers-to names 'sauces', which is not a collection; did you mean "
                      "'sources'? it must be one of: sources, things, categories"),
    (_on_items, "field 'kinds': put x-refers-to on the field that holds the ids, not on its items"),
    (_two_top_keys, "the schema needs one required top-level key holding the list of records"),
])
def test_a_schema_the_registry_cannot_read_is_one_readable_problem(tmp_path, change, expected):
    schema = copy.deepcopy(THINGS)
    change(schema)
    with pytest.raises(ContentError) as caught:
        read_collections(schema_folder(tmp_path, schema), LINES)
    [problem] = caught.value.problems
    assert expected in str(problem)


def test_an_unknown_target_is_placed_on_its_line(tmp_path):
    schema = copy.deepcopy(THINGS)
    _unknown_target(schema)
    folder = schema_folder(tmp_path, schema)
    line = next(n for n, text in enumerate((folder / "schemas" / "things.schema.json").read_text().splitlines(), 1)
                if '"sauces"' in text)
    with pytest.raises(ContentError) as caught:
        read_collections(folder, LINES)
    assert str(caught.value.problems[0]).startswith(f"data/schemas/things.schema.json:{line}:")


def test_a_missing_or_broken_schema_is_reported_not_raised(tmp_path):
    folder = schema_folder(tmp_path)
    (folder / "schemas" / "things.schema.json").write_text("{ nope", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_collections(folder, (*LINES, Entry("places.yml", "place")))
    broken, missing = sorted(str(p) for p in caught.value.problems)[::-1]
    assert broken.startswith("data/schemas/things.schema.json:1:3: this is not valid JSON")
    assert missing == ("data/schemas/places.schema.json:1:1: places.yml has no schema; every collection needs one, "
                       "named after its file (copy a small one such as themes.schema.json)")


def test_a_data_file_or_schema_without_a_registry_line_is_reported(tmp_path):
    folder = schema_folder(tmp_path)
    (folder / "places.yml").write_text("places: []\n", encoding="utf-8")
    (folder / "schemas" / "places.schema.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_collections(folder, LINES)
    hint = ("no collection is registered for this file; add a line for it to REGISTRY in macros/collections.py "
            "(data/README.md, 'Adding a collection'), or remove it")
    assert [str(p) for p in caught.value.problems] == [
        f"data/places.yml:1:1: {hint}", f"data/schemas/places.schema.json:1:1: {hint}"]


def test_an_unknown_collection_name_lists_the_known_ones():
    registry = read_collections(DATA)
    with pytest.raises(UnknownCollection) as caught:
        registry["place"]
    assert not isinstance(caught.value, KeyError)
    assert str(caught.value).startswith("unknown collection 'place'; the collections are: sources, people, eras,")
    assert registry.file_of("categories") == "typologies.yml" and registry.file_of("terms") == "glossary.yml"


# --- The real registry: what the schemas say now is what the hand-typed tables said before ------------------

BEFORE = {  # load.REFERENCES, load.DATE_FIELDS and exports.DESCRIPTIONS, as they were typed by hand
    "sources": ({("people",): "people", ("cited_in",): "sources"}, ("date",), "Every work the site cites or quotes"),
    "people": ({("sources",): "sources"}, None, "People the sources credit, with a short bio"),
    "eras": ({}, None, "The eras that group the timeline"),
    "themes": ({}, None, "Themes that tag timeline events"),
    "emphases": ({}, None, "What a definition emphasises"),
    "events": ({("people",): "people", ("sources",): "sources", ("themes",): "themes"}, ("date",),
               "Dated timeline events"),
    "definitions": ({("people",): "people", ("source",): "sources", ("via",): "sources", ("emphases",): "emphases"},
                    None, "Definitions quoted verbatim, with a gloss"),
    "typologies": ({("people",): "people", ("sources",): "sources", ("categories", "[]", "quote_source"): "sources"},
                   None, "Frameworks and their categories"),
    "cases": ({("people",): "people", ("sources",): "sources", ("quote_source",): "sources",
               ("illustrates",): "categories", ("contrasts",): "categories"}, ("date",),
              "Examples, linked to typology categories"),
    "terms": ({("sources",): "sources", ("see_also",): "terms"}, None, "Key terms in plain English"),
    "comparisons": ({("rows", "[]", "sources"): "sources", ("rows", "[]", "glossary"): "terms"}, None,
                    "Comparison tables: columns and rows"),
    "crosswalks": ({("rows",): "categories", ("columns",): "typologies", ("cells", "[]", "matches"): "categories",
                    ("cells", "[]", "sources"): "sources"}, None, "How the frameworks line up, cell by cell"),
    "modules": ({("sources",): "sources", ("questions", "[]", "sources"): "sources"}, None,
                "The induction course: modules, questions, reflection prompts and facilitator notes"),
}
PLAIN_TEXT_BEFORE = {"text", "quote", "title", "name", "label", "term", "attribution", "caption", "prompt", "statement",
                     "short_title"}  # a milestone's label on the time axis, added since


@pytest.mark.parametrize("name", list(BEFORE))
def test_the_schemas_declare_what_the_old_tables_said(name):
    collection = read_collections(DATA)[name]
    references, date, description = BEFORE[name]
    assert dict(collection.references) == references
    assert collection.date_fields == ((date,) if date else ())
    assert collection.description == description


def test_plain_text_fields_are_the_fields_the_old_list_named():
    registry = read_collections(DATA)
    assert {path[-1] for c in registry for path in c.plain_text_fields} == PLAIN_TEXT_BEFORE
    for c in registry:  # and every field with one of those names, wherever it is, is plain text
        for path, _ in ((p, None) for p in _string_fields(c)):
            assert (path in c.plain_text_fields) == (path[-1] in PLAIN_TEXT_BEFORE), (c.name, path)


def _string_fields(collection) -> list[tuple]:
    found = []
    schema = json.loads((DATA / "schemas" / collection.schema).read_text(encoding="utf-8"))

    def walk(node, path):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        if node.get("type") == "string" or str(node.get("$ref", "")).endswith(("plainText", "quote", "text")):
            found.append(path)
        for key, child in (node.get("properties") or {}).items():
            walk(child, path + (key,))

    walk(schema["properties"][collection.top_key]["items"], ())
    return found


def test_the_registry_lists_every_data_file_in_order():
    registry = read_collections(DATA)
    assert [c.file for c in registry] == [e.file for e in REGISTRY]
    assert sorted(p.name for p in DATA.glob("*.yml")) == sorted(e.file for e in REGISTRY)
    assert {c.name for c in registry.local} == {"sources", "events", "definitions", "cases", "terms", "statements"}


# --- A collection's typed record ------------------------------------------------------------------------------

PLACES_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "places.schema.json",
    "title": "Places where co-production was tried",
    "type": "object", "required": ["places"], "additionalProperties": False,
    "properties": {"places": {"type": "array", "items": {
        "type": "object", "required": ["id", "name", "sources"], "additionalProperties": False,
        "properties": {
            "id": {"$ref": COMMON + "slug"},
            "name": {"$ref": COMMON + "plainText"},
            "since": {"$ref": COMMON + "fuzzyDate"},
            "sources": {"$ref": COMMON + "slugList", "minItems": 1, "x-refers-to": "sources"},
        }}}},
}
PLACES = """places:
  - id: rushey-green
    name: Rushey Green
    since: "1999"
    sources: [seed-hcct]
  - id: chicago
    name: Chicago
    sources: [seed-bussu-2014]
"""


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    sources: tuple[str, ...]
    since: FuzzyDate | None = None


@dataclass
class ContentWithPlaces(models.Content):
    places: dict[str, Place] = field(default_factory=dict)


@pytest.fixture
def with_places(tmp_path, monkeypatch) -> Path:
    """A copy of data/ with a places collection and its registry line (but, so far, no typed record)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "places.yml").write_text(PLACES, encoding="utf-8")
    (data / "schemas" / "places.schema.json").write_text(json.dumps(PLACES_SCHEMA), encoding="utf-8")
    monkeypatch.setattr(collections, "REGISTRY", (*REGISTRY, Entry("places.yml", "place")))
    return data


def test_a_collection_without_a_typed_record_says_where_to_add_it(with_places):
    with pytest.raises(ContentError) as caught:
        load_content(with_places)
    assert [str(p) for p in caught.value.problems] == [
        "macros/models.py:1:1: Content has no field for the collection 'places' (data/places.yml); add "
        "'places: dict[str, Record] = field(default_factory=dict)', with a frozen dataclass Record for its records "
        "(data/README.md, 'Adding a collection')"]


def test_a_flat_collection_is_built_from_its_dataclass_and_published(with_places, monkeypatch):
    monkeypatch.setattr(models, "Content", ContentWithPlaces)
    content = load_content(with_places)
    assert content.places["rushey-green"] == Place("rushey-green", "Rushey Green", ("seed-hcct",),
                                                   since=content.places["rushey-green"].since)
    assert content.places["rushey-green"].since.label == "1999" and content.places["chicago"].since is None
    assert content.counts()["places"] == 2 and content.counts()["events"] == len(content.events)
    schemas = {p.name: p.read_bytes() for p in (with_places / "schemas").glob("*.json")}
    [download] = [d for d in exports.downloads(content, schemas) if d.collection == "places"]
    assert (download.description, download.json, download.count) == (
        "Places where co-production was tried", "data/places.json", 2)
    assert ("Place", "Rushey Green", "open-data/") in citations_by_source(content, Links())["seed-hcct"]


def test_a_typed_record_that_misses_a_schema_field_is_reported(with_places, monkeypatch):
    schema = copy.deepcopy(PLACES_SCHEMA)
    schema["properties"]["places"]["items"]["properties"]["note"] = {"$ref": COMMON + "text"}
    (with_places / "schemas" / "places.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(models, "Content", ContentWithPlaces)
    with pytest.raises(ContentError) as caught:
        load_content(with_places)
    assert [str(p) for p in caught.value.problems] == [
        "macros/models.py:1:1: Place has no field 'note', which data/schemas/places.schema.json allows; add it, "
        "e.g. 'note: str | None = None'"]


# --- Sources backlinks ----------------------------------------------------------------------------------------

ONLY_IN_A_CELL, ONLY_IN_A_QUESTION = "only-in-a-crosswalk-cell", "only-in-a-course-question"


@pytest.fixture
def cited_only_by_parts(tmp_path) -> models.Content:
    """The real data plus two sources: one cited only by a crosswalk cell, one only by a course question."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    with (data / "sources.yml").open("a", encoding="utf-8") as sources:
        for source_id in (ONLY_IN_A_CELL, ONLY_IN_A_QUESTION):
            sources.write(f"  - id: {source_id}\n    kind: report\n    authors: [\"Nobody, A.\"]\n"
                          f"    title: A work cited in one place\n    year: 2020\n")

    def cite_in(file: str, change) -> None:
        document = yaml.safe_load((data / file).read_text(encoding="utf-8"))
        change(document)
        (data / file).write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")

    cite_in("crosswalk.yml", lambda d: d["crosswalks"][0]["cells"][4]["sources"].append(ONLY_IN_A_CELL))
    cite_in("course.yml", lambda d: d["modules"][1]["questions"][2]["sources"].append(ONLY_IN_A_QUESTION))
    return load_content(data)


def test_a_source_cited_only_by_a_crosswalk_cell_links_to_that_cell(cited_only_by_parts):
    content = cited_only_by_parts
    record = next(iter(content.crosswalks.values()))
    cell = record.cells[4]
    anchor = crosswalk.cell_anchor(record.id, cell.row, cell.column)
    where = f"{content.categories[cell.row].name} and {content.typologies[cell.column].name}"
    assert citations_by_source(content, Links.for_page("sources/"))[ONLY_IN_A_CELL] == [
        ("Crosswalk", f"{record.title}: {where}", f"../typologies/crosswalk/#{anchor}")]
    # The link lands: the crosswalk's page shows the cell under that id.
    assert f"{{{{ crosswalk('{record.id}') }}}}" in (ROOT / "docs" / "typologies" / "crosswalk.md").read_text()
    assert f'<td id="{anchor}"' in crosswalk.crosswalk(record.id, content, Links.for_page("typologies/crosswalk/"))


def test_a_source_cited_only_by_a_course_question_links_to_that_question(cited_only_by_parts):
    content = cited_only_by_parts
    module = list(content.modules.values())[1]
    question = module.questions[2]
    assert citations_by_source(content, Links.for_page("sources/"))[ONLY_IN_A_QUESTION] == [
        ("Course question", f"{module.title}, question 3", f"../learn/{module.id}/#q-{question.id}")]
    assert f"{{{{ module_questions('{module.id}') }}}}" in (ROOT / "docs" / "learn" / f"{module.id}.md").read_text()
    html = course.module_questions(module.id, content, Links.for_page(f"learn/{module.id}/"))
    assert f'id="q-{question.id}"' in html


def test_the_sources_page_shows_both_backlinks(cited_only_by_parts):
    html = bibliography(cited_only_by_parts, Links.for_page("sources/"))
    for source_id, kind in ((ONLY_IN_A_CELL, "Crosswalk"), (ONLY_IN_A_QUESTION, "Course question")):
        entry = html.split(f'<li id="{source_id}"', 1)[1].split('<li id="', 1)[0]  # up to the next entry
        assert "Where this site uses it (1)" in entry and f"<li>{kind}: <a href=" in entry


def test_backlinks_keep_every_record_kind_and_list_each_source_once_per_line(content):
    found = citations_by_source(content, Links.for_page("sources/"))
    kinds = {kind for lines in found.values() for kind, _, _ in lines}
    assert kinds == {"Person", "Event", "Definition", "Typology", "Example", "Glossary", "Comparison", "Crosswalk",
                     "Course", "Course question", "Self-assessment"}
    assert all(len(lines) == len(set(lines)) for lines in found.values())
    # A source that names people (its authors): each one's entry on the People page uses it.
    naming = [(s.id, content.people[p]) for s in content.sources.values() for p in s.people]
    assert naming and all(("Person", person.name, f"../people/#{person.id}") in found[sid] for sid, person in naming)


def test_collections_are_iterable_and_sized():
    registry = read_collections(DATA)
    assert isinstance(registry, Collections) and len(registry) == len(REGISTRY) and "events" in registry
