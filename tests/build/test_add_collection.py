"""Adding a collection takes a YAML file, its schema, its typed record and one registry line (data/README.md,
"Adding a collection"). This test follows those steps word for word in a copy of the project, with a `places`
collection, and builds: the site builds strictly, publishes the collection as open data, lists it on the Open
data page, counts it, and names its records under the sources they cite."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.build

IGNORED = shutil.ignore_patterns(".git", ".venv*", "site", "site-*", ".site-build", ".offline-build", "__pycache__",
                                 ".pytest_cache", "*.egg-info", "*.zip")

# Step 1: the data, and its schema copied from themes.schema.json and changed as the README says.
PLACES_YML = """# yaml-language-server: $schema=schemas/places.schema.json
places:
  - id: rushey-green
    name: Rushey Green Time Bank
    since: "1999"
    summary: A time bank run from a *GP surgery* in south London.
    sources: [seed-hcct]
  - id: chicago-beats
    name: Chicago police beats
    since: 1970s
    summary: Where Ostrom's team studied how residents and police kept neighbourhoods safe.
    sources: [seed-bussu-2014, seed-hcct]
"""
PLACE_FIELDS = {
    "id": {"$ref": "common.schema.json#/$defs/slug"},
    "name": {"$ref": "common.schema.json#/$defs/plainText"},
    "since": {"$ref": "common.schema.json#/$defs/fuzzyDate"},
    "summary": {"$ref": "common.schema.json#/$defs/text"},
    "sources": {"$ref": "common.schema.json#/$defs/slugList", "minItems": 1, "x-refers-to": "sources"},
}
TITLE = "Places where co-production was tried"

# Step 2: its typed record, and a field for the collection on Content.
PLACE_RECORD = '''

@dataclass(frozen=True)
class Place:
    id: str
    name: str
    summary: str
    sources: tuple[str, ...]
    since: FuzzyDate | None = None
'''
CONTENT_FIELD = "    places: dict[str, Place] = field(default_factory=dict)\n"

# Step 3: its registry line.
REGISTRY_LINE = '    Entry("places.yml", "place"),\n'


def _insert_after(path, anchor: str, addition: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(anchor) == 1, f"test setup: {anchor!r} is not once in {path.name}"
    path.write_text(text.replace(anchor, anchor + addition), encoding="utf-8")


@pytest.fixture(scope="module")
def places_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("project") / "explainer"
    shutil.copytree(ROOT, project, ignore=IGNORED)
    data = project / "data"
    (data / "places.yml").write_text(PLACES_YML, encoding="utf-8")
    schema = json.loads((data / "schemas" / "themes.schema.json").read_text(encoding="utf-8"))
    schema.update({"$id": "places.schema.json", "title": TITLE, "required": ["places"]})
    records = schema["properties"].pop("themes")
    records["items"].update({"required": ["id", "name", "summary", "sources"], "properties": PLACE_FIELDS})
    schema["properties"]["places"] = records
    (data / "schemas" / "places.schema.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")

    models = project / "macros" / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + PLACE_RECORD, encoding="utf-8")
    _insert_after(models, "    modules: dict[str, Module] = field(default_factory=dict)  # the induction course, "
                          "in course order\n", CONTENT_FIELD)
    _insert_after(project / "macros" / "collections.py", '    Entry("course.yml", "module"),\n', REGISTRY_LINE)

    # Not a step: a page that shows the count, so the test can read what pages see.
    with (project / "docs" / "open-data.md").open("a", encoding="utf-8") as page:
        page.write("\n<p id=\"places-count\">{{ counts.places }} places</p>\n")
    site = project / "site"
    # The copy's engine, not the installed one: PYTHONPATH comes before the editable install.
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("DATA_DIR", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_the_collection_is_published_as_open_data(places_site):
    document = json.loads((places_site / "data" / "places.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in document["places"]] == ["rushey-green", "chicago-beats"]
    rows = list(csv.DictReader(io.StringIO((places_site / "data" / "places.csv").read_text(encoding="utf-8"))))
    assert rows[1]["sources"] == "seed-bussu-2014; seed-hcct"
    assert (places_site / "data" / "schemas" / "places.schema.json").is_file()
    assert f"- places: {TITLE} (2 records)" in (places_site / "data" / "README.txt").read_text(encoding="utf-8")


def test_the_open_data_page_lists_and_counts_it(places_site):
    html = (places_site / "open-data" / "index.html").read_text(encoding="utf-8")
    row = re.search(rf'<th scope="row">{TITLE}</th>\s*<td>(\d+)</td>\s*<td><a href="([^"]+)">places.json</a>', html)
    assert row and row.group(1) == "2" and row.group(2).endswith("data/places.json")
    assert '<p id="places-count">2 places</p>' in html


def test_its_records_are_named_under_the_sources_they_cite(places_site):
    html = (places_site / "sources" / "index.html").read_text(encoding="utf-8")
    entry = html.split('<li id="seed-hcct"', 1)[1].split('<li id="', 1)[0]
    assert re.search(r'<li>Place: <a href="[^"]*open-data/">Rushey Green Time Bank</a></li>', entry)
    assert "Chicago police beats" in entry
