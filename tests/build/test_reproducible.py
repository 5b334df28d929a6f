"""The same sources give the same bytes: two builds of one tree, into different folders, are identical.

Each build runs with its own PYTHONHASHSEED, so output that depends on set or dict-of-set order shows up here
rather than on the next deploy. The offline zip is checked the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_SITE_URL

pytestmark = pytest.mark.build

EPOCH = "1700000000"


def _start(command: list[str], seed: str) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "SITE_URL": TEST_SITE_URL,
           "PYTHONHASHSEED": seed}
    env.pop("DATA_DIR", None)
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(process: subprocess.Popen) -> None:
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, f"{' '.join(process.args)} failed:\n{output}"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(first: Path, second: Path) -> list[str]:
    a, b = _files(first), _files(second)
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def _mkdocs(config: str, dest: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / config), "-d", str(dest)]


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path):
    """The site (sitemap.xml.gz included) and the offline zip, each built twice in parallel."""
    sites = [tmp_path / "one" / "site", tmp_path / "two" / "nested" / "site"]
    offline = [tmp_path / "offline-one" / "coproduction-explainer", tmp_path / "offline-two" / "x" / "coproduction-explainer"]
    processes = [_start(_mkdocs("mkdocs.yml", dest), seed) for dest, seed in zip(sites, ("1", "2"))]
    processes += [_start(_mkdocs("mkdocs-offline.yml", dest), seed) for dest, seed in zip(offline, ("3", "4"))]
    for process in processes:
        _finish(process)

    assert (sites[0] / "sitemap.xml").is_file() and (sites[0] / "sitemap.xml.gz").is_file()
    differing = _differences(*sites)
    assert not differing, f"{len(differing)} files differ between two builds of the same tree: {differing}"

    zips = []
    for index, folder in enumerate(offline):
        (folder / "404.html").unlink(missing_ok=True)  # as `make offline` does
        out = tmp_path / f"offline-{index}.zip"
        zipper = _start([sys.executable, str(ROOT / "scripts" / "zip_dir.py"), str(folder), str(out)], str(index))
        _finish(zipper)
        zips.append(out)
    differing = _differences(*offline)
    assert not differing, f"{len(differing)} files differ between two offline builds of the same tree: {differing}"
    assert zips[0].read_bytes() == zips[1].read_bytes(), "the two offline zips differ"
