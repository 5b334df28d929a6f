"""Our explanations are in our own words: no prose field in the data and no page shares a run of
8 or more consecutive words with a source text.

Quotations are exempt: fields the schemas type as a quotation (`$defs/quote`), and words inside
quotation marks in prose, which the site shows as quoted. So are names and titles: every source
title and person's name is taken out of the prose before it is compared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.collections import REGISTRY
from macros.load import walk_strings
from scripts.reading_ease import page_prose

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8

# Fields that hold names, titles, ids, addresses or dates rather than our prose.
NOT_PROSE = {"id", "title", "authors", "container", "publisher", "place", "details", "url", "moved_to",
             "archive_url", "name", "label", "short", "abbr", "date", "year", "checked", "kind", "url_status"}
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|(?<![\w’'])'[^']+'(?![\w’'])")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return _WORD.findall(re.sub(r"[*_`\[\]]", "", text))


def runs(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + RUN]) for i in range(len(tokens) - RUN + 1)}


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip("the source texts are not beside this checkout (../shared/seeds)")
    found: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        found |= runs(words(seed.read_text(encoding="utf-8")))
    return found


def quote_fields(schema: dict, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Paths of property names (array levels left out) that the schema types as a verbatim quotation."""
    found = set()
    if str(schema.get("$ref", "")).endswith("$defs/quote"):
        found.add(path)
    for name, child in schema.get("properties", {}).items():
        found |= quote_fields(child, path + (name,))
    if isinstance(schema.get("items"), dict):
        found |= quote_fields(schema["items"], path)
    return found


def names_and_titles() -> list[str]:
    """Every title and name the data records, longest first, so they can be taken out of prose."""
    found = set()
    for collection in REGISTRY:
        data = yaml.safe_load((DATA / collection.file).read_text(encoding="utf-8"))
        for path, text in walk_strings(data, ()):
            field = next((p for p in reversed(path) if isinstance(p, str)), "")
            if field in {"title", "name", "authors", "container", "publisher"}:
                found.add(text)
    return sorted(found, key=len, reverse=True)


def without_names_and_quotations(text: str, names: list[str]) -> str:
    text = _QUOTED.sub(" | ", text)
    for name in names:
        text = text.replace(name, " | ")
    return text


def prose_fields():
    """(where, text) for every string in every data file that is our own prose."""
    for collection in REGISTRY:
        schema = json.loads((DATA / "schemas" / collection.schema).read_text(encoding="utf-8"))
        quotes = quote_fields(schema)
        data = yaml.safe_load((DATA / collection.file).read_text(encoding="utf-8"))
        for path, text in walk_strings(data, ()):
            keys = tuple(p for p in path if isinstance(p, str))
            if keys in quotes or (keys and keys[-1] in NOT_PROSE):
                continue
            yield f"{collection.file} {'/'.join(map(str, path))}", text


def pages():
    for page in sorted(DOCS.rglob("*.md")):
        yield f"{page.relative_to(ROOT)}", page_prose(page.read_text(encoding="utf-8"))


def copied_runs(text: str, names: list[str], seed_runs) -> list[str]:
    hits = []
    # Each part between removed quotations and names is compared on its own, so no run spans a gap.
    for part in without_names_and_quotations(text, names).split("|"):
        hits += [" ".join(r) for r in runs(words(part)) if r in seed_runs]
    return hits


def test_no_prose_field_or_page_copies_eight_words_from_a_source(seed_runs):
    names = names_and_titles()
    copied = []
    for where, text in [*prose_fields(), *pages()]:
        hits = copied_runs(text, names, seed_runs)
        if hits:
            copied.append(f"{where}: '{hits[0]}'" + (f" (and {len(hits) - 1} more runs)" if len(hits) > 1 else ""))
    assert not copied, ("these explanations copy 8 or more words in a row from a source text; say it in your "
                        "own words, or quote it in quotation marks with its source:\n" + "\n".join(copied))


def test_the_check_finds_a_copied_run_and_ignores_quotations_and_titles(seed_runs):
    copied = "It arose from a concern with challenging professional power, as we read it."
    assert copied_runs(copied, [], seed_runs)
    assert not copied_runs("She wrote: “It arose from a concern with challenging professional power.”", [], seed_runs)
    assert not copied_runs("It arose from a worry about the power of professionals.", [], seed_runs)
    title = "Co-production: A Manifesto for Growing the Core Economy"
    assert not copied_runs(f"NEF published {title} in 2008.", [title], seed_runs)


def test_quotation_fields_come_from_the_schemas():
    definitions = json.loads((DATA / "schemas" / "definitions.schema.json").read_text(encoding="utf-8"))
    assert ("definitions", "text") in quote_fields(definitions)
    assert len(list(prose_fields())) > 500, "the prose fields should include every data file's text"
