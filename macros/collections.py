"""The registry of data collections: one line each below; every other fact is read from the collection's schema.

A collection is a data file, data/NAME.yml, checked against data/schemas/NAME.schema.json (the schema is found
by the file's name, as in github/docs `src/data-directory`). The line in REGISTRY says what no schema says: the
file, how one record is named in messages, and whether a council may add local records to it. The schema says
the rest, so no fact about a collection is typed twice:

- its name: the schema's one required top-level key (`events` in timeline.schema.json). It is also the field
  of models.Content that holds its typed records;
- its description, for the Open data page and the open-data README: the schema's `title`;
- its date fields: those whose schema is `{"$ref": "common.schema.json#/$defs/fuzzyDate"}`;
- its plain-text fields (names, titles and verbatim quotations, shown exactly as written, so the Markdown
  subset and its links mean nothing there): those whose schema is a `$ref` to `$defs/plainText` or
  `$defs/quote` in common.schema.json;
- its references: `"x-refers-to": "COLLECTION"` on the field that holds the ids, whether it holds one id
  (a string) or several (a list of strings). The annotation goes on the field itself, never on its `items`.
  `"x-refers-to": "categories"` means typology categories, written 'typology-id/category-id'.

A field path is a tuple of keys from a record; '[]' steps into every item of a list, so
('cells', '[]', 'sources') is the sources of every cell of a crosswalk.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from macros.errors import ContentError, DataProblem

FieldPath = tuple[str, ...]

COMMON_SCHEMA = "common.schema.json"  # definitions the collections' schemas share; not a collection itself
DATE_DEF = f"{COMMON_SCHEMA}#/$defs/fuzzyDate"
PLAIN_TEXT_DEFS = (f"{COMMON_SCHEMA}#/$defs/plainText", f"{COMMON_SCHEMA}#/$defs/quote")
REFERS_TO = "x-refers-to"
CATEGORIES = "categories"  # a reference target that is not a collection: the categories inside typologies
CATEGORY_HOME = "typologies"


class _DataFile:
    """The names that follow from a data file's: its stem, and its schema's (found by the file's name)."""

    file: str

    @property
    def stem(self) -> str:
        return self.file.removesuffix(".yml")

    @property
    def schema(self) -> str:
        return f"{self.stem}.schema.json"


@dataclass(frozen=True)
class Entry(_DataFile):
    """One registry line: what a collection's schema cannot say."""

    file: str  # data/<file>
    noun: str  # how one record is named in messages: "glossary term 'co-production'"
    local: bool = False  # a council may add records from a file of the same name in its data folder


# One line per collection, in the order the Open data page lists them. Adding a collection: data/README.md.
REGISTRY = (
    Entry("sources.yml", "source", local=True),
    Entry("people.yml", "person"),
    Entry("eras.yml", "era"),
    Entry("themes.yml", "theme"),
    Entry("emphases.yml", "emphasis"),
    Entry("timeline.yml", "event", local=True),
    Entry("definitions.yml", "definition", local=True),
    Entry("typologies.yml", "typology"),
    Entry("cases.yml", "case", local=True),
    Entry("glossary.yml", "glossary term", local=True),
    Entry("comparisons.yml", "comparison"),
    Entry("crosswalk.yml", "crosswalk"),
    Entry("course.yml", "module"),
    Entry("self-assessment.yml", "self-assessment statement", local=True),
    Entry("self-assessment-scale.yml", "scale point"),
)


@dataclass(frozen=True)
class Collection(_DataFile):
    """Everything known about one collection: its registry line and what its schema declares."""

    name: str  # the schema's top-level key, and the field of models.Content that holds the records
    file: str
    noun: str
    local: bool
    description: str
    fields: tuple[str, ...] = ()  # a record's fields, as the schema lists them
    required: frozenset[str] = frozenset()
    date_fields: tuple[FieldPath, ...] = ()
    plain_text_fields: frozenset[FieldPath] = frozenset()
    references: tuple[tuple[FieldPath, str], ...] = ()  # (field path, the collection its ids belong to)

    @property
    def top_key(self) -> str:
        return self.name

    def is_plain_text(self, path: tuple) -> bool:
        """Whether the string at `path` inside a record (list indexes included) is shown as plain text."""
        return tuple("[]" if isinstance(step, int) else step for step in path) in self.plain_text_fields

    def references_to(self, target: str) -> tuple[FieldPath, ...]:
        return tuple(path for path, to in self.references if to == target)


class UnknownCollection(LookupError):
    """A collection name that is not in the registry."""


@dataclass(frozen=True)
class Collections:
    """The registry read against one data folder: every collection in REGISTRY order, looked up by name."""

    members: tuple[Collection, ...]

    def __iter__(self) -> Iterator[Collection]:
        return iter(self.members)

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, name: object) -> bool:
        return any(c.name == name for c in self.members)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.members)

    @property
    def local(self) -> tuple[Collection, ...]:
        return tuple(c for c in self.members if c.local)

    def __getitem__(self, name: str) -> Collection:
        for collection in self.members:
            if collection.name == name:
                return collection
        close = difflib.get_close_matches(str(name), self.names, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UnknownCollection(f"unknown collection '{name}'; {hint}the collections are: {', '.join(self.names)} "
                                "(REGISTRY in macros/collections.py, named by their schemas' top-level keys)")

    def file_of(self, target: str) -> str:
        """The data file holding the ids a reference to `target` must match."""
        return self[CATEGORY_HOME if target == CATEGORIES else target].file


def read_collections(data_dir: Path, registry: tuple[Entry, ...] | None = None) -> Collections:
    """REGISTRY (or the lines given) completed from data_dir/schemas. Raises ContentError listing every problem.

    It also refuses a data file or schema that no registry line names: a collection added by half is
    reported with the step still to do, rather than left out of the site.
    """
    data_dir = Path(data_dir)
    registry = REGISTRY if registry is None else registry
    problems: list[DataProblem] = []
    found: list[Collection] = []
    texts: dict[str, str] = {}
    for entry in registry:
        label = f"data/schemas/{entry.schema}"
        try:
            texts[entry.schema] = (data_dir / "schemas" / entry.schema).read_text(encoding="utf-8")
            schema = json.loads(texts[entry.schema])
        except FileNotFoundError:
            problems.append(DataProblem(label, 1, 1, "", "", f"{entry.file} has no schema; every collection needs "
                                        "one, named after its file (copy a small one such as themes.schema.json)"))
            continue
        except json.JSONDecodeError as err:
            problems.append(DataProblem(label, err.lineno, err.colno, "", "", f"this is not valid JSON ({err.msg})"))
            continue
        collection, entry_problems = _from_schema(entry, schema, texts[entry.schema], label)
        problems += entry_problems
        if collection is not None:
            found.append(collection)
    problems += _check_names(found, texts)
    problems += _unregistered(data_dir, registry)
    if problems:
        raise ContentError(problems)
    return Collections(tuple(found))


def _from_schema(entry: Entry, schema, text: str, label: str) -> tuple[Collection | None, list[DataProblem]]:
    problems = []
    title = schema.get("title") if isinstance(schema, dict) else None
    if not isinstance(title, str) or not title.strip():
        problems.append(DataProblem(label, 1, 1, "", "title", "the schema needs a title: a few words saying what "
                                    "the collection holds, which readers see on the Open data page"))
    required = schema.get("required") if isinstance(schema, dict) else None
    top = schema.get("properties", {}).get(required[0]) if isinstance(required, list) and len(required) == 1 \
        and isinstance(schema.get("properties"), dict) else None
    if not isinstance(top, dict) or top.get("type") != "array" or not isinstance(top.get("items"), dict):
        problems.append(DataProblem(label, 1, 1, "", "required", "the schema needs one required top-level key holding "
                                    "the list of records, e.g. \"required\": [\"places\"] and \"places\": "
                                    "{\"type\": \"array\", \"items\": {...}} (copy themes.schema.json)"))
        return None, problems
    fields = _Fields()
    _walk(top["items"], (), schema, fields, frozenset())
    for path in fields.misplaced:
        problems.append(DataProblem(label, _line_of(text, f'"{REFERS_TO}"'), 1, "", ".".join(path).rstrip(".[]"),
                                    f"put {REFERS_TO} on the field that holds the ids, not on its items"))
    collection = Collection(
        name=required[0], file=entry.file, noun=entry.noun, local=entry.local, description=title or "",
        fields=tuple(top["items"].get("properties") or ()), required=frozenset(top["items"].get("required") or ()),
        date_fields=tuple(fields.dates), plain_text_fields=frozenset(fields.plain), references=tuple(fields.references))
    return collection, problems


@dataclass
class _Fields:
    dates: list[FieldPath] = field(default_factory=list)
    plain: list[FieldPath] = field(default_factory=list)
    references: list[tuple[FieldPath, str]] = field(default_factory=list)
    misplaced: list[FieldPath] = field(default_factory=list)


def _walk(node, path: FieldPath, root: dict, found: _Fields, seen: frozenset) -> None:
    """Collect the annotated fields below `node`, following the schema's own $defs (not common's)."""
    if not isinstance(node, dict):
        return
    if REFERS_TO in node and path[-1:] == ("[]",):
        found.misplaced.append(path)
    elif REFERS_TO in node:
        found.references.append((path, node[REFERS_TO]))
    ref = node.get("$ref")
    if ref == DATE_DEF:
        found.dates.append(path)
    elif ref in PLAIN_TEXT_DEFS:
        found.plain.append(path)
    elif isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in seen:
        _walk(root.get("$defs", {}).get(ref.removeprefix("#/$defs/")), path, root, found, seen | {ref})
    for key, child in (node.get("properties") or {}).items():
        _walk(child, path + (key,), root, found, seen)
    _walk(node.get("items"), path + ("[]",), root, found, seen)
    for child in node.get("allOf") or ():
        _walk(child, path, root, found, seen)


def _check_names(found: list[Collection], texts: dict[str, str]) -> list[DataProblem]:
    problems = []
    names = [c.name for c in found]
    for collection in found:
        label = f"data/schemas/{collection.schema}"
        if names.count(collection.name) > 1:
            problems.append(DataProblem(label, 1, 1, "", "required", f"the top-level key '{collection.name}' is "
                                        "already another collection's; give each collection its own"))
        for path, target in collection.references:
            if target in names or target == CATEGORIES:
                continue
            close = difflib.get_close_matches(str(target), [*names, CATEGORIES], n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(DataProblem(
                label, _line_of(texts[collection.schema], f'"{REFERS_TO}": {json.dumps(target)}'), 1, "",
                ".".join(p for p in path if p != "[]"),
                f"{REFERS_TO} names '{target}', which is not a collection; {hint}it must be one of: "
                f"{', '.join([*names, CATEGORIES])}"))
    return problems


def _unregistered(data_dir: Path, registry: tuple[Entry, ...]) -> list[DataProblem]:
    """Data files and schemas in the folder that no registry line names."""
    known = {e.file for e in registry} | {e.schema for e in registry} | {COMMON_SCHEMA}
    stray = [f"data/{p.name}" for p in sorted(data_dir.glob("*.y*ml")) if p.name not in known]
    stray += [f"data/schemas/{p.name}" for p in sorted((data_dir / "schemas").glob("*.json")) if p.name not in known]
    return [DataProblem(name, 1, 1, "", "", "no collection is registered for this file; add a line for it to "
                        "REGISTRY in macros/collections.py (data/README.md, 'Adding a collection'), or remove it")
            for name in stray]


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


# --- What a record cites --------------------------------------------------------------------------------------

_NO_PART: tuple = ()


def values_at(record, field_path: FieldPath, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, value) for every string stored under field_path in a parsed record, stepping into lists at '[]'.

    The paths are the record's own (keys and list indexes), so a problem can be placed on its line.
    """
    head, rest = field_path[0], field_path[1:]
    if head == "[]":
        if isinstance(record, list):
            for index, item in enumerate(record):
                if rest and isinstance(item, dict):
                    yield from values_at(item, rest, path + (index,))
        return
    if not isinstance(record, dict) or head not in record:
        return
    value = record[head]
    if rest:
        yield from values_at(value, rest, path + (head,))
    elif isinstance(value, str):
        yield path + (head,), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield path + (head, index), item


@dataclass(frozen=True)
class Citing:
    """A record, or one part of a record, that names sources."""

    collection: str
    record: str  # the record's id
    part: tuple  # () for the record itself, or (field, index) of the nested item that names them: ('cells', 3)
    sources: tuple[str, ...]  # each source once, in the order the data names them


def citing(content) -> list[Citing]:
    """Everything that cites each source, driven by the registry's references to 'sources'.

    A record cites a source when one of its fields refers to it (a crosswalk cell's or a course question's
    `sources` included). A source's own references to other collections count too, from the other side:
    a source naming a person (`people`) is used on that person's entry. A source's `cited_in` names the
    main sources that quote it: that is a fact about the source, not a use of the other source on the site.
    Records come in registry order, and in each collection in the order models.Content holds them.
    """
    raw = _raw_records(content)
    named_by_sources: dict[tuple[str, str], list[str]] = {}
    for path, target in content.collections["sources"].references:
        if target == "sources":
            continue
        for source_id, record in raw["sources"].items():
            for _, ref in values_at(record, path):
                named_by_sources.setdefault((target, ref), []).append(source_id)
    found = []
    for collection in content.collections:
        if collection.name == "sources":
            continue
        paths = collection.references_to("sources")
        for record_id in getattr(content, collection.name):
            record = raw[collection.name].get(record_id, {})
            parts: dict[tuple, list[str]] = {_NO_PART: []}
            for path in paths:
                for at, source_id in values_at(record, path):
                    part = at[:2] if len(path) > 1 and path[1] == "[]" else _NO_PART
                    parts.setdefault(part, []).append(source_id)
            parts[_NO_PART] += named_by_sources.get((collection.name, record_id), [])
            for part, ids in parts.items():  # the record itself first, then its parts in the order written
                if ids:
                    found.append(Citing(collection.name, record_id, part, tuple(dict.fromkeys(ids))))
    return found


def _raw_records(content) -> dict[str, dict[str, dict]]:
    """{collection: {id: the record as read}}, national and local together."""
    found: dict[str, dict[str, dict]] = {}
    for collection in content.collections:
        found[collection.name] = {}
        for document in (content.documents.get(collection.name), content.local_documents.get(collection.name)):
            for record in (document or {}).get(collection.top_key) or ():
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    found[collection.name][record["id"]] = record
    return found
