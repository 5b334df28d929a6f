"""Every kind of bad input ends in one readable line per problem: file:line:column, record, field, expectation."""

import re
import shutil
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.load import load_content

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def edit(data_dir: Path, file: str, old: str, new: str, count: int = 1) -> None:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not found in {file}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(data_dir)
    return [str(p) for p in caught.value.problems]


def line_of(data_dir: Path, file: str, needle: str) -> int:
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_the_real_data_loads(data_copy):
    content = load_content(data_copy)
    assert len(content.events) >= 25 and len(content.definitions) >= 13


def test_malformed_yaml(data_copy):
    edit(data_copy, "timeline.yml", "  - id: ostrom-chicago-police\n", "  - id: ostrom-chicago-police\n   broken: [\n")
    [line] = problems(data_copy)
    assert line.startswith("data/timeline.yml:")
    assert "not valid YAML" in line and "indentation" in line


def test_wrong_type_names_record_field_and_expectation(data_copy):
    edit(data_copy, "timeline.yml", "    people: [elinor-ostrom]\n", "    people: elinor-ostrom\n")
    n = line_of(data_copy, "timeline.yml", "people: elinor-ostrom")
    [line] = problems(data_copy)
    assert line == f"data/timeline.yml:{n}:13: event 'ostrom-chicago-police' field 'people': expected a list, got 'elinor-ostrom'"


def test_missing_field(data_copy):
    edit(data_copy, "people.yml", "    role:", "    rolex:")
    found = problems(data_copy)
    assert any("field 'role': the required field 'role' is missing" in p for p in found)
    assert any("'rolex' is not a known field; did you mean 'role'?" in p for p in found)


def test_unknown_field_points_at_the_key(data_copy):
    edit(data_copy, "timeline.yml", "    date_note: \"The sources give only the decade.\"\n",
         "    date_note: \"The sources give only the decade.\"\n    colour: red\n")
    n = line_of(data_copy, "timeline.yml", "colour: red")
    [line] = problems(data_copy)
    assert line.startswith(f"data/timeline.yml:{n}:5: event 'ostrom-chicago-police' field 'colour': 'colour' is not a known field")


def test_duplicate_id(data_copy):
    edit(data_copy, "definitions.yml", "  - id: jrf-clients-alongside-professionals", "  - id: quilligan")
    [line] = problems(data_copy)
    assert "definition 'quilligan' field 'id': the id 'quilligan' is already used on line" in line


def test_duplicate_key_in_one_record(data_copy):
    edit(data_copy, "timeline.yml", "    themes: [origins, policing, research]\n",
         "    themes: [origins, policing, research]\n    themes: [origins]\n")
    [line] = problems(data_copy)
    assert "the field 'themes' appears twice" in line


def test_unknown_reference_suggests_the_nearest_id(data_copy):
    edit(data_copy, "timeline.yml", "sources: [seed-bussu-2014]", "sources: [seed-busu-2014]")
    [line] = problems(data_copy)
    assert "field 'sources': unknown id 'seed-busu-2014'; did you mean 'seed-bussu-2014'?" in line
    assert "data/sources.yml" in line


def test_unknown_typology_category(data_copy):
    text = (data_copy / "cases.yml").read_text(encoding="utf-8")
    ref = re.search(r"illustrates:\s*\n?\s*-?\s*\[?([a-z0-9-]+/[a-z0-9-]+)", text).group(1)
    edit(data_copy, "cases.yml", ref, ref.split("/")[0] + "/no-such-category")
    [line] = problems(data_copy)
    assert f"unknown typology category ('typology-id/category-id') '{ref.split('/')[0]}/no-such-category'" in line


def test_impossible_date(data_copy):
    edit(data_copy, "timeline.yml", 'date: "1970s"', 'date: "1970-02-30"')
    [line] = problems(data_copy)
    assert "event 'ostrom-chicago-police' field 'date': '1970-02-30' is not a real day: February 1970 has 28 days" in line


