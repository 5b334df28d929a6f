"""The built site ships our own scripts and styles minified (macros/postbuild/minify.py), and only where used."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from macros.components import site_assets
from macros.postbuild.minify import docs_assets
from tests.conftest import ROOT

pytestmark = pytest.mark.build

COMMENT = re.compile(rb"/\*(?!!)")  # a comment block that is not a licence


def our_files():
    """{site path: source file} of every script and style of ours that a build ships."""
    return {**{path: ROOT / "docs" / path for path in docs_assets(ROOT / "docs")}, **site_assets()}


def test_our_scripts_and_styles_are_minified_in_the_site(site_dir):
    files = our_files()
    assert len(files) > 20
    for path, source in files.items():
        built = (site_dir / path).read_bytes()
        assert len(built) < 0.9 * source.stat().st_size, path
        assert not COMMENT.search(built), f"{path} still has a comment block"
        assert not re.search(rb"\n[ \t]", built), f"{path} is still indented"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to parse the scripts")
def test_every_minified_script_still_parses(site_dir):
    scripts = [site_dir / path for path in our_files() if path.endswith(".js")]
    for script in scripts:
        result = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.relative_to(site_dir)}: {result.stderr}"
