"""Shared fixtures: the project paths and one strict build of the real site per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Test builds are published under a sub-path, as on GitHub Pages, so links that ignore it break the tests.
TEST_SITE_URL = "https://example.org/coproduction-explainer/"
# A council's intranet address, deeper than TEST_SITE_URL, for the sub-path hosting tests.
COUNCIL_SITE_URL = "https://example.org/council/coproduction/"


def build_site(dest: Path, *, config: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict mkdocs build as a content editor would, returning the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)]
    if config:
        command += ["-f", str(config)]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000",
                "SITE_URL": TEST_SITE_URL, **(env or {})}
    return subprocess.run(command, cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    dest = tmp_path_factory.mktemp("site") / "site"
    result = build_site(dest)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def council_site_dir(tmp_path_factory) -> Path:
    """The real site built for COUNCIL_SITE_URL, as a council would host it under a sub-path."""
    dest = tmp_path_factory.mktemp("council-site") / "site"
    result = build_site(dest, env={"SITE_URL": COUNCIL_SITE_URL})
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


# The worked example of a council's own branding and local records (a fictional council).
HARBOURSIDE = ROOT / "examples" / "harbourside"


@pytest.fixture(scope="session")
def harbourside_site_dir(tmp_path_factory) -> Path:
    """The fictional Harbourside council's site (examples/harbourside/mkdocs.yml), built once with --strict."""
    dest = tmp_path_factory.mktemp("harbourside-site") / "site"
    result = build_site(dest, config=HARBOURSIDE / "mkdocs.yml")
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def content():
    from macros.load import load_content

    return load_content(ROOT / "data")