def test_empty_file(data_copy):
    (data_copy / "glossary.yml").write_text("", encoding="utf-8")
    found = problems(data_copy)
    assert "data/glossary.yml:1:1: the file is empty; expected 'terms:' followed by a list of records" in found
    assert len(found) == 1, "references into an unreadable file must not each be reported"


def test_non_utf8_bytes(data_copy):
    path = data_copy / "glossary.yml"
    raw = path.read_bytes()
    index = raw.index(b"\n  - id:") + 1
    path.write_bytes(raw[:index] + b"\xe9" + raw[index:])
    [line] = problems(data_copy)
    n = raw[:index].count(b"\n") + 1
    assert line == f"data/glossary.yml:{n}:1: byte 0xe9 is not UTF-8 text; save the file with UTF-8 encoding"


def test_missing_file(data_copy):
    (data_copy / "cases.yml").unlink()
    assert "data/cases.yml:1:1: the file is missing; every collection needs its data file" in problems(data_copy)


@pytest.mark.parametrize("injected, message", [
    ("{{ config.site_name }}", "contains template syntax"),
    ("{% include 'x' %}", "contains template syntax"),
    ("<script>alert(1)</script>", "contains raw HTML"),
    ("<b>bold</b>", "contains raw HTML"),
    ("[click](javascript:alert(1))", "the link target 'javascript:alert(1' is not allowed"),
    ("[mail](mailto:a@b.c)", "the link target 'mailto:a@b.c' is not allowed"),
])
def test_code_in_data_is_refused(data_copy, injected, message):
    edit(data_copy, "timeline.yml", 'summary: "The Chicago police', f'summary: "{injected} The Chicago police')
    [line] = problems(data_copy)
    assert "event 'ostrom-chicago-police' field 'summary'" in line and message in line


def test_every_problem_is_listed_not_just_the_first(data_copy):
    edit(data_copy, "timeline.yml", 'date: "1970s"', 'date: "1970x"')
    edit(data_copy, "definitions.yml", "  - id: jrf-clients-alongside-professionals", "  - id: quilligan")
    edit(data_copy, "people.yml", "    role:", "    rolex:")
    found = problems(data_copy)
    files = {p.split(":")[0] for p in found}
    assert files == {"data/timeline.yml", "data/definitions.yml", "data/people.yml"}
    assert len(found) >= 4


def test_report_is_one_line_per_problem_with_a_fix_hint(data_copy):
    edit(data_copy, "timeline.yml", 'date: "1970s"', 'date: "1970x"')
    with pytest.raises(ContentError) as caught:
        load_content(data_copy)
    report = caught.value.report().splitlines()
    assert report[0] == "The data files have 1 problem; the site was not built:"
    assert re.match(r"  data/timeline\.yml:\d+:\d+: event 'ostrom-chicago-police' field 'date': ", report[1])
    assert "data/README.md" in report[-1]


# --- The crosswalk (data/crosswalk.yml) ---------------------------------------------------------

def test_crosswalk_unknown_row_category(data_copy):
    edit(data_copy, "crosswalk.yml", "rows: [levels/descriptive,", "rows: [levels/descriptiv,")
    n = line_of(data_copy, "crosswalk.yml", "rows: [levels/descriptiv,")
    found = problems(data_copy)
    assert (f"data/crosswalk.yml:{n}:12: crosswalk 'levels-by-framework' field 'rows': unknown typology category "
            "('typology-id/category-id') 'levels/descriptiv'; did you mean 'levels/descriptive'? "
            "it must match an id in data/typologies.yml") in found


def test_crosswalk_unknown_column_framework(data_copy):
    edit(data_copy, "crosswalk.yml", "columns: [stages,", "columns: [stage,")
    n = line_of(data_copy, "crosswalk.yml", "columns: [stage,")
    found = problems(data_copy)
    assert any(p.startswith(f"data/crosswalk.yml:{n}:15: crosswalk 'levels-by-framework' field 'columns': "
                            "unknown id 'stage'; did you mean 'stages'?") for p in found), found


