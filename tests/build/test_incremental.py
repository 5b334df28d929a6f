"""`make serve` (mkdocs serve --dirty) after a data edit: the pages that show the edited record are up to date,
and no other page is touched (macros/adapters/incremental.py, hooks/incremental.py).

In one process, as `mkdocs serve` does: a first build, an edit of one event's title in data/timeline.yml,
and a rebuild. Then a fresh full build of the edited project. The rebuilt site must equal the fresh one
file for file, and the only pages written again must be ones that read the events.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import scale_data
from tests.conftest import ROOT

pytestmark = pytest.mark.build

MARKER = "A marker title for the incremental build"

SERVE_TWICE = """
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.INFO, format="%(message)s")  # the serve log, on stderr
site = Path(sys.argv[1])
config = load_config("mkdocs.yml", site_dir=str(site))
config.plugins.on_startup(command="serve", dirty=True)
build(config, dirty=True)
before = {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
timeline = Path("data/timeline.yml")
lines = timeline.read_text(encoding="utf-8").split(chr(10))
first = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
lines[first] = lines[first][: lines[first].index("title:")] + "title: " + sys.argv[2]
timeline.write_text(chr(10).join(lines), encoding="utf-8")
build(load_config("mkdocs.yml", site_dir=str(site)), dirty=True)
from macros.adapters.reads import reads
after = {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
# A change to the templates: every page again.
template = Path("overrides/main.html")
template.write_text(template.read_text(encoding="utf-8") + " ", encoding="utf-8")
build(load_config("mkdocs.yml", site_dir=str(site)), dirty=True)
third = {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
print(json.dumps({"before": before, "after": after, "third": third,
                  "reads": {k: sorted(v) for k, v in reads.by_page.items()}}))
"""


def _env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": ""}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    project = scale_data.copy_project(tmp_path_factory.mktemp("incremental") / "project")
    served, fresh = project.parent / "served", project.parent / "fresh"
    result = subprocess.run([sys.executable, "-c", SERVE_TWICE, str(served), MARKER], cwd=project, env=_env(),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    notes = json.loads(result.stdout.strip().splitlines()[-1])
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(fresh)], cwd=project,
                           env=_env(), capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    notes["log"] = result.stderr
    return served, fresh, notes


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_rebuilt_site_is_the_same_as_a_fresh_build(sites):
    served, fresh, _ = sites
    served_files, fresh_files = _files(served), _files(fresh)
    assert sorted(served_files) == sorted(fresh_files)
    assert [name for name in fresh_files if served_files[name] != fresh_files[name]] == []
    assert MARKER in fresh_files["history/index.html"].decode()  # the edit is there to be seen


def test_only_pages_that_read_the_events_were_written_again(sites):
    served, _, notes = sites
    rewritten = {name for name, mtime in notes["before"].items()
                 if name.endswith("index.html") and notes["after"][name] != mtime}
    showing = {str(p.relative_to(served)) for p in served.rglob("index.html") if MARKER in p.read_text("utf-8")}
    assert showing and showing <= rewritten
    readers = {src for src, names in notes["reads"].items() if "events" in names}
    # Each page written again is the built page of a source that reads the events.
    assert all(any(page == _built(src) for src in readers) for page in rewritten), sorted(rewritten)
    assert len(rewritten) < len([n for n in notes["before"] if n.endswith("index.html")]) / 4


def test_a_change_to_the_templates_rebuilds_every_page(sites):
    _, _, notes = sites
    pages = [name for name in notes["after"] if name.endswith("index.html")]
    assert len(pages) > 50
    assert [name for name in pages if notes["third"][name] == notes["after"][name]] == []
    # The serve log says why: the data edit, then the template.
    assert "Changed in the data: events" in notes["log"]
    assert "Changed: overrides/main.html" in notes["log"]


def _built(src: str) -> str:
    stem = src.removesuffix(".md")
    return "index.html" if stem == "index" else (stem.removesuffix("/index") + "/index.html")


def test_a_plain_build_does_not_note_what_pages_read():
    """The notes cost a little on every access to the data: only `mkdocs serve --dirty` takes them."""
    from macros.adapters import incremental

    incremental.start("build", False)
    assert not incremental.active()
    incremental.start("serve", False)
    assert not incremental.active()


assert ROOT.is_dir()
