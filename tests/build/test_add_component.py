"""Adding a component takes one folder and one registry line (macros/components/README section in
macros/README.md). This test does exactly that in a copy of the project, with the fixture component in
tests/fixtures/greeting/, and builds: the macro renders on a page, the page loads the component's own
script and style (and pages that do not use it do not), and the component has its embed."""

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


@pytest.fixture(scope="module")
def greeting_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("project") / "explainer"
    shutil.copytree(ROOT, project, ignore=IGNORED)
    shutil.copytree(ROOT / "tests" / "fixtures" / "greeting", project / "macros" / "components" / "greeting")
    registry = project / "macros" / "components" / "__init__.py"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace('    "accessibility",\n)', '    "accessibility",\n    "greeting",\n)'),
                        encoding="utf-8")
    assert '"greeting"' in registry.read_text(encoding="utf-8")
    (project / "docs" / "greeting.md").write_text("# Greeting\n\n{{ greeting('world') }}\n", encoding="utf-8")
    config = project / "mkdocs.yml"  # a page outside the nav, as --strict wants it declared
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /greeting.md\n"),
                      encoding="utf-8")
    site = project / "site"
    # The copy's engine, not the installed one: PYTHONPATH comes before the editable install.
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def assets(html: str) -> set[str]:
    return {re.sub(r"^(\.\./)+", "", path) for path in re.findall(r'(?:src|href)="([^"]*assets/components/[^"]+)"', html)}


def test_the_macro_renders_on_its_page(greeting_site):
    html = (greeting_site / "greeting" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="greeting" data-greeting>Hello, world: the timeline has \d+ events\.</p>', html)


def test_the_page_loads_the_components_own_assets_and_other_pages_do_not(greeting_site):
    page = assets((greeting_site / "greeting" / "index.html").read_text(encoding="utf-8"))
    assert {"assets/components/greeting/greeting.js", "assets/components/greeting/greeting.css"} <= page
    assert (greeting_site / "assets" / "components" / "greeting" / "greeting.js").is_file()
    home = assets((greeting_site / "index.html").read_text(encoding="utf-8"))
    assert not any("greeting" in path for path in home), home


def test_the_component_has_its_embed_with_its_assets(greeting_site):
    embed = (greeting_site / "embed" / "greeting" / "index.html").read_text(encoding="utf-8")
    assert "Hello, embed" in embed
    assert "assets/components/greeting/greeting.js" in " ".join(assets(embed))