def test_crosswalk_cell_unknown_source(data_copy):
    edit(data_copy, "crosswalk.yml", "        sources: [seed-bussu-2014, scie-defining-coproduction, seed-prescott-2014]",
         "        sources: [seed-bussu-2015, scie-defining-coproduction, seed-prescott-2014]")
    n = line_of(data_copy, "crosswalk.yml", "seed-bussu-2015")
    [line] = problems(data_copy)
    assert line == (f"data/crosswalk.yml:{n}:19: crosswalk 'levels-by-framework' field 'cells.sources': unknown id "
                    "'seed-bussu-2015'; did you mean 'seed-bussu-2014'? it must match an id in data/sources.yml")


def test_crosswalk_cell_needs_a_source(data_copy):
    edit(data_copy, "crosswalk.yml", "        sources: [seed-bussu-2014, scie-defining-coproduction, seed-prescott-2014]",
         "        sources: []")
    n = line_of(data_copy, "crosswalk.yml", "sources: []")
    [line] = problems(data_copy)
    assert line == f"data/crosswalk.yml:{n}:18: crosswalk 'levels-by-framework' field 'cells.sources': needs at least 1 item"


def test_crosswalk_match_must_come_from_the_column(data_copy):
    edit(data_copy, "crosswalk.yml", "matches: [stages/co-delivery]", "matches: [scie-features/peer-networks]")
    n = line_of(data_copy, "crosswalk.yml", "matches: [scie-features/peer-networks]")
    [line] = problems(data_copy)
    assert line == (f"data/crosswalk.yml:{n}:19: crosswalk 'levels-by-framework' field 'cells.matches': "
                    "'scie-features/peer-networks' is not a category of the column's framework; "
                    "write 'stages/category-id'")


def test_crosswalk_cell_row_must_be_a_row(data_copy):
    edit(data_copy, "crosswalk.yml", "      - row: levels/descriptive\n        column: stages\n",
         "      - row: stages/co-design\n        column: stages\n")
    n = line_of(data_copy, "crosswalk.yml", "- row: stages/co-design")
    found = problems(data_copy)
    assert (f"data/crosswalk.yml:{n}:14: crosswalk 'levels-by-framework' field 'cells.row': 'stages/co-design' is "
            "not one of this crosswalk's rows; rows are: levels/descriptive, levels/intermediate, levels/transformative"
            ) in found
    assert any("no cell for row 'levels/descriptive' and column 'stages'" in p for p in found)


def test_crosswalk_duplicate_cell(data_copy):
    edit(data_copy, "crosswalk.yml", "      - row: levels/descriptive\n        column: bussu-dimensions\n",
         "      - row: levels/descriptive\n        column: stages\n")
    found = problems(data_copy)
    assert any("a second cell for row 'levels/descriptive' and column 'stages' (the first is on line" in p
               for p in found), found
    assert any("no cell for row 'levels/descriptive' and column 'bussu-dimensions'" in p for p in found)


def test_crosswalk_relation_and_matches_agree(data_copy):
    edit(data_copy, "crosswalk.yml", "relation: partial\n        matches: [stages/co-delivery]",
         "relation: none\n        matches: [stages/co-delivery]")
    [line] = problems(data_copy)
    assert "field 'cells.matches': relation 'none' means nothing lines up, so leave matches empty" in line


def test_crosswalk_unknown_relation(data_copy):
    edit(data_copy, "crosswalk.yml", "relation: partial\n        matches: [stages/co-delivery]",
         "relation: strong\n        matches: [stages/co-delivery]")
    n = line_of(data_copy, "crosswalk.yml", "relation: strong")
    [line] = problems(data_copy)
    assert line == (f"data/crosswalk.yml:{n}:19: crosswalk 'levels-by-framework' field 'cells.relation': "
                    "expected one of: close, partial, none; got 'strong'")
