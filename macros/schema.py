"""Read one YAML data file and check it against its JSON Schema, keeping file:line:column for every problem."""

from __future__ import annotations

import datetime
import difflib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from macros.errors import DataProblem

if TYPE_CHECKING:  # imported where a file is checked: a build whose files all passed before needs neither
    from jsonschema import Draft202012Validator
    from referencing import Registry

# libyaml's C loader is about ten times faster; fall back to pure Python where it is missing.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

JsonPath = tuple  # a JSON path: keys and list indexes from the document root


@dataclass
class ParsedFile:
    """A data file's content plus where each value and key sits in the text."""

    name: str
    data: object = None
    value_marks: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[DataProblem] = field(default_factory=list)

    def mark(self, path: JsonPath, *, key: bool = False) -> tuple[int, int]:
        """The closest known position for a path: the key itself, else its value, else its nearest parent."""
        path = tuple(path)
        while True:
            if key and path in self.key_marks:
                return self.key_marks[path]
            if path in self.value_marks:
                return self.value_marks[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def record_label(self, path: JsonPath, noun: str) -> str:
        """'event 'ostrom-chicago-police'' for a path inside the third event, or 'event #3' if it has no id."""
        if len(path) < 2 or not isinstance(path[1], int):
            return ""
        record = self.data[path[0]][path[1]] if isinstance(self.data, dict) else None
        record_id = record.get("id") if isinstance(record, dict) else None
        return f"{noun} '{record_id}'" if isinstance(record_id, str) else f"{noun} #{path[1] + 1}"

    def problem(self, path: JsonPath, noun: str, message: str, *, key: bool = False) -> DataProblem:
        line, column = self.mark(path, key=key)
        fields = [p for p in path[2:] if isinstance(p, str)]
        return DataProblem(self.name, line, column, self.record_label(path, noun), ".".join(fields), message)


def read_yaml(path: Path, display_name: str, top_key: str) -> ParsedFile:
    parsed = ParsedFile(display_name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        parsed.problems.append(DataProblem(display_name, 1, 1, "", "", "the file is missing; every collection needs its data file"))
        return parsed
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        parsed.problems.append(DataProblem(
            display_name, line, column, "", "",
            f"byte 0x{raw[err.start]:02x} is not UTF-8 text; save the file with UTF-8 encoding"))
        return parsed
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            parsed.problems.append(DataProblem(
                display_name, 1, 1, "", "", f"the file is empty; expected '{top_key}:' followed by a list of records"))
            return parsed
        _collect_marks(node, (), parsed, [0])
        parsed.data = loader.construct_document(node)
    except _TooComplex as err:
        parsed.problems.append(DataProblem(display_name, err.line, err.column, "", "", err.message))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = " ".join(part for part in (err.context, err.problem) if part)
        parsed.problems.append(DataProblem(
            display_name, line, column, "", "",
            f"this is not valid YAML ({detail}); check the indentation, and put text containing ': ' or '#' in quotes"))
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, such as NUL or another control code
        before = text[:err.position]
        line, column = before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        parsed.problems.append(DataProblem(
            display_name, line, column, "", "",
            f"the character U+{code:04X} is not allowed in a YAML file (a control character); remove it"))
    except yaml.YAMLError as err:
        detail = " ".join(str(err).split())
        parsed.problems.append(DataProblem(display_name, 1, 1, "", "", f"this is not valid YAML ({detail})"))
    finally:
        loader.dispose()
    return parsed


# Far deeper and larger than any real data file; beyond these a file is refused with one readable line rather
# than exhausting the stack (deep nesting, an alias that contains itself) or the clock (aliases of aliases).
MAX_DEPTH = 50
MAX_VALUES = 200_000


class _TooComplex(Exception):
    def __init__(self, node: yaml.Node, message: str):
        super().__init__(message)
        self.line, self.column, self.message = node.start_mark.line + 1, node.start_mark.column + 1, message


def _collect_marks(node: yaml.Node, path: JsonPath, parsed: ParsedFile, count: list[int]) -> None:
    if len(path) > MAX_DEPTH:
        raise _TooComplex(node, f"the values here are nested more than {MAX_DEPTH} levels deep (or an alias "
                                "refers to itself); the data files need only a few levels")
    count[0] += 1
    if count[0] > MAX_VALUES:
        raise _TooComplex(node, f"the file holds more than {MAX_VALUES:,} values once its aliases (*name) are "
                                "expanded; write the values out instead of nesting aliases")
    parsed.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            # A complex key ('? [a, b]') is refused when the document is constructed; give it a stand-in here.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else f"<{key_node.tag}>"
            child = path + (key,)
            if key in seen:
                parsed.problems.append(DataProblem(
                    parsed.name, key_node.start_mark.line + 1, key_node.start_mark.column + 1, "", str(key),
                    f"the field '{key}' appears twice in the same record (first on line {seen[key]}); keep one"))
            seen[key] = key_node.start_mark.line + 1
            parsed.key_marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _collect_marks(value_node, child, parsed, count)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_marks(item, path + (index,), parsed, count)


@cache
def _registry(schema_dir: Path) -> Registry:
    from referencing import Registry, Resource

    resources = []
    for schema_file in sorted(schema_dir.glob("*.schema.json")):
        contents = json.loads(schema_file.read_text(encoding="utf-8"))
        resources.append((schema_file.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator_for(schema_dir: Path, schema_name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    schema = schemas.get(schema_name) or json.loads((schema_dir / schema_name).read_text(encoding="utf-8"))
    return Draft202012Validator(_inline_refs(schema, schema_name, schemas), registry=_registry(schema_dir))


def _inline_refs(node, here: str, schemas: dict, seen: tuple = ()):
    """The schema with each `$ref` replaced by what it points to, so validating a record follows no reference.

    Looking references up took most of the validation time (jsonschema resolves each one again for every
    value it checks). A reference with other keywords beside it becomes `allOf: [target]` beside them, which
    is what 2020-12 means by it, so every error is the same error, with the same schema, as before. A
    reference back into itself (none today) is kept as it is."""
    if isinstance(node, list):
        return [_inline_refs(item, here, schemas, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    rest = {k: _inline_refs(v, here, schemas, seen) for k, v in node.items() if k != "$ref"}
    if not isinstance(ref, str):
        return rest
    file, _, pointer = ref.partition("#")
    file = file or here
    if (file, pointer) in seen or file not in schemas:
        return {"$ref": f"{file}#{pointer}", **rest}
    target = schemas[file]
    for part in filter(None, pointer.split("/")):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    target = _inline_refs(target, file, schemas, seen + ((file, pointer),))
    return {"allOf": [target], **rest} if rest else target


def validate(parsed: ParsedFile, schema_dir: Path, schema_name: str, noun: str) -> list[DataProblem]:
    validator = validator_for(schema_dir, schema_name)
    problems = []
    for error in validator.iter_errors(parsed.data):
        problems.extend(_explain(error, parsed, noun))
    return problems


def _explain(error, parsed: ParsedFile, noun: str) -> list[DataProblem]:
    """Turn a jsonschema error into plain-English problems, one per thing to fix."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        problems = []
        for extra in sorted(set(error.instance) - set(allowed), key=str):  # keys may be numbers or null
            close = difflib.get_close_matches(str(extra), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(parsed.problem(
                path + (extra,), noun,
                f"'{extra}' is not a known field; {hint}expected one of: {', '.join(allowed)}", key=True))
        return problems
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [parsed.problem(path + (missing,), noun, f"the required field '{missing}' is missing", key=True)]
    return [parsed.problem(path, noun, _plain_message(error, schema), key=False)]


_TYPE_NAMES = {"string": "text", "array": "a list", "object": "a set of fields", "integer": "a whole number",
               "boolean": "true or false", "number": "a number"}


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dict, list)):
        return "a set of fields" if isinstance(value, dict) else "a list"
    if isinstance(value, (datetime.date, datetime.datetime)):
        # YAML reads an unquoted 2025-03-04 as a date; show it as the editor wrote it.
        return f"the date {value.isoformat()}"
    return f"'{value}'" if isinstance(value, str) else repr(value)


def _plain_message(error, schema: dict) -> str:
    kind, value = error.validator, error.instance
    description = schema.get("description", "")
    if kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(_TYPE_NAMES.get(w, w) for w in (wanted if isinstance(wanted, list) else [wanted]))
        hint = " (put dates and numbers meant as text in quotes)" if wanted == "text" and value is not None else ""
        return f"expected {wanted}, got {_describe(value)}{hint}"
    if kind == "enum":
        return f"expected one of: {', '.join(map(str, error.validator_value))}; got {_describe(value)}"
    if kind == "pattern":
        return f"{_describe(value)} is not in the right form. {description}".strip()
    if kind == "minItems":
        return f"needs at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}"
    if kind == "maxItems":
        return f"has {len(value)} items; keep at most {error.validator_value}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "uniqueItems":
        return "lists the same value twice"
    if kind in ("minimum", "maximum"):
        return f"{_describe(value)} is out of range; expected a year between 1800 and 2100"
    return error.message
