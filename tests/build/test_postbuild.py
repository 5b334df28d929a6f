"""The post-build step (macros/postbuild/) on real builds: the same without mkdocs, and its errors in a build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.config_file import read_config
from tests.conftest import HARBOURSIDE, ROOT, TEST_SITE_URL, build_site

pytestmark = pytest.mark.build


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def postbuild(site: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": TEST_SITE_URL}
    env.pop("DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "macros.postbuild", str(site), "-f", str(config)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_the_command_line_makes_what_the_mkdocs_build_made(site_dir, tmp_path):
    """Everything the step writes, taken away and made again without mkdocs, comes back byte for byte."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    made = [p for p in site.rglob("*embed.html") if not p.relative_to(site).as_posix().startswith("embed/")]
    assert len(made) > 10
    for path in made + [site / "csp.txt"]:
        path.unlink()
    for folder in ("data", "assets/components"):
        shutil.rmtree(site / folder)
    result = postbuild(site)
    assert result.returncode == 0, result.stderr
    before, after = files_of(site_dir), files_of(site)
    assert sorted(before) == sorted(after)
    assert [path for path in before if before[path] != after[path]] == []


def test_a_council_site_gets_its_logo_and_colours_from_the_command_line(harbourside_site_dir, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(harbourside_site_dir, site)
    shutil.rmtree(site / "assets" / "council")
    result = postbuild(site, HARBOURSIDE / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert files_of(site) == files_of(harbourside_site_dir)


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs-offline.yml", "mkdocs-council.yml",
                                    "mkdocs-council-offline.yml", "examples/harbourside/mkdocs.yml"])
@pytest.mark.parametrize("site_url", [None, "https://example.org/x/"])
def test_a_config_reads_as_mkdocs_reads_it(config, site_url, monkeypatch):
    if site_url is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", site_url)
    with open(ROOT / config, "rb") as file:
        expected = yaml_load(file)
    assert read_config(ROOT / config) == json.loads(json.dumps(expected))


def test_a_page_no_policy_can_allow_fails_the_build_with_one_message(tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<button onclick="go()">Go</button>\n', encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(json.dumps({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": "docs", "theme": {"custom_dir": str(ROOT / "overrides")},
        "watch": [], "hooks": [str(ROOT / "hooks" / name) for name in ("council.py", "embeds.py", "postbuild.py")],
        "plugins": ["search", {"macros": {"module_name": str(ROOT / "macros"), "on_error_fail": True,
                                          "include_dir": str(ROOT / "macros" / "templates"), "on_undefined": "strict"}}],
    }), encoding="utf-8")
    result = build_site(tmp_path / "site", config=config, env={"DATA_DIR": str(ROOT / "data")})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "No Content-Security-Policy can allow this without 'unsafe-inline': about/" in output, output
    assert "inline event handler onclick= on <button>" in output and "Traceback" not in output
