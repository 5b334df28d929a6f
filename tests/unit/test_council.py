"""A council's settings (macros/council.py) and its local records (macros/load.py, the renderers, exports)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros import contrast as c
from macros import exports
from macros.components.cases import render as cases
from macros.components.citations import render as citations
from macros.components.definitions import render as definitions
from macros.components.glossary import render as glossary
from macros.components.timeline import render as timeline
from macros.council import CouncilError, colour_css, dark_shades, read_council
from macros.errors import ContentError
from macros.links import Links
from macros.load import load_content
from tests.conftest import HARBOURSIDE, ROOT

NAME = "Harbourside Borough Council"
BADGE = f"Local · {NAME}"


def write_config(folder: Path, council: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"extra": {"council": council}}), encoding="utf-8")
    return config


def council_block(**changes) -> dict:
    return {"name": NAME, "colours": {"primary": "#1d4f6e", "accent": "#8a3b12"}, **changes}


# --- Settings ---------------------------------------------------------------------------------------

def test_the_example_council_reads_with_paths_from_its_own_folder():
    extra = yaml.safe_load((HARBOURSIDE / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    council = read_council(extra, HARBOURSIDE / "mkdocs.yml", ROOT)
    assert council.name == NAME
    assert council.logo == (HARBOURSIDE / "logo.svg").resolve()
    assert council.data == (HARBOURSIDE / "data").resolve()
    assert council.data_label == "examples/harbourside/data"
    assert council.logo_uri == "assets/council/logo.svg"


def test_no_council_block_means_no_council():
    assert read_council({}, ROOT / "mkdocs.yml") is None
    assert read_council(None, ROOT / "mkdocs.yml") is None


def test_a_colour_that_fails_aa_is_refused_with_file_key_ratio_need_and_a_passing_shade(tmp_path):
    config = write_config(tmp_path / "councils" / "pale", council_block(colours={"primary": "#66aacc"}))
    with pytest.raises(CouncilError) as caught:
        read_council(yaml.safe_load(config.read_text())["extra"], config, tmp_path)
    message = caught.value.report()
    assert "councils/pale/mkdocs.yml: extra.council.colours.primary: \"#66aacc\"" in message
    ratio = c.format_ratio(c.ratio(c.parse("#66aacc"), c.WHITE))
    assert f"contrast ratio of {ratio}" in message and "at least 4.5:1" in message
    suggestion = re.search(r'Try "(#[0-9a-f]{6})"', message).group(1)
    assert c.ratio(c.parse(suggestion), c.WHITE) >= 4.5
    assert "header background behind white text" in message


def test_an_accent_that_fails_on_white_is_refused(tmp_path):
    config = write_config(tmp_path, council_block(colours={"primary": "#1d4f6e", "accent": "#ffb27a"}))
    with pytest.raises(CouncilError, match=r"extra\.council\.colours\.accent: \"#ffb27a\" has a contrast ratio"):
        read_council(yaml.safe_load(config.read_text())["extra"], config, tmp_path)


def test_a_dark_scheme_colour_is_checked_against_the_slate_background(tmp_path):
    config = write_config(tmp_path, council_block(colours={"primary": "#1d4f6e", "link_dark": "#1d4f6e"}))
    with pytest.raises(CouncilError, match=r"link_dark.*dark \(slate\) page.*nearest lighter shade"):
        read_council(yaml.safe_load(config.read_text())["extra"], config, tmp_path)


def test_invalid_colour_syntax_unknown_keys_and_missing_files_are_all_reported(tmp_path):
    block = council_block(colours={"primary": "1d4f6e", "secondary": "#000000"}, logo="missing.svg",
                          data="nowhere", motto="Onwards")
    del block["name"]
    config = write_config(tmp_path / "c", block)
    with pytest.raises(CouncilError) as caught:
        read_council(block and {"council": block}, config, tmp_path)
    problems = "\n".join(caught.value.problems)
    assert "c/mkdocs.yml: extra.council.colours.primary: '1d4f6e' is not a colour" in problems
    assert "extra.council.colours.secondary: not a known colour" in problems
    assert "extra.council.logo: the file 'c/missing.svg' does not exist" in problems
    assert "extra.council.data: the folder 'c/nowhere' does not exist" in problems
    assert "extra.council.motto: not a known setting" in problems
    assert "extra.council.name: the council's name is required" in problems


def test_the_generated_stylesheet_sets_both_schemes_and_dark_shades_pass(tmp_path):
    config = write_config(tmp_path, council_block())
    council = read_council({"council": council_block()}, config, tmp_path)
    css = colour_css(council)
    assert "--md-primary-fg-color: #1d4f6e;" in css and "--md-accent-fg-color: #8a3b12;" in css
    assert '[data-md-color-scheme="slate"]' in css
    for shade in dark_shades(council).values():
        assert c.ratio(shade, c.SLATE_BACKGROUND) >= c.AA_TEXT
        assert c.to_hex(shade) in css


# --- Local records ----------------------------------------------------------------------------------

def local_copy(tmp_path) -> Path:
    shutil.copytree(HARBOURSIDE / "data", tmp_path / "local")
    return tmp_path / "local"


def load_local(local: Path) -> object:
    return load_content(ROOT / "data", local_dir=local, local_label="councils/harbourside/data", local_name=NAME)


@pytest.fixture(scope="module")
def merged():
    return load_content(ROOT / "data", local_dir=HARBOURSIDE / "data",
                        local_label="examples/harbourside/data", local_name=NAME)


def test_local_records_merge_into_the_national_collections_and_are_marked(merged, content):
    local_files = {"events": "timeline.yml", "definitions": "definitions.yml", "cases": "cases.yml",
                   "terms": "glossary.yml", "sources": "sources.yml", "statements": "self-assessment.yml"}
    for name, file in local_files.items():
        top_key = {"events": "events", "terms": "terms"}.get(name, name)
        local_ids = [r["id"] for r in yaml.safe_load((HARBOURSIDE / "data" / file).read_text())[top_key]]
        collection = getattr(merged, name)
        assert local_ids and all(collection[i].local for i in local_ids), name
        # Every national record is still there, unchanged and not marked local.
        for record_id, record in getattr(content, name).items():
            assert collection[record_id] == record and not record.local, (name, record_id)
        assert len(collection) == len(getattr(content, name)) + len(local_ids)
    assert merged.documents == content.documents  # the national files as read
    assert set(merged.local_documents) == set(local_files)


def test_local_events_take_their_place_in_date_order(merged):
    order = list(merged.events)
    dates = [(merged.events[i].date.start, merged.events[i].date.end) for i in order]
    assert dates == sorted(dates)


def test_an_id_that_clashes_with_a_national_id_names_the_local_file(tmp_path):
    local = local_copy(tmp_path)
    text = (local / "timeline.yml").read_text().replace("id: harbourside-repairs-panel", "id: ostrom-chicago-police")
    (local / "timeline.yml").write_text(text)
    with pytest.raises(ContentError) as caught:
        load_local(local)
    [problem] = caught.value.problems
    assert str(problem).startswith("councils/harbourside/data/timeline.yml:")
    assert "'ostrom-chicago-police' is already used by a national event (data/timeline.yml, line" in str(problem)


def test_a_schema_error_in_a_local_file_names_it_with_line_and_column(tmp_path):
    local = local_copy(tmp_path)
    text = (local / "cases.yml").read_text().replace("    place: Harbourside", "    plaice: Harbourside")
    (local / "cases.yml").write_text(text)
    with pytest.raises(ContentError) as caught:
        load_local(local)
    lines = [str(p) for p in caught.value.problems]
    assert any(re.match(r"councils/harbourside/data/cases\.yml:\d+:\d+: case 'harbourside-repairs-panel' "
                        r"field 'plaice': 'plaice' is not a known field; did you mean 'place'\?", line)
               for line in lines), lines


def test_a_bad_reference_and_broken_yaml_in_local_files_name_them(tmp_path):
    local = local_copy(tmp_path)
    (local / "glossary.yml").write_text((local / "glossary.yml").read_text().replace("[time-banking]", "[time-bank]"))
    (local / "definitions.yml").write_text("definitions:\n  - id: x\n   label: y\n")
    with pytest.raises(ContentError) as caught:
        load_local(local)
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("councils/harbourside/data/glossary.yml:") and "unknown id 'time-bank'" in line
               for line in lines), lines
    assert any(line.startswith("councils/harbourside/data/definitions.yml:3:") and "not valid YAML" in line
               for line in lines), lines


def test_a_local_file_for_a_collection_councils_cannot_add_to_is_refused(tmp_path):
    local = local_copy(tmp_path)
    (local / "people.yml").write_text("people: []\n")
    with pytest.raises(ContentError, match=r"councils/harbourside/data/people\.yml:1:1: a council's local data can only"):
        load_local(local)


def test_local_records_refer_to_national_ids(merged):
    case = merged.cases["harbourside-repairs-panel"]
    assert "stages/co-design" in case.illustrates
    assert "time-banking" in merged.terms["harbourside-time-credit"].see_also


# --- Badges -----------------------------------------------------------------------------------------

def test_every_view_of_a_local_record_shows_the_badge_and_national_ones_do_not(merged, content):
    links = Links.for_page("history/")
    history = timeline.timeline(merged, links)
    assert history.count(BADGE) == 3
    assert 'data-event="harbourside-strategy-adopted"' in history and 'data-local="true"' in history
    assert BADGE in definitions.definitions_table(merged, links)
    assert BADGE in definitions.definitions(merged, links, ["harbourside-strategy"])
    assert BADGE in definitions.definition_compare(merged, links)
    assert cases.cases(merged, links).count(BADGE) == 1
    assert glossary.glossary(merged, links).count(BADGE) == 2
    bibliography = citations.bibliography(merged, links)
    assert "## Local sources: Harbourside Borough Council" in bibliography
    assert bibliography.count('<p class="local-line"><span class="local-badge">') == 2
    for render in (timeline.timeline(content, links), definitions.definitions_table(content, links),
                   cases.cases(content, links), glossary.glossary(content, links),
                   citations.bibliography(content, links)):
        assert "local-badge" not in render


# --- Open data --------------------------------------------------------------------------------------

def test_local_records_are_published_apart_and_the_national_files_are_unchanged(merged, content):
    schemas = {p.name: p.read_bytes() for p in (ROOT / "data" / "schemas").glob("*.schema.json")}
    national = exports.export(content, schemas)
    council = exports.export(merged, schemas)
    for path, data in national.items():
        if not path.endswith("README.txt"):
            assert council[path] == data, path
    local_json = json.loads(council["data/local-timeline.json"])
    assert local_json == yaml.safe_load((HARBOURSIDE / "data" / "timeline.yml").read_text())
    assert council["data/local-timeline.csv"].decode().splitlines()[0].startswith("id,")
    readme = council["data/README.txt"].decode()
    assert "Local records" in readme and NAME in readme
    found = {d.collection: d for d in exports.downloads(merged, schemas)}
    assert found["local-events"].count == 3 and "Harbourside" in found["local-events"].description
