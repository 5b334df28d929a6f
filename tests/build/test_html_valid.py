"""Every built page is valid HTML: the W3C Nu HTML Checker (vnu.jar) finds no errors.

Checks every HTML file of the real site (pages, embeds, 404) and of the offline build in one run of
the checker. `make test` fetches the pinned vnu.jar (Makefile, VNU_VERSION) and sets VNU_JAR; Java comes
from the system (Debian: default-jre-headless, which .ci/run installs). Without Java or the jar the test
is skipped, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build


def find_jar() -> Path | None:
    """VNU_JAR if set, else the newest vnu-*.jar that `make test` put in the virtualenv."""
    if os.environ.get("VNU_JAR"):
        jar = Path(os.environ["VNU_JAR"])
        return jar if jar.is_file() else None
    for venv in (Path(sys.prefix), ROOT / ".venv"):
        jars = sorted((venv / "vnu").glob("vnu-*.jar"))
        if jars:
            return jars[-1]
    return None


def missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def offline_site_dir(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("offline-site") / "site"
    result = build_site(dest, config=ROOT / "mkdocs-offline.yml")
    assert result.returncode == 0, f"strict offline build failed:\n{result.stdout}\n{result.stderr}"
    return dest


def test_every_built_page_is_valid_html(site_dir, offline_site_dir):
    java = shutil.which("java")
    if not java:
        missing("java is not installed (Debian: apt-get install default-jre-headless)")
    jar = find_jar()
    if not jar:
        missing("vnu.jar is missing: run `make test`, or set VNU_JAR to the Nu HTML Checker's jar")

    roots = {site_dir: "site", offline_site_dir: "offline"}
    files = sorted(str(p) for root in roots for p in root.rglob("*.html"))
    assert len(files) > 20, f"only {len(files)} HTML files were built"
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not report JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")

    def name(url: str) -> str:
        path = Path(url.removeprefix("file:")).resolve()
        for root, label in roots.items():
            if path.is_relative_to(root.resolve()):
                return f"{label}/{path.relative_to(root.resolve())}"
        return url

    problems: dict[str, list[tuple[int, str]]] = {}
    for m in messages:
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            line = m.get("lastLine") or m.get("firstLine") or 0
            extract = " ".join((m.get("extract") or "").split())
            text = f"line {line}: {m['message']}" + (f"  [{extract}]" if extract else "")
            problems.setdefault(name(m.get("url", "?")), []).append((line, text))
    report = "\n".join(f"{page}:\n" + "\n".join(f"  {text}" for _, text in sorted(found))
                       for page, found in sorted(problems.items()))
    assert not problems, f"the Nu HTML Checker found errors in {len(problems)} file(s):\n{report}"
    assert result.returncode == 0, f"vnu exited {result.returncode}:\n{result.stderr}"
