"""Full builds of the real site and of small fixture sites, checked by reading the output."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build

PAGES = ["index.html", "history/index.html", "definitions/index.html", "typologies/index.html",
         "typologies/compare/index.html", "people/index.html", "examples/index.html", "glossary/index.html",
         "sources/index.html", "about/index.html"]


def test_every_page_is_built(site_dir):
    for page in PAGES:
        assert (site_dir / page).is_file(), page


@pytest.fixture(scope="module")
def search_index(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return " ".join(d["title"] + " " + d["text"] for d in docs), docs


def test_search_finds_data_generated_text(search_index, content):
    text, _ = search_index
    samples = [
        content.definitions["quilligan"].text[:60],
        content.events["ostrom-chicago-police"].title,
        content.typologies["levels"].categories[0].name,
        content.cases["rushey-green-time-bank"].title,
        content.terms[next(iter(content.terms))].term,
        "Needham, C. and Carr, S.",
    ]
    for sample in samples:
        assert sample.replace("'", "&#x27;") in text or sample in text, sample


def test_search_leaves_out_what_pages_repeat(search_index, site_dir):
    """The printable handbook (the six modules again), the Sources page's lists of where each source is used
    (every record's title, indexed on its own page), the pager on each definition's and framework's page,
    and the course's controls are not indexed; the pages still show them."""
    text, docs = search_index
    assert not [d["location"] for d in docs if d["location"].startswith("learn/handbook/")]
    for words in ("Where this site uses it", "definitions in all", "frameworks in all", "Yes, clear my progress",
                  "What you write stays on this device"):
        assert words not in text, words
    assert "Where this site uses it" in (site_dir / "sources" / "index.html").read_text(encoding="utf-8")
    assert "definitions in all" in (site_dir / "definitions" / "quilligan" / "index.html").read_text(encoding="utf-8")


def test_search_links_each_event_to_its_anchor(search_index, content):
    _, docs = search_index
    locations = {d["location"] for d in docs}
    assert "history/#ostrom-chicago-police" in locations
    assert "definitions/#quilligan" in locations


def test_broken_data_fails_with_readable_lines_and_no_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    timeline = data / "timeline.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace('date: "1970s"', 'date: "1970-13"', 1),
                        encoding="utf-8")
    (data / "eras.yml").write_text("", encoding="utf-8")
    result = build_site(tmp_path / "site", env={"DATA_DIR": str(data)})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "data/timeline.yml:6:11: event 'ostrom-chicago-police' field 'date': '1970-13' is not a real date" in output
    assert "data/eras.yml:1:1: the file is empty" in output
    assert not (tmp_path / "site").exists()


def test_failed_make_build_keeps_the_previous_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv*", "site", "site-*", ".site-build", ".git",
                                                                 "*.pyc"))
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    data = project / "data" / "people.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("    role:", "    rolex:", 1), encoding="utf-8")
    venv = Path(os.environ.get("VIRTUAL_ENV") or ROOT / ".venv")
    # The copy's engine, not the one the venv has installed (editable, from ROOT): PYTHONPATH comes first.
    result = subprocess.run(["make", "build", f"VENV={venv}"], cwd=project, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "DATA_DIR": "", "PYTHONPATH": str(project)})
    assert result.returncode != 0
    assert "'rolex' is not a known field" in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not (project / ".site-build").exists()


def test_failed_make_offline_keeps_the_previous_zip(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv*", "site", "site-*", ".site-build", ".offline-build", ".offline.zip", "*.zip", ".git", "*.pyc"))
    venv = Path(os.environ.get("VIRTUAL_ENV") or ROOT / ".venv")
    env = {**os.environ, "DATA_DIR": "", "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(project)}
    zip_path = project / "coproduction-explainer-offline.zip"
    good = subprocess.run(["make", "offline", f"VENV={venv}"], cwd=project, capture_output=True, text=True,
                          timeout=300, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    before = zip_path.read_bytes()
    assert before.startswith(b"PK")
    data = project / "data" / "people.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("    role:", "    rolex:", 1), encoding="utf-8")
    result = subprocess.run(["make", "offline", f"VENV={venv}"], cwd=project, capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode != 0
    assert "'rolex' is not a known field" in result.stdout + result.stderr
    assert zip_path.read_bytes() == before
    assert not (project / ".offline-build").exists() and not (project / ".offline.zip").exists()


def fixture_site(tmp_path: Path, page: str) -> Path:
    """A one-page site that uses the real macros and data, for checking what a page author sees."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Fixture\n"
        "plugins:\n  - macros:\n"
        f"      module_name: {ROOT / 'macros'}\n"
        f"      include_dir: {ROOT / 'macros' / 'templates'}\n"
        "      on_error_fail: true\n      on_undefined: strict\n"
        "markdown_extensions: [abbr, attr_list, toc]\n",
        encoding="utf-8")
    return config


def test_unknown_id_in_a_page_fails_the_build(tmp_path):
    config = fixture_site(tmp_path, "# Page\n\n{{ typology('no-such-typology') }}\n")
    result = build_site(tmp_path / "site", config=config, env={"DATA_DIR": str(ROOT / "data")})
    assert result.returncode != 0
    assert "unknown typology id 'no-such-typology'" in result.stdout + result.stderr


def test_undefined_variable_in_a_page_fails_the_build(tmp_path):
    config = fixture_site(tmp_path, "# Page\n\n{{ no_such_macro }}\n")
    result = build_site(tmp_path / "site", config=config, env={"DATA_DIR": str(ROOT / "data")})
    assert result.returncode != 0


def test_data_text_is_escaped_in_the_built_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    timeline = data / "timeline.yml"
    text = timeline.read_text(encoding="utf-8")
    marked = text.replace('    title: "', '    title: "Tom & Jerry <3 *stars* ', 1)  # the first event's title
    assert marked != text, "the first timeline event should have a quoted title to change"
    timeline.write_text(marked, encoding="utf-8")
    config = fixture_site(tmp_path, "# Page\n\n{{ timeline_list(era='origins') }}\n")
    result = build_site(tmp_path / "site", config=config, env={"DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Tom &amp; Jerry &lt;3 *stars* Elinor Ostrom" in html
