"""Every definition and every framework has a page of its own, and every such page shows a real record.

A record's page is a small Markdown file, docs/<folder>/<id>.md, that calls its macro once:
docs/definitions/quilligan.md holds {{ definition_page('quilligan') }} (render/links.py RECORD_PAGES).
Without one, the record is shown in full on its collection's page, which then grows past its word limit;
that is meant for a council's local records, which cannot add pages, not for the national data.
"""

from __future__ import annotations

import pytest

from macros.links import PAGES, RECORD_PAGES, record_page_id
from tests.conftest import ROOT

DOCS = ROOT / "docs"
DATA_FILES = {"definitions": "data/definitions.yml", "typologies": "data/typologies.yml"}
NOUNS = {"definitions": "definition", "typologies": "typology"}


def page_line(kind: str, record_id: str) -> str:
    return "{{ " + f"{RECORD_PAGES[kind][1]}('{record_id}')" + " }}"


def record_files(kind: str) -> dict[str, str]:
    """{file name: its Markdown} for the files in the kind's folder that are not fixed pages of the site."""
    folder = RECORD_PAGES[kind][0]
    fixed = set(PAGES.values())
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((DOCS / folder).glob("*.md"))
            if f"{folder}/{p.name}" not in fixed}


def missing_pages(kind: str, records, files: dict[str, str]) -> list[str]:
    folder, _ = RECORD_PAGES[kind]
    return [f"{DATA_FILES[kind]} has the {NOUNS[kind]} '{r.id}' but it has no page of its own: add the file "
            f"docs/{folder}/{r.id}.md holding the one line  {page_line(kind, r.id)}"
            for r in records if f"{r.id}.md" not in files]


def wrong_pages(kind: str, records, files: dict[str, str]) -> list[str]:
    folder, macro = RECORD_PAGES[kind]
    known = {r.id for r in records}
    problems = []
    for name, markdown in files.items():
        stem = name.removesuffix(".md")
        shown = record_page_id(kind, markdown)
        if shown is None:
            problems.append(f"docs/{folder}/{name} does not call {macro}(...): write {page_line(kind, stem)} in it, "
                            f"or delete it if '{stem}' is no longer a {NOUNS[kind]} in {DATA_FILES[kind]}")
        elif shown not in known:
            problems.append(f"docs/{folder}/{name} shows the {NOUNS[kind]} '{shown}', which is not in "
                            f"{DATA_FILES[kind]}: delete the page, or fix the id")
        elif shown != stem:
            problems.append(f"docs/{folder}/{name} shows the {NOUNS[kind]} '{shown}': rename it to "
                            f"docs/{folder}/{shown}.md, the address its links expect")
        elif markdown.count(macro + "(") != 1:
            problems.append(f"docs/{folder}/{name} should call {macro}(...) once, for '{stem}' alone")
    return problems


def national(records):
    return [r for r in records if not getattr(r, "local", False)]


@pytest.mark.parametrize("kind", list(RECORD_PAGES))
def test_every_record_has_its_page(content, kind):
    records = national(getattr(content, kind).values())
    assert records
    problems = missing_pages(kind, records, record_files(kind))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", list(RECORD_PAGES))
def test_every_record_page_shows_a_real_record_named_after_it(content, kind):
    records = national(getattr(content, kind).values())
    problems = wrong_pages(kind, records, record_files(kind))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", list(RECORD_PAGES))
def test_no_record_id_is_taken_by_a_page_of_the_site(content, kind):
    folder = RECORD_PAGES[kind][0]
    fixed = {src.removeprefix(folder + "/").removesuffix(".md") for src in PAGES.values() if src.startswith(folder + "/")}
    clash = sorted(fixed & set(getattr(content, kind)))
    assert not clash, f"these {kind} ids are also pages in docs/{folder}/ and need another id: {clash}"


def test_the_checks_name_the_file_to_add_or_fix(content):
    records = list(content.definitions.values())[:2]
    first, second = records[0].id, records[1].id
    files = {
        f"{first}.md": page_line("definitions", first) + "\n",
        "renamed.md": page_line("definitions", second) + "\n",
        "empty.md": "# Nothing here\n",
        "ghost.md": page_line("definitions", "no-such-definition"),
    }
    assert missing_pages("definitions", records, files) == [
        f"data/definitions.yml has the definition '{second}' but it has no page of its own: add the file "
        f"docs/definitions/{second}.md holding the one line  {{{{ definition_page('{second}') }}}}"]
    problems = wrong_pages("definitions", records, files)
    assert problems == [
        f"docs/definitions/renamed.md shows the definition '{second}': rename it to docs/definitions/{second}.md, "
        "the address its links expect",
        "docs/definitions/empty.md does not call definition_page(...): write {{ definition_page('empty') }} in it, "
        "or delete it if 'empty' is no longer a definition in data/definitions.yml",
        "docs/definitions/ghost.md shows the definition 'no-such-definition', which is not in data/definitions.yml: "
        "delete the page, or fix the id",
    ]


@pytest.mark.parametrize("markdown, expected", [
    ("{{ definition_page('quilligan') }}\n", "quilligan"),
    ('{{definition_page( "scie-share-power" )}}', "scie-share-power"),
    ("# Title\n\n{{ definition_list() }}", None),
    ("{{ definition_page('a\") }}", None),
])
def test_record_page_id_reads_the_macro_call(markdown, expected):
    assert record_page_id("definitions", markdown) == expected
