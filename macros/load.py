"""Load every data collection, validate it, resolve references, and return typed records.

Nothing is reported until every file has been checked, so an editor sees every problem at once.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import re
import typing
from pathlib import Path

from macros import models as m
from macros import passed_checks
from macros.collections import CATEGORIES, CATEGORY_HOME, Collection, Collections, read_collections, values_at
from macros.dates import DateError, parse_date
from macros.errors import ContentError, DataProblem
from macros.links import PAGES  # the page keys a course question may send the reader to (pure data)
from macros.schema import ParsedFile, read_yaml, validate

_JINJA = re.compile(r"\{\{|\{%|\{#|%\}|#\}")
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*[A-Za-z!?]")
_MD_LINK = re.compile(r"\]\(\s*([^)\s]*)")
_ALLOWED_LINK = re.compile(r"^https?://[^\s<>\"]+$")


def load_content(data_dir: Path, local_dir: Path | None = None, local_label: str | None = None,
                 local_name: str | None = None) -> m.Content:
    """Read, validate and resolve every collection. Raises ContentError listing every problem found.

    The collections, their files and what their fields hold come from the registry (macros/collections.py),
    completed from data_dir/schemas. `local_dir` is a council's folder of local records (same file names
    and schemas, for the collections the registry marks local); `local_label` is how its files are named
    in messages, and `local_name` is the council's name, shown on every local record.
    """
    data_dir = Path(data_dir)
    schema_dir = data_dir / "schemas"
    collections = read_collections(data_dir)
    record_types, problems = _record_types(collections)
    parsed: dict[str, ParsedFile] = {}
    local: dict[str, ParsedFile] = {}
    for collection in collections:
        file, found = _read_and_validate(data_dir / collection.file, f"data/{collection.file}", collection, schema_dir)
        problems += found
        parsed[collection.name] = file
    if local_dir is not None:
        local, local_problems = _read_local(collections, Path(local_dir), local_label or str(local_dir), schema_dir)
        problems += local_problems
    files = {c.name: [parsed[c.name]] + ([local[c.name]] if c.name in local else []) for c in collections}
    records = {c.name: [r for f in files[c.name] for r in _records(f, c.top_key)] for c in collections}
    for collection in collections:
        for file in files[collection.name]:
            problems += _check_text(file, collection)
            problems += _check_dates(file, collection)
        problems += _check_unique_ids(parsed[collection.name], collection)
        if collection.name in local:
            problems += _check_unique_ids(local[collection.name], collection, national=parsed[collection.name])
    known = {name: {r["id"] for _, r in items if isinstance(r.get("id"), str)} for name, items in records.items()}
    known[CATEGORIES] = {
        f"{t['id']}/{c['id']}" for _, t in records[CATEGORY_HOME]
        for c in t.get("categories", []) if isinstance(c, dict) and "id" in c
    }
    # A collection that could not be read, or has no list of records, has no ids; skip checks against it rather
    # than report every reference.
    unreadable = {c.name for c in collections
                  if any(not isinstance(f.data, dict) or not isinstance(f.data.get(c.top_key), list)
                         for f in files[c.name])}
    if CATEGORY_HOME in unreadable:
        unreadable.add(CATEGORIES)
    for collection in collections:
        for file in files[collection.name]:
            problems += _check_references(file, collection, collections, known, unreadable)
    problems += _check_comparisons(parsed["comparisons"], records["comparisons"])
    problems += _check_crosswalks(parsed["crosswalks"], records["crosswalks"])
    problems += _check_tooltips(files["terms"])
    for file in files["sources"]:
        problems += _check_source_urls(file)
    problems += _check_course(parsed["modules"], records["modules"], known, unreadable)
    if problems:
        raise ContentError(problems)
    local_ids = {name: {r["id"] for _, r in _records(f, collections[name].top_key)} for name, f in local.items()}
    content = _build(collections, record_types, records, local_ids)
    content.collections = collections
    content.documents = {c.name: parsed[c.name].data for c in collections}
    content.local_documents = {name: f.data for name, f in local.items()}
    content.local_name = local_name
    return content


def _read_local(collections: Collections, local_dir: Path, label: str,
                schema_dir: Path) -> tuple[dict[str, ParsedFile], list[DataProblem]]:
    """A council's local files: each optional, each validated against the national schema."""
    label = label.rstrip("/")
    problems: list[DataProblem] = []
    found: dict[str, ParsedFile] = {}
    allowed = {c.file: c for c in collections.local}
    for path in sorted(local_dir.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or path.name in allowed:
            continue
        problems.append(DataProblem(
            f"{label}/{path.name}", 1, 1, "", "",
            f"a council's local data can only add to {', '.join(sorted(allowed))}; "
            "move these records into one of them or remove the file"))
    for file_name, collection in allowed.items():
        if not (local_dir / file_name).is_file():
            continue
        file, file_problems = _read_and_validate(local_dir / file_name, f"{label}/{file_name}", collection, schema_dir)
        problems += file_problems
        found[collection.name] = file
    return found, problems


_checked: dict[tuple, tuple[ParsedFile, list[DataProblem]]] = {}


def _read_and_validate(path: Path, label: str, collection: Collection, schema_dir: Path
                       ) -> tuple[ParsedFile, list[DataProblem]]:
    """The file as read, and its parse and schema problems. Kept while the file's bytes and its schemas' are
    the same: under `make serve` an edit to one data file then parses and checks that file alone. Nothing
    later changes a ParsedFile."""
    data_digest = _digest(path)
    key = (label, collection.schema, data_digest, _digest(schema_dir / collection.schema),
           _digest(schema_dir / "common.schema.json"))
    if key not in _checked:
        file = read_yaml(path, label, collection.top_key)
        problems = list(file.problems)
        if file.data is not None and not file.problems:
            problems += _schema_problems(data_digest, file, schema_dir, collection)
        if len(_checked) > 256:  # many data folders in one process (the tests): keep it small
            _checked.clear()
        _checked[key] = (file, problems)
    return _checked[key]


def _schema_problems(data_digest: str, file: ParsedFile, schema_dir: Path, collection: Collection
                     ) -> list[DataProblem]:
    """The file's problems against its schema; none, without checking, for a file that passed before as it is."""
    key = passed_checks.digest(f"{data_digest} {collection.schema}".encode(), schema_dir)
    if passed_checks.passed(key):
        return []
    problems = validate(file, schema_dir, collection.schema, collection.noun)
    if not problems:
        passed_checks.mark_passed(key)
    return problems


def forget_checked_files() -> None:
    """Parse and check every file again on the next load, in this process and from marks kept between builds
    (the benchmark times a load from nothing)."""
    _checked.clear()
    passed_checks.forget()


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _records(file: ParsedFile, top_key: str) -> list[tuple[int, dict]]:
    data = file.data if isinstance(file.data, dict) else {}
    items = data.get(top_key)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def walk_strings(value, path):
    """Every string in a parsed YAML value, with its path of keys and indexes."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from walk_strings(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk_strings(child, path + (index,))


def _check_text(file: ParsedFile, collection: Collection) -> list[DataProblem]:
    """Data is text, never code: refuse template syntax, raw HTML and non-web links anywhere."""
    problems = []
    for path, text in walk_strings(file.data, ()):
        if _JINJA.search(text):
            problems.append(file.problem(path, collection.noun,
                            "contains template syntax ('{{', '{%' or '{#'); data is shown as text, so remove it"))
        if _HTML_TAG.search(text):
            problems.append(file.problem(path, collection.noun,
                            "contains raw HTML; use the Markdown subset instead: *emphasis*, **strong**, [text](https://...)"))
        if collection.is_plain_text(path[2:]):  # a name or a quotation: shown as written, never as Markdown
            continue
        for target in _MD_LINK.findall(text):
            if not _ALLOWED_LINK.match(target):
                problems.append(file.problem(path, collection.noun,
                                f"the link target '{target}' is not allowed; links must start with https:// or http://"))
    return problems


def _check_dates(file: ParsedFile, collection: Collection) -> list[DataProblem]:
    problems = []
    for index, record in _records(file, collection.top_key):
        for field_path in collection.date_fields:
            for path, text in values_at(record, field_path, (collection.top_key, index)):
                try:
                    parse_date(text)
                except DateError as err:
                    problems.append(file.problem(path, collection.noun, str(err)))
    return problems


def _check_unique_ids(file: ParsedFile, collection: Collection,
                      national: ParsedFile | None = None) -> list[DataProblem]:
    """Ids are unique in a file; a local file's ids must also differ from the national file's."""
    problems = []
    first_seen: dict[str, int] = {}
    national_ids = {}
    if national is not None:
        national_ids = {r["id"]: i for i, r in _records(national, collection.top_key)
                        if isinstance(r.get("id"), str)}
    for index, record in _records(file, collection.top_key):
        record_id = record.get("id")
        if not isinstance(record_id, str):
            continue
        path = (collection.top_key, index, "id")
        if record_id in national_ids:
            line = national.mark((collection.top_key, national_ids[record_id], "id"))[0]
            problems.append(file.problem(path, collection.noun,
                            f"the id '{record_id}' is already used by a national {collection.noun} "
                            f"({national.name}, line {line}); give the local one its own id, "
                            f"for example '{record_id}-local'"))
        elif record_id in first_seen:
            problems.append(file.problem(path, collection.noun,
                            f"the id '{record_id}' is already used on line {first_seen[record_id]}; ids must be unique"))
        else:
            first_seen[record_id] = file.mark(path)[0]
        if collection.name == CATEGORY_HOME:
            problems += _check_unique_ids_in(file, collection, index, record, "categories")
    return problems


def _check_unique_ids_in(file, collection, index, record, list_field) -> list[DataProblem]:
    problems, seen = [], {}
    for sub_index, item in enumerate(record.get(list_field) or []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            path = (collection.top_key, index, list_field, sub_index, "id")
            if item["id"] in seen:
                problems.append(file.problem(path, collection.noun,
                                f"the category id '{item['id']}' is already used on line {seen[item['id']]}"))
            seen.setdefault(item["id"], file.mark(path)[0])
    return problems


def _check_references(file: ParsedFile, collection: Collection, collections: Collections,
                      known: dict[str, set[str]], unreadable: set[str]) -> list[DataProblem]:
    problems = []
    for index, record in _records(file, collection.top_key):
        for field_path, target in collection.references:
            if target in unreadable:
                continue
            for path, ref in values_at(record, field_path, (collection.top_key, index)):
                if ref in known[target]:
                    continue
                close = difflib.get_close_matches(ref, sorted(known[target]), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                what = "typology category ('typology-id/category-id')" if target == CATEGORIES else "id"
                problems.append(file.problem(path, collection.noun,
                                f"unknown {what} '{ref}'; {hint}it must match an id in data/{collections.file_of(target)}"))
    return problems


def _check_comparisons(file: ParsedFile, comparisons: list[tuple[int, dict]]) -> list[DataProblem]:
    """Every row fills every column, and no row has a cell for a column that does not exist."""
    problems = []
    for index, comparison in comparisons:
        columns = [c.get("id") for c in comparison.get("columns") or [] if isinstance(c, dict)]
        for row_index, row in enumerate(comparison.get("rows") or []):
            cells = row.get("cells") if isinstance(row, dict) else None
            if not isinstance(cells, dict):
                continue
            path = ("comparisons", index, "rows", row_index, "cells")
            for missing in [c for c in columns if c not in cells]:
                problems.append(file.problem(path, "comparison", f"row '{row.get('id')}' has no cell for column '{missing}'"))
            for extra in [c for c in cells if c not in columns]:
                problems.append(file.problem(path + (extra,), "comparison",
                                f"row '{row.get('id')}' has a cell for '{extra}', which is not a column; "
                                f"columns are: {', '.join(map(str, columns))}", key=True))
    return problems


def _check_crosswalks(file: ParsedFile, crosswalks: list[tuple[int, dict]]) -> list[DataProblem]:
    """Exactly one cell for every row and column, and each cell's matches come from its column's framework."""
    problems = []
    for index, crosswalk in crosswalks:
        rows = [r for r in crosswalk.get("rows") or [] if isinstance(r, str)]
        columns = [c for c in crosswalk.get("columns") or [] if isinstance(c, str)]
        for column_index, column in enumerate(columns):
            if any(row.split("/")[0] == column for row in rows):
                problems.append(file.problem(("crosswalks", index, "columns", column_index), "crosswalk",
                                f"'{column}' is also the framework of the rows; a framework is not compared with itself"))
        seen: dict[tuple[str, str], int] = {}
        for cell_index, cell in enumerate(crosswalk.get("cells") or []):
            if not isinstance(cell, dict):
                continue
            path = ("crosswalks", index, "cells", cell_index)
            row, column = cell.get("row"), cell.get("column")
            if not isinstance(row, str) or not isinstance(column, str):
                continue  # the schema has already reported it
            if row not in rows:
                problems.append(file.problem(path + ("row",), "crosswalk",
                                f"'{row}' is not one of this crosswalk's rows; rows are: {', '.join(rows)}"))
            if column not in columns:
                problems.append(file.problem(path + ("column",), "crosswalk",
                                f"'{column}' is not one of this crosswalk's columns; columns are: {', '.join(columns)}"))
            if (row, column) in seen:
                problems.append(file.problem(path, "crosswalk",
                                f"a second cell for row '{row}' and column '{column}' (the first is on line {seen[row, column]}); keep one"))
            seen.setdefault((row, column), file.mark(path)[0])
            matches = [m for m in cell.get("matches") or [] if isinstance(m, str)]
            for match_index, match in enumerate(matches):
                if column in columns and match.split("/")[0] != column:
                    problems.append(file.problem(path + ("matches", match_index), "crosswalk",
                                    f"'{match}' is not a category of the column's framework; write '{column}/category-id'"))
            if cell.get("relation") == "none" and matches:
                problems.append(file.problem(path + ("matches",), "crosswalk",
                                "relation 'none' means nothing lines up, so leave matches empty"))
            if cell.get("relation") in ("close", "partial") and not matches:
                problems.append(file.problem(path + ("relation",), "crosswalk",
                                f"relation '{cell.get('relation')}' needs at least one category in matches; "
                                "if nothing lines up, write relation: none"))
        for row in rows:
            for column in columns:
                if (row, column) not in seen:
                    problems.append(file.problem(("crosswalks", index, "cells"), "crosswalk",
                                    f"no cell for row '{row}' and column '{column}'; every row needs a cell in every "
                                    "column, with relation: none where the sources give no link"))
    return problems


def _check_source_urls(file: ParsedFile) -> list[DataProblem]:
    """A source's url fields agree: url_status, moved_to, archive_url and checked describe its url."""
    problems = []
    for index, source in _records(file, "sources"):
        at = ("sources", index)
        url, status = source.get("url"), source.get("url_status")
        checked = source.get("checked")
        if isinstance(checked, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked):  # else the schema says why
            try:
                parse_date(checked)
            except DateError as err:
                problems.append(file.problem(at + ("checked",), "source", str(err)))
        if not isinstance(url, str):
            for field in ("url_status", "moved_to", "archive_url", "checked"):
                if field in source:
                    problems.append(file.problem(at + (field,), "source",
                                    f"'{field}' describes the source's web address, but it has no url; "
                                    f"add url or remove {field}", key=True))
            continue
        if status == "moved" and "moved_to" not in source:
            problems.append(file.problem(at + ("url_status",), "source",
                            "url_status 'moved' needs moved_to: the address url now redirects to"))
        if "moved_to" in source and status != "moved":
            problems.append(file.problem(at + ("moved_to",), "source",
                            f"moved_to is only for url_status: moved (this source has "
                            f"{repr(status) if status else 'no url_status'}); set url_status: moved or remove moved_to",
                            key=True))
        for field in ("moved_to", "archive_url"):
            if source.get(field) == url:
                problems.append(file.problem(at + (field,), "source",
                                f"{field} is the same address as url; give the other address or remove {field}"))
        if status in ("moved", "dead") and "checked" not in source:
            problems.append(file.problem(at + ("url_status",), "source",
                            f"url_status '{status}' needs checked: the day you found it, as \"YYYY-MM-DD\""))
        if "checked" in source and status in (None, "historical"):
            found = ("url_status 'historical' means the address has not been checked" if status
                     else "checked needs a url_status saying what the check found")
            problems.append(file.problem(at + ("checked",), "source",
                            f"{found}; set url_status to current, moved or dead", key=True))
    return problems


def _check_tooltips(files: list[ParsedFile]) -> list[DataProblem]:
    problems, owner = [], {}
    for file in files:
        for index, term in _records(file, "terms"):
            words = term.get("tooltip")
            for word_index, word in enumerate(words if isinstance(words, list) else []):
                if not isinstance(word, str):
                    continue  # the schema has already reported it
                if word in owner and owner[word] != term.get("id"):
                    problems.append(file.problem(("terms", index, "tooltip", word_index), "glossary term",
                                    f"the tooltip word '{word}' is already used by '{owner[word]}'; "
                                    "a word can show only one tooltip"))
                owner.setdefault(word, term.get("id"))
    return problems


_CORRECT_RULES = {
    "single": ("options", lambda n: n == 1, "a single-answer question needs exactly one option with correct: true"),
    "multiple": ("options", lambda n: n >= 1, "a multiple-answer question needs at least one option with correct: true"),
    "true-false": ("reasons", lambda n: n == 1, "a true-false question needs exactly one reason with correct: true"),
}
# The fields each question type uses, besides id, type, see and sources.
_QUESTION_FIELDS = {
    "single": ("prompt", "options"),
    "multiple": ("prompt", "options"),
    "true-false": ("statement", "answer", "reasons"),
    "classify": ("prompt", "scale", "items"),
}


def _check_course(file: ParsedFile, modules: list[tuple[int, dict]], known: dict[str, set[str]],
                  unreadable: set[str]) -> list[DataProblem]:
    """The course rules the schema cannot express: right answers, unique ids, scales, pages and timings."""
    problems: list[DataProblem] = []
    noun = "module"
    ids_seen: dict[str, int] = {}

    def unique(path: tuple, value, what: str) -> None:
        if not isinstance(value, str):
            return
        if value in ids_seen:
            problems.append(file.problem(path, noun, f"the {what} id '{value}' is already used on line "
                                         f"{ids_seen[value]}; question and reflection ids must be unique in the course"))
        else:
            ids_seen[value] = file.mark(path)[0]

    for index, module in modules:
        questions = module.get("questions")  # none at all: the schema says a module needs at least one
        for q_index, question in enumerate(questions if isinstance(questions, list) else []):
            if not isinstance(question, dict):
                continue
            at = ("modules", index, "questions", q_index)
            label = f"question '{question.get('id')}': " if isinstance(question.get("id"), str) else ""
            unique(at + ("id",), question.get("id"), "question")
            kind = question.get("type")
            for other in (f for f in ("prompt", "statement", "answer", "options", "reasons", "scale", "items")
                          if kind in _QUESTION_FIELDS and f in question and f not in _QUESTION_FIELDS[kind]):
                problems.append(file.problem(at + (other,), noun,
                                f"{label}a {kind} question has no '{other}'; it uses "
                                f"{', '.join(_QUESTION_FIELDS[kind])}", key=True))
            if kind in _CORRECT_RULES:
                field, ok, message = _CORRECT_RULES[kind]
                choices = [c for c in question.get(field) or [] if isinstance(c, dict)]
                if isinstance(question.get(field), list) and choices:
                    right = sum(1 for c in choices if c.get("correct") is True)
                    if not ok(right):
                        problems.append(file.problem(at + (field,), noun,
                                        f"{label}{message}; it has {right}"))
            if kind == "classify" and isinstance(question.get("scale"), str) and "typologies" not in unreadable:
                scale = question["scale"]
                if scale not in known["typologies"]:
                    close = difflib.get_close_matches(scale, sorted(known["typologies"]), n=1)
                    hint = f"did you mean '{close[0]}'? " if close else ""
                    problems.append(file.problem(at + ("scale",), noun,
                                    f"{label}the scale '{scale}' is not a typology; {hint}"
                                    "it must match an id in data/typologies.yml"))
                else:
                    categories = sorted(c for c in known["categories"] if c.split("/")[0] == scale)
                    for i_index, item in enumerate(question.get("items") or []):
                        answer = item.get("answer") if isinstance(item, dict) else None
                        if isinstance(answer, str) and answer not in categories:
                            problems.append(file.problem(at + ("items", i_index, "answer"), noun,
                                            f"{label}'{answer}' is not a category of the scale '{scale}'; "
                                            f"choose one of: {', '.join(categories)}"))
            see = question.get("see")
            if isinstance(see, dict) and isinstance(see.get("page"), str) and see["page"] not in PAGES:
                close = difflib.get_close_matches(see["page"], sorted(PAGES), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(file.problem(at + ("see", "page"), noun,
                                f"{label}unknown page '{see['page']}'; {hint}it must be one of: "
                                f"{', '.join(sorted(PAGES))} (the page keys in macros/links.py)"))
        for r_index, prompt in enumerate(module.get("reflection") or []):
            if isinstance(prompt, dict):
                unique(("modules", index, "reflection", r_index, "id"), prompt.get("id"), "reflection")
        notes = module.get("facilitator")
        if isinstance(notes, dict):
            at = ("modules", index, "facilitator")
            timings = [t for t in notes.get("timings") or [] if isinstance(t, dict)]
            for t_index, timing in enumerate(timings):
                if isinstance(timing.get("minutes"), int) and timing["minutes"] < 1:
                    problems.append(file.problem(at + ("timings", t_index, "minutes"), noun,
                                    "a timing needs at least 1 minute"))
            parts = [t.get("minutes") for t in timings]
            if isinstance(notes.get("minutes"), int) and parts and all(isinstance(p, int) for p in parts):
                if notes["minutes"] < 1:
                    problems.append(file.problem(at + ("minutes",), noun, "the session needs at least 1 minute"))
                elif sum(parts) != notes["minutes"]:
                    problems.append(file.problem(at + ("minutes",), noun,
                                    f"the timings add up to {sum(parts)} minutes "
                                    f"({' + '.join(map(str, parts))}), not {notes['minutes']}; "
                                    "make them add up to the session's minutes"))
    return problems


def _era_of(date: m.FuzzyDate, eras: dict[str, m.Era]) -> str:
    middle = (date.start_year + date.end_year) // 2
    for era in eras.values():
        if era.start <= middle <= era.end:
            return era.id
    # An event outside every era joins the nearest one rather than vanishing from the timeline.
    return min(eras.values(), key=lambda era: min(abs(era.start - middle), abs(era.end - middle))).id


def _tuple(record: dict, key: str) -> tuple:
    return tuple(record.get(key) or ())


# --- Typed records ----------------------------------------------------------------------------------------
# Each collection's records go into the field of models.Content named after it, whose type says the record's
# dataclass (`places: dict[str, Place]`). A record is filled in from its fields by name (see _record), unless
# its collection has nested parts or worked-out fields and so a builder of its own in _BUILDERS.


def _record_types(collections: Collections) -> tuple[dict[str, type], list[DataProblem]]:
    """{collection: its record dataclass}, and a problem for each collection whose typed record is missing or
    does not match its schema (a field the schema allows but the record lacks would be lost)."""
    hints = typing.get_type_hints(m.Content)
    found, problems = {}, []

    def problem(message: str) -> None:
        problems.append(DataProblem("macros/models.py", 1, 1, "", "", message))

    for collection in collections:
        hint = hints.get(collection.name)
        if typing.get_origin(hint) is not dict or not dataclasses.is_dataclass(typing.get_args(hint)[1]):
            problem(f"Content has no field for the collection '{collection.name}' (data/{collection.file}); add "
                    f"'{collection.name}: dict[str, Record] = field(default_factory=dict)', with a frozen dataclass "
                    "Record for its records (data/README.md, 'Adding a collection')")
            continue
        record_type = found[collection.name] = typing.get_args(hint)[1]
        if collection.name in _BUILDERS:
            continue
        own = {f.name: f for f in dataclasses.fields(record_type)}
        for name in (n for n in collection.fields if n not in own):
            problem(f"{record_type.__name__} has no field '{name}', which data/schemas/{collection.schema} allows; "
                    f"add it, e.g. '{name}: str | None = None'")
        for f in own.values():
            if f.name != _LOCAL and f.name not in collection.required and _no_default(f):
                problem(f"{record_type.__name__}.{f.name} has no default, but data/schemas/{collection.schema} does "
                        f"not require '{f.name}'; give it a default or add it to the schema's required fields")
    return found, problems


_LOCAL = "local"  # the field a record type may have to say it came from a council's local data


def _no_default(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _record(record_type: type, raw: dict, local: bool):
    """A typed record from its fields by name: lists become tuples, and a field typed FuzzyDate is parsed."""
    values = {}
    for name, is_date in _fields(record_type):
        if name == _LOCAL:
            values[name] = local
        elif name in raw:
            value = raw[name]
            if is_date and isinstance(value, str):
                value = parse_date(value)
            values[name] = tuple(value) if isinstance(value, list) else value
    return record_type(**values)


@functools.cache  # reading a type's hints is slow, and was done for every record
def _fields(record_type: type) -> tuple[tuple[str, bool], ...]:
    """(name, whether it holds a FuzzyDate) for each field of a record type."""
    hints = typing.get_type_hints(record_type)
    return tuple((f.name, m.FuzzyDate in (typing.get_args(hints[f.name]) or (hints[f.name],)))
                 for f in dataclasses.fields(record_type))


def _events(records: list[dict], content: m.Content, is_local) -> dict[str, m.Event]:
    events = []
    for r in records:
        date = parse_date(r["date"])
        events.append(m.Event(
            id=r["id"], date=date, title=r["title"], summary=r["summary"], people=_tuple(r, "people"),
            sources=_tuple(r, "sources"), themes=_tuple(r, "themes"), era=_era_of(date, content.eras),
            date_note=r.get("date_note"), milestone=r.get("milestone", False), short_title=r.get("short_title"),
            local=is_local(r)))
    # Chronological order; events with the same start keep their order in the file.
    return {e.id: e for e in sorted(events, key=lambda e: (e.date.start, e.date.end))}


def _typologies(records: list[dict], content: m.Content, is_local) -> dict[str, m.Typology]:
    found = {}
    for r in records:
        categories = tuple(
            m.Category(c["id"], r["id"], c["name"], c["description"], c.get("quote"), c.get("quote_source"))
            for c in r["categories"])
        found[r["id"]] = m.Typology(r["id"], r["name"], r["summary"], _tuple(r, "sources"), categories,
                                    _tuple(r, "people"))
    return found


def _comparisons(records: list[dict], content: m.Content, is_local) -> dict[str, m.Comparison]:
    found = {}
    for r in records:
        columns = tuple(m.Column(c["id"], c["label"]) for c in r["columns"])
        rows = tuple(
            m.Row(row["id"], row["label"], tuple(row["cells"][c.id] for c in columns), _tuple(row, "sources"),
                  row.get("glossary"))
            for row in r["rows"])
        found[r["id"]] = m.Comparison(r["id"], r["title"], r["caption"], columns, rows)
    return found


def _crosswalks(records: list[dict], content: m.Content, is_local) -> dict[str, m.Crosswalk]:
    found = {}
    for r in records:
        cells = tuple(
            m.CrosswalkCell(c["row"], c["column"], c["relation"], _tuple(c, "matches"), c["reasoning"],
                            _tuple(c, "sources"))
            for c in r["cells"])
        found[r["id"]] = m.Crosswalk(
            r["id"], r["title"], r["caption"], tuple(r["rows"]), tuple(r["columns"]), cells, r.get("summary"))
    return found


def _question(q: dict) -> m.Question:
    see = m.SeeAlso(q["see"]["page"], q["see"].get("anchor"))
    if q["type"] == "classify":
        items = tuple(m.ClassifyItem(i["text"], i["answer"], i["feedback"]) for i in q["items"])
        return m.Question(q["id"], q["type"], q["prompt"], see, tuple(q["sources"]),
                          scale=q["scale"], items=items, kind=q.get("kind", "recall"))
    field = "reasons" if q["type"] == "true-false" else "options"
    options = tuple(m.Choice(o["text"], o["correct"], o["feedback"]) for o in q[field])
    return m.Question(
        q["id"], q["type"], q.get("statement") if q["type"] == "true-false" else q["prompt"], see,
        tuple(q["sources"]), options=options, answer=q.get("answer"), kind=q.get("kind", "recall"))


def _modules(records: list[dict], content: m.Content, is_local) -> dict[str, m.Module]:
    found = {}
    for r in records:
        notes = r["facilitator"]
        facilitator = m.FacilitatorNotes(
            notes["minutes"], tuple(m.Timing(t["minutes"], t["activity"]) for t in notes["timings"]),
            tuple(notes["discussion"]), notes["activity"]["title"], tuple(notes["activity"]["steps"]),
            notes["activity"].get("anchor"))
        found[r["id"]] = m.Module(
            r["id"], r["title"], r["summary"], tuple(r["objectives"]), tuple(r["key_points"]), _tuple(r, "sources"),
            tuple(_question(q) for q in r["questions"]),
            tuple(m.ReflectionPrompt(p["id"], p["prompt"]) for p in r["reflection"]), facilitator)
    return found


# Collections whose records have nested parts, or fields worked out from others (an event's era).
_BUILDERS = {"events": _events, "typologies": _typologies, "comparisons": _comparisons,
             "crosswalks": _crosswalks, "modules": _modules}


def _build(collections: Collections, record_types: dict[str, type], records: dict[str, list[tuple[int, dict]]],
           local_ids: dict[str, set[str]] | None = None) -> m.Content:
    """Typed records for every collection, in registry order (so eras exist before the events that need them)."""
    local_ids = local_ids or {}
    content = m.Content()
    for collection in collections:
        rows = [r for _, r in records[collection.name]]
        local = local_ids.get(collection.name, set())

        def is_local(r: dict, local=local) -> bool:
            return r["id"] in local

        if collection.name in _BUILDERS:
            built = _BUILDERS[collection.name](rows, content, is_local)
        else:
            built = {r["id"]: _record(record_types[collection.name], r, is_local(r)) for r in rows}
        setattr(content, collection.name, built)
    return content
